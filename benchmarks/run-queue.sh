#!/usr/bin/env bash
# Where a by-id request waits for a CPU: one start of the packaged service on the read benchmark's database (made by
# benchmarks/run.sh), wrk by id at 32 connections for WARM s, then MEASURE s measured while the threads' scheduler
# statistics (/proc/<pid>/task/*/schedstat: time on a CPU, time runnable but waiting) are read before and after.
#   benchmarks/run-queue.sh LABEL [NAME=value ...]      e.g. benchmarks/run-queue.sh pool8 QUARKUS_DATASOURCE_JDBC_MAX_SIZE=8
# Prints one line (wrk's result, CPU and run-queue wait per request of the service and of its PostgreSQL backends,
# RSS, load average) and the three thread groups that waited longest; appends the line to target/bench/run-queue.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
source benchmarks/lib.sh
read_settings
WARM=${BENCH_WARMUP:-60} MEASURE=${BENCH_DURATION:-30}
label=$1; shift
trap stop_service EXIT
launch_service "$WORK/run-queue-$label.log" java QUOTEWIRE_RATE_LIMIT_REQUESTS=1000000000 \
  QUOTEWIRE_SEARCH_INDEX_PATH="$WORK/index" "$@"
load() { SCENARIO=by-id DATA_DIR=$WORK/data wrk -t2 -c32 -d"$1"s --latency -s benchmarks/wrk/scenario.lua "http://127.0.0.1:$PORT"; }
load "$WARM" >/dev/null

snapshot() { # thread id, name and schedstat (ns on CPU, ns waiting, slices) of every thread of the given processes
  for p in "$@"; do for t in /proc/"$p"/task/*; do
    printf '%s\t%s\t%s\n' "${t##*/}" "$(cat "$t/comm" 2>/dev/null)" "$(cat "$t/schedstat" 2>/dev/null)"
  done; done | sort
}
backends=$(pgrep -f "postgres: .* $DB " | tr '\n' ' ' || true)
snapshot "$SERVICE_PID" >"$WORK/rq-svc-0"; snapshot $backends >"$WORK/rq-pg-0"
average=$(load_average)
load "$MEASURE" >"$WORK/run-queue-$label.wrk"
snapshot "$SERVICE_PID" >"$WORK/rq-svc-1"; snapshot $backends >"$WORK/rq-pg-1"
rss=$(awk '/^VmRSS/ { print $2 }' "/proc/$SERVICE_PID/status")
result=$(grep '^RESULT' "$WORK/run-queue-$label.wrk")
requests=$(sed -n 's/.* requests=\([0-9]*\).*/\1/p' <<<"$result")

delta() { # $1 before, $2 after: per thread group (name without its number) ms on CPU, ms waiting
  join -t$'\t' "$1" "$2" | awk -F'\t' '{ split($3, a, " "); split($5, b, " "); n = $2; sub(/[-#]?[0-9]+$/, "", n)
    cpu[n] += (b[1] - a[1]) / 1e6; wait[n] += (b[2] - a[2]) / 1e6; count[n]++ }
    END { for (n in cpu) printf "%s\t%d\t%.0f\t%.0f\n", n, count[n], cpu[n], wait[n] }'
}
per_request() { delta "$1" "$2" | awk -F'\t' -v r="$requests" '{ c += $3; w += $4 } END { printf "cpu %.0f us, waiting %.0f us", c * 1000 / r, w * 1000 / r }'; }
line="$label | $result | service per request: $(per_request "$WORK/rq-svc-0" "$WORK/rq-svc-1") | PostgreSQL backends per request: $(per_request "$WORK/rq-pg-0" "$WORK/rq-pg-1") | RSS ${rss} kB | load $average | $*"
echo "$line" | tee -a "$WORK/run-queue.txt"
delta "$WORK/rq-svc-0" "$WORK/rq-svc-1" | sort -t$'\t' -k4 -n -r | head -3 |
  awk -F'\t' -v s="$MEASURE" '{ printf "    %-24s %3d threads: on a CPU %6.0f ms, runnable but waiting %7.0f ms in %s s\n", $1, $2, $3, $4, s }'
