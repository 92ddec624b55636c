#!/usr/bin/env bash
# Newsroom behind Varnish (issue 14): two instances of the packaged jar behind one Varnish on this machine,
# measured with wrk beside the in-app page cache and beside nginx serving the same bytes as a static file;
# then the mixed soak (TwoInstancesBehindVarnishIntegrationTests) for SOAK (default 10 minutes).
#
#   bash bench/edge.sh                     # build what is missing, seed newsroom_edge_bench once, measure, soak
#   SOAK=PT2M bash bench/edge.sh           # a shorter soak; SOAK=0 skips it
#   UPDATE_README=1 bash bench/edge.sh     # also copy the results into README.md ("Running at scale")
#
# Settings (environment): DURATION (10s), WARMUP (3s), CONNECTIONS (32), THREADS (2), LONG_TAIL (5000 distinct
# articles), ARTICLES / COMMENTS / TAGS (seed sizes: 20000 / 200000 / 2000), CLUSTER_DB (newsroom_edge_bench),
# RESEED=1, NGINX_PORT (8135), CLUSTER_JAVA_OPTS (see bench/cluster.sh). Ports: Varnish 8130, instances 8131
# and 8132, nginx 8135. Needs PostgreSQL on 127.0.0.1:5432, psql, curl, Java 17+; wrk, nginx, varnish and
# varnish-modules are installed from Debian when missing. Results: stdout and bench/results/edge.md.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-3s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
LONG_TAIL=${LONG_TAIL:-5000}
SOAK=${SOAK:-PT10M}
NGINX_PORT=${NGINX_PORT:-8135}
RESULTS=bench/results/edge.md
GZIP=(-H 'Accept-Encoding: gzip')
export CLUSTER_DB=${CLUSTER_DB:-newsroom_edge_bench}
# The application's default pool: uncached pages wait for connections under load.
export CLUSTER_POOL_SIZE=${CLUSTER_POOL_SIZE:-10}
[[ "${RESEED:-0}" == 1 ]] && export CLUSTER_FRESH_DATABASE=1
CLUSTER_APP_ARGS=(--newsroom.publishing.poll-interval=PT1S --newsroom.comments.rate-per-ip=1000000
                  --newsroom.comments.minimum-fill-time=0s)

as_root() { if [[ $(id -u) == 0 ]]; then "$@"; else sudo "$@"; fi; }
for tool in wrk nginx; do
  command -v "$tool" >/dev/null || PATH="$PATH:/usr/sbin" command -v "$tool" >/dev/null || {
    echo "Installing $tool (Debian package)"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$tool" >/dev/null
  }
done
NGINX=$(PATH="$PATH:/usr/sbin" command -v nginx)
bash .ci/install-varnish

LOAD_BEFORE=$(cut -d" " -f1-3 /proc/loadavg)
COMMIT=$(git describe --always --dirty 2>/dev/null || echo unknown)
if ! ls target/newsroom-*.jar >/dev/null 2>&1 || [[ "${BUILD:-0}" == 1 ]]; then
  ./mvnw -q -B -ntp -DskipTests package
fi
[[ "$SOAK" == 0 ]] || ls target/test-classes/com/newsroom/edge/TwoInstancesBehindVarnishIntegrationTests.class >/dev/null 2>&1 \
  || ./mvnw -q -B -ntp test-compile

source bench/cluster.sh
NGINX_PID=
stop_all() {
  [[ -z "$NGINX_PID" ]] || kill "$NGINX_PID" 2>/dev/null || true
  cluster_stop
}
trap stop_all EXIT INT TERM

cluster_prepare "${ARTICLES:-20000}" "${COMMENTS:-200000}" "${TAGS:-2000}"
cluster_start

VARNISH="http://127.0.0.1:$VARNISH_PORT"
APP="http://127.0.0.1:$PORT_A"
NGINX_BASE="http://127.0.0.1:$NGINX_PORT"
sql() { "${PSQL[@]}" -d "$CLUSTER_DB" -Atc "$1"; }
ARTICLE=$(sql "select slug from articles where slug = 'article-with-25-comments'")
[[ -n "$ARTICLE" ]] || ARTICLE=$(sql "select slug from articles where status = 'PUBLISHED' order by id limit 1")

