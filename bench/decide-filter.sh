#!/usr/bin/env bash
# Filtering a mailing list of 1,000,000 emails against 200,000 opt-outs of direct marketing, end to
# end through POST /api/v1/decisions/filter on a running node (H2 store in a temporary directory,
# the opt-outs recorded under the emails' keyed hashes beforehand), against `LC_ALL=C sort` +
# `comm -23` of the same two files measured in the same script. 150,000 of the opt-outs are on the
# list, 50,000 are not. Each side runs RUNS times (default 3), alternating; both outputs must hold
# the same 850,000 addresses. Prints every run and the ratio of the medians (sort+comm time /
# Steward time: 1 or more means Steward is at least as fast).
#   bench/decide-filter.sh          (N=1000000 OPTOUTS=200000 RUNS=3 to change the sizes)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/store.sh
n=${N:-1000000}
optouts=${OPTOUTS:-200000}
runs=${RUNS:-3}
port=${PORT:-18097}
url="http://127.0.0.1:$port"
[ -f target/steward.jar ] || mvn -B -q -ntp package -DskipTests
[ -f target/test-classes/dev/steward/bench/SeedOptOuts.class ] || mvn -B -q -ntp test-compile
work=$(mktemp -d)
node=
trap '[ -n "$node" ] && kill $node 2>/dev/null; rm -rf "$work"' EXIT
ms() { echo $(( $(date +%s%N) / 1000000 )); }

# Distinct lower-case addresses in random order; the opt-outs: 3/4 from the list, 1/4 not on it.
awk -v n="$n" 'BEGIN { srand(42); for (i = 0; i < n; i++)
  printf "p%d.%x@mail%d.example.com\n", i, int(rand() * 1e9), int(rand() * 500) }' |
  shuf --random-source=<(yes) >"$work/list.txt"
{ head -n $(( optouts * 3 / 4 )) "$work/list.txt"
  awk -v n=$(( optouts - optouts * 3 / 4 )) 'BEGIN { for (i = 0; i < n; i++) printf "gone%d@elsewhere.example.org\n", i }'
} | shuf --random-source=<(yes) >"$work/optouts.txt"
{ echo email; cat "$work/list.txt"; } >"$work/list.csv"
echo "list: $(wc -l <"$work/list.txt") emails, $(du -h "$work/list.txt" | cut -f1); opt-outs: $(wc -l <"$work/optouts.txt")"

store=(--data-dir "$work/h2")
policy=(--policy src/test/resources/policy/decisions.yaml)
create_store "${store[@]}" "${policy[@]}"
java -Xmx1g -cp target/steward.jar:target/test-classes dev.steward.bench.SeedOptOuts \
  "$work/h2" "" "" "$work/optouts.txt"

java ${JAVA_OPTS:-} -jar target/steward.jar serve "${store[@]}" "${policy[@]}" --port "$port" >"$work/serve.log" 2>&1 &
node=$!
until curl -fs -o /dev/null "$url/health"; do
  kill -0 "$node" 2>/dev/null || { echo "node died:" >&2; tail -20 "$work/serve.log" >&2; exit 1; }
  sleep 0.2
done
echo "bench-only-password-$(date +%s%N)" |
  java -jar target/steward.jar users add --username bench-staff --role dpo --password-stdin "${store[@]}" \
    >/dev/null 2>&1 || true
token=$(java -jar target/steward.jar tokens create --user bench-staff --name bench \
  --scopes decision:read --expires-in 1d "${store[@]}" | grep -o 'stw_[A-Za-z0-9_-]*' | head -1)

baseline() {
  LC_ALL=C sort "$work/list.txt" >"$work/list.sorted"
  LC_ALL=C sort "$work/optouts.txt" >"$work/optouts.sorted"
  LC_ALL=C comm -23 "$work/list.sorted" "$work/optouts.sorted" >"$work/kept.comm"
}
steward() {
  curl -fsS -o "$work/kept.csv" -H "Authorization: Bearer $token" -H 'Content-Type: text/csv' \
    --data-binary @"$work/list.csv" \
    "$url/api/v1/decisions/filter?system=crm&purpose=marketing&categories=contact.email&channel=email"
}

steward # warm-up: the JIT, and the first load of the opt-outs' pages
declare -a base_ms stew_ms
for i in $(seq 1 "$runs"); do
  start=$(ms); baseline; base_ms+=($(( $(ms) - start )))
  start=$(ms); steward; stew_ms+=($(( $(ms) - start )))
done
kept_comm=$(wc -l <"$work/kept.comm")
kept_steward=$(( $(wc -l <"$work/kept.csv") - 1 ))
if [ "$kept_comm" -ne "$kept_steward" ] ||
  ! cmp -s "$work/kept.comm" <(tail -n +2 "$work/kept.csv" | LC_ALL=C sort); then
  echo "the two outputs differ: comm kept $kept_comm, Steward $kept_steward" >&2
  exit 1
fi
median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
mb=$(median "${base_ms[@]}")
msw=$(median "${stew_ms[@]}")
echo "kept $kept_steward of $n (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
printf '  %-46s %s ms (median %s)\n' "LC_ALL=C sort + comm -23 (baseline)" "${base_ms[*]}" "$mb"
printf '  %-46s %s ms (median %s)\n' "POST /api/v1/decisions/filter, curl" "${stew_ms[*]}" "$msw"
printf '  ratio baseline / Steward: %.2f (target >= 1)\n' "$(echo "$mb / $msw" | bc -l)"
