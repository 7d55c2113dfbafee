#!/usr/bin/env bash
# Quotewire search benchmark: one command, on the machine's PostgreSQL, against the packaged service.
#   benchmarks/search.sh         (see docs/BENCHMARKS.md; every setting below can be overridden from the environment)
# It installs wrk if missing, creates the database, builds the jar if absent, starts the service, generates the data
# (skipped when the same seed and sizes are already loaded), loads the service with wrk per scenario, runs pgbench
# with the service's SQL as the database ceiling, records the EXPLAIN plans and writes the results section of
# benchmarks/RESULTS.md. It stops the service when it ends, however it ends.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)

PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-postgres}
DB=${BENCH_DB:-quotewire_bench}
PORT=${BENCH_PORT:-18080}
QUOTES=${BENCH_QUOTES:-1000000}
SEED=${BENCH_SEED:-42}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
THREADS=${BENCH_THREADS:-2}
DURATION=${BENCH_DURATION:-20}
WARMUP=${BENCH_WARMUP:-5}
IDLE_LOAD=${BENCH_IDLE_LOAD:-1.0}
IDLE_WAIT=${BENCH_IDLE_WAIT:-600}
SCENARIOS=${BENCH_SCENARIOS:-"by-id filtered-list random search autocomplete"}
WORK=${BENCH_WORK:-$ROOT/target/bench}
RESULTS=$ROOT/benchmarks/RESULTS.md
PLANS=$ROOT/docs/SEARCH_PLANS.md
export PGHOST PGPORT PGUSER
JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB"

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
psql_db() { psql -X -q -v ON_ERROR_STOP=1 -d "$DB" "$@"; }

mkdir -p "$WORK/data" "$WORK/pgbench"

# --- tools and database -------------------------------------------------------------------------------------------
if ! command -v wrk >/dev/null; then
  log "installing wrk"
  (apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; })
fi
PGBENCH=$(command -v pgbench || echo /usr/bin/pgbench)
if ! pg_isready -q -h "$PGHOST" -p "$PGPORT"; then
  log "starting PostgreSQL"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -1)" main start
  for _ in $(seq 30); do pg_isready -q -h "$PGHOST" -p "$PGPORT" && break; sleep 1; done
fi
if [ "$(psql -X -At -d postgres -c "select count(*) from pg_database where datname = '$DB'")" = 0 ]; then
  log "creating database $DB"
  psql -X -q -d postgres -c "create database $DB"
fi

if [ ! -f target/quarkus-app/quarkus-run.jar ]; then
  log "building the service jar"
  ./mvnw -q package -DskipTests
fi

# --- the service --------------------------------------------------------------------------------------------------
SERVICE_PID=
stop_service() {
  if [ -n "$SERVICE_PID" ] && kill -0 "$SERVICE_PID" 2>/dev/null; then
    log "stopping the service (pid $SERVICE_PID)"
    kill "$SERVICE_PID"
    wait "$SERVICE_PID" 2>/dev/null || true
  fi
  SERVICE_PID=
}
trap stop_service EXIT

start_service() {
  log "starting the service on port $PORT"
  QUARKUS_HTTP_PORT=$PORT QUARKUS_DATASOURCE_JDBC_URL=$JDBC_URL QUARKUS_DATASOURCE_USERNAME=$PGUSER \
    QUOTEWIRE_SEED_ENABLED=false QUOTEWIRE_RATE_LIMIT_ENABLED=false java ${BENCH_JAVA_OPTS:-} -jar target/quarkus-app/quarkus-run.jar >"$WORK/service.log" 2>&1 &
  SERVICE_PID=$!
  for _ in $(seq 120); do
    if curl -sf "http://127.0.0.1:$PORT/q/health/ready" >/dev/null; then
      return
    fi
    kill -0 "$SERVICE_PID" 2>/dev/null || { tail -30 "$WORK/service.log" >&2; exit 1; }
    sleep 1
  done
  log "the service did not become ready; see $WORK/service.log"
  exit 1
}

# The first start creates the schema (Flyway); the generator needs it.
start_service

# --- data ---------------------------------------------------------------------------------------------------------
log "generating $QUOTES quotes with seed $SEED (skipped when already loaded)"
./mvnw -q test-compile exec:java@generate -Dexec.args="--url $JDBC_URL --user $PGUSER --quotes $QUOTES --seed $SEED \
  --skip-if-present --truncate --terms-out $WORK/data/all-terms.txt" | tee "$WORK/generate.log"
