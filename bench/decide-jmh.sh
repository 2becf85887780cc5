#!/usr/bin/env bash
# In-process decisions with JMH (see src/test/java/dev/steward/bench/DecideBench.java): decide by
# subject id with 1,000,000 subjects in memory against the plain ConcurrentHashMap look-up of the
# subject's key, and decide by email (normalise, keyed hash, look up) beside one HMAC-SHA256, all
# measured in the same run. Prints JMH's table and the ratios (target: by subject <= 3x the map).
#   bench/decide-jmh.sh            (SUBJECTS=1000000; JMH_OPTS replaces '-wi 3 -w 2s -i 5 -r 2s';
#                                   BENCH='DecideBench.(mapLookup|decideBySubject)' runs a part)
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/steward.jar ] || mvn -B -q -ntp package -DskipTests
[ -f target/test-classes/META-INF/BenchmarkList ] || mvn -B -q -ntp test-compile
mvn -B -q -ntp dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.cp >/dev/null
out=$(mktemp)
trap 'rm -f "$out"' EXIT
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
java -Xmx4g -Dbench.subjects="${SUBJECTS:-1000000}" \
  -cp "target/classes:target/test-classes:$(cat target/bench.cp)" org.openjdk.jmh.Main "${BENCH:-DecideBench}" \
  -f 1 ${JMH_OPTS:--wi 3 -w 2s -i 5 -r 2s} -jvmArgs "-Xmx4g -Dbench.subjects=${SUBJECTS:-1000000}" \
  -rf csv -rff "$out"
# "Benchmark","Mode","Threads","Samples","Score","Score Error (99.9%)","Unit"
score() { awk -F, -v b="\"dev.steward.bench.DecideBench.$1\"" '$1 == b { print $5 }' "$out"; }
map=$(score mapLookup); subject=$(score decideBySubject)
hmac=$(score hmacSha256); hash=$(score keyedHash); email=$(score decideByEmail)
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
line() { # label value [baseline name of baseline]
  [ -n "$2" ] || return 0
  if [ -n "${3:-}" ]; then
    printf '  %-44s %10.1f ns  %.2f x %s\n' "$1" "$2" "$(echo "$2 / $3" | bc -l)" "$4"
  else
    printf '  %-44s %10.1f ns\n' "$1" "$2"
  fi
}
line "ConcurrentHashMap.get (baseline)" "$map"
line "decide by subject id" "$subject" "$map" "the map (target <= 3)"
line "one HMAC-SHA256 (baseline)" "$hmac"
line "normalise + keyed hash" "$hash" "$hmac" "the HMAC"
line "decide by email" "$email" "$hmac" "the HMAC"
