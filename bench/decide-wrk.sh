#!/usr/bin/env bash
# POST /api/v1/decisions with wrk on a running node (fresh H2 store, the decision tests' policy, a
# token with decision:read) against a bare Javalin endpoint that echoes the same JSON, started from
# the same jar with the same JVM settings (BareEcho), in the same script with the same wrk settings.
# The question is about a subject, allowed (a contract purpose), so no deny entry is written. Runs
# the pair RUNS times (default 2), alternating, and prints each ratio (target >= 0.5).
# PROFILE=FILE also records the node with JFR during its last run (jdk.ExecutionSample into FILE).
#   bench/decide-wrk.sh      (DURATION=15s WARMUP=15s CONNECTIONS=16 RUNS=2)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/store.sh
duration=${DURATION:-15s}
connections=${CONNECTIONS:-16}
runs=${RUNS:-2}
port=${PORT:-18096}
url="http://127.0.0.1:$port"
jvm=(-Xmx1g)
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install -y wrk)" >&2; exit 1; }
[ -f target/steward.jar ] || mvn -B -q -ntp package -DskipTests
[ -f target/test-classes/dev/steward/bench/BareEcho.class ] || mvn -B -q -ntp test-compile
work=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill $pid 2>/dev/null; rm -rf "$work"' EXIT
store=(--data-dir "$work/h2")
policy=(--policy src/test/resources/policy/decisions.yaml)
create_store "${store[@]}" "${policy[@]}"
echo "bench-only-password-$(date +%s%N)" |
  java -jar target/steward.jar users add --username bench-staff --role dpo --password-stdin "${store[@]}" \
    >/dev/null 2>&1 || true
token=$(java -jar target/steward.jar tokens create --user bench-staff --name bench \
  --scopes decision:read --expires-in 1d "${store[@]}" | grep -o 'stw_[A-Za-z0-9_-]*' | head -1)
export BODY='{"subject":"3f0c8a52-9a4e-4d8e-8a43-2b3f3c1d9e7a","system":"crm","purpose":"service","categories":["contact.email"]}'

up() {
  until curl -fs -o /dev/null -X POST -H 'Content-Type: application/json' -d "$BODY" \
    -H "Authorization: Bearer $token" "$url$1"; do
    kill -0 "$pid" 2>/dev/null || { echo "server died:" >&2; tail -20 "$work/server.log" >&2; exit 1; }
    sleep 0.2
  done
}
down() { kill "$pid"; wait "$pid" 2>/dev/null || true; pid=; }
rate() { # path: requests/s of one run after a warm-up
  wrk -t2 -c"$connections" -d"${WARMUP:-15s}" -s bench/decide.lua -H "Authorization: Bearer $token" "$url$1" >/dev/null
  local out
  out=$(wrk -t2 -c"$connections" -d"$duration" -s bench/decide.lua -H "Authorization: Bearer $token" "$url$1")
  if echo "$out" | grep -q "Non-2xx"; then echo "non-2xx answers from $1:" >&2; echo "$out" >&2; exit 1; fi
  echo "$out" | awk '/Requests\/sec/ {print $2}'
}

echo "wrk -t2 -c$connections -d$duration, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for i in $(seq 1 "$runs"); do
  java "${jvm[@]}" -cp target/steward.jar:target/test-classes dev.steward.bench.BareEcho "$port" \
    >"$work/server.log" 2>&1 &
  pid=$!
  up /echo
  bare=$(rate /echo)
  down
  extra=()
  if [ -n "${PROFILE:-}" ] && [ "$i" = "$runs" ]; then
    extra=(-XX:StartFlightRecording=filename="$PROFILE",settings=profile)
  fi
  java "${jvm[@]}" "${extra[@]}" -jar target/steward.jar serve "${store[@]}" "${policy[@]}" --port "$port" \
    >"$work/server.log" 2>&1 &
  pid=$!
  up /api/v1/decisions
  steward=$(rate /api/v1/decisions)
  down
  printf '  run %d: bare echo %8.0f req/s, POST /api/v1/decisions %8.0f req/s, ratio %.2f (target >= 0.5)\n' \
    "$i" "$bare" "$steward" "$(echo "$steward / $bare" | bc -l)"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
