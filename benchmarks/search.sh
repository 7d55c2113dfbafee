#!/usr/bin/env bash
# Quotewire search benchmark (issue 12): one command, on the machine's PostgreSQL, against the packaged service.
#   benchmarks/search.sh                        1,000,000 quotes, both engines
#   BENCH_QUOTES=5000000 benchmarks/search.sh   5,000,000 quotes
# It installs wrk and the word list if missing, creates the database, builds the jar when the sources are newer,
# generates the data (skipped when the same dataset is loaded), times the index rebuild command, then loads the
# service with wrk for each scenario and engine: "index" (the shipped default: the Lucene index answers, the quotes of
# its pages from the read cache where held), "index-uncached" (the same with QUOTEWIRE_HTTP_CACHE_MAX_RECORDS=0: every
# page's quotes read from PostgreSQL) and "postgresql" (the index disabled: PostgreSQL full-text search answers). Results go to
# benchmarks/SEARCH_RESULTS.md between markers per dataset size; see docs/BENCHMARKS.md, "Search at size".
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)

PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-postgres}
QUOTES=${BENCH_QUOTES:-1000000}
DB=${BENCH_DB:-search_bench_$((QUOTES / 1000000))m}
PORT=${BENCH_PORT:-18090}
SEED=${BENCH_SEED:-42}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
THREADS=${BENCH_THREADS:-2}
WARMUP=${BENCH_WARMUP:-120}
DURATION=${BENCH_DURATION:-60}
IDLE_LOAD=${BENCH_IDLE_LOAD:-2.0}
IDLE_WAIT=${BENCH_IDLE_WAIT:-120}
ENGINES=${BENCH_ENGINES:-"index index-uncached postgresql"}
SCENARIOS=${BENCH_SCENARIOS:-"search-mix search-filter autocomplete"}
PG_SCENARIOS=${BENCH_PG_SCENARIOS:-"search-mix search-filter"}
UNCACHED_SCENARIOS=${BENCH_UNCACHED_SCENARIOS:-"search-mix search-filter"}
REBUILD=${BENCH_REBUILD:-1}
WORK=${BENCH_WORK:-$ROOT/target/search-bench/$QUOTES}
RESULTS=$ROOT/benchmarks/SEARCH_RESULTS.md
export PGHOST PGPORT PGUSER
JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB"
JAR=target/quarkus-app/quarkus-run.jar

APP=$ROOT/target/quarkus-app
source benchmarks/lib.sh

mkdir -p "$WORK/data"

# --- tools, database, jar -------------------------------------------------------------------------------------------
need wrk wrk
need /usr/share/dict/american-english wamerican
ensure_database
if [ ! -f "$JAR" ] || { [ "${BENCH_BUILD:-1}" = 1 ] && [ -n "$(find src/main pom.xml -newer "$JAR" -print -quit)" ]; }; then
  log "building the service jar"
  ./mvnw -o -q -B package -DskipTests
fi

# --- the service --------------------------------------------------------------------------------------------------
trap stop_service EXIT

start_service() { # $1: index enabled (true/false), $2: how many quotes the read cache keeps (default: as shipped)
  log "starting the service on port $PORT (search index enabled: $1, cached quotes: ${2:-default})"
  SERVICE_LOG_FROM=$(( $(wc -l 2>/dev/null <"$WORK/service.log" || echo 0) + 1 ))  # where this start's lines begin
  JAVA_OPTS=${BENCH_JAVA_OPTS:-} launch_service "$WORK/service.log" java QUOTEWIRE_RATE_LIMIT_ENABLED=false \
    QUOTEWIRE_SEARCH_INDEX_ENABLED="$1" QUOTEWIRE_SEARCH_INDEX_PATH="$WORK/index" ${2:+QUOTEWIRE_HTTP_CACHE_MAX_RECORDS=$2} \
    QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT="${BENCH_ACQUISITION_TIMEOUT:-2S}"
}

start_service true

# --- data ---------------------------------------------------------------------------------------------------------
if [ "${BENCH_GENERATE:-1}" = 1 ] || [ ! -s "$WORK/data/terms.txt" ]; then
  log "generating $QUOTES quotes with seed $SEED (skipped when already loaded)"
  ./mvnw -o -q test-compile exec:java@generate -Dexec.args="--url $JDBC_URL --user $PGUSER --quotes $QUOTES --seed $SEED \
    --skip-if-present --truncate --terms-out $WORK/data/terms.txt" | tee "$WORK/generate.log"
fi
log "waiting for the index to be current"
log "  index current after $(await_index) s"

