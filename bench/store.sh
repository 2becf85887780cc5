# Sourced by the benchmarks. Creates a store as an operator does, by starting a node on it once:
# only `serve` creates a store, the other commands refuse to. Usage: create_store STORE-OPTIONS...
create_store() {
  local port=${CREATE_STORE_PORT:-18099} log
  log=$(mktemp)
  java -jar target/steward.jar serve "$@" --port "$port" >"$log" 2>&1 &
  local pid=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$port/health"; do
    kill -0 "$pid" 2>/dev/null || { echo "node died:" >&2; tail -20 "$log" >&2; return 1; }
    sleep 0.2
  done
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  rm -f "$log"
}
