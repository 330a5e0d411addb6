"""Fairness under attack, on the loopback: one hostile client floods `symnn serve` with slow answers
(each takes its whole time limit in a worker) while 30 well-behaved students send right answers,
each from its own loopback address, thinking a little between answers. For a bounded time.

What must hold: no student ever gets a wrong verdict or a timeout verdict (a 503 "busy, retry" is
allowed and counted), and the students' p99 stays under 1 s. Prints the Markdown table the README
shows: the students' throughput, p50/p99, their answers by outcome, the hostile client's, the
server's 5xx count, and its memory (the server and its workers) before and after.

    python benchmarks/bench_serve_fair.py [--seconds 60] [--students 30] [--workers 2]

Needs the serve and test extras (uvicorn, httpx) and Linux (clients bind 127.0.0.2, 127.0.0.3, ...).
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

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_serve import memory_mib  # noqa: E402

# right answers as students type them (checks of a few milliseconds to a few tens; neuron-grad's, of
# about 0.8 s, is left out: at a student's pace it alone would fill two workers)
RIGHT = [("4.3", "(60; -162; 1)"), ("4.6", "(10, 45)"), ("5.1", "15"), ("bce-grad", "(p - y)/(p(1 - p))"),
         ("graph-exp", "(21.0855, 40.1711, 20.0855, 20.0855)"), ("backprop-w1", "0,0215"),
         ("softsign", "1/(1 + |x|)^2"), ("conv-3x3", "[[12, 12, 17], [10, 17, 19], [9, 6, 14]]"),
         ("feedforward-221", "(0.9526, 0.9526, 0.7216)"), ("graph-matrix", "X^T a")]
# a product of a hundred powers: expanding it to compare takes minutes, so a worker runs to its limit
SLOW = "*".join(f"(x+{k})^{k}" for k in range(1, 120))[:1990]


async def student(url: str, k: int, deadline: float, seen: list, one_address: bool = False) -> None:
    rng = random.Random(k)
    transport = httpx.AsyncHTTPTransport(local_address="127.0.0.2" if one_address else f"127.0.0.{k + 2}")
    async with httpx.AsyncClient(transport=transport, timeout=60) as http:
        await asyncio.sleep(rng.uniform(0, 1))
        while time.monotonic() < deadline:
            problem, answer = rng.choice(RIGHT)
            start = time.perf_counter()
            reply = await http.post(url + "/api/check", json={"problem": problem, "answer": answer})
            seconds = time.perf_counter() - start
            body = reply.json()
            if reply.status_code == 200:
                outcome = "correct" if body["correct"] else f"WRONG ({problem}: {body['feedback'][:1]})"
            else:
                outcome = f"{reply.status_code} {body.get('decided_by', '')} ({problem})".strip()
            seen.append((seconds, outcome))
            await asyncio.sleep(rng.uniform(0.5, 1.5))            # a student reads the verdict, types on


async def hostile(url: str, deadline: float, seen: Counter, in_flight: int = 8) -> None:
    """One address, ``in_flight`` slow answers at a time, each sent again as soon as it is answered."""
    async with httpx.AsyncClient(timeout=120) as http:
        async def one():
            while time.monotonic() < deadline:
                reply = await http.post(url + "/api/check", json={"reference": "2*x", "answer": SLOW})
                seen[f"{reply.status_code} {reply.json().get('decided_by', '')}".strip()] += 1
                if reply.status_code in (429, 503):
                    await asyncio.sleep(0.05)
        await asyncio.gather(*(one() for _ in range(in_flight)))


async def attack(url: str, students: int, seconds: float, attacked: bool = True, one_address: bool = False):
    deadline = time.monotonic() + seconds
    seen, attacker = [], Counter()
    await asyncio.gather(*([hostile(url, deadline, attacker)] if attacked else []),
                         *(student(url, k, deadline, seen, one_address) for k in range(students)))
    return seen, attacker


def server_errors(url: str) -> Counter:
    """5xx answers the server counted, by status (/metrics, read from the loopback)."""
    errors = Counter()
    for line in httpx.get(url + "/metrics", timeout=10).text.splitlines():
        if line.startswith("symnn_requests_total{") and 'status="5' in line:
            errors[line.split('status="')[1][:3]] += int(line.rsplit(" ", 1)[1])
    return errors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--students", type=int, default=30)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--no-hostile", action="store_true", help="the students alone, for comparison")
    parser.add_argument("--one-address", action="store_true", help="the students behind one address (a class's NAT)")
    args = parser.parse_args()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "symnn", "serve", "--port", str(port), "--workers", str(args.workers)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                httpx.get(url + "/healthz", timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.2)
        for problem, answer in RIGHT:                            # warm: every problem solved once
            httpx.post(url + "/api/check", json={"problem": problem, "answer": answer}, timeout=60)
        before = memory_mib(server.pid)
        seen, attacker = asyncio.run(attack(url, args.students, args.seconds, not args.no_hostile,
                                            args.one_address))
        after = memory_mib(server.pid)
        errors = server_errors(url)
    finally:
        server.terminate()
        server.wait(timeout=10)
    latencies = sorted(s for s, _ in seen)
    outcomes = Counter(o for _, o in seen)
    p99 = latencies[min(len(latencies) - 1, int(0.99 * len(latencies)))]
    print(f"| {0 if args.no_hostile else 1} hostile client + {args.students} students, {args.seconds:g} s, {args.workers} workers | value |")
    print("|---|---:|")
    print(f"| students' checks per second | {len(seen) / args.seconds:.1f} |")
    print(f"| students' p50 / p99 / max latency | {statistics.median(latencies) * 1000:.0f} / {p99 * 1000:.0f} / "
          f"{latencies[-1] * 1000:.0f} ms |")
    print(f"| students' answers by outcome | {', '.join(f'{k}: {v}' for k, v in sorted(outcomes.items()))} |")
    print(f"| hostile client's answers by outcome | {', '.join(f'{k}: {v}' for k, v in sorted(attacker.items()))} |")
    to_students = sum(n for outcome, n in outcomes.items() if outcome.startswith("5"))
    print(f"| 5xx answers, all clients (server's count) | {sum(errors.values())}"
          f"{' (' + ', '.join(f'{k}: {v}' for k, v in sorted(errors.items())) + ')' if errors else ''} |")
    print(f"| 5xx answers to students | {to_students} |")
    print(f"| server memory before → after | {before:.0f} → {after:.0f} MiB ({(after - before) / before:+.1%}) |")


if __name__ == "__main__":
    main()
