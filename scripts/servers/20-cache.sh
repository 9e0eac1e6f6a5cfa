# shellcheck shell=bash
# Module of scripts/test-servers.sh: Varnish in front of a small origin nginx, each started by
# scripts/servers/cache/control.sh (which the cache tests also call to stop and restart servers):
#   - origin (nginx serving a folder the tests write into), varnish in front of it (VCL in
#     cache/default.vcl.template: /long/ cached an hour, /short/ a second, /graced/ a second then
#     served stale for an hour when the origin cannot answer), and canary (POST /canary/PATH writes
#     the body into the origin's folder): shared, never stopped by a test;
#   - origin-stoppable and varnish-stoppable: the same pair again, which only the serialized cache
#     suite stops (and restarts), so "Varnish stopped" and "origin stopped" are real stopped servers
#     without disturbing the tests that run in parallel.
# Exports:
#   TRIAGE_TEST_CACHE_EDGE, TRIAGE_TEST_CACHE_ORIGIN (http://127.0.0.1:PORT, Varnish and its origin),
#   TRIAGE_TEST_CACHE_ORIGIN_ROOT (the folder the origin serves), TRIAGE_TEST_CACHE_CANARY_URL
#   (http://127.0.0.1:PORT/canary/, POST a path under it), TRIAGE_TEST_CACHE_STOPPABLE_EDGE,
#   TRIAGE_TEST_CACHE_STOPPABLE_ORIGIN, TRIAGE_TEST_CACHE_STOPPABLE_ROOT, and
#   TRIAGE_TEST_CACHE_CONTROL (a script: `control start|stop NAME|all`).

cache_packages() {
    echo varnish nginx-light python3
}

cache_start() {
    local dir="$1/cache" origin_port canary_port varnish_port admin_port stoppable_origin_port stoppable_varnish_port \
        stoppable_admin_port
    mkdir -p "$dir"
    chmod 755 "$dir"
    read -r origin_port canary_port varnish_port admin_port stoppable_origin_port stoppable_varnish_port \
        stoppable_admin_port <<<"$(free_ports 7)"
    cat >"$dir/ports.env" <<PORTS
ORIGIN_PORT=$origin_port
CANARY_PORT=$canary_port
VARNISH_PORT=$varnish_port
VARNISH_ADMIN_PORT=$admin_port
STOPPABLE_ORIGIN_PORT=$stoppable_origin_port
STOPPABLE_VARNISH_PORT=$stoppable_varnish_port
STOPPABLE_ADMIN_PORT=$stoppable_admin_port
PORTS
    printf '#!/usr/bin/env bash\nexec %q %q "$@"\n' "$SERVERS/cache/control.sh" "$dir" >"$dir/control"
    chmod +x "$dir/control"
    "$dir/control" start all || die "cache servers did not start (logs under $dir)"

    cat >>"$1/servers.env" <<ENV
export TRIAGE_TEST_CACHE_EDGE=http://127.0.0.1:$varnish_port
export TRIAGE_TEST_CACHE_ORIGIN=http://127.0.0.1:$origin_port
export TRIAGE_TEST_CACHE_ORIGIN_ROOT=$dir/origin/html
export TRIAGE_TEST_CACHE_CANARY_URL=http://127.0.0.1:$canary_port/canary/
export TRIAGE_TEST_CACHE_STOPPABLE_EDGE=http://127.0.0.1:$stoppable_varnish_port
export TRIAGE_TEST_CACHE_STOPPABLE_ORIGIN=http://127.0.0.1:$stoppable_origin_port
export TRIAGE_TEST_CACHE_STOPPABLE_ROOT=$dir/origin-stoppable/html
export TRIAGE_TEST_CACHE_CONTROL=$dir/control
ENV
}

cache_stop() {
    local dir="$1/cache"
    [[ -f "$dir/ports.env" ]] || return 0
    "$dir/control" stop all
}
