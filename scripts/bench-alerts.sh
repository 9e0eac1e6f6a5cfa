#!/usr/bin/env bash
# The alerting latency benchmark: builds in release mode and runs triage-alert-bench (RED
# incidents raised at a steady rate, each to a webhook on the local test receiver), printing
# p50, p90, p99 and the maximum time from detection to the webhook's arrival.
# Extra arguments go to triage-alert-bench, for example:
#   scripts/bench-alerts.sh --incidents 1000 --rate 100
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release -j 2 --product triage-alert-bench
scripts/with-test-servers.sh .build/release/triage-alert-bench "$@"
