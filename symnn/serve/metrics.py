"""What ``/metrics`` reports, in Prometheus's text format: requests by route and status, their
latency, and what the checker really did: checks by outcome (a verdict, work out of time, a worker
crashed), checks that could not start (lines full, waited too long), the time waited for a worker
apart from the time worked, rate-limit refusals, and worker restarts (a worker killed for time or
memory and replaced; never counted for a wait).

>>> m = Metrics()
>>> m.observe("/api/check", 200, 0.02)
>>> m.count("symnn_checks_total", outcome="correct")
>>> text = m.text()
>>> 'symnn_requests_total{route="/api/check",status="200"} 1' in text, 'symnn_checks_total{outcome="correct"} 1' in text
(True, True)
"""

from __future__ import annotations

from collections import Counter

BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0)

COUNTERS = {   # name -> its help line; every counter is listed, at 0 until it happens
    "symnn_checks_total": "Checks that ran, by outcome (a verdict, or timeout/crashed: the work did not finish).",
    "symnn_checks_not_started_total": "Checks refused before a worker took them (full: lines full; wait, start: too long).",
    "symnn_worker_restarts_total": "Workers replaced after their work ran out of time or memory.",
    "symnn_rate_limited_total": "Requests refused by the per-client rate limit, by kind.",
    "symnn_disconnects_total": "Clients that went away before their answer (logged as 499).",
}


class Histogram:
    def __init__(self):
        self.buckets = [0] * len(BUCKETS)
        self.count, self.total = 0, 0.0

    def observe(self, seconds: float) -> None:
        self.count += 1
        self.total += seconds
        for k, edge in enumerate(BUCKETS):
            if seconds <= edge:
                self.buckets[k] += 1

    def lines(self, name: str, help: str) -> list[str]:
        return [f"# HELP {name} {help}", f"# TYPE {name} histogram",
                *(f'{name}_bucket{{le="{edge}"}} {n}' for edge, n in zip(BUCKETS, self.buckets)),
                f'{name}_bucket{{le="+Inf"}} {self.count}', f"{name}_sum {self.total:.6f}", f"{name}_count {self.count}"]


class Metrics:
    def __init__(self):
        self.requests: Counter = Counter()
        self.latency, self.waits, self.work = Histogram(), Histogram(), Histogram()
        self.counters: Counter = Counter()        # (name, labels) -> n

    def observe(self, route: str, status: int, seconds: float) -> None:
        self.requests[(route, status)] += 1
        self.latency.observe(seconds)

    def observe_wait(self, seconds: float) -> None:
        self.waits.observe(seconds)

    def observe_work(self, seconds: float) -> None:
        self.work.observe(seconds)

    def count(self, name: str, **labels) -> None:
        self.counters[(name, tuple(sorted(labels.items())))] += 1

    def value(self, name: str, **labels) -> int:
        return self.counters[(name, tuple(sorted(labels.items())))]

    def text(self) -> str:
        lines = ["# HELP symnn_requests_total Requests answered, by route and status.",
                 "# TYPE symnn_requests_total counter"]
        lines += [f'symnn_requests_total{{route="{route}",status="{status}"}} {n}'
                  for (route, status), n in sorted(self.requests.items())]
        lines += self.latency.lines("symnn_request_seconds", "Time to answer a request.")
        lines += self.waits.lines("symnn_check_wait_seconds", "Time a check waited for a worker.")
        lines += self.work.lines("symnn_check_work_seconds", "Time a worker spent on a check.")
        for name, help in COUNTERS.items():
            lines += [f"# HELP {name} {help}", f"# TYPE {name} counter"]
            found = sorted((labels, n) for (counter, labels), n in self.counters.items() if counter == name)
            if not found:
                lines.append(f"{name} 0")
            for labels, n in found:
                shown = ",".join(f'{key}="{value}"' for key, value in labels)
                lines.append(f"{name}{{{shown}}} {n}" if shown else f"{name} {n}")
        return "\n".join(lines) + "\n"


METRICS = Metrics()
