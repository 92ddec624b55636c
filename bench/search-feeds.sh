#!/usr/bin/env bash
# Search, feed and sitemap latency over 100,000 articles, measured with wrk over loopback.
#
#   bench/search-feeds.sh                 # seed (once), start the packaged app, measure
#   ARTICLES=20000 DURATION=5s bench/search-feeds.sh
#   RESEED=1 bench/search-feeds.sh        # drop and re-seed the bench database
#
# Needs: PostgreSQL on 127.0.0.1:5432 (superuser, for session_replication_role while seeding), psql, wrk,
# Java. Only ever talks to 127.0.0.1. The app is built with ./mvnw package unless the jar already exists
# (BUILD=1 forces a build). Results go to stdout and bench/results/search-feeds-c<connections>.txt.
set -euo pipefail

cd "$(dirname "$0")/.."
ARTICLES=${ARTICLES:-100000}
DB=${BENCH_DATABASE:-newsroom_bench_search}
PGUSER=${PGUSER:-postgres}
PORT=${BENCH_PORT:-8083}
DURATION=${DURATION:-8s}
WARMUP=${WARMUP:-2s}
CONNECTIONS=${CONNECTIONS:-8}
THREADS=${THREADS:-2}
BASE="http://127.0.0.1:${PORT}"
RESULTS=bench/results/search-feeds-c${CONNECTIONS}.txt
PSQL=(psql -X -q -h 127.0.0.1 -U "$PGUSER")

JAR=$(ls target/newsroom-*.jar 2>/dev/null | grep -v plain | head -1 || true)
if [[ -z "$JAR" || "${BUILD:-0}" == 1 ]]; then
  ./mvnw -q -B -DskipTests package
  JAR=$(ls target/newsroom-*.jar | grep -v plain | head -1)
fi

if [[ "${RESEED:-0}" == 1 ]]; then
  "${PSQL[@]}" -d postgres -c "drop database if exists ${DB} with (force)"
fi
if ! "${PSQL[@]}" -d postgres -Atc "select 1 from pg_database where datname = '${DB}'" | grep -q 1; then
  "${PSQL[@]}" -d postgres -c "create database ${DB}"
fi

APP_PID=
stop_app() {
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID"
    wait "$APP_PID" 2>/dev/null || true
  fi
}
trap stop_app EXIT

echo "Starting $JAR on port $PORT (database $DB)"
SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/${DB}" SPRING_DATASOURCE_USERNAME="$PGUSER" \
  java -Xmx512m -jar "$JAR" --server.port="$PORT" --newsroom.site.base-url="$BASE" \
  --logging.level.root=WARN >bench/results/search-feeds-app.log.tmp 2>&1 &
APP_PID=$!
for _ in $(seq 1 120); do
  curl -fs -o /dev/null "$BASE/robots.txt" && break
  kill -0 "$APP_PID" 2>/dev/null || { echo "The app did not start; see bench/results/search-feeds-app.log.tmp"; exit 1; }
  sleep 1
done

COUNT=$("${PSQL[@]}" -d "$DB" -Atc "select count(*) from articles")
if [[ "$COUNT" == 0 ]]; then
  echo "Seeding $ARTICLES articles into $DB ..."
  start=$(date +%s)
  "${PSQL[@]}" -d "$DB" -v articles="$ARTICLES" -f bench/seed-articles.sql
  echo "Seeded in $(( $(date +%s) - start )) s"
else
  echo "Reusing $COUNT articles in $DB (RESEED=1 to start over)"
fi

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
  "/tag/tag-7/feed.atom"
  "/author/reporter-3/feed.rss"
  "/sitemap.xml"
  "/sitemap-sections.xml"
  "/sitemap-articles-5.xml"
  "/sitemap-tags-1.xml"
  "/sitemap-news.xml"
)

mkdir -p bench/results
{
  echo "# search-feeds bench: $(date -u +%FT%TZ), $("${PSQL[@]}" -d "$DB" -Atc "select count(*) from articles where status = 'PUBLISHED'") published articles"
  echo "# wrk -t$THREADS -c$CONNECTIONS -d$DURATION (after a $WARMUP warm-up), gzip accepted, $(nproc) cores shared"
  printf '%-40s %8s %10s %10s %10s %10s %8s\n' url status req/s avg p50 p99 size
} | tee "$RESULTS"

for path in "${URLS[@]}"; do
  url="$BASE$path"
  read -r status size < <(curl -s -o /dev/null -w '%{http_code} %{size_download}\n' -H 'Accept-Encoding: gzip' "$url")
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -H 'Accept-Encoding: gzip' "$url" >/dev/null
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -H 'Accept-Encoding: gzip' "$url")
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  avg=$(awk '$1 == "Latency" {print $2; exit}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  errors=$(grep -E 'Non-2xx|Socket errors' <<<"$out" | tr -s ' ' | tr '\n' ' ' || true)
  printf '%-40s %8s %10s %10s %10s %10s %8s %s\n' "$path" "$status" "$rps" "$avg" "$p50" "$p99" "$size" "$errors" \
    | tee -a "$RESULTS"
done
