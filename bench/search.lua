-- wrk script for POST /api/v1/subjects/search with an email that was imported, a different one per
-- request, in the body (identities never go in URLs). Reads the emails from EMAILS (one per line)
-- and the bearer token from STEWARD_TOKEN.
--   wrk -t2 -c16 -d30s --latency -s bench/search.lua http://127.0.0.1:8080/api/v1/subjects/search
local emails = {}

init = function(args)
  for line in io.lines(os.getenv("EMAILS")) do
    emails[#emails + 1] = line
  end
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
end

request = function()
  local email = emails[math.random(#emails)]
  local body = '{"identity":{"type":"email","value":"' .. email .. '"}}'
  return wrk.format("POST", nil, {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. os.getenv("STEWARD_TOKEN"),
  }, body)
end

response = function(status, headers, body)
  if status ~= 200 then
    io.stderr:write("unexpected status " .. status .. "\n")
  end
end

-- PACE_MS=N paces each connection (see pace.lua); search.sh runs wrk from the repository root.
dofile("bench/pace.lua")
