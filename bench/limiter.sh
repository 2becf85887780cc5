#!/usr/bin/env bash
# The public routes' rate limiter with JMH (src/test/java/dev/steward/bench/RateLimiterBench.java):
# the cost of one check with 1,000, 100,000 and 1,000,000 client addresses seen, in one run, and the
# ratio of each to the figure at 1,000 (target: flat, i.e. of the same order, from 1,000 to
# 1,000,000). JMH_OPTS replaces '-wi 3 -w 2s -i 5 -r 2s'.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/test-classes/META-INF/BenchmarkList ] || mvn -B -q -ntp test-compile
mvn -B -q -ntp dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.cp >/dev/null
out=$(mktemp)
trap 'rm -f "$out"' EXIT
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
java -Xmx1g -cp "target/classes:target/test-classes:$(cat target/bench.cp)" org.openjdk.jmh.Main RateLimiterBench \
  -f 1 ${JMH_OPTS:--wi 3 -w 2s -i 5 -r 2s} -jvmArgs "-Xmx1g" -rf csv -rff "$out"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
# "Benchmark","Mode","Threads","Samples","Score","Score Error (99.9%)","Unit","Param: addresses"
awk -F, 'NR > 1 { n = $NF; gsub(/["\r]/, "", n); score[n] = $5 }
  END {
    base = score["1000"]
    for (n in score) printf "  %9s addresses  %8.1f ns per check  %.2f x the figure at 1,000\n", n, score[n], score[n] / base
  }' "$out" | sort -n
