#!/usr/bin/env bash
# The end-to-end throughput benchmark: builds in release mode and runs triage-bench (probe,
# detection and stored result for every probe) against the test servers on 127.0.0.1.
# Extra arguments go to triage-bench, for example:
#   scripts/bench.sh --targets 10000 --interval 1 --duration 30
#   scripts/bench.sh --kind tls --targets 1000 --interval 1 --duration 20
#   scripts/bench.sh --kind imap --targets 200 --interval 1 --duration 20
# The URL follows the kind (the test nginx's /ok, /page, its HTTPS server with the test CA, the
# test Postfix and Dovecot, logged in as the test user for imap and pop3, for dns an A lookup of
# the test dnsmasq's www.acme.test, for cache the test Varnish and its origin).
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release -j 2 --product triage-bench
run_bench() {
  local kind=http previous=""
  for argument in "$@"; do
    [ "$previous" = --kind ] && kind=$argument
    previous=$argument
  done
  case "$kind" in
    tls) set -- --url "$TRIAGE_TEST_HTTPS_VALID" --ca-file "$TRIAGE_TEST_CA_FILE" "$@" ;;
    page) set -- --url "$TRIAGE_TEST_NGINX/page" "$@" ;;
    dns) set -- --url "dns://$TRIAGE_TEST_DNS/$TRIAGE_TEST_DNS_HOST" "$@" ;;
    smtp) set -- --url "$TRIAGE_TEST_SMTP" "$@" ;;
    imap | pop3)
      local url=$TRIAGE_TEST_IMAP
      [ "$kind" = pop3 ] && url=$TRIAGE_TEST_POP3
      set -- --url "$url" --username "$TRIAGE_TEST_MAIL_USER" --password-env TRIAGE_TEST_MAIL_PASSWORD "$@"
      ;;
    cache)
      # A page the test Varnish keeps an hour, so each probe is a cache hit and an origin fetch.
      mkdir -p "$TRIAGE_TEST_CACHE_ORIGIN_ROOT/long"
      echo "Welcome to Acme" >"$TRIAGE_TEST_CACHE_ORIGIN_ROOT/long/bench.txt"
      set -- --url "$TRIAGE_TEST_CACHE_EDGE/long/bench.txt" --origin "$TRIAGE_TEST_CACHE_ORIGIN/long/bench.txt" "$@" ;;
    *) set -- --url "$TRIAGE_TEST_NGINX/ok" "$@" ;;
  esac
  .build/release/triage-bench "$@"
}
export -f run_bench
scripts/with-test-servers.sh bash -c 'run_bench "$@"' run_bench "$@"
