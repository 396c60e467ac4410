#!/usr/bin/env bash
# Confirms `crossborder bench checkout` with an outside tool: prepares verified buyers in a
# scratch SQLite file, serves it with the release build, drives POST /api/v1/me/buy-now with
# wrk (buy-now.lua), then wrk on /healthz against the same server, and prints both and their
# ratio. Needs wrk (Debian: apt-get install wrk) and `swift build -c release`.
#   CONNECTIONS (64), SECONDS_OF_BUYING (15), BUYERS_COUNT (400), CROSSBORDER_BIN
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=${CROSSBORDER_BIN:-.build/release/crossborder}
connections=${CONNECTIONS:-64}
seconds=${SECONDS_OF_BUYING:-15}
buyers=${BUYERS_COUNT:-400}
work=$(mktemp -d /tmp/crossborder-wrk-XXXXXX)
cleanup() { [ -n "${server:-}" ] && kill "$server" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

"$bin" bench checkout --database-url "sqlite:$work/wrk.sqlite" --buyers "$buyers" --prepare-only "$work/buyers.lua"
key=$(sed -n 's/^data_key = "\(.*\)"$/\1/p' "$work/buyers.lua")
"$bin" serve --port 0 --database-url "sqlite:$work/wrk.sqlite" --data-key "$key" --ops-token wrk --no-rate-feed \
  --channel-delay-ms 0 >"$work/serve.log" 2>&1 &
server=$!
base=""
for _ in $(seq 1 120); do
  base=$(grep -o 'http://127.0.0.1:[0-9]*' "$work/serve.log" | head -n 1 || true)
  [ -n "$base" ] && break
  sleep 0.5
done
[ -n "$base" ] || { cat "$work/serve.log"; echo "the server did not start"; exit 1; }

echo "== buy now, $connections connections, $seconds s"
BUYERS="$work/buyers.lua" wrk -t2 -c"$connections" -d"${seconds}s" --latency -s Benchmarks/wrk/buy-now.lua "$base" | tee "$work/buy.txt"
echo "== /healthz, the same server and connections"
wrk -t2 -c"$connections" -d5s --latency "$base/healthz" | tee "$work/health.txt"
orders=$(awk '/^orders_per_s/ {print $2}' "$work/buy.txt")
health=$(awk '/^Requests\/sec:/ {print $2}' "$work/health.txt")
echo "orders_per_s $orders  healthz_per_s $health  ratio $(awk -v o="$orders" -v h="$health" 'BEGIN {printf "%.3f", o / h}')"