# The service caches nothing across requests, but restart it so that the run starts from a fresh pool and JIT state.
stop_service
start_service

log "exporting request values"
psql_db -At -c "select id from quote order by md5(id::text) limit 100000" >"$WORK/data/ids.txt"
psql_db -At -c "
  (select 'speaker=' || slug || '&type=direct' from speaker where quote_count > 0 order by md5(slug) limit 150)
  union all
  (select 'tag=' || slug from tag order by md5(slug) limit 50)" >"$WORK/data/filters.txt"
psql_db -At -c "
  select p from (
    select distinct left(split_part(search_names, ' ', 1 + abs(hashtext(slug)) % 2), 2 + abs(hashtext(id::text)) % 3) as p
    from speaker) prefixes
  where p ~ '^[a-z]{2,4}$' order by md5(p) limit 100" >"$WORK/data/prefixes.txt"
# pgbench accepts at most 128 scripts; both tools use the same 100 terms and 100 prefixes.
awk '!seen[$0]++' "$WORK/data/all-terms.txt" | head -100 >"$WORK/data/terms.txt"
MAX_SEQ=$(psql_db -At -c "select max(seq) from quote")

# --- the SQL the service issues (from the Hibernate SQL log), for pgbench and EXPLAIN ----------------------------
QUOTE_COLUMNS="q1_0.id,q1_0.context,q1_0.created_at,q1_0.end_offset,q1_0.language,q1_0.length,q1_0.quoted_on,q1_0.seq,
  q1_0.source_id,s2_0.id,s2_0.authors,s2_0.created_at,s2_0.kind,s2_0.language,s2_0.published_at,s2_0.publisher,
  s2_0.title,s2_0.updated_at,s2_0.url,s2_0.version,s1_0.id,s1_0.aliases,s1_0.created_at,s1_0.description,s1_0.name,
  s1_0.organization,s1_0.quote_count,s1_0.role,s1_0.search_names,s1_0.slug,s1_0.updated_at,s1_0.version,
  s1_0.wikidata_id,q1_0.start_offset,q1_0.status,q1_0.text,q1_0.type,q1_0.updated_at,q1_0.version"
QUOTE_FROM="quote q1_0 left join speaker s1_0 on s1_0.id=q1_0.speaker_id join source s2_0 on s2_0.id=q1_0.source_id"
TAGS_SELECT="select t1_0.quote_id,t1_1.id,t1_1.created_at,t1_1.name,t1_1.quote_count,t1_1.slug from quote_tag t1_0 join tag t1_1 on t1_1.id=t1_0.tag_id"
sql_quote() { printf "'%s'" "${1//\'/\'\'}"; }

# by id: the quote with its speaker and source, then its tags. pgbench cannot draw UUIDs, so it draws the dense
# seq (an equally selective unique b-tree lookup) and reads the tags by the id that row returned.
by_id_sql() { # $1: a where condition on q1_0
  printf 'select %s from %s where %s fetch first 1 rows only' "$QUOTE_COLUMNS" "$QUOTE_FROM" "$1"
}
# search: the ranked page (20 + 1 to learn whether more follow), then highlights and tags of those 20; the pgbench
# form does the three in one statement, since pgbench cannot pass a list of ids from one statement to the next.
search_page_sql() { # $1: the quoted term
  printf 'select %s, quote_rank(q1_0.search, %s) as rank from %s where quote_matches(q1_0.search, %s)=true order by quote_rank(q1_0.search, %s) desc, q1_0.id desc fetch first 21 rows only' \
    "$QUOTE_COLUMNS" "$1" "$QUOTE_FROM" "$1" "$1"
}
search_sql() { # $1: the quoted term
  printf "with page as (%s) select page.*, ts_headline('quotewire_english'::regconfig, page.page_text, websearch_to_tsquery('quotewire_english'::regconfig, %s), 'HighlightAll=true, StartSel=' || chr(57344) || ', StopSel=' || chr(57345)), (select array_agg(t.slug) from quote_tag qt join tag t on t.id = qt.tag_id where qt.quote_id = page.page_id) from page" \
    "$(search_page_sql "$1" | sed 's/select q1_0.id,/select q1_0.id as page_id,q1_0.text as page_text,/')" "$1"
}
autocomplete_sql() { # $1: the prefix, unquoted
  local q p s w
  q=$(sql_quote "$1"); s=$(sql_quote "$1%"); w=$(sql_quote "% $1%")
  printf "select s1_0.id,s1_0.aliases,s1_0.created_at,s1_0.description,s1_0.name,s1_0.organization,s1_0.quote_count,s1_0.role,s1_0.search_names,s1_0.slug,s1_0.updated_at,s1_0.version,s1_0.wikidata_id,word_similarity(%s,s1_0.search_names) from speaker s1_0 where (speaker_name_matches(%s,s1_0.search_names)=true or s1_0.search_names like %s escape '\\\\' or s1_0.search_names like %s escape '\\\\') order by word_similarity(%s,s1_0.search_names) desc,s1_0.quote_count desc,s1_0.id desc fetch first 21 rows only" \
    "$q" "$q" "$s" "$w" "$q"
}

