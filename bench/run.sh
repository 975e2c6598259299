#!/usr/bin/env bash
# Tỉnh Số benchmarks (see docs/benchmarks.md).
#
#   bench/run.sh startup   start-up time and idle memory, platform vs the bare anchor (bench/bare)
#   bench/run.sh search    wrk against /api/v1/units?q=..., and against the bare anchor's /ping
#   bench/run.sh services-search   wrk against /api/v1/procedures?q=... over a catalogue of 17,620
#                                  procedures (10 x Thanh Hoa's), and against the bare anchor's /ping
#   bench/run.sh services-submit   wrk POSTing dossiers with two 200 KB attachments to /api/v1/dossiers,
#                                  and pgbench INSERTing the same rows (the anchor) into the same database
#   bench/run.sh reports-map       1,000,000 generated field reports; wrk against the public map's viewport
#                                  query /api/v1/reports/map, and pgbench grouping the same viewports in SQL
#   bench/run.sh reports-submit    wrk POSTing field reports with one 1 MB photo to /api/v1/reports, and
#                                  pgbench INSERTing the same rows (the anchor) into the same database
#   bench/run.sh opendata-search   100,000 generated datasets; wrk against CKAN package_search with facets, and
#                                  against a static file of the same size served by the same server (the
#                                  ceiling); then the whole DCAT export streamed, with the heap watched
#   bench/run.sh all               all seven
#
# Builds what it needs (offline Maven), installs wrk with apt-get if missing, stops everything it
# started (trap), and is bounded in time (BENCH_MAX_SECONDS). Results are printed and appended, as a
# dated block, to bench/results/<name>.log; application logs and wrk output go to bench/work/logs/.
#
# Settings (environment): BENCH_RUNS (5), BENCH_IDLE_SECONDS (20), BENCH_JVM_OPTS (none: the JVM's
# defaults, the same for both applications), BENCH_PLATFORM_PORT (18090), BENCH_BARE_PORT (18091),
# BENCH_WRK_THREADS (2), BENCH_WRK_CONNECTIONS (8), BENCH_WRK_SECONDS (20), BENCH_WRK_WARMUP_SECONDS (5),
# BENCH_JIT_WARMUP_SECONDS (20: all queries before any measurement),
# BENCH_WRK_SINGLE_SECONDS (10; 0 skips the one-connection run), BENCH_QUERIES
# ("ham%20rong thanh%20hoa xa nguyen"), BENCH_SKIP_BUILD (0), BENCH_READY_TIMEOUT (180),
# BENCH_MAX_SECONDS (2400). Public services (services-search, services-submit): BENCH_WRK_TIMEOUT (30s),
# BENCH_SERVICES_PROCEDURES (17620), BENCH_SERVICES_CHUNK (4000 procedures per imported file),
# BENCH_SERVICES_QUERIES (see SVC_QUERIES below), BENCH_SERVICES_QUERY_SECONDS (10: one-connection run
# of each query), BENCH_SUBMIT_DOC_KB (200), BENCH_SERVICES_DIAGNOSTICS (1: the extra submit runs and
# the second pgbench script), BENCH_SERVICES_VACUUM (1: VACUUM ANALYZE the catalogue after its import),
# BENCH_KEEP_DATA (0: their fresh data directories are removed at exit). Field reports: BENCH_REPORTS
# (1000000 generated for reports-map), BENCH_REPORT_PHOTO_KB (1024).
# On a shared machine, BENCH_QUIET_LOAD=1.5 waits (at most
# BENCH_QUIET_MAX_SECONDS, 600) until the 1-minute load average is at or below 1.5 before measuring.
set -uo pipefail

NAME=${1:-}
case "$NAME" in
  startup|search|services-search|services-submit|reports-map|reports-submit|opendata-search|all) ;;
  *) echo "usage: bench/run.sh startup|search|services-search|services-submit|reports-map|reports-submit|opendata-search|all" >&2; exit 2 ;;
esac

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT" || exit 1

# Bound the whole run: timeout signals this script and everything in its process group (java, wrk,
# curl); the trap below then stops the applications and their PostgreSQL clusters.
if [ -z "${BENCH_BOUNDED:-}" ]; then
  export BENCH_BOUNDED=1
  exec timeout -k 90 "${BENCH_MAX_SECONDS:-2400}" "$0" "$@"
fi

RUNS=${BENCH_RUNS:-5}
IDLE=${BENCH_IDLE_SECONDS:-20}
JVM_OPTS=${BENCH_JVM_OPTS:-}
PPORT=${BENCH_PLATFORM_PORT:-18090}
BPORT=${BENCH_BARE_PORT:-18091}
WRK_THREADS=${BENCH_WRK_THREADS:-2}
WRK_CONN=${BENCH_WRK_CONNECTIONS:-8}
WRK_SECONDS=${BENCH_WRK_SECONDS:-20}
WRK_WARMUP=${BENCH_WRK_WARMUP_SECONDS:-5}
JIT_WARMUP=${BENCH_JIT_WARMUP_SECONDS:-20}
WRK_SINGLE=${BENCH_WRK_SINGLE_SECONDS:-10}
QUERIES=${BENCH_QUERIES:-"ham%20rong thanh%20hoa xa nguyen"}
READY_TIMEOUT=${BENCH_READY_TIMEOUT:-180}
WRK_TIMEOUT=${BENCH_WRK_TIMEOUT:-30s}
SVC_PROCEDURES=${BENCH_SERVICES_PROCEDURES:-17620}
SVC_CHUNK=${BENCH_SERVICES_CHUNK:-4000}
SVC_QUERIES=${BENCH_SERVICES_QUERIES:-"q=gi%E1%BA%A5y%20ph%C3%A9p%20x%C3%A2y%20d%E1%BB%B1ng q=giay%20phep%20xay%20dung q=giay%20phep%20xay%20dumg q=khai%20sinh q=dang%20ky&domain=ho-tich&level=COMMUNE"}
SVC_QUERY_SECONDS=${BENCH_SERVICES_QUERY_SECONDS:-10}
SVC_DOC_KB=${BENCH_SUBMIT_DOC_KB:-200}
SVC_DIAGNOSTICS=${BENCH_SERVICES_DIAGNOSTICS:-1}
SVC_VACUUM=${BENCH_SERVICES_VACUUM:-1}
RPT_COUNT=${BENCH_REPORTS:-1000000}
OD_COUNT=${BENCH_DATASETS:-100000}
RPT_PHOTO_KB=${BENCH_REPORT_PHOTO_KB:-1024}
HZ=$(getconf CLK_TCK)
NCPU=$(nproc)
STOP_TIMEOUT=45   # the platform may need ~30 s to stop (see docs/benchmarks.md)

WORK=$ROOT/bench/work
RESULTS=$ROOT/bench/results
PLATFORM_PG=$WORK/platform-pg
BARE_PG=$WORK/bare-pg
STAMP=$(date +%Y%m%d-%H%M%S)
LOGS=$WORK/logs/$STAMP
mkdir -p "$LOGS" "$RESULTS"
BLOCK=$LOGS/result-block.txt
: >"$BLOCK"

PIDS=()        # java processes started by this script
SVC_DIRS=()    # fresh data directories of the services benchmarks (removed at exit)
T0=0           # launch time of the last application started, in microseconds
APP_PID=
READY_MS=
STOP_MS=

# ---------------------------------------------------------------------------------------------
# Helpers

say() { printf '%s\n' "$*" | tee -a "$BLOCK"; }
note() { printf '%s\n' "$*" >&2; }              # progress, not part of the result block
now_us() { local t=${EPOCHREALTIME/./}; echo "$t"; }

alive() { # pid: running (not a zombie)
  local st
  st=$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | cut -d' ' -f1) || return 1
  [ -n "$st" ] && [ "$st" != Z ]
}

pause() { sleep "$1" & wait $!; }                # interruptible by the trap

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

median() { # numbers on stdin
  sort -n | awk '{a[NR]=$1} END { if (NR == 0) { print "n/a"; exit }
    if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}

cpu_seconds() { # pid: user + system CPU time consumed so far, in seconds
  sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | awk -v hz="$(getconf CLK_TCK)" '{ printf "%.1f", ($12 + $13) / hz }'
}

app_ticks() { # java-pid data-dir: CPU clock ticks used so far by the JVM and its PostgreSQL cluster
  local pm pids p  # (with their exited children: pg_ctl, initdb, ended backends)
  pids=$1
  if pm=$(postmaster_of "$2"); then pids="$pids $pm $(pgrep -P "$pm" | tr '\n' ' ')"; fi
  for p in $pids; do sed 's/.*) //' "/proc/$p/stat" 2>/dev/null; done \
    | awk '{ t += $12 + $13 + $14 + $15 } END { print t + 0 }'
}

# Contention: CPU ticks of the whole machine (busy) minus ours = what the other users' builds took.
busy_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat; }

child_ticks() { # CPU ticks of this script's finished children (curl, wrk, awk...), no subshell
  times >"$LOGS/.times"
  tail -1 "$LOGS/.times" | awk -v hz="$HZ" '{ for (i = 1; i <= NF; i++) { split($i, p, "m"); sub(/s/, "", p[2]); t += p[1] * 60 + p[2] } printf "%d", t * hz }'
}

kb_to_mb() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }

postmaster_of() { # data dir -> pid of its running postmaster (only if it really serves that dir)
  local dir=$1 pm
  [ -f "$dir/postmaster.pid" ] || return 1
  pm=$(head -1 "$dir/postmaster.pid" 2>/dev/null)
  [ -n "$pm" ] && alive "$pm" && tr '\0' ' ' <"/proc/$pm/cmdline" 2>/dev/null | grep -qF -- "-D $dir" \
    && echo "$pm"
}

stop_postgres() { # data dir: the cluster normally stops with its JVM; this is the safety net
  local dir=$1 pm i
  pm=$(postmaster_of "$dir") || return 0
  note "  stopping leftover PostgreSQL $pm on $dir (fast shutdown)"
  kill -INT "$pm" 2>/dev/null
  for ((i = 0; i < 300; i++)); do alive "$pm" || return 0; sleep 0.1; done
  note "  PostgreSQL $pm did not stop: SIGKILL"
  kill -KILL "$pm" 2>/dev/null
}

start_app() { # app label
  local app=$1 label=$2 cmd
  case $app in
    platform)
      port_free "$PPORT" || { note "port $PPORT is in use"; return 1; }
      # The mail health indicator is off: with no SMTP server at localhost:2525, /actuator/health
      # would stay DOWN (503) forever. Everything else is the application's own configuration.
      # shellcheck disable=SC2086
      cmd=(java $JVM_OPTS -jar "$PLATFORM_JAR" "--tinhso.database.embedded.data-dir=$PLATFORM_PG"
           "--server.port=$PPORT" --management.health.mail.enabled=false) ;;
    services)
      # The platform on the fresh data directory SVC_DIR (PostgreSQL and file store), demo content on.
      port_free "$PPORT" || { note "port $PPORT is in use"; return 1; }
      # shellcheck disable=SC2086
      cmd=(java $JVM_OPTS -jar "$PLATFORM_JAR" "--tinhso.database.embedded.data-dir=$SVC_DIR/pg"
           "--tinhso.files.root=$SVC_DIR/files" "--server.port=$PPORT" --management.health.mail.enabled=false
           ${SVC_EXTRA_ARGS:-}) ;;
    bare)
      port_free "$BPORT" || { note "port $BPORT is in use"; return 1; }
      # shellcheck disable=SC2086
      cmd=(java $JVM_OPTS -jar "$BARE_JAR" "--bare.data-dir=$BARE_PG" "--server.port=$BPORT") ;;
  esac
  T0=$(now_us)
  "${cmd[@]}" >"$LOGS/$label.log" 2>&1 &
  APP_PID=$!
  PIDS+=("$APP_PID")
}

