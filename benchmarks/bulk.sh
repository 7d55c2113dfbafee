#!/usr/bin/env bash
# Bulk import/export benchmark (issue 13). One command:
#   benchmarks/bulk.sh [QUOTES]            (default 10000000; the file is generated once and kept in target/)
# Needs the packaged service (./mvnw -q package -DskipTests) and the machine's PostgreSQL on 127.0.0.1:5432 (user
# postgres, trust), or another one on 127.0.0.1:$PGPORT (docs/BENCHMARKS.md compares the stock one with a tuned one).
# It uses two databases of its own, bulk and bulk_copy, dropped and made again each run:
#  1. Quotebank quotation-centric import of QUOTES quotes (gzip) into an empty database, through the import command
#     with its progress bar, the shipped defaults;
#  2. export of everything as Quotewire NDJSON (gzip) and as CSV, through the export command;
#  3. NDJSON import of that export into a second empty database;
#  4. the ceiling: the same rows loaded by a bare COPY of the quote table's columns into an unindexed table, so the
#     import's rate reads as a ratio of what PostgreSQL itself sustains on this machine at that moment.
# Each step's wall time, rate, the process's peak memory (GNU time) and the machine's load average when it started are
# written to benchmarks/results/bulk-<date>.md. The commands run with a fixed heap (JAVA_OPTS, default -Xmx512m), so
# the peak memory of a 1 M and a 10 M run can be compared: it should not grow with the file.
set -euo pipefail
cd "$(dirname "$0")/.."
QUOTES=${1:-10000000}
JAVA_OPTS=${JAVA_OPTS:--Xmx512m}
JAR=target/quarkus-app/quarkus-run.jar
PGPORT=${PGPORT:-5432}
PG="psql -h 127.0.0.1 -p $PGPORT -U postgres -d postgres -qAt"
FILE=target/bulk-quotebank-$QUOTES.json.gz
OUT=benchmarks/results/bulk-$(date -u +%Y%m%dT%H%M).md
mkdir -p benchmarks/results target
[ -f "$JAR" ] || { echo "build first: ./mvnw -q package -DskipTests"; exit 2; }
if [ ! -f "$FILE" ]; then
  MAVEN_OPTS="${MAVEN_OPTS:-} -XX:TieredStopAtLevel=4" ./mvnw -o -q test-compile exec:java@generate-import -Dexec.args="$FILE $QUOTES"
fi
for db in bulk bulk_copy; do $PG -c "drop database if exists $db" -c "create database $db"; done
run() { # name, database, args...
  local name=$1 db=$2; shift 2
  local start end
  start=$(date +%s.%N)
  QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:$PGPORT/$db QUARKUS_DATASOURCE_USERNAME=postgres QUOTEWIRE_SEED_ENABLED=false \
    /usr/bin/time -f "%M" -o target/bulk-time.txt java $JAVA_OPTS -jar "$JAR" "$@" 2> >(tee target/bulk-$name.log >&2)
  end=$(date +%s.%N)
  echo "$name $(echo "$end - $start" | bc) $(cat target/bulk-time.txt)"
}
{
  echo "# Bulk import/export, $QUOTES quotes, $(date -u +%FT%TZ)"
  echo
  echo "- Machine: $(nproc) cores, $(free -g | awk '/Mem/{print $2}') GiB; $(java -version 2>&1 | head -1); $($PG -c 'select version()' | cut -d, -f1)"
  echo "- Load before: $(uptime)"
  echo "- File: $FILE, $(stat -c %s "$FILE") bytes; JAVA_OPTS=$JAVA_OPTS"
  echo
  echo "| Step | Wall s (incl. start-up) | Quotes/s (job's own rate) | Peak RSS MiB | Load average at start (1, 5, 15 min) |"
  echo "|---|---|---|---|---|"
} > "$OUT"
load() { uptime | sed 's/.*load average: //'; }
row() { # step, logfile, wall, rss, count, load at start
  local rate; rate=$(grep -Eo '[0-9,]+ quotes/s' "$2" | tail -1 || true)
  echo "| $1 | $3 | ${rate:-$(echo "$5 / $3" | bc)} | $(( $4 / 1024 )) | $6 |" >> "$OUT"
}
at=$(load)
read -r _ wall rss < <(run import-quotebank bulk import "$FILE" --format quotebank | tail -1)
row "import quotebank (shipped defaults)" target/bulk-import-quotebank.log "$wall" "$rss" "$QUOTES" "$at"
at=$(load)
read -r _ wall rss < <(run export-ndjson bulk export target/bulk-export.ndjson.gz --format ndjson | tail -1)
row "export ndjson (gzip)" target/bulk-export-ndjson.log "$wall" "$rss" "$QUOTES" "$at"
at=$(load)
read -r _ wall rss < <(run export-csv bulk export target/bulk-export.csv --format csv | tail -1)
row "export csv" target/bulk-export-csv.log "$wall" "$rss" "$QUOTES" "$at"
at=$(load)
read -r _ wall rss < <(run import-ndjson bulk_copy import target/bulk-export.ndjson.gz --format ndjson | tail -1)
row "import ndjson into an empty database" target/bulk-import-ndjson.log "$wall" "$rss" "$QUOTES" "$at"
# ceiling: PostgreSQL's own COPY of the stored quote rows into a bare table, same run, same machine
at=$(load)
start=$(date +%s.%N)
$PG -d bulk -c "create unlogged table if not exists ceiling (like quote)" -c "truncate ceiling" \
  -c "\\copy (select id, text, type, speaker_id, source_id, context, start_offset, end_offset, language, status, quoted_on, version, created_at, updated_at from quote) to 'target/bulk-ceiling.copy'" >/dev/null
$PG -d bulk_copy -c "create table ceiling (id uuid, text text, type text, speaker_id uuid, source_id uuid, context text, start_offset int, end_offset int, language text, status text, quoted_on date, version bigint, created_at timestamptz, updated_at timestamptz)" \
  -c "\\copy ceiling from 'target/bulk-ceiling.copy'" >/dev/null
end=$(date +%s.%N)
echo "| ceiling: bare COPY of the quote rows out and into an unindexed table | $(echo "$end - $start" | bc) | $(echo "$QUOTES / ($end - $start)" | bc) | - | $at |" >> "$OUT"
{
  echo
  echo "- Rows: $($PG -d bulk -c 'select count(*) from quote') quotes, $($PG -d bulk -c 'select count(*) from quote_appearance') appearances, $($PG -d bulk -c 'select count(*) from source') sources, $($PG -d bulk -c 'select count(*) from speaker') speakers; after the NDJSON round trip: $($PG -d bulk_copy -c 'select count(*) from quote') quotes, $($PG -d bulk_copy -c 'select count(*) from quote_appearance') appearances"
  echo "- Load after: $(uptime)"
} >> "$OUT"
cat "$OUT"
