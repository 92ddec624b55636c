#!/usr/bin/env bash
# The app's CPU milliseconds per uncached page, before and after a change, in one run: the figure that holds on a
# busy shared machine, where throughput and latency only measure the other builds. Each jar in turn serves the
# uncached pages (Cookie: SESSION=bench bypasses the page cache) to wrk at low concurrency; CPU per request is the
# process's user + system time over the measured run divided by the requests served. A flight recording of the
# "after" jar on the article page is summarized in bench/results/cpu-profile.md.
#
#   BASELINE=f2616d8 bash bench/cpu.sh       # also measure that commit's jar first (built in BASELINE_TREE)
#   CONNECTIONS=4 DURATION=20s WARMUP=10s     # the defaults
#
# Uses the database newsroom_bench filled by bench/run.sh (run that once first).
set -euo pipefail
source "$(dirname "$0")/lib.sh"

DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-10s}
CONNECTIONS=${CONNECTIONS:-4}
THREADS=${THREADS:-2}
RESULTS=bench/results/cpu.md
UNCACHED=(-H 'Cookie: SESSION=bench' -H 'Accept-Encoding: gzip')

need_tools
LOAD_BEFORE=$(cut -d" " -f1-3 /proc/loadavg)
COMMIT=$(git describe --always --dirty 2>/dev/null || echo unknown)
ensure_jar
AFTER_JAR=$JAR
JARS=()
if [[ -n "${BASELINE:-}" ]]; then
  BASELINE_TREE=${BASELINE_TREE:-$(pwd)-base}
  [[ -d "$BASELINE_TREE" ]] || git worktree add --detach "$BASELINE_TREE" "$BASELINE"
  git -C "$BASELINE_TREE" checkout -q --detach "$BASELINE"
  BEFORE_JAR=$(ls "$BASELINE_TREE"/target/newsroom-*.jar 2>/dev/null | grep -v plain | head -1 || true)
  if [[ -z "$BEFORE_JAR" || "${BUILD:-0}" == 1 ]]; then
    (cd "$BASELINE_TREE" && ./mvnw -q -B -DskipTests package)
    BEFORE_JAR=$(ls "$BASELINE_TREE"/target/newsroom-*.jar | grep -v plain | head -1)
  fi
  JARS+=("before|$BEFORE_JAR")
fi
JARS+=("after|$AFTER_JAR")
trap stop_app EXIT

sql() { "${PSQL[@]}" -d "$DB" -Atc "$1"; }
CATEGORY=$(sql "select c.slug from categories c join articles a on a.primary_category_id = c.id
                where a.status = 'PUBLISHED' group by c.slug order by count(*) desc, c.slug limit 1")
TAG=$(sql "select t.slug from tags t join article_tags at on at.tag_id = t.id
           where at.listed_at is not null group by t.slug order by count(*) desc, t.slug limit 1")
PAGES=(
  "article, 25 comments|/articles/article-with-25-comments"
  "home|/"
  "category page 1|/category/$CATEGORY"
  "tag|/tag/$TAG"
  "search \"market\"|/search?q=market"
)

declare -A CPU_OF RPS_OF
for entry in "${JARS[@]}"; do
  IFS='|' read -r label jar <<<"$entry"
  JAR=$jar
  echo "== $label: $JAR"
  start_app "bench/results/cpu-$label.log.tmp"
  for page in "${PAGES[@]}"; do
    IFS='|' read -r name path <<<"$page"
    [[ $(curl -s -o /dev/null -w '%{http_code}' "${UNCACHED[@]}" "$BASE$path") == 200 ]] \
      || { echo "$name: $path is not 200" >&2; exit 1; }
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "${UNCACHED[@]}" "$BASE$path" >/dev/null
  done
  for page in "${PAGES[@]}"; do
    IFS='|' read -r name path <<<"$page"
    measure "$path" "${UNCACHED[@]}"
    CPU_OF[$label,$name]=$CPU_PER_REQUEST
    RPS_OF[$label,$name]=$RPS
    printf '%-10s %-24s %8s req/s %8s CPU ms/req %s\n' "$label" "$name" "$RPS" "$CPU_PER_REQUEST" "$ERRORS"
  done
  if [[ $label == after ]]; then
    recording=bench/results/cpu-profile.jfr
    jcmd "$APP_PID" JFR.start name=cpu settings=profile >/dev/null
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" "${UNCACHED[@]}" "$BASE${PAGES[0]#*|}" >/dev/null
    jcmd "$APP_PID" JFR.stop name=cpu filename="$(pwd)/$recording" >/dev/null
    summarize_profile "$recording" "after ($COMMIT), uncached article page under wrk -c$CONNECTIONS" \
      >bench/results/cpu-profile.md
    rm -f "$recording"
  fi
  stop_app
done

{
  echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') at commit $COMMIT${BASELINE:+ (before = $BASELINE, in the same run)},"
  echo "load average before the run $LOAD_BEFORE; wrk -t$THREADS -c$CONNECTIONS -d$DURATION after a $WARMUP warm-up per page,"
  echo "every request uncached (\`Cookie: SESSION=bench\`), gzip accepted; JAVA_OPTS \`$JAVA_OPTS\`."
  echo
  echo "| page (uncached) | CPU ms per request before | CPU ms per request after | req/s before | req/s after |"
  echo "| --- | ---: | ---: | ---: | ---: |"
  for page in "${PAGES[@]}"; do
    name=${page%%|*}
    echo "| $name | ${CPU_OF[before,$name]:--} | ${CPU_OF[after,$name]} | ${RPS_OF[before,$name]:--} | ${RPS_OF[after,$name]} |"
  done
} | tee "$RESULTS"
