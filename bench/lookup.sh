#!/usr/bin/env bash
# Audited lookups by email with 1,000,000 subjects stored: the vault's service layer against a bare
# index probe measured in the same run (see LookupBench). Needs the store bench/import.sh leaves
# behind with KEEP=DIR:   KEEP=/tmp/steward-bench bench/import.sh && bench/lookup.sh /tmp/steward-bench
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:?usage: bench/lookup.sh DIR (from KEEP=DIR bench/import.sh)}
seconds=${2:-20}
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
[ -f target/steward.jar ] || mvn -B -q -ntp package -DskipTests
[ -d target/test-classes/dev/steward/bench ] || mvn -B -q -ntp test-compile
pg="jdbc:postgresql://$PGHOST:5432"
java -Xmx1g -cp target/steward.jar:target/test-classes dev.steward.bench.LookupBench \
  "$dir/pg" "$pg/bench_store?user=$PGUSER" "$pg/bench_keyring?user=$PGUSER" \
  "$dir/subjects.csv" "$seconds"
