#!/usr/bin/env bash
# Webhooks: credit receptions per second over HTTP with no subscription, with one active
# credit_reception_created subscription, and with none again (back to back, same Piggy, same
# database), the deliveries per second of the same run, and the event-to-delivery latency (p50,
# p99) at a paced rate of receptions. The receiver runs in the load generator's JVM and checks
# every signature. Starts its own Piggy on a fresh data directory (the embedded default, durable)
# and stops it at the end.
# Usage: bench/webhooks.sh [seconds per phase=20] [clients=32] [contacts=2000] [paced rate=1000]
# BENCH_SKIP_BUILD=1 reuses target/; BENCH_JAVA_OPTS goes to Piggy; BENCH_JAR runs another build.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/wait-for-piggy.sh
seconds=${1:-20}
clients=${2:-32}
contacts=${3:-2000}
rate=${4:-1000}
port=${BENCH_PORT:-18083}
token=bench-$(date +%s)

build_for_bench

dir=$(mktemp -d)
PIGGY_DATA_DIR="$dir/data" SERVER_PORT=$port PIGGY_BOOTSTRAP_TOKEN=$token PIGGY_METRICS_TOKEN=$token PIGGY_WEBHOOK_ALLOW_PRIVATE_ADDRESSES=true \
  PIGGY_RATE_LIMIT_PER_MINUTE=2000000000 java ${BENCH_JAVA_OPTS:-} -jar "${BENCH_JAR:-target/piggy.jar}" >"$dir/piggy.log" 2>&1 &
pid=$!
trap 'kill -TERM $pid 2>/dev/null; wait $pid 2>/dev/null || true; rm -rf "$dir"' EXIT
wait_for_piggy "$port" "$pid" "$dir/piggy.log"
echo "Piggy on :$port ($(grep -c processor /proc/cpuinfo) cores, load $(cut -d' ' -f1-3 /proc/loadavg)), $(date -u +%FT%TZ)"

java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" io.piggy.webhook.WebhookBench \
  "http://localhost:$port" "$token" "$seconds" "$clients" "$contacts" "$rate"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
curl -s -H "Authorization: Bearer $token" "http://localhost:$port/actuator/prometheus" | grep -E '^piggy_webhook_(deliveries|event_to_delivery)|^piggy_jobs_items' || true
