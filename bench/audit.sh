#!/usr/bin/env bash
# Audit log benchmark: append throughput from 32 threads and verification speed, on an H2 file
# and on PostgreSQL (STEWARD_TEST_PG_URL, default 127.0.0.1:5432/test as postgres), each with its
# ratio to a baseline measured in the same run. Extra arguments go to the benchmark, e.g.
#   bench/audit.sh --seconds 10 --entries 1000000 --engines h2
# Temporary databases are dropped at the end; nothing is written into the repository.
set -euo pipefail
cd "$(dirname "$0")/.."

mvn -q -B test-compile
mvn -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath

echo "machine: $(nproc) cores, $(free -h | awk '/^Mem:/ {print $2}') RAM, $(java -version 2>&1 | head -1)"
exec java -Xms1g -Xmx1g -Dlogback.configurationFile=bench/logback.xml -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
  dev.steward.bench.AuditBench "$@"