ready_url() { case $1 in platform) echo "http://127.0.0.1:$PPORT/actuator/health" ;; bare) echo "http://127.0.0.1:$BPORT/ping" ;; esac; }

wait_ready() { # app pid: sets READY_MS (launch to first HTTP 200)
  local url pid=$2 deadline code
  url=$(ready_url "$1")
  deadline=$(($(date +%s) + READY_TIMEOUT))
  while :; do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$url")
    if [ "$code" = 200 ]; then
      READY_MS=$((($(now_us) - T0) / 1000))
      return 0
    fi
    alive "$pid" || { note "the $1 application (pid $pid) exited before $url answered 200"; return 1; }
    [ "$(date +%s)" -lt "$deadline" ] || { note "no HTTP 200 from $url within ${READY_TIMEOUT}s (last: $code)"; return 1; }
    sleep 0.05
  done
}

stop_app() { # pid data-dir: SIGTERM (the application's own shutdown), bounded; sets STOP_MS
  local pid=$1 dir=$2 t i
  t=$(now_us)
  if alive "$pid"; then
    kill -TERM "$pid" 2>/dev/null
    for ((i = 0; i < STOP_TIMEOUT * 10; i++)); do alive "$pid" || break; sleep 0.1; done
    if alive "$pid"; then
      note "  java $pid did not stop within ${STOP_TIMEOUT}s: SIGKILL"
      kill -KILL "$pid" 2>/dev/null
    fi
  fi
  wait "$pid" 2>/dev/null
  stop_postgres "$dir"
  STOP_MS=$((($(now_us) - t) / 1000))
}

cleanup() {
  local rc=$? pid
  trap - EXIT INT TERM
  for pid in "${PIDS[@]}"; do
    if alive "$pid"; then
      note "stopping java $pid"
      kill -TERM "$pid" 2>/dev/null
    fi
  done
  for pid in "${PIDS[@]}"; do
    for ((i = 0; i < STOP_TIMEOUT * 10; i++)); do alive "$pid" || break; sleep 0.1; done
    alive "$pid" && kill -KILL "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
  done
  stop_postgres "$PLATFORM_PG"
  stop_postgres "$BARE_PG"
  local dir
  for dir in "${SVC_DIRS[@]}"; do
    stop_postgres "$dir/pg"
    if [ "${BENCH_KEEP_DATA:-0}" != 1 ]; then rm -rf "$dir"; else note "kept ${dir#"$ROOT"/}"; fi
  done
  if [ "$rc" -ne 0 ] && [ -s "$BLOCK" ]; then
    echo "(run ended early, exit status $rc)" >>"$BLOCK"
  fi
  if [ -s "$BLOCK" ]; then
    { cat "$BLOCK"; echo; } >>"$RESULTS/$NAME.log"
    note "result block appended to bench/results/$NAME.log; logs in ${LOGS#"$ROOT"/}"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

build() {
  if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
    note "building the platform jar: ./mvnw -q -B -o -DskipTests package"
    ./mvnw -q -B -o -DskipTests package || { note "platform build failed"; exit 1; }
    note "building the bare anchor: ./mvnw -q -B -o -f bench/bare/pom.xml -DskipTests package"
    ./mvnw -q -B -o -f bench/bare/pom.xml -DskipTests package || { note "bare build failed"; exit 1; }
  fi
  PLATFORM_JAR=$(ls target/tinhso-*.jar 2>/dev/null | grep -v '\.original$' | head -1)
  BARE_JAR=$(ls bench/bare/target/bare-*.jar 2>/dev/null | grep -v '\.original$' | head -1)
  [ -n "$PLATFORM_JAR" ] && [ -n "$BARE_JAR" ] || { note "jars missing (BENCH_SKIP_BUILD=1 without a build?)"; exit 1; }
}

ensure_wrk() {
  command -v wrk >/dev/null && return 0
  note "installing wrk (apt-get)"
  local sudo=
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq wrk >/dev/null \
    || { note "could not install wrk"; exit 1; }
}

wait_quiet() {
  [ -n "${BENCH_QUIET_LOAD:-}" ] || return 0
  local until=$(($(date +%s) + ${BENCH_QUIET_MAX_SECONDS:-600}))
  while awk -v l="$(cut -d' ' -f1 /proc/loadavg)" -v m="$BENCH_QUIET_LOAD" 'BEGIN { exit !(l > m) }'; do
    if [ "$(date +%s)" -ge "$until" ]; then
      note "load average still above $BENCH_QUIET_LOAD: measuring anyway"
      return 0
    fi
    note "waiting for the load average ($(cut -d' ' -f1 /proc/loadavg)) to fall to $BENCH_QUIET_LOAD"
    pause 15
  done
}

header() {
  local title=$1
  say "=== $title — $(date '+%Y-%m-%d %H:%M:%S %z') — commit $(git rev-parse --short HEAD) ($(git rev-parse --abbrev-ref HEAD)$(git diff --quiet HEAD -- src pom.xml || echo ', platform sources differ from this commit')$(git diff --quiet HEAD -- bench || echo ', benchmark files differ from this commit'))"
  say "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'), $(awk '/MemTotal/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo) RAM, $(uname -r)"
  say "java: $(java -version 2>&1 | sed -n 2p)"
  say "JVM flags (both applications): ${JVM_OPTS:-none (JVM defaults)}"
  say "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
}

# ---------------------------------------------------------------------------------------------
# Start-up and idle memory

timeline() { # log t0_us: main-thread log lines with milliseconds since launch
  awk -v t0="$2" '
    BEGIN { t0ms = int(t0 / 1000) % 86400000 }
    /^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T/ && /\[ *main\]/ {
      split(substr($1, 12, 12), t, /[:.]/)
      ms = ((t[1] * 60 + t[2]) * 60 + t[3]) * 1000 + t[4]
      d = ms - t0ms; if (d < -43200000) d += 86400000
      line = $0; sub(/^.*\[ *main\] /, "", line); sub(/ +: /, ": ", line)
      if (length(line) > 150) line = substr(line, 1, 147) "..."
      printf "  %6d ms  %s\n", d, line
    }' "$1"
}

one_start() { # app run-number
  local app=$1 n=$2 label load boot jvm pgr pgp pgn pm classes heap p cpu b0 c0 others
  label=startup-$app-$n
  load=$(cut -d' ' -f1 /proc/loadavg)
  local dir=$PLATFORM_PG; [ "$app" = bare ] && dir=$BARE_PG
  b0=$(busy_ticks); c0=$(child_ticks)
  start_app "$app" "$label" || exit 1
  wait_ready "$app" "$APP_PID" || { tail -30 "$LOGS/$label.log" >&2; exit 1; }
  others=$(($(busy_ticks) - b0 - $(app_ticks "$APP_PID" "$dir") - $(child_ticks) + c0))
  others=$(awk -v t="$others" -v hz="$HZ" 'BEGIN { printf "%.1f", (t < 0 ? 0 : t) / hz }')
  cpu=$(cpu_seconds "$APP_PID")
  boot=$(grep -o 'Started [A-Za-z]* in [0-9.]* seconds (process running for [0-9.]*)' "$LOGS/$label.log" \
    | sed 's/.* in \([0-9.]*\) seconds (process running for \([0-9.]*\))/\1 \2/')
  pause "$IDLE"
  jvm=$(awk '/^VmRSS:/ { print $2 }' "/proc/$APP_PID/status")
  pgr=0; pgp=0; pgn=0
  if pm=$(postmaster_of "$dir"); then
    for p in $pm $(pgrep -P "$pm"); do
      pgr=$((pgr + $(awk '/^VmRSS:/ { print $2 }' "/proc/$p/status" 2>/dev/null || echo 0)))
      pgp=$((pgp + $(awk '/^Pss:/ { print $2 }' "/proc/$p/smaps_rollup" 2>/dev/null || echo 0)))
      pgn=$((pgn + 1))
    done
  fi
  # After the RSS reading: attaching tools adds a little memory.
  classes=$(jstat -class "$APP_PID" 2>/dev/null | awk 'NR == 2 { print $1 }')
  heap=$(jcmd "$APP_PID" GC.heap_info 2>/dev/null | awk 'match($0, /total [0-9]+K, used [0-9]+K/) {
      split(substr($0, RSTART, RLENGTH), f, /[ K,]+/); c += f[2]; u += f[4] }
    END { if (c) printf "%.0f/%.0f", u / 1024, c / 1024 }')
  cp "$LOGS/$label.log" "$LOGS/$label.ready.log"
  stop_app "$APP_PID" "$dir"
  printf '%-3s %-9s %9s %9s %9s %6s %9s %8s %9s %9s %6s %8s %10s %8s %6s\n' "$n" "$app" "$READY_MS" \
    "${boot%% *}" "${boot##* }" "$cpu" "$others" "$(kb_to_mb "$jvm")" "$(kb_to_mb "$pgr")" "$(kb_to_mb "$pgp")" "$pgn" \
    "${classes:-?}" "${heap:-?}" "$load" "$((STOP_MS / 1000))" | tee -a "$BLOCK"
  echo "$READY_MS" >>"$LOGS/$app.ready"
  echo "$cpu" >>"$LOGS/$app.cpu"
  echo "${boot%% *}" >>"$LOGS/$app.started"
  echo "$jvm" >>"$LOGS/$app.jvm"
  echo "$pgr" >>"$LOGS/$app.pgrss"
  echo "$pgp" >>"$LOGS/$app.pgpss"
  echo "$T0" >"$LOGS/$label.t0"
}

bench_startup() {
  header "startup: launch to first HTTP 200, idle RSS after ${IDLE}s; $RUNS alternating runs"
  say "readiness URLs: platform /actuator/health (mail health indicator off), bare /ping (SELECT 1)"
  note "warm-up: first start of each application (imports the platform's demo data, initdb for a new cluster)"
  local app
  for app in platform bare; do
    start_app "$app" "warmup-$app" || exit 1
    wait_ready "$app" "$APP_PID" || { tail -30 "$LOGS/warmup-$app.log" >&2; exit 1; }
    local dir=$PLATFORM_PG; [ "$app" = bare ] && dir=$BARE_PG
    stop_app "$APP_PID" "$dir"
    say "warm-up start of $app (not counted): ready in $READY_MS ms; stop took $STOP_MS ms"
  done
  say ""
  say "cpu_s: CPU time of the JVM from launch to ready; others_s: CPU time used meanwhile by other processes on the machine"
  say "run app        ready_ms  started_s  process_s  cpu_s  others_s  jvm_rss_mb  pg_rss_mb  pg_pss_mb  pg_n  classes  heap_used/committed_mb  load1  stop_s"
  local i
  for ((i = 1; i <= RUNS; i++)); do
    for app in platform bare; do
      note "run $i/$RUNS: $app"
      one_start "$app" "$i"
    done
  done
  local pr br pj bj ppr bpr ppp bpp pst bst pc bc
  pr=$(median <"$LOGS/platform.ready"); br=$(median <"$LOGS/bare.ready")
  pc=$(median <"$LOGS/platform.cpu"); bc=$(median <"$LOGS/bare.cpu")
  pst=$(median <"$LOGS/platform.started"); bst=$(median <"$LOGS/bare.started")
  pj=$(kb_to_mb "$(median <"$LOGS/platform.jvm")"); bj=$(kb_to_mb "$(median <"$LOGS/bare.jvm")")
  ppr=$(kb_to_mb "$(median <"$LOGS/platform.pgrss")"); bpr=$(kb_to_mb "$(median <"$LOGS/bare.pgrss")")
  ppp=$(kb_to_mb "$(median <"$LOGS/platform.pgpss")"); bpp=$(kb_to_mb "$(median <"$LOGS/bare.pgpss")")
  say ""
  say "medians over $RUNS runs"
  say "  platform: ready $pr ms (Spring 'Started' ${pst} s; JVM CPU time to ready ${pc} s), JVM RSS $pj MB, PostgreSQL RSS $ppr MB (PSS $ppp MB)"
  say "  bare:     ready $br ms (Spring 'Started' ${bst} s; JVM CPU time to ready ${bc} s), JVM RSS $bj MB, PostgreSQL RSS $bpr MB (PSS $bpp MB)"
  local ratio verdict
  ratio=$(awk -v a="$pr" -v b="$br" 'BEGIN { printf "%.2f", a / b }')
  verdict=$(awk -v r="$ratio" 'BEGIN { if (r <= 1.5) print "goal met"; else printf "goal MISSED by %.0f%% (%.2fx over 1.5x)", (r / 1.5 - 1) * 100, r - 1.5 }')
  say "  start-up ratio platform/bare: ${ratio}x (goal <= 1.5x: $verdict)"
  local pmin bmin
  pmin=$(sort -n "$LOGS/platform.ready" | head -1); bmin=$(sort -n "$LOGS/bare.ready" | head -1)
  say "  fastest runs: platform $pmin ms, bare $bmin ms: ratio $(awk -v a="$pmin" -v b="$bmin" 'BEGIN { printf "%.2f", a / b }')x"
  say "  CPU-time ratio platform/bare (less sensitive to other load on the machine): $(awk -v a="$pc" -v b="$bc" 'BEGIN { printf "%.2f", a / b }')x"
  verdict=$(awk -v m="$pj" 'BEGIN { if (m <= 512) print "goal met"; else printf "goal MISSED by %d MB", m - 512 }')
  say "  platform JVM idle RSS: $pj MB (goal <= 512 MB: $verdict); RSS ratio platform/bare $(awk -v a="$pj" -v b="$bj" 'BEGIN { printf "%.2f", a / b }')x"
  say ""
  say "start-up timeline of the last platform run (main thread, ms since launch; ready at $(tail -1 "$LOGS/platform.ready") ms):"
  timeline "$LOGS/startup-platform-$RUNS.ready.log" "$(cat "$LOGS/startup-platform-$RUNS.t0")" | tee -a "$BLOCK"
  say "start-up timeline of the last bare run (ready at $(tail -1 "$LOGS/bare.ready") ms):"
  timeline "$LOGS/startup-bare-$RUNS.ready.log" "$(cat "$LOGS/startup-bare-$RUNS.t0")" | tee -a "$BLOCK"
  say ""
}

# ---------------------------------------------------------------------------------------------
# Search under load

run_wrk() { # label url java-pid data-dir
  local label=$1 url=$2 pid=$3 dir=$4 out line conn=$WRK_CONN ticks cpu b0 c0 others=-
  note "wrk: $label (warm-up ${WRK_WARMUP}s, then ${WRK_SECONDS}s)"
  timeout $((WRK_WARMUP + 30)) wrk -t"$WRK_THREADS" -c"$WRK_CONN" -d"${WRK_WARMUP}s" "$url" >>"$LOGS/wrk.log" 2>&1
  local loadrun
  for loadrun in loaded single; do
    if [ "$loadrun" = single ]; then
      [ "$WRK_SINGLE" -gt 0 ] || continue
      others=-
      out=$(timeout $((WRK_SINGLE + 30)) wrk -t1 -c1 -d"${WRK_SINGLE}s" --latency -s bench/percentiles.lua "$url" 2>&1)
      conn=1
    else
      ticks=$(app_ticks "$pid" "$dir"); b0=$(busy_ticks); c0=$(child_ticks)
      timeout $((WRK_SECONDS + 30)) wrk -t"$WRK_THREADS" -c"$WRK_CONN" -d"${WRK_SECONDS}s" --latency \
        -s bench/percentiles.lua "$url" >"$LOGS/.wrk" 2>&1
      out=$(cat "$LOGS/.wrk")
      ticks=$(($(app_ticks "$pid" "$dir") - ticks))
      # Share of the machine's CPU capacity that other processes (not the JVM, its PostgreSQL, wrk) used.
      others=$(awk -v t="$(($(busy_ticks) - b0 - ticks - $(child_ticks) + c0))" -v hz="$HZ" -v n="$NCPU" -v d="$WRK_SECONDS" \
        'BEGIN { printf "%.0f%%", (t < 0 ? 0 : t) / hz / (n * d) * 100 }')
    fi
    printf '### %s (%s connection(s))\n%s\n\n' "$label" "$conn" "$out" >>"$LOGS/wrk.log"
    line=$(grep '^BENCH ' <<<"$out")
    [ -n "$line" ] || { note "wrk gave no result for $label:"; note "$out"; exit 1; }
    # CPU per request: JVM + its PostgreSQL, during the loaded run only (less sensitive to other load).
    cpu=-
    [ "$loadrun" = loaded ] && cpu=$(awk -v t="$ticks" -v hz="$(getconf CLK_TCK)" -v l="$line" 'BEGIN {
      match(l, /requests=[0-9]+/); n = substr(l, RSTART + 9, RLENGTH - 9); if (n > 0) printf "%.2f", t / hz * 1000 / n; else print "-" }')
    awk -v label="$label" -v conn="$conn" -v others="$others" -v cpu="$cpu" '{
      for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
      printf "%-34s %5s %9.0f %8.2f %8.2f %8.2f %8.2f %8.1f %7d %10s %7s\n", label, conn, v["rps"], v["p50_ms"],
        v["p90_ms"], v["p95_ms"], v["p99_ms"], v["max_ms"], v["non2xx"] + v["connect"] + v["read"] + v["write"] + v["timeout"], cpu, others
    }' <<<"$line" | tee -a "$BLOCK"
    if [ "$loadrun" = loaded ]; then echo "$label $line" >>"$LOGS/loaded.results"; fi
  done
}

