#!/usr/bin/env bash
# Starts and stops the real servers the test suite talks to, all on 127.0.0.1 and on ports the kernel
# picks, with every file under one folder:
#
#   scripts/test-servers.sh start BASE_DIR   # installs what is missing, starts nginx and the upstream,
#                                            # writes BASE_DIR/servers.env
#   . BASE_DIR/servers.env                   # TRIAGE_TEST_NGINX, TRIAGE_TEST_UPSTREAM, TRIAGE_TEST_CLOSED_PORT,
#                                            # TRIAGE_TEST_SWITCH_FILE (nginx serves it at /switch)
#   scripts/test-servers.sh env BASE_DIR     # prints those exports
#   scripts/test-servers.sh stop BASE_DIR    # stops both and waits for their ports to close
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

# Installs nginx and python3 from Debian when either is missing.
ensure_packages() {
    if command -v nginx >/dev/null && command -v python3 >/dev/null; then
        return
    fi
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y nginx-light python3
}

# Asks the kernel for a port that is free right now.
free_port() {
    python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'
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

start() {
    local base="$1"
    [[ -f "$base/servers.env" ]] && die "servers already started in $base: run '$0 stop $base' first"
    ensure_packages
    mkdir -p "$base"
    base="$(cd "$base" && pwd)"
    local prefix="$base/nginx"
    mkdir -p "$prefix/logs" "$prefix/html" "$prefix/temp"
    head -c $((5 * 1024 * 1024)) /dev/zero >"$prefix/html/big.bin"

    local nginx_port upstream_port closed_port
    nginx_port="$(free_port)"
    upstream_port="$(free_port)"
    closed_port="$(free_port)"
    while [[ "$upstream_port" == "$nginx_port" ]]; do upstream_port="$(free_port)"; done
    while [[ "$closed_port" == "$nginx_port" || "$closed_port" == "$upstream_port" ]]; do closed_port="$(free_port)"; done

    sed -e "s|@PREFIX@|$prefix|g" \
        -e "s|@NGINX_PORT@|$nginx_port|g" \
        -e "s|@UPSTREAM_PORT@|$upstream_port|g" \
        -e "s|@CLOSED_PORT@|$closed_port|g" \
        "$SERVERS/nginx.conf.template" >"$prefix/nginx.conf"
    nginx -t -q -p "$prefix" -c "$prefix/nginx.conf" -e "$prefix/logs/error.log" || die "invalid nginx config: $prefix/nginx.conf"

    python3 "$SERVERS/upstream.py" "$upstream_port" >"$base/upstream.log" 2>&1 &
    echo $! >"$base/upstream.pid"
    nginx -p "$prefix" -c "$prefix/nginx.conf" -e "$prefix/logs/error.log" >"$base/nginx.log" 2>&1 &
    echo $! >"$base/nginx.pid"

    wait_open "$upstream_port" "$(cat "$base/upstream.pid")" upstream "$base/upstream.log"
    wait_open "$nginx_port" "$(cat "$base/nginx.pid")" nginx "$base/nginx.log"

    cat >"$base/servers.env" <<ENV
export TRIAGE_TEST_NGINX=http://127.0.0.1:$nginx_port
export TRIAGE_TEST_UPSTREAM=http://127.0.0.1:$upstream_port
export TRIAGE_TEST_CLOSED_PORT=$closed_port
export TRIAGE_TEST_SWITCH_FILE=$prefix/html/switch.html
ENV
    echo "test servers: nginx on $nginx_port, upstream on $upstream_port, closed port $closed_port ($base/servers.env)"
}

# Stops one server by its pidfile with `signal`, then waits for `port` to close.
stop_one() {
    local pidfile="$1" signal="$2" port="$3" name="$4"
    [[ -f "$pidfile" ]] || return 0
    kill "-$signal" "$(cat "$pidfile")" 2>/dev/null || true
    [[ -n "$port" ]] && wait_closed "$port" "$name"
    rm -f "$pidfile"
}

stop() {
    local base="$1" nginx_port="" upstream_port=""
    [[ -d "$base" ]] || return 0
    if [[ -f "$base/servers.env" ]]; then
        nginx_port="$(sed -n 's|^export TRIAGE_TEST_NGINX=http://127.0.0.1:||p' "$base/servers.env")"
        upstream_port="$(sed -n 's|^export TRIAGE_TEST_UPSTREAM=http://127.0.0.1:||p' "$base/servers.env")"
    fi
    # nginx first, so no request is still being proxied when the upstream goes.
    stop_one "$base/nginx.pid" QUIT "$nginx_port" nginx
    stop_one "$base/upstream.pid" TERM "$upstream_port" upstream
    rm -f "$base/servers.env"
}

[[ $# -eq 2 ]] || usage
case "$1" in
    start) start "$2" ;;
    stop) stop "$2" ;;
    env) cat "$2/servers.env" 2>/dev/null || die "no servers.env in $2: run '$0 start $2' first" ;;
    *) usage ;;
esac
