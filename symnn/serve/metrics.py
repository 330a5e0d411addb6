"""What ``/metrics`` reports, in Prometheus's text format: requests by route and status, a latency
histogram, checks, and worker restarts (a worker killed for time or memory and replaced).

>>> m = Metrics()
>>> m.observe("/api/check", 200, 0.02)
>>> 'symnn_requests_total{route="/api/check",status="200"} 1' in m.text()
True
"""

from __future__ import annotations

from collections import Counter

BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0)


class Metrics:
    def __init__(self):
        self.requests: Counter = Counter()
        self.buckets = [0] * len(BUCKETS)
        self.count, self.total = 0, 0.0
        self.worker_restarts = 0

    def observe(self, route: str, status: int, seconds: float) -> None:
        self.requests[(route, status)] += 1
        self.count += 1
        self.total += seconds
        for k, edge in enumerate(BUCKETS):
            if seconds <= edge:
                self.buckets[k] += 1

    def text(self) -> str:
        lines = ["# HELP symnn_requests_total Requests answered, by route and status.",
                 "# TYPE symnn_requests_total counter"]
        lines += [f'symnn_requests_total{{route="{route}",status="{status}"}} {n}'
                  for (route, status), n in sorted(self.requests.items())]
        lines += ["# HELP symnn_request_seconds Time to answer a request.", "# TYPE symnn_request_seconds histogram"]
        lines += [f'symnn_request_seconds_bucket{{le="{edge}"}} {n}' for edge, n in zip(BUCKETS, self.buckets)]
        lines += [f'symnn_request_seconds_bucket{{le="+Inf"}} {self.count}', f"symnn_request_seconds_sum {self.total:.6f}",
                  f"symnn_request_seconds_count {self.count}",
                  "# HELP symnn_worker_restarts_total Workers replaced after a timeout or a crash.",
                  "# TYPE symnn_worker_restarts_total counter", f"symnn_worker_restarts_total {self.worker_restarts}"]
        return "\n".join(lines) + "\n"


METRICS = Metrics()
