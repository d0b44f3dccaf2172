#!/usr/bin/env bash
# MCP tool calls per second beside the plain HTTP API, in one run against one Piggy: create_credit_reception
# against POST /credit-receptions and find_voucher_by_code against GET /vouchers/find, each over the same
# contacts and codes, HTTP and MCP phases back to back for several rounds (the spread between rounds is
# the machine's noise). Starts its own Piggy on a fresh data directory (embedded default, durable) and stops it.
# Usage: bench/mcp.sh [seconds per phase=10] [clients=16] [rounds=3]
# BENCH_SKIP_BUILD=1 reuses target/; BENCH_JAVA_OPTS goes to Piggy.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/wait-for-piggy.sh
seconds=${1:-10}
clients=${2:-16}
rounds=${3:-3}
port=${BENCH_PORT:-18083}
token=bench-$(date +%s)

if [ -z "${BENCH_SKIP_BUILD:-}" ]; then   # by default, measure the code as it is
  mvn -B -q -DskipTests package
  mvn -B -q test-compile
  mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
fi

dir=$(mktemp -d)
PIGGY_DATA_DIR="$dir/data" SERVER_PORT=$port PIGGY_BOOTSTRAP_TOKEN=$token \
  PIGGY_RATE_LIMIT_PER_MINUTE=2000000000 java ${BENCH_JAVA_OPTS:-} -jar target/piggy.jar >"$dir/piggy.log" 2>&1 &
pid=$!
trap 'kill -TERM $pid 2>/dev/null; wait $pid 2>/dev/null || true; rm -rf "$dir"' EXIT
wait_for_piggy "$port" "$pid" "$dir/piggy.log"
echo "Piggy on :$port ($(grep -c processor /proc/cpuinfo) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" io.piggy.mcp.McpBench \
  "http://localhost:$port" "$token" "$seconds" "$clients" "$rounds"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
