# shellcheck shell=bash
# Module of scripts/test-servers.sh: a throwaway PostgreSQL 15 cluster for the PostgreSQL ticket
# store's tests. initdb makes it under BASE/postgres (trust authentication, owned by the `postgres`
# user: the server refuses to run as root); it listens on 127.0.0.1 only, with fsync off (a test
# cluster is thrown away, so durability buys nothing) and TLS on, using web's certificate for
# localhost from the test CA (TRIAGE_TEST_CA_FILE), so `sslmode=require` and `verify-full` are tested
# against a real handshake. Plain connections are accepted too. Exports:
#   TRIAGE_TEST_POSTGRES (postgres://postgres@127.0.0.1:PORT/postgres)

postgres_packages() {
    echo postgresql-15
}

postgres_bin() {
    echo /usr/lib/postgresql/15/bin
}

postgres_start() {
    local base="$1" dir="$1/postgres" port bin uid gid
    bin="$(postgres_bin)"
    uid="$(id -u postgres)" || die "no postgres user: install postgresql-15"
    gid="$(id -g postgres)"
    read -r port <<<"$(free_ports 1)"
    mkdir -p "$dir/socket" "$dir/tls"
    cp "$base/certs/valid.pem" "$dir/tls/server.pem"
    cp "$base/certs/valid.key" "$dir/tls/server.key"
    chmod 600 "$dir/tls/server.key"
    chown -R postgres:postgres "$dir"
    setpriv --reuid="$uid" --regid="$gid" --clear-groups \
        "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --no-sync >"$dir/initdb.log" 2>&1 ||
        { cat "$dir/initdb.log" >&2; die "initdb failed (log: $dir/initdb.log)"; }
    # setpriv execs, so $! is the postmaster's own PID, the one kill -INT (fast shutdown) must reach.
    setpriv --reuid="$uid" --regid="$gid" --clear-groups \
        "$bin/postgres" -D "$dir/data" -p "$port" -c listen_addresses=127.0.0.1 -k "$dir/socket" \
        -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 \
        -c ssl=on -c ssl_cert_file="$dir/tls/server.pem" -c ssl_key_file="$dir/tls/server.key" \
        >"$dir/postgres.log" 2>&1 &
    echo $! >"$base/postgres.pid"
    wait_open "$port" "$(cat "$base/postgres.pid")" postgres "$dir/postgres.log"
    postgres_wait_ready "$port" "$dir/postgres.log"
    echo "export TRIAGE_TEST_POSTGRES=postgres://postgres@127.0.0.1:$port/postgres" >>"$base/servers.env"
}

# The port opens before the cluster accepts queries (startup recovery): pg_isready says when it does.
postgres_wait_ready() {
    local port="$1" log="$2" deadline=$((SECONDS + READY_TIMEOUT_SECONDS))
    until "$(postgres_bin)/pg_isready" -q -h 127.0.0.1 -p "$port" -U postgres; do
        ((SECONDS < deadline)) || { cat "$log" >&2; die "postgres not ready on port $port within ${READY_TIMEOUT_SECONDS}s"; }
        sleep 0.05
    done
}

postgres_stop() {
    local base="$1" port=""
    [[ -f "$base/servers.env" ]] &&
        port="$(sed -n 's|^export TRIAGE_TEST_POSTGRES=postgres://postgres@127.0.0.1:\([0-9]*\)/.*|\1|p' "$base/servers.env")"
    stop_one "$base/postgres.pid" INT "$port" postgres
}
