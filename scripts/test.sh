#!/usr/bin/env bash
# The whole test suite. Installs what is missing (Debian packages), starts the real test servers
# on 127.0.0.1 (nginx and a small misbehaving upstream), builds, runs every test, and stops the
# servers whatever the outcome. Extra arguments go to `swift test` (for example --filter DetectionTests).
set -euo pipefail
cd "$(dirname "$0")/.."
run_tests() {
  swift build -j 2 --build-tests
  TRIAGE_TEST_BIN_DIR=$(swift build --show-bin-path)
  export TRIAGE_TEST_BIN_DIR
  if [ $# -gt 0 ]; then
    swift test -j 2 --skip-build "$@"
    return
  fi
  # The suites that start several triage processes (or a PostgreSQL cluster of their own) keep both
  # cores busy for a minute: they run after the others, so the timing bounds of the fast tests
  # (a refused port answered at once, transfers side by side) measure the code, not the crowd.
  local heavy='NodesTests|StoreLossTests|PostgresRestartTests|ReloadTests|UsersCommandTests|InboundReloadTests|PostgresNodeEvidenceTests|DaemonTests'
  local status=0
  swift test -j 2 --skip-build --skip "$heavy" || status=$?
  swift test -j 2 --skip-build --filter "$heavy" || status=$?
  return $status
}
export -f run_tests
scripts/with-test-servers.sh bash -c 'run_tests "$@"' run_tests "$@"
