#!/usr/bin/env bash
# Quotewire read benchmark (issue 11): one command, on the machine's PostgreSQL, against the packaged service.
#   benchmarks/run.sh        (see docs/BENCHMARKS.md; every setting below can be overridden from the environment)
# It installs wrk and nginx if missing, creates the database, builds the jar if absent, generates the data (skipped
# when the same seed and sizes are loaded), then in one run:
#   - two ceilings first: pgbench running the by-id statement (the single-row lookup, prepared) with the service
#     stopped, and nginx serving a static JSON of the same size as a by-id answer;
#   - the service as shipped (rate limiting on, its quota raised out of the way): every scenario warmed for WARMUP s,
#     then measured at each connection count;
#   - the service with rate limiting off: the LIMIT_OFF_SCENARIOS, likewise;
#   - the service with its read cache off: the CACHE_OFF_SCENARIOS, likewise;
# and writes the results, as ratios to the ceilings with the load average, between the read-benchmark markers of
# benchmarks/RESULTS.md. It stops what it started when it ends, however it ends.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
source benchmarks/lib.sh
read_settings # database, port, jar, JVM options and work folder

NGINX_PORT=${BENCH_NGINX_PORT:-18090}
QUOTES=${BENCH_QUOTES:-1000000}
SEED=${BENCH_SEED:-42}
CONNECTIONS=${BENCH_CONNECTIONS:-"32 64"}
THREADS=${BENCH_THREADS:-2}
WARMUP=${BENCH_WARMUP:-60}
DURATION=${BENCH_DURATION:-15}
SCENARIOS=${BENCH_SCENARIOS:-"by-id today random list speaker rare-tag speaker-type date-range"}
LIMIT_OFF_SCENARIOS=${BENCH_LIMIT_OFF_SCENARIOS:-"by-id"}
# the lists again with the read cache off: what a page costs when it is not cached (the scenarios draw from a few
# hundred distinct pages, so after their warm-up the shipped configuration answers them from the cache)
CACHE_OFF_SCENARIOS=${BENCH_CACHE_OFF_SCENARIOS:-"list rare-tag speaker-type date-range"}
# after each start, before the first scenario's own warm-up: the JIT needs one to two minutes under load
JIT_WARMUP=${BENCH_JIT_WARMUP:-60}
JAVA=${BENCH_JAVA:-java}
# optional: another JVM (e.g. /usr/lib/jvm/temurin-25-jdk-amd64/bin/java) to run the shipped by-id scenario on as well
ALT_JAVA=${BENCH_ALT_JAVA:-}
RESULTS=$ROOT/benchmarks/RESULTS.md

mkdir -p "$WORK/data" "$WORK/nginx"

# --- tools and database -------------------------------------------------------------------------------------------
need wrk wrk
need /usr/sbin/nginx nginx
# the data generator draws its words from Debian's American English word list
need /usr/share/dict/american-english wamerican
PGBENCH=$(command -v pgbench || echo /usr/bin/pgbench)
ensure_database
if [ ! -f "$APP/quarkus-run.jar" ]; then
  log "building the service jar"
  ./mvnw -q package -DskipTests
fi

# --- the service and nginx ----------------------------------------------------------------------------------------
NGINX_PID=
stop_nginx() { stop_pid "$NGINX_PID"; NGINX_PID=; }
trap 'stop_service; stop_nginx' EXIT

start_service() { # $1: rate limiting on (true) or off (false), $2: the java command (default $JAVA), $3: read cache (default true)
  local java=${2:-$JAVA}
  log "starting the service on port $PORT (rate limiting $1, read cache ${3:-true}; $("$java" -version 2>&1 | head -1))"
  # as shipped, with the quota raised out of the way: the limiter runs on every request but never refuses one; the
  # search index kept between starts in the work folder
  launch_service "$WORK/service-$1.log" "$java" QUOTEWIRE_RATE_LIMIT_ENABLED="$1" QUOTEWIRE_RATE_LIMIT_REQUESTS=1000000000 \
    QUOTEWIRE_SEARCH_INDEX_PATH="$WORK/index" QUOTEWIRE_HTTP_CACHE_ENABLED="${3:-true}"
  # a start after new data rebuilds the search index in the background, which would take CPU from the measurement
  log "  search index current after $(await_index) s"
}

