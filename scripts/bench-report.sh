#!/usr/bin/env bash
# The report benchmark: builds in release mode, generates a workspace with a month of
# minute-by-minute results for 1,000 sites (about 43 million rows, with outages, gaps and their
# incidents), times the roll-up of it, then times the real `triage report` commands on it and
# prints their wall time and peak memory (GNU time).
#   scripts/bench-report.sh [--sites 1000] [--days 30] [--dir .build/report-bench] [--keep]
set -euo pipefail
cd "$(dirname "$0")/.."
sites=1000 days=30 dir=.build/report-bench keep=0
while [ $# -gt 0 ]; do
  case "$1" in
    --sites) sites="$2"; shift 2 ;;
    --days) days="$2"; shift 2 ;;
    --dir) dir="$2"; shift 2 ;;
    --keep) keep=1; shift ;;
    *) echo "unknown option $1; use --sites N, --days N, --dir PATH or --keep" >&2; exit 2 ;;
  esac
done
scripts/install-deps.sh time
swift build -c release -j 2 --product triage
swift build -c release -j 2 --product triage-report-bench
rm -rf "$dir"
[ "$keep" = 1 ] || trap 'rm -rf "$dir"' EXIT
.build/release/triage-report-bench generate --dir "$dir" --sites "$sites" --days "$days" | tee "$dir.log"
period=$(sed -n 's/^report period: //p' "$dir.log")
rm -f "$dir.log"
.build/release/triage-report-bench rollup --dir "$dir" | tail -1
echo "store: $(du -sh "$dir/var" | cut -f1) on disk"
report() {
  local label="$1"; shift
  # shellcheck disable=SC2086
  /usr/bin/time -f "$label: %e s wall, %M KB peak RSS" .build/release/triage report "$@" $period \
    --config "$dir/config/triage.yml" --probes "$dir/probes" --store "$dir/var/triage.sqlite" >"$dir/out" 2>"$dir/err" \
    || { cat "$dir/err" >&2; exit 1; }
  tail -1 "$dir/err"
}
report "triage report uptime (text)" uptime
report "triage report response-times (csv)" response-times --format csv
report "triage report (every part, json)" all --format json
report "triage report uptime --customer customer-001" uptime --customer customer-001
