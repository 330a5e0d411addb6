"""The service's checker: a pool of sandboxed worker processes behind a fair gate, awaited
without blocking the server.

Problems are solved once, in a thread of the server (``answers.keys``: the bank is trusted, a
training problem takes seconds); each answer goes to a worker with the time limit and the memory cap. The time
limit counts the checking work only: pebble starts its clock when a worker takes the task, and
a task is handed to pebble only when a worker is free (``fair.FairGate``). A check that cannot
start in time raises ``NotStarted`` (the service answers 503 with Retry-After, never a verdict);
a check whose work ran out of time or memory raises ``NotFinished``.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import time
from functools import partial

from pebble import ProcessExpired, ProcessPool
from starlette.concurrency import run_in_threadpool

from ..answers.options import CheckOptions
from ..grading.worker import reference
from ..lang import phrase
from .fair import FairGate, NotStarted
from .metrics import METRICS
from .work import checked_in_time, preview_in_time, warm

QUEUE_PER_WORKER = 32       # checks waiting per worker before the service says it is busy (503)
WAITING_PER_CLIENT = 32     # one address's checks waiting (a class behind one NAT is one address); more: 503
MAX_WAIT = 5.0              # seconds a check may wait for a worker before the service says it is busy
PREVIEW_TIMEOUT = 1.0
START_GRACE = 30.0          # seconds a worker being replaced may take to start before a task is given up
KILL_AFTER = 1.0            # seconds past the limit before a worker that did not stop its check is killed

__all__ = ["Checker", "NotFinished", "NotStarted"]


class NotFinished(Exception):
    """The check ran, and its worker ran out of time or memory: ``kind`` is "timeout" or "crashed"."""

    def __init__(self, kind: str, message: str):
        super().__init__(message)
        self.kind, self.message = kind, message


class Checker:
    def __init__(self, workers: int = 2, timeout: float = 2.0, memory_mb: int = 1024, bank=None,
                 max_wait: float = MAX_WAIT):
        self.timeout, self.memory_mb, self.bank, self.workers = timeout, memory_mb, bank, workers
        # a client holds at most half of the workers (one of two), so one client cannot take them all
        self.gate = FairGate(slots=workers, per_client=max(1, workers // 2), max_waiting=workers * QUEUE_PER_WORKER,
                             per_client_waiting=WAITING_PER_CLIENT, max_wait=max_wait)
        # a fork server: workers start from a clean process, not from the threaded server
        self._pool = ProcessPool(max_workers=workers, initializer=warm, initargs=(memory_mb,),
                                 context=multiprocessing.get_context("forkserver"))

    def close(self) -> None:
        self._pool.stop()
        self._pool.join(timeout=5)

    async def _run(self, client: str, function, args, timeout: float, lang: str):
        try:
            waited = await self.gate.enter(client)
        except NotStarted as refused:
            METRICS.count("symnn_checks_not_started_total", reason=refused.reason)
            raise
        METRICS.observe_wait(waited)
        start = time.monotonic()
        try:
            # the worker stops the check itself at ``timeout`` (work.in_time) and stays; pebble kills it
            # only if it does not (C code that never returns to Python)
            future = self._pool.schedule(function, args=(timeout, *args), timeout=timeout + KILL_AFTER)
            try:
                return await asyncio.wait_for(asyncio.wrap_future(future), timeout + START_GRACE)
            except asyncio.CancelledError:
                future.cancel()
                raise
            except TimeoutError as error:
                if error.args[:1] == ("Task timeout",):          # pebble's: the work ran out of time
                    METRICS.count("symnn_worker_restarts_total")
                    METRICS.count("symnn_checks_total", outcome="timeout")
                    raise NotFinished("timeout", phrase(lang, "check.timeout", seconds=timeout)) from None
                future.cancel()                                     # ours: the task never started
                METRICS.count("symnn_checks_not_started_total", reason="start")
                raise NotStarted("start") from None
            except (ProcessExpired, MemoryError):
                METRICS.count("symnn_worker_restarts_total")
                METRICS.count("symnn_checks_total", outcome="crashed")
                raise NotFinished("crashed", phrase(lang, "check.crashed", seconds=timeout)) from None
        finally:
            worked = time.monotonic() - start
            METRICS.observe_work(worked)
            self.gate.leave(client, worked)

    async def check(self, answer: str, lang: str, problem: str | None = None, variant: int | None = None,
                    answer_reference=None, options: dict | None = None, client: str = "-") -> dict:
        """The verdict as a dict: ``correct``, ``score``, ``feedback``, ``decided_by``, ``answer``;
        ``options``: check options for a reference (tolerances, conventions; ValueError if bad)."""
        if problem is not None:                          # solved once, in a thread (answers.keys); then a look-up
            answer_reference, settings = await run_in_threadpool(
                partial(reference, problem, self.bank, lang, self.timeout, variant))
            if answer_reference is None:
                raise LookupError(settings)
        else:
            given = {k: v for k, v in (options or {}).items() if k not in ("timeout", "memory_mb", "lang")}
            try:
                settings = CheckOptions.from_dict({**given, "lang": lang, "timeout": self.timeout})
            except TypeError as error:           # an unknown option's name
                raise ValueError(str(error)) from None
        result = await self._run(client, checked_in_time, (answer_reference, answer, settings), self.timeout, lang)
        if result["verdict"] == "invalid":
            raise ValueError(result["feedback"][0])
        if result["verdict"] in ("timeout", "crashed"):          # the checker failed inside: not a verdict
            METRICS.count("symnn_checks_total", outcome=result["verdict"])
            raise NotFinished(result["verdict"], result["feedback"][0])
        METRICS.count("symnn_checks_total", outcome=result["verdict"])
        return {"correct": result["verdict"] == "correct", "score": result["score"], "feedback": result["feedback"],
                "decided_by": result["decided_by"], "answer": result["answer_read"] or None}

    async def preview(self, answer: str, known: tuple[str, ...] = (), lang: str = "en", client: str = "-") -> dict:
        try:
            return await self._run(client, preview_in_time, (answer, known, lang), PREVIEW_TIMEOUT, lang)
        except NotFinished:
            return {"ok": False, "error": phrase(lang, "check.preview slow")}
