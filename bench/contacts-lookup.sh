#!/usr/bin/env bash
# GET /contacts/{uuid} and GET /contacts/find-one-by with 1,000,000 contacts in one account.
# Creates its own PostgreSQL (system initdb/pg_ctl, PostgreSQL >= 15) in a temp directory, starts
# Piggy against it, loads the contacts with SQL (generate_series, not the API), then drives
# localhost load with bench/ContactsLoad.java and reads the server-side latency histogram
# (http.server.requests, from /actuator/prometheus, with extra buckets at 0.5, 2, 3, 4, 5, 6, 8
# and 10 ms for this run only, so "over 5 ms" is counted exactly).
# Usage: bench/contacts-lookup.sh [contacts] [requests per endpoint] [concurrency, or several: "1 4"]
set -euo pipefail
cd "$(dirname "$0")/.."
contacts=${1:-1000000}
requests=${2:-20000}
concurrency=${3:-1 4}
pg_port=${BENCH_PG_PORT:-55781}
port=${BENCH_PORT:-18381}
token=bench-contacts-token
export PIGGY_METRICS_TOKEN=bench-metrics-token   # Piggy serves metrics with it; ContactsLoad reads them with it
pg_bin=$(dirname "$(readlink -f "$(command -v pg_ctl)")")
[ -f target/piggy.jar ] || mvn -B -q -DskipTests package

. bench/scratch-postgres.sh   # cwd is the project root
. bench/wait-for-piggy.sh
as_pg "$pg_bin/initdb" -D "$work/pg" -U postgres --auth=trust >/dev/null
as_pg "$pg_bin/pg_ctl" -D "$work/pg" -l "$work/pg/server.log" -w \
  -o "-p $pg_port -c listen_addresses=localhost -c shared_buffers=1GB -c max_connections=100" start >/dev/null
psql -h localhost -p "$pg_port" -U postgres -qc "CREATE DATABASE piggy_bench"

echo "== Piggy on port $port"
PIGGY_DATABASE_URL="jdbc:postgresql://localhost:$pg_port/piggy_bench" PIGGY_DATABASE_USER=postgres \
PIGGY_BOOTSTRAP_TOKEN=$token PIGGY_RATE_LIMIT_PER_MINUTE=100000000 PIGGY_DATA_DIR="$work/data" SERVER_PORT=$port \
  java ${BENCH_JAVA_OPTS:-} -jar target/piggy.jar \
  --management.metrics.distribution.slo.http.server.requests=500us,2ms,3ms,4ms,5ms,6ms,8ms,10ms \
  >"$work/piggy.log" 2>&1 &
piggy_pid=$!
wait_for_piggy "$port" "$piggy_pid" "$work/piggy.log"
account=$(psql_bench -c "SELECT account_id FROM access_tokens ORDER BY created_at LIMIT 1")

echo "== Loading $contacts contacts into account $account"
start=$(date +%s)
psql_bench <<SQL
INSERT INTO contacts (account_id, id, email, email_key, channel, attributes, created_at, updated_at)
SELECT '$account', gen_random_uuid(), 'bench' || g || '@example.com', 'bench' || g || '@example.com', 'OAUTH_API',
       jsonb_build_object('firstname', 'First' || g, 'lastname', 'Last' || g, 'city', 'City ' || (g % 500)),
       now() - make_interval(secs => $contacts - g), now() - make_interval(secs => $contacts - g)
FROM generate_series(1, $contacts) AS g;
-- every contact has a card; a third chose a subscription; the account has types and tiers
INSERT INTO contact_identifiers (account_id, id, value, name, contact_id, linked_at, created_at, updated_at)
SELECT account_id, gen_random_uuid(), 'CARD-' || display_id, 'card', id, created_at, created_at, created_at FROM contacts;
INSERT INTO subscription_types (account_id, id, name, strategy, created_at) VALUES
  ('$account', gen_random_uuid(), 'Newsletter', 'OPT_IN', now()), ('$account', gen_random_uuid(), 'Service', 'OPT_OUT', now());
INSERT INTO contact_subscriptions (account_id, contact_id, subscription_type_id, status, updated_at)
SELECT c.account_id, c.id, t.id, 'SUBSCRIBED', now() FROM contacts c
JOIN subscription_types t ON t.account_id = c.account_id AND t.name = 'Newsletter' WHERE c.display_id % 3 = 0;
INSERT INTO tiers (account_id, id, name, position, threshold, created_at) VALUES
  ('$account', gen_random_uuid(), 'Bronze', 1, 0, now()), ('$account', gen_random_uuid(), 'Silver', 2, 100, now()),
  ('$account', gen_random_uuid(), 'Gold', 3, 1000, now());
VACUUM ANALYZE;
SQL
echo "loaded in $(( $(date +%s) - start )) s; $(psql_bench -c "SELECT count(*) FROM contacts") contacts"
psql_bench -c "SELECT id || ',' || email FROM contacts ORDER BY random() LIMIT 50000" > "$work/sample.csv"

for c in $concurrency; do
  echo "== Load: $requests requests per endpoint, $c concurrent; machine load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  java bench/ContactsLoad.java "http://localhost:$port" "$token" "$work/sample.csv" "$requests" "$c" "$piggy_pid" piggy_bench
  echo "machine load after: $(cut -d' ' -f1-3 /proc/loadavg)"
done
