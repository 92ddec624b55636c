#!/usr/bin/env bash
# The Newsroom benchmark (issue 6): start-up time, throughput, latency and memory of the packaged app over
# 100,000 articles and 1,000,000 comments, measured with wrk over loopback.
#
#   bash bench/run.sh                        # build the jar and seed newsroom_bench if needed, then measure
#   RESEED=1 bash bench/run.sh               # drop and re-seed the bench database first
#   DURATION=5s WARMUP=2s bash bench/run.sh  # shorter runs
#   UPDATE_README=1 bash bench/run.sh        # also copy the results into README.md ("Performance")
#
# Settings (environment): DURATION (10s), WARMUP (3s), CONNECTIONS (32), THREADS (2), BENCH_PORT (8090),
# BENCH_DATABASE (newsroom_bench), ARTICLES / COMMENTS / TAGS (seed sizes), JAVA_OPTS (see bench/lib.sh),
# BUILD=1 (rebuild the jar). Needs PostgreSQL on 127.0.0.1:5432 (a superuser, for session_replication_role
# while seeding), psql, curl, Java 17+ and wrk (installed with apt-get when missing).
#
# "cached" requests carry no cookie and are answered from the page cache (X-Cache: HIT); "uncached"
# requests carry Cookie: SESSION=bench, which bypasses the cache, so every one is rendered from the
# database. All requests accept gzip, as browsers do. Results: stdout and bench/results/latest.md.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-3s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
RESULTS=bench/results/latest.md
UNCACHED=(-H 'Cookie: SESSION=bench')
GZIP=(-H 'Accept-Encoding: gzip')

need_tools
LOAD_BEFORE=$(cut -d" " -f1-3 /proc/loadavg)
# Read before anything is written: the results file itself is tracked.
COMMIT=$(git describe --always --dirty 2>/dev/null || echo unknown)
ensure_jar
trap stop_app EXIT
ensure_seeded

sql() { "${PSQL[@]}" -d "$DB" -Atc "$1"; }