rm -f "$WORK"/pgbench/*.sql
{
  echo "\\set s random(1, $MAX_SEQ)"
  echo "$(by_id_sql "q1_0.seq = :s" | sed 's/select q1_0.id,/select q1_0.id as quote_id,/') \\gset"
  echo "$TAGS_SELECT where t1_0.quote_id=:quote_id;"
} >"$WORK/pgbench/by-id.sql"
i=0
while IFS= read -r term; do
  i=$((i + 1)); echo "$(search_sql "$(sql_quote "$term")");" >"$WORK/pgbench/search-$i.sql"
done <"$WORK/data/terms.txt"
i=0
while IFS= read -r prefix; do
  i=$((i + 1)); echo "$(autocomplete_sql "$prefix");" >"$WORK/pgbench/autocomplete-$i.sql"
done <"$WORK/data/prefixes.txt"

# --- wait for a quiet machine -------------------------------------------------------------------------------------
waited=0
while awk -v limit="$IDLE_LOAD" '{ exit !($1 >= limit) }' /proc/loadavg && [ "$waited" -lt "$IDLE_WAIT" ]; do
  [ $((waited % 60)) = 0 ] && log "waiting for the 1-minute load average to fall below $IDLE_LOAD (now $(cut -d' ' -f1-3 /proc/loadavg))"
  sleep 10; waited=$((waited + 10))
done
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
log "load average before the run: $LOAD_BEFORE"

# --- wrk ----------------------------------------------------------------------------------------------------------
declare -A RPS P50 P99 ERRORS CEILING
# A freshly started JVM interprets at first; run every scenario once so the JIT has compiled the shared code paths
# before anything is measured (a per-scenario warm-up alone was too short on a busy 2-core machine).
log "JIT warm-up: every scenario for ${WARMUP}s"
for scenario in $SCENARIOS; do
  SCENARIO=$scenario DATA_DIR=$WORK/data wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" -s benchmarks/wrk/scenario.lua \
    "http://127.0.0.1:$PORT" >/dev/null
done
for scenario in $SCENARIOS; do
  log "wrk $scenario: ${WARMUP}s warm-up, ${DURATION}s measured, $CONNECTIONS connections, $THREADS threads"
  SCENARIO=$scenario DATA_DIR=$WORK/data wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" -s benchmarks/wrk/scenario.lua \
    "http://127.0.0.1:$PORT" >/dev/null
  SCENARIO=$scenario DATA_DIR=$WORK/data wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -s benchmarks/wrk/scenario.lua \
    "http://127.0.0.1:$PORT" >"$WORK/wrk-$scenario.txt"
  line=$(grep '^RESULT ' "$WORK/wrk-$scenario.txt")
  get() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$line"; }
  RPS[$scenario]=$(get rps); P50[$scenario]=$(get p50_ms); P99[$scenario]=$(get p99_ms)
  ERRORS[$scenario]=$(( $(get non2xx) + $(get socket_errors) ))
  log "  $line"
done
stop_service

# --- pgbench ceilings, with the service stopped -------------------------------------------------------------------
run_pgbench() { # $1: scenario, then the -f arguments
  local scenario=$1; shift
  log "pgbench $scenario: ${DURATION}s, $CONNECTIONS clients, $THREADS threads, prepared"
  "$PGBENCH" -n -M prepared -c "$CONNECTIONS" -j "$THREADS" -T "$DURATION" "$@" "$DB" >"$WORK/pgbench-$scenario.txt" 2>&1 \
    || { tail -20 "$WORK/pgbench-$scenario.txt" >&2; return 1; }
  CEILING[$scenario]=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$WORK/pgbench-$scenario.txt" | head -1 | awk '{ printf "%.1f", $1 }')
  log "  ${CEILING[$scenario]} tps"
}
run_pgbench by-id -f "$WORK/pgbench/by-id.sql"
mapfile -t search_scripts < <(ls "$WORK"/pgbench/search-*.sql)
run_pgbench search "${search_scripts[@]/#/-f}"
mapfile -t autocomplete_scripts < <(ls "$WORK"/pgbench/autocomplete-*.sql)
run_pgbench autocomplete "${autocomplete_scripts[@]/#/-f}"

# --- plans --------------------------------------------------------------------------------------------------------
log "recording EXPLAIN (ANALYZE, BUFFERS) plans"
explain() { # $1: title, $2: SQL
  printf '\n### %s\n\n```sql\n%s\n```\n\n```\n' "$1" "$(sed -E "s/select q1_0\.id,.*q1_0\.version( |,)/select <quote, speaker and source columns>\1/" <<<"$2")"
  psql_db -At -c "explain (analyze, buffers) $2"
  printf '```\n'
}
SAMPLE_ID=$(head -1 "$WORK/data/ids.txt")
SAMPLE_FILTER_SPEAKER=$(grep -m1 '^speaker=' "$WORK/data/filters.txt" | sed 's/speaker=\([^&]*\).*/\1/')
TOP_SPEAKER=$(psql_db -At -c "select slug from speaker order by quote_count desc limit 1")
SAMPLE_TAG=$(grep -m1 '^tag=' "$WORK/data/filters.txt" | sed 's/tag=//')
COMMON_TERM=$(head -1 "$WORK/data/terms.txt")
PAIR_TERM=$(sed -n 2p "$WORK/data/terms.txt")
SAMPLE_PREFIX=$(head -1 "$WORK/data/prefixes.txt")
list_sql() { # $1: condition
  printf 'select %s from %s where %s order by q1_0.created_at desc, q1_0.id desc fetch first 21 rows only' "$QUOTE_COLUMNS" "$QUOTE_FROM" "$1"
}
{
  echo "# Query plans of the search benchmark"
  echo
  echo "Written by \`benchmarks/search.sh\` on $(date -u +%Y-%m-%dT%H:%MZ) at $(git rev-parse --short HEAD) against $QUOTES generated quotes"
  echo "(seed $SEED). The SQL is what the service issues (Hibernate SQL log), with sample values in place of the bind"
  echo "parameters. Read by docs/BENCHMARKS.md."
  explain "by id: the quote" "$(by_id_sql "q1_0.id = '$SAMPLE_ID'")"
  explain "by id: its tags" "$TAGS_SELECT where t1_0.quote_id='$SAMPLE_ID'"
  explain "filtered list: speaker $SAMPLE_FILTER_SPEAKER and type direct" "$(list_sql "q1_0.speaker_id=(select s3_0.id from speaker s3_0 where s3_0.slug='$SAMPLE_FILTER_SPEAKER') and q1_0.type='direct'")"
  explain "filtered list: the most quoted speaker ($TOP_SPEAKER) and type direct" "$(list_sql "q1_0.speaker_id=(select s3_0.id from speaker s3_0 where s3_0.slug='$TOP_SPEAKER') and q1_0.type='direct'")"
  explain "filtered list: tag $SAMPLE_TAG" "$(list_sql "exists(select 1 from quote q2_0 join quote_tag t1_0 on q2_0.id=t1_0.quote_id join tag t1_1 on t1_1.id=t1_0.tag_id where q2_0.id=q1_0.id and t1_1.slug in ('$SAMPLE_TAG'))")"
  explain "random: the highest sequence number" "select max(q1_0.seq) from quote q1_0"
  explain "random: probing 16 drawn sequence numbers" "select q1_0.seq,q1_0.id from quote q1_0 where q1_0.seq in ($(shuf -i 1-"$MAX_SEQ" -n 16 --random-source=<(yes) | paste -sd,))"
  explain "search: one word ($COMMON_TERM), ranked page" "$(search_page_sql "$(sql_quote "$COMMON_TERM")")"
  explain "search: two words ($PAIR_TERM), ranked page" "$(search_page_sql "$(sql_quote "$PAIR_TERM")")"
  explain "search: highlights and tags of a page ($COMMON_TERM, as one statement)" "$(search_sql "$(sql_quote "$COMMON_TERM")")"
  explain "autocomplete: $SAMPLE_PREFIX" "$(autocomplete_sql "$SAMPLE_PREFIX")"
  echo
  echo "Matches per search term (of $QUOTES quotes): $(psql_db -At -c "select string_agg(t || ' ' || n, ', ' order by n desc) from (select t, (select count(*) from quote where quote_matches(search, t)) n from unnest(array[$(sed -n '1,6p' "$WORK/data/terms.txt" | while IFS= read -r t; do sql_quote "$t"; echo ,; done | paste -sd' ' | sed 's/ *,$//')]) t) x")"
} >"$PLANS"

