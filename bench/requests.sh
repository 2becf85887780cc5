#!/usr/bin/env bash
# Rights-request benchmarks over HTTP (bench/RequestBench.java):
#  1. 1,000 staff submissions sent at once to a node on the embedded default (a fresh H2 data dir),
#     against 1,000 authenticated reads (policy versions) sent at once to the same node; every one must be stored with its
#     due date.
#     The same burst again on PostgreSQL (PGHOST, default 127.0.0.1, user postgres): a fresh store
#     and keyring database, dropped at the end. Submissions beyond what the store can take are
#     answered 503 with Retry-After (admission control) and resent by the client after it.
#  2. With DIR (kept by KEEP=DIR bench/import.sh: 1,000,000 subjects on PostgreSQL): one more
#     subject with 1,000 records is imported, then an access request for it is timed from staff
#     starting it (verified) until it is completed with its package built, against reading the same
#     records over the API.
#   bench/requests.sh [DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/store.sh
dir=${1:-}
port=${PORT:-18090}
url="http://127.0.0.1:$port"
[ -f target/steward.jar ] || mvn -B -q -ntp package -DskipTests
work=$(mktemp -d)
node=
trap '[ -n "$node" ] && kill $node 2>/dev/null; rm -rf "$work"' EXIT

# Starts a node with the given store options, after making a staff token with the given scopes.
serve() {
  local scopes=$1; shift
  java -jar target/steward.jar serve "$@" --port "$port" >"${LOGS:-$work}/serve.log" 2>&1 &
  node=$!
  until curl -fs -o /dev/null "$url/health"; do
    kill -0 "$node" 2>/dev/null || { echo "node died:" >&2; tail -20 "${LOGS:-$work}/serve.log" >&2; exit 1; }
    sleep 0.2
  done
  # Beside the running node, as an operator would.
  echo "bench-only-password-$(date +%s%N)" |
    java -jar target/steward.jar users add --username bench-staff --role dpo --password-stdin "$@" \
      >/dev/null 2>&1 || true
  token=$(java -jar target/steward.jar tokens create --user bench-staff --name bench \
    --scopes "$scopes" --expires-in 1d "$@" | grep -o 'stw_[A-Za-z0-9_-]*' | head -1)
}
stop() { kill "$node"; wait "$node" 2>/dev/null || true; node=; }

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== H2 (embedded), heap: the jar's default"
serve request:submit,request:read,policy:read --data-dir "$work/h2"
java -cp target/steward.jar bench/RequestBench.java submit "$url" "$token" 1000
stop

echo "== PostgreSQL, load average: $(cut -d' ' -f1-3 /proc/loadavg)"
pgbase="jdbc:postgresql://${PGHOST:-127.0.0.1}:5432"
burst_db="bench_burst_$$"
psql_admin() { psql -h "${PGHOST:-127.0.0.1}" -U "${PGUSER:-postgres}" -d postgres -qAtc "$1"; }
psql_admin "create database ${burst_db}_store"
psql_admin "create database ${burst_db}_keyring"
trap '[ -n "$node" ] && kill $node 2>/dev/null; rm -rf "$work";
  psql_admin "drop database if exists ${burst_db}_store" || true
  psql_admin "drop database if exists ${burst_db}_keyring" || true' EXIT
pgstore=(--data-dir "$work/pg" --db-url "$pgbase/${burst_db}_store?user=${PGUSER:-postgres}"
  --keyring-url "$pgbase/${burst_db}_keyring?user=${PGUSER:-postgres}")
create_store "${pgstore[@]}"
serve request:submit,request:read,policy:read "${pgstore[@]}"
java -cp target/steward.jar bench/RequestBench.java submit "$url" "$token" 1000
stop

if [ -n "$dir" ]; then
  pg="jdbc:postgresql://${PGHOST:-127.0.0.1}:5432"
  store=(--data-dir "$dir/pg" --db-url "$pg/bench_store?user=${PGUSER:-postgres}"
    --keyring-url "$pg/bench_keyring?user=${PGUSER:-postgres}")
  email="heavy.$(date +%s)@example.com"
  { echo "email,phone,name"
    for i in $(seq 1 500); do echo "$email,+44 7500$(printf '%06d' "$i"),Record Holder $i"; done
  } >"$work/heavy.csv"
  create_store "${store[@]}"
  java -jar target/steward.jar import "$work/heavy.csv" --mapping bench/heavy-mapping.yaml \
    "${store[@]}" >/dev/null
  serve subject:read,request:submit,request:read,request:work "${store[@]}"
  java -cp target/steward.jar bench/RequestBench.java access "$url" "$token" "$email" 5
  stop
fi
