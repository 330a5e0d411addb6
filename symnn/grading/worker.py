"""What a grading worker does with one row: check the answer against the problem's derived
answer and return a plain dict (picklable, the same wherever it ran). It never raises: a
failure of the check is the row's verdict.

The problem is solved once, by the caller, with the same code as ``symnn solve``
(``reference``, from ``answers.keys``); each row then sends only the answer and that reference,
so a row's time limit counts its answer alone.
"""

from __future__ import annotations

import dataclasses
import time

from ..answers.check import BadReference, Verdict, _check, _failure, shown
from ..answers.keys import bank_key
from ..answers.options import CheckOptions
from ..lang import phrase


def reference(problem_id: str, bank, lang: str, timeout: float, variant: int | None = None):
    """(the problem's answer, its check options), or (None, the reason it cannot be graded);
    ``variant``: the student's variant of the problem. The key is derived once (``answers.keys``)."""
    try:
        key = bank_key(problem_id, bank, variant)
        return key.answer, key.options(lang=lang, timeout=timeout)
    except (ValueError, TypeError) as error:        # an unknown problem, a bad bank file (BadReference)
        return None, str(error)


def outcome(verdict: Verdict, seconds: float) -> dict:
    """A verdict as the row's result: what results.csv holds, and the time taken."""
    # a check that could not run (out of time, out of resources, an error in the checker) is a row to
    # review, never a wrong answer
    could_not_run = {"timeout": "timeout", "crashed": "crashed", "error": "crashed"}
    kind = "correct" if verdict.correct else could_not_run.get(verdict.decided_by, "incorrect")
    answer = verdict.answer
    read = "" if answer is None or answer.value is None else shown(answer.value)
    return {"verdict": kind, "score": round(verdict.score, 4), "feedback": list(verdict.feedback),
            "decided_by": verdict.decided_by, "answer_read": read, "seconds": round(seconds, 4)}


def invalid(message: str) -> dict:
    """A row that cannot be graded: its own verdict, never a missing row."""
    return {"verdict": "invalid", "score": 0.0, "feedback": [message], "decided_by": "invalid", "answer_read": "",
            "seconds": 0.0}


def grade_row(answer_reference, answer: str, settings: CheckOptions, others=()) -> dict:
    """Check ``answer`` against the problem's answer; runs inside a worker process. ``others``:
    (variant, answer) of the problem's other variants, to tell a student who solved someone else's."""
    start = time.perf_counter()
    try:
        verdict = _check(answer_reference, answer, settings)
        if not verdict.correct and verdict.answer is not None:
            other = next((k for k, their in others if _check(their, answer, settings).correct), None)
            if other is not None:
                note = phrase(settings.lang, "check.other variant", variant=other)
                verdict = dataclasses.replace(verdict, feedback=(*verdict.feedback, note), decided_by="other variant")
    except BadReference as error:
        return invalid(str(error))
    except Exception as error:      # noqa: BLE001 - one answer never stops the batch
        verdict = _failure(settings, error)
    return outcome(verdict, time.perf_counter() - start)


def failed(key: str, lang: str, timeout: float) -> dict:
    """The result of a row whose check did not finish: out of time, or its worker died."""
    verdict = "timeout" if key == "check.timeout" else "crashed"
    return {"verdict": verdict, "score": 0.0, "feedback": [phrase(lang, key, seconds=timeout)],
            "decided_by": verdict, "answer_read": "", "seconds": timeout if verdict == "timeout" else 0.0}


def grade_row_limited(answer_reference, answer: str, settings: CheckOptions, others=()) -> dict:
    """``grade_row`` in this machine's sandbox (a killable process with the time limit and memory cap):
    what a worker of a cluster runs for each row."""
    from ..answers.sandbox import run_limited
    try:
        return run_limited(grade_row, (answer_reference, answer, settings, others), settings.timeout, settings.memory_mb)
    except TimeoutError:
        return failed("check.timeout", settings.lang, settings.timeout)
    except MemoryError:
        return failed("check.crashed", settings.lang, settings.timeout)
