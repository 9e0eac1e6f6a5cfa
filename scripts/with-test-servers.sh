#!/usr/bin/env bash
# Runs a command with the real test servers up: installs what is missing, starts nginx and the
# misbehaving upstream on 127.0.0.1 (scripts/test-servers.sh), exports their addresses
# (TRIAGE_TEST_NGINX, TRIAGE_TEST_UPSTREAM, TRIAGE_TEST_CLOSED_PORT, the TRIAGE_TEST_HTTPS_* sites and
# TRIAGE_TEST_CA_FILE), runs the command, and stops
# the servers whatever its outcome. Its exit status is the command's.
#   scripts/with-test-servers.sh COMMAND [ARGS...]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
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
