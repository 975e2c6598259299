#!/usr/bin/env bash
# Diagnostic, not a benchmark: where does the platform's start-up time go, bean by bean?
# Starts the platform jar once through Spring Boot's PropertiesLauncher with bench/diag/StartupSteps
# (Spring's BufferingApplicationStartup), on the benchmark's data directory, prints the slowest
# start-up steps and stops. Usage: bench/startup-steps.sh [platform|bare]   (run bench/run.sh first).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
APP=${1:-platform}
WORK=$ROOT/bench/work
case $APP in
  platform) JAR=$(ls target/tinhso-*.jar | grep -v '\.original$' | head -1); MAIN=vn.tinhso.TinhSoApplication
            ARGS=("--tinhso.database.embedded.data-dir=$WORK/platform-pg" "--server.port=${BENCH_PLATFORM_PORT:-18090}" --management.health.mail.enabled=false) ;;
  bare)     JAR=$(ls bench/bare/target/bare-*.jar | grep -v '\.original$' | head -1); MAIN=vn.tinhso.bench.bare.BareApplication
            ARGS=("--bare.data-dir=$WORK/bare-pg" "--server.port=${BENCH_BARE_PORT:-18091}") ;;
  *) echo "usage: bench/startup-steps.sh [platform|bare]" >&2; exit 2 ;;
esac
CLASSES=$WORK/diag/classes
LIB=$WORK/diag/lib
rm -rf "$CLASSES" "$LIB"; mkdir -p "$CLASSES" "$LIB"
(cd "$LIB" && unzip -q -j "$ROOT/$JAR" 'BOOT-INF/lib/spring-boot-4*.jar' 'BOOT-INF/lib/spring-core-*.jar' 'BOOT-INF/lib/spring-context-*.jar' 'BOOT-INF/lib/spring-beans-*.jar' 'BOOT-INF/lib/spring-jcl-*.jar' 2>/dev/null || true)
javac -q -d "$CLASSES" -cp "$(ls "$LIB"/*.jar | tr '\n' ':')" bench/diag/StartupSteps.java 2>/dev/null \
  || javac -d "$CLASSES" -cp "$(ls "$LIB"/*.jar | tr '\n' ':')" bench/diag/StartupSteps.java
# shellcheck disable=SC2086
exec timeout -k 30 300 java ${BENCH_JVM_OPTS:-} -Dsteps.main="$MAIN" -Dloader.main=vn.tinhso.bench.StartupSteps \
  -Dloader.path="$CLASSES" -cp "$JAR" org.springframework.boot.loader.launch.PropertiesLauncher "${ARGS[@]}" \
  --logging.level.root=WARN
