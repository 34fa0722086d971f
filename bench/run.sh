#!/usr/bin/env bash
# Meridian's benchmark: load, query, start-up and memory, side by side with Jena's own TDB2
# loaders, stock Fuseki 5.6.0 and Virtuoso 7 (Debian), in one run on this machine.
# Not a test: it takes tens of minutes. See bench/README.md for what it measures and how.
#
#   bench/run.sh                       # everything: 100k, 1M, 10M; queries at 1M; start-up at 10M
#   BENCH_SCALES="100k 1M" bench/run.sh
#   BENCH_STAGES="serve report" bench/run.sh   # re-run some stages on the data of an earlier run
#
# Results go to bench/report/ (CSV, report.md, chart.svg); scratch data to $BENCH_WORK.
set -euo pipefail
repo=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
OUT=${BENCH_OUT:-$repo/bench/report}
WORK=${BENCH_WORK:-/tmp/meridian-bench}
SCALES=${BENCH_SCALES:-"100k 1M 10M"}
SERVE_SCALE=${BENCH_SERVE_SCALE:-1M}
STARTUP_SCALE=${BENCH_STARTUP_SCALE:-10M}
STAGES=${BENCH_STAGES:-"setup generate load serve startup report"}
HEAP=${BENCH_HEAP:-2g}            # every loader JVM gets the same heap
SERVE_HEAP=${BENCH_SERVE_HEAP:-1g}  # every server JVM too: the target is serving 10M within 1 GiB
SMALL_HEAP=${BENCH_SMALL_HEAP-512m}  # Meridian's largest load once more within this, for the heap a load needs (empty: skipped)
LOAD_ROUNDS=${BENCH_LOAD_ROUNDS:-3}  # loads of every engine at a scale, taking turns; loads.csv holds each one's median round
LOAD_ROUNDS_10M=${BENCH_LOAD_ROUNDS_10M:-1}  # at 10M one round of all engines takes a quarter of an hour
SECONDS_PER_QUERY=${BENCH_SECONDS:-2}  # one timed run of one query on one engine
ROUNDS=${BENCH_ROUNDS:-5}            # timed runs of each query on each engine, the engines taking turns
SEED=${BENCH_SEED:-1}
PORT_OURS=3131; PORT_FUSEKI=3132; PORT_VIRT_HTTP=18891; PORT_VIRT_SQL=11112
JAR=$WORK/tools/meridian.jar   # a copy: rebuilding the project mid-run must not pull the jar from under a JVM
FUSEKI_JAR=$WORK/tools/jena-fuseki-server-5.6.0.jar
QUIET_LOG=$repo/bench/log4j2-quiet.properties
JENA_LOAD_OPTS=${BENCH_JENA_LOAD_OPTS:-}  # Jena's loaders as its scripts run them: the JVM's default collector
. "$repo/bench/meridian-load-opts.sh" # meridian_load_opts HEAP
# Meridian's serve with the class archive ./meridian serve uses (AppCDS): the first serve of a jar
# writes it as it exits, every later serve of that jar starts from it.
SERVE_ARCHIVE=$WORK/tools/meridian-serve.jsa
# and with the JIT's thresholds ./meridian serve gives it (BENCH_MERIDIAN_SERVE_OPTS, when set, replaces them)
MERIDIAN_SERVE_JIT=${BENCH_MERIDIAN_SERVE_OPTS--XX:CompileThresholdScaling=8}
meridian_serve_opts() {
  if [ -s "$SERVE_ARCHIVE" ] && [ "$SERVE_ARCHIVE" -nt "$JAR" ]; then echo "-XX:SharedArchiveFile=$SERVE_ARCHIVE"
  else echo "-XX:ArchiveClassesAtExit=$SERVE_ARCHIVE"; fi
}

