#!/usr/bin/env bash
# GET /vouchers on a large account: page 1 and the total of the common listings (by promotion, by
# contact, by status, whole account) with up to 1,000,000 vouchers, 99 % of them in one promotion.
# Creates its own PostgreSQL (system initdb/pg_ctl, PostgreSQL >= 15, with auto_explain) in a temp
# directory, starts Piggy (target/piggy.jar) against it, loads the vouchers with one
# INSERT … SELECT generate_series (not the API), then times each listing over HTTP with curl
# (sequential, one connection) and prints the plan PostgreSQL ran for its queries (auto_explain,
# EXPLAIN ANALYZE of the very statements Piggy sends).
# Usage (after mvn -DskipTests package): bench/voucher-listing.sh [vouchers, at most 1000000] [requests per listing]
#        BENCH_JAR=other.jar bench/voucher-listing.sh …   measures another build (e.g. the one before a change)
set -euo pipefail
cd "$(dirname "$0")/.."
vouchers=${1:-1000000}
requests=${2:-20}
if [ "$vouchers" -gt 1000000 ] || [ "$vouchers" -lt 10000 ]; then
  echo "vouchers must be between 10,000 and 1,000,000" >&2; exit 1
fi
if [ "$requests" -gt 200 ] || [ "$requests" -lt 1 ]; then
  echo "requests must be between 1 and 200" >&2; exit 1
fi
pg_port=${BENCH_PG_PORT:-55791}
port=${BENCH_PORT:-18391}
token=bench-listing-token
pg_bin=$(dirname "$(readlink -f "$(command -v pg_ctl)")")
jar=${BENCH_JAR:-target/piggy.jar}
[ -f "$jar" ] || mvn -B -q -DskipTests package

. bench/scratch-postgres.sh   # cwd is the project root
. bench/wait-for-piggy.sh
as_pg "$pg_bin/initdb" -D "$work/pg" -U postgres --auth=trust >/dev/null
as_pg "$pg_bin/pg_ctl" -D "$work/pg" -l "$work/pg/server.log" -w \
  -o "-p $pg_port -c listen_addresses=localhost -c shared_buffers=512MB -c max_connections=100 \
      -c shared_preload_libraries=auto_explain -c auto_explain.log_analyze=on -c auto_explain.log_buffers=on" \
  start >/dev/null
psql -h localhost -p "$pg_port" -U postgres -qc "CREATE DATABASE piggy_bench"

echo "== Piggy on port $port"
PIGGY_DATABASE_URL="jdbc:postgresql://localhost:$pg_port/piggy_bench" PIGGY_DATABASE_USER=postgres \
PIGGY_BOOTSTRAP_TOKEN=$token PIGGY_RATE_LIMIT_PER_MINUTE=100000000 PIGGY_DATA_DIR="$work/data" SERVER_PORT=$port \
  java ${BENCH_JAVA_OPTS:-} -jar "$jar" >"$work/piggy.log" 2>&1 &
piggy_pid=$!
wait_for_piggy "$port" "$piggy_pid" "$work/piggy.log"
api="http://localhost:$port/api/v3/oauth/clients"
auth=(-H "Authorization: Bearer $token" -H "Accept: application/json")
json_uuid() { sed -E 's/.*"uuid":"([0-9a-f-]{36})".*/\1/'; }
big=$(curl -sf "${auth[@]}" -d name=Big -d description='One million codes' "$api/promotions" | json_uuid)
small=$(curl -sf "${auth[@]}" -d name=Small -d description='A small one' "$api/promotions" | json_uuid)
account=$(psql_bench -c "SELECT account_id FROM access_tokens ORDER BY created_at LIMIT 1")

# 99 % in the big promotion, 1 % in the small one, statuses laid out over the ids (creation order)
# as use leaves them: 10 % of the vouchers belong to one of 1,000 contacts; spread out, 5 % REDEEMED
# (with their redemption rows), 0.1 % DEACTIVATED and 0.01 % LOCKED; the oldest 2 % EXPIRED; the
# newest 0.1 % INACTIVE (made ahead of their campaign); the rest ACTIVE.
echo "== Loading $vouchers vouchers into account $account"
start=$(date +%s)
psql_bench <<SQL
INSERT INTO contacts (account_id, id, email, email_key, channel, attributes, created_at, updated_at)
SELECT '$account', ('00000000-0000-7000-9000-' || lpad(to_hex(g), 12, '0'))::uuid, 'c' || g || '@example.com',
       'c' || g || '@example.com', 'OAUTH_API', '{}'::jsonb, now(), now()
FROM generate_series(1, 1000) AS g;
INSERT INTO vouchers (account_id, id, code, promotion_id, contact_id, deactivated, activation_date, expiration_date,
                      redemptions_allowed, times_redeemed, redeemed_at, release_key, locked_at, lock_release_at,
                      created_at, updated_at)
