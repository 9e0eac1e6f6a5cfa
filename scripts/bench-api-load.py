#!/usr/bin/env python3
"""A small closed-loop HTTP load tool (no wrk or ab on this machine): N threads, each with one
keep-alive connection, send GET URL with a bearer token for D seconds; prints requests per second,
p50, p99 and the worst latency, and fails on any answer other than 200.
  bench-api-load.py URL TOKEN [--threads 8] [--seconds 20]
"""
import argparse, http.client, threading, time, urllib.parse

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("token")
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=20)
    args = parser.parse_args()
    url = urllib.parse.urlsplit(args.url)
    path = url.path + ("?" + url.query if url.query else "")
    headers = {"Authorization": "Bearer " + args.token}
    latencies, failures, lock = [], [], threading.Lock()
    deadline = time.monotonic() + args.seconds

    def worker():
        connection = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
        mine = []
        while time.monotonic() < deadline:
            start = time.perf_counter()
            connection.request("GET", path, headers=headers)
            response = connection.getresponse()
            response.read()
            mine.append(time.perf_counter() - start)
            if response.status != 200:
                with lock:
                    failures.append(response.status)
        with lock:
            latencies.extend(mine)

    began = time.monotonic()
    threads = [threading.Thread(target=worker) for _ in range(args.threads)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - began
    latencies.sort()
    def quantile(q):
        return latencies[min(len(latencies) - 1, int(q * len(latencies)))] * 1000
    print(f"{len(latencies)} requests in {elapsed:.1f} s with {args.threads} connections: "
          f"{len(latencies) / elapsed:.0f} req/s, p50 {quantile(0.50):.1f} ms, p99 {quantile(0.99):.1f} ms, "
          f"max {latencies[-1] * 1000:.1f} ms")
    if failures:
        raise SystemExit(f"{len(failures)} answers were not 200 (first: {failures[0]})")

main()
