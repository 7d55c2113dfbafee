#!/usr/bin/env bash
# What the service holds in memory under the read benchmark's load: one start of the packaged service on the read
# benchmark's database (made by benchmarks/run.sh), by id for JIT s at 32 connections, then every scenario for EACH s at
# 64 connections, the service's VmRSS (and its anonymous and file-mapped parts) read every second throughout.
#   benchmarks/rss.sh LABEL [NAME=value ...]        e.g. BENCH_JAVA_OPTS="... -Xmx96m" benchmarks/rss.sh heap96
# (BENCH_JAVA: another java command to run the jar on)
# Prints one line (largest VmRSS with its parts, each scenario's req/s, load average) and appends it to
# target/bench/rss.txt; with BENCH_NMT=1 the JVM tracks its native memory and the summary at the end is written to
# target/bench/rss-LABEL.nmt. Compare settings by alternating starts: one start's peak moves by 10-20 MB on its own.
set -euo pipefail
cd "$(dirname "$0")/.."
source benchmarks/lib.sh
read_settings
[ "${BENCH_NMT:-0}" = 1 ] && JAVA_OPTS="$JAVA_OPTS -XX:NativeMemoryTracking=summary"
JIT=${BENCH_JIT_WARMUP:-60} EACH=${BENCH_DURATION:-20}
SCENARIOS=${BENCH_SCENARIOS:-"by-id today random list speaker rare-tag speaker-type date-range"}
label=$1; shift
[ -s "$WORK/data/ids.txt" ] || { log "no request values in $WORK/data: run benchmarks/run.sh once first"; exit 1; }

SAMPLER=
trap 'stop_pid "$SAMPLER"; stop_service' EXIT
average=$(load_average)
launch_service "$WORK/rss-$label.log" "${BENCH_JAVA:-java}" QUOTEWIRE_RATE_LIMIT_REQUESTS=1000000000 \
  QUOTEWIRE_SEARCH_INDEX_PATH="$WORK/index" "$@"
rss_samples "$SERVICE_PID" 1 >"$WORK/rss-$label.samples" &
SAMPLER=$!

load() { # $1 scenario, $2 connections, $3 seconds
  SCENARIO=$1 DATA_DIR=$WORK/data wrk -t2 -c"$2" -d"$3"s --latency -s benchmarks/wrk/scenario.lua "http://127.0.0.1:$PORT"
}
load by-id 32 "$JIT" >/dev/null
rates=
for scenario in $SCENARIOS; do
  rates="$rates $scenario=$(load "$scenario" 64 "$EACH" | sed -n 's/^RESULT .* rps=\([^ ]*\).*/\1/p')"
done
if [ "${BENCH_NMT:-0}" = 1 ]; then
  jcmd "$SERVICE_PID" VM.native_memory summary >"$WORK/rss-$label.nmt"
fi
read -r rss anon file <<<"$(sort -n "$WORK/rss-$label.samples" | tail -1)"
line="$label | largest VmRSS $((rss / 1024)) MB ($((anon / 1024)) anonymous, $((file / 1024)) file) | req/s at 64:$rates | load before $average, after $(load_average) | ${JAVA_OPTS} $*"
echo "$line" | tee -a "$WORK/rss.txt"