# Page 500 of the largest category, as a reader reaches it by following "Older" links: the cursor is the
# position (epoch microseconds and id) of the last article of page 499, the 9,980th newest.
CATEGORY=$(sql "select c.slug from categories c join articles a on a.primary_category_id = c.id
                where a.status = 'PUBLISHED' group by c.slug order by count(*) desc, c.slug limit 1")
CURSOR=$(sql "select (extract(epoch from a.published_at) * 1000000)::bigint || '-' || a.id
              from articles a join categories c on c.id = a.primary_category_id
              where c.slug = '$CATEGORY' and a.status = 'PUBLISHED'
              order by a.published_at desc, a.id desc offset 9979 limit 1")
TAG=$(sql "select t.slug from tags t join article_tags at on at.tag_id = t.id
           where at.listed_at is not null group by t.slug order by count(*) desc, t.slug limit 1")
ARTICLE=$(sql "select slug from articles where slug = 'article-with-25-comments'")
[[ -n "$ARTICLE" && -n "$CURSOR" ]] || { echo "The bench database lacks the article or category page 500; RESEED=1" >&2; exit 1; }
APPROVED=$(sql "select count(*) from comments c join articles a on a.id = c.article_id
                where a.slug = '$ARTICLE' and c.status = 'APPROVED'")
PUBLISHED=$(sql "select count(*) from articles where status = 'PUBLISHED'")
ALL_COMMENTS=$(sql "select count(*) from comments")
TAG_COUNT=$(sql "select count(*) from tags")
SEARCH='/search?q=market'

# page label | path | cached or uncached
CASES=(
  "article, 25 comments|/articles/$ARTICLE|cached"
  "article, 25 comments|/articles/$ARTICLE|uncached"
  "home|/|cached"
  "home|/|uncached"
  "category page 1|/category/$CATEGORY|cached"
  "category page 1|/category/$CATEGORY|uncached"
  "category page 500|/category/$CATEGORY?page=500&after=$CURSOR|cached"
  "category page 500|/category/$CATEGORY?page=500&after=$CURSOR|uncached"
  "tag|/tag/$TAG|cached"
  "tag|/tag/$TAG|uncached"
  "search \"market\"|$SEARCH|cached"
  "search \"market\"|$SEARCH|uncached"
  "search \"bank fraud\"|/search?q=bank+fraud|uncached"
  "site feed|/feed.atom|cached"
  "site feed|/feed.atom|uncached"
)

echo "Starting $JAR on $BASE (database $DB, JAVA_OPTS: $JAVA_OPTS)"
start_app bench/results/app.log.tmp
TO_200=$STARTUP_SECONDS
REPORTED=$(reported_startup)
RSS_IDLE=$(ps -o rss= -p "$APP_PID" | awk '{printf "%.0f", $1 / 1024}')
echo "Start-up: / answered 200 after $TO_200 s (Spring Boot reports ${REPORTED:-?} s); RSS ${RSS_IDLE} MB"

# Every page once by curl: the status, and that cached and uncached requests take the path they claim.
for entry in "${CASES[@]}"; do
  IFS='|' read -r label path mode <<<"$entry"
  args=("${GZIP[@]}")
  [[ $mode == uncached ]] && args+=("${UNCACHED[@]}")
  curl -s -o /dev/null "${args[@]}" "$BASE$path"   # fills the cache
  read -r status cache < <(curl -s -o /dev/null -D - "${args[@]}" "$BASE$path" \
    | awk 'NR == 1 {s = $2} tolower($1) == "x-cache:" {c = $2} END {gsub("\r", "", c); print s, (c == "" ? "none" : c)}')
  if [[ $status != 200 || ($mode == cached && $cache != HIT) || ($mode == uncached && $cache != none) ]]; then
    echo "$label ($mode) $path answered $status with X-Cache $cache" >&2
    exit 1
  fi
done
# The article page really shows 25 comments.
shown=$(curl -s "${UNCACHED[@]}" "$BASE/articles/$ARTICLE" | grep -o 'id="comment-[0-9]*"' | sort -u | wc -l)
echo "Article page /articles/$ARTICLE: $APPROVED approved comments in the database, $shown shown"
# Bytes on the wire for the article when gzip is accepted, from the cache and freshly rendered.
BYTES_CACHED=$(curl -s -o /dev/null -w '%{size_download}' "${GZIP[@]}" "$BASE/articles/$ARTICLE")
BYTES_UNCACHED=$(curl -s -o /dev/null -w '%{size_download}' "${GZIP[@]}" "${UNCACHED[@]}" "$BASE/articles/$ARTICLE")

# A JIT warm-up across all pages before anything is measured.
for entry in "${CASES[@]}"; do
  IFS='|' read -r label path mode <<<"$entry"
  args=("${GZIP[@]}")
  [[ $mode == uncached ]] && args+=("${UNCACHED[@]}")
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "${args[@]}" "$BASE$path" >/dev/null
done

# Resident memory, sampled every half second while wrk runs.
RSS_SAMPLES=bench/results/rss.tmp
: >"$RSS_SAMPLES"
( while kill -0 "$APP_PID" 2>/dev/null; do ps -o rss= -p "$APP_PID" >>"$RSS_SAMPLES" || true; sleep 0.5; done ) &
SAMPLER=$!
trap 'kill $SAMPLER 2>/dev/null || true; stop_app' EXIT

TABLE=$(mktemp)
{
  echo "| page | req/s | p50 | p99 |"
  echo "| --- | ---: | ---: | ---: |"
} >"$TABLE"
NOTES=()
printf '%-36s %10s %10s %10s\n' page req/s p50 p99
for entry in "${CASES[@]}"; do
  IFS='|' read -r label path mode <<<"$entry"
  args=("${GZIP[@]}")
  [[ $mode == uncached ]] && args+=("${UNCACHED[@]}")
  measure "$path" "${args[@]}"
  printf '%-36s %10s %10s %10s %s\n' "$label ($mode)" "$RPS" "$P50" "$P99" "$ERRORS"
  echo "| $label ($mode) | $RPS | $P50 | $P99 |" >>"$TABLE"
  [[ -z "$ERRORS" ]] || NOTES+=("$label ($mode): $ERRORS")
done
kill "$SAMPLER" 2>/dev/null || true
RSS_PEAK=$(sort -n "$RSS_SAMPLES" | tail -1 | awk '{printf "%.0f", $1 / 1024}')
echo "Peak RSS under load: ${RSS_PEAK} MB"

{
  echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') at commit $COMMIT"
  echo "on $(nproc) cores ($(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)),"
  echo "$(awk '/MemTotal/ {printf "%.0f GB", $2 / 1048576}' /proc/meminfo) memory, load average before the run $LOAD_BEFORE,"
  echo "$(java -version 2>&1 | head -1), PostgreSQL $(sql 'show server_version'), JAVA_OPTS \`$JAVA_OPTS\`."
  echo "Data: $PUBLISHED published articles, $ALL_COMMENTS comments, $TAG_COUNT tags; the article has $shown comments on its page."
  echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency -H 'Accept-Encoding: gzip' after a $WARMUP warm-up per page;"
  echo "uncached = with \`Cookie: SESSION=bench\`, which bypasses the page cache."
  echo
  cat "$TABLE"
  echo
  echo "Start-up: \`/\` answered 200 after $TO_200 s from launch; Spring Boot reported \"Started in ${REPORTED:-?} seconds\"."
  echo "Resident memory: ${RSS_IDLE} MB after start-up, ${RSS_PEAK} MB at most under load."
  echo "Article page bytes sent with Accept-Encoding: gzip: $BYTES_CACHED cached, $BYTES_UNCACHED uncached."
  for note in "${NOTES[@]+"${NOTES[@]}"}"; do echo "Errors: $note"; done
} >"$RESULTS"
rm -f "$TABLE"
echo "Wrote $RESULTS"

if [[ "${UPDATE_README:-0}" == 1 ]]; then
  # Replace what lies between the bench markers in README.md with the results file, verbatim.
  awk -v results="$RESULTS" '
    /<!-- bench results start -->/ { print; while ((getline line < results) > 0) print line; skip = 1; next }
    /<!-- bench results end -->/ { skip = 0 }
    !skip' README.md >README.md.tmp && mv README.md.tmp README.md
  echo "Updated README.md"
fi