bench_search() {
  header "search: wrk -t$WRK_THREADS -c$WRK_CONN -d${WRK_SECONDS}s --latency (after ${WRK_WARMUP}s warm-up), then wrk -t1 -c1 -d${WRK_SINGLE}s"
  ensure_wrk
  say "wrk: $(wrk -v 2>&1 | head -1)"
  note "starting the platform (imports the demo data at its first start) and the bare anchor"
  start_app platform search-platform || exit 1
  local ppid=$APP_PID
  wait_ready platform "$ppid" || { tail -30 "$LOGS/search-platform.log" >&2; exit 1; }
  say "platform ready in $READY_MS ms"
  start_app bare search-bare || exit 1
  local bpid=$APP_PID
  wait_ready bare "$bpid" || { tail -30 "$LOGS/search-bare.log" >&2; exit 1; }
  say "bare ready in $READY_MS ms"
  local base=http://127.0.0.1:$PPORT/api/v1/units total q
  total=$(curl -s "$base?size=1" | grep -o '"total":[0-9]*' | cut -d: -f2)
  say "units in the database (both structures, all levels): ${total:-?}"
  for q in $QUERIES; do
    say "  q=$q: HTTP $(curl -s -o "$LOGS/q.json" -w '%{http_code}' "$base?q=$q"), $(grep -o '"total":[0-9]*' "$LOGS/q.json" | cut -d: -f2) matches (first page of 20 returned)"
  done
  say ""
  say "cpu_ms/req: CPU time of the JVM and its PostgreSQL processes during the loaded run, per request;"
  say "others: share of the machine's $NCPU CPUs taken meanwhile by other users' processes (loaded run only)"
  # Both JVMs first run every query for a while, so that no endpoint is measured while the JIT
  # compiler is still at work (the first one measured would otherwise pay for it).
  note "JIT warm-up: every query for ${JIT_WARMUP}s in all, and the anchor"
  for q in $QUERIES; do
    timeout $((JIT_WARMUP + 30)) wrk -t"$WRK_THREADS" -c"$WRK_CONN" -d"$(( (JIT_WARMUP + 3) / 4 ))s" "$base?q=$q" >>"$LOGS/wrk.log" 2>&1
  done
  timeout $((JIT_WARMUP + 30)) wrk -t"$WRK_THREADS" -c"$WRK_CONN" -d"$(( (JIT_WARMUP + 3) / 4 ))s" "http://127.0.0.1:$BPORT/ping" >>"$LOGS/wrk.log" 2>&1
  say "endpoint                            conns       rps   p50_ms   p90_ms   p95_ms   p99_ms   max_ms  errors  cpu_ms/req  others"
  for q in $QUERIES; do
    run_wrk "units?q=$q" "$base?q=$q" "$ppid" "$PLATFORM_PG"
  done
  run_wrk "bare /ping (anchor)" "http://127.0.0.1:$BPORT/ping" "$bpid" "$BARE_PG"
  say ""
  say "goal: unit search p95 < 10 ms (under wrk -c$WRK_CONN)"
  local label worst
  worst=$(grep '^units' "$LOGS/loaded.results" | awk '{ for (i = 2; i <= NF; i++) if ($i ~ /^p95_ms=/) { split($i, kv, "="); print kv[2], $1 } }' | sort -n | tail -1)
  say "  worst p95: ${worst#* } ${worst%% *} ms: $(awk -v p="${worst%% *}" 'BEGIN { if (p < 10) print "goal met"; else printf "goal MISSED by %.1f ms (%.1fx)", p - 10, p / 10 }')"
  say ""
  stop_app "$bpid" "$BARE_PG"
  stop_app "$ppid" "$PLATFORM_PG"
}

# ---------------------------------------------------------------------------------------------
# Public services: catalogue search at 10 × Thanh Hóa's catalogue, and dossier submission.
# Each starts the platform on a fresh data directory (bench/work/services-XXXXXX: PostgreSQL and
# the file store), removed at exit unless BENCH_KEEP_DATA=1.

SVC_DIR=          # data directory of the services platform running now
SVC_LOG=
SVC_PG_PORT=
SVC_LINE=         # BENCH line of the last svc_wrk run
SVC_TICKS=0       # CPU ticks of the application (JVM + PostgreSQL) during it
SVC_ERRORS=0      # its answers other than the expected status, plus socket errors
SVC_ADMIN=        # admin API token: when set, svc_wrk also reports the connection pool's figures

ensure_pgclient() {
  command -v psql >/dev/null && command -v pgbench >/dev/null && return 0
  note "installing psql and pgbench (apt-get: postgresql-client)"
  local sudo=
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql-client >/dev/null \
    || { note "could not install postgresql-client"; exit 1; }
}

svc_start() { # label: the platform on a fresh data directory, demo content on (agencies, accounts, 91 procedures)
  local label=$1 deadline n
  SVC_DIR=$(mktemp -d "$WORK/services-XXXXXX") || exit 1
  SVC_DIRS+=("$SVC_DIR")
  start_app services "$label" || exit 1
  SVC_LOG=$LOGS/$label.log
  wait_ready platform "$APP_PID" || { tail -30 "$SVC_LOG" >&2; exit 1; }
  # /actuator/health may answer before the application runners (demo accounts, demo catalogue) are done.
  deadline=$(($(date +%s) + READY_TIMEOUT))
  while :; do
    n=$(curl -s "http://127.0.0.1:$PPORT/api/v1/procedures?size=1" | grep -o '"total":[0-9]*' | cut -d: -f2)
    if grep -q 'demo accounts (shown once' "$SVC_LOG" && [ "${n:-0}" -ge 1 ]; then break; fi
    [ "$(date +%s)" -lt "$deadline" ] || { note "demo content not ready within ${READY_TIMEOUT}s"; exit 1; }
    sleep 0.2
  done
  SVC_PG_PORT=$(grep -o 'Embedded PostgreSQL running on port [0-9]*' "$SVC_LOG" | head -1 | awk '{ print $NF }')
  [ -n "$SVC_PG_PORT" ] || { note "no PostgreSQL port in $SVC_LOG"; exit 1; }
}

svc_sql() { # SQL: runs it on the services platform's embedded PostgreSQL, unaligned output
  PGCLIENTENCODING=UTF8 psql -h 127.0.0.1 -p "$SVC_PG_PORT" -U postgres -d postgres -AtXq -c "$1"
}

