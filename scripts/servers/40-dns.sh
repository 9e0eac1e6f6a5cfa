# shellcheck shell=bash
# Module of scripts/test-servers.sh: dnsmasq, authoritative for the test zone acme.test
# (scripts/servers/dns/records.conf), on UDP and TCP. Exports:
#   TRIAGE_TEST_DNS           127.0.0.1:PORT, the server to ask
#   TRIAGE_TEST_DNS_HOST      www.acme.test: A 192.0.2.10 and 192.0.2.11, AAAA 2001:db8::10
#   TRIAGE_TEST_DNS_ALIAS     shop.acme.test: CNAME www.acme.test
#   TRIAGE_TEST_DNS_DOMAIN    acme.test: MX, TXT and NS records
#   TRIAGE_TEST_DNS_MISSING   missing.acme.test: NXDOMAIN
#   TRIAGE_TEST_DNS_REFUSED   www.elsewhere.test: REFUSED (outside the zone, no upstream)
#   TRIAGE_TEST_DNS_SILENT    www.broken.test: never answered (forwarded to a port where
#                             nothing listens, which dnsmasq waits for without replying)

dns_packages() {
    echo dnsmasq-base
}

dns_start() {
    local base="$1" dir="$1/dns" port dead_port
    mkdir -p "$dir"
    read -r port dead_port <<<"$(free_ports 2)"
    dnsmasq --keep-in-foreground --port="$port" --listen-address=127.0.0.1 --bind-interfaces \
        --no-resolv --no-hosts --conf-file="$SERVERS/dns/records.conf" --pid-file= --user=nobody \
        --log-facility=- --server="/broken.test/127.0.0.1#$dead_port" >"$dir/dnsmasq.log" 2>&1 &
    echo $! >"$dir/dnsmasq.pid"
    wait_open "$port" "$(cat "$dir/dnsmasq.pid")" dnsmasq "$dir/dnsmasq.log"

    cat >>"$base/servers.env" <<ENV
export TRIAGE_TEST_DNS=127.0.0.1:$port
export TRIAGE_TEST_DNS_HOST=www.acme.test
export TRIAGE_TEST_DNS_ALIAS=shop.acme.test
export TRIAGE_TEST_DNS_DOMAIN=acme.test
export TRIAGE_TEST_DNS_MISSING=missing.acme.test
export TRIAGE_TEST_DNS_REFUSED=www.elsewhere.test
export TRIAGE_TEST_DNS_SILENT=www.broken.test
ENV
}

dns_stop() {
    local base="$1" port=""
    if [[ -f "$base/servers.env" ]]; then
        port="$(sed -n 's|^export TRIAGE_TEST_DNS=127.0.0.1:||p' "$base/servers.env")"
    fi
    stop_one "$base/dns/dnsmasq.pid" TERM "$port" dnsmasq
}
