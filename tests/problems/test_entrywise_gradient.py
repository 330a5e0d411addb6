"""matrix-identity of a function applied entry by entry to a vector Mw (the logistic loss in matrix form): each term
uᵀg(Mw) by the chain rule, Mᵀ(u ⊙ g′(Mw)), the terms added entry by entry. Oracle: central differences with NumPy
on random data; the key's lines in English and Russian; the answers a student writes and the wrong ones."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp

from symnn.answers.check import check_answer
from symnn.nn.matrix_algebra import concrete
from symnn.nn.matrix_expansion import expanded_gradient
from symnn.problems.bank import BankError, Problem
from symnn.problems.solve import question_options, solve
from symnn.render import render
from symnn.render.math import text_math

H = 1e-6
SHAPES = {"X": "N x D", "w": "D", "y": "N"}


def sigma(z):
    return 1 / (1 + np.exp(-z))


# (expr, f on NumPy arrays (X, w, y), the answer as the key writes it)
CASES = {
    # the logistic negative log-likelihood: Xᵀ(σ(Xw) − y)
    "logistic": ("-(y^T*log(sigmoid(X*w)) + (1 - y)^T*log(1 - sigmoid(X*w)))",
                 lambda X, w, y: -(y @ np.log(sigma(X @ w)) + (1 - y) @ np.log(1 - sigma(X @ w))), "Xᵀ·(σ(X·w) - y)"),
    # one term alone: −Xᵀ(y ⊙ (1 − σ(Xw)))
    "one term": ("-y^T*log(sigmoid(X*w))", lambda X, w, y: -(y @ np.log(sigma(X @ w))), "-Xᵀ·(y ⊙ (1 - σ(X·w)))"),
    # another function, tanh: Xᵀ(y ⊙ (1 − tanh²(Xw)))
    "tanh": ("y^T*tanh(X*w)", lambda X, w, y: y @ np.tanh(X @ w), "Xᵀ·(y ⊙ (1 - (tanh(X·w) ⊙ tanh(X·w))))"),
}


@pytest.mark.parametrize("case", CASES)
def test_the_key_agrees_with_central_differences(case):
    expr, f, printed = CASES[case]
    run = expanded_gradient(expr, "w", SHAPES)
    assert run.holds and text_math(run.answer) == printed
    rng = np.random.default_rng(3)
    X, w, y = rng.normal(size=(5, 3)), rng.normal(size=3), rng.integers(0, 2, size=5).astype(float)
    key = concrete(run.answer, {"X": sp.Matrix(X), "w": sp.Matrix(w), "y": sp.Matrix(y)})
    key = np.array(sp.Matrix(key).evalf(), dtype=float).ravel()
    slope = [(f(X, w + H * e, y) - f(X, w - H * e, y)) / (2 * H) for e in np.eye(3)]
    assert np.allclose(key, slope, atol=1e-6)


@pytest.mark.parametrize("lang, lines", [
    ("en", ["∇_w(-yᵀ·ln(σ(X·w))) = -Xᵀ·(y ⊙ (1 - σ(X·w))) — the chain rule entry by entry, "
            "∇_w(aᵀ·g(M·w)) = Mᵀ·(a ⊙ g′(M·w)) with M = X, a = y and d/dz(ln(σ(z))) = 1 - σ(z)",
            # (1 − y)ᵀ, a transposed sum, keeps its brackets (not 1 − yᵀ, the number 1 minus a row)
            "∇_w(-(1 - y)ᵀ·ln(1 - σ(X·w))) = Xᵀ·((1 - y) ⊙ σ(X·w))",
            "The entries added as numbers, z being an entry of the same product: y·(σ(z) - 1) + (1 - y)·σ(z) = σ(z) - y",
            "Answer: ∇_w NLL = Xᵀ·(σ(X·w) - y)"]),
    ("ru", ["Сложим элементы как числа (z — элемент того же произведения): y·(σ(z) - 1) + (1 - y)·σ(z) = σ(z) - y",
            "Ответ: ∇_w NLL = Xᵀ·(σ(X·w) - y)"]),
])
def test_the_key_lines(lang, lines):
    text = render(solve("logistic-matrix-gradient"), "text", lang=lang, detail="brief")
    for line in lines:
        assert line in text, text


def test_the_latex_identity_writes_g_prime_as_math():
    # g′ is an italic g with a math prime, as σ′ is; not the upright name g\ensuremath{{}'}
    latex = render(solve("logistic-matrix-gradient"), "latex", detail="brief")
    assert r"\nabla_{w}(a^{T} g{(M w)}) = M^{T} (a \odot g'(M w))" in latex, latex
    assert "operatorname{g" not in latex


@pytest.mark.parametrize("answer, right", [
    ("X^T(\\sigma(Xw) - y)", True),             # the book's form, μ written out
    ("X^T sigma(Xw) - X^T y", True),            # multiplied out
    ("-X^T(y - sigma(Xw))", True),              # the sign outside
    ("(sigma(Xw) - y)^T X", True),              # as a row, the numerator layout (said in a note)
    ("X^T(y - sigma(Xw))", False),              # the sign of the log-likelihood's gradient
    ("X(sigma(Xw) - y)", False),                # the transpose left out
    ("X^T sigma(Xw)", False),                   # y left out
])
def test_the_checker_on_the_logistic_gradient(answer, right):
    solution = solve("logistic-matrix-gradient")
    verdict = check_answer(solution.answer, answer, **question_options(solution.problem))
    assert verdict.correct is right, verdict.feedback


@pytest.mark.parametrize("expr, error", [
    ("sigmoid(a^T*W*b)", "is a function of matrices"),                          # σ of a number made of matrices
    ("y^T*sigmoid(X*w)*y^T*X*w", "is not uᵀg(M·w) with g applied entry by entry"),   # a product after the function
    ("y^T*sigmoid(X*w + w)", "expr"),                                            # not M·w (shapes do not fit anyway)
])
def test_what_it_cannot_state_is_refused(expr, error):
    shapes = {"X": "N x N", "w": "N", "y": "N", "a": "N", "W": "N x N", "b": "N"}
    problem = Problem("p", "matrix-identity", "t", {"en": "…", "ru": "…"}, {"expr": expr, "wrt": "w", "shapes": shapes})
    with pytest.raises(BankError) as raised:
        solve(problem)
    assert error in str(raised.value), raised.value
