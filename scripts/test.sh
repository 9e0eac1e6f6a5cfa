#!/usr/bin/env bash
# The whole test suite. Installs what is missing (Debian packages), starts the real test servers
# on 127.0.0.1 (nginx and a small misbehaving upstream, see scripts/test-servers.sh), runs every
# test, and stops the servers, whatever the outcome. Extra arguments go to `swift test`
# (for example --filter DetectionTests).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh test
base=$(mktemp -d /tmp/triage-test.XXXXXX)
# nginx workers run as an unprivileged user: they must be able to read the servers folder.
chmod 755 "$base"
cleanup() {
  scripts/test-servers.sh stop "$base" || true
  rm -rf "$base"
}
trap cleanup EXIT
scripts/test-servers.sh start "$base"
# shellcheck disable=SC1091
. "$base/servers.env"
swift build -j 2 --build-tests
TRIAGE_TEST_BIN_DIR=$(swift build --show-bin-path)
export TRIAGE_TEST_BIN_DIR
swift test -j 2 --skip-build "$@"