# --- results --------------------------------------------------------------------------------------------------------
ratio() { # $1 rps, $2 ceiling
  if [ -n "${2:-}" ]; then awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f %%", 100 * a / b }'; else echo "–"; fi
}
{
  echo "## Search and discovery benchmark"
  echo
  echo "Run by \`benchmarks/search.sh\` (see docs/BENCHMARKS.md): $QUOTES generated quotes (seed $SEED), wrk with $CONNECTIONS"
  echo "connections and $THREADS threads, ${DURATION}s per scenario after a ${WARMUP}s warm-up, on the same machine as the"
  echo "service and PostgreSQL. The ceiling is pgbench (\`-c $CONNECTIONS -j $THREADS -T $DURATION -M prepared\`) running the"
  echo "service's SQL for the scenario with the service stopped. Plans: docs/SEARCH_PLANS.md; what they show and"
  echo "what to change: docs/BENCHMARKS.md#findings."
  echo
  echo "| scenario | req/s | p50 ms | p99 ms | errors | pgbench ceiling tps | ratio to ceiling |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  for scenario in $SCENARIOS; do
    echo "| $scenario | ${RPS[$scenario]} | ${P50[$scenario]} | ${P99[$scenario]} | ${ERRORS[$scenario]} | ${CEILING[$scenario]:-–} | $(ratio "${RPS[$scenario]}" "${CEILING[$scenario]:-}") |"
  done
  echo
  echo "Targets (issue 4):"
  echo
  verdict() { # $1 description, $2 awk condition over the variables given after it
    local description=$1 condition=$2; shift 2
    if awk "$@" "BEGIN { exit !($condition) }"; then echo "- met: $description"; else echo "- **missed**: $description"; fi
  }
  has() { [[ " $SCENARIOS " == *" $1 "* ]]; }
  has by-id && verdict "by-id ≥ 50 % of its ceiling ($(ratio "${RPS[by-id]}" "${CEILING[by-id]:-}"))" "r >= 0.5 * c" -v r="${RPS[by-id]}" -v c="${CEILING[by-id]:-0}"
  has random && verdict "random ≥ 10,000 req/s (${RPS[random]})" "r >= 10000" -v r="${RPS[random]}"
  has search && verdict "search ≥ 2,000 req/s (${RPS[search]}) with p99 ≤ 50 ms (${P99[search]})" "r >= 2000 && p <= 50" -v r="${RPS[search]}" -v p="${P99[search]}"
  has autocomplete && verdict "autocomplete p99 ≤ 20 ms (${P99[autocomplete]})" "p <= 20" -v p="${P99[autocomplete]}"
  total_errors=0; for scenario in $SCENARIOS; do total_errors=$((total_errors + ${ERRORS[$scenario]})); done
  verdict "zero errors ($total_errors)" "e == 0" -v e="$total_errors"
  echo
  echo "Environment: $(date -u +%Y-%m-%dT%H:%MZ); $(nproc) CPUs, $(lscpu | sed -n 's/^Model name: *//p');"
  echo "$(free -h | awk '/^Mem:/ { print $2 }') memory; $(java -version 2>&1 | head -1);"
  echo "$(psql -X -At -d "$DB" -c 'select version()' | cut -d, -f1); load average before the run $LOAD_BEFORE;"
  echo "commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src || echo ' with uncommitted changes in src')."
  echo "Data generation: $(grep -E '^(done|already)' "$WORK/generate.log" | tail -1)"
} >"$WORK/results-section.md"

START='<!-- search-benchmark:start -->'
END='<!-- search-benchmark:end -->'
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
log "results in $RESULTS, plans in $PLANS"
