# shellcheck shell=bash
# Module of scripts/test-servers.sh: a real mail system for the mail probes. Dovecot (IMAP and POP3,
# each plain with STARTTLS and over implicit TLS; LMTP; an auth service) runs as nobody; a private
# Postfix (SMTP with STARTTLS and SMTP AUTH, and SMTP over implicit TLS without AUTH) delivers example.test over
# LMTP into Dovecot. Both use the web module's certificate for localhost (the web module starts
# first). Exports:
#   TRIAGE_TEST_SMTP, TRIAGE_TEST_SMTPS, TRIAGE_TEST_IMAP, TRIAGE_TEST_IMAPS, TRIAGE_TEST_POP3,
#   TRIAGE_TEST_POP3S (URLs on localhost, so the certificate's name matches),
#   TRIAGE_TEST_MAIL_USER, TRIAGE_TEST_MAIL_PASSWORD (a random password, new each start),
#   TRIAGE_TEST_MAIL_DOMAIN (example.test: any other address there is rejected with 550, except
#   blackhole@example.test, accepted but never delivered) and TRIAGE_TEST_SILENT_PORT (accepts
#   connections and never sends a greeting).

mail_packages() {
    echo postfix dovecot-imapd dovecot-pop3d dovecot-lmtpd python3 openssl
}

# Fills the @NAME@ placeholders of a template from `NAME=value` arguments.
mail_render() {
    local template="$1" output="$2" pair expressions=()
    shift 2
    for pair in "$@"; do
        expressions+=(-e "s|@${pair%%=*}@|${pair#*=}|g")
    done
    sed "${expressions[@]}" "$SERVERS/mail/$template" >"$output"
}

mail_start() {
    local base="$1" dir="$1/mail"
    local closed_port user="probe@example.test" password
    closed_port="$(sed -n 's|^export TRIAGE_TEST_CLOSED_PORT=||p' "$base/servers.env")"
    [[ -n "$closed_port" && -f "$base/certs/valid.pem" ]] || die "the mail module needs the web module's closed port and certificates"
    password="$(openssl rand -hex 12)"

    local imap imaps pop3 pop3s lmtp auth smtp smtps silent
    read -r imap imaps pop3 pop3s lmtp auth smtp smtps silent <<<"$(free_ports 9)"
    local values=(DIR="$dir" USER="$user" CLOSED_PORT="$closed_port" IMAP_PORT="$imap" IMAPS_PORT="$imaps"
        POP3_PORT="$pop3" POP3S_PORT="$pop3s" LMTP_PORT="$lmtp" AUTH_PORT="$auth" SMTP_PORT="$smtp" SMTPS_PORT="$smtps")

    mkdir -p "$dir/tls" "$dir/mailboxes" "$dir/dovecot-run" "$dir/dovecot-state" "$dir/postfix" "$dir/postfix-spool" "$dir/postfix-data"
    cp "$base/certs/valid.pem" "$dir/tls/cert.pem"
    cp "$base/certs/valid.key" "$dir/tls/key.pem"
    echo "$user:{PLAIN}$password:65534:65534::$dir/mailboxes/probe::" >"$dir/users"
    mail_render dovecot.conf.template "$dir/dovecot.conf" "${values[@]}"
    mail_render main.cf.template "$dir/postfix/main.cf" "${values[@]}"
    mail_render master.cf.template "$dir/postfix/master.cf" "${values[@]}"
    chown -R nobody:nogroup "$dir/tls" "$dir/mailboxes" "$dir/dovecot-run" "$dir/dovecot-state" "$dir/users"
    chown postfix "$dir/postfix-data"
    chmod 600 "$dir/tls/key.pem" "$dir/users"

    setpriv --reuid=65534 --regid=65534 --clear-groups dovecot -F -c "$dir/dovecot.conf" >"$dir/dovecot.log" 2>&1 &
    echo $! >"$dir/dovecot.pid"
    python3 "$SERVERS/mail/silent.py" "$silent" >"$dir/silent.log" 2>&1 &
    echo $! >"$dir/silent.pid"
    wait_open "$imap" "$(cat "$dir/dovecot.pid")" dovecot "$dir/dovecot.log"
    wait_open "$lmtp" "$(cat "$dir/dovecot.pid")" dovecot "$dir/dovecot.log"
    wait_open "$auth" "$(cat "$dir/dovecot.pid")" dovecot "$dir/dovecot.log"
    wait_open "$silent" "$(cat "$dir/silent.pid")" silent "$dir/silent.log"

    postfix -c "$dir/postfix" check >"$dir/postfix-check.log" 2>&1 || die "postfix check failed (log: $dir/postfix-check.log)"
    postfix -c "$dir/postfix" start-fg >"$dir/postfix.log" 2>&1 &
    echo $! >"$dir/postfix.pid"
    wait_open "$smtp" "$(cat "$dir/postfix.pid")" postfix "$dir/postfix.log"
    wait_open "$smtps" "$(cat "$dir/postfix.pid")" postfix "$dir/postfix.log"

    cat >>"$base/servers.env" <<ENV
export TRIAGE_TEST_SMTP=smtp://localhost:$smtp/
export TRIAGE_TEST_SMTPS=smtps://localhost:$smtps/
export TRIAGE_TEST_IMAP=imap://localhost:$imap/
export TRIAGE_TEST_IMAPS=imaps://localhost:$imaps/
export TRIAGE_TEST_POP3=pop3://localhost:$pop3/
export TRIAGE_TEST_POP3S=pop3s://localhost:$pop3s/
export TRIAGE_TEST_MAIL_USER=$user
export TRIAGE_TEST_MAIL_PASSWORD=$password
export TRIAGE_TEST_MAIL_DOMAIN=example.test
export TRIAGE_TEST_SILENT_PORT=$silent
ENV
}

# The port of an exported URL, such as TRIAGE_TEST_SMTP's.
mail_port() {
    [[ -f "$1/servers.env" ]] && sed -n "s|^export $2=[a-z0-9]*://localhost:\([0-9]*\)/|\1|p" "$1/servers.env"
}

mail_stop() {
    local base="$1" dir="$1/mail" silent=""
    [[ -f "$base/servers.env" ]] && silent="$(sed -n 's|^export TRIAGE_TEST_SILENT_PORT=||p' "$base/servers.env")"
    # Postfix first, so it delivers nothing into a Dovecot that is going away. Its master is a child
    # of `postfix start-fg`, so `postfix stop` (not a signal to that PID) stops it.
    if [[ -f "$dir/postfix.pid" ]]; then
        postfix -c "$dir/postfix" stop >>"$dir/postfix.log" 2>&1 || true
        local smtp
        smtp="$(mail_port "$base" TRIAGE_TEST_SMTP)"
        [[ -n "$smtp" ]] && wait_closed "$smtp" postfix
        rm -f "$dir/postfix.pid"
    fi
    stop_one "$dir/dovecot.pid" TERM "$(mail_port "$base" TRIAGE_TEST_IMAP)" dovecot
    stop_one "$dir/silent.pid" TERM "$silent" silent
}
