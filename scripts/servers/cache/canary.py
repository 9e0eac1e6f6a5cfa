"""The canary endpoint of the cache tests: POST /canary/PATH writes the request body into
ROOT/PATH, the folder the origin nginx serves, so a cache check's canary `url:` changes what the
origin serves. Usage: canary.py PORT ROOT"""
import os
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Handler(BaseHTTPRequestHandler):
    def do_POST(self):
        relative = self.path.removeprefix("/canary/")
        target = os.path.realpath(os.path.join(ROOT, relative))
        if relative == self.path or not target.startswith(ROOT + os.sep):
            self.send_error(404, "POST /canary/PATH under the origin's folder")
            return
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        os.makedirs(os.path.dirname(target), exist_ok=True)
        temporary = target + ".tmp"
        with open(temporary, "wb") as file:
            file.write(body)
        os.replace(temporary, target)
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


class Server(ThreadingHTTPServer):
    request_queue_size = 128
    daemon_threads = True


ROOT = os.path.realpath(sys.argv[2])
Server(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
