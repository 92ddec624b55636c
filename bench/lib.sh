# Shared by bench/run.sh and bench/search-feeds.sh (source it; not a command of its own): build the jar,
# create and seed the bench database, start and stop the packaged app, run wrk and read its figures.
# Only ever talks to 127.0.0.1.

cd "$(dirname "${BASH_SOURCE[0]}")/.."
DB=${BENCH_DATABASE:-newsroom_bench}
PGUSER=${PGUSER:-postgres}
PORT=${BENCH_PORT:-8090}
BASE="http://127.0.0.1:${PORT}"
ARTICLES=${ARTICLES:-100000}
COMMENTS=${COMMENTS:-1000000}
TAGS=${TAGS:-5000}
# A small heap and the serial collector: on two cores a concurrent collector only competes with the
# request threads. After a full collection about 100 MB of it stay live (the page cache's 16 MB of gzipped pages,
# the kept page parts, the comment threads): 176 MB with a 40 MB young generation leaves the old one (136 MB) room
# for what requests promote. What a request allocates dies young; a smaller young generation is only collected
# more often, each time copying the few objects of the requests under way. Every 5 s the JVM hands the native
# memory it freed back to the system (TrimNativeHeapInterval, as in the Dockerfile).
JAVA_OPTS=${JAVA_OPTS:--Xms176m -Xmx176m -Xmn40m -XX:+UseSerialGC -Xss512k -XX:TrimNativeHeapInterval=5000}
# glibc makes up to eight malloc arenas per core, one per thread that allocates at once, and keeps what is freed in
# each: two hold the JVM's native allocations in 20-35 MB less resident memory (the Dockerfile sets the same).
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -U "$PGUSER")
APP_PID=
APP_LOG=
mkdir -p bench/results

need_tools() {
  if ! command -v wrk >/dev/null; then
    echo "Installing wrk (Debian package)"
    if [[ $(id -u) == 0 ]]; then apt-get install -y wrk; else sudo apt-get install -y wrk; fi
  fi
  for tool in psql curl java python3; do
    command -v "$tool" >/dev/null || { echo "bench needs $tool on the PATH" >&2; exit 1; }
  done
}

ensure_jar() {
  JAR=$(ls target/newsroom-*.jar 2>/dev/null | grep -v plain | head -1 || true)
  if [[ "${BUILD:-0}" != 1 && -n "$JAR" ]] && git status --porcelain -- src pom.xml | grep -q . ; then
    echo "Note: the work tree has changes; BUILD=1 rebuilds the jar from them"
  fi
  if [[ -z "$JAR" || "${BUILD:-0}" == 1 ]]; then
    echo "Building the jar (./mvnw -q -B -DskipTests package)"
    ./mvnw -q -B -DskipTests package
    JAR=$(ls target/newsroom-*.jar | grep -v plain | head -1)
  fi
}

# Creates the database (dropped first with RESEED=1), migrates it by starting the app once, and fills it
# with bench/seed.sql unless it already holds articles.
ensure_seeded() {
  if [[ "${RESEED:-0}" == 1 ]]; then
    "${PSQL[@]}" -d postgres -c "drop database if exists ${DB} with (force)"
  fi
  if ! "${PSQL[@]}" -d postgres -Atc "select 1 from pg_database where datname = '${DB}'" | grep -q 1; then
    "${PSQL[@]}" -d postgres -c "create database ${DB}"
  fi
  local count
  count=$("${PSQL[@]}" -d "$DB" -Atc "select count(*) from articles" 2>/dev/null || echo none)
  if [[ "$count" == none ]]; then
    echo "Migrating $DB (starting the app once)"
    start_app bench/results/migrate.log.tmp
    stop_app
    count=0
  fi
  if [[ "$count" == 0 ]]; then
    echo "Seeding $DB: $ARTICLES articles, $COMMENTS comments, $TAGS tags ..."
    local start=$SECONDS
    "${PSQL[@]}" -d "$DB" -v articles="$ARTICLES" -v comments="$COMMENTS" -v tags="$TAGS" -f bench/seed.sql
    echo "Seeded in $(( SECONDS - start )) s"
  else
    echo "Reusing $count articles in $DB (RESEED=1 to start over)"
  fi
}

