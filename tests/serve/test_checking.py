"""Fair, honest checking: the time limit counts the work, never the wait; a check that cannot start
in time is refused (503), never a verdict; one client's slow answers delay only that client; the
metrics count what happened."""

from __future__ import annotations

import asyncio
import time

import pytest

pytest.importorskip("pebble")
pytest.importorskip("starlette")

from symnn.serve.checking import Checker, NotFinished  # noqa: E402
from symnn.serve.fair import FairGate, NotStarted  # noqa: E402
from symnn.serve.metrics import METRICS  # noqa: E402

# an answer whose check takes minutes (a product of 100 powers, expanded to compare): killed at the limit
SLOW = "*".join(f"(x+{k})^{k}" for k in range(1, 120))[:1990]


def _gate(**settings) -> FairGate:
    return FairGate(**{"slots": 2, "per_client": 1, "max_waiting": 100, "per_client_waiting": 100,
                       "max_wait": 5.0, **settings})


def test_lines_are_served_in_turn_and_one_client_holds_its_share_only():
    async def scenario():
        gate, order = _gate(), []

        async def job(client, seconds):
            await gate.enter(client)
            order.append(client)
            await asyncio.sleep(seconds)
            gate.leave(client)
        # the hostile client queues five slow jobs first; then five students one each
        tasks = [asyncio.create_task(job("hostile", 0.05)) for _ in range(5)]
        await asyncio.sleep(0)
        tasks += [asyncio.create_task(job(f"s{k}", 0.01)) for k in range(5)]
        await asyncio.gather(*tasks)
        return order
    order = asyncio.run(scenario())
    # the students never wait behind more than one of the hostile client's jobs
    assert order[:6].count("hostile") == 1 and set(order[1:6]) == {"s0", "s1", "s2", "s3", "s4"}


def test_a_client_that_used_the_workers_more_goes_after_one_that_did_not():
    async def scenario():
        gate, order = _gate(slots=1), []
        await gate.enter("hostile")

        async def job(client):
            await gate.enter(client)
            order.append(client)
            gate.leave(client, 0.01)
        waiting = [asyncio.create_task(job("hostile"))]          # in line first
        await asyncio.sleep(0)
        waiting.append(asyncio.create_task(job("student")))
        await asyncio.sleep(0)
        gate.leave("hostile", 2.0)                               # its first check took two seconds
        await asyncio.gather(*waiting)
        return order, round(gate.usage("hostile"), 1)
    assert asyncio.run(scenario()) == (["student", "hostile"], 2.0)


def test_a_check_that_cannot_start_in_time_is_refused_and_its_place_given_back():
    async def scenario():
        gate = _gate(slots=1, max_wait=0.1)
        await gate.enter("a")
        start = time.monotonic()
        with pytest.raises(NotStarted) as waited:
            await gate.enter("b")
        assert waited.value.reason == "wait" and 0.09 < time.monotonic() - start < 1
        assert gate.waiting == 0
        gate.leave("a")
        await gate.enter("b")                  # the worker is free again, b gets it at once
        return gate.free
    assert asyncio.run(scenario()) == 0


def test_full_lines_refuse_at_once():
    async def scenario():
        gate = _gate(slots=1, per_client_waiting=2)
        await gate.enter("a")
        waiting = [asyncio.create_task(gate.enter("a")) for _ in range(2)]
        await asyncio.sleep(0)
        with pytest.raises(NotStarted) as full:
            await gate.enter("a")
        for task in waiting:
            task.cancel()
        await asyncio.gather(*waiting, return_exceptions=True)
        return full.value.reason, gate.waiting, gate.free
    assert asyncio.run(scenario()) == ("full", 0, 0)


def test_a_client_that_leaves_while_waiting_gives_its_place_back():
    async def scenario():
        gate = _gate(slots=1)
        await gate.enter("a")
        waiting = asyncio.create_task(gate.enter("b"))
        await asyncio.sleep(0.01)
        waiting.cancel()
        await asyncio.gather(waiting, return_exceptions=True)
        gate.leave("a")
        return gate.free, gate.waiting, dict(gate.running)
    assert asyncio.run(scenario()) == (1, 0, {})


def test_waiting_never_counts_as_checking_time():
    """With one worker, a slow answer holds it for the whole limit; a right answer sent meanwhile waits,
    then gets its own full limit: it is checked right, not timed out."""
    async def scenario():
        checker = Checker(workers=1, timeout=1.5, max_wait=30.0)
        try:
            await checker.check("(10, 45)", "en", problem="4.6", client="warm")      # the worker is up
            restarts = METRICS.value("symnn_worker_restarts_total")
            slow = asyncio.create_task(checker.check(SLOW, "en", answer_reference="2*x", client="hostile"))
            await asyncio.sleep(0.2)
            right = await checker.check("(10, 45)", "en", problem="4.6", client="student")
            with pytest.raises(NotFinished) as timed_out:
                await slow
            return right, timed_out.value.kind, METRICS.value("symnn_worker_restarts_total") - restarts
        finally:
            checker.close()
    right, kind, restarts = asyncio.run(scenario())
    assert right["correct"] is True and right["decided_by"] != "timeout"
    assert kind == "timeout" and restarts == 0             # the worker stopped the slow check itself and lives on


def test_a_check_that_waits_too_long_is_not_started_never_a_verdict():
    async def scenario():
        checker = Checker(workers=1, timeout=1.5, max_wait=0.3)
        try:
            await checker.check("(10, 45)", "en", problem="4.6", client="warm")
            before = METRICS.value("symnn_checks_not_started_total", reason="wait")
            slow = asyncio.create_task(checker.check(SLOW, "en", answer_reference="2*x", client="hostile"))
            await asyncio.sleep(0.1)
            with pytest.raises(NotStarted):
                await checker.check("(10, 45)", "en", problem="4.6", client="student")
            await asyncio.gather(slow, return_exceptions=True)
            return METRICS.value("symnn_checks_not_started_total", reason="wait") - before
        finally:
            checker.close()
    assert asyncio.run(scenario()) == 1
