#!/usr/bin/env bash
# Per-request cost of the HTTP edge, with wrk: GET /api/v1/policy/versions (an authenticated read
# that writes no audit entry; bearer token with policy:read) on a node with a fresh H2 store,
# against GET /json of a bare Javalin app answering the very bytes the node answered (BareJson),
# started from the same jar with the same JVM settings, with the same wrk settings, in the same
# script. Runs the pair RUNS times (default 2), alternating, and prints each ratio (target >= 0.5).
# PROFILE=FILE also records the node with JFR during its last run (settings=profile, into FILE).
# JAR=FILE runs another build of the node (an earlier commit's, for a before/after in one session).
#   bench/reqcost-wrk.sh      (DURATION=15s WARMUP=15s CONNECTIONS=16 RUNS=2 HEAP=512m PORT=18141)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/store.sh
duration=${DURATION:-15s}
connections=${CONNECTIONS:-16}
runs=${RUNS:-2}
port=${PORT:-18141}
url="http://127.0.0.1:$port"
jvm=(-Xmx"${HEAP:-512m}")
jar=${JAR:-target/steward.jar}
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install -y wrk)" >&2; exit 1; }
[ -f target/steward.jar ] || mvn -B -q -ntp package -DskipTests
[ -f target/test-classes/dev/steward/bench/BareJson.class ] || mvn -B -q -ntp test-compile
work=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill $pid 2>/dev/null; rm -rf "$work"' EXIT
store=(--data-dir "$work/h2")
policy=(--policy src/test/resources/policy/decisions.yaml)
create_store "${store[@]}" "${policy[@]}"
echo "bench-only-password-$(date +%s%N)" |
  java -jar "$jar" users add --username bench-staff --role dpo --password-stdin "${store[@]}" \
    >/dev/null 2>&1 || true
token=$(java -jar "$jar" tokens create --user bench-staff --name bench \
  --scopes policy:read --expires-in 1d "${store[@]}" | grep -o 'stw_[A-Za-z0-9_-]*' | head -1)
path=/api/v1/policy/versions

up() {
  until curl -fs -o /dev/null -H "Authorization: Bearer $token" "$url$1"; do
    kill -0 "$pid" 2>/dev/null || { echo "server died:" >&2; tail -20 "$work/server.log" >&2; exit 1; }
    sleep 0.2
  done
}
down() { kill "$pid"; wait "$pid" 2>/dev/null || true; pid=; }
rate() { # path: requests/s of one run after a warm-up
  wrk -t2 -c"$connections" -d"${WARMUP:-15s}" -H "Authorization: Bearer $token" "$url$1" >/dev/null
  local out
  out=$(wrk -t2 -c"$connections" -d"$duration" -H "Authorization: Bearer $token" "$url$1")
  if echo "$out" | grep -q "Non-2xx"; then echo "non-2xx answers from $1:" >&2; echo "$out" >&2; exit 1; fi
  echo "$out" | awk '/Requests\/sec/ {print $2}'
}
serve() { # extra JVM options...
  java "${jvm[@]}" "$@" -jar "$jar" serve "${store[@]}" "${policy[@]}" --port "$port" \
    >"$work/server.log" 2>&1 &
  pid=$!
  up "$path"
}

# The bare app answers what the node answers, byte for byte.
serve
curl -fs -H "Authorization: Bearer $token" "$url$path" >"$work/answer.json"
down
echo "GET $path: $(wc -c <"$work/answer.json") bytes of JSON; JVM ${jvm[*]}"
echo "wrk -t2 -c$connections -d$duration, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for i in $(seq 1 "$runs"); do
  java "${jvm[@]}" -cp target/steward.jar:target/test-classes dev.steward.bench.BareJson "$port" \
    "$work/answer.json" >"$work/server.log" 2>&1 &
  pid=$!
  up /json
  bare=$(rate /json)
  down
  extra=()
  if [ -n "${PROFILE:-}" ] && [ "$i" = "$runs" ]; then
    extra=(-XX:StartFlightRecording=filename="$PROFILE",settings=profile)
  fi
  serve "${extra[@]}"
  steward=$(rate "$path")
  down
  printf '  run %d: bare JSON %8.0f req/s, GET %s %8.0f req/s, ratio %.2f (target >= 0.5), load %s\n' \
    "$i" "$bare" "$path" "$steward" "$(echo "$steward / $bare" | bc -l)" "$(cut -d' ' -f1 /proc/loadavg)"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