# nginx serves the article exactly as Varnish sends it (gzipped bytes, gzip_static), from a directory of its own.
static="$CLUSTER_DIR/nginx"
rm -rf "$static" && mkdir -p "$static/html/articles" "$static/logs"
curl -s -H 'Accept-Encoding: gzip' "$VARNISH/articles/$ARTICLE" -o "$static/html/articles/$ARTICLE.gz"
gunzip -c "$static/html/articles/$ARTICLE.gz" >"$static/html/articles/$ARTICLE"
cat >"$static/nginx.conf" <<EOF
worker_processes auto;
daemon off;
pid $static/nginx.pid;
error_log $static/logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  default_type text/html;
  client_body_temp_path $static/logs;
  proxy_temp_path $static/logs;
  fastcgi_temp_path $static/logs;
  uwsgi_temp_path $static/logs;
  scgi_temp_path $static/logs;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $static/html;
    gzip_static on;
  }
}
EOF
"$NGINX" -c "$static/nginx.conf" -p "$static" &
NGINX_PID=$!
for _ in $(seq 1 50); do curl -s -o /dev/null "$NGINX_BASE/articles/$ARTICLE" && break; sleep 0.1; done

# Long tail: LONG_TAIL distinct articles in random order, the same list for every run.
sql "select '/articles/' || slug from articles where status = 'PUBLISHED' order by md5(slug) limit $LONG_TAIL" \
  >"$CLUSTER_DIR/long-tail.txt"
