#!/usr/bin/env bash
# Meridian's load against Jena's sequential TDB2 loader, taken in turns: one load of each in
# `bench/run.sh` moves by ±5 % from run to run on this machine, about as much as a change to the
# load gains, so this repeats the pair and compares medians. Run after `bench/run.sh`: it uses that
# run's jar, project and N-Quads in $BENCH_WORK.
#
#   bench/load-ab.sh            # 10M, three rounds: about 13 minutes
#   bench/load-ab.sh 1M 5
set -euo pipefail
repo=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
WORK=${BENCH_WORK:-/tmp/meridian-bench}
HEAP=${BENCH_HEAP:-2g}
SCALE=${1:-10M}
ROUNDS=${2:-3}
JAR=$WORK/tools/meridian.jar
QUIET_LOG=$repo/bench/log4j2-quiet.properties
dir=$WORK/$SCALE
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

for need in "$JAR" "$dir/project" "$dir/data.nq"; do
  [ -e "$need" ] || { echo "load-ab: $need is missing: run bench/run.sh first" >&2; exit 2; }
done

seconds() { # COMMAND...: the wall-clock seconds the command took
  local start; start=$(date +%s.%N)
  "$@" > /dev/null
  awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.2f", e - s }'
}

meridian() {
  rm -rf "$scratch/db"
  java -Xmx$HEAP -Dlog4j2.configurationFile="$QUIET_LOG" -cp "$JAR" org.meridian.bench.BenchMain load "$dir/project" "$scratch/db"
}
tdbloader() {
  rm -rf "$scratch/tdb"
  java -Xmx$HEAP -Dlog4j2.configurationFile="$QUIET_LOG" -cp "$JAR" tdb2.tdbloader --loader=sequential --loc "$scratch/tdb" "$dir/data.nq"
}

echo "round,engine,scale,seconds"
ours=() theirs=()
for round in $(seq "$ROUNDS"); do
  sync; t=$(seconds meridian); ours+=("$t"); echo "$round,meridian,$SCALE,$t"
  sync; t=$(seconds tdbloader); theirs+=("$t"); echo "$round,tdb2.tdbloader-sequential,$SCALE,$t"
done
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
m=$(median "${ours[@]}"); j=$(median "${theirs[@]}")
awk -v m="$m" -v j="$j" -v n="$ROUNDS" -v s="$SCALE" \
  'BEGIN { printf "# median of %d at %s: meridian %.1f s, tdb2.tdbloader-sequential %.1f s: Meridian loads at %.2fx its rate\n", n, s, m, j, j / m }'
