"""The service's checker: a pool of sandboxed worker processes, awaited without blocking the server.

Problems are solved once, in the server (the bank is trusted); each answer goes to a worker
with the time limit and the memory cap, and a worker that times out or dies is replaced by
pebble. A bounded gate in front keeps at most ``workers × QUEUE_PER_WORKER`` checks waiting:
past that the caller hears at once that the service is busy (503), never an unbounded backlog.
"""

from __future__ import annotations

import asyncio
import multiprocessing

from pebble import ProcessExpired, ProcessPool

from ..answers.options import CheckOptions
from ..grading.worker import failed, reference
from ..lang import phrase
from .metrics import METRICS
from .work import grade_row, preview, warm

QUEUE_PER_WORKER = 32       # checks waiting per worker before the service says it is busy (503)
PREVIEW_TIMEOUT = 1.0


class Busy(Exception):
    """Every worker is taken and the queue is full: come back later."""


class Checker:
    def __init__(self, workers: int = 2, timeout: float = 2.0, memory_mb: int = 1024, bank=None):
        self.timeout, self.memory_mb, self.bank = timeout, memory_mb, bank
        self.workers = workers
        self.limit = workers * QUEUE_PER_WORKER
        self.waiting = 0
        # a fork server: workers start from a clean process, not from the threaded server
        self._pool = ProcessPool(max_workers=workers, initializer=warm, initargs=(memory_mb,),
                                 context=multiprocessing.get_context("forkserver"))

    def close(self) -> None:
        self._pool.stop()
        self._pool.join(timeout=5)

    async def _run(self, function, args, timeout: float):
        if self.waiting >= self.limit:
            raise Busy()
        self.waiting += 1
        try:
            future = self._pool.schedule(function, args=args, timeout=timeout)
            return await asyncio.wait_for(asyncio.wrap_future(future), timeout + 30)
        finally:
            self.waiting -= 1

    async def check(self, answer: str, lang: str, problem: str | None = None, variant: int | None = None,
                    answer_reference=None, options: dict | None = None) -> dict:
        """The verdict as a dict: ``correct``, ``score``, ``feedback``, ``decided_by``, ``answer``;
        ``options``: check options for a reference (tolerances, conventions; ValueError if bad)."""
        if problem is not None:
            answer_reference, settings = reference(problem, self.bank, lang, self.timeout, variant)
            if answer_reference is None:
                raise LookupError(settings)
        else:
            given = {k: v for k, v in (options or {}).items() if k not in ("timeout", "memory_mb", "lang")}
            try:
                settings = CheckOptions.from_dict({**given, "lang": lang, "timeout": self.timeout})
            except TypeError as error:           # an unknown option's name
                raise ValueError(str(error)) from None
        try:
            result = await self._run(grade_row, (answer_reference, answer, settings), self.timeout)
        except TimeoutError:
            METRICS.worker_restarts += 1
            result = failed("check.timeout", lang, self.timeout)
        except (ProcessExpired, MemoryError):
            METRICS.worker_restarts += 1
            result = failed("check.crashed", lang, self.timeout)
        if result["verdict"] == "invalid":
            raise ValueError(result["feedback"][0])
        return {"correct": result["verdict"] == "correct", "score": result["score"], "feedback": result["feedback"],
                "decided_by": result["decided_by"], "answer": result["answer_read"] or None}

    async def preview(self, answer: str, known: tuple[str, ...] = (), lang: str = "en") -> dict:
        try:
            return await self._run(preview, (answer, known, lang), PREVIEW_TIMEOUT)
        except (TimeoutError, ProcessExpired, MemoryError):
            METRICS.worker_restarts += 1
            return {"ok": False, "error": phrase(lang, "check.preview slow")}
