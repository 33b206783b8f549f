#!/usr/bin/env python3
"""Loopback OTLP/HTTP sink for the end-to-end run: accepts POSTs to /v1/traces, /v1/metrics and
/v1/logs, discards the body and answers 200 with an empty protobuf message. Counts requests and
bytes per path and prints them on SIGTERM. For /v1/traces it also decodes every SAMPLE-th request
(the protobuf wire format, down to the spans of each ScopeSpans) and estimates the spans received
as bytes received x (spans / bytes of the decoded requests), so that a variant that drops spans
(a full export queue) shows it. Decoding one request in SAMPLE keeps the sink's CPU, which it
shares with the load generator, small."""
import signal
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

counts = {}
lock = threading.Lock()  # the server runs a thread per connection
SAMPLE = 8
decoded = {"requests": 0, "bytes": 0, "spans": 0}


def _varint(b, i):
    shift = result = 0
    while True:
        c = b[i]
        i += 1
        result |= (c & 0x7F) << shift
        if c < 0x80:
            return result, i
        shift += 7


def _fields(b, i, end):
    """Yields (field number, start, end) of the length-delimited fields in b[i:end]."""
    while i < end:
        key, i = _varint(b, i)
        wire = key & 7
        if wire == 0:
            _, i = _varint(b, i)
        elif wire == 1:
            i += 8
        elif wire == 5:
            i += 4
        elif wire == 2:
            n, i = _varint(b, i)
            yield key >> 3, i, i + n
            i += n
        else:
            raise ValueError(f"wire type {wire}")


def count_spans(body):
    """Spans in an ExportTraceServiceRequest: resource_spans(1) > scope_spans(2) > spans(2)."""
    spans = 0
    for f, s, e in _fields(body, 0, len(body)):
        if f != 1:
            continue
        for f2, s2, e2 in _fields(body, s, e):
            if f2 != 2:
                continue
            for f3, _, _ in _fields(body, s2, e2):
                if f3 == 2:
                    spans += 1
    return spans


class Sink(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        with lock:
            n, b = counts.get(self.path, (0, 0))
            counts[self.path] = (n + 1, b + length)
        keep = self.path == "/v1/traces" and n % SAMPLE == 0
        body = bytearray()
        remaining = length
        while remaining > 0:
            chunk = self.rfile.read(min(remaining, 65536))
            if not chunk:
                break
            remaining -= len(chunk)
            if keep:
                body += chunk
        if keep and remaining == 0:
            try:
                spans = count_spans(bytes(body))
            except (ValueError, IndexError):
                spans = None
            if spans is not None:
                with lock:
                    decoded["requests"] += 1
                    decoded["bytes"] += length
                    decoded["spans"] += spans
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
            line = f"sink {path}: {n} requests, {b} bytes"
            if path == "/v1/traces" and decoded["bytes"] > 0:
                est = round(b * decoded["spans"] / decoded["bytes"])
                line += (f", spans~{est} ({decoded['spans']} spans in the"
                         f" {decoded['requests']} requests decoded)")
            print(line, flush=True)
        sys.exit(0)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    server.serve_forever()


if __name__ == "__main__":
    main()
