"""Per-client rate limits: a token bucket for each client address.

>>> bucket = RateLimit(rate=1, burst=2)
>>> [bucket.allow("a", now=0.0) for _ in range(3)], bucket.allow("a", now=1.0)
([True, True, False], True)
"""

from __future__ import annotations

import time

MAX_CLIENTS = 10_000          # buckets kept; the oldest are forgotten, so memory stays flat


class RateLimit:
    def __init__(self, rate: float = 10.0, burst: float = 20.0):
        self.rate, self.burst = rate, burst
        self._buckets: dict[str, tuple[float, float]] = {}     # client -> (tokens, when)

    def allow(self, client: str, now: float | None = None) -> bool:
        now = time.monotonic() if now is None else now
        tokens, when = self._buckets.pop(client, (self.burst, now))
        tokens = min(self.burst, tokens + (now - when) * self.rate)
        allowed = tokens >= 1
        self._buckets[client] = (tokens - allowed, now)
        if len(self._buckets) > MAX_CLIENTS:
            self._buckets.pop(next(iter(self._buckets)))
        return allowed

    def retry_after(self) -> int:
        return max(1, round(1 / self.rate))
