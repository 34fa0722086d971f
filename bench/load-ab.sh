#!/usr/bin/env bash
# Meridian's load against Jena's TDB2 loaders, taken in turns: one load of each in `bench/run.sh`
# moves by ±5 % from run to run on this machine, about as much as a change to the load gains, so
# this repeats them and compares medians. Which of Jena's loaders is fastest depends on the scale
# and the run (`sequential` at 1M; `parallel` or `phased` at 10M), so it takes all three by default.
# Run after `bench/run.sh`: it uses that run's jar, project and N-Quads in $BENCH_WORK.
#
#   bench/load-ab.sh                    # 10M, three rounds of all three loaders: about 20 minutes
#   bench/load-ab.sh 1M 5 sequential
set -euo pipefail
repo=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
WORK=${BENCH_WORK:-/tmp/meridian-bench}
HEAP=${BENCH_HEAP:-2g}
SCALE=${1:-10M}
ROUNDS=${2:-3}
LOADERS=${3:-"sequential parallel phased"}
JAR=$WORK/tools/meridian.jar
QUIET_LOG=$repo/bench/log4j2-quiet.properties
. "$repo/bench/meridian-load-opts.sh"
MERIDIAN_LOAD_OPTS=$(meridian_load_opts "$HEAP")
JENA_LOAD_OPTS=${BENCH_JENA_LOAD_OPTS:-}  # e.g. -XX:+UseParallelGC, to compare with the same collector
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
  java -Xmx$HEAP $MERIDIAN_LOAD_OPTS -Dlog4j2.configurationFile="$QUIET_LOG" -cp "$JAR" org.meridian.bench.BenchMain load "$dir/project" "$scratch/db"
}
tdbloader() { # LOADER
  rm -rf "$scratch/tdb"
  java -Xmx$HEAP $JENA_LOAD_OPTS -Dlog4j2.configurationFile="$QUIET_LOG" -cp "$JAR" tdb2.tdbloader --loader="$1" --loc "$scratch/tdb" "$dir/data.nq"
}

echo "round,engine,scale,seconds"
declare -A times
for round in $(seq "$ROUNDS"); do
  sync; t=$(seconds meridian); times[meridian]+=" $t"; echo "$round,meridian,$SCALE,$t"
  for loader in $LOADERS; do
    sync; t=$(seconds tdbloader "$loader"); times[$loader]+=" $t"; echo "$round,tdb2.tdbloader-$loader,$SCALE,$t"
  done
done
median() { printf '%s\n' $1 | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
m=$(median "${times[meridian]}")
for loader in $LOADERS; do
  awk -v m="$m" -v j="$(median "${times[$loader]}")" -v n="$ROUNDS" -v s="$SCALE" -v l="$loader" \
    'BEGIN { printf "# median of %d at %s: meridian %.1f s, tdb2.tdbloader-%s %.1f s: Meridian loads at %.2fx its rate\n", n, s, m, l, j, j / m }'
done
