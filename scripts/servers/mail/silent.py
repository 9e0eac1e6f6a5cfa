#!/usr/bin/env python3
"""A port that accepts connections and never says a word: a mail server hanging before its greeting.

The kernel completes each TCP handshake into the listen backlog; nothing is ever accepted or sent,
so a client connects and then waits for a banner that never comes.

Usage: silent.py PORT
"""

import signal
import socket
import sys

listener = socket.socket()
listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
listener.bind(("127.0.0.1", int(sys.argv[1])))
listener.listen(1024)
signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
signal.pause()
