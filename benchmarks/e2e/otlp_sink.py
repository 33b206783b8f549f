#!/usr/bin/env python3
"""Loopback OTLP/HTTP sink for the end-to-end run: accepts POSTs to /v1/traces, /v1/metrics and
/v1/logs, discards the body and answers 200 with an empty protobuf message. Counts requests and
bytes per path and prints them on SIGTERM."""
import signal
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

counts = {}


class Sink(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        remaining = length
        while remaining > 0:
            chunk = self.rfile.read(min(remaining, 65536))
            if not chunk:
                break
            remaining -= len(chunk)
        n, b = counts.get(self.path, (0, 0))
        counts[self.path] = (n + 1, b + length)
        self.send_response(200)
        self.send_header("Content-Type", "application/x-protobuf")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


def main():
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 4318
    server = ThreadingHTTPServer(("127.0.0.1", port), Sink)

    def stop(*_):
        for path, (n, b) in sorted(counts.items()):
            print(f"sink {path}: {n} requests, {b} bytes", flush=True)
        sys.exit(0)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    server.serve_forever()


if __name__ == "__main__":
    main()