jit_warmup() { # $1 base url: by id for JIT_WARMUP s, so that the first scenario is not measured on a cold JIT
  [ "$JIT_WARMUP" -gt 0 ] || return 0
  log "  JIT warm-up: by id for ${JIT_WARMUP}s"
  wrk_run by-id "${CONNECTIONS%% *}" "$JIT_WARMUP" "$1" ""
}

# --- data ---------------------------------------------------------------------------------------------------------
start_service true # the first start creates the schema (Flyway), which the generator needs
log "generating $QUOTES quotes with seed $SEED (skipped when already loaded)"
./mvnw -q test-compile exec:java@generate -Dexec.args="--url $JDBC_URL --user $PGUSER --quotes $QUOTES --seed $SEED \
  --skip-if-present --truncate" | tee "$WORK/generate.log"
log "search index current after $(await_index) s (a rebuild after new data; kept in $WORK/index for the next starts)"

log "exporting request values"
psql_db -At -c "select id from quote order by md5(id::text) limit 100000" >"$WORK/data/ids.txt"
psql_db -At -c "select slug from speaker where quote_count > 0 order by md5(slug) limit 5000" >"$WORK/data/speakers.txt"
# rare: the 30 least used tags that are used at all
psql_db -At -c "select 'tag=' || slug from tag where quote_count > 0 order by quote_count, slug limit 30" >"$WORK/data/rare-tags.txt"
psql_db -At -c "select 'speaker=' || slug || '&type=direct' from speaker where quote_count > 0 order by md5(slug) limit 300" \
  >"$WORK/data/speaker-types.txt"
# one calendar month of the generator's 15 years (about 1/180 of the quotes each)
psql_db -At -c "select 'from=' || d::date || '&to=' || (d + interval '1 month' - interval '1 day')::date
  from generate_series(date '2011-01-01', date '2025-12-01', interval '1 month') d" >"$WORK/data/date-ranges.txt"
MAX_SEQ=$(psql_db -At -c "select max(seq) from quote")

# a by-id answer, as the static file nginx serves: the same bytes, so the same size
SAMPLE_ID=$(head -1 "$WORK/data/ids.txt")
curl -sf "http://127.0.0.1:$PORT/api/v1/quotes/$SAMPLE_ID" >"$WORK/nginx/quote.json"
BODY_BYTES=$(wc -c <"$WORK/nginx/quote.json")
stop_service

# --- measuring ----------------------------------------------------------------------------------------------------
declare -A RPS P50 P99 ERRORS LOAD
RSS_MAX=0 RSS_ANON=0 RSS_FILE=0 # kB: the largest VmRSS seen, and its anonymous (heap, stacks, code) and file-mapped parts
wrk_run() { # $1 scenario, $2 connections, $3 seconds, $4 base url, $5 output file (empty: discard)
  SCENARIO=$1 DATA_DIR=$WORK/data wrk -t"$THREADS" -c"$2" -d"${3}s" --latency -s benchmarks/wrk/scenario.lua "$4" >"${5:-/dev/null}"
}
measure() { # $1 configuration, $2 scenario, $3 base url, $4 pid to sample RSS of (optional)
  local config=$1 scenario=$2 url=$3 pid=${4:-}
  log "$config $scenario: ${WARMUP}s warm-up at ${CONNECTIONS%% *} connections"
  wrk_run "$scenario" "${CONNECTIONS%% *}" "$WARMUP" "$url" ""
  for c in $CONNECTIONS; do
    local key="$config|$scenario|$c" out="$WORK/wrk-$config-$scenario-$c.txt"
    LOAD[$key]=$(load_average)
    if [ -n "$pid" ]; then
      rss_samples "$pid" 2 >"$WORK/rss-$config-$scenario-$c.txt" &
      local sampler=$!
    fi
    wrk_run "$scenario" "$c" "$DURATION" "$url" "$out"
    if [ -n "$pid" ]; then
      kill "$sampler" 2>/dev/null || true
      local top
      top=$(sort -n "$WORK/rss-$config-$scenario-$c.txt" | tail -1)
      if [ -n "$top" ] && [ "${top%% *}" -gt "$RSS_MAX" ]; then
        read -r RSS_MAX RSS_ANON RSS_FILE <<<"$top"
      fi
    fi
    local line
    line=$(grep '^RESULT ' "$out")
    get() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$line"; }
    RPS[$key]=$(get rps); P50[$key]=$(get p50_ms); P99[$key]=$(get p99_ms)
    ERRORS[$key]=$(( $(get non2xx) + $(get socket_errors) ))
    log "  $c connections: $line (load ${LOAD[$key]})"
  done
}

