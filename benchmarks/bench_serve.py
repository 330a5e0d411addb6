"""A bounded load test of `symnn serve` on the loopback: concurrent clients POST /api/check for a
fixed time with a mix of right, wrong and hostile answers; requests per second, p50/p99 latency,
errors by status, and the server's memory (the server and its workers) before and after.

    python benchmarks/bench_serve.py [--clients 32] [--seconds 60] [--workers 2]

Needs the serve and test extras (uvicorn, httpx) and Linux (each client binds its own 127.0.0.x).
Prints the Markdown table the README shows.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import socket
import statistics
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import httpx

BODIES = [
    {"problem": "4.3", "answer": r"\left(60, -162, 1\right)"}, {"problem": "4.3", "answer": "(60, 162, 1)"},
    {"problem": "4.6", "answer": "(10, 45)"}, {"problem": "4.6", "answer": "(45, 10)"},
    {"problem": "bce-grad", "answer": r"\frac{p-y}{p(1-p)}"}, {"problem": "bce-grad", "answer": "(y - p)/(p*(1 - p))"},
    {"problem": "softsign", "answer": "1/(1 + |x|)^2"}, {"problem": "5.1", "answer": "15"},
    {"problem": "neuron-3in", "answer": "0.9999"}, {"problem": "4.6", "student": "ann", "answer": "(10, 45)"},
    {"reference": "x*exp(x)", "answer": "e^x x"},
    # hostile: code, huge powers, deep nesting, a long answer, control characters
    {"problem": "4.5", "answer": "__import__('os').system('true')"}, {"reference": "x", "answer": "x^(10^10^10)"},
    {"problem": "4.5", "answer": "(" * 300 + "1" + ")" * 300}, {"problem": "4.5", "answer": "1+" * 5000 + "1"},
    {"reference": "2*x", "answer": "2x\u202e"},
]


def memory_mib(pid: int) -> float:
    """Resident memory of the process and its children (the workers), in MiB."""
    total = 0
    for process in [pid, *_children(pid)]:
        try:
            for line in Path(f"/proc/{process}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


def _children(pid: int) -> list[int]:
    try:
        found = [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []
    return found + [g for c in found for g in _children(c)]


async def client(url: str, deadline: float, seed: int, latencies: list, statuses: Counter) -> None:
    rng = random.Random(seed)
    # each client from its own loopback address: the service shares its workers fairly between addresses
    transport = httpx.AsyncHTTPTransport(local_address=f"127.0.0.{seed % 250 + 2}")
    async with httpx.AsyncClient(transport=transport, timeout=30) as http:
        while time.monotonic() < deadline:
            start = time.perf_counter()
            try:
                reply = await http.post(url + "/api/check", json=rng.choice(BODIES))
                statuses[reply.status_code] += 1
            except httpx.HTTPError as error:
                statuses[type(error).__name__] += 1
            latencies.append(time.perf_counter() - start)


async def load(url: str, clients: int, seconds: float):
    latencies, statuses = [], Counter()
    deadline = time.monotonic() + seconds
    await asyncio.gather(*(client(url, deadline, k, latencies, statuses) for k in range(clients)))
    return latencies, statuses


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "symnn", "serve", "--port", str(port), "--workers", str(args.workers),
                               "--rate", "100000"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                httpx.get(url + "/healthz", timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.2)
        asyncio.run(load(url, args.clients, 5))                 # warm: every problem solved once
        before = memory_mib(server.pid)
        latencies, statuses = asyncio.run(load(url, args.clients, args.seconds))
        after = memory_mib(server.pid)
    finally:
        server.terminate()
        server.wait(timeout=10)
    ordered = sorted(latencies)
    p99 = ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))]
    errors = sum(n for status, n in statuses.items() if not (isinstance(status, int) and status < 500))
    print(f"| {args.clients} clients, {args.seconds:g} s, {args.workers} workers | value |")
    print("|---|---:|")
    print(f"| checks per second | {len(latencies) / args.seconds:.0f} |")
    print(f"| p50 latency | {statistics.median(latencies) * 1000:.0f} ms |")
    print(f"| p99 latency | {p99 * 1000:.0f} ms |")
    print(f"| responses by status | {', '.join(f'{k}: {v}' for k, v in sorted(statuses.items(), key=str))} |")
    print(f"| 5xx and transport errors | {errors} |")
    print(f"| server memory before → after | {before:.0f} → {after:.0f} MiB ({(after - before) / before:+.1%}) |")


if __name__ == "__main__":
    main()
