#!/usr/bin/env bash
# Start-up time to the first 200 on /health: Steward on the embedded default (first start on an
# empty data dir, and a restart on the same dir) against a bare Javalin app started the same way
# from the same jar. Prints medians and ratios to the baseline. Usage: bench/startup.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
[ -f target/steward.jar ] || mvn -B -q -ntp package -DskipTests
[ -d target/test-classes ] || mvn -B -q -ntp test-compile
cp="target/steward.jar:target/test-classes"
port=18181
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

tick=$(getconf CLK_TCK)

# "WALL_MS CPU_MS": from launch until /health answers 200, and the process's CPU time by then.
time_to_health() {
  local start now pid cpu
  start=$(date +%s%N)
  "$@" >"$work/out.log" 2>&1 &
  pid=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$port/health"; do
    kill -0 "$pid" 2>/dev/null || { echo "process died:" >&2; cat "$work/out.log" >&2; exit 1; }
    sleep 0.01
  done
  now=$(date +%s%N)
  cpu=$(awk -v t="$tick" '{print int(($14 + $15) * 1000 / t)}' "/proc/$pid/stat")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "$(( (now - start) / 1000000 )) $cpu"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }

bare=(); first=(); again=()
for i in $(seq 1 "$runs"); do
  bare+=("$(time_to_health java -cp "$cp" dev.steward.bench.BareJavalin $port)")
  rm -rf "$work/data"
  first+=("$(time_to_health java -jar target/steward.jar serve --data-dir "$work/data" --port $port)")
  again+=("$(time_to_health java -jar target/steward.jar serve --data-dir "$work/data" --port $port)")
done
col() { printf '%s\n' "$@" | awk -v c="$field" '{print $c}' | median; }
field=1; bw=$(col "${bare[@]}"); fw=$(col "${first[@]}"); rw=$(col "${again[@]}")
field=2; bc_=$(col "${bare[@]}"); fc=$(col "${first[@]}"); rc=$(col "${again[@]}")
echo "start-up to first 200 on /health, median of $runs runs (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
printf '  %-34s %6d ms wall %6d ms CPU\n' "bare Javalin (baseline)" "$bw" "$bc_"
printf '  %-34s %6d ms wall %6d ms CPU  wall ratio %.2f (target <= 2.00), CPU ratio %.2f\n' \
  "Steward, first start (empty dir)" "$fw" "$fc" "$(echo "$fw/$bw" | bc -l)" "$(echo "$fc/$bc_" | bc -l)"
printf '  %-34s %6d ms wall %6d ms CPU  wall ratio %.2f (target <= 2.00), CPU ratio %.2f\n' \
  "Steward, restart (same dir)" "$rw" "$rc" "$(echo "$rw/$bw" | bc -l)" "$(echo "$rc/$bc_" | bc -l)"
