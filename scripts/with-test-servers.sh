#!/usr/bin/env bash
# Runs a command with the real test servers up: installs what is missing, starts every server module
# of scripts/test-servers.sh on 127.0.0.1, exports their addresses (the TRIAGE_TEST_* variables listed
# in each scripts/servers/NN-NAME.sh), runs the command, and stops the servers whatever its outcome.
# Its exit status is the command's.
#   scripts/with-test-servers.sh COMMAND [ARGS...]
set -euo pipefail
cd "$(dirname "$0")/.."
base=$(mktemp -d /tmp/triage-servers.XXXXXX)
# nginx workers run as an unprivileged user: they must be able to read the servers folder.
chmod 755 "$base"
cleanup() {
  scripts/test-servers.sh stop "$base" >/dev/null 2>&1 || true
  rm -rf "$base"
}
trap cleanup EXIT
scripts/test-servers.sh start "$base" >/dev/null
# shellcheck disable=SC1091
. "$base/servers.env"
"$@"
