#!/usr/bin/env bash
# Recovery of the embedded PostgreSQL (issue 12 §4): starts Piggy from the jar on a fresh data
# directory (durable default), drives credit receptions from a few clients, kills the postmaster
# with SIGKILL several times, and prints the seconds from each kill to the first successful request
# started after it, what was answered meanwhile, and whether every acknowledged reception is stored.
# Usage: bench/db-recovery.sh [kills=5] [clients=4]   BENCH_SKIP_BUILD=1 reuses target/.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/wait-for-piggy.sh
rounds=${1:-5}
clients=${2:-4}
port=${BENCH_PORT:-18083}
token=bench-$(date +%s)

if [ -z "${BENCH_SKIP_BUILD:-}" ]; then
  mvn -B -q -DskipTests package
  mvn -B -q -Pbench test-compile
  mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
fi

dir=$(mktemp -d)
PIGGY_DATA_DIR="$dir/data" SERVER_PORT=$port PIGGY_BOOTSTRAP_TOKEN=$token \
  PIGGY_RATE_LIMIT_PER_MINUTE=2000000000 java -jar target/piggy.jar >"$dir/piggy.log" 2>&1 &
pid=$!
trap 'kill -TERM $pid 2>/dev/null; wait $pid 2>/dev/null || true; rm -rf "$dir"' EXIT
wait_for_piggy "$port" "$pid" "$dir/piggy.log"
echo "Piggy on :$port ($(grep -c processor /proc/cpuinfo) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"

java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" io.piggy.shared.db.DbRecoveryBench \
  "http://localhost:$port" "$token" "$dir/data" "$rounds" "$clients"
grep -c "Embedded PostgreSQL restarted" "$dir/piggy.log" | sed 's/^/restarts logged by Piggy: /'
# What the monitor did and PostgreSQL's own account of each restart, for reading the figures.
grep -E "DatabaseMonitor|EmbeddedDatabase " "$dir/piggy.log" | cut -c1-24,110-260 >target/bench-db-recovery.txt || true
cp "$dir/data/postgres.log" target/bench-db-recovery-postgres.log 2>/dev/null || true
echo "monitor log: target/bench-db-recovery.txt; PostgreSQL's log of the restarts: target/bench-db-recovery-postgres.log"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
