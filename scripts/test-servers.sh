#!/usr/bin/env bash
# Starts and stops the real servers the test suite talks to, all on 127.0.0.1 and on ports the kernel
# picks, with every file under one folder:
#
#   scripts/test-servers.sh start BASE_DIR   # installs what is missing, starts nginx and the upstream,
#                                            # writes BASE_DIR/servers.env
#   . BASE_DIR/servers.env                   # TRIAGE_TEST_NGINX, TRIAGE_TEST_UPSTREAM, TRIAGE_TEST_CLOSED_PORT,
#                                            # TRIAGE_TEST_SWITCH_FILE (nginx serves it at /switch),
#                                            # TRIAGE_TEST_HTTPS_VALID, TRIAGE_TEST_HTTPS_EXPIRING,
#                                            # TRIAGE_TEST_HTTPS_EXPIRED (https://localhost:PORT/, certificates
#                                            # of a throwaway CA: valid 1 year, 3 days, expired in 2025)
#                                            # and TRIAGE_TEST_CA_FILE (that CA's certificate)
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

# Installs nginx, python3 and openssl from Debian when any is missing.
ensure_packages() {
    if command -v nginx >/dev/null && command -v python3 >/dev/null && command -v openssl >/dev/null; then
        return
    fi
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y nginx-light python3 openssl
}

# Makes a throwaway CA and three certificates for localhost and 127.0.0.1 in `dir`: valid.pem
# (1 year), expiring.pem (3 days) and expired.pem (January 2025, via `openssl ca` explicit dates).
make_certificates() {
    local dir="$1" name
    mkdir -p "$dir/issued"
    : >"$dir/index.txt"
    echo 1000 >"$dir/serial"
    sed -e "s|@CA_DIR@|$dir|g" "$SERVERS/ca.cnf.template" >"$dir/ca.cnf"
    openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 3650 \
        -subj "/CN=Triage Test CA" -keyout "$dir/ca.key" -out "$dir/ca.pem" 2>>"$dir/openssl.log"
    for name in valid expiring expired; do
        openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -subj "/CN=localhost" \
            -keyout "$dir/$name.key" -out "$dir/$name.csr" 2>>"$dir/openssl.log"
    done
    openssl ca -batch -notext -config "$dir/ca.cnf" -in "$dir/valid.csr" -out "$dir/valid.pem" \
        -days 365 2>>"$dir/openssl.log"
    openssl ca -batch -notext -config "$dir/ca.cnf" -in "$dir/expiring.csr" -out "$dir/expiring.pem" \
        -days 3 2>>"$dir/openssl.log"
    openssl ca -batch -notext -config "$dir/ca.cnf" -in "$dir/expired.csr" -out "$dir/expired.pem" \
        -startdate 20250101000000Z -enddate 20250201000000Z 2>>"$dir/openssl.log"
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

start() {
    local base="$1"
    [[ -f "$base/servers.env" ]] && die "servers already started in $base: run '$0 stop $base' first"
    ensure_packages
    mkdir -p "$base"
    base="$(cd "$base" && pwd)"
    local prefix="$base/nginx"
    mkdir -p "$prefix/logs" "$prefix/html" "$prefix/temp"
    head -c $((5 * 1024 * 1024)) /dev/zero >"$prefix/html/big.bin"

    make_certificates "$base/certs"

    local nginx_port upstream_port closed_port valid_port expiring_port expired_port
    read -r nginx_port upstream_port closed_port valid_port expiring_port expired_port <<<"$(free_ports 6)"

    sed -e "s|@PREFIX@|$prefix|g" \
        -e "s|@CERTS@|$base/certs|g" \
        -e "s|@NGINX_PORT@|$nginx_port|g" \
        -e "s|@UPSTREAM_PORT@|$upstream_port|g" \
        -e "s|@CLOSED_PORT@|$closed_port|g" \
        -e "s|@HTTPS_VALID_PORT@|$valid_port|g" \
        -e "s|@HTTPS_EXPIRING_PORT@|$expiring_port|g" \
        -e "s|@HTTPS_EXPIRED_PORT@|$expired_port|g" \
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
export TRIAGE_TEST_HTTPS_VALID=https://localhost:$valid_port/
export TRIAGE_TEST_HTTPS_EXPIRING=https://localhost:$expiring_port/
export TRIAGE_TEST_HTTPS_EXPIRED=https://localhost:$expired_port/
export TRIAGE_TEST_CA_FILE=$base/certs/ca.pem
ENV
    echo "test servers: nginx on $nginx_port (https on $valid_port, $expiring_port, $expired_port)," \
        "upstream on $upstream_port, closed port $closed_port ($base/servers.env)"
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
