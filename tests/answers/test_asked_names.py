"""A matrix answer asked through an intermediate the statement names (∇_W f through a = XW): the same value in
the raw letters (XᵀXW) is right-valued, in another form than asked: half the credit and "write it through a",
in English and Russian; a different product of the letters stays wrong. Each case's value is checked here with
NumPy at random matrices, so the table's right and wrong values are what they claim."""

from __future__ import annotations

import numpy as np
import pytest

from symnn.answers.check import check_bank_answer

RNG = np.random.default_rng(1)
X, W = RNG.normal(size=(4, 3)), RNG.normal(size=(3, 2))
A = X @ W


def gradient(W):
    """∇_W ½‖XW‖² by central differences, entry by entry."""
    h, grad = 1e-6, np.zeros_like(W)
    for index in np.ndindex(W.shape):
        step = np.zeros_like(W)
        step[index] = h
        grad[index] = (0.5 * np.sum((X @ (W + step)) ** 2) - 0.5 * np.sum((X @ (W - step)) ** 2)) / (2 * h)
    return grad


def test_the_values_of_the_table():
    assert np.allclose(X.T @ A, gradient(W), atol=1e-6) and np.allclose(X.T @ X @ W, gradient(W), atol=1e-6)


@pytest.mark.parametrize("answer, lang, correct, score, feedback", [
    # through a, as asked
    ("X^T a", "en", True, 1.0, ("Correct.", "It is the expected expression.")),
    ("Xᵀa", "ru", True, 1.0, ("Верно.", "Это ожидаемое выражение.")),
    # the raw inputs: right value, not through a
    ("X^T X W", "en", False, 0.5, ("Partly correct.", "The value is right, but the question asks for it written through a.")),
    ("Xᵀ X W", "ru", False, 0.5, ("Частично верно.", "Значение верное, но в вопросе просят выразить ответ через a.")),
    # the letters in another order: a matrix product does not commute, wrong
    ("X X^T W", "en", False, 0.0, ("Not correct.",)),
])
def test_an_answer_in_the_raw_letters_is_asked_through_a(answer, lang, correct, score, feedback):
    verdict = check_bank_answer("graph-matrix", answer, lang=lang, timeout=10)
    assert (verdict.correct, verdict.score, verdict.feedback) == (correct, score, feedback)
