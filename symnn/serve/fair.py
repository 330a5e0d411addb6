"""A fair gate in front of the checking workers: each client waits in its own line, a free worker
goes to the line whose client has used the workers least lately (worker-seconds, halved every
``HALF_LIFE`` seconds; in turn among equals), and no client holds more than its share of the
workers. One client sending many slow answers therefore delays only itself.

A check that cannot start within ``max_wait`` seconds leaves the line with ``NotStarted``: the
service says "busy, retry" (503), it never turns the wait into a verdict.

>>> import asyncio
>>> async def demo():
...     gate = FairGate(slots=1, per_client=1, max_waiting=10, per_client_waiting=10, max_wait=1.0)
...     await gate.enter("a")                       # a takes the only worker
...     order = []
...     async def wait(client):
...         await gate.enter(client); order.append(client); gate.leave(client)
...     tasks = [asyncio.create_task(wait(c)) for c in ("a", "a", "b")]
...     await asyncio.sleep(0)
...     gate.leave("a")
...     await asyncio.gather(*tasks)
...     return order
>>> asyncio.run(demo())                             # b is served before a's second answer
['a', 'b', 'a']
"""

from __future__ import annotations

import asyncio
import time
from collections import Counter, OrderedDict, deque

HALF_LIFE = 10.0          # seconds over which a client's use of the workers counts half


class NotStarted(Exception):
    """The check could not start: the lines are full, or it waited ``max_wait`` seconds."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason          # "full" or "wait"


class FairGate:
    def __init__(self, slots: int, per_client: int, max_waiting: int, per_client_waiting: int, max_wait: float):
        self.free, self.per_client = slots, per_client
        self.max_waiting, self.per_client_waiting, self.max_wait = max_waiting, per_client_waiting, max_wait
        self.running: Counter = Counter()
        self.lines: OrderedDict[str, deque] = OrderedDict()     # client -> its waiting futures, in turn order
        self.used: dict[str, tuple[float, float]] = {}           # client -> (worker-seconds, when), decaying

    @property
    def waiting(self) -> int:
        return sum(len(line) for line in self.lines.values())

    async def enter(self, client: str) -> float:
        """Wait for a worker of ``client``'s share; returns the seconds waited (NotStarted if it cannot)."""
        start = time.monotonic()
        line = self.lines.get(client, ())
        if self.waiting >= self.max_waiting or len(line) >= self.per_client_waiting:
            raise NotStarted("full")
        turn = asyncio.get_running_loop().create_future()
        self.lines.setdefault(client, deque()).append(turn)
        self._dispatch()
        try:
            await asyncio.wait_for(asyncio.shield(turn), self.max_wait)
        except (TimeoutError, asyncio.CancelledError) as stop:
            if turn.done() and not turn.cancelled():      # granted just as the wait ended: give it back
                self.leave(client)
            else:
                turn.cancel()
                self._forget(client, turn)
            if isinstance(stop, asyncio.CancelledError):  # the client went away
                raise
            raise NotStarted("wait") from None
        return time.monotonic() - start

    def leave(self, client: str, seconds: float = 0.0) -> None:
        """A check of ``client`` ended after ``seconds`` of work: its worker goes to the next line."""
        self.used[client] = (self.usage(client) + seconds, time.monotonic())
        self.running[client] -= 1
        if self.running[client] <= 0:
            del self.running[client]
        self.free += 1
        self._dispatch()

    def _may_run(self, client: str) -> bool:
        return self.free > 0 and self.running[client] < self.per_client

    def _take(self, client: str) -> None:
        self.free -= 1
        self.running[client] += 1

    def usage(self, client: str, now: float | None = None) -> float:
        """``client``'s worker-seconds, each counted less as it grows old."""
        seconds, when = self.used.get(client, (0.0, 0.0))
        return seconds * 0.5 ** (((time.monotonic() if now is None else now) - when) / HALF_LIFE)

    def _dispatch(self) -> None:
        """Give free workers to the lines, the least used client first; a line served goes to the back."""
        now = time.monotonic()
        for client, seconds in list(self.used.items()):        # forget who has not used a worker for long
            if now - seconds[1] > 6 * HALF_LIFE and client not in self.running and client not in self.lines:
                del self.used[client]
        while self.free > 0:
            ready = [client for client in self.lines if self._may_run(client)]
            if not ready:
                return
            client = min(ready, key=lambda c: self.usage(c, now))     # min keeps the turn order among equals
            line = self.lines.pop(client)
            turn = line.popleft()
            if line:
                self.lines[client] = line          # to the back of the turn order
            self._take(client)
            turn.set_result(None)

    def _forget(self, client: str, turn) -> None:
        line = self.lines.get(client)
        if line is not None and turn in line:
            line.remove(turn)
            if not line:
                del self.lines[client]