LOAD_START=$(load_average)
log "load average at the start: $LOAD_START"

# --- ceilings first, with the service stopped ---------------------------------------------------------------------
# they run minutes before the service's first measurement (by id), not after all of them: a ceiling measured last
# ran at the highest load of the run, and moved the by-id ratio more than the service did (docs/BENCHMARKS.md)
# pgbench: the by-id statement of the service (one row by unique key, with its speaker, source and tags), drawing
# the dense seq (an equally selective unique b-tree lookup) since pgbench cannot draw UUIDs.
cat >"$WORK/by-id.sql" <<SQL
\\set s random(1, $MAX_SEQ)
select q.id, q.text, q.type, s.id, s.slug, s.name, src.id, src.title, src.url, src.publisher, src.published_at,
       q.context, q.start_offset, q.end_offset, q.language,
       array(select t.slug from quote_tag qt cross join lateral (select t.slug from tag t where t.id = qt.tag_id offset 0) t
             where qt.quote_id = q.id order by t.slug collate "C"),
       q.status, q.quoted_on, q.created_at, q.updated_at
from quote q left join speaker s on s.id = q.speaker_id join source src on src.id = q.source_id where q.seq = :s;
SQL
declare -A PGBENCH_TPS
for c in $CONNECTIONS; do
  log "pgbench by-id: $c clients, ${DURATION}s, prepared (after 10 s of warm-up)"
  "$PGBENCH" -n -M prepared -c "$c" -j "$THREADS" -T 10 -f "$WORK/by-id.sql" "$DB" >/dev/null 2>&1
  LOAD["pgbench|$c"]=$(load_average)
  "$PGBENCH" -n -M prepared -c "$c" -j "$THREADS" -T "$DURATION" -f "$WORK/by-id.sql" "$DB" >"$WORK/pgbench-$c.txt" 2>&1
  PGBENCH_TPS[$c]=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$WORK/pgbench-$c.txt" | head -1 | awk '{ printf "%.1f", $1 }')
  log "  ${PGBENCH_TPS[$c]} tps (load ${LOAD["pgbench|$c"]})"
done

# nginx: the static JSON, one worker per core, no access log; on a free port (other benchmarks share the machine)
if ss -ltn "sport = :$NGINX_PORT" | grep -q LISTEN; then
  NGINX_PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  log "port ${BENCH_NGINX_PORT:-18090} is taken; nginx listens on $NGINX_PORT"
fi
cat >"$WORK/nginx/nginx.conf" <<CONF
worker_processes auto;
daemon off;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $WORK/nginx;
    location = /quote.json { default_type application/json; }
  }
}
CONF
chmod o+rx "$WORK" "$WORK/nginx" 2>/dev/null || true
/usr/sbin/nginx -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx" &
NGINX_PID=$!
sleep 1
curl -sf "http://127.0.0.1:$NGINX_PORT/quote.json" >/dev/null || { log "nginx does not answer; see $WORK/nginx/error.log"; exit 1; }
WARMUP_SAVED=$WARMUP; WARMUP=5
measure nginx static "http://127.0.0.1:$NGINX_PORT"
WARMUP=$WARMUP_SAVED
stop_nginx

start_service true
jit_warmup "http://127.0.0.1:$PORT"
for scenario in $SCENARIOS; do measure shipped "$scenario" "http://127.0.0.1:$PORT" "$SERVICE_PID"; done
stop_service

CONFIGS="shipped limit-off"
start_service false
jit_warmup "http://127.0.0.1:$PORT"
for scenario in $LIMIT_OFF_SCENARIOS; do measure limit-off "$scenario" "http://127.0.0.1:$PORT" "$SERVICE_PID"; done
stop_service
if [ -n "$CACHE_OFF_SCENARIOS" ]; then
  CONFIGS="$CONFIGS cache-off"
  start_service true "$JAVA" false
  jit_warmup "http://127.0.0.1:$PORT"
  for scenario in $CACHE_OFF_SCENARIOS; do measure cache-off "$scenario" "http://127.0.0.1:$PORT" "$SERVICE_PID"; done
