#!/usr/bin/env bash
# Import of N generated subjects (email, phone, name; default 1,000,000) on PostgreSQL and H2, with
# the heap capped at 512 MB. Baseline, measured in the same run: \copy of the very rows Steward
# wrote (exported after the import) into empty tables with the same indexes and constraints. The
# mapping's source, customers, is indirect in the bundled policy, so those rows include one
# GDPR Art. 14 notice per subject.
# Prints subjects/s and the ratio Steward / \copy (target >= 0.50). Nothing is kept afterwards.
# Usage: bench/import.sh [N] ; PG at 127.0.0.1:5432, user postgres (override with PGHOST etc.)
# H2_N=M imports only the first M subjects on H2 (default: all N).
# KEEP=DIR keeps the PostgreSQL store, its keyring and data dir for bench/lookup.sh DIR.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/store.sh
n=${1:-1000000}
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
[ -f target/steward.jar ] || mvn -B -q -ntp package -DskipTests
if [ -n "${KEEP:-}" ]; then
  work=$KEEP
  mkdir -p "$work"
  trap 'rm -rf "$work/h2" "$work/h2.csv" "$work"/*.copy; dropdb --if-exists bench_copy' EXIT
else
  work=$(mktemp -d)
  trap 'rm -rf "$work"; for db in bench_store bench_keyring bench_copy; do dropdb --if-exists "$db"; done' EXIT
fi
ms() { echo $(( $(date +%s%N) / 1000000 )); }
rate() { echo "$1 * 1000 / $2" | bc -l; }

java bench/GenerateSubjects.java "$n" "$work/subjects.csv" 42
echo "generated $n subjects: $(du -h "$work/subjects.csv" | cut -f1)"

for db in bench_store bench_keyring bench_copy; do dropdb --if-exists "$db"; createdb "$db"; done
pg="jdbc:postgresql://$PGHOST:5432"
create_store --data-dir "$work/pg" --db-url "$pg/bench_store?user=$PGUSER" \
  --keyring-url "$pg/bench_keyring?user=$PGUSER"
start=$(ms)
java -Xmx512m -jar target/steward.jar import "$work/subjects.csv" --mapping bench/subjects-mapping.yaml \
  --data-dir "$work/pg" --db-url "$pg/bench_store?user=$PGUSER" \
  --keyring-url "$pg/bench_keyring?user=$PGUSER" 2>"$work/pg.err" | tee "$work/pg.out"
steward_pg=$(( $(ms) - start ))

# The baseline: the rows Steward wrote, copied into empty tables with the same schema.
tables="vault_subject vault_identity vault_record art14_notice"
pg_dump --schema-only $(printf -- '-t %s ' $tables) bench_store | psql -q bench_copy
pg_dump --schema-only -t data_key bench_keyring | psql -q bench_copy
for t in $tables; do
  psql -q bench_store -c "\\copy $t to '$work/$t.copy'"
done
psql -q bench_keyring -c "\\copy data_key to '$work/data_key.copy'"
rows=$(cat "$work"/*.copy | wc -l)
start=$(ms)
for t in $tables data_key; do
  psql -q bench_copy -c "\\copy $t from '$work/$t.copy'"
done
copy=$(( $(ms) - start ))

echo
echo "import of $n subjects (3 identities + 3 encrypted records + 1 Art. 14 notice each; $rows table rows), -Xmx512m"
printf '  %-48s %8d ms %8.0f subjects/s\n' "\\copy of Steward's rows into PostgreSQL (baseline)" \
  "$copy" "$(rate "$n" "$copy")"
printf '  %-48s %8d ms %8.0f subjects/s  ratio %.2f (target >= 0.50)\n' \
  "steward import, PostgreSQL" "$steward_pg" "$(rate "$n" "$steward_pg")" \
  "$(echo "$copy / $steward_pg" | bc -l)"

h2n=${H2_N:-$n}
head -n $((h2n + 1)) "$work/subjects.csv" > "$work/h2.csv"
rm -rf "$work/h2"
create_store --data-dir "$work/h2"
start=$(ms)
java -Xmx512m -jar target/steward.jar import "$work/h2.csv" --mapping bench/subjects-mapping.yaml \
  --data-dir "$work/h2" 2>"$work/h2.err" | tee "$work/h2.out"
steward_h2=$(( $(ms) - start ))
printf '  %-48s %8d ms %8.0f subjects/s  (%d subjects)\n' "steward import, H2 (embedded)" \
  "$steward_h2" "$(rate "$h2n" "$steward_h2")" "$h2n"
