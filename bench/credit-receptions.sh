#!/usr/bin/env bash
# Credit receptions per second over HTTP on the embedded default (durable: fsync and
# synchronous_commit on), 64 clients, spread over 10,000 contacts and all on one contact, with p50
# and p99; then the same ledger statement run directly over JDBC against the same database, as the
# ceiling (with the same clients, and spread from as few threads as Piggy runs requests at once).
# Starts its own Piggy on a fresh data directory and stops it at the end.
# Usage: bench/credit-receptions.sh [seconds per phase=20] [clients=64] [contacts=10000]
# BENCH_PHASES=http runs only the HTTP phases; BENCH_SKIP_BUILD=1 reuses target/; BENCH_JAVA_OPTS goes to Piggy;
# BENCH_JAR runs another build of Piggy (an A/B against main: build main elsewhere, pass its jar).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/wait-for-piggy.sh
seconds=${1:-20}
clients=${2:-64}
contacts=${3:-10000}
port=${BENCH_PORT:-18081}
token=bench-$(date +%s)

build_for_bench

dir=$(mktemp -d)
PIGGY_DATA_DIR="$dir/data" SERVER_PORT=$port PIGGY_BOOTSTRAP_TOKEN=$token \
  PIGGY_RATE_LIMIT_PER_MINUTE=2000000000 java ${BENCH_JAVA_OPTS:-} -jar "${BENCH_JAR:-target/piggy.jar}" >"$dir/piggy.log" 2>&1 &
pid=$!
trap 'kill -TERM $pid 2>/dev/null; wait $pid 2>/dev/null || true; rm -rf "$dir"' EXIT
wait_for_piggy "$port" "$pid" "$dir/piggy.log"
pgport=$(grep -o 'Embedded PostgreSQL is running on port [0-9]*' "$dir/piggy.log" | grep -o '[0-9]*$')
postmaster=$(head -1 "$dir/data/postgres/postmaster.pid")
echo "Piggy on :$port, embedded PostgreSQL on :$pgport ($(grep -c processor /proc/cpuinfo) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
psql -h localhost -p "$pgport" -U postgres -d piggy -Atc \
  "SELECT 'fsync=' || current_setting('fsync') || ' synchronous_commit=' || current_setting('synchronous_commit')"

java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" io.piggy.loyalty.CreditReceptionBench \
  "http://localhost:$port" "$token" "jdbc:postgresql://localhost:$pgport/piggy?user=postgres" \
  "$seconds" "$clients" "$contacts" "$pid" "$postmaster"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"

# Reference, as in the issue: the classic two-statement transaction (update a balance row, insert a
# ledger row) under pgbench, same server, same clients; spread over the contacts and on one row.
if command -v pgbench >/dev/null && [ "${BENCH_PHASES:-}" != http ]; then
  psql -q -h localhost -p "$pgport" -U postgres -d piggy <<SQL
CREATE TABLE bench_balances (id int PRIMARY KEY, balance bigint NOT NULL);
INSERT INTO bench_balances SELECT g, 0 FROM generate_series(1, $contacts) g;
CREATE TABLE bench_ledger (id bigserial PRIMARY KEY, contact int NOT NULL, credits bigint NOT NULL,
                           created_at timestamptz NOT NULL);
SQL
  printf '%s\n' "\\set c random(1, $contacts)" 'BEGIN;' \
    'UPDATE bench_balances SET balance = balance + 1 WHERE id = :c;' \
    'INSERT INTO bench_ledger (contact, credits, created_at) VALUES (:c, 1, now());' 'COMMIT;' >"$dir/spread.sql"
  printf '%s\n' 'BEGIN;' 'UPDATE bench_balances SET balance = balance + 1 WHERE id = 1;' \
    'INSERT INTO bench_ledger (contact, credits, created_at) VALUES (1, 1, now());' 'COMMIT;' >"$dir/hot.sql"
  for script in spread hot; do
    printf 'pgbench classic transaction, %-7s ' "$script:"
    pgbench -n -h localhost -p "$pgport" -U postgres -c "$clients" -j 2 -T "$seconds" -f "$dir/$script.sql" piggy 2>&1 \
      | grep -E '^(tps|latency average)' | tr '\n' ' '
    echo
  done
fi
echo "load after pgbench: $(cut -d' ' -f1-3 /proc/loadavg)"
