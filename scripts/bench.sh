#!/usr/bin/env bash
# The end-to-end throughput benchmark: starts the test nginx on 127.0.0.1, builds in release mode,
# and runs triage-bench (probe, detection and stored result for every probe) against it.
# Extra arguments go to triage-bench, for example: scripts/bench.sh --targets 10000 --duration 30
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh test
base=$(mktemp -d /tmp/triage-bench.XXXXXX)
chmod 755 "$base"
cleanup() {
  scripts/test-servers.sh stop "$base" >/dev/null 2>&1 || true
  rm -rf "$base"
}
trap cleanup EXIT
scripts/test-servers.sh start "$base" >/dev/null
# shellcheck disable=SC1091
. "$base/servers.env"
swift build -c release -j 2 --product triage-bench
.build/release/triage-bench --url "$TRIAGE_TEST_NGINX/ok" "$@"