svc_tokens() { # email count: signs in with the demo password printed at first start; prints count new API tokens
  local email=$1 count=$2 pw jar base=http://127.0.0.1:$PPORT csrf i out
  jar=$LOGS/cookies-${email%%@*}
  pw=$(awk -v e="$email" '$2 == e { print $3; exit }' "$SVC_LOG")
  [ -n "$pw" ] || { note "no demo password for $email in $SVC_LOG"; return 1; }
  csrf=$(curl -s -c "$jar" -b "$jar" "$base/login" | grep -o '<input[^>]*name="_csrf"[^>]*>' | grep -o 'value="[^"]*"' | cut -d'"' -f2)
  curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "email=$email" --data-urlencode "password=$pw" \
    --data-urlencode "_csrf=$csrf" "$base/login"
  csrf=$(curl -s -c "$jar" -b "$jar" "$base/account" | grep -o '<meta name="_csrf" content="[^"]*"' | cut -d'"' -f4)
  [ -n "$csrf" ] || { note "sign-in of $email failed"; return 1; }
  for ((i = 1; i <= count; i++)); do
    out=$(curl -s -c "$jar" -b "$jar" -H "X-CSRF-TOKEN: $csrf" -H 'Content-Type: application/json' \
      -d "{\"name\":\"bench-$i\"}" "$base/api/v1/me/tokens")
    grep -o '"token":"tsk_[^"]*"' <<<"$out" | cut -d'"' -f4
  done
}

svc_pool() { # admin-token: connection pool counters from /actuator/prometheus: acquisitions, acquire s, usage s
  curl -s -H "Authorization: Bearer $1" "http://127.0.0.1:$PPORT/actuator/prometheus" | awk '
    /^hikaricp_connections_acquire_seconds_count/ { n = $2 } /^hikaricp_connections_acquire_seconds_sum/ { a = $2 }
    /^hikaricp_connections_usage_seconds_sum/ { u = $2 } /^hikaricp_connections_max/ { m = $2 }
    END { print n + 0, a + 0, u + 0, m + 0 }'
}

svc_outstanding() { svc_sql "SELECT count(*) FROM platform.event_publication WHERE completion_date IS NULL"; }

svc_drain() { # waits (at most 300 s) until the asynchronous listeners (audit trail) completed every event; sets DRAIN_S
  local t0 n
  t0=$(now_us)
  for ((i = 0; i < 3000; i++)); do
    n=$(svc_outstanding)
    [ "${n:-1}" = 0 ] && break
    sleep 0.1
  done
  DRAIN_S=$(awk -v d="$(($(now_us) - t0))" 'BEGIN { printf "%.1f", d / 1e6 }')
}

svc_wrk() { # label threads conns seconds script url pid data-dir [VAR=value...]: one measured wrk run, one table row
  local label=$1 threads=$2 conns=$3 secs=$4 script=$5 url=$6 pid=$7 dir=$8 b0 c0 others cpu non201 t0
  shift 8
  note "wrk: $label (${secs}s, $conns connection(s))"
  local pool0=
  [ -n "$SVC_ADMIN" ] && pool0=$(svc_pool "$SVC_ADMIN")
  local j0 pgshare
  t0=$(app_ticks "$pid" "$dir"); j0=$(app_ticks "$pid" ""); b0=$(busy_ticks); c0=$(child_ticks)
  env "$@" timeout $((secs + 90)) wrk -t"$threads" -c"$conns" -d"${secs}s" --timeout "$WRK_TIMEOUT" --latency \
    -s "$script" "$url" >"$LOGS/.wrk" 2>&1
  SVC_TICKS=$(($(app_ticks "$pid" "$dir") - t0))
  pgshare=$(awk -v t="$SVC_TICKS" -v j="$(($(app_ticks "$pid" "") - j0))" 'BEGIN { if (t > 0) printf "%.0f%%", (t - j) / t * 100; else print "-" }')
  others=$(awk -v t="$(($(busy_ticks) - b0 - SVC_TICKS - $(child_ticks) + c0))" -v hz="$HZ" -v n="$NCPU" -v d="$secs" \
    'BEGIN { printf "%.0f%%", (t < 0 ? 0 : t) / hz / (n * d) * 100 }')
  printf '### %s (%s connection(s))\n%s\n\n' "$label" "$conns" "$(cat "$LOGS/.wrk")" >>"$LOGS/wrk.log"
  SVC_LINE=$(grep '^BENCH ' "$LOGS/.wrk")
  [ -n "$SVC_LINE" ] || { note "wrk gave no result for $label:"; cat "$LOGS/.wrk" >&2; exit 1; }
  non201=$(awk '/^NON201 / { print $2 }' "$LOGS/.wrk")
  SVC_ERRORS=$(awk -v l="$SVC_LINE" -v n="${non201:-}" 'BEGIN { split(l, f, " "); for (i in f) { split(f[i], kv, "="); v[kv[1]] = kv[2] }
    print (n == "" ? v["non2xx"] : n) + v["connect"] + v["read"] + v["write"] + v["timeout"] }')
  cpu=$(awk -v t="$SVC_TICKS" -v hz="$HZ" -v l="$SVC_LINE" 'BEGIN {
    match(l, /requests=[0-9]+/); n = substr(l, RSTART + 9, RLENGTH - 9); if (n > 0) printf "%.2f", t / hz * 1000 / n; else print "-" }')
  awk -v label="$label" -v conn="$conns" -v others="$others" -v cpu="$cpu" -v err="$SVC_ERRORS" -v pg="$pgshare" '{
    for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
    printf "%-44s %5s %9.1f %8.2f %8.2f %8.2f %8.2f %8.1f %7d %10s %5s %7s\n", label, conn, v["rps"], v["p50_ms"],
      v["p90_ms"], v["p95_ms"], v["p99_ms"], v["max_ms"], err, cpu, pg, others
  }' <<<"$SVC_LINE" | tee -a "$BLOCK"
  if [ -n "$pool0" ]; then
    awk -v a="$pool0" -v b="$(svc_pool "$SVC_ADMIN")" -v n="$(field requests "$SVC_LINE")" 'BEGIN { split(a, x, " "); split(b, y, " ")
      if (n < 1 || y[1] == x[1]) exit; c = y[1] - x[1]
      printf "    pool: %.1f acquisitions/request, wait %.1f ms/request, connection held %.1f ms/request\n", c / n, (y[2] - x[2]) / n * 1000, (y[3] - x[3]) / n * 1000 }' \
      | tee -a "$BLOCK"
  fi
  if grep -q '^NON201 [1-9]' "$LOGS/.wrk"; then say "  first unexpected answer: $(sed -n 's/^NON201 [0-9]* //p' "$LOGS/.wrk" | cut -c1-200)"; fi
}

