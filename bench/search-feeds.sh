#!/usr/bin/env bash
# Search, feed and sitemap latency, rendered from the database each time (the page cache bypassed with a
# session cookie), over the bench database of bench/run.sh, measured with wrk over loopback.
#
#   bash bench/search-feeds.sh                  # seed (once, shared with bench/run.sh), start the app, measure
#   CONNECTIONS=1 DURATION=5s bash bench/search-feeds.sh
#   RESEED=1 bash bench/search-feeds.sh         # drop and re-seed the bench database
#
# Same needs and settings as bench/run.sh (see bench/lib.sh); defaults here: 8 connections, 8 s runs after a
# 2 s warm-up. Results go to stdout and bench/results/search-feeds-c<connections>.txt.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

DURATION=${DURATION:-8s}
WARMUP=${WARMUP:-2s}
CONNECTIONS=${CONNECTIONS:-8}
THREADS=${THREADS:-2}
RESULTS=bench/results/search-feeds-c${CONNECTIONS}.txt

need_tools
ensure_jar
trap stop_app EXIT
ensure_seeded
echo "Starting $JAR on $BASE (database $DB)"
start_app bench/results/search-feeds-app.log.tmp

TAG_7=$("${PSQL[@]}" -d "$DB" -Atc "select slug from tags where id = 7")
# A common word, a rarer one, two words, a phrase, a category filter, a deep page and a miss.
URLS=(
  "/search?q=market"
  "/search?q=yield"
  "/search?q=bank+fraud"
  "/search?q=%22digital+twin%22"
  "/search?q=energy&category=science"
  "/search?q=market&page=20"
  "/search?q=zzyzx"
  "/feed.atom"
  "/feed.rss"
  "/category/technology/feed.atom"
  "/tag/$TAG_7/feed.atom"
  "/author/reporter-3/feed.rss"
  "/sitemap.xml"
  "/sitemap-sections.xml"
  "/sitemap-articles-5.xml"
  "/sitemap-tags-1.xml"
  "/sitemap-news.xml"
)
HEADERS=(-H 'Accept-Encoding: gzip' -H 'Cookie: SESSION=bench')

{
  echo "# search-feeds bench: $(date -u +%FT%TZ), $("${PSQL[@]}" -d "$DB" -Atc "select count(*) from articles where status = 'PUBLISHED'") published articles"
  echo "# wrk -t$THREADS -c$CONNECTIONS -d$DURATION (after a $WARMUP warm-up), gzip accepted, uncached, $(nproc) cores shared"
  printf '%-40s %8s %10s %10s %10s %8s\n' url status req/s p50 p99 size
} | tee "$RESULTS"

for path in "${URLS[@]}"; do
  read -r status size < <(curl -s -o /dev/null -w '%{http_code} %{size_download}\n' "${HEADERS[@]}" "$BASE$path")
  measure "$path" "${HEADERS[@]}"
  printf '%-40s %8s %10s %10s %10s %8s %s\n' "$path" "$status" "$RPS" "$P50" "$P99" "$size" "$ERRORS" \
    | tee -a "$RESULTS"
done
