#!/usr/bin/env bash
# Time from `java -jar target/piggy.jar` to a healthy /actuator/health on the embedded default,
# for a first start (empty data directory: initdb, migrations, first account) and a restart.
# Usage: bench/startup.sh [runs]   (builds the jar first if it is missing)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
port=${BENCH_PORT:-18080}
[ -f target/piggy.jar ] || mvn -B -q -DskipTests package

now_ms() { date +%s%3N; }

# Starts Piggy on $1 and waits until healthy; leaves the milliseconds in $took and the pid in $pid.
start_and_time() {
  local dir=$1 t0 t1
  t0=$(now_ms)
  PIGGY_DATA_DIR="$dir" SERVER_PORT=$port java -jar target/piggy.jar >"$dir.log" 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "http://localhost:$port/actuator/health"; do
    kill -0 "$pid" 2>/dev/null || { echo "Piggy exited; see $dir.log" >&2; exit 1; }
    sleep 0.05
  done
  t1=$(now_ms)
  took=$((t1 - t0))
}

stop() { kill -TERM "$pid"; wait "$pid" 2>/dev/null || true; }

first=(); restart=()
for i in $(seq 1 "$runs"); do
  dir=$(mktemp -d)/data
  start_and_time "$dir"; first+=("$took"); stop
  start_and_time "$dir"; restart+=("$took"); stop
  rm -rf "$(dirname "$dir")"
done
echo "first start (ms): ${first[*]}"
echo "restart (ms):     ${restart[*]}"
