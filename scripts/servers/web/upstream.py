#!/usr/bin/env python3
"""The misbehaving upstream behind the test nginx: slow, silent, trickling, resetting and endless answers.

Each path reproduces one way a real site fails, so the engine and the probes are tested against real
sockets rather than mocks. Every loop is bounded in time or bytes, so a forgotten client cannot keep it
busy for ever.

Usage: upstream.py PORT
"""

import socket
import struct
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

MAX_DELAY_SECONDS = 300.0
TRICKLE_INTERVAL_SECONDS = 0.5
TRICKLE_MAX_BYTES = 600
HUGE_CHUNK = b"\0" * 65536
HUGE_MAX_BYTES = 4 << 30


class Handler(BaseHTTPRequestHandler):
    # HTTP/1.0: a body without Content-Length ends when the connection closes, which /huge relies on.
    protocol_version = "HTTP/1.0"

    def log_message(self, format, *args):
        pass

    def do_GET(self):
        url = urlparse(self.path)
        route = {
            "/delay": self.delay,
            "/hang": self.hang,
            "/trickle": self.trickle,
            "/reset": self.reset,
            "/huge": self.huge,
        }.get(url.path)
        if route is None:
            self.answer(404, b"not found")
            return
        try:
            route(parse_qs(url.query))
        except (BrokenPipeError, ConnectionResetError):
            pass

    def answer(self, status, body):
        self.send_response(status)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def delay(self, query):
        seconds = min(float(query.get("s", ["1"])[0]), MAX_DELAY_SECONDS)
        time.sleep(max(seconds, 0.0))
        self.answer(200, b"slow ok")

    def hang(self, _query):
        """Accepts the request and never answers; returns once the client gives up and closes."""
        self.connection.settimeout(MAX_DELAY_SECONDS)
        try:
            while self.connection.recv(4096):
                pass
        except OSError:
            pass
        self.close_connection = True

    def trickle(self, _query):
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        self.wfile.flush()
        for _ in range(TRICKLE_MAX_BYTES):
            self.wfile.write(b".")
            self.wfile.flush()
            time.sleep(TRICKLE_INTERVAL_SECONDS)

    def reset(self, _query):
        """Closes with a TCP RST: SO_LINGER on with a zero timeout discards the connection at once."""
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.connection.close()
        self.close_connection = True

    def huge(self, _query):
        self.send_response(200)
        self.send_header("Content-Type", "application/octet-stream")
        self.end_headers()
        sent = 0
        while sent < HUGE_MAX_BYTES:
            self.wfile.write(HUGE_CHUNK)
            sent += len(HUGE_CHUNK)


class Server(ThreadingHTTPServer):
    # The default backlog of 5 drops connections when a test opens a hundred at once.
    request_queue_size = 1024
    daemon_threads = True
    allow_reuse_address = True


def main():
    port = int(sys.argv[1])
    Server(("127.0.0.1", port), Handler).serve_forever()


if __name__ == "__main__":
    main()