SELECT '$account', ('00000000-0000-7000-8000-' || lpad(to_hex(g), 12, '0'))::uuid, 'BENCH-' || g,
       CASE WHEN g % 100 = 7 THEN '$small'::uuid ELSE '$big'::uuid END,
       CASE WHEN g % 10 = 0 THEN ('00000000-0000-7000-9000-' || lpad(to_hex(1 + (g / 10) % 1000), 12, '0'))::uuid END,
       g % 1000 = 2,
       CASE WHEN g > $vouchers - $vouchers / 1000 THEN now() + interval '30 days' END,
       CASE WHEN g <= $vouchers / 50 THEN now() - interval '1 day' WHEN g % 2 = 0 THEN now() + interval '365 days' END,
       1, CASE WHEN g % 20 = 1 THEN 1 ELSE 0 END, CASE WHEN g % 20 = 1 THEN now() END,
       CASE WHEN g % 10000 = 5 THEN md5(g::text) END, CASE WHEN g % 10000 = 5 THEN now() END,
       CASE WHEN g % 10000 = 5 THEN now() + interval '1 hour' END,
       now() - make_interval(secs => $vouchers - g), now()
FROM generate_series(1, $vouchers) AS g;
INSERT INTO voucher_redemptions (account_id, id, voucher_id, promotion_id, contact_id, times, created_at)
SELECT account_id, ('00000000-0000-7000-a000-' || substr(id::text, 25))::uuid, id, promotion_id,
       COALESCE(contact_id, '00000000-0000-7000-9000-000000000001'), 1, redeemed_at
FROM vouchers WHERE account_id = '$account' AND times_redeemed > 0;
UPDATE promotions p SET voucher_count = (SELECT count(*) FROM vouchers v WHERE v.account_id = p.account_id
                                         AND v.promotion_id = p.id) WHERE account_id = '$account';
-- the voucher counter of the listing's totals (absent before it existed: the script measures both)
DO \$\$ BEGIN
  IF EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = 'promotions' AND column_name = 'vouchers_created')
  THEN EXECUTE 'UPDATE promotions SET vouchers_created = voucher_count';
  END IF;
END \$\$;
VACUUM ANALYZE;
SQL
echo "loaded in $(( $(date +%s) - start )) s; $(psql_bench -c "SELECT count(*) FROM vouchers") vouchers," \
     "$(psql_bench -c "SELECT pg_size_pretty(pg_total_relation_size('vouchers'))") with indexes"
contact=00000000-0000-7000-9000-000000000001

listings=(
  "by promotion|promotion_uuid=$big"
  "by promotion, page 100|promotion_uuid=$big&page=100"
  "small promotion|promotion_uuid=$small"
  "by contact|contact_uuid=$contact"
  "whole account|"
  "status ACTIVE|status=ACTIVE"
  "status REDEEMED|status=REDEEMED"
  "status EXPIRED|status=EXPIRED"
  "status INACTIVE|status=INACTIVE"
  "status DEACTIVATED|status=DEACTIVATED"
  "status LOCKED|status=LOCKED"
  "promotion + REDEEMED|promotion_uuid=$big&status=REDEEMED"
  "promotion + DEACTIVATED|promotion_uuid=$big&status=DEACTIVATED"
  "contact + ACTIVE|contact_uuid=$contact&status=ACTIVE"
)
echo "== Warm-up: every listing 10 times"
for _ in $(seq 1 10); do
  for entry in "${listings[@]}"; do curl -sf "${auth[@]}" -o /dev/null "$api/vouchers?${entry#*|}"; done
done
echo "== Machine load before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-26s %10s %10s %10s %10s\n' "listing (limit 30)" total p50_ms p95_ms max_ms
for entry in "${listings[@]}"; do
  name=${entry%%|*}
  query=${entry#*|}
  url="$api/vouchers?$query"
  total=$(curl -sf "${auth[@]}" "$url" | sed -E 's/.*"total":([0-9]+).*/\1/')
  # one curl, one keep-alive connection, $requests sequential requests
  urls=()
  for _ in $(seq 1 "$requests"); do urls+=(-o /dev/null "$url"); done
  times=$(curl -sf "${auth[@]}" -w '%{time_total}\n' "${urls[@]}" | sort -n)
  pick() { awk -v q="$1" '{a[NR]=$1} END {i=int(NR*q+0.999); if (i<1) i=1; printf "%.1f", a[i]*1000}' <<<"$times"; }
  printf '%-26s %10s %10s %10s %10s\n' "$name" "$total" "$(pick 0.5)" "$(pick 0.95)" "$(pick 1)"
done
echo "== Machine load after: $(cut -d' ' -f1-3 /proc/loadavg)"

echo "== Plans of the listing statements (auto_explain, one request each)"
psql_bench -c "ALTER SYSTEM SET auto_explain.log_min_duration = 0" -c "SELECT pg_reload_conf()" >/dev/null
sleep 1
: >"$work/pg/server.log"
for entry in "${listings[@]}"; do
  name=${entry%%|*}
  echo "-- $name" >>"$work/pg/server.log"
  curl -sf "${auth[@]}" -o /dev/null "$api/vouchers?${entry#*|}"
  sleep 0.2
done
psql_bench -c "ALTER SYSTEM RESET auto_explain.log_min_duration" -c "SELECT pg_reload_conf()" >/dev/null
# keep only the plans of statements on vouchers (not the token, promotion or contact lookups)
awk '/^-- / {print; next}
     /^[0-9][0-9][0-9][0-9]-/ {if (blk ~ /FROM vouchers v/) print blk; blk = ""; if ($0 ~ /plan:/) blk = $0; next}
     blk != "" {blk = blk "\n" $0}
     END {if (blk ~ /FROM vouchers v/) print blk}' "$work/pg/server.log"
