#!/usr/bin/env bash
# Tỉnh Số benchmarks (see docs/benchmarks.md).
#
#   bench/run.sh startup   start-up time and idle memory, platform vs the bare anchor (bench/bare)
#   bench/run.sh search    wrk against /api/v1/units?q=..., and against the bare anchor's /ping
#   bench/run.sh all       both
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
# BENCH_MAX_SECONDS (2400). On a shared machine, BENCH_QUIET_LOAD=1.5 waits (at most
# BENCH_QUIET_MAX_SECONDS, 600) until the 1-minute load average is at or below 1.5 before measuring.
set -uo pipefail

NAME=${1:-}
case "$NAME" in
  startup|search|all) ;;
  *) echo "usage: bench/run.sh startup|search|all" >&2; exit 2 ;;
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

build
wait_quiet
stop_postgres "$PLATFORM_PG"   # a cluster left by an interrupted earlier run
stop_postgres "$BARE_PG"
case "$NAME" in
  startup) bench_startup ;;
  search) bench_search ;;
  all)
    bench_startup
    bench_search ;;
esac
