#!/usr/bin/env python3
"""A webhook receiver for the alerting tests: records every request it gets, per hook name.

  POST /hooks/NAME[/...]     records method, path, headers, body and arrival time; answers 200,
                             or 503 while NAME is down (see /control)
  GET  /requests/NAME        the recorded requests of NAME, oldest first, as JSON
  POST /control/NAME/down    NAME answers 503 from now on
  POST /control/NAME/up      NAME answers 200 again

Each test uses its own NAME, so tests running at the same time never see each other's requests.
"""
import json
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

lock = threading.Lock()
requests = {}
down = set()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def reply(self, status, body=b""):
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        parts = self.path.split("?")[0].strip("/").split("/")
        if len(parts) >= 2 and parts[0] == "hooks":
            name = parts[1]
            record = {
                "at": time.time(),
                "path": self.path,
                "headers": {key.lower(): value for key, value in self.headers.items()},
                "body": body.decode("utf-8", "replace"),
            }
            with lock:
                is_down = name in down
                record["answered"] = 503 if is_down else 200
                requests.setdefault(name, []).append(record)
            self.reply(503 if is_down else 200, b'{"status": "down"}' if is_down else b'{"status": "ok"}')
        elif len(parts) == 3 and parts[0] == "control" and parts[2] in ("down", "up"):
            with lock:
                (down.add if parts[2] == "down" else down.discard)(parts[1])
            self.reply(200, b"{}")
        else:
            self.reply(404, b'{"error": "unknown path"}')

    def do_GET(self):
        parts = self.path.strip("/").split("/")
        if len(parts) == 2 and parts[0] == "requests":
            with lock:
                body = json.dumps(requests.get(parts[1], [])).encode()
            self.reply(200, body)
        else:
            self.reply(404, b'{"error": "unknown path"}')


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 1024


if __name__ == "__main__":
    Server(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
