#!/usr/bin/env bash
# Starts and stops the real servers the test suite talks to, all on 127.0.0.1 and on ports the kernel
# picks, with every file under one folder:
#
#   scripts/test-servers.sh start BASE_DIR   # installs what is missing, starts every server module,
#                                            # writes BASE_DIR/servers.env
#   . BASE_DIR/servers.env                   # the TRIAGE_TEST_* addresses each module exports
#   scripts/test-servers.sh env BASE_DIR     # prints those exports
#   scripts/test-servers.sh stop BASE_DIR    # stops them all (in reverse order) and waits for their ports to close
#
# Each server (or group of servers that belong together) is one module, scripts/servers/NN-NAME.sh,
# started in the order of NN. A module defines:
#   NAME_packages          prints the Debian packages it needs (installed once, with the others, when missing)
#   NAME_start BASE        starts its servers under BASE/NAME and appends its exports to BASE/servers.env
#   NAME_stop BASE         stops them; it must succeed when they never started
# and may use the helpers below (free_ports, wait_open, wait_closed, stop_one, die).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
SERVERS="$HERE/servers"
PATH="$PATH:/usr/sbin:/sbin"
READY_TIMEOUT_SECONDS=20

usage() {
    echo "usage: $0 start|stop|env BASE_DIR" >&2
    exit 2
}

die() {
    echo "test-servers: $*" >&2
    exit 1
}

# Asks the kernel for `count` ports that are free right now, distinct because all are bound at once.
free_ports() {
    python3 -c 'import socket,sys
sockets = [socket.socket() for _ in range(int(sys.argv[1]))]
for s in sockets: s.bind(("127.0.0.1", 0))
print(" ".join(str(s.getsockname()[1]) for s in sockets))' "$1"
}

port_open() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Polls until a port accepts connections, failing early if the server's process is gone.
wait_open() {
    local port="$1" pid="$2" name="$3" log="$4" deadline=$((SECONDS + READY_TIMEOUT_SECONDS))
    until port_open "$port"; do
        if ! kill -0 "$pid" 2>/dev/null; then
            cat "$log" >&2 || true
            die "$name exited before listening on port $port (log: $log)"
        fi
        ((SECONDS < deadline)) || die "$name did not listen on port $port within ${READY_TIMEOUT_SECONDS}s (log: $log)"
        sleep 0.05
    done
}

# Polls until a port refuses connections: a killed server may linger as <defunct>, so its PID proves nothing.
wait_closed() {
    local port="$1" name="$2" deadline=$((SECONDS + READY_TIMEOUT_SECONDS))
    while port_open "$port"; do
        ((SECONDS < deadline)) || die "$name still listens on port $port after ${READY_TIMEOUT_SECONDS}s"
        sleep 0.05
    done
}

# Stops one server by its pidfile with `signal`, then waits for `port` (when known) to close.
stop_one() {
    local pidfile="$1" signal="$2" port="$3" name="$4"
    [[ -f "$pidfile" ]] || return 0
    kill "-$signal" "$(cat "$pidfile")" 2>/dev/null || true
    [[ -n "$port" ]] && wait_closed "$port" "$name"
    rm -f "$pidfile"
}

# The modules' names in start order: scripts/servers/10-web.sh gives "web".
MODULES=()
for module_file in "$SERVERS"/[0-9][0-9]-*.sh; do
    # shellcheck disable=SC1090
    . "$module_file"
    module="$(basename "$module_file" .sh)"
    MODULES+=("${module#[0-9][0-9]-}")
done

start() {
    local base="$1" module packages=()
    [[ -f "$base/servers.env" ]] && die "servers already started in $base: run '$0 stop $base' first"
    for module in "${MODULES[@]}"; do
        read -r -a more <<<"$("${module}_packages")"
        packages+=("${more[@]}")
    done
    "$HERE/install-deps.sh" "${packages[@]}"
    mkdir -p "$base"
    base="$(cd "$base" && pwd)"
    : >"$base/servers.env"
    for module in "${MODULES[@]}"; do
        "${module}_start" "$base"
    done
    echo "test servers: ${MODULES[*]} ($base/servers.env)"
}

stop() {
    local base="$1" index
    [[ -d "$base" ]] || return 0
    for ((index = ${#MODULES[@]} - 1; index >= 0; index--)); do
        "${MODULES[index]}_stop" "$base"
    done
    rm -f "$base/servers.env"
}

[[ $# -eq 2 ]] || usage
case "$1" in
    start) start "$2" ;;
    stop) stop "$2" ;;
    env) cat "$2/servers.env" 2>/dev/null || die "no servers.env in $2: run '$0 start $2' first" ;;
    *) usage ;;
esac