# start_app LOG [args...]: launches the jar and waits until / answers 200; STARTUP_SECONDS is how long. The bench
# stands where a load balancer would: X-Forwarded-For from 127.0.0.1 names the client (the comment flood's senders).
start_app() {
  APP_LOG=$1
  shift
  local launched=$(date +%s%N)
  SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/${DB}" SPRING_DATASOURCE_USERNAME="$PGUSER" \
  SPRING_DATASOURCE_PASSWORD="" \
    java $JAVA_OPTS -jar "$JAR" --server.address=127.0.0.1 --server.port="$PORT" \
    --newsroom.site.base-url="$BASE" --server.tomcat.remoteip.internal-proxies='127\.0\.0\.1' \
    --logging.level.root=WARN \
    --logging.level.com.newsroom.NewsroomApplication=INFO "$@" >"$APP_LOG" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 1200); do
    if [[ $(curl -s -o /dev/null -w '%{http_code}' "$BASE/") == 200 ]]; then
      STARTUP_SECONDS=$(awk -v ms=$(( ($(date +%s%N) - launched) / 1000000 )) 'BEGIN {printf "%.1f", ms / 1000}')
      return
    fi
    kill -0 "$APP_PID" 2>/dev/null || { echo "The app did not start; see $APP_LOG" >&2; exit 1; }
    sleep 0.1
  done
  echo "The app did not answer within 120 s; see $APP_LOG" >&2
  exit 1
}

stop_app() {
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID"
    wait "$APP_PID" 2>/dev/null || true
  fi
  APP_PID=
}

# The seconds Spring Boot reports in its "Started ... in X seconds" line.
reported_startup() {
  sed -n 's/.*Started .* in \([0-9.]*\) seconds.*/\1/p' "$APP_LOG" | head -1
}

# The app's CPU time so far (user + system), in milliseconds.
cpu_ms() {
  awk -v tck="$(getconf CLK_TCK)" '{printf "%.0f", ($14 + $15) * 1000 / tck}' "/proc/$APP_PID/stat"
}

# measure PATH [wrk args...]: a warm-up, then the measured run; sets RPS P50 P99 ERRORS, REQUESTS and
# CPU_PER_REQUEST (the app's CPU milliseconds per request during the measured run). SCRIPT_ARGS (an array)
# follow the URL, for a wrk script's init(args).
SCRIPT_ARGS=()
measure() {
  local path=$1
  shift
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "$@" "$BASE$path" "${SCRIPT_ARGS[@]}" >/dev/null
  local out cpu_before
  cpu_before=$(cpu_ms)
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$@" "$BASE$path" "${SCRIPT_ARGS[@]}")
  REQUESTS=$(awk '/requests in/ {print $1}' <<<"$out")
  CPU_PER_REQUEST=$(awk -v cpu=$(( $(cpu_ms) - cpu_before )) -v n="$REQUESTS" 'BEGIN {printf "%.2f", n ? cpu / n : 0}')
  RPS=$(awk '/Requests\/sec/ {printf "%.0f", $2}' <<<"$out")
  P50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  P99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  ERRORS=$(grep -E 'Non-2xx|Socket errors' <<<"$out" | tr -s ' ' | tr '\n' ' ' || true)
}

# Top frames of a flight recording: where the samples' own time is (self) and which methods the most samples
# pass through (total), application and framework frames alike.
summarize_profile() {
  local recording=$1 label=$2
  jfr print --stack-depth 64 --events jdk.ExecutionSample "$recording" | awk -v label="$label" '
    /stackTrace = \[/ { inside = 1; depth = 0; delete seen; samples++; next }
    inside && /^[[:space:]]*\]/ { inside = 0; next }
    inside && /line:/ {
      frame = $0; sub(/^[[:space:]]+/, "", frame); sub(/[[:space:]]+line:.*/, "", frame)
      if (depth == 0) self[frame]++
      if (!(frame in seen)) { total[frame]++; seen[frame] = 1 }
      depth++
    }
    END {
      printf "### %s: %d execution samples\n\n", label, samples
      print "| self % | hottest frames (own time) |"; print "| ---: | --- |"
      n = 0; PROCINFO["sorted_in"] = "@val_num_desc"
      for (f in self) { if (n++ == 15) break; printf "| %.1f | `%s` |\n", 100 * self[f] / samples, f }
      print ""; print "| total % | frames the most samples pass through (com.newsroom, thymeleaf, hibernate, jdbc, spring web) |"; print "| ---: | --- |"
      n = 0
      for (f in total) {
        if (f !~ /com\.newsroom|thymeleaf|hibernate|postgresql|springframework\.web|springframework\.security|ResourceUrl|ClassPathResource|zip|Deflater/) continue
        if (n++ == 20) break; printf "| %.1f | `%s` |\n", 100 * total[f] / samples, f
      }
      print ""
    }'
}
