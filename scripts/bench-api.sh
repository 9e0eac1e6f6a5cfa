#!/usr/bin/env bash
# The API benchmark: builds `triage` (release unless --debug), makes a store with 10,000 open
# tickets, starts `triage serve` on a free port, and measures GET /api/v1/tickets (a page of 50
# with the total, and a filtered page) with wrk (installed when missing); prints req/s and the
# latency percentiles (p99 among them), and fails if any answer was not a 200.
#   scripts/bench-api.sh [--tickets 10000] [--connections 16] [--seconds 20] [--debug] [--dir .build/api-bench]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/serve-workspace.sh
tickets=10000 connections=16 seconds=20 config=release dir=.build/api-bench
while [ $# -gt 0 ]; do
  case "$1" in
    --tickets) tickets="$2"; shift 2 ;;
    --connections) connections="$2"; shift 2 ;;
    --seconds) seconds="$2"; shift 2 ;;
    --debug) config=debug; shift ;;
    --dir) dir="$2"; shift 2 ;;
    *) echo "unknown option $1; use --tickets N, --connections N, --seconds N, --debug or --dir PATH" >&2; exit 2 ;;
  esac
done
command -v wrk >/dev/null || scripts/install-deps.sh wrk
swift build -c "$config" -j 2 --product triage
triage="$(swift build -c "$config" --show-bin-path)/triage"
rm -rf "$dir"
mkdir -p "$dir/config" "$dir/probes" "$dir/var"
trap '[ -n "${server:-}" ] && kill "$server" 2>/dev/null; rm -rf "$dir"' EXIT
cp config/triage.yml "$dir/config/"
printf 'customer: acme\nsites:\n  - name: www\n    url: http://127.0.0.1:9/\n' >"$dir/probes/acme.yml"
run() { "$triage" "$@" --config "$dir/config/triage.yml" --probes "$dir/probes" --store "$dir/var/triage.sqlite"; }
printf 'bench password\n' | run users add bench --role manager >/dev/null
token=$(run users token bench)
now=$(date +%s%3N)
sqlite3 "$dir/var/triage.sqlite" <<SQL
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $tickets)
INSERT INTO tickets (code, status, source, customer, target_id, summary, opened_at, deadline)
SELECT CASE i % 4 WHEN 0 THEN 'RED' WHEN 1 THEN 'YELLOW' WHEN 2 THEN 'GREEN' ELSE 'WHITE' END, 'open', 'manual',
       'customer-' || (i % 100), 'customer-' || (i % 100) || '/www', 'ticket ' || i, $now - i * 1000, $now + 3600000
FROM n;
SQL
echo "store: $(sqlite3 "$dir/var/triage.sqlite" "SELECT count(*) FROM tickets WHERE status = 'open'") open tickets ($config build)"
serve_workspace "$triage" "$dir"
base="http://127.0.0.1:$port/api/v1"
# Two wrk threads (one per core of the reference machine), keep-alive connections, closed loop.
load() {
  local report
  report=$(wrk --threads 2 --connections "$connections" --duration "${seconds}s" --latency \
    --header "Authorization: Bearer $token" "$1")
  echo "$report"
  if grep -q "Non-2xx or 3xx responses" <<<"$report"; then
    echo "some answers were not 200: the figures above do not count" >&2
    exit 1
  fi
}
echo "GET /api/v1/tickets (first page of 50, with the total):"
load "$base/tickets"
echo "GET /api/v1/tickets?code=RED&customer=customer-8&offset=20 (filtered page):"
load "$base/tickets?code=RED&customer=customer-8&offset=20"
kill -TERM "$server"
wait "$server" || true
server=
