#!/usr/bin/env bash
# Starts or stops the local demo sites that probes/demo.yml watches: nginx on 127.0.0.1:8089
# serving an up page (/), a slow page (/slow, about 12 s) and a failing one (/500, HTTP 500);
# the demo's "down" site is port 8090, where nothing listens.
#   demo-sites.sh start DIR | stop DIR
set -euo pipefail
action=${1:?usage: demo-sites.sh start|stop DIR}
base=$(mkdir -p "${2:?usage: demo-sites.sh start|stop DIR}" && cd "$2" && pwd)
port=${TRIAGE_DEMO_PORT:-8089}
here=$(cd "$(dirname "$0")" && pwd)
PATH="$PATH:/usr/sbin:/sbin"

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

case "$action" in
start)
  if port_open "$port"; then
    echo "Port $port is already in use: the demo sites may be running already (stop them with $0 stop $2)." >&2
    exit 1
  fi
  mkdir -p "$base/tmp"
  # The slow page's body is written into the configuration itself: nginx's workers run as an
  # unprivileged user who may not be allowed to read files under this checkout.
  slow_body=$(head -c 3600 /dev/zero | tr '\0' 'x')
  sed -e "s|@BASE@|$base|g" -e "s|@PORT@|$port|g" -e "s|@SLOW_BODY@|$slow_body|" \
    "$here/demo/nginx.conf.template" > "$base/nginx.conf"
  nginx -p "$base" -c "$base/nginx.conf" -e "$base/error.log" > "$base/nginx.out" 2>&1 &
  echo $! > "$base/nginx.pidfile"
  for _ in $(seq 1 100); do port_open "$port" && break; sleep 0.05; done
  port_open "$port" || { echo "nginx did not start; see $base/error.log" >&2; exit 1; }
  echo "Demo sites on http://127.0.0.1:$port (/, /slow, /500); nothing listens on 127.0.0.1:8090." >&2
  ;;
stop)
  [ -f "$base/nginx.pidfile" ] || exit 0
  kill -QUIT "$(cat "$base/nginx.pidfile")" 2>/dev/null || true
  for _ in $(seq 1 100); do port_open "$port" || break; sleep 0.05; done
  rm -f "$base/nginx.pidfile"
  ;;
*) echo "usage: demo-sites.sh start|stop DIR" >&2; exit 2 ;;
esac
