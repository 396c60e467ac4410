#!/usr/bin/env bash
# PostgreSQL's own ceiling for buy now: `crossborder bench checkout` on a fresh database, then
# pgbench running one order's statements (buy-now.sql) on the same database, cluster and
# connections, and the ratio of the two. Needs a running cluster, pgbench and
# `swift build -c release`.
#   PGHOST (/tmp), PGPORT (55432), DATABASE (bench), CONNECTIONS (32), SECONDS_OF_BUYING (15),
#   BUYERS_COUNT (300), GROUP_COMMIT (auto), CROSSBORDER_BIN
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=${CROSSBORDER_BIN:-.build/release/crossborder}
export PGHOST=${PGHOST:-/tmp} PGPORT=${PGPORT:-55432} PGUSER=${PGUSER:-postgres}
database=${DATABASE:-bench}
connections=${CONNECTIONS:-32}
seconds=${SECONDS_OF_BUYING:-15}
buyers=${BUYERS_COUNT:-300}

psql -q -d postgres -c "DROP DATABASE IF EXISTS $database" -c "CREATE DATABASE $database"
echo "== crossborder bench checkout, $connections connections, $seconds s, group commit ${GROUP_COMMIT:-auto}"
"$bin" bench checkout --database-url "postgres://$PGUSER@127.0.0.1:$PGPORT/$database" --buyers "$buyers" --seconds "$seconds" \
  --connections "$connections" --group-commit "${GROUP_COMMIT:-auto}" --json | tee /tmp/pgbench-crossborder.json
orders=$(python3 -c 'import json, sys; print(json.load(open("/tmp/pgbench-crossborder.json"))["orders_per_s"])')

# The buyers the bench made, numbered for the script; stock and allowances that will not run out.
psql -q -d "$database" <<'SQL'
CREATE TABLE pgbench_buyers AS
  SELECT row_number() OVER (ORDER BY c.id) AS n, s.token_hash, c.id AS consumer_id,
         (SELECT a.id FROM addresses a WHERE a.consumer_id = c.id LIMIT 1) AS address_id, i.id_fingerprint AS fingerprint
  FROM consumers c JOIN sessions s ON s.consumer_id = c.id JOIN buyer_identities i ON i.consumer_id = c.id;
ALTER TABLE pgbench_buyers ADD PRIMARY KEY (n);
UPDATE skus SET on_hand = 1000000000 WHERE id = 'pp-almonds-1';
SQL
count=$(psql -qtA -d "$database" -c "SELECT COUNT(*) FROM pgbench_buyers")
echo "== pgbench, one order's statements, $connections connections, $seconds s, $count buyers"
pgbench -n -M simple -c "$connections" -j 2 -T "$seconds" -D buyers="$count" -f Benchmarks/pgbench/buy-now.sql "$database" | tee /tmp/pgbench.txt
tps=$(awk '/^tps = / {print $3; exit}' /tmp/pgbench.txt)
deadlocks=$(psql -qtA -d "$database" -c "SELECT deadlocks FROM pg_stat_database WHERE datname = '$database'")
echo "orders_per_s $orders  pgbench_orders_per_s $tps  ratio $(awk -v o="$orders" -v t="$tps" 'BEGIN {printf "%.3f", o / t}')  deadlocks $deadlocks"
