#!/usr/bin/env bash
# Every TDB2 loader Jena 5.6 ships, once each, on the N-Quads of a run's build: which one is the
# fastest on this machine, so the load target is measured against it. `bench/run.sh` times only
# `sequential` and `basic` (the issue measured `parallel` and `phased` no faster on 2 cores);
# this checks that claim, and `tdb2.xloader` too. Run after `bench/run.sh`: it uses that run's
# jar and N-Quads in $BENCH_WORK, and the same loader heap.
#
#   bench/loaders.sh            # 1M and 10M: about 15 minutes
#   bench/loaders.sh 1M
set -euo pipefail
repo=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
WORK=${BENCH_WORK:-/tmp/meridian-bench}
HEAP=${BENCH_HEAP:-2g}
SCALES=${*:-1M 10M}
LOADERS=${BENCH_LOADERS:-sequential phased parallel light xloader}
JAR=$WORK/tools/meridian.jar
QUIET_LOG=$repo/bench/log4j2-quiet.properties
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

[ -x /usr/bin/time ] || { echo "loaders: /usr/bin/time is missing (bench/run.sh installs it)" >&2; exit 2; }

command_for() { # LOADER FILE: the command that loads FILE into a new database under $scratch
  local java=(java -Xmx$HEAP -Dlog4j2.configurationFile="$QUIET_LOG" -cp "$JAR")
  if [ "$1" = xloader ]; then  # sorts with sort(1), whose CPU counts too (time(1) adds its children)
    COMMAND=("${java[@]}" tdb2.xloader.CmdxLoader --loc "$scratch/db" --tmpdir "$scratch/tmp" "$2")
  else
    COMMAND=("${java[@]}" tdb2.tdbloader --loader="$1" --loc "$scratch/db" "$2")
  fi
}

echo "loader,scale,triples,seconds,triples_per_s,cpu_s,peak_rss_mb,notes"
for scale in $SCALES; do
  dir=$WORK/$scale
  for need in "$JAR" "$dir/data.nq" "$dir/triples"; do
    [ -e "$need" ] || { echo "loaders: $need is missing: run bench/run.sh first" >&2; exit 2; }
  done
  triples=$(cat "$dir/triples")
  for loader in $LOADERS; do
    sync; rm -rf "$scratch/db" "$scratch/tmp"; mkdir -p "$scratch/tmp"
    command_for "$loader" "$dir/data.nq"
    if /usr/bin/time -o "$scratch/time" -f '%e %U %S %M' "${COMMAND[@]}" > "$scratch/out" 2>&1; then
      read -r wall user sys rss_kb < "$scratch/time"
      awk -v l="$loader" -v s="$scale" -v n="$triples" -v w="$wall" -v u="$user" -v y="$sys" -v r="$rss_kb" \
        'BEGIN { printf "%s,%s,%d,%.2f,%.0f,%.1f,%d,\n", l, s, n, w, n / w, u + y, r / 1024 }'
    else
      echo "$loader,$scale,$triples,,,,,\"failed: $(grep -m1 -E 'Exception|Error' "$scratch/out" | tr -d '",')\""
    fi
  done
done
