#!/usr/bin/env bash
# Replication on loopback: one immutable build copied to two read-only replicas, each served by
# its own `meridian serve`, behind nginx (from Debian). Checks that both replicas give identical
# answers, then kills one replica in the middle of a bounded client run and counts the requests
# that failed. Exits 0 only if the answers agree and no request failed after the kill.
#
#   bench/replication.sh [PROJECT]      # PROJECT defaults to this repository's own project
#
# Not a JUnit test: it installs nginx when missing (as root) and runs for about a minute.
set -euo pipefail
repo=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
PROJECT=$(cd "${1:-$repo}" && pwd)
WORK=${REPLICATION_WORK:-$(mktemp -d /tmp/meridian-replication.XXXXXX)}
PORT_LB=3140; PORT_A=3141; PORT_B=3142
REQUESTS_PER_CLIENT=${REPLICATION_REQUESTS:-400}; CLIENTS=4
log() { printf '%s replication: %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap cleanup EXIT

if ! command -v nginx >/dev/null; then
  if [ "$(id -u)" = 0 ]; then
    log "installing nginx from Debian"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nginx >/dev/null
  else
    log "nginx is not installed and this is not root: install Debian's nginx package first"; exit 2
  fi
fi

"$repo/meridian" --help >/dev/null  # builds the jar when needed
log "building once into $WORK/build"
"$repo/meridian" load --project "$PROJECT" --db "$WORK/build" >&2
for replica in a b; do
  cp -a "$WORK/build" "$WORK/replica-$replica"   # the build folder and its 'current' link, as they are
done

serve() { # NAME PORT
  java -Xmx512m -jar "$repo/target/meridian.jar" serve --project "$PROJECT" --db "$WORK/replica-$1" --port "$2" \
      > "$WORK/serve-$1.log" 2>&1 &
  pids+=($!)
  eval "PID_$1=$!"
}
serve a $PORT_A
serve b $PORT_B

mkdir -p "$WORK/nginx/logs"
cat > "$WORK/nginx.conf" <<EOF
worker_processes 1;
pid $WORK/nginx.pid;
error_log $WORK/nginx/logs/error.log warn;
events { worker_connections 256; }
http {
  log_format upstream '\$msec \$upstream_addr \$status';
  access_log $WORK/nginx/logs/access.log upstream;
  client_body_temp_path $WORK/nginx/body;
  proxy_temp_path $WORK/nginx/proxy;
  fastcgi_temp_path $WORK/nginx/fastcgi;
  uwsgi_temp_path $WORK/nginx/uwsgi;
  scgi_temp_path $WORK/nginx/scgi;
  upstream meridian {
    server 127.0.0.1:$PORT_A max_fails=1 fail_timeout=30s;
    server 127.0.0.1:$PORT_B max_fails=1 fail_timeout=30s;
    keepalive 16;
  }
  server {
    listen 127.0.0.1:$PORT_LB;
    location / {
      proxy_pass http://meridian;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_connect_timeout 1s;
      # A SPARQL query changes nothing, so a POST may be retried on the other replica too.
      proxy_next_upstream error timeout http_502 http_503 http_504 non_idempotent;
    }
  }
}
EOF
nginx -p "$WORK/nginx" -c "$WORK/nginx.conf"

wait_up() {
  local deadline=$(( $(date +%s) + 120 ))
  until curl -sf -o /dev/null "http://127.0.0.1:$1/meridian/sparql?query=ASK%7B%7D"; do
    [ "$(date +%s)" -lt "$deadline" ] || { log "nothing answers on port $1"; exit 1; }
    sleep 0.1
  done
}
wait_up $PORT_A; wait_up $PORT_B; wait_up $PORT_LB
log "two replicas and nginx are up"

# 1. The replicas answer alike: every named query, byte for byte.
disagree=0
for file in "$PROJECT"/queries/*.rq; do
  for port in $PORT_A $PORT_B; do
    curl -sf -H 'Accept: text/csv' --data-urlencode "query@$file" "http://127.0.0.1:$port/meridian/sparql" > "$WORK/answer-$port.csv"
  done
  if ! cmp -s "$WORK/answer-$PORT_A.csv" "$WORK/answer-$PORT_B.csv"; then
    log "replicas disagree on $(basename "$file")"; disagree=$((disagree + 1))
  fi
done
log "named queries compared across the replicas: $disagree disagreement(s)"

# 2. Clients through nginx; replica a is killed once a third of the requests are done.
query='SELECT ?p ?o WHERE { ?s ?p ?o } LIMIT 20'
client() { # N: writes "start-ms end-ms status" per request; a status with "-curlN" is a broken response
  for i in $(seq "$REQUESTS_PER_CLIENT"); do
    start=$(date +%s%3N)
    if ! code=$(curl -s -o /dev/null -w '%{http_code}' -H 'Cache-Control: no-cache' \
                --data-urlencode "query=$query" "http://127.0.0.1:$PORT_LB/meridian/sparql"); then
      code="${code:-000}-curl$?"
    fi
    echo "$start $(date +%s%3N) $code"
  done > "$WORK/client-$1.log"
}
clients=()
for c in $(seq $CLIENTS); do client "$c" & clients+=($!); done
total=$((REQUESTS_PER_CLIENT * CLIENTS))
until [ "$(cat "$WORK"/client-*.log 2>/dev/null | wc -l)" -ge $((total / 3)) ]; do sleep 0.05; done
kill -9 "$PID_a"
wait "$PID_a" 2>/dev/null || true  # reaped: from here on replica a is gone
killed_at=$(date +%s%3N)
log "killed replica a (pid $PID_a) after $(cat "$WORK"/client-*.log | wc -l) requests"
wait "${clients[@]}"

done_count=$(cat "$WORK"/client-*.log | wc -l)
failed=$(awk '$3 != 200' "$WORK"/client-*.log | wc -l)
# A request replica a was answering when it died cannot be saved once its answer has begun: nginx
# retries only before it has sent anything to the client. What must not fail is any request sent
# after the kill, which nginx routes to the live replica once it has marked the dead one down.
in_flight=$(awk -v t="$killed_at" '$1 < t && $2 >= t && $3 != 200' "$WORK"/client-*.log | wc -l)
failed_after=$(awk -v t="$killed_at" '$1 >= t && $3 != 200' "$WORK"/client-*.log | wc -l)
before_a=$(awk -v t="$killed_at" -v a="127.0.0.1:$PORT_A" '$1 * 1000 < t && $2 == a' "$WORK/nginx/logs/access.log" | wc -l)
before_b=$(awk -v t="$killed_at" -v b="127.0.0.1:$PORT_B" '$1 * 1000 < t && $2 == b' "$WORK/nginx/logs/access.log" | wc -l)
log "$done_count requests through nginx: $failed failed in all: $in_flight in flight at the kill, $failed_after sent after it"
log "before the kill nginx sent $before_a requests to replica a and $before_b to replica b"
{
  echo "replicas: 2 (ports $PORT_A, $PORT_B) behind nginx on $PORT_LB; $CLIENTS clients x $REQUESTS_PER_CLIENT requests"
  echo "named queries that disagreed across replicas: $disagree"
  echo "requests: $done_count; failed: $failed; of them in flight when replica a was killed: $in_flight; sent after the kill: $failed_after"
  echo "before the kill: $before_a requests went to replica a, $before_b to replica b"
} | tee "$WORK/summary.txt"
[ "$disagree" = 0 ] && [ "$failed_after" = 0 ] && [ "$before_a" -gt 0 ] && [ "$before_b" -gt 0 ]
