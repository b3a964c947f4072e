#!/usr/bin/env python3
"""Stalled-request probe for the HTTP side (by hand, not in CI).

Opens --stalled raw connections to the HTTP port: half send a request's headers without the blank
line that ends them, half send complete POST headers with a Content-Length body that never comes.
Then times --probes sequential GET /health and POST /guest/init requests (a new connection each, as
a health checker would), and finally reports how many stalled connections the server has closed.

  python3 bench/http-stall-probe.py --port 3000 --stalled 500 --probes 50
"""
import argparse
import select
import socket
import statistics
import time


def stall(host, port, i):
    s = socket.create_connection((host, port), timeout=5)
    if i % 2 == 0:
        s.sendall(b"GET /health HTTP/1.1\r\nHost: localhost\r\nX-Slow: ")  # headers never end
    else:
        s.sendall(b"POST /guest/init HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                  b"Content-Length: 100\r\n\r\n{\"display_")  # body never completes
    s.setblocking(False)
    return s


def request(host, port, raw, timeout):
    started = time.perf_counter()
    with socket.create_connection((host, port), timeout=timeout) as s:
        s.sendall(raw)
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = s.recv(4096)
            if not chunk:
                break
            data += chunk
    elapsed_ms = (time.perf_counter() - started) * 1000
    status = int(data[9:12]) if len(data) >= 12 else -1
    return status, elapsed_ms


def summary(name, results):
    ok = [ms for status, ms in results if status in (200, 503)]
    failed = len(results) - len(ok)
    if not ok:
        print(f"{name}: all {failed} failed")
        return
    ok.sort()
    p = lambda q: ok[min(len(ok) - 1, int(q * len(ok)))]
    print(f"{name}: n={len(ok)} failed={failed} min={ok[0]:.1f} p50={p(0.5):.1f} p90={p(0.9):.1f} "
          f"p99={p(0.99):.1f} max={ok[-1]:.1f} mean={statistics.mean(ok):.1f} ms")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=3000)
    ap.add_argument("--stalled", type=int, default=500)
    ap.add_argument("--probes", type=int, default=50)
    ap.add_argument("--timeout", type=float, default=5.0, help="seconds a probe may take")
    ap.add_argument("--watch", type=float, default=30.0, help="seconds to watch for the stalled ones to close")
    a = ap.parse_args()

    stalled, refused = [], 0
    for i in range(a.stalled):
        try:
            stalled.append(stall(a.host, a.port, i))
        except OSError:
            refused += 1  # not accepted within 5 s
    opened = time.perf_counter()
    print(f"{len(stalled)} stalled connections open, {refused} not accepted within 5 s")
    health, init = [], []
    for _ in range(a.probes):
        for results, raw in ((health, b"GET /health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"),
                             (init, b"POST /guest/init HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                                    b"Content-Type: application/json\r\nContent-Length: 22\r\n\r\n"
                                    b"{\"display_name\":\"Ada\"}")):
            try:
                results.append(request(a.host, a.port, raw, a.timeout))
            except OSError:
                results.append((-1, a.timeout * 1000))
    summary("GET /health", health)
    summary("POST /guest/init", init)

    open_sockets = list(stalled)
    closed = 0
    while open_sockets and time.perf_counter() - opened < a.watch:
        readable, _, _ = select.select(open_sockets, [], [], 0.2)
        for s in readable:
            try:
                if s.recv(65536) == b"":
                    open_sockets.remove(s)
                    closed += 1
            except (ConnectionResetError, BlockingIOError):
                open_sockets.remove(s)
                closed += 1
    print(f"after {time.perf_counter() - opened:.1f} s: {closed} of {len(stalled)} stalled connections "
          f"closed by the server, {len(open_sockets)} still open")
    for s in stalled:
        s.close()


if __name__ == "__main__":
    main()