log() { printf '%s bench: %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
mkdir -p "$OUT" "$WORK/tools"

# ---------------------------------------------------------------- setup
have_virtuoso() { command -v virtuoso-t >/dev/null && command -v isql-vt >/dev/null; }

setup() {
  log "building the jar"
  "$repo/meridian" --help >/dev/null
  cp "$repo/target/meridian.jar" "$JAR"
  local missing=()
  [ -x /usr/bin/time ] || missing+=(time)
  if [ "${BENCH_VIRTUOSO:-yes}" = yes ] && ! have_virtuoso; then missing+=(virtuoso-opensource-7-bin); fi
  if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ]; then
      log "installing ${missing[*]} from Debian"
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
        || log "could not install ${missing[*]}"
    else
      log "not root: cannot install ${missing[*]}; the benchmark skips what needs them"
    fi
  fi
  have_virtuoso || log "Virtuoso is not installed (virtuoso-t, isql-vt): Virtuoso is SKIPPED in this run"
  if [ ! -f "$FUSEKI_JAR" ]; then
    log "fetching jena-fuseki-server 5.6.0 from Maven Central"
    mvn -B -q -Dstyle.color=never dependency:copy -Dartifact=org.apache.jena:jena-fuseki-server:5.6.0 \
        -DoutputDirectory="$WORK/tools" >/dev/null
  fi
  {
    echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "commit: $(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo unknown)"
    echo "cpus: $(nproc); memory: $(free -g | awk '/Mem:/ {print $2}') GiB"
    echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
    echo "kernel: $(uname -r)"
    echo "java: $(java -version 2>&1 | head -1)"
    if have_virtuoso; then echo "virtuoso: $(virtuoso-t +? 2>&1 | grep -m1 -i version || true)"; else echo "virtuoso: not installed (skipped)"; fi
    echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "loader heap: -Xmx$HEAP; server heap: -Xmx$SERVE_HEAP"
    echo "JVM options of Meridian's serve: the class archive of the jar's first serve (-XX:SharedArchiveFile) and ${MERIDIAN_SERVE_JIT:-no JIT option}, as ./meridian serve"
    echo "JVM options of Meridian's load: $(meridian_load_opts $HEAP)${SMALL_HEAP:+, within $SMALL_HEAP: $(meridian_load_opts $SMALL_HEAP) (and the default collector)}; of Jena's loaders: ${JENA_LOAD_OPTS:-none}"
    echo "load rounds: $LOAD_ROUNDS of every engine in turns at each scale, $LOAD_ROUNDS_10M at 10M"
  } > "$OUT/environment.txt"
}

