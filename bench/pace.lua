-- wrk script that only paces: with PACE_MS=N each connection waits N ms before its next request,
-- so the offered load is a fixed, moderate rate instead of as fast as the node answers. Used for
-- the baseline of bench/search.sh's moderate-load figure (search.lua paces the same way).
local pace = tonumber(os.getenv("PACE_MS") or "")
if pace then
  delay = function()
    return pace
  end
end