# --- rebuild, by the one command, timed ---------------------------------------------------------------------------
REBUILD_LINE="not run (BENCH_REBUILD=0)"
if [ "$REBUILD" = 1 ]; then
  log "rebuilding the index with the rebuild command (load average $(load_average))"
  REBUILD_LOAD=$(load_average)
  started=$(date +%s.%N)
  QUARKUS_DATASOURCE_JDBC_URL=$JDBC_URL QUARKUS_DATASOURCE_USERNAME=$PGUSER java -jar "$JAR" rebuild-search-index | tee "$WORK/rebuild.log"
  REBUILD_SECONDS=$(awk -v s="$started" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')
  REBUILD_LINE="$REBUILD_SECONDS s for $(psql_db -At -c 'select count(*) from quote') quotes (load average before: $REBUILD_LOAD)"
  log "  rebuild: $REBUILD_LINE"
fi
await_merge() { # waits until the service has merged its last rebuild's segments into one (searches read one segment)
  local started=$SECONDS
  while tail -n +"$SERVICE_LOG_FROM" "$WORK/service.log" \
      | awk '/rebuilt [0-9]+ quotes in/ { pending = 1 } /merged into one/ { pending = 0 } END { exit !pending }'; do
    [ $((SECONDS - started)) -gt 900 ] && { log "the rebuilt index was not merged in 15 minutes"; exit 1; }
    sleep 2
  done
  echo $((SECONDS - started))
}
log "  the rebuilt index merged into one segment after $(await_merge) s more"
INDEX_SIZE=$(du -sh "$WORK/index" | cut -f1)
TABLE_SIZES=$(psql_db -At -c "select 'quote table ' || pg_size_pretty(pg_table_size('quote')) || ', quote_search_idx (GIN) ' || pg_size_pretty(pg_relation_size('quote_search_idx'))")

# --- request values -----------------------------------------------------------------------------------------------
log "exporting request values"
# one word among the 1,000 most frequent, one beyond, two words, an exclusion (from the generator), a phrase that
# occurs (two adjacent words of a stored quote) and a speaker with a word: 100 of each
awk 'NR % 4 == 1' "$WORK/data/terms.txt" | head -100 >"$WORK/data/common.txt"
{
  head -400 "$WORK/data/terms.txt" | sed 's/^/\t/'
  psql_db -At -c "select '\"' || m[1] || '\"' from (select regexp_match(text, '([a-z]{4,} [a-z]{4,})') as m from quote
                   where seq % 9973 = 0 limit 100) x where m is not null" | sed 's/^/\t/'
  psql_db -At -c "select 'speaker=' || slug from speaker where quote_count > 0 order by md5(slug) limit 100" \
    | paste - <(shuf -n 100 --random-source=<(yes) "$WORK/data/common.txt")
} >"$WORK/data/search-mix.txt"
{
  psql_db -At -c "select 'speaker=' || slug from speaker where quote_count > 0 order by md5(slug) limit 60"
  psql_db -At -c "select 'tag=' || slug from tag order by md5(slug) limit 60"
  for _ in $(seq 20); do echo "type=direct"; echo "type=indirect"; echo "status=verified"; echo "status=disputed"; done
  for year in $(seq 2011 2025); do echo "from=$year-01-01&to=$year-12-31"; echo "from=$year-03-01&status=verified"; done
  psql_db -At -c "select 'tag=' || slug || '&type=direct&from=2015-01-01' from tag order by md5(slug) limit 30"
} | shuf --random-source=<(yes) | paste - <(while true; do cat "$WORK/data/common.txt"; done | head -300) | head -300 \
  >"$WORK/data/search-filter.txt"
psql_db -At -c "
  select p from (
    select distinct left(split_part(search_names, ' ', 1 + abs(hashtext(slug)) % 2), 2 + abs(hashtext(id::text)) % 3) as p
    from speaker) prefixes
  where p ~ '^[a-z]{2,4}$' order by md5(p) limit 100" >"$WORK/data/autocomplete.txt"
MATCHES=$(psql_db -At -c "select string_agg(t || ' ' || n, ', ' order by n desc) from (select t,
  (select count(*) from quote where quote_matches(search, t)) n from unnest(array[$(head -4 "$WORK/data/terms.txt" | sed "s/'/''/g; s/.*/'&'/" | paste -sd,)]) t) x")

