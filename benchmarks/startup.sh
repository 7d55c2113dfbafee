#!/usr/bin/env bash
# Start-up time and memory footprint of the packaged service on an external PostgreSQL (issue 6, point 5).
#
#   benchmarks/startup.sh            # 5 cold starts, idle RSS, RSS under 20 s of load
#   APPCDS=1 benchmarks/startup.sh   # the same with the class-data-sharing archive Quarkus builds (app-cds.jsa)
#
# Start-up is measured from launching the JVM to the first successful answer of GET /api/v1/quotes/today, on a
# database that is already migrated and seeded (a restart, as in a rolling deployment). RSS is the resident set
# of the java process (VmRSS). Results go into benchmarks/RESULTS.md between the startup markers.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-5}
PORT=${PORT:-18080}
DB=quotewire_startup
JAVA_OPTS=${JAVA_OPTS:--Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1}
URL="http://localhost:$PORT/api/v1/quotes/today"

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
pg_isready -q -h 127.0.0.1 -p 5432 || pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start
psql -q -h 127.0.0.1 -U postgres -d postgres -c "drop database if exists $DB" -c "create database $DB"
if [ "${APPCDS:-0}" = 1 ]; then
  [ -f target/quarkus-app/app-cds.jsa ] || ./mvnw -q package -DskipTests -Dquarkus.package.jar.appcds.enabled=true
  JAVA_OPTS="$JAVA_OPTS -XX:SharedArchiveFile=app-cds.jsa -Xshare:on"
else
  [ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -q package -DskipTests
fi

export QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$DB" QUARKUS_DATASOURCE_USERNAME=postgres
LOG=$(mktemp)
pid=""
# run from the application folder: a CDS archive only applies to the class path it was recorded with (quarkus-run.jar)
launch() { (cd target/quarkus-app && exec java $JAVA_OPTS -Dquarkus.http.port=$PORT -jar quarkus-run.jar) >"$LOG" 2>&1 & pid=$!; }
stop() { kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; }
rss_mb() { awk '/VmRSS/ {printf "%d", $2/1024}' "/proc/$pid/status"; }
wait_ready() { until curl -fs -o /dev/null "$URL"; do sleep 0.01; done; }
trap stop EXIT

launch; wait_ready; stop   # first start migrates and seeds

starts=()
for i in $(seq 1 "$RUNS"); do
  t0=$(date +%s%N); launch; wait_ready; t1=$(date +%s%N)
  starts+=("$(( (t1 - t0) / 1000000 ))")
  if [ "$i" -lt "$RUNS" ]; then stop; fi
done
quarkus_said=$(grep -o 'started in [0-9.]*s' "$LOG" | head -1 || true)
sorted=$(printf '%s\n' "${starts[@]}" | sort -n | tr '\n' ' ')
median=$(printf '%s\n' "${starts[@]}" | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p")

sleep 5; kill -0 "$pid" || { tail -20 "$LOG"; exit 1; }; idle=$(rss_mb)
peak=$idle
wrk -t2 -c32 -d20s "http://localhost:$PORT/api/v1/quotes?limit=20" >/dev/null & load=$!
while kill -0 "$load" 2>/dev/null; do r=$(rss_mb); [ "$r" -gt "$peak" ] && peak=$r; sleep 0.5; done
stop

marker=startup${APPCDS:+-appcds}
table=$(cat <<MD
<!-- $marker:start -->
## Start-up and footprint${APPCDS:+ (with AppCDS)}

Measured $(date -u +%Y-%m-%dT%H:%MZ) by \`benchmarks/startup.sh\` on $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB,
$(java -version 2>&1 | head -1), PostgreSQL $(psql -At -h 127.0.0.1 -U postgres -d postgres -c 'show server_version'),
commit $(git rev-parse --short HEAD), load average before the run: $(cut -d' ' -f1-3 /proc/loadavg).
JVM options: \`$JAVA_OPTS\`.

| measure | value | target |
|---|---|---|
| start to first answer, median of $RUNS (ms) | $median | ≤ 2000 |
| all runs (ms) | $sorted | |
| Quarkus' own figure, last run | ${quarkus_said:-n/a} | |
| RSS at idle (MB) | $idle | ≤ 300 |
| RSS peak under 20 s of wrk, 32 connections (MB) | $peak | ≤ 300 |
<!-- $marker:end -->
MD
)
results=benchmarks/RESULTS.md
[ -f "$results" ] || printf '# Benchmark results\n' > "$results"
if grep -q "<!-- $marker:start -->" "$results"; then
  python3 - "$results" "$table" "$marker" <<'PY'
import re, sys
path, table, marker = sys.argv[1], sys.argv[2], sys.argv[3]
text = open(path, encoding='utf-8').read()
text = re.sub(r'<!-- %s:start -->.*?<!-- %s:end -->' % (marker, marker), lambda _: table, text, flags=re.S)
open(path, 'w', encoding='utf-8').write(text)
PY
else
  printf '\n%s\n' "$table" >> "$results"
fi
echo "$table"
