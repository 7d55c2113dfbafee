# Shared by the benchmark scripts (sourced, not run): logging, the machine's packages and PostgreSQL, and the
# packaged service's life. The sourcing script sets DB, PORT, PGUSER and JDBC_URL first (read_settings: the read
# benchmark's).

# .mvn/jvm.config keeps Maven's JVM to the C1 compiler, which builds faster; the data generators run inside that JVM
# for minutes, where the full JIT is faster (the last flag wins)
export MAVEN_OPTS="${MAVEN_OPTS:-} -XX:TieredStopAtLevel=4"

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
psql_db() { psql -X -q -v ON_ERROR_STOP=1 -d "$DB" "$@"; }
load_average() { cut -d' ' -f1-3 /proc/loadavg; }

need() { # $1 a command or file, $2 the Debian package that brings it
  command -v "$1" >/dev/null && return
  [ -e "$1" ] && return
  log "installing $2"
  apt-get install -y "$2" >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y "$2" >/dev/null; }
}

ensure_database() { # starts the machine's PostgreSQL if it has stopped, and creates $DB if absent
  if ! pg_isready -q -h "$PGHOST" -p "$PGPORT"; then
    log "starting PostgreSQL"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -1)" main start
    for _ in $(seq 30); do pg_isready -q -h "$PGHOST" -p "$PGPORT" && break; sleep 1; done
  fi
  if [ "$(psql -X -At -d postgres -c "select count(*) from pg_database where datname = '$DB'")" = 0 ]; then
    log "creating database $DB"
    psql -X -q -d postgres -c "create database $DB"
  fi
}

stop_pid() { # $1: the pid of a child this script started (may be empty); stops it and waits for it
  if [ -n "$1" ] && kill -0 "$1" 2>/dev/null; then
    kill "$1"
    wait "$1" 2>/dev/null || true
  fi
}

read_settings() { # the read benchmark's database, port, jar and JVM (as the image runs it in the manifests' 512Mi pod)
  DB=${BENCH_DB:-quotewire_bench} PORT=${BENCH_PORT:-18080}
  PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
  export PGHOST PGPORT PGUSER
  JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB"
  APP=${BENCH_APP:-$(pwd)/target/quarkus-app}
  # the JVM as the Dockerfile runs it inside the Kubernetes memory limit (512Mi): the heap a quarter of that, not of
  # this machine's memory, the serial collector (the image's setting, and what the JVM picks for the manifests' one
  # CPU) and the C heap trimmed every second
  JAVA_OPTS=${BENCH_JAVA_OPTS:--XX:MaxRAM=512m -XX:MaxRAMPercentage=25 -XX:+UseSerialGC -XX:TrimNativeHeapInterval=1000}
  WORK=${BENCH_WORK:-$(pwd)/target/bench}
}

rss_samples() { # $1 pid, $2 seconds between samples: "VmRSS RssAnon RssFile" (kB) a line, for as long as the process lives
  while kill -0 "$1" 2>/dev/null; do
    awk '/^(VmRSS|RssAnon|RssFile):/ { printf "%s ", $2 } END { print "" }' "/proc/$1/status" 2>/dev/null
    sleep "$2"
  done
}

SERVICE_PID=
stop_service() { stop_pid "$SERVICE_PID"; SERVICE_PID=; }

launch_service() { # $1 log file, $2 java command, then NAME=value settings; returns once the service is ready
  local service_log=$1 java=$2; shift 2
  env QUARKUS_HTTP_PORT="$PORT" QUARKUS_DATASOURCE_JDBC_URL="$JDBC_URL" QUARKUS_DATASOURCE_USERNAME="$PGUSER" \
    QUOTEWIRE_SEED_ENABLED=false "$@" "$java" ${JAVA_OPTS:-} -jar "$APP/quarkus-run.jar" >>"$service_log" 2>&1 &
  SERVICE_PID=$!
  for _ in $(seq 120); do
    curl -sf "http://127.0.0.1:$PORT/q/health/ready" >/dev/null && return
    kill -0 "$SERVICE_PID" 2>/dev/null || { tail -30 "$service_log" >&2; exit 1; }
    sleep 1
  done
  log "the service did not become ready; see $service_log"
  exit 1
}

await_index() { # waits until the search index answers searches (readiness says so); prints the seconds waited
  local started=$SECONDS
  until curl -sf "http://127.0.0.1:$PORT/q/health/ready" | grep -q '"answeredBy" *: *"index"'; do
    [ $((SECONDS - started)) -gt 1800 ] && { log "the index did not become current in 30 minutes"; exit 1; }
    sleep 1
  done
  echo $((SECONDS - started))
}
