"""The grading pool under a worker that hangs, one that dies, and one that eats memory: each of
those rows gets its own error verdict, and the pool goes on grading the next rows."""

from __future__ import annotations

import os
import time

from symnn.grading.batch import Pool, Settings
from symnn.grading.submissions import Row


def _hang(seconds):
    time.sleep(seconds)


def _die():
    os._exit(1)


def _eat():
    return bytearray(4 * 1024 ** 3)      # past the worker's memory cap


def test_a_hung_a_dead_and_a_greedy_worker_each_give_their_row_a_verdict():
    pool = Pool(Settings(timeout=0.5, memory_mb=512, workers=2))
    try:
        hung = pool._pool.schedule(_hang, args=(30,), timeout=0.5)
        dead = pool._pool.schedule(_die)
        greedy = pool._pool.schedule(_eat, timeout=5)
        started = time.monotonic()
        assert pool.result(hung)["verdict"] == "timeout"
        assert time.monotonic() - started < 5
        assert pool.result(dead)["verdict"] == "crashed"
        assert pool.result(greedy)["verdict"] in ("crashed", "invalid")     # MemoryError in the worker, or its death
        after = pool.result(pool.submit(Row(0, "ann", "4.5", "(1, 2)")))
        assert after["verdict"] == "correct"
    finally:
        pool.close()


def test_an_unknown_problem_is_answered_without_a_worker():
    pool = Pool(Settings(workers=1))
    try:
        result = pool.result(pool.submit(Row(0, "ann", "no-such", "1")))
        assert result["verdict"] == "invalid" and "no problem" in result["feedback"][0]
    finally:
        pool.close()


def test_a_check_that_could_not_run_is_a_row_to_review_not_a_wrong_answer():
    from symnn.answers.check import Verdict
    from symnn.grading.worker import outcome
    for decided_by, kind in (("timeout", "timeout"), ("crashed", "crashed"), ("error", "crashed"), ("random points", "incorrect")):
        assert outcome(Verdict(False, 0.0, ("…",), decided_by), 0.1)["verdict"] == kind, decided_by
