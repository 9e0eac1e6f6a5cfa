#!/usr/bin/env bash
# The main job: runs Triage on the embedded SQLite store (var/triage.sqlite) until Ctrl-C.
# Installs what is missing, builds, starts the local demo sites that probes/demo.yml watches
# (skip them with TRIAGE_DEMO_SITES=0 once probes/ holds your own sites), and runs `triage run`.
# Extra arguments go to `triage run` (for example --log-level debug).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift build -c release -j 2 --product triage
demo=var/demo-sites
if [ "${TRIAGE_DEMO_SITES:-1}" != 0 ]; then
  scripts/demo-sites.sh start "$demo"
  trap 'scripts/demo-sites.sh stop "$demo"' EXIT
fi
echo "Triage is running; in another terminal: .build/release/triage tickets list   (Ctrl-C stops)" >&2
.build/release/triage run "$@"
