#!/usr/bin/env bash
# Audited reads per second over HTTP, with wrk: POST /api/v1/subjects/search (a different imported
# email per request, in the body; each answer waits for its durable, hash-chained audit entry) on
# the 1,000,000-subject PostgreSQL store that `KEEP=DIR bench/import.sh` kept. Baseline in the same
# run, same node, same token, same wrk settings: GET /api/v1/policy/versions, an authenticated read
# without an audit entry (/health is rate-limited as a public probe). Each, after a warm-up, at a
# moderate load (8 connections, each pausing PACE_MS, default 4 ms, between requests: a fixed
# offered rate well below capacity, for latency), at 8 connections without pauses, and at 64
# connections (saturation, for throughput).
#   KEEP=DIR H2_N=1000 bench/import.sh && bench/search.sh DIR
# DURATION (default 30s) sets each measurement's length.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:?usage: bench/search.sh DIR   (DIR kept by KEEP=DIR bench/import.sh)}
duration=${DURATION:-30s}
port=${PORT:-18080}
url="http://127.0.0.1:$port"
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install -y wrk)" >&2; exit 1; }
[ -f target/steward.jar ] || mvn -B -q -ntp package -DskipTests
pg="jdbc:postgresql://${PGHOST:-127.0.0.1}:5432"
store=(--data-dir "$dir/pg" --db-url "$pg/bench_store?user=${PGUSER:-postgres}"
  --keyring-url "$pg/bench_keyring?user=${PGUSER:-postgres}")

# A staff user and a token with subject:read, made through the CLI like an operator would.
echo "bench-only-password-$(date +%s)" |
  java -jar target/steward.jar users add --username bench-reader --role dpo --password-stdin \
    "${store[@]}" >/dev/null 2>&1 || true
STEWARD_TOKEN=$(java -jar target/steward.jar tokens create --user bench-reader --name bench \
  --scopes subject:read,policy:read --expires-in 1d "${store[@]}" | grep -o 'stw_[A-Za-z0-9_-]*' | head -1)
export STEWARD_TOKEN

java -jar target/steward.jar serve "${store[@]}" --port "$port" >"$dir/serve.log" 2>&1 &
node=$!
trap 'kill $node 2>/dev/null; wait $node 2>/dev/null || true' EXIT
until curl -fs -o /dev/null "$url/health"; do
  kill -0 "$node" 2>/dev/null || { echo "node died:" >&2; tail -20 "$dir/serve.log" >&2; exit 1; }
  sleep 0.2
done

cut -d, -f1 "$dir/subjects.csv" | tail -n +2 | shuf -n 100000 --random-source=<(yes) >"$dir/emails.txt"
export EMAILS="$dir/emails.txt"

# "REQ/S P50 P99": wrk's figures for one run.
measure() {
  local connections=$1 script=$2 path=$3 out
  out=$(PACE_MS=${PACED:-} wrk -t2 -c"$connections" -d"$duration" --latency -H "Authorization: Bearer $STEWARD_TOKEN" \
    ${script:+-s "$script"} "$url$path")
  echo "$out" >>"$dir/wrk.log"
  if echo "$out" | grep -q "Non-2xx"; then
    echo "non-2xx answers during the run; see $dir/wrk.log" >&2
    exit 1
  fi
  echo "$(echo "$out" | awk '/Requests\/sec/ {print $2}') \
$(echo "$out" | awk '$1 == "50%" {print $2}') $(echo "$out" | awk '$1 == "99%" {print $2}')"
}

: >"$dir/wrk.log"
wrk -t2 -c16 -d10s -s bench/search.lua "$url/api/v1/subjects/search" >/dev/null # warm-up
wrk -t2 -c16 -d5s -H "Authorization: Bearer $STEWARD_TOKEN" "$url/api/v1/policy/versions" >/dev/null
pace=${PACE_MS:-4}
read -r hm hmp50 hmp99 <<<"$(PACED=$pace measure 8 bench/pace.lua /api/v1/policy/versions)"
read -r sm smp50 smp99 <<<"$(PACED=$pace measure 8 bench/search.lua /api/v1/subjects/search)"
read -r h8 h8p50 h8p99 <<<"$(measure 8 "" /api/v1/policy/versions)"
read -r s8 s8p50 s8p99 <<<"$(measure 8 bench/search.lua /api/v1/subjects/search)"
read -r h64 h64p50 h64p99 <<<"$(measure 64 "" /api/v1/policy/versions)"
read -r s64 s64p50 s64p99 <<<"$(measure 64 bench/search.lua /api/v1/subjects/search)"
audited=$(psql -At -h "${PGHOST:-127.0.0.1}" -U "${PGUSER:-postgres}" bench_store \
  -c "select count(*) from audit_entry where action = 'subject.find'")

echo "HTTP over loopback, wrk -t2, $duration each (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
printf '  %-44s %10s %10s %10s\n' "" "req/s" "p50" "p99"
printf '  %-44s %10.0f %10s %10s\n' "GET policy versions, moderate (baseline)" "$hm" "$hmp50" "$hmp99"
printf '  %-44s %10.0f %10s %10s  (target p99 < 5 ms)\n' \
  "audited search, moderate ($pace ms pauses)" "$sm" "$smp50" "$smp99"
printf '  %-44s %10.0f %10s %10s\n' "GET policy versions, 8 connections (baseline)" "$h8" "$h8p50" "$h8p99"
printf '  %-44s %10.0f %10s %10s\n' "audited search, 8 connections" "$s8" "$s8p50" "$s8p99"
printf '  %-44s %10.0f %10s %10s\n' "GET policy versions, 64 conn. (baseline)" "$h64" "$h64p50" "$h64p99"
printf '  %-44s %10.0f %10s %10s\n' "audited search, 64 connections" "$s64" "$s64p50" "$s64p99"
printf '  ratios audited / baseline: %.2f (8 connections), %.2f (64 connections)\n' \
  "$(echo "$s8 / $h8" | bc -l)" "$(echo "$s64 / $h64" | bc -l)"
printf '  audited reads/s at saturation: %.0f = %.1f x the 156/s reference (target > 30 x)\n' \
  "$s64" "$(echo "$s64 / 156" | bc -l)"
echo "  subject.find audit entries in the store after the runs: $audited"
