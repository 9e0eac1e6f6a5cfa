#!/usr/bin/env bash
# The end-to-end throughput benchmark: builds in release mode and runs triage-bench (probe,
# detection and stored result for every probe) against the test nginx on 127.0.0.1.
# Extra arguments go to triage-bench, for example: scripts/bench.sh --targets 10000 --duration 30
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release -j 2 --product triage-bench
scripts/with-test-servers.sh bash -c '.build/release/triage-bench --url "$TRIAGE_TEST_NGINX/ok" "$@"' bench "$@"
