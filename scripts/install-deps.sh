#!/usr/bin/env bash
# Installs the Debian packages Triage needs, only those missing: libcurl and c-ares (headers to
# build, libraries to run), pkg-config, nginx (the demo sites), python3, sqlite3 (checks of the
# store from another process) and openssl. Extra package names on the command line are installed too: the test servers
# add theirs (scripts/test-servers.sh), so running Triage never installs a mail server.
#   scripts/install-deps.sh [EXTRA_PACKAGE...]
set -euo pipefail
want=(libcurl4-openssl-dev libc-ares-dev pkg-config nginx-light python3 sqlite3 openssl "$@")
missing=()
for package in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" && continue
  # nginx may come from another Debian flavour (nginx, nginx-core, nginx-full): any of them will do.
  if [ "$package" = nginx-light ] && command -v nginx >/dev/null 2>&1; then continue; fi
  [[ " ${missing[*]} " == *" $package "* ]] || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "Missing Debian packages: ${missing[*]}. Install them with: sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
echo "Installing ${missing[*]} ..." >&2
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
