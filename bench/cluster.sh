# Two Newsroom instances (the packaged jar) behind one Varnish on this machine, without Docker: Debian's
# varnish and varnish-modules, PostgreSQL on 127.0.0.1:5432. Sourced by .ci/edge-cluster and bench/edge.sh
# (not a command of its own); the caller sets a trap that calls cluster_stop. Only ever talks to 127.0.0.1.
#
#   cluster_prepare A C T  jar extracted, database created, migrated and (if empty) filled by bench/seed.sql
#                          with A articles, C comments and T tags; start-up cache trained (see below)
#   cluster_start        varnish on $VARNISH_PORT, instances on $PORT_A and $PORT_B; FIRST_ANSWER_A/_B in s
#   cluster_stop         everything started here, by process id
#
# Start-up: the jar is extracted (Spring Boot's jarmode tools) so the JVM can keep what it loaded in a
# cache: on Java 25+ the ahead-of-time cache (JEP 483/514: classes loaded and linked, method profiles), on
# older JVMs class-data sharing (AppCDS). The cache is written by a training run that starts the app,
# reads a few pages and stops; it belongs to one jar and one JVM, and is rebuilt whenever either changes.

cd "$(dirname "${BASH_SOURCE[0]}")/.."
CLUSTER_DB=${CLUSTER_DB:-newsroom_edge}
PGUSER=${PGUSER:-postgres}
VARNISH_PORT=${VARNISH_PORT:-8130}
VARNISH_ADMIN_PORT=${VARNISH_ADMIN_PORT:-8139}
PORT_A=${PORT_A:-8131}
PORT_B=${PORT_B:-8132}
TRAINING_PORT=${TRAINING_PORT:-8133}
# Instance B reaches PostgreSQL through bench/tcp-proxy.py on this port, so a check can cut B off alone.
DB_PROXY_PORT=${DB_PROXY_PORT:-8134}
CLUSTER_DIR=${CLUSTER_DIR:-$PWD/target/edge-cluster}
# The newest JDK under /usr/lib/jvm (or CLUSTER_JAVA): the bytecode is release 17 either way.
CLUSTER_JAVA=${CLUSTER_JAVA:-$(ls -d /usr/lib/jvm/*/bin/java 2>/dev/null \
  | while read -r j; do echo "$("$j" -XX:+PrintFlagsFinal -version 2>/dev/null | grep -q AOTCacheOutput && echo 2 || echo 1) $j"; done \
  | sort -r | head -1 | cut -d' ' -f2)}
CLUSTER_JAVA=${CLUSTER_JAVA:-java}
CLUSTER_JAVA_OPTS=${CLUSTER_JAVA_OPTS:--Xms256m -Xmx256m -XX:+UseSerialGC -Xss512k}
# Settings every instance gets; the caller may add its own (CLUSTER_APP_ARGS) before cluster_start.
CLUSTER_APP_ARGS=(${CLUSTER_APP_ARGS[@]+"${CLUSTER_APP_ARGS[@]}"})
# Connections per instance (plus one that listens for changes): PostgreSQL on a shared machine has 100 at most.
CLUSTER_POOL_SIZE=${CLUSTER_POOL_SIZE:-5}
CLUSTER_ADMIN_PASSWORD=${CLUSTER_ADMIN_PASSWORD:-edge-cluster-password}
PSQL=(cluster_pg_retry psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -U "$PGUSER")
CLUSTER_PIDS=()
PID_A=
PID_B=
VARNISH_PID=
PROXY_PID=

cluster_log() { echo "[cluster $(date -u +%H:%M:%S)] $*"; }

# Runs a psql command again while PostgreSQL refuses it for want of connection slots (a shared machine).
cluster_pg_retry() {
  local out
  for _ in $(seq 1 60); do
    if out=$("$@" 2>&1); then
      [[ -z "$out" ]] || printf '%s\n' "$out"
      return 0
    fi
    grep -q "too many clients" <<<"$out" || { printf '%s\n' "$out" >&2; return 1; }
    sleep 2
  done
  printf '%s\n' "$out" >&2
  return 1
}

cluster_prepare() {
  command -v varnishd >/dev/null || bash .ci/install-varnish
  JAR=${JAR:-$(ls target/newsroom-*.jar 2>/dev/null | grep -v plain | head -1 || true)}
  [[ -n "$JAR" ]] || { echo "No jar in target/: run ./mvnw -DskipTests package first" >&2; return 1; }
  mkdir -p "$CLUSTER_DIR"
  local stamp
  stamp="$(sha256sum "$JAR" | cut -c1-16) $("$CLUSTER_JAVA" -version 2>&1 | head -1)"
  if [[ ! -f "$CLUSTER_DIR/app/stamp" || "$(cat "$CLUSTER_DIR/app/stamp")" != "$stamp" ]]; then
    rm -rf "$CLUSTER_DIR/app"
    "$CLUSTER_JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$CLUSTER_DIR/app" >/dev/null
    mv "$CLUSTER_DIR/app/$(basename "$JAR")" "$CLUSTER_DIR/app/newsroom.jar"
  fi
  if [[ "${CLUSTER_FRESH_DATABASE:-0}" == 1 ]]; then
    "${PSQL[@]}" -d postgres -c "drop database if exists ${CLUSTER_DB} with (force)"
  fi
  if ! "${PSQL[@]}" -d postgres -Atc "select 1 from pg_database where datname = '${CLUSTER_DB}'" | grep -q 1; then
    "${PSQL[@]}" -d postgres -c "create database ${CLUSTER_DB}"
  fi
  if [[ -f "$CLUSTER_DIR/app/startup.cache" ]]; then
    cluster_log "Start-up cache is current; migrating $CLUSTER_DB"
    local attempt
    for attempt in 1 2 3 4 5 6; do
      cluster_run_app "$TRAINING_PORT" "$CLUSTER_DIR/migrate.log" -Dspring.context.exit=onRefresh
      wait "$CLUSTER_LAST_PID" && break
      grep -q "too many clients" "$CLUSTER_DIR/migrate.log" && [[ $attempt -lt 6 ]] \
        || { echo "Migration failed; see $CLUSTER_DIR/migrate.log" >&2; return 1; }
      cluster_log "PostgreSQL had no connection slot free; migrating again"
      sleep 5
    done
    cluster_seed "$@"
    return
  fi
  cluster_train "$@"
  echo "$stamp" >"$CLUSTER_DIR/app/stamp"
}

# The training run: migrates (and seeds) the database, serves a few pages so that request handling is in
# the cache too, and stops; the JVM writes the cache as it exits.
cluster_train() {
  local output cache="$CLUSTER_DIR/app/startup.cache"
  rm -f "$cache"
  if cluster_has_aot_cache; then output=(-XX:AOTCacheOutput="$cache"); else output=(-XX:ArchiveClassesAtExit="$cache"); fi
  cluster_log "Training run for the start-up cache ($("$CLUSTER_JAVA" -version 2>&1 | head -1))"
  CLUSTER_NO_CACHE=1 cluster_launch "$TRAINING_PORT" "$CLUSTER_DIR/training.log" "${output[@]}"
  local pid=$CLUSTER_LAST_PID
  cluster_seed "$@"
  local article
  article=$("${PSQL[@]}" -d "$CLUSTER_DB" -Atc "select slug from articles where status = 'PUBLISHED' limit 1")
  for path in / /latest /feed.atom /sitemap.xml /robots.txt /search?q=market /login /no-such-page \
              "/articles/$article"; do
    curl -s -o /dev/null -H 'Accept-Encoding: gzip' "http://127.0.0.1:$TRAINING_PORT$path"
    curl -s -o /dev/null -H 'Cookie: SESSION=training' "http://127.0.0.1:$TRAINING_PORT$path"
  done
  kill "$pid"
  wait "$pid" || true
  [[ -s "$cache" ]] || { echo "The training run wrote no start-up cache; see $CLUSTER_DIR/training.log" >&2; return 1; }
  cluster_log "Start-up cache: $(du -h "$cache" | cut -f1)"
}

cluster_has_aot_cache() {
  "$CLUSTER_JAVA" -XX:+PrintFlagsFinal -version 2>/dev/null | grep -q AOTCacheOutput
}

# cluster_run_app PORT LOG [jvm args...]: one instance in the background (CLUSTER_LAST_PID).
cluster_run_app() {
  local port=$1 log=$2
  shift 2
  local cache=() file="$CLUSTER_DIR/app/startup.cache"
  if [[ "${CLUSTER_NO_CACHE:-0}" != 1 && -s "$file" ]]; then
    if cluster_has_aot_cache; then cache=(-XX:AOTCache="$file"); else cache=(-XX:SharedArchiveFile="$file"); fi
  fi
  SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:${CLUSTER_DB_PORT:-5432}/${CLUSTER_DB}" SPRING_DATASOURCE_USERNAME="$PGUSER" \
  SPRING_DATASOURCE_PASSWORD="" \
  NEWSROOM_ADMIN_BOOTSTRAP_USERNAME=admin NEWSROOM_ADMIN_BOOTSTRAP_EMAIL=admin@newsroom.example \
  NEWSROOM_ADMIN_BOOTSTRAP_PASSWORD="$CLUSTER_ADMIN_PASSWORD" \
    "$CLUSTER_JAVA" $CLUSTER_JAVA_OPTS "${cache[@]}" "$@" -jar "$CLUSTER_DIR/app/newsroom.jar" \
    --server.address=127.0.0.1 --server.port="$port" \
    --newsroom.site.base-url="http://127.0.0.1:$VARNISH_PORT" \
    --newsroom.edge.purge-urls="http://127.0.0.1:$VARNISH_PORT/" \
    --server.tomcat.remoteip.internal-proxies='127\.0\.0\.1' \
    --spring.datasource.hikari.maximum-pool-size="$CLUSTER_POOL_SIZE" \
    --logging.level.root=WARN --logging.level.com.newsroom=INFO \
    ${CLUSTER_APP_ARGS[@]+"${CLUSTER_APP_ARGS[@]}"} >"$log" 2>&1 &
  CLUSTER_LAST_PID=$!
  CLUSTER_PIDS+=("$CLUSTER_LAST_PID")
}

# cluster_launch PORT LOG [jvm args...]: cluster_run_app, then waits for its first answer (SECONDS_TO_200,
# from the launch); launched again while PostgreSQL has no connection slot free (a machine shared with builds).
cluster_launch() {
  local port=$1 log=$2 attempt launched
  for attempt in 1 2 3 4 5 6; do
    launched=$(date +%s%N)
    cluster_run_app "$@"
    cluster_wait_for "http://127.0.0.1:$port/" "$CLUSTER_LAST_PID" "$log" "$launched" 2>/dev/null && return 0
    grep -q "too many clients" "$log" && [[ $attempt -lt 6 ]] || { tail -20 "$log" >&2; return 1; }
    cluster_log "PostgreSQL had no connection slot free; launching again"
    sleep 5
  done
}

# cluster_wait_for URL PID LOG: until URL answers 200 (SECONDS_TO_200 set), or fails if the process dies.
cluster_wait_for() {
  local url=$1 pid=$2 log=$3 launched=${4:-$(date +%s%N)}
  for _ in $(seq 1 1800); do
    if [[ $(curl -s -o /dev/null -w '%{http_code}' "$url") == 200 ]]; then
      SECONDS_TO_200=$(awk -v ms=$(( ($(date +%s%N) - launched) / 1000000 )) 'BEGIN {printf "%.2f", ms / 1000}')
      return
    fi
    kill -0 "$pid" 2>/dev/null || { echo "The app stopped; see $log" >&2; tail -20 "$log" >&2; return 1; }
    sleep 0.05
  done
  echo "$url did not answer 200 within 90 s; see $log" >&2
  return 1
}

cluster_seed() {
  local articles=$1 comments=$2 tags=$3 count
  count=$("${PSQL[@]}" -d "$CLUSTER_DB" -Atc "select count(*) from articles")
  if [[ "$count" == 0 ]]; then
    cluster_log "Seeding $CLUSTER_DB: $articles articles, $comments comments, $tags tags"
    "${PSQL[@]}" -d "$CLUSTER_DB" -v articles="$articles" -v comments="$comments" -v tags="$tags" \
      -f bench/seed.sql >/dev/null
  fi
}

# The deployment's newsroom-backends.vcl: both instances, probed on readiness, and the purge ACL.
cluster_backends_vcl() {
  local name port
  for name in a b; do
    [[ $name == a ]] && port=$PORT_A || port=$PORT_B
    cat <<EOF
backend instance_$name {
    .host = "127.0.0.1";
    .port = "$port";
    .connect_timeout = 1s;
    .first_byte_timeout = 30s;
    .probe = {
        .url = "/actuator/health/readiness";
        .interval = 2s;
        .timeout = 2s;
        .window = 3;
        .threshold = 2;
        .initial = 0;
    }
}
EOF
  done
  cat <<EOF
acl purgers {
    "127.0.0.1";
}

sub vcl_init {
    new cluster = directors.round_robin();
    cluster.add_backend(instance_a);
    cluster.add_backend(instance_b);
}
EOF
}

cluster_start_varnish() {
  local dir="$CLUSTER_DIR/varnish"
  mkdir -p "$dir/vcl"
  cluster_backends_vcl >"$dir/vcl/newsroom-backends.vcl"
  # -j none: no jail, so the working directory needs no varnish user; -F: in the foreground of its own
  # background job, so its process id is ours to stop.
  varnishd -F -j none -n "$dir/work" -a "127.0.0.1:$VARNISH_PORT" -T "127.0.0.1:$VARNISH_ADMIN_PORT" \
    -p vcl_path="$dir/vcl:$PWD/src/main/docker/varnish:/usr/share/varnish/vcl" \
    -f "$PWD/src/main/docker/varnish/default.vcl" -s malloc,256m ${VARNISH_ARGS:-} >"$CLUSTER_DIR/varnish.log" 2>&1 &
  VARNISH_PID=$!
  CLUSTER_PIDS+=("$VARNISH_PID")
  for _ in $(seq 1 100); do
    [[ $(curl -s -o /dev/null -w '%{http_code}' -X PURGE -H 'xkey: none' "http://127.0.0.1:$VARNISH_PORT/") == 200 ]] && return
    kill -0 "$VARNISH_PID" 2>/dev/null || { echo "varnishd stopped; see $CLUSTER_DIR/varnish.log" >&2; cat "$CLUSTER_DIR/varnish.log" >&2; return 1; }
    sleep 0.1
  done
  echo "varnishd did not answer" >&2
  return 1
}

# cluster_start_instance a|b: launches it and waits for its first answer; FIRST_ANSWER_<A|B> in seconds.
cluster_start_instance() {
  local name=$1 port
  [[ $name == a ]] && port=$PORT_A || port=$PORT_B
  local db_port=5432
  if [[ $name == b ]]; then
    python3 bench/tcp-proxy.py "$DB_PROXY_PORT" 5432 >"$CLUSTER_DIR/db-proxy.log" 2>&1 &
    PROXY_PID=$!
    CLUSTER_PIDS+=("$PROXY_PID")
    db_port=$DB_PROXY_PORT
    sleep 0.3
  fi
  CLUSTER_DB_PORT=$db_port cluster_launch "$port" "$CLUSTER_DIR/instance-$name.log"
  local pid=$CLUSTER_LAST_PID
  [[ $name == a ]] && PID_A=$pid || PID_B=$pid
  # CPU time spent until then: on a busy machine the wall-clock figure says more about the neighbours.
  local cpu
  cpu=$(awk -v hz="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / hz}' "/proc/$pid/stat")
  if [[ $name == a ]]; then FIRST_ANSWER_A=$SECONDS_TO_200; CPU_A=$cpu; else FIRST_ANSWER_B=$SECONDS_TO_200; CPU_B=$cpu; fi
  cluster_log "Instance $name (pid $pid) answered its first request $SECONDS_TO_200 s after launch ($cpu s of CPU; load $(cut -d' ' -f1 /proc/loadavg))"
}

cluster_start() {
  cluster_start_varnish
  # One after the other, so each launch is timed on its own rather than against the other's start-up.
  cluster_start_instance a
  cluster_start_instance b
  # Until Varnish's probe has seen both ready.
  for _ in $(seq 1 100); do
    [[ $(varnishadm -n "$CLUSTER_DIR/varnish/work" backend.list 2>/dev/null | grep -c -E '(Healthy|healthy)') -ge 2 ]] && break
    sleep 0.2
  done
  cluster_log "Varnish on $VARNISH_PORT (pid $VARNISH_PID) in front of $PORT_A and $PORT_B"
}

cluster_rss_kb() {
  awk '/VmRSS/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0
}

cluster_stop() {
  local pid
  for pid in ${CLUSTER_PIDS[@]+"${CLUSTER_PIDS[@]}"}; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in ${CLUSTER_PIDS[@]+"${CLUSTER_PIDS[@]}"}; do
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  CLUSTER_PIDS=()
}