# --- wrk ----------------------------------------------------------------------------------------------------------
wait_quiet() {
  local waited=0
  while awk -v limit="$IDLE_LOAD" '{ exit !($1 >= limit) }' /proc/loadavg && [ "$waited" -lt "$IDLE_WAIT" ]; do
    sleep 10; waited=$((waited + 10))
  done
}
ROWS=()
record_lookups() { # the read cache's quote lookups so far: "hits misses"
  { curl -sf "http://127.0.0.1:$PORT/q/metrics" || true; } | awk '/^cache_gets_total\{/ && /cache="read-records"/ {
      if ($0 ~ /result="hit"/) hit += $NF; else if ($0 ~ /result="miss"/) miss += $NF }
    END { printf "%d %d", hit, miss }'
}
hit_share() { # $1, $2: record_lookups before and after; the share of hits between them ("-" without lookups)
  awk -v a="$1" -v b="$2" 'BEGIN { split(a, x, " "); split(b, y, " "); h = y[1] - x[1]; m = y[2] - x[2]
    if (h + m > 0) printf "%.3f", h / (h + m); else printf "-" }'
}
run_scenarios() { # $1: engine, then scenarios
  local engine=$1; shift
  for scenario in "$@"; do
    wait_quiet
    log "wrk $engine $scenario: ${WARMUP}s warm-up, ${DURATION}s measured, $CONNECTIONS connections (load average $(load_average))"
    SCENARIO=$scenario DATA_DIR=$WORK/data wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" -s benchmarks/wrk/search.lua \
      "http://127.0.0.1:$PORT" >/dev/null
    local load; load=$(load_average)
    local lookups; lookups=$(record_lookups)
    SCENARIO=$scenario DATA_DIR=$WORK/data wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s --latency \
      -s benchmarks/wrk/search.lua "http://127.0.0.1:$PORT" >"$WORK/wrk-$engine-$scenario.txt"
    local line; line=$(grep '^RESULT ' "$WORK/wrk-$engine-$scenario.txt")
    get() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$line"; }
    ROWS+=("| $engine | $scenario | $(get rps) | $(get p50_ms) | $(get p90_ms) | $(get p99_ms) | $(( $(get non2xx) + $(get socket_errors) )) | $(hit_share "$lookups" "$(record_lookups)") | $load |")
    log "  $line"
  done
}
for engine in $ENGINES; do
  if [ "$engine" = index ]; then
    run_scenarios index $SCENARIOS
  elif [ "$engine" = index-uncached ]; then
    stop_service
    start_service true 0
    log "waiting for the index to be current"
    await_index >/dev/null
    await_merge >/dev/null
    run_scenarios index-uncached $UNCACHED_SCENARIOS
  else
    stop_service
    start_service false
    run_scenarios postgresql $PG_SCENARIOS
  fi
done
stop_service

# --- results ------------------------------------------------------------------------------------------------------
{
  echo "### $QUOTES quotes"
  echo
  echo "\`BENCH_QUOTES=$QUOTES benchmarks/search.sh\` on $(date -u +%Y-%m-%dT%H:%MZ), commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src || echo ' with uncommitted changes in src'):"
  echo "seed $SEED, wrk $CONNECTIONS connections and $THREADS threads, ${WARMUP}s warm-up then ${DURATION}s measured per row,"
  echo "service, wrk and PostgreSQL on the same machine. Load average: the 1-, 5- and 15-minute figures just before each row.
\"cached quotes hit\": the share of the quotes of search pages found in the read cache during the measured minute
(the benchmark's requests repeat: 600 searches and 300 filtered ones, drawn at random)."
  echo
  echo "| engine | scenario | req/s | p50 ms | p90 ms | p99 ms | errors | cached quotes hit | load average |"
  echo "|---|---|---:|---:|---:|---:|---:|---:|---|"
  printf '%s\n' "${ROWS[@]}"
  echo
  echo "- index rebuild by \`java -jar $JAR rebuild-search-index\`: $REBUILD_LINE"
  echo "- sizes: Lucene index $INDEX_SIZE; $TABLE_SIZES"
  echo "- matches of the first search terms: $MATCHES"
  echo "- environment: $(nproc) CPUs, $(lscpu | sed -n 's/^Model name: *//p'); $(free -h | awk '/^Mem:/ { print $2 }') memory;"
  echo "  $(java -version 2>&1 | head -1); $(psql -X -At -d "$DB" -c 'select version()' | cut -d, -f1)"
  echo "- data generation: $(grep -E '^(done|already)' "$WORK/generate.log" | tail -1)"
} >"$WORK/results-section.md"
START="<!-- search:$QUOTES:start -->"
END="<!-- search:$QUOTES:end -->"
[ -f "$RESULTS" ] || printf '# Search benchmark results\n\nWritten by benchmarks/search.sh; read with docs/BENCHMARKS.md ("Search at size").\n' >"$RESULTS"
grep -qF "$START" "$RESULTS" || printf '\n%s\n%s\n' "$START" "$END" >>"$RESULTS"
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