urldecode() { local s=${1//+/ }; printf '%b' "${s//%/\\x}"; }

field() { # name BENCH-line: the value of name=...
  awk -v k="$1" -v l="$2" 'BEGIN { n = split(l, f, " "); for (i = 1; i <= n; i++) { split(f[i], kv, "="); if (kv[1] == k) print kv[2] } }'
}

SVC_COLUMNS="run                                          conns       rps   p50_ms   p90_ms   p95_ms   p99_ms   max_ms  errors  cpu_ms/req   pg%  others"

bench_services_search() {
  header "services-search: catalogue of $SVC_PROCEDURES procedures; wrk -t$WRK_THREADS -c$WRK_CONN -d${WRK_SECONDS}s --timeout $WRK_TIMEOUT, the queries in turn"
  ensure_wrk
  ensure_pgclient
  command -v python3 >/dev/null || { note "python3 is needed to generate the catalogue"; exit 1; }
  say "wrk: $(wrk -v 2>&1 | head -1)"
  note "starting the platform on a fresh data directory"
  svc_start services-search-platform
  local ppid=$APP_PID base=http://127.0.0.1:$PPORT admin
  say "platform ready in $READY_MS ms (fresh data directory ${SVC_DIR#"$ROOT"/}; demo content on)"
  admin=$(svc_tokens quantri@demo.tinhso.vn 1) && [ -n "$admin" ] || { note "no admin token"; exit 1; }
  local demo_n
  demo_n=$(curl -s "$base/api/v1/procedures?size=1" | grep -o '"total":[0-9]*' | cut -d: -f2)
  note "generating $((SVC_PROCEDURES - demo_n)) procedures"
  python3 bench/services/gen-catalogue.py src/main/resources/services/demo-catalogue.json "$LOGS/catalogue" \
    "$SVC_PROCEDURES" "$SVC_CHUNK" >&2 || exit 1
  local i=1 f res created=0 t0 files=0
  t0=$(now_us)
  while [ -f "$LOGS/catalogue-$i.json" ]; do
    f=$LOGS/catalogue-$i.json
    res=$(curl -s -o "$LOGS/import-$i.json" -w '%{http_code} %{time_total}' -H "Authorization: Bearer $admin" \
      -F "file=@$f;type=application/json" "$base/api/v1/procedures/import")
    [ "${res%% *}" = 200 ] || { note "import of $f: HTTP $res"; head -c 600 "$LOGS/import-$i.json" >&2; exit 1; }
    created=$((created + $(grep -o '"created":[0-9]*' "$LOGS/import-$i.json" | cut -d: -f2)))
    note "  import $i: HTTP 200 in ${res#* } s"
    files=$i; i=$((i + 1))
  done
  local total
  total=$(curl -s "$base/api/v1/procedures?size=1" | grep -o '"total":[0-9]*' | cut -d: -f2)
  say "catalogue: $demo_n demo procedures + $created generated (bench/services/gen-catalogue.py), imported through POST /api/v1/procedures/import in $files files of <= $SVC_CHUNK in $(awk -v d="$(($(now_us) - t0))" 'BEGIN { printf "%.1f", d / 1e6 }') s"
  say "published procedures: $total$([ "$total" = "$SVC_PROCEDURES" ] || echo " (EXPECTED $SVC_PROCEDURES)")"
  local q paths=() p first=() t0v i=0
  for q in $SVC_QUERIES; do paths+=("/api/v1/procedures?$q"); done
  for p in "${paths[@]}"; do
    first+=("$(curl -s -o /dev/null -w '%{time_total}' "$base$p")")
  done
  # A catalogue is imported once and searched for months: autovacuum has long merged the trigram
  # index's pending list and analysed the table by then. Right after a bulk import neither has
  # happened (searches cost about twice as much), so the benchmark does it at once.
  if [ "$SVC_VACUUM" = 1 ]; then
    t0v=$(now_us)
    svc_sql "VACUUM (ANALYZE) services.procedure" || exit 1
    say "VACUUM (ANALYZE) services.procedure after the import: $(awk -v d="$(($(now_us) - t0v))" 'BEGIN { printf "%.1f", d / 1e6 }') s"
  else
    say "no VACUUM after the import (BENCH_SERVICES_VACUUM=0): measured as right after a bulk import"
  fi
  for p in "${paths[@]}"; do
    res=$(curl -s -o "$LOGS/q.json" -w '%{http_code} %{time_total} %{size_download}' "$base$p")
    say "  $(urldecode "${p#/api/v1/procedures\?}"): HTTP ${res%% *}, $(grep -o '"result":{"items":.*"total":[0-9]*' "$LOGS/q.json" | grep -o '"total":[0-9]*$' | cut -d: -f2) matches, first page $(awk '{ print $3 }' <<<"$res") bytes; first call $(awk -v t="${first[$i]}" 'BEGIN { printf "%.0f", t * 1000 }') ms, second $(awk '{ printf "%.0f", $2 * 1000 }' <<<"$res") ms"
    i=$((i + 1))
  done
  note "starting the bare anchor"
  start_app bare services-search-bare || exit 1
  local bpid=$APP_PID
  wait_ready bare "$bpid" || { tail -30 "$LOGS/services-search-bare.log" >&2; exit 1; }
  say "bare anchor ready in $READY_MS ms"
  note "JIT warm-up: the queries in turn for ${JIT_WARMUP}s, the anchor for $(( (JIT_WARMUP + 3) / 4 ))s"
  BENCH_PATHS="${paths[*]}" timeout $((JIT_WARMUP + 90)) wrk -t"$WRK_THREADS" -c"$WRK_CONN" -d"${JIT_WARMUP}s" \
    --timeout "$WRK_TIMEOUT" -s bench/services/search.lua "$base" >>"$LOGS/wrk.log" 2>&1
  timeout $((JIT_WARMUP + 30)) wrk -t"$WRK_THREADS" -c"$WRK_CONN" -d"$(( (JIT_WARMUP + 3) / 4 ))s" \
    "http://127.0.0.1:$BPORT/ping" >>"$LOGS/wrk.log" 2>&1
  say ""
  say "cpu_ms/req: CPU time of the JVM and its PostgreSQL processes during the run, per request (pg%: PostgreSQL's part);"
  say "others: share of the machine's $NCPU CPUs taken meanwhile by other users' processes"
  say "$SVC_COLUMNS"
  svc_wrk "procedures, the ${#paths[@]} queries in turn" "$WRK_THREADS" "$WRK_CONN" "$WRK_SECONDS" \
    bench/services/search.lua "$base" "$ppid" "$SVC_DIR/pg" BENCH_PATHS="${paths[*]}"
  local loaded=$SVC_LINE
  # The anchor right after, so that both loaded runs meet the same conditions on a shared machine.
  svc_wrk "bare /ping (anchor)" "$WRK_THREADS" "$WRK_CONN" "$WRK_SECONDS" bench/percentiles.lua \
    "http://127.0.0.1:$BPORT/ping" "$bpid" "$BARE_PG"
  local anchor=$SVC_LINE
  svc_wrk "bare /ping (anchor)" 1 1 "$WRK_SINGLE" bench/percentiles.lua "http://127.0.0.1:$BPORT/ping" "$bpid" "$BARE_PG"
  say "each query alone, one connection:"
  for p in "${paths[@]}"; do
    svc_wrk "  $(urldecode "${p#/api/v1/procedures\?}")" 1 1 "$SVC_QUERY_SECONDS" bench/services/search.lua "$base" \
      "$ppid" "$SVC_DIR/pg" BENCH_PATHS="$p"
  done
  say ""
  local p95 ap95
  p95=$(field p95_ms "$loaded"); ap95=$(field p95_ms "$anchor")
  say "goal: procedure search p95 <= 20 ms (wrk -c$WRK_CONN, the queries in turn)"
  say "  p95 $(printf '%.1f' "$p95") ms: $(awk -v p="$p95" 'BEGIN { if (p <= 20) print "goal met"; else printf "goal MISSED by %.0f ms (%.1fx the goal)", p - 20, p / 20 }')"
  say "  ratio to the anchor (bare /ping, same run, both wrk -c$WRK_CONN): p95 $(awk -v a="$p95" -v b="$ap95" 'BEGIN { printf "%.0f", a / b }')x ($(printf '%.1f' "$p95") / $(printf '%.2f' "$ap95") ms), throughput $(awk -v a="$(field rps "$loaded")" -v b="$(field rps "$anchor")" 'BEGIN { printf "1/%.0f (%.1f / %.0f requests/s)", b / a, a, b }')"
  say ""
  stop_app "$bpid" "$BARE_PG"
  stop_app "$ppid" "$SVC_DIR/pg"
}

bench_services_submit() {
  header "services-submit: POST /api/v1/dossiers (multipart, 2 x ${SVC_DOC_KB} KB), wrk -t$WRK_THREADS -c$WRK_CONN -d${WRK_SECONDS}s; anchor: pgbench INSERTs"
  ensure_wrk
  ensure_pgclient
  command -v python3 >/dev/null || { note "python3 is needed to build the request body"; exit 1; }
  say "wrk: $(wrk -v 2>&1 | head -1); $(pgbench --version)"
  note "starting the platform on a fresh data directory"
  svc_start services-submit-platform
  local ppid=$APP_PID base=http://127.0.0.1:$PPORT admin tokens citizen code=1.099001.000.00.00.H56 code0=1.099002.000.00.00.H56
  say "platform ready in $READY_MS ms (fresh data directory ${SVC_DIR#"$ROOT"/}; embedded PostgreSQL on port $SVC_PG_PORT)"
  say "PostgreSQL settings: $(svc_sql "SELECT string_agg(name || '=' || setting, ', ' ORDER BY name) FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit', 'wal_sync_method', 'full_page_writes', 'shared_buffers', 'max_connections')")"
  admin=$(svc_tokens quantri@demo.tinhso.vn 1) && [ -n "$admin" ] || { note "no admin token"; exit 1; }
  SVC_ADMIN=$admin
  # The benchmark's procedure: published, performed by the provincial Department of Justice, two
  # required documents, no e-form. A second one without documents serves the diagnostic run.
  local proc='{"code":"%s","name":"%s","domain":"ho-tich","levels":["PROVINCE"],"agency":"000.00.05.H56","onlineLevel":"FULL","applicants":"Công dân Việt Nam","methods":[{"method":"ONLINE","days":5,"hours":null,"note":null},{"method":"DIRECT","days":5,"hours":null,"note":null}],"fees":[{"description":"Lệ phí cấp bản sao trích lục","kind":"FIXED","amount":8000}],"documents":%s,"result":"Bản sao trích lục hộ tịch","legalBasis":["Luật Hộ tịch số 60/2014/QH13"],"conditions":null,"form":null,"status":"PUBLISHED"}'
  local docs='[{"name":"Tờ khai cấp bản sao trích lục hộ tịch","originals":1,"copies":0,"required":true,"template":"Mẫu số 01"},{"name":"Bản chụp thẻ Căn cước","originals":0,"copies":1,"required":true,"template":null}]'
  local res
  # shellcheck disable=SC2059
  res=$(printf "$proc" "$code" "Cấp bản sao trích lục hộ tịch (thử tải)" "$docs" | curl -s -o "$LOGS/procedure.json" -w '%{http_code}' \
    -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' --data-binary @- "$base/api/v1/procedures")
  [ "$res" = 201 ] || { note "creating the procedure: HTTP $res"; cat "$LOGS/procedure.json" >&2; exit 1; }
  # shellcheck disable=SC2059
  res=$(printf "$proc" "$code0" "Thủ tục thử tải không có thành phần hồ sơ" "[]" | curl -s -o "$LOGS/procedure0.json" -w '%{http_code}' \
    -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' --data-binary @- "$base/api/v1/procedures")
  [ "$res" = 201 ] || { note "creating the procedure without documents: HTTP $res"; cat "$LOGS/procedure0.json" >&2; exit 1; }
  mapfile -t tokens < <(svc_tokens congdan@demo.tinhso.vn "$WRK_CONN")
  citizen=${tokens[0]:-}
  [ -n "$citizen" ] && [ "${#tokens[@]}" = "$WRK_CONN" ] || { note "no citizen tokens"; exit 1; }
  local boundary=----tinhso-bench-7MA4YWxkTrZu0gW body=$LOGS/dossier.body body0=$LOGS/dossier-no-files.body body1=$LOGS/dossier-1kb.body
  python3 bench/services/make-body.py "$body" "$code" "$boundary" "$SVC_DOC_KB" 2 || exit 1
  python3 bench/services/make-body.py "$body0" "$code0" "$boundary" "$SVC_DOC_KB" 0 || exit 1
  python3 bench/services/make-body.py "$body1" "$code" "$boundary" 1 2 || exit 1
  res=$(curl -s -o "$LOGS/dossier.json" -w '%{http_code} %{time_total}' -H "Authorization: Bearer $citizen" \
    -H "Content-Type: multipart/form-data; boundary=$boundary" --data-binary "@$body" "$base/api/v1/dossiers")
  [ "${res%% *}" = 201 ] || { note "test submission: HTTP $res"; cat "$LOGS/dossier.json" >&2; exit 1; }
  say "procedure $code (2 required documents, no e-form) published; citizen congdan@demo.tinhso.vn with ${#tokens[@]} API tokens"
  say "request body: $(stat -c %s "$body") bytes (part 'dossier' JSON, 'document.0' PDF and 'document.1' JPEG of ${SVC_DOC_KB} KB: magic bytes, random content)"
  say "test submission: HTTP 201 in $(awk '{ printf "%.0f", $2 * 1000 }' <<<"$res") ms, code $(grep -o '"code":"[^"]*"' "$LOGS/dossier.json" | head -1 | cut -d'"' -f4), documents typed $(grep -o '"contentType":"[^"]*"' "$LOGS/dossier.json" | cut -d'"' -f4 | paste -sd' ')"
  local procedure_id agency_id owner_id token_id
  procedure_id=$(svc_sql "SELECT id FROM services.procedure WHERE code = '$code'")
  agency_id=$(grep -o '"agencyId":[0-9]*' "$LOGS/dossier.json" | cut -d: -f2)
  owner_id=$(grep -o '"ownerAccountId":[0-9]*' "$LOGS/dossier.json" | cut -d: -f2)
  token_id=$(svc_sql "SELECT min(id) FROM identity.api_token WHERE account_id = $owner_id AND name = 'bench-1'")
  local wargs=(BENCH_BODY="$body" BENCH_BOUNDARY="$boundary" BENCH_TOKENS="$citizen")
  note "JIT warm-up: submissions for ${JIT_WARMUP}s"
  env "${wargs[@]}" timeout $((JIT_WARMUP + 90)) wrk -t"$WRK_THREADS" -c"$WRK_CONN" -d"${JIT_WARMUP}s" \
    --timeout "$WRK_TIMEOUT" -s bench/services/submit.lua "$base" >>"$LOGS/wrk.log" 2>&1
  svc_drain
  say "JIT warm-up: ${JIT_WARMUP}s of submissions (not counted), their asynchronous listeners done ${DRAIN_S}s later"
  say ""
  # The measured run, with PostgreSQL's counters and a sample of what its backends wait for.
  local d0 doc0 ev0 f0 st0 st1 drain_ticks sampler pool0 pool1
  pause 2   # requests of the warm-up still in flight when its wrk stopped
  pool0=$(svc_pool "$admin")
  d0=$(svc_sql "SELECT count(*) FROM services.dossier"); doc0=$(svc_sql "SELECT count(*) FROM services.dossier_document")
  ev0=$(svc_sql "SELECT count(*) FROM services.dossier_event"); f0=$(find "$SVC_DIR/files" -type f | wc -l)
  st0=$(svc_sql "SELECT xact_commit, tup_inserted, tup_updated, tup_deleted, pg_current_wal_lsn() - '0/0' FROM pg_stat_database WHERE datname = 'postgres'")
  ( while :; do
      svc_sql "SELECT CASE WHEN state = 'idle' THEN 'idle' WHEN state LIKE 'idle in transaction%' THEN 'in-transaction-waiting-for-the-application'
        WHEN wait_event IS NULL THEN 'running' ELSE wait_event_type || ':' || wait_event END
        FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid() AND application_name NOT LIKE 'psql%'"
      sleep 0.25
    done >"$LOGS/pg-waits.txt" 2>/dev/null ) &
  sampler=$!
  say "cpu_ms/req: CPU time of the JVM and its PostgreSQL processes during the run, per request (pg%: PostgreSQL's part);"
  say "others: share of the machine's $NCPU CPUs taken meanwhile by other users' processes; errors: answers other than 201"
  say "$SVC_COLUMNS"
  svc_wrk "POST dossiers, 2 x ${SVC_DOC_KB} KB" "$WRK_THREADS" "$WRK_CONN" "$WRK_SECONDS" bench/services/submit.lua \
    "$base" "$ppid" "$SVC_DIR/pg" "${wargs[@]}"
  kill "$sampler" 2>/dev/null; wait "$sampler" 2>/dev/null
  local loaded=$SVC_LINE loaded_errors=$SVC_ERRORS loaded_ticks=$SVC_TICKS outstanding d1 doc1 ev1 f1
  pool1=$(svc_pool "$admin")
  outstanding=$(svc_outstanding)
  pause 2   # requests still in flight when wrk stopped
  d1=$(svc_sql "SELECT count(*) FROM services.dossier")
  drain_ticks=$(app_ticks "$ppid" "$SVC_DIR/pg")
  svc_drain
  drain_ticks=$(($(app_ticks "$ppid" "$SVC_DIR/pg") - drain_ticks))
  doc1=$(svc_sql "SELECT count(*) FROM services.dossier_document"); ev1=$(svc_sql "SELECT count(*) FROM services.dossier_event")
  f1=$(find "$SVC_DIR/files" -type f | wc -l)
  st1=$(svc_sql "SELECT xact_commit, tup_inserted, tup_updated, tup_deleted, pg_current_wal_lsn() - '0/0' FROM pg_stat_database WHERE datname = 'postgres'")
  local n201 made
  n201=$(($(field requests "$loaded") - loaded_errors))
  made=$((d1 - d0))
  say "  rows created during the run (psql on port $SVC_PG_PORT): dossiers +$made, documents +$((doc1 - doc0)), timeline events +$((ev1 - ev0)), stored files +$((f1 - f0)) on disk; wrk counted $n201 answers 201 (the difference: requests still in flight when wrk stopped)"
  say "  asynchronous listeners (audit trail) at the end of the run: $outstanding event publications outstanding, done ${DRAIN_S}s later, using $(awk -v t="$drain_ticks" -v hz="$HZ" 'BEGIN { printf "%.1f", t / hz }') CPU-s more"
  awk -v a="$st0" -v b="$st1" -v n="$made" 'BEGIN { split(a, x, "|"); split(b, y, "|"); if (n < 1) exit
    printf "  PostgreSQL per dossier (run and drain): %.1f commits, %.1f rows inserted, %.1f updated, %.1f deleted, %.1f KB of WAL\n",
      (y[1] - x[1]) / n, (y[2] - x[2]) / n, (y[3] - x[3]) / n, (y[4] - x[4]) / n, (y[5] - x[5]) / n / 1024 }' | tee -a "$BLOCK"
  awk -v a="$pool0" -v b="$pool1" -v n="$(field requests "$loaded")" -v secs="$WRK_SECONDS" 'BEGIN { split(a, x, " "); split(b, y, " "); if (n < 1 || y[1] == x[1]) exit
    c = y[1] - x[1]; w = y[2] - x[2]; u = y[3] - x[3]
    printf "  connection pool (Hikari, %d connections; /actuator/prometheus): %.1f acquisitions per dossier, %.2f ms mean wait per acquisition (%.1f ms per dossier), connections held %.1f ms per dossier (%.1f of %d busy on average: at most %.0f dossiers/s with this hold time)\n",
      y[4], c / n, w / c * 1000, w / n * 1000, u / n * 1000, u / secs, y[4], y[4] / (u / n) }' | tee -a "$BLOCK"
  say "  the pool's PostgreSQL backends, sampled every 0.25 s during the run ($(grep -c . "$LOGS/pg-waits.txt") backend samples; Lock:transactionid = waiting for a row lock, Lock:advisory = the audit trail's append lock): $(sort "$LOGS/pg-waits.txt" | uniq -c | sort -rn | awk '{ printf "%s%s %d", (NR > 1 ? ", " : ""), $2, $1 }')"
  # The anchor: the same rows inserted by pgbench, one transaction per dossier, same concurrency.
  say ""
  say "anchor: pgbench -n -M prepared -c$WRK_CONN -j$WRK_THREADS -T$WRK_SECONDS, one transaction per dossier, same database (same settings)"
  local script label tps lat n_before n_after pg0 pgt
  for script in anchor-insert $( [ "${SVC_DIAGNOSTICS}" = 1 ] && echo anchor-main-tx ); do
    case $script in
      anchor-insert) label="plain INSERT: dossier + 2 documents + 1 event (the anchor)" ;;
      anchor-main-tx) label="the submission's whole main transaction (diagnostic)" ;;
    esac
    note "pgbench: $script"
    n_before=$(svc_sql "SELECT count(*) FROM services.dossier")
    pg0=$(app_ticks "" "$SVC_DIR/pg")
    rm -f "$LOGS"/pgbench_log.*
    (cd "$LOGS" && PGCLIENTENCODING=UTF8 timeout $((WRK_SECONDS + 60)) pgbench -n -M prepared -c"$WRK_CONN" -j"$WRK_THREADS" \
      -T"$WRK_SECONDS" -l --log-prefix=pgbench_log -h 127.0.0.1 -p "$SVC_PG_PORT" -U postgres \
      -D procedure="$procedure_id" -D agency="$agency_id" -D owner="$owner_id" -D token="$token_id" \
      -f "$ROOT/bench/services/$script.sql" postgres) >"$LOGS/pgbench-$script.txt" 2>&1
    pgt=$(($(app_ticks "" "$SVC_DIR/pg") - pg0))
    svc_sql "DELETE FROM platform.event_publication WHERE listener_id = 'bench.anchor'" >/dev/null
    n_after=$(svc_sql "SELECT count(*) FROM services.dossier")
    tps=$(grep -o 'tps = [0-9.]*' "$LOGS/pgbench-$script.txt" | head -1 | awk '{ print $3 }')
    [ -n "$tps" ] || { note "pgbench failed:"; tail -20 "$LOGS/pgbench-$script.txt" >&2; exit 1; }
    lat=$(cat "$LOGS"/pgbench_log.* | awk '{ print $3 / 1000 }' | sort -n | awk '{ a[NR] = $1 } END {
      printf "p50 %.2f ms, p95 %.2f ms, p99 %.2f ms", a[int(NR * 0.50)], a[int(NR * 0.95)], a[int(NR * 0.99)] }')
    say "  $label: $(printf '%.0f' "$tps") tx/s, $lat, $(grep -o 'number of failed transactions: [0-9]*' "$LOGS/pgbench-$script.txt" | awk '{ print $NF }') failed; dossiers +$((n_after - n_before)); PostgreSQL CPU $(awk -v t="$pgt" -v hz="$HZ" -v n="$((n_after - n_before))" 'BEGIN { if (n > 0) printf "%.2f", t / hz * 1000 / n; else print "-" }') ms per dossier"
    echo "$script $tps" >>"$LOGS/anchor.results"
  done
  if [ "${SVC_DIAGNOSTICS}" = 1 ]; then
    say ""
    say "diagnostic runs (${WRK_SINGLE}s each; what the time depends on):"
    say "$SVC_COLUMNS"
    svc_wrk "POST dossiers, 2 x ${SVC_DOC_KB} KB" 1 1 "$WRK_SINGLE" bench/services/submit.lua "$base" "$ppid" \
      "$SVC_DIR/pg" "${wargs[@]}"
    svc_drain
    svc_wrk "POST dossiers, 2 x ${SVC_DOC_KB} KB, $WRK_CONN tokens in turn" "$WRK_THREADS" "$WRK_CONN" "$WRK_SINGLE" \
      bench/services/submit.lua "$base" "$ppid" "$SVC_DIR/pg" BENCH_BODY="$body" BENCH_BOUNDARY="$boundary" \
      BENCH_TOKENS="$(IFS=,; echo "${tokens[*]}")"
    svc_drain
    svc_wrk "POST dossiers, 2 x 1 KB" "$WRK_THREADS" "$WRK_CONN" "$WRK_SINGLE" bench/services/submit.lua \
      "$base" "$ppid" "$SVC_DIR/pg" BENCH_BODY="$body1" BENCH_BOUNDARY="$boundary" BENCH_TOKENS="$citizen"
    svc_drain
    svc_wrk "POST dossiers without documents" "$WRK_THREADS" "$WRK_CONN" "$WRK_SINGLE" bench/services/submit.lua \
      "$base" "$ppid" "$SVC_DIR/pg" BENCH_BODY="$body0" BENCH_BOUNDARY="$boundary" BENCH_TOKENS="$citizen"
    svc_drain
    svc_wrk "POST dossiers without documents" 1 1 "$WRK_SINGLE" bench/services/submit.lua \
      "$base" "$ppid" "$SVC_DIR/pg" BENCH_BODY="$body0" BENCH_BOUNDARY="$boundary" BENCH_TOKENS="$citizen"
    svc_drain
  fi
  say ""
  local rps p95 atps
  rps=$(field rps "$loaded"); p95=$(field p95_ms "$loaded")
  atps=$(awk '$1 == "anchor-insert" { print $2 }' "$LOGS/anchor.results")
  say "goal: >= 300 dossiers/s sustained with p95 < 100 ms, no answer other than 201 (wrk -c$WRK_CONN, 2 x ${SVC_DOC_KB} KB)"
  say "  throughput $rps dossiers/s: $(awk -v r="$rps" 'BEGIN { if (r >= 300) print "goal met"; else printf "goal MISSED (%.0f%% of it; %.1fx short)", r / 300 * 100, 300 / r }')"
  say "  p95 $(printf '%.1f' "$p95") ms: $(awk -v p="$p95" 'BEGIN { if (p < 100) print "goal met"; else printf "goal MISSED by %.0f ms", p - 100 }')"
  say "  answers other than 201: $loaded_errors$([ "$loaded_errors" = 0 ] && echo ' (goal met)' || echo ' (goal MISSED)')"
  say "  ratio API / plain INSERT (same run, same database): $(awk -v a="$rps" -v b="$atps" 'BEGIN { printf "%.3f (%.1f / %.1f per second; the API reaches 1/%.0f of the anchor)", a / b, a, b, b / a }')"
  say "  CPU per dossier (JVM + PostgreSQL) during the run: $(awk -v t="$loaded_ticks" -v hz="$HZ" -v n="$(field requests "$loaded")" 'BEGIN { printf "%.1f ms", t / hz * 1000 / n }'); with the listeners' catch-up: $(awk -v t="$((loaded_ticks + drain_ticks))" -v hz="$HZ" -v n="$made" 'BEGIN { printf "%.1f ms", t / hz * 1000 / n }')"
  say ""
  SVC_ADMIN=
  stop_app "$ppid" "$SVC_DIR/pg"
}


# ---------------------------------------------------------------------------------------------
# Field reports

rpt_cell() { # zoom: the map index's grid cell in degrees (60 px of a 256 px tile)
  awk -v z="$1" 'BEGIN { printf "%.10f", 360 / (2 ^ z) * 60 / 256 }'
}

bench_reports_map() {
  header "reports-map: $RPT_COUNT generated reports; wrk -t$WRK_THREADS -c$WRK_CONN -d${WRK_SECONDS}s against /api/v1/reports/map, viewports in turn"
  ensure_wrk
  ensure_pgclient
  say "wrk: $(wrk -v 2>&1 | head -1); $(pgbench --version)"
  note "starting the platform on a fresh data directory"
  svc_start reports-map-platform
  local ppid=$APP_PID base=http://127.0.0.1:$PPORT agency t0 chunk done_n=0
  say "platform ready in $READY_MS ms (fresh data directory ${SVC_DIR#"$ROOT"/}; embedded PostgreSQL on port $SVC_PG_PORT)"
  agency=$(svc_sql "SELECT min(id) FROM units.agency")
  note "generating $RPT_COUNT reports"
  t0=$(now_us)
  while [ "$done_n" -lt "$RPT_COUNT" ]; do
    chunk=$((RPT_COUNT - done_n)); [ "$chunk" -gt 200000 ] && chunk=200000
    PGCLIENTENCODING=UTF8 psql -h 127.0.0.1 -p "$SVC_PG_PORT" -U postgres -d postgres -AtXq -v ON_ERROR_STOP=1 \
      -v n="$chunk" -v agency="$agency" -f bench/reports/generate.sql >/dev/null || { note "generation failed"; exit 1; }
    done_n=$((done_n + chunk))
  done
  svc_sql "VACUUM ANALYZE reports.report" >/dev/null
  # The anchor gets its best chance: an index on the position (the application does not need one).
  svc_sql "CREATE INDEX bench_report_position ON reports.report (lat, lon) WHERE visible AND merged_into IS NULL" >/dev/null
  svc_sql "ANALYZE reports.report" >/dev/null
  say "generated $(svc_sql "SELECT count(*) FROM reports.report") reports ($(svc_sql "SELECT count(*) FROM reports.report WHERE visible") public) in $(awk -v d="$(($(now_us) - t0))" 'BEGIN { printf "%.0f", d / 1e6 }') s; table $(svc_sql "SELECT pg_size_pretty(pg_total_relation_size('reports.report'))") with indexes"
  # Viewports: name zoom bbox(minLon,minLat,maxLon,maxLat) extra-filters
  local views=(
    "province|9|104.35,19.25,106.10,20.70|"
    "city|13|105.70,19.75,105.86,19.86|"
    "district-waste-open|11|105.55,19.60,105.95,19.95|&category=environment&status=SUBMITTED,ACCEPTED,IN_PROGRESS"
    "street|16|105.774,19.805,105.780,19.810|"
  )
  local v name zoom box extra paths=() first_ms
  note "first query (the index loads every public report)"
  first_ms=$(curl -s -o "$LOGS/map-first.json" -w '%{time_total}' "$base/api/v1/reports/map?zoom=9" | awk '{ printf "%.0f", $1 * 1000 }')
  say "first map query after start-up (loads the in-memory index): $first_ms ms; heap after: $(jcmd "$ppid" GC.heap_info 2>/dev/null | awk '/used/ { print; exit }' | sed 's/^ *//')"
  for v in "${views[@]}"; do
    IFS='|' read -r name zoom box extra <<<"$v"
    paths+=("/api/v1/reports/map?zoom=$zoom&bbox=$box$extra")
    say "viewport $name: zoom $zoom, bbox $box$extra -> $(curl -s "$base/api/v1/reports/map?zoom=$zoom&bbox=$box$extra" | python3 -c 'import json,sys; d=json.load(sys.stdin); print("%d reports, %d clusters, %d points" % (d["total"], len(d["clusters"]), len(d["points"])))')"
  done
  local all
  all=$(IFS='|'; echo "${paths[*]}")
  note "JIT warm-up: ${JIT_WARMUP}s"
  env BENCH_PATHS="$all" timeout $((JIT_WARMUP + 90)) wrk -t"$WRK_THREADS" -c"$WRK_CONN" -d"${JIT_WARMUP}s" \
    --timeout "$WRK_TIMEOUT" -s bench/reports/map.lua "$base" >>"$LOGS/wrk.log" 2>&1
  say ""
  say "cpu_ms/req: CPU time of the JVM and its PostgreSQL during the run, per request; errors: answers other than 200"
  say "$SVC_COLUMNS"
  svc_wrk "GET map, the 4 viewports in turn" "$WRK_THREADS" "$WRK_CONN" "$WRK_SECONDS" bench/reports/map.lua "$base" \
    "$ppid" "$SVC_DIR/pg" BENCH_PATHS="$all"
  local loaded=$SVC_LINE loaded_errors=$SVC_ERRORS
  for v in "${views[@]}"; do
    IFS='|' read -r name zoom box extra <<<"$v"
    svc_wrk "GET map, $name" "$WRK_THREADS" "$WRK_CONN" "$WRK_SINGLE" bench/reports/map.lua "$base" "$ppid" "$SVC_DIR/pg" \
      BENCH_PATHS="/api/v1/reports/map?zoom=$zoom&bbox=$box$extra"
    echo "$name $(field rps "$SVC_LINE") $(field p95_ms "$SVC_LINE")" >>"$LOGS/map.results"
  done
  say ""
  say "anchor: the same viewports grouped on the same grid in plain SQL, pgbench -n -M prepared -c$WRK_CONN -j$WRK_THREADS -T$WRK_SINGLE (no HTTP, no JSON; filters of the district viewport included)"
  local minlon minlat maxlon maxlat tps lat script
  for v in "${views[@]}"; do
    IFS='|' read -r name zoom box extra <<<"$v"
    IFS=',' read -r minlon minlat maxlon maxlat <<<"$box"
    script=$LOGS/anchor-$name.sql
    if [ -n "$extra" ]; then
      sed 's/WHERE visible/WHERE category_code IN (SELECT code FROM reports.category WHERE code = '"'"'environment'"'"' OR parent_code = '"'"'environment'"'"') AND status IN ('"'"'SUBMITTED'"'"', '"'"'ACCEPTED'"'"', '"'"'IN_PROGRESS'"'"') AND visible/' \
        bench/reports/anchor-map.sql >"$script"
    else
      cp bench/reports/anchor-map.sql "$script"
    fi
    rm -f "$LOGS"/pgbench_log.*
    (cd "$LOGS" && PGCLIENTENCODING=UTF8 timeout $((WRK_SINGLE + 60)) pgbench -n -M prepared -c"$WRK_CONN" -j"$WRK_THREADS" \
      -T"$WRK_SINGLE" -l --log-prefix=pgbench_log -h 127.0.0.1 -p "$SVC_PG_PORT" -U postgres \
      -D minlat="$minlat" -D maxlat="$maxlat" -D minlon="$minlon" -D maxlon="$maxlon" -D cell="$(rpt_cell "$zoom")" \
      -f "$script" postgres) >"$LOGS/pgbench-map-$name.txt" 2>&1
    tps=$(grep -o 'tps = [0-9.]*' "$LOGS/pgbench-map-$name.txt" | head -1 | awk '{ print $3 }')
    [ -n "$tps" ] || { note "pgbench failed:"; tail -20 "$LOGS/pgbench-map-$name.txt" >&2; exit 1; }
    lat=$(cat "$LOGS"/pgbench_log.* | awk '{ print $3 / 1000 }' | sort -n | awk '{ a[NR] = $1 } END {
      printf "p50 %.1f ms, p95 %.1f ms", a[int(NR * 0.50)], a[int(NR * 0.95)] }')
    say "  SQL $name: $(printf '%.1f' "$tps") queries/s, $lat"
    echo "$name $tps" >>"$LOGS/anchor.results"
  done
  say ""
  local rps p95
  rps=$(field rps "$loaded"); p95=$(field p95_ms "$loaded")
  say "goal: map viewport query p95 < 50 ms under wrk -c$WRK_CONN from loopback, at $RPT_COUNT reports"
  say "  p95 $(printf '%.1f' "$p95") ms over the 4 viewports in turn: $(awk -v p="$p95" 'BEGIN { if (p < 50) print "goal met"; else printf "goal MISSED by %.0f ms", p - 50 }'); answers other than 200: $loaded_errors"
  while read -r name tps; do
    awk -v n="$name" -v a="$(awk -v n="$name" '$1 == n { print $2 }' "$LOGS/map.results")" -v b="$tps" \
      'BEGIN { printf "  ratio API / plain SQL, %s: %.1f (%.1f / %.1f per second)\n", n, a / b, a, b }' | tee -a "$BLOCK"
  done <"$LOGS/anchor.results"
  say ""
  stop_app "$ppid" "$SVC_DIR/pg"
}

bench_reports_submit() {
  header "reports-submit: wrk -t$WRK_THREADS -c$WRK_CONN -d${WRK_SECONDS}s POSTing field reports with one ${RPT_PHOTO_KB} KB photo"
  ensure_wrk
  ensure_pgclient
  command -v python3 >/dev/null || { note "python3 is needed to build the request body"; exit 1; }
  say "wrk: $(wrk -v 2>&1 | head -1); $(pgbench --version)"
  note "starting the platform on a fresh data directory"
  svc_start reports-submit-platform
  local ppid=$APP_PID base=http://127.0.0.1:$PPORT tokens citizen photo=$LOGS/photo.jpg body=$LOGS/report.body
  local boundary=----tinhso-bench-9fX2kQpLm3Zr agency res
  say "platform ready in $READY_MS ms (fresh data directory ${SVC_DIR#"$ROOT"/}; embedded PostgreSQL on port $SVC_PG_PORT)"
  java bench/reports/MakePhoto.java "$photo" "$RPT_PHOTO_KB" >/dev/null || { note "could not make the photo"; exit 1; }
  python3 bench/reports/make-body.py "$body" "$boundary" "$photo" road-damage 19.8075 105.7764 || exit 1
  mapfile -t tokens < <(svc_tokens congdan@demo.tinhso.vn "$WRK_CONN")
  citizen=${tokens[0]:-}
  [ -n "$citizen" ] && [ "${#tokens[@]}" = "$WRK_CONN" ] || { note "no citizen tokens"; exit 1; }
  SVC_ADMIN=$(svc_tokens quantri@demo.tinhso.vn 1)
  res=$(curl -s -o "$LOGS/report.json" -w '%{http_code} %{time_total}' -H "Authorization: Bearer $citizen" \
    -H "Content-Type: multipart/form-data; boundary=$boundary" --data-binary "@$body" "$base/api/v1/reports")
  [ "${res%% *}" = 201 ] || { note "test report: HTTP $res"; cat "$LOGS/report.json" >&2; exit 1; }
  agency=$(grep -o '"agencyId":[0-9]*' "$LOGS/report.json" | cut -d: -f2)
  say "photo: $(stat -c %s "$photo") bytes, a real 2048 x 1536 JPEG (decoded for its size, EXIF read; public copies made after the commit, asynchronously)"
  say "test report: HTTP 201 in $(awk '{ printf "%.0f", $2 * 1000 }' <<<"$res") ms, routed to agency $agency"
  local wargs=(BENCH_BODY="$body" BENCH_BOUNDARY="$boundary" BENCH_TOKENS="$(IFS=,; echo "${tokens[*]}")" BENCH_PATH=/api/v1/reports)
  note "JIT warm-up: ${JIT_WARMUP}s"
  env "${wargs[@]}" timeout $((JIT_WARMUP + 90)) wrk -t"$WRK_THREADS" -c"$WRK_CONN" -d"${JIT_WARMUP}s" \
    --timeout "$WRK_TIMEOUT" -s bench/services/submit.lua "$base" >>"$LOGS/wrk.log" 2>&1
  note "waiting for the warm-up's photos and listeners"
  svc_drain
  local n0 p0 n1 p1 pending
  for ((i = 0; i < 600; i++)); do
    pending=$(svc_sql "SELECT count(*) FROM reports.media WHERE public_file IS NULL")
    [ "$pending" = 0 ] && break
    sleep 1
  done
  say "JIT warm-up: ${JIT_WARMUP}s of reports (not counted); their photos processed and listeners done before the run"
  n0=$(svc_sql "SELECT count(*) FROM reports.report"); p0=$(svc_sql "SELECT count(*) FROM reports.media WHERE public_file IS NOT NULL")
  say ""
  say "cpu_ms/req: CPU time of the JVM and its PostgreSQL during the run, per request; errors: answers other than 201"
  say "$SVC_COLUMNS"
  svc_wrk "POST reports, 1 photo of ${RPT_PHOTO_KB} KB" "$WRK_THREADS" "$WRK_CONN" "$WRK_SECONDS" bench/services/submit.lua \
    "$base" "$ppid" "$SVC_DIR/pg" "${wargs[@]}"
  local loaded=$SVC_LINE loaded_errors=$SVC_ERRORS
  n1=$(svc_sql "SELECT count(*) FROM reports.report"); p1=$(svc_sql "SELECT count(*) FROM reports.media WHERE public_file IS NOT NULL")
  say "  reports +$((n1 - n0)) during the run; public photo copies made meanwhile +$((p1 - p0)) (the rest after it)"
  local t1 t2
  t1=$(now_us)
  for ((i = 0; i < 900; i++)); do
    pending=$(svc_sql "SELECT count(*) FROM reports.media WHERE public_file IS NULL")
    [ "$pending" = 0 ] && break
    sleep 1
  done
  t2=$(now_us)
  say "  photo backlog after the run processed in $(awk -v d="$((t2 - t1))" 'BEGIN { printf "%.0f", d / 1e6 }') s"
  svc_drain
  say ""
  say "anchor: pgbench -n -M prepared -c$WRK_CONN -j$WRK_THREADS -T$WRK_SECONDS, the same rows (report, photo row, timeline entry) in one transaction, no file"
  local tps lat
  rm -f "$LOGS"/pgbench_log.*
  (cd "$LOGS" && PGCLIENTENCODING=UTF8 timeout $((WRK_SECONDS + 60)) pgbench -n -M prepared -c"$WRK_CONN" -j"$WRK_THREADS" \
    -T"$WRK_SECONDS" -l --log-prefix=pgbench_log -h 127.0.0.1 -p "$SVC_PG_PORT" -U postgres -D agency="$agency" \
    -f "$ROOT/bench/reports/anchor-insert.sql" postgres) >"$LOGS/pgbench-report-insert.txt" 2>&1
  tps=$(grep -o 'tps = [0-9.]*' "$LOGS/pgbench-report-insert.txt" | head -1 | awk '{ print $3 }')
  [ -n "$tps" ] || { note "pgbench failed:"; tail -20 "$LOGS/pgbench-report-insert.txt" >&2; exit 1; }
  lat=$(cat "$LOGS"/pgbench_log.* | awk '{ print $3 / 1000 }' | sort -n | awk '{ a[NR] = $1 } END {
    printf "p50 %.2f ms, p95 %.2f ms", a[int(NR * 0.50)], a[int(NR * 0.95)] }')
  say "  plain INSERT of a report's rows: $(printf '%.0f' "$tps") tx/s, $lat"
  say ""
  local rps p95
  rps=$(field rps "$loaded"); p95=$(field p95_ms "$loaded")
  say "goal: >= 100 reports/s with one ${RPT_PHOTO_KB} KB photo (wrk -c$WRK_CONN), no answer other than 201"
  say "  throughput $rps reports/s (p95 $(printf '%.1f' "$p95") ms): $(awk -v r="$rps" 'BEGIN { if (r >= 100) print "goal met"; else printf "goal MISSED (%.0f%% of it)", r }'); answers other than 201: $loaded_errors"
  say "  ratio API / plain INSERT (same run, same database): $(awk -v a="$rps" -v b="$tps" 'BEGIN { printf "%.3f (%.1f / %.1f per second)", a / b, a, b }')"
  say ""
  SVC_ADMIN=
  stop_app "$ppid" "$SVC_DIR/pg"
}


# ---------------------------------------------------------------------------------------------
# Open data

bench_opendata_search() {
  header "opendata-search: $OD_COUNT generated datasets; wrk -t$WRK_THREADS -c$WRK_CONN -d${WRK_SECONDS}s against package_search with facets, and a static file of the same size"
  ensure_wrk
  ensure_pgclient
  say "wrk: $(wrk -v 2>&1 | head -1)"
  local static_dir
  note "starting the platform on a fresh data directory (static files also from the work directory)"
  static_dir=$(mktemp -d "$WORK/static-XXXXXX")
  SVC_EXTRA_ARGS="--spring.web.resources.static-locations=classpath:/static/,file:$static_dir/" svc_start opendata-platform
  local ppid=$APP_PID base=http://127.0.0.1:$PPORT t0 n
  say "platform ready in $READY_MS ms (fresh data directory ${SVC_DIR#"$ROOT"/}; embedded PostgreSQL on port $SVC_PG_PORT)"
  for ((i = 0; i < 300; i++)); do
    n=$(curl -s "$base/api/3/action/package_search?rows=0" | grep -o '"count":[0-9]*' | cut -d: -f2)
    [ "${n:-0}" -ge 198 ] && break
    sleep 0.5
  done
  note "generating $OD_COUNT datasets"
  t0=$(now_us)
  PGCLIENTENCODING=UTF8 psql -h 127.0.0.1 -p "$SVC_PG_PORT" -U postgres -d postgres -AtXq -v ON_ERROR_STOP=1 \
    -v n="$OD_COUNT" -f bench/opendata/generate.sql >/dev/null || { note "generation failed"; exit 1; }
  svc_sql "VACUUM ANALYZE opendata.dataset" >/dev/null
  svc_sql "VACUUM ANALYZE opendata.resource" >/dev/null
  say "generated $(svc_sql "SELECT count(*) FROM opendata.dataset") datasets with $(svc_sql "SELECT count(*) FROM opendata.resource") resources in $(awk -v d="$(($(now_us) - t0))" 'BEGIN { printf "%.0f", d / 1e6 }') s"
  local first_ms
  first_ms=$(curl -s -o /dev/null -w '%{time_total}' "$base/api/3/action/package_search?rows=0" | awk '{ printf "%.0f", $1 * 1000 }')
  sleep 1.2
  curl -s -o /dev/null "$base/api/3/action/package_search?rows=0"
  say "first search after the generation (the index reads the new datasets): $first_ms ms; heap after: $(jcmd "$ppid" GC.heap_info 2>/dev/null | awk '/used/ { print; exit }' | sed 's/^ *//')"
  local facets='facet.field=%5B%22organization%22%2C%22groups%22%2C%22tags%22%2C%22res_format%22%2C%22license_id%22%5D'
  local paths=(
    "/api/3/action/package_search?$facets"
    "/api/3/action/package_search?q=d%C3%A2n%20s%E1%BB%91&$facets"
    "/api/3/action/package_search?q=lua&fq=res_format:CSV&$facets"
    "/api/3/action/package_search?fq=groups:y-te%20license_id:cc-by&sort=metadata_modified%20desc&$facets"
    "/api/3/action/package_search?q=thong%20ke%20giao%20thong&rows=20&$facets"
  )
  local p size total_size=0
  for p in "${paths[@]}"; do
    size=$(curl -s "$base$p" | tee "$LOGS/search.json" | wc -c)
    total_size=$((total_size + size))
    say "query ${p#/api/3/action/package_search?}: $(python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["result"]; print("%d matches, %d results" % (r["count"], len(r["results"])))' "$LOGS/search.json"), $size bytes"
  done
  # The ceiling: a static file of the answers' mean size, served by the same server.
  head -c $((total_size / ${#paths[@]})) /dev/urandom | base64 -w 0 | head -c $((total_size / ${#paths[@]})) >"$static_dir/anchor.json"
  say "static file: /anchor.json, $(stat -c %s "$static_dir/anchor.json") bytes (the answers' mean size)"
  local all
  all="${paths[*]}"
  note "JIT warm-up: ${JIT_WARMUP}s"
  env BENCH_PATHS="$all" timeout $((JIT_WARMUP + 90)) wrk -t"$WRK_THREADS" -c"$WRK_CONN" -d"${JIT_WARMUP}s" \
    --timeout "$WRK_TIMEOUT" -s bench/services/search.lua "$base" >>"$LOGS/wrk.log" 2>&1
  env BENCH_PATHS="/anchor.json" timeout $((JIT_WARMUP + 90)) wrk -t"$WRK_THREADS" -c"$WRK_CONN" -d10s \
    --timeout "$WRK_TIMEOUT" -s bench/services/search.lua "$base" >>"$LOGS/wrk.log" 2>&1
  say ""
  say "cpu_ms/req: CPU time of the JVM and its PostgreSQL during the run, per request; errors: answers other than 200"
  say "$SVC_COLUMNS"
  svc_wrk "package_search, 5 queries with facets" "$WRK_THREADS" "$WRK_CONN" "$WRK_SECONDS" bench/services/search.lua \
    "$base" "$ppid" "$SVC_DIR/pg" BENCH_PATHS="$all"
  local loaded=$SVC_LINE errors=$SVC_ERRORS
  svc_wrk "static file of the same size" "$WRK_THREADS" "$WRK_CONN" "$WRK_SECONDS" bench/services/search.lua \
    "$base" "$ppid" "$SVC_DIR/pg" BENCH_PATHS="/anchor.json"
  local ceiling=$SVC_LINE
  say ""
  note "DCAT: the whole catalogue streamed"
  local heap0 heapmax=0 h watch t1 bytes
  jcmd "$ppid" GC.run >/dev/null 2>&1
  heap0=$(jcmd "$ppid" GC.heap_info 2>/dev/null | awk '/used/ { for (i = 1; i <= NF; i++) if ($i == "used") { print $(i + 1); exit } }' | tr -d 'K')
  ( while :; do jcmd "$ppid" GC.heap_info 2>/dev/null | awk '/used/ { for (i = 1; i <= NF; i++) if ($i == "used") { print $(i + 1); exit } }' | tr -d 'K'; sleep 0.5; done ) >"$LOGS/heap.txt" &
  watch=$!
  t1=$(now_us)
  curl -s "$base/catalog/all.nt" >"$LOGS/all.nt" &
  local fetch=$! live=""
  # Halfway through, what the export keeps alive: a full collection, then the heap in use.
  sleep 10
  if kill -0 "$fetch" 2>/dev/null; then
    jcmd "$ppid" GC.run >/dev/null 2>&1
    live=$(jcmd "$ppid" GC.heap_info 2>/dev/null | awk '/used/ { for (i = 1; i <= NF; i++) if ($i == "used") { print $(i + 1); exit } }' | tr -d 'K')
  fi
  wait "$fetch"
  bytes=$(stat -c %s "$LOGS/all.nt")
  local secs
  secs=$(awk -v d="$(($(now_us) - t1))" 'BEGIN { printf "%.1f", d / 1e6 }')
  kill "$watch" 2>/dev/null; wait "$watch" 2>/dev/null
  heapmax=$(sort -n "$LOGS/heap.txt" | tail -1)
  say "DCAT /catalog/all.nt: $bytes bytes, $(grep -c 'ns/dcat#Dataset>' "$LOGS/all.nt") datasets, $(wc -l <"$LOGS/all.nt") triples in $secs s"
  say "  heap in use after a full collection: before the export ${heap0} K, 10 s into it ${live:-?} K (highest sampled, garbage included: ${heapmax} K)"
  say ""
  local rps p95 crps
  rps=$(field rps "$loaded"); p95=$(field p95_ms "$loaded"); crps=$(field rps "$ceiling")
  say "goal: package_search with facets over $OD_COUNT datasets p95 <= 20 ms (wrk -c$WRK_CONN), and >= 1/2 the requests/s of a static file of the same size"
  say "  p95 $(printf '%.1f' "$p95") ms: $(awk -v p="$p95" 'BEGIN { if (p <= 20) print "goal met"; else printf "goal MISSED by %.1f ms", p - 20 }'); answers other than 200: $errors"
  say "  ratio package_search / static file: $(awk -v a="$rps" -v b="$crps" 'BEGIN { printf "%.2f (%.1f / %.1f per second): %s", a / b, a, b, (a / b >= 0.5 ? "goal met" : "goal MISSED") }')"
  say ""
  stop_app "$ppid" "$SVC_DIR/pg"
}
# ---------------------------------------------------------------------------------------------

build
wait_quiet
stop_postgres "$PLATFORM_PG"   # a cluster left by an interrupted earlier run
stop_postgres "$BARE_PG"
case "$NAME" in
  startup) bench_startup ;;
  search) bench_search ;;
  services-search) bench_services_search ;;
  services-submit) bench_services_submit ;;
  reports-map) bench_reports_map ;;
  reports-submit) bench_reports_submit ;;
  opendata-search) bench_opendata_search ;;
  all)
    bench_startup
    bench_search
    bench_services_search
    bench_services_submit
    bench_reports_map
    bench_reports_submit
    bench_opendata_search ;;
esac
