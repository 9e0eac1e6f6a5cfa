#!/usr/bin/env bash
# The dashboard benchmark: builds `triage` (release unless --debug), makes a configuration of
# 10,000 sites (100 customers of 100) with a recent result each and 10,000 open tickets, starts
# `triage serve`, logs in as a browser does, and times the pages an operator opens: the queue,
# the site board's first page, and the board filtered by state (which reads every site's state).
# Prints each page's server time over --requests requests (median and worst, from curl).
#   scripts/bench-dashboard.sh [--sites 10000] [--requests 20] [--debug] [--dir .build/dashboard-bench]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/serve-workspace.sh
sites=10000 requests=20 config=release dir=.build/dashboard-bench
while [ $# -gt 0 ]; do
  case "$1" in
    --sites) sites="$2"; shift 2 ;;
    --requests) requests="$2"; shift 2 ;;
    --debug) config=debug; shift ;;
    --dir) dir="$2"; shift 2 ;;
    *) echo "unknown option $1; use --sites N, --requests N, --debug or --dir PATH" >&2; exit 2 ;;
  esac
done
swift build -c "$config" -j 2 --product triage
triage="$(swift build -c "$config" --show-bin-path)/triage"
rm -rf "$dir"
mkdir -p "$dir/config" "$dir/probes" "$dir/var"
trap '[ -n "${server:-}" ] && kill "$server" 2>/dev/null; rm -rf "$dir"' EXIT
cp config/triage.yml "$dir/config/"
customers=$(( (sites + 99) / 100 ))
for c in $(seq 1 "$customers"); do
  {
    printf 'customer: customer-%d\nsites:\n' "$c"
    for s in $(seq 1 100); do printf '  - name: site-%d\n    url: http://127.0.0.1:9/%d\n' "$s" "$s"; done
  } >"$dir/probes/customer-$c.yml"
done
run() { "$triage" "$@" --config "$dir/config/triage.yml" --probes "$dir/probes" --store "$dir/var/triage.sqlite"; }
printf 'bench password\n' | run users add bench --role ops >/dev/null
now=$(date +%s%3N)
sqlite3 "$dir/var/triage.sqlite" <<SQL
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < $sites - 1)
INSERT INTO probe_results (check_id, started_at, outcome, failure, reason, status_code, dns, connect, tls, first_byte, total, bytes)
SELECT 'customer-' || (i / 100 + 1) || '/site-' || (i % 100 + 1) || '/http', $now - 30000,
       CASE WHEN i % 50 = 0 THEN 'down' ELSE 'up' END, NULL, 'HTTP 200', 200, 0.001, 0.002, 0, 0.05, 0.08, 5120
FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $sites)
INSERT INTO tickets (code, status, source, customer, target_id, summary, opened_at, deadline)
SELECT CASE i % 4 WHEN 0 THEN 'RED' WHEN 1 THEN 'YELLOW' WHEN 2 THEN 'GREEN' ELSE 'WHITE' END, 'open', 'manual',
       'customer-' || (i % 100 + 1), 'customer-' || (i % 100 + 1) || '/site-1', 'ticket ' || i, $now - i * 1000, $now + 3600000
FROM n;
SQL
echo "$(ls "$dir/probes" | wc -l) probe files, $sites sites; $(sqlite3 "$dir/var/triage.sqlite" "SELECT count(*) FROM tickets WHERE status = 'open'") open tickets ($config build)"
serve_workspace "$triage" "$dir"
base="http://127.0.0.1:$port"
jar="$dir/cookies"
status=$(curl -s -o /dev/null -w '%{http_code}' -c "$jar" -d 'username=bench&password=bench+password' "$base/login")
[ "$status" = 303 ] || { echo "login answered $status" >&2; exit 1; }
time_page() {
  local times
  times=$(for _ in $(seq 1 "$requests"); do
    curl -s -o /dev/null -b "$jar" -w '%{http_code} %{time_total}\n' "$base$1"
  done)
  if grep -qv '^200 ' <<<"$times"; then echo "GET $1 answered other than 200: $(grep -v '^200 ' <<<"$times" | head -1)" >&2; exit 1; fi
  cut -d' ' -f2 <<<"$times" | sort -n | awk -v page="$1" '{ t[NR] = $1 } END {
    printf "GET %-28s median %6.1f ms   worst %6.1f ms   (%d requests)\n", page, t[int((NR + 1) / 2)] * 1000, t[NR] * 1000, NR }'
}
time_page "/"
time_page "/sites"
time_page "/sites?status=down"
time_page "/sites?customer=customer-7"
kill -TERM "$server"
wait "$server" || true
server=
