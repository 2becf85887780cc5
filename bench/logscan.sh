#!/usr/bin/env bash
# Log scanning against grep on 1 GiB of combined-format access logs (generated into a temporary
# directory, removed at the end): one subject's email vs `LC_ALL=C grep -F -c`, and 1,000
# subjects' emails vs `grep -F -c -f` with the same 1,000 patterns. Both sides are timed as whole
# processes (the scanner's JVM start included), best of RUNS, after one warm-up read that puts the
# file in the page cache.   bench/logscan.sh [SIZE_MIB=1024] [RUNS=3]
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-1024}
runs=${2:-3}
[ -f target/steward.jar ] || mvn -B -q -ntp -o package -DskipTests
[ -d target/test-classes/dev/steward/bench ] || mvn -B -q -ntp -o test-compile
dir=$(mktemp -d /tmp/steward-logscan.XXXXXX)
trap 'rm -rf "$dir"' EXIT
cp="target/classes:target/test-classes:target/steward.jar"
[ -f target/steward.jar ] || cp="target/classes:target/test-classes:$(cat target/bench.classpath 2>/dev/null)"
java -cp "$cp" dev.steward.bench.LogsGen "$dir" "$size"
cat "$dir/access.log" > /dev/null

now() { date +%s.%N; }
best() { # best wall time of RUNS runs of "$@"; prints "seconds output"
  local best_t="" out t0 t1 t
  for _ in $(seq "$runs"); do
    t0=$(now); out=$("$@"); t1=$(now)
    t=$(echo "$t1 - $t0" | bc -l)
    if [ -z "$best_t" ] || (( $(echo "$t < $best_t" | bc -l) )); then best_t=$t; fi
  done
  echo "$best_t $out"
}
scan() { java -Xmx1g -cp "$cp" dev.steward.bench.LogScanBench "$dir" "$1" | cut -d' ' -f1; }

echo "load average: $(cat /proc/loadavg)   file: $(du -h "$dir/access.log" | cut -f1)   cores: $(nproc)"
read -r g1 c1 < <(best env LC_ALL=C grep -F -c -f "$dir/one.txt" "$dir/access.log")
read -r s1 m1 < <(best scan "$dir/one.txt")
read -r g2 c2 < <(best env LC_ALL=C grep -F -c -f "$dir/many.txt" "$dir/access.log")
read -r s2 m2 < <(best scan "$dir/many.txt")
printf '%-34s %10s %10s %10s\n' "case" "grep s" "scanner s" "speed"
printf '%-34s %10.2f %10.2f %9.2fx   (lines: grep %s, scanner %s)\n' "1 subject (grep -F -c)" "$g1" "$s1" "$(echo "$g1 / $s1" | bc -l)" "$c1" "$m1"
printf '%-34s %10.2f %10.2f %9.2fx   (lines: grep %s, scanner %s)\n' "1,000 subjects (grep -F -c -f)" "$g2" "$s2" "$(echo "$g2 / $s2" | bc -l)" "$c2" "$m2"
echo "load average after: $(cat /proc/loadavg)"
