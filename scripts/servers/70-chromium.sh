# shellcheck shell=bash
# Module of scripts/test-servers.sh: headless Chromium, for the tests that open the HTML report in
# a real browser (its DOM and screenshots). Nothing listens: each test runs the browser itself on a
# file:// URL, with its own profile folder and a timeout. Exports:
#   TRIAGE_TEST_CHROMIUM (the browser's binary)

chromium_packages() {
    echo chromium-headless-shell python3
}

chromium_start() {
    local base="$1" binary=/usr/lib/chromium/chromium-headless-shell
    # /usr/bin/chromium-headless-shell is a shell wrapper that runs this binary as its child: a
    # test's timeout must stop the browser itself, so the binary is exported when it is there.
    [[ -x "$binary" ]] || binary="$(command -v chromium-headless-shell)" || die "chromium-headless-shell is not installed"
    "$binary" --version >/dev/null 2>&1 || die "$binary --version failed"
    echo "export TRIAGE_TEST_CHROMIUM=$binary" >>"$base/servers.env"
}

chromium_stop() {
    :
}
