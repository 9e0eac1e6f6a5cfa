#!/usr/bin/env bash
# Starts and stops the cache test servers one at a time, so the cache tests can stop a real Varnish
# or a real origin and bring it back (scripts/servers/20-cache.sh starts them all through it):
#   control.sh DIR start|stop NAME|all
# NAME is origin, varnish, canary (the shared servers, which tests only write content into) or
# origin-stoppable, varnish-stoppable (a second pair that only the serialized cache suite stops).
# Ports come from DIR/ports.env; each server lives under DIR/NAME. Starting a running server and
# stopping a stopped one do nothing, so a test can restore the pair whatever happened before.
set -euo pipefail
PATH="$PATH:/usr/sbin:/sbin"

# A server started from a test process inherits its signal mask, and Swift's test runner blocks
# nearly every signal: varnishd would then never see the TERM that stops it. So the script runs
# again through Python with no signal blocked and the stop signals at their defaults.
if [[ -z "${CACHE_CONTROL_SIGNALS_RESET:-}" ]]; then
    export CACHE_CONTROL_SIGNALS_RESET=1
    exec python3 -c 'import os, signal, sys
signal.pthread_sigmask(signal.SIG_SETMASK, [])
for number in (signal.SIGHUP, signal.SIGINT, signal.SIGQUIT, signal.SIGTERM, signal.SIGPIPE):
    signal.signal(number, signal.SIG_DFL)
os.execv("/bin/bash", ["bash"] + sys.argv[1:])' "$0" "$@"
fi
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
READY_TIMEOUT_SECONDS=20
ALL=(origin canary varnish origin-stoppable varnish-stoppable)

[[ $# -eq 3 ]] || { echo "usage: $0 DIR start|stop NAME|all" >&2; exit 2; }
dir="$1" action="$2" name="$3"
# shellcheck disable=SC1091
. "$dir/ports.env"

port_open() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Polls until `port` is open (want=open) or closed (want=closed), failing after the timeout.
wait_port() {
    local want="$1" port="$2" name="$3" deadline=$((SECONDS + READY_TIMEOUT_SECONDS))
    while true; do
        if port_open "$port"; then [[ $want == open ]] && return 0; else [[ $want == closed ]] && return 0; fi
        if ((SECONDS >= deadline)); then
            echo "cache control: $name is not $want on port $port after ${READY_TIMEOUT_SECONDS}s (logs in $dir/$name)" >&2
            exit 1
        fi
        sleep 0.05
    done
}

port_of() {
    case "$1" in
        origin) echo "$ORIGIN_PORT" ;;
        canary) echo "$CANARY_PORT" ;;
        varnish) echo "$VARNISH_PORT" ;;
        origin-stoppable) echo "$STOPPABLE_ORIGIN_PORT" ;;
        varnish-stoppable) echo "$STOPPABLE_VARNISH_PORT" ;;
        *) echo "cache control: unknown server $1 (one of ${ALL[*]})" >&2; exit 2 ;;
    esac
}

start_origin() {
    local name="$1" port="$2" home="$dir/$1"
    mkdir -p "$home/temp" "$home/html"
    chmod 755 "$home" "$home/html"
    sed -e "s|@DIR@|$home|g" -e "s|@PORT@|$port|g" -e "s|@ROOT@|$home/html|g" \
        "$HERE/origin.conf.template" >"$home/nginx.conf"
    nginx -p "$home" -c "$home/nginx.conf" -e "$home/error.log" >"$home/server.log" 2>&1 &
    echo $! >"$home/server.pid"
}

# varnishd runs its manager as the varnish user and its child as vcache: the VCL must be readable
# by them, and the working folder (-n) is made by varnishd itself.
start_varnish() {
    local name="$1" port="$2" admin_port="$3" origin_port="$4" home="$dir/$1"
    mkdir -p "$home"
    chmod 755 "$home"
    sed -e "s|@ORIGIN_PORT@|$origin_port|g" "$HERE/default.vcl.template" >"$home/default.vcl"
    chmod 644 "$home/default.vcl"
    varnishd -F -a "127.0.0.1:$port" -T "127.0.0.1:$admin_port" -n "$home/work" -f "$home/default.vcl" \
        -s malloc,32m >"$home/server.log" 2>&1 &
    echo $! >"$home/server.pid"
}

start_canary() {
    local home="$dir/canary"
    mkdir -p "$home"
    python3 "$HERE/canary.py" "$CANARY_PORT" "$dir/origin/html" >"$home/server.log" 2>&1 &
    echo $! >"$home/server.pid"
}

start() {
    local name="$1" port
    port="$(port_of "$name")"
    port_open "$port" && return 0
    case "$name" in
        origin) start_origin origin "$ORIGIN_PORT" ;;
        canary) start_canary ;;
        varnish) start_varnish varnish "$VARNISH_PORT" "$VARNISH_ADMIN_PORT" "$ORIGIN_PORT" ;;
        origin-stoppable) start_origin origin-stoppable "$STOPPABLE_ORIGIN_PORT" ;;
        varnish-stoppable)
            start_varnish varnish-stoppable "$STOPPABLE_VARNISH_PORT" "$STOPPABLE_ADMIN_PORT" "$STOPPABLE_ORIGIN_PORT" ;;
    esac
    wait_port open "$port" "$name"
}

# nginx stops on QUIT, varnishd's manager (which stops its child) and Python on TERM.
stop() {
    local name="$1" port pidfile="$dir/$1/server.pid" signal=TERM
    port="$(port_of "$name")"
    [[ $name == origin* ]] && signal=QUIT
    if [[ -f "$pidfile" ]]; then
        kill "-$signal" "$(cat "$pidfile")" 2>/dev/null || true
        rm -f "$pidfile"
    fi
    wait_port closed "$port" "$name"
}

case "$action:$name" in
    start:all) for each in "${ALL[@]}"; do start "$each"; done ;;
    stop:all) for ((index = ${#ALL[@]} - 1; index >= 0; index--)); do stop "${ALL[index]}"; done ;;
    start:*) start "$name" ;;
    stop:*) stop "$name" ;;
    *) echo "usage: $0 DIR start|stop NAME|all" >&2; exit 2 ;;
esac
