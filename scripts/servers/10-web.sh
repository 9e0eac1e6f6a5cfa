# shellcheck shell=bash
# Module of scripts/test-servers.sh: nginx (plain HTTP, three HTTPS sites with certificates of a
# throwaway CA) and the misbehaving Python upstream it proxies to. Exports:
#   TRIAGE_TEST_NGINX, TRIAGE_TEST_UPSTREAM, TRIAGE_TEST_CLOSED_PORT,
#   TRIAGE_TEST_SWITCH_FILE (nginx serves it at /switch),
#   TRIAGE_TEST_HTTPS_VALID, TRIAGE_TEST_HTTPS_EXPIRING, TRIAGE_TEST_HTTPS_EXPIRED
#   (https://localhost:PORT/, certificates valid 1 year, 3 days, expired in 2025)
#   and TRIAGE_TEST_CA_FILE (that CA's certificate). The pages of web/browser/ are served under
#   /browser/ for the browser driver's tests (see nginx.conf.template).

web_packages() {
    echo nginx-light python3 openssl
}

# Makes a throwaway CA and three certificates for localhost and 127.0.0.1 in `dir`: valid.pem
# (1 year), expiring.pem (3 days) and expired.pem (January 2025, via `openssl ca` explicit dates).
web_make_certificates() {
    local dir="$1" name
    mkdir -p "$dir/issued"
    : >"$dir/index.txt"
    echo 1000 >"$dir/serial"
    sed -e "s|@CA_DIR@|$dir|g" "$SERVERS/web/ca.cnf.template" >"$dir/ca.cnf"
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

web_start() {
    local base="$1" prefix="$1/nginx"
    mkdir -p "$prefix/logs" "$prefix/html" "$prefix/temp"
    head -c $((5 * 1024 * 1024)) /dev/zero >"$prefix/html/big.bin"
    mkdir -p "$prefix/html/browser"
    cp "$SERVERS"/web/browser/*.html "$prefix/html/browser/"

    web_make_certificates "$base/certs"

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
        "$SERVERS/web/nginx.conf.template" >"$prefix/nginx.conf"
    nginx -t -q -p "$prefix" -c "$prefix/nginx.conf" -e "$prefix/logs/error.log" || die "invalid nginx config: $prefix/nginx.conf"

    python3 "$SERVERS/web/upstream.py" "$upstream_port" >"$base/upstream.log" 2>&1 &
    echo $! >"$base/upstream.pid"
    nginx -p "$prefix" -c "$prefix/nginx.conf" -e "$prefix/logs/error.log" >"$base/nginx.log" 2>&1 &
    echo $! >"$base/nginx.pid"

    wait_open "$upstream_port" "$(cat "$base/upstream.pid")" upstream "$base/upstream.log"
    wait_open "$nginx_port" "$(cat "$base/nginx.pid")" nginx "$base/nginx.log"

    cat >>"$base/servers.env" <<ENV
export TRIAGE_TEST_NGINX=http://127.0.0.1:$nginx_port
export TRIAGE_TEST_UPSTREAM=http://127.0.0.1:$upstream_port
export TRIAGE_TEST_CLOSED_PORT=$closed_port
export TRIAGE_TEST_SWITCH_FILE=$prefix/html/switch.html
export TRIAGE_TEST_HTTPS_VALID=https://localhost:$valid_port/
export TRIAGE_TEST_HTTPS_EXPIRING=https://localhost:$expiring_port/
export TRIAGE_TEST_HTTPS_EXPIRED=https://localhost:$expired_port/
export TRIAGE_TEST_CA_FILE=$base/certs/ca.pem
ENV
}

web_stop() {
    local base="$1" nginx_port="" upstream_port=""
    if [[ -f "$base/servers.env" ]]; then
        nginx_port="$(sed -n 's|^export TRIAGE_TEST_NGINX=http://127.0.0.1:||p' "$base/servers.env")"
        upstream_port="$(sed -n 's|^export TRIAGE_TEST_UPSTREAM=http://127.0.0.1:||p' "$base/servers.env")"
    fi
    # nginx first, so no request is still being proxied when the upstream goes.
    stop_one "$base/nginx.pid" QUIT "$nginx_port" nginx
    stop_one "$base/upstream.pid" TERM "$upstream_port" upstream
}