fi
stop_service

if [ -n "$ALT_JAVA" ]; then
  ALT_NAME="shipped-java$("$ALT_JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
  CONFIGS="$CONFIGS $ALT_NAME"
  start_service true "$ALT_JAVA"
  jit_warmup "http://127.0.0.1:$PORT"
  measure "$ALT_NAME" by-id "http://127.0.0.1:$PORT" "$SERVICE_PID"
  stop_service
fi

LOAD_END=$(load_average)

# --- results --------------------------------------------------------------------------------------------------------
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else printf "–" }'; }
first_c=${CONNECTIONS%% *}
{
  echo "## Read benchmark"
  echo
  echo "Run by \`benchmarks/run.sh\` (see docs/BENCHMARKS.md) on $(date -u +%Y-%m-%dT%H:%MZ): $QUOTES generated quotes (seed $SEED);"
  echo "wrk with $THREADS threads, each scenario warmed ${WARMUP}s at $first_c connections then measured ${DURATION}s per connection"
  echo "count; the service, PostgreSQL, wrk, pgbench and nginx on the same machine. *shipped*: rate limiting on, its quota"
  echo "raised to 10^9 a minute so it never refuses; *limit-off*: QUOTEWIRE_RATE_LIMIT_ENABLED=false; *cache-off*: as shipped but"
  echo "QUOTEWIRE_HTTP_CACHE_ENABLED=false (what an uncached page costs), its x by-id against shipped; each start warmed ${JIT_WARMUP}s"
  echo "by id before the first scenario (JIT); JVM \`$JAVA_OPTS\`."
  [ -n "$ALT_JAVA" ] && echo "*$ALT_NAME*: as shipped on another JVM ($ALT_JAVA), its x by-id against shipped on the first."
  echo "Ceilings in the same run, before the service started:"
  echo "pgbench of the by-id statement (\`-M prepared -j $THREADS\`, one row by unique key with speaker,"
  echo "source and tags) and nginx serving the same $BODY_BYTES-byte JSON as a static file."
  echo
  echo "| configuration | scenario | conns | req/s | p50 ms | p99 ms | errors | x pgbench | x nginx | x by-id (same config) | load average (1, 5, 15 min) |"
  echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|"
  for config in $CONFIGS; do
    scenarios=$SCENARIOS; [ "$config" = limit-off ] && scenarios=$LIMIT_OFF_SCENARIOS; [ "$config" = cache-off ] && scenarios=$CACHE_OFF_SCENARIOS
    [[ "$config" == shipped-java* ]] && scenarios=by-id
    for scenario in $scenarios; do
      for c in $CONNECTIONS; do
        key="$config|$scenario|$c"; byid="${RPS[$config|by-id|$c]:-0}"
        [[ "$config" == shipped-java* || "$config" == cache-off ]] && byid="${RPS[shipped|by-id|$c]:-0}"
        echo "| $config | $scenario | $c | ${RPS[$key]} | ${P50[$key]} | ${P99[$key]} | ${ERRORS[$key]} | $(ratio "${RPS[$key]}" "${PGBENCH_TPS[$c]}") | $(ratio "${RPS[$key]}" "${RPS[nginx|static|$c]}") | $(ratio "${RPS[$key]}" "$byid") | ${LOAD[$key]} |"
      done
    done
  done
  for c in $CONNECTIONS; do
    echo "| ceiling | pgbench by-id | $c | ${PGBENCH_TPS[$c]} | | | | 1.00 | | | ${LOAD[pgbench|$c]} |"
  done
  for c in $CONNECTIONS; do
    key="nginx|static|$c"
    echo "| ceiling | nginx static JSON | $c | ${RPS[$key]} | ${P50[$key]} | ${P99[$key]} | ${ERRORS[$key]} | $(ratio "${RPS[$key]}" "${PGBENCH_TPS[$c]}") | 1.00 | | ${LOAD[$key]} |"
  done
  echo
  echo "Largest RSS of the service under load: $((RSS_MAX / 1024)) MB ($((RSS_ANON / 1024)) MB anonymous, $((RSS_FILE / 1024)) MB"
  echo "file-mapped: the jar's classes and the search index's mapped files, pages the kernel can drop and share)."
  echo
  echo "Targets (issue 11), at $first_c connections unless said:"
  echo
  verdict() { # $1 description, $2 awk condition, then -v assignments
    local description=$1 condition=$2; shift 2
    if awk "$@" "BEGIN { exit !($condition) }"; then echo "- met: $description"; else echo "- **missed**: $description"; fi
  }
  r() { echo "${RPS[$1]:-0}"; }
  has() { [[ " $SCENARIOS " == *" $1 "* ]]; }
  key="shipped|by-id|$first_c"
  verdict "by id ≥ 0.40 x pgbench ($(ratio "$(r "$key")" "${PGBENCH_TPS[$first_c]}")), p99 ≤ 20 ms (${P99[$key]})" \
    "a >= 0.4 * b && p <= 20" -v a="$(r "$key")" -v b="${PGBENCH_TPS[$first_c]}" -v p="${P99[$key]}"
  [[ " $LIMIT_OFF_SCENARIOS " == *" by-id "* ]] && verdict "as shipped ≥ 0.9 x limit-off, by id ($(ratio "$(r "$key")" "$(r "limit-off|by-id|$first_c")"))" \
    "a >= 0.9 * b" -v a="$(r "$key")" -v b="$(r "limit-off|by-id|$first_c")"
  for target in "today 1.0" "random 0.7" "speaker 0.9" "list 0.35"; do
    set -- $target
    has "$1" && verdict "$1 ≥ $2 x by id ($(ratio "$(r "shipped|$1|$first_c")" "$(r "$key")"))" "a >= $2 * b" -v a="$(r "shipped|$1|$first_c")" -v b="$(r "$key")"
  done
  for scenario in rare-tag speaker-type date-range; do
    has "$scenario" && verdict "$scenario p99 ≤ 50 ms (${P99[shipped|$scenario|$first_c]})" "p <= 50" -v p="${P99[shipped|$scenario|$first_c]}"
  done
  verdict "RSS ≤ 300 MB under load ($((RSS_MAX / 1024)) MB)" "r <= 300 * 1024" -v r="$RSS_MAX"
  total_errors=0; for key in "${!ERRORS[@]}"; do total_errors=$((total_errors + ${ERRORS[$key]})); done
  verdict "zero errors ($total_errors)" "e == 0" -v e="$total_errors"
  echo
  echo "Environment: $(nproc) CPUs, $(lscpu | sed -n 's/^Model name: *//p'), shared with other engineers' builds;"
  echo "$(free -h | awk '/^Mem:/ { print $2 }') memory; $("$JAVA" -version 2>&1 | head -1) $JAVA_OPTS; $(/usr/sbin/nginx -v 2>&1);"
  echo "$(psql -X -At -d "$DB" -c 'select version()' | cut -d, -f1) at default settings; load average at the start $LOAD_START, at the end $LOAD_END;"
  echo "commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src || echo ' with uncommitted changes in src')."
  echo "Data: $(grep -E '^(done|already)' "$WORK/generate.log" | tail -1)"
} >"$WORK/results-section.md"

START='<!-- read-benchmark:start -->'
END='<!-- read-benchmark:end -->'
if [ ! -f "$RESULTS" ]; then
  printf '# Benchmark results\n\n%s\n%s\n' "$START" "$END" >"$RESULTS"
elif ! grep -qF "$START" "$RESULTS"; then
  printf '\n%s\n%s\n' "$START" "$END" >>"$RESULTS"
fi
python3 - "$RESULTS" "$WORK/results-section.md" "$START" "$END" <<'PY'
import sys
path, section_path, start, end = sys.argv[1:]
text = open(path, encoding="utf-8").read()
section = open(section_path, encoding="utf-8").read().rstrip("\n")
before, rest = text.split(start, 1)
_, after = rest.split(end, 1)
open(path, "w", encoding="utf-8").write(before + start + "\n" + section + "\n" + end + after)
PY
cat "$WORK/results-section.md"
log "results in $RESULTS"
