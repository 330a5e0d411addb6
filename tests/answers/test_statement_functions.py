"""A letter the statement defines as a function, "f = σ entry by entry", is σ where an answer applies it:
-(y - f(XW_1)W_2) f(XW_1)^T is the σ formula. The oracle: the σ formula equals the gradient of
L = ½(y − σ(XW₁)W₂)² by W₂ taken by central differences on random matrices (NumPy)."""

from __future__ import annotations

import numpy as np
import pytest

from symnn.answers.check import check_bank_answer
from symnn.answers.keys import bank_key

RNG = np.random.default_rng(7)
X, W1, W2, Y = RNG.normal(size=(1, 3)), RNG.normal(size=(3, 4)), RNG.normal(size=(4, 1)), 0.3
sigma = lambda z: 1 / (1 + np.exp(-z))                                           # noqa: E731
loss = lambda w2: 0.5 * ((Y - sigma(X @ W1) @ w2) ** 2).item()                   # noqa: E731
NUMERIC = np.array([[(loss(W2 + e) - loss(W2 - e)) / 2e-6 for e in 1e-6 * np.eye(4)[:, :, None]]]).reshape(4, 1)
FORMULA = -(Y - sigma(X @ W1) @ W2) * sigma(X @ W1).T                            # -(y - σ(XW₁)W₂) σ(XW₁)ᵀ
assert np.allclose(NUMERIC, FORMULA, atol=1e-6)
SAME_EN = ("Correct.", "It is the same product of matrices and vectors (checked on random matrices).")


@pytest.mark.parametrize("problem, answer, lang, correct, said", [
    # the student's report: the slide's f for σ
    ("two-layer-w2", "-(y - f(XW_1)W_2) f(XW_1)^T", "en", True, SAME_EN),
    ("two-layer-w2", "-(y - f(XW_1)W_2) f(XW_1)^T", "ru", True,
     ("Верно.", "Это то же произведение матриц и векторов (проверено на случайных матрицах).")),
    # in LaTeX with \left( \right)
    ("two-layer-w2", r"-\left(y - f\left(XW_1\right)W_2\right) f\left(XW_1\right)^T", "en", True, SAME_EN),
    # σ, as before
    ("two-layer-w2", "-(y - σ(XW_1)W_2) σ(XW_1)^T", "en", True, SAME_EN),
    # the slide's own formula, without the transpose: still told it is transposed
    ("two-layer-w2", "-(y - f(XW_1)W_2) f(XW_1)", "en", False,
     ("Not correct.", "The whole formula is transposed: a gradient has the shape of what it is taken by.")),
    # f′ is σ′ in the gradient by W₁
    ("two-layer-grad", "-(y - f(XW_1)W_2) X^T (W_2^T ⊙ f'(XW_1))", "en", True, SAME_EN),
    # f where σ′ is needed is wrong
    ("two-layer-grad", "-(y - f(XW_1)W_2) X^T (W_2^T ⊙ f(XW_1))", "en", False, ("Not correct.",)),
])
def test_statement_functions(problem, answer, lang, correct, said):
    verdict = check_bank_answer(problem, answer, lang=lang)
    assert verdict.correct is correct, verdict.feedback
    assert verdict.feedback[:len(said)] == said, verdict.feedback


def test_only_a_statement_that_defines_the_letter_gets_it():
    # f = σ in the statement gives the option; a problem without it gets none
    assert dict(bank_key("two-layer-w2").question)["functions"] == (("f", "σ"),)
    assert "functions" not in dict(bank_key("quadratic-form-grad").question)
