# shellcheck shell=bash
# Sourced by the HTTP benchmarks: starts `triage serve` on a free port of 127.0.0.1 over a bench
# workspace and waits until it listens. Sets `server` (its PID, for `kill`) and `port`.
#   serve_workspace TRIAGE_BINARY DIR
serve_workspace() {
  local triage="$1" dir="$2"
  # Started directly: a shell function run in the background is a subshell, whose PID is not the server's.
  "$triage" serve --http 127.0.0.1:0 --config "$dir/config/triage.yml" --probes "$dir/probes" --store "$dir/var/triage.sqlite" \
    2>"$dir/serve.log" &
  server=$!
  port=
  for _ in $(seq 1 600); do
    port=$(grep api.listening "$dir/serve.log" | sed -n 's/.*http\.port=\([0-9]*\).*/\1/p' | head -1 || true)
    [ -n "$port" ] && return 0
    sleep 0.1
  done
  cat "$dir/serve.log" >&2
  return 1
}