cat >"$CLUSTER_DIR/long-tail.lua" <<EOF
local paths = {}
for line in io.lines("$CLUSTER_DIR/long-tail.txt") do paths[#paths + 1] = line end
request = function()
  return wrk.format("GET", paths[math.random(#paths)])
end
EOF

measure() {
  local base=$1 path=$2
  shift 2
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "$@" "$base$path" >/dev/null
  local out
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$@" "$base$path")
  RPS=$(awk '/Requests\/sec/ {printf "%.0f", $2}' <<<"$out")
  P50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  P99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  ERRORS=$(grep -E 'Non-2xx|Socket errors' <<<"$out" | tr -s ' ' | tr '\n' ' ' || true)
}
hits() { varnishstat -n "$CLUSTER_DIR/varnish/work" -1 -f MAIN.cache_hit -f MAIN.cache_miss | awk '{print $2}' | paste -sd' '; }

ROWS=()
ERROR_LINES=()
row() {
  local label=$1 base=$2 path=$3
  shift 3
  echo "Measuring $label"
  measure "$base" "$path" "$@"
  ROWS+=("| $label | $RPS | $P50 | $P99 |")
  [[ -z "$ERRORS" ]] || ERROR_LINES+=("Errors: $label: $ERRORS")
}

header() { curl -s -o /dev/null -D - "${GZIP[@]}" "$1" | tr -d '\r' | awk -v h="$2" 'tolower($1) == tolower(h) ":" {print $2}'; }
curl -s -o /dev/null "${GZIP[@]}" "$APP/articles/$ARTICLE"; curl -s -o /dev/null "${GZIP[@]}" "$APP/"
[[ $(header "$VARNISH/articles/$ARTICLE" X-Cache) == HIT ]] || { echo "The article is not a Varnish hit" >&2; exit 1; }
[[ $(header "$APP/articles/$ARTICLE" X-Cache) == HIT ]] || { echo "The article is not an in-app cache hit" >&2; exit 1; }
BYTES_VARNISH=$(curl -s "${GZIP[@]}" "$VARNISH/articles/$ARTICLE" | wc -c)
BYTES_NGINX=$(curl -s "${GZIP[@]}" "$NGINX_BASE/articles/$ARTICLE" | wc -c)

row "article, nginx static file (same bytes)" "$NGINX_BASE" "/articles/$ARTICLE" "${GZIP[@]}"
row "article through Varnish" "$VARNISH" "/articles/$ARTICLE" "${GZIP[@]}"
row "article, in-app cache (one instance)" "$APP" "/articles/$ARTICLE" "${GZIP[@]}"
curl -s -o /dev/null "${GZIP[@]}" "$VARNISH/"
row "home through Varnish" "$VARNISH" "/" "${GZIP[@]}"
row "home, in-app cache (one instance)" "$APP" "/" "${GZIP[@]}"
BEFORE=$(hits)
row "long tail ($LONG_TAIL articles) through Varnish" "$VARNISH" "" "${GZIP[@]}" -s "$CLUSTER_DIR/long-tail.lua"
AFTER=$(hits)
HIT_RATIO=$(awk -v b="$BEFORE" -v a="$AFTER" 'BEGIN {split(b, x, " "); split(a, y, " "); h = y[1] - x[1]; m = y[2] - x[2];
  printf "%.0f%% hits (%d hits, %d misses)", 100 * h / (h + m), h, m}')
row "long tail ($LONG_TAIL articles), in-app cache (one instance)" "$APP" "" "${GZIP[@]}" -s "$CLUSTER_DIR/long-tail.lua"

SOAK_REPORT="(soak skipped: SOAK=0)"
if [[ "$SOAK" != 0 ]]; then
  echo "Soak for $SOAK"
  export NEWSROOM_EDGE_VARNISH="$VARNISH" NEWSROOM_EDGE_INSTANCE_A="$APP"
  export NEWSROOM_EDGE_INSTANCE_B="http://127.0.0.1:$PORT_B" NEWSROOM_EDGE_PIDS="$PID_A $PID_B"
  export NEWSROOM_EDGE_PROXY_PID="$PROXY_PID" NEWSROOM_EDGE_VARNISH_DIR="$CLUSTER_DIR/varnish/work"
  export NEWSROOM_EDGE_JDBC="jdbc:postgresql://127.0.0.1:5432/$CLUSTER_DB"
  export NEWSROOM_EDGE_ADMIN_PASSWORD="$CLUSTER_ADMIN_PASSWORD" NEWSROOM_EDGE_SOAK="$SOAK"
  export NEWSROOM_EDGE_REPORT="$CLUSTER_DIR/soak.md"
  rm -f "$NEWSROOM_EDGE_REPORT"
  ./mvnw -q -B -ntp surefire:test -Dtest='TwoInstancesBehindVarnishIntegrationTests#aMixedSoak*' \
    -Dsurefire.failIfNoSpecifiedTests=false || echo "The soak failed; see target/surefire-reports" >&2
  SOAK_REPORT=$(cat "$NEWSROOM_EDGE_REPORT" 2>/dev/null || echo "(the soak wrote no report)")
fi

{
  echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') at commit $COMMIT"
  echo "on $(nproc) cores, load average before the run $LOAD_BEFORE,"
  echo "$("$CLUSTER_JAVA" -version 2>&1 | head -1), $(varnishd -V 2>&1 | head -1 | cut -d' ' -f1-2)), nginx $("$NGINX" -v 2>&1 | cut -d/ -f2),"
  echo "JAVA_OPTS \`$CLUSTER_JAVA_OPTS\`, $CLUSTER_POOL_SIZE database connections per instance; database $CLUSTER_DB: $(sql "select count(*) from articles where status = 'PUBLISHED'") published articles."
  echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency -H 'Accept-Encoding: gzip' after a $WARMUP warm-up per row."
  echo
  echo "| page | req/s | p50 | p99 |"
  echo "| --- | ---: | ---: | ---: |"
  printf '%s\n' "${ROWS[@]}"
  echo
  echo "Article bytes on the wire (gzip): $BYTES_VARNISH through Varnish, $BYTES_NGINX from nginx."
  echo "Long tail through Varnish: $HIT_RATIO during the measured run."
  echo "Start-up: instance A answered its first request $FIRST_ANSWER_A s after launch (${CPU_A} s of CPU), instance B $FIRST_ANSWER_B s (${CPU_B} s of CPU)."
  [[ ${#ERROR_LINES[@]} == 0 ]] || printf '%s\n' "${ERROR_LINES[@]}"
  echo
  echo "$SOAK_REPORT"
} | tee "$RESULTS"

if [[ "${UPDATE_README:-0}" == 1 ]]; then
  python3 - "$RESULTS" <<'EOF'
import sys
results = open(sys.argv[1]).read().strip()
readme = open("README.md").read()
start, end = "<!-- edge bench results start -->", "<!-- edge bench results end -->"
before, rest = readme.split(start, 1)
_, after = rest.split(end, 1)
open("README.md", "w").write(before + start + "\n" + results + "\n" + end + after)
EOF
fi
