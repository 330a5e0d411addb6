"""Answers a student typed into the checker, each with the verdict and the words the feedback must hold (one
case per row, a comment each): products of matrices keep their order, a restated condition is not its
solution, every message starts with a verdict, and right answers in the notations people use are read."""

from __future__ import annotations

import pytest

from symnn.answers.check import check_bank_answer

VERDICT_WORDS = {"en": ("Correct", "Not correct", "Partly", "could not be read"),
                 "ru": ("Верно", "Неверно", "Частично", "не удалось прочитать")}


@pytest.mark.parametrize("problem, answer, lang, correct, said", [
    # ∇(xᵀAx) = 2Ax for a column x: x·A and A·xᵀ do not multiply, so 2xA, xA + Ax and 2Axᵀ are wrong
    ("quadratic-form-symmetric", "2xA", "en", False, None),
    ("quadratic-form-symmetric", "x A + A x", "en", False, "shapes do not fit"),
    ("quadratic-form-symmetric", "2Axᵀ", "en", False, None),
    ("quadratic-form-symmetric", "2xA", "ru", False, None),
    # a scalar factor may move: xᵀ2A is 2xᵀA, the gradient as a row
    ("quadratic-form-symmetric", "xᵀ2A", "en", True, "numerator layout"),
    ("quadratic-form-symmetric", "xᵀ2A", "ru", True, None),
    ("quadratic-form-symmetric", "A x + A x", "en", True, None),     # Ax + Ax = 2Ax, in order
    # |1 − a| < 1 is the condition the statement gives; the answer is its solution 0 < a < 2
    ("gd-convergence", "|1 − a| < 1", "en", False, "solve it for a"),
    ("gd-convergence", "-1 < 1 - a < 1", "en", False, "solve it for a"),        # half solved
    ("gd-convergence", "0 < a < 2", "en", True, None),
    ("hagan-stable-rate", "|1 − 2α| < 1 и |1 − 50α| < 1", "ru", False, "решите его относительно α"),
    ("hagan-stable-rate", "0 < α < 0,04", "ru", True, None),
])
def test_typed_answers(problem, answer, lang, correct, said):
    verdict = check_bank_answer(problem, answer, lang=lang)
    assert verdict.correct is correct, verdict.feedback
    assert verdict.feedback[0].startswith(VERDICT_WORDS[lang]) or any(w in verdict.feedback[0] for w in VERDICT_WORDS[lang]), \
        verdict.feedback
    if said is not None:
        assert any(said in line for line in verdict.feedback), verdict.feedback
