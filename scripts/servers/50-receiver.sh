# shellcheck shell=bash
# Module of scripts/test-servers.sh: a webhook receiver (receiver/receiver.py) that records the
# requests the alerting tests' channels send, per hook name, and can answer 503 on demand. Exports:
#   TRIAGE_TEST_RECEIVER (http://127.0.0.1:PORT)

receiver_packages() {
    echo python3
}

receiver_start() {
    local base="$1" port
    read -r port <<<"$(free_ports 1)"
    python3 "$SERVERS/receiver/receiver.py" "$port" >"$base/receiver.log" 2>&1 &
    echo $! >"$base/receiver.pid"
    wait_open "$port" "$(cat "$base/receiver.pid")" receiver "$base/receiver.log"
    echo "export TRIAGE_TEST_RECEIVER=http://127.0.0.1:$port" >>"$base/servers.env"
}

receiver_stop() {
    local base="$1" port=""
    [[ -f "$base/servers.env" ]] && port="$(sed -n 's|^export TRIAGE_TEST_RECEIVER=http://127.0.0.1:||p' "$base/servers.env")"
    stop_one "$base/receiver.pid" TERM "$port" receiver
}