# ---------------------------------------------------------------- generate
generate() {
  for scale in $SCALES; do
    local dir=$WORK/$scale
    if [ -d "$dir/project/data" ]; then
      # The tables stay; what the repository says about them (ontology, shapes, checks, mappings) is current.
      log "$scale: project already generated; its ontology, queries and mappings refreshed from the repository"
      cp -r "$repo/ontology/." "$dir/project/ontology/"
      cp -r "$repo/queries/." "$dir/project/queries/"
      cp "$repo"/data/*.rq "$dir/project/data/"
      continue
    fi
    log "$scale: generating (seed $SEED)"
    mkdir -p "$dir"
    java -jar "$JAR" generate --project "$repo" --scale "$scale" --seed "$SEED" --out "$dir/project" >&2
  done
}

# ---------------------------------------------------------------- load
# timed CMD...: runs CMD under /usr/bin/time; sets WALL USER SYS RSS_KB
timed() {
  local t; t=$(mktemp)
  /usr/bin/time -o "$t" -f '%e %U %S %M' "$@"
  read -r WALL USER SYS RSS_KB < "$t"; rm -f "$t"
}

# record ENGINE SCALE TRIPLES NOTES: one row of load-rounds.csv (or of $LOAD_CSV) from the last timed run
record_load() {
  local rate cpu
  rate=$(awk -v n="$3" -v w="$WALL" 'BEGIN { printf "%.0f", n / w }')
  cpu=$(awk -v u="$USER" -v s="$SYS" 'BEGIN { printf "%.1f", u + s }')
  echo "$1,$2,$3,$WALL,$cpu,$((RSS_KB / 1024)),$rate,\"$4\"" >> "$OUT/${LOAD_CSV:-load-rounds.csv}"
  log "$1 $2${ROUND:+ (round $ROUND)}: $3 triples in ${WALL}s ($rate triples/s, ${cpu} CPU-s, $((RSS_KB / 1024)) MB peak RSS)"
}

# median_round ENGINE SCALE: which of the engine's rounds at SCALE took the median wall time (with an
# even number of rounds, the slower of the middle two)
median_round() {
  awk -F, -v engine="$1" -v scale="$2" '
    NR > 1 && $1 == engine && $2 == scale { wall[++n] = $4; rank[n] = n }
    END {
      for (i = 2; i <= n; i++)
        for (j = i; j > 1 && wall[rank[j]] + 0 < wall[rank[j - 1]] + 0; j--) { t = rank[j]; rank[j] = rank[j - 1]; rank[j - 1] = t }
      print rank[int(n / 2) + 1]
    }' "$OUT/load-rounds.csv"
}

# keep_median SCALE: each engine's median round at SCALE, from load-rounds.csv into loads.csv, its
# notes listing every round's seconds
keep_median() {
  local engine round
  awk -F, -v s="$1" 'NR > 1 && $2 == s && !seen[$1]++ { print $1 }' "$OUT/load-rounds.csv" | while read -r engine; do
    round=$(median_round "$engine" "$1")
    awk -F, -v engine="$engine" -v scale="$1" -v keep="$round" '
      NR > 1 && $1 == engine && $2 == scale { walls = walls (n++ ? ", " : "") $4; if (n == keep) row = $0 }
      END {
        if (n > 1) row = substr(row, 1, length(row) - 1) "; median of " n " rounds in turns: " walls " s\""
        print row
      }' "$OUT/load-rounds.csv" >> "$OUT/loads.csv"
  done
}

kv() { sed -n "s/^$1=//p" "$2"; }

# meridian_load HEAP PROJECT DB KVF: Meridian's load, timed, its phases (key=value) into KVF
meridian_load() {
  timed java -Xmx$1 $(meridian_load_opts $1) -Dlog4j2.configurationFile="$QUIET_LOG" -cp "$JAR" org.meridian.bench.BenchMain load "$2" "$3" > "$4"
}
phase_notes() { echo "map+index $(kv phase_map_s "$1")s; pack indexes $(kv phase_index_s "$1")s; checks $(kv phase_checks_s "$1")s"; }

load_ours() { # SCALE: the load of round $ROUND, its phases kept in $WORK for load_once
  local scale=$1 dir=$WORK/$1 kvf=$WORK/phases-$1-$ROUND.txt
  rm -rf "$dir/db"
  meridian_load "$HEAP" "$dir/project" "$dir/db" "$kvf"
  local quads; quads=$(kv quads "$kvf")
  record_load meridian "$scale" "$quads" "$(phase_notes "$kvf")"
  echo "$quads" > "$dir/triples"
  if [ ! -f "$dir/data.nq" ]; then # what the peers load: the very same quads
    java -Xmx$HEAP -cp "$JAR" org.meridian.bench.BenchMain dump "$dir/db" "$dir/data.nq" >/dev/null
  fi
}

# load_once SCALE: after the rounds, the phases of Meridian's median load, and what is measured once
# (separate parse and parse-and-map passes over the tables; a parse of the N-Quads)
load_once() {
  local scale=$1 dir=$WORK/$1
  cp "$WORK/phases-$scale-$(median_round meridian "$scale").txt" "$OUT/phases-$scale.txt"
  rm -f "$WORK"/phases-"$scale"-*.txt
  java -Xmx$HEAP -cp "$JAR" org.meridian.bench.BenchMain breakdown "$dir/project" >> "$OUT/phases-$scale.txt"
  timed java -Xmx$HEAP -cp "$JAR" riotcmd.riot --sink "$dir/data.nq"
  LOAD_CSV=loads.csv record_load "riot-parse-only" "$scale" "$(cat "$dir/triples")" "N-Quads parse, no store: the parse ceiling"
}

load_ours_heap() { # SCALE HEAP: Meridian's load again within a smaller heap, into a scratch folder
  local scale=$1 heap=$2 dir=$WORK/$1 kvf; kvf=$(mktemp)
  rm -rf "$dir/db-heap-$heap"
  if ! meridian_load "$heap" "$dir/project" "$dir/db-heap-$heap" "$kvf"; then
    log "$scale: Meridian's load within -Xmx$heap failed"
    echo "meridian -Xmx$heap,$scale,0,$WALL,0,$((RSS_KB / 1024)),0,\"failed within -Xmx$heap\"" >> "$OUT/loads.csv"
  else
    LOAD_CSV=loads.csv record_load "meridian -Xmx$heap" "$scale" "$(kv quads "$kvf")" "the same load within -Xmx$heap: heap peak $(kv heap_peak_mb "$kvf") MB; $(phase_notes "$kvf")"
  fi
  rm -rf "$dir/db-heap-$heap" "$kvf"
}

load_tdbloader() {
  local scale=$1 loader=$2 dir=$WORK/$1
  rm -rf "$dir/tdb-$loader"
  timed java -Xmx$HEAP $JENA_LOAD_OPTS -Dlog4j2.configurationFile="$QUIET_LOG" -cp "$JAR" tdb2.tdbloader --loader="$loader" --loc "$dir/tdb-$loader" "$dir/data.nq"
  record_load "tdb2.tdbloader-$loader" "$scale" "$(cat "$dir/triples")" "N-Quads of the same graph, no validation"
  [ "$loader" = sequential ] || rm -rf "$dir/tdb-$loader"
}

virt_ini() {
  local dir=$1
  mkdir -p "$dir/virt"
  cat > "$dir/virt/virtuoso.ini" <<EOF
[Database]
DatabaseFile = $dir/virt/virtuoso.db
ErrorLogFile = $dir/virt/virtuoso.log
LockFile = $dir/virt/virtuoso.lck
TransactionFile = $dir/virt/virtuoso.trx
xa_persistent_file = $dir/virt/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = $dir/virt/virtuoso-temp.db
TransactionFile = $dir/virt/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0
[Parameters]
ServerPort = 127.0.0.1:$PORT_VIRT_SQL
DisableUnixSocket = 1
ServerThreads = 10
CheckpointInterval = 60
NumberOfBuffers = 340000
MaxDirtyBuffers = 250000
MaxQueryMem = 1G
ThreadsPerQuery = 2
AsyncQueueMaxThreads = 2
DirsAllowed = ., $dir
CaseMode = 2
[HTTPServer]
ServerPort = 127.0.0.1:$PORT_VIRT_HTTP
ServerRoot = $dir/virt
ServerThreads = 10
MaxClientConnections = 10
MaxKeepAlives = 10
KeepAliveTimeout = 10
EnabledGzipContent = 0
[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 120
MaxQueryCostEstimationTime = 400
EOF
}

virt_start() { (cd "$1/virt" && virtuoso-t +configfile "$1/virt/virtuoso.ini" +wait >/dev/null); }
virt_pid() { pgrep -f "virtuoso-t \+configfile $1/virt/virtuoso.ini" | head -1; }
virt_sql() { isql-vt "127.0.0.1:$PORT_VIRT_SQL" dba dba exec="$1" >/dev/null; }
virt_stop() { isql-vt "127.0.0.1:$PORT_VIRT_SQL" dba dba exec="shutdown;" >/dev/null 2>&1 || true; sleep 1; }
cpu_seconds() { awk '{ printf "%.1f", ($14 + $15) / 100 }' "/proc/$1/stat"; }
peak_rss_mb() { awk '/VmHWM/ { printf "%d", $2 / 1024 }' "/proc/$1/status"; }

load_virtuoso() {
  local scale=$1 dir=$WORK/$1
  have_virtuoso || { log "$scale: Virtuoso skipped (not installed)"; return; }
  rm -rf "$dir/virt"; virt_ini "$dir"
  mkdir -p "$dir/virt-data"; ln -sf "$dir/data.nq" "$dir/virt-data/data.nq"
  sed -i "s|^DirsAllowed = .*|DirsAllowed = ., $dir, $dir/virt-data|" "$dir/virt/virtuoso.ini"
  virt_start "$dir"
  local pid start cpu0; pid=$(virt_pid "$dir"); cpu0=$(cpu_seconds "$pid"); start=$(date +%s.%N)
  virt_sql "ld_dir('$dir/virt-data', 'data.nq', 'https://meridian.example.org/graph/default');"
  virt_sql "rdf_loader_run();"
  virt_sql "checkpoint;"
  WALL=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.2f", e - s }')
  USER=$(awk -v a="$(cpu_seconds "$pid")" -v b="$cpu0" 'BEGIN { printf "%.1f", a - b }'); SYS=0
  RSS_KB=$(( $(peak_rss_mb "$pid") * 1024 ))
  local errors held
  errors=$(isql-vt "127.0.0.1:$PORT_VIRT_SQL" dba dba exec="SELECT COUNT(*) FROM DB.DBA.LOAD_LIST WHERE ll_error IS NOT NULL;" | grep -E '^ *[0-9]+ *$' | head -1 | tr -d ' ')
  held=$(isql-vt "127.0.0.1:$PORT_VIRT_SQL" dba dba exec="SPARQL SELECT COUNT(*) WHERE { GRAPH ?g { ?s ?p ?o } FILTER (STRSTARTS(STR(?g), 'https://meridian.example.org/')) };" | grep -E '^ *[0-9]+ *$' | head -1 | tr -d ' ')
  record_load virtuoso "$scale" "$(cat "$dir/triples")" "bulk loader (ld_dir + rdf_loader_run + checkpoint); holds ${held:-?} quads; load errors ${errors:-?}"
  virt_stop
}

load_all() {
  local header=engine,scale,triples,wall_s,cpu_s,peak_rss_mb,triples_per_s,notes csv rounds
  for csv in loads.csv load-rounds.csv; do [ -f "$OUT/$csv" ] || echo "$header" > "$OUT/$csv"; done
  for scale in $SCALES; do
    rounds=$LOAD_ROUNDS; [ "$scale" != 10M ] || rounds=$LOAD_ROUNDS_10M
    for ROUND in $(seq "$rounds"); do
      load_ours "$scale"
      # Jena's fastest loader depends on the scale: sequential at 1M, parallel at 10M (bench/loaders.sh)
      for loader in sequential parallel phased; do load_tdbloader "$scale" "$loader"; done
      if [ "$scale" != 10M ] || [ "${BENCH_BASIC_10M:-no}" = yes ]; then load_tdbloader "$scale" basic; fi
      load_virtuoso "$scale"
    done
    ROUND=
    keep_median "$scale"
    load_once "$scale"
  done
  # the heap a load needs: the largest scale within half the serving heap
  [ -z "$SMALL_HEAP" ] || load_ours_heap "${SCALES##* }" "$SMALL_HEAP"
}

# ---------------------------------------------------------------- serve
wait_http() { # URL TIMEOUT_S: polls until an ASK answers 200
  local deadline=$(( $(date +%s) + $2 ))
  until curl -sf -o /dev/null --data-urlencode 'query=ASK {}' "$1"; do
    [ "$(date +%s)" -lt "$deadline" ] || return 1
    sleep 0.02
  done
}

fuseki_config() { # DB_FOLDER FILE
  cat > "$2" <<EOF
@prefix fuseki: <http://jena.apache.org/fuseki#> .
@prefix tdb2:   <http://jena.apache.org/2016/tdb#> .
@prefix rdf:    <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
<#service> a fuseki:Service ; fuseki:name "meridian" ;
    fuseki:endpoint [ fuseki:operation fuseki:query ; fuseki:name "sparql" ] ;
    fuseki:dataset <#dataset> .
<#dataset> a tdb2:DatasetTDB2 ; tdb2:location "$1" ; tdb2:unionDefaultGraph true .
EOF
}

prepare_engine() { # ENGINE SCALE: stock Fuseki gets its own copy of Meridian's build (not timed)
  local dir=$WORK/$2
  if [ "$1" = fuseki ]; then
    rm -rf "$dir/fuseki-db"; cp -r "$(readlink -f "$dir/db/current")" "$dir/fuseki-db"
    rm -f "$dir/fuseki-db/tdb.lock"
  fi
}

start_engine() { # ENGINE SCALE: starts it, sets PID and ENDPOINT
  local engine=$1 dir=$WORK/$2
  case $engine in
    meridian)
      java -Xmx$SERVE_HEAP $(meridian_serve_opts) $MERIDIAN_SERVE_JIT -Xlog:cds=off -Xlog:cds+dynamic=off -Dlog4j2.configurationFile="$QUIET_LOG" \
          -jar "$JAR" serve --project "$dir/project" --db "$dir/db" \
          --port $PORT_OURS > "$WORK/serve-ours.log" 2>&1 &
      PID=$!; ENDPOINT=http://127.0.0.1:$PORT_OURS/meridian/sparql ;;
    fuseki)
      fuseki_config "$dir/fuseki-db" "$WORK/fuseki.ttl"
      java -Xmx$SERVE_HEAP -Dlog4j2.configurationFile="$QUIET_LOG" -jar "$FUSEKI_JAR" --localhost --port $PORT_FUSEKI \
          --config "$WORK/fuseki.ttl" > "$WORK/serve-fuseki.log" 2>&1 &
      PID=$!; ENDPOINT=http://127.0.0.1:$PORT_FUSEKI/meridian/sparql ;;
    virtuoso)
      virt_start "$dir"; PID=$(virt_pid "$dir"); ENDPOINT=http://127.0.0.1:$PORT_VIRT_HTTP/sparql ;;
  esac
  wait_http "$ENDPOINT" 300 || { log "$engine did not answer"; return 1; }
}

stop_engine() {
  case $1 in
    virtuoso) virt_stop ;;
    *) kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true ;;
  esac
}

drive() { java -Xmx512m -cp "$JAR" org.meridian.bench.BenchMain drive "$@"; }

# The engines of a stage all serve at once, so the driver can make them take turns on each query.
declare -A PIDS
start_all() { # SCALE ENGINE...: starts each, fills PIDS, and sets TARGETS (engine=endpoint,...)
  local scale=$1; shift; TARGETS=""
  for engine in "$@"; do
    prepare_engine "$engine" "$scale"
    start_engine "$engine" "$scale"
    PIDS[$engine]=$PID; TARGETS="$TARGETS${TARGETS:+,}$engine=$ENDPOINT"
  done
}
stop_all() { for engine in "$@"; do PID=${PIDS[$engine]}; stop_engine "$engine"; done; }

# The whole mix once through at 8 clients, 10 s a query and engine, recorded nowhere, so no timed run
# pays for JIT compilation: the scans (label search, aggregations) still sped up by a third after 3 s.
warm_up() { # PARAMS SCALE
  drive "$TARGETS" "$repo/bench/queries/mix" "$1" "$2" varied 8 10 1 /dev/null
}

serve_all() {
  local scale=$SERVE_SCALE dir=$WORK/$SERVE_SCALE
  [ -f "$OUT/queries.csv" ] || echo "engine,scale,mode,clients,query,count,errors,qps,p50_ms,p95_ms,rounds,qps_low,qps_high" > "$OUT/queries.csv"
  [ -f "$OUT/answers.csv" ] || echo "engine,scale,query,rows,digest,ms" > "$OUT/answers.csv"
  [ -f "$OUT/memory.csv" ] || echo "engine,scale,what,peak_rss_mb,cpu_s" > "$OUT/memory.csv"
  java -cp "$JAR" org.meridian.bench.BenchMain params "$dir/db" "$repo/bench/queries/params" "$WORK/params.tsv" >/dev/null
  cp "$WORK/params.tsv" "$OUT/params.tsv"
  local named=$WORK/named; rm -rf "$named"; mkdir -p "$named"; cp "$dir/project/queries/"*.rq "$named/"
  local engines="meridian fuseki"; have_virtuoso && [ -d "$dir/virt" ] && engines="$engines virtuoso"
  log "serve $scale: $engines, taking turns"
  start_all "$scale" $engines
  declare -A cpu0
  for engine in $engines; do cpu0[$engine]=$(cpu_seconds "${PIDS[$engine]}"); done
  drive "$TARGETS" "$repo/bench/queries/mix" "$WORK/params.tsv" "$scale" once 1 0 1 "$OUT/queries.csv" "$OUT/answers.csv"
  drive "$TARGETS" "$named" "$WORK/params.tsv" "$scale" once 1 0 1 "$OUT/queries.csv" "$OUT/answers.csv"
  warm_up "$WORK/params.tsv" "$scale"
  drive "$TARGETS" "$repo/bench/queries/mix" "$WORK/params.tsv" "$scale" varied 1 "$SECONDS_PER_QUERY" "$ROUNDS" "$OUT/queries.csv"
  drive "$TARGETS" "$repo/bench/queries/mix" "$WORK/params.tsv" "$scale" varied 8 "$SECONDS_PER_QUERY" "$ROUNDS" "$OUT/queries.csv"
  drive "$TARGETS" "$repo/bench/queries/mix" "$WORK/params.tsv" "$scale" repeated 8 "$SECONDS_PER_QUERY" "$ROUNDS" "$OUT/queries.csv"
  drive "$TARGETS" "$named" "$WORK/params.tsv" "$scale" varied 1 2 1 "$OUT/queries.csv"
  drive "$TARGETS" "$named" "$WORK/params.tsv" "$scale" varied 8 2 1 "$OUT/queries.csv"
  for engine in $engines; do
    echo "$engine,$scale,serve (all query runs),$(peak_rss_mb "${PIDS[$engine]}"),$(awk -v a="$(cpu_seconds "${PIDS[$engine]}")" -v b="${cpu0[$engine]}" 'BEGIN { printf "%.1f", a - b }')" >> "$OUT/memory.csv"
  done
  stop_all $engines
}

# ---------------------------------------------------------------- start-up
startup_all() {
  local scale=$STARTUP_SCALE dir=$WORK/$STARTUP_SCALE
  [ -d "$dir/db" ] || { log "no $scale build: start-up skipped"; return; }
  [ -f "$OUT/startup.csv" ] || echo "engine,scale,first_answer_ms,first_lookup_ms,rss_after_mb" > "$OUT/startup.csv"
  java -cp "$JAR" org.meridian.bench.BenchMain params "$dir/db" "$repo/bench/queries/params" "$WORK/params-$scale.tsv" >/dev/null
  local org; org=$(awk -F'\t' '$1 == "ORG" { print $2; exit }' "$WORK/params-$scale.tsv")
  if [ "$(meridian_serve_opts)" != "-XX:SharedArchiveFile=$SERVE_ARCHIVE" ]; then
    log "start-up: a first serve of the jar, not timed, writes its class archive (as ./meridian serve's first does)"
    prepare_engine meridian "$scale"; start_engine meridian "$scale"; stop_engine meridian
  fi
  for engine in meridian fuseki; do
    for run in 1 2 3; do
      prepare_engine "$engine" "$scale"
      local t0; t0=$(date +%s%N)
      start_engine "$engine" "$scale"
      local t1; t1=$(date +%s%N)
      curl -sf -o /dev/null --data-urlencode "query=SELECT * { $org ?p ?o }" "$ENDPOINT"
      local t2; t2=$(date +%s%N)
      echo "$engine,$scale,$(( (t1 - t0) / 1000000 )),$(( (t2 - t1) / 1000000 )),$(awk '/VmRSS/ { printf "%d", $2 / 1024 }' /proc/$PID/status)" >> "$OUT/startup.csv"
      log "start-up $engine $scale run $run: $(( (t1 - t0) / 1000000 )) ms to the first answer"
      stop_engine "$engine"
    done
  done
  log "serve $scale: meridian fuseki, taking turns"
  start_all "$scale" meridian fuseki
  warm_up "$WORK/params-$scale.tsv" "$scale"
  drive "$TARGETS" "$repo/bench/queries/mix" "$WORK/params-$scale.tsv" "$scale" varied 8 "$SECONDS_PER_QUERY" "$ROUNDS" "$OUT/queries.csv"
  for engine in meridian fuseki; do
    echo "$engine,$scale,serve with -Xmx$SERVE_HEAP (8 clients),$(peak_rss_mb "${PIDS[$engine]}"),$(cpu_seconds "${PIDS[$engine]}")" >> "$OUT/memory.csv"
  done
  stop_all meridian fuseki
}

# forget CSV SCALE...: drop the rows an earlier run left in CSV for these scales (a row's second field),
# so that a report never mixes two runs; the stages about to run write them again.
forget() {
  local file=$OUT/$1; shift
  [ -f "$file" ] || return 0
  awk -F, -v scales=" $* " 'NR == 1 || index(scales, " " $2 " ") == 0' "$file" > "$file.tmp"
  mv "$file.tmp" "$file"
}
for stage in $STAGES; do
  case $stage in
    load) forget loads.csv $SCALES; forget load-rounds.csv $SCALES ;;
    serve) for csv in queries.csv answers.csv memory.csv; do forget $csv "$SERVE_SCALE"; done ;;
    startup) for csv in startup.csv queries.csv memory.csv; do forget $csv "$STARTUP_SCALE"; done ;;
  esac
done

for stage in $STAGES; do
  case $stage in
    setup) setup ;;
    generate) generate ;;
    load) load_all ;;
    serve) serve_all ;;
    startup) startup_all ;;
    report) java -cp "$JAR" org.meridian.bench.BenchMain report "$OUT" ;;
    *) log "unknown stage $stage"; exit 2 ;;
  esac
done
log "done: $OUT"
