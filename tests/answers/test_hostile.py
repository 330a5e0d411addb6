"""Hostile input: every answer gets a verdict or a clear error within the limit,
nothing is executed, and this (the caller's) process stays healthy."""

import time

import pytest

from symnn import check_answer
from symnn.answers.sandbox import run_limited

MARKER = "symnn-hostile-marker"


def payloads(marker_path):
    touch = f"__import__('os').system('touch {marker_path}')"
    return [
        touch,                                                             # plain-text injection
        f"().__class__.__base__.__subclasses__()[0]('{marker_path}')",     # the sandbox escape
        f"exec(\"open('{marker_path}', 'w')\")",                           # exec by name
        "eval('1')",                                                      # eval by name
        r"\text{" + touch + "}",                                           # injection inside LaTeX text
        r"\operatorname{" + "exec" + "}(1)",                               # an unknown LaTeX operator
        "lambda: open('" + str(marker_path) + "', 'w')",                   # a lambda
        "x; import os",                                                    # a statement
    ]


def test_injections_execute_nothing(tmp_path):
    marker = tmp_path / MARKER
    for answer in payloads(marker):
        verdict = check_answer("x", answer)
        assert verdict.correct is False, answer
        assert verdict.feedback, answer
    assert not marker.exists()


# (answer, why it is hostile)
HOSTILE = [
    ("10^{10^{10^{10}}}", "a LaTeX power tower"),
    ("10^10^10^10", "a plain-text power tower"),
    ("2^(2^(2^(2^(2^2))))", "a tower that grows past the exponent limit"),
    ("(" * 60 + "x" + ")" * 60, "60 nested parentheses (latex2sympy2 needs seconds for them)"),
    (r"\left(" * 60 + "x" + r"\right)" * 60, "60 nested LaTeX brackets"),
    ("x" * 1_000_000, "a 1 MB answer"),
    ("x+" * 400_000 + "x", "a long sum"),
    ("x\x00y", "a NUL byte"),
    ("\x00", "only a NUL byte"),
    ("х^2", "a Cyrillic х that looks like x"),
    ("１２", "full-width digits"),
    ("nan", "not a number"),
    (r"\infty", "infinity"),
    ("1e999", "a float overflow"),
    ("9" * 5000, "a huge integer"),
    (r"\begin{pmatrix}" + "1&" * 400 + r"1\end{pmatrix}", "a huge matrix"),
    ("(" + ", ".join(["1"] * 500) + ")", "a huge vector"),
    (r"\frac{1}{0}", "division by zero"),
    ("0^(-1)", "zero to a negative power"),
    (r"\int_0^1 x dx", "an integral"),
    (r"100!", "a factorial"),
    ("", "empty"),
    ("   ", "blank"),
    ("\u202ex\u202c", "bidirectional control characters"),
]


@pytest.mark.parametrize("answer, why", HOSTILE, ids=[why for _, why in HOSTILE])
def test_hostile_answer_gets_a_verdict(answer, why):
    start = time.perf_counter()
    verdict = check_answer("2*x", answer, timeout=2.0)
    elapsed = time.perf_counter() - start
    assert verdict.correct is False
    assert verdict.feedback and all(isinstance(line, str) for line in verdict.feedback)
    # the wall-clock limit holds (with room for starting a fresh worker process)
    assert elapsed < 2.0 + 5.0, f"{why}: {elapsed:.1f} s"


def test_a_runaway_computation_is_killed_and_the_worker_replaced():
    with pytest.raises(TimeoutError):
        run_limited(time.sleep, (30,), 0.5, 1024)
    assert run_limited(sum, ([1, 2, 3],), 5, 1024) == 6


def _allocate(megabytes):
    return len(bytearray(megabytes * 1024 * 1024))


def test_memory_is_capped_in_the_worker():
    with pytest.raises(MemoryError):
        run_limited(_allocate, (4096,), 10, 512)
    assert run_limited(_allocate, (10,), 10, 512) == 10 * 1024 * 1024


def test_the_caller_stays_healthy_after_all_of_it():
    assert check_answer("2*x", "2x").correct


def test_after_a_timeout_the_next_check_answers_normally():
    slow = check_answer("x", "sin(" * 120 + "x" + ")" * 120, timeout=0.3)
    assert slow.correct is False
    start = time.perf_counter()
    assert check_answer("2*x", "2x").correct
    assert time.perf_counter() - start < 2.0


def test_a_verdict_with_a_huge_integer_serialises():
    import json
    verdict = check_answer("1", "(10^1000)^6")               # 6001 digits: past Python's 4300-digit str limit
    assert verdict.correct is False
    text = json.dumps(verdict.as_dict())
    assert "e+6000" in text and len(text) < 1000
