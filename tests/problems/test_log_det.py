"""matrix-identity of a determinant (expr with det(X)): Jacobi's formula ∇_X det X = det(X)·X⁻ᵀ with the chain rule,
so ∇_X ln det X = X⁻ᵀ, and X⁻¹ for a symmetric X. Oracles: central differences with NumPy on random matrices, and
for a symmetric X the derivative along a symmetric direction; the keys' lines in English and Russian; the forms a
student writes (X^{-T}, (X^{-1})^T, inv(X)^T) and the wrong ones."""

from __future__ import annotations

import re

import numpy as np
import pytest
import sympy as sp

from symnn.answers.check import check_answer
from symnn.nn.matrix_algebra import concrete
from symnn.nn.matrix_expansion import expanded_gradient
from symnn.problems.bank import BankError, Problem
from symnn.problems.schema import problem_errors
from symnn.problems.solve import question_options, solve
from symnn.render import render

H = 1e-6


def _key_at(answer, X: np.ndarray, A: np.ndarray | None = None) -> np.ndarray:
    values = {"X": sp.Matrix(X)} | ({"A": sp.Matrix(A)} if A is not None else {})
    return np.array(concrete(answer, values).evalf(), dtype=float)


def _differences(f, X: np.ndarray) -> np.ndarray:
    """∂f/∂X_ij by central differences, each entry on its own."""
    grad = np.zeros_like(X)
    for i in range(X.shape[0]):
        for j in range(X.shape[1]):
            E = np.zeros_like(X)
            E[i, j] = H
            grad[i, j] = (f(X + E) - f(X - E)) / (2 * H)
    return grad


# (expr, shapes, f on NumPy matrices (X, A)); the key at random X (det X > 0) against central differences
CASES = {
    # Boyd's log det: X⁻ᵀ
    "log det": ("log(det(X))", lambda X, A: np.log(np.linalg.det(X))),
    # the determinant itself: det(X)·X⁻ᵀ
    "det": ("det(X)", lambda X, A: np.linalg.det(X)),
    # a power of the determinant, by the chain rule: 2det(X)²X⁻ᵀ
    "det squared": ("det(X)^2", lambda X, A: np.linalg.det(X) ** 2),
    # a barrier beside a linear term, as in the log-det problems of Boyd's chapter 11: Aᵀ − X⁻ᵀ
    "barrier": ("tr(A*X) - log(det(X))", lambda X, A: np.trace(A @ X) - np.log(np.linalg.det(X))),
}


@pytest.mark.parametrize("case", CASES)
def test_the_key_agrees_with_central_differences(case):
    expr, f = CASES[case]
    run = expanded_gradient(expr, "X", {"X": "n x n", "A": "n x n"})
    assert run.holds
    rng = np.random.default_rng(1)
    for _ in range(3):
        X = rng.normal(size=(3, 3)) + 3 * np.eye(3)        # invertible with det X > 0
        A = rng.normal(size=(3, 3))
        assert np.allclose(_key_at(run.answer, X, A), _differences(lambda M: f(M, A), X), atol=1e-5)


def test_a_symmetric_x_gives_the_inverse_and_agrees_along_symmetric_directions():
    """For X = Xᵀ the book writes X⁻¹; along a symmetric direction E, d/dt ln det(X + tE) = tr(X⁻¹E) = ⟨X⁻¹, E⟩."""
    run = expanded_gradient("log(det(X))", "X", {"X": "n x n"}, symmetric=("X",))
    assert str(run.answer) == "X**(-1)" and run.holds
    rng = np.random.default_rng(2)
    B = rng.normal(size=(3, 3))
    X = B @ B.T + np.eye(3)
    E = rng.normal(size=(3, 3))
    E = E + E.T
    slope = (np.log(np.linalg.det(X + H * E)) - np.log(np.linalg.det(X - H * E))) / (2 * H)
    assert np.isclose(np.sum(_key_at(run.answer, X) * E), slope, atol=1e-6)


def test_a_wrong_gradient_is_not_said_to_hold():
    """The entry-by-entry check can fail: X⁻¹ for a general X is not the derivative of ln det X."""
    from symnn.calculus.transpose import Letter
    from symnn.nn.matrix_expansion import _holds
    run = expanded_gradient("log(det(X))", "X", {"X": "n x n"})
    assert not _holds(run.function, Letter("X") ** -1, run.wrt, {"X": ("n", "n")})


@pytest.mark.parametrize("lang, lines", [
    ("en", ["∇_X(ln(det(X))) = X⁻ᵀ — Jacobi's formula ∇_X(det(X)) = det(X)·X⁻ᵀ and the chain rule",
            "Answer: ∇_X f = X⁻ᵀ"]),
    ("ru", ["∇_X(ln(det(X))) = X⁻ᵀ — формула Якоби ∇_X(det(X)) = det(X)·X⁻ᵀ и производная сложной функции",
            "Ответ: ∇_X f = X⁻ᵀ"]),
])
def test_the_key_names_jacobis_formula(lang, lines):
    text = render(solve("log-det-gradient"), "text", lang=lang, detail="brief")
    for line in lines:
        assert line in text, text


def test_the_symmetric_key_says_why_the_inverse():
    text = render(solve("log-det-symmetric"), "text", lang="en", detail="brief")
    assert "; here X = Xᵀ, so X⁻ᵀ = X⁻¹" in text and "Answer: ∇_X f = X⁻¹" in text, text


@pytest.mark.parametrize("problem_id, answer, right", [
    ("log-det-gradient", "X^{-T}", True),                 # the book's short form
    ("log-det-gradient", "(X^{-1})^T", True),             # the inverse transposed
    ("log-det-gradient", "(X^T)^{-1}", True),             # the transpose inverted
    ("log-det-gradient", "inv(X)^T", True),               # NumPy's name of the inverse
    ("log-det-gradient", "X⁻ᵀ", True),                    # typed in Unicode
    ("log-det-gradient", "X^{-1}", False),                # right only for a symmetric X
    ("log-det-gradient", "inv(X)", False),                # the same slip, NumPy's way
    ("log-det-gradient", "X^T", False),                   # no inverse
    ("log-det-symmetric", "X^{-1}", True),                # the book's form, X = Xᵀ
    ("log-det-symmetric", "X^{-T}", True),                # the general form, equal here
    ("log-det-symmetric", "2 X^{-1}", False),             # the off-diagonal entries counted twice
])
def test_the_checker_on_log_det(problem_id, answer, right):
    solution = solve(problem_id)
    verdict = check_answer(solution.answer, answer, **question_options(solution.problem))
    assert verdict.correct is right, verdict.feedback


BASE = {"id": "p", "kind": "matrix-identity", "statement": {"en": "…", "ru": "…"}}


def test_a_symmetric_wrt_is_allowed_for_det_only():
    sym = {"wrt": "X", "shapes": {"X": "n x n"}, "symmetric": ["X"]}
    assert problem_errors({**BASE, **sym, "expr": "log(det(X))"}) == []
    assert any(e.startswith("wrt: X is symmetric") for e in problem_errors({**BASE, **sym, "expr": "tr(X)"}))


@pytest.mark.parametrize("fields, error", [
    ({"expr": "log(det(A*X))", "wrt": "X", "shapes": {"A": "n x n", "X": "n x n"}},
     "expr: det(A*X) is not the determinant of a square matrix letter of shapes"),        # det of a product
    ({"expr": "log(det(X))", "wrt": "X", "shapes": {"X": "m x n"}},
     "expr: det(X) is not the determinant of a square matrix letter of shapes"),          # not square
    ({"expr": "det(X)*tr(X)", "wrt": "X", "shapes": {"X": "n x n"}},
     "expr: .* multiplies a function of det X by a term of matrices"),                   # not a function of det X alone
    ({"expr": "log(det(X)) + tr(X)", "wrt": "X", "shapes": {"X": "n x n"}, "symmetric": ["X"]},
     "symmetric: X is symmetric, and a term other than a function of det X uses it"),
])
def test_what_the_determinant_cannot_state_is_refused(fields, error):
    problem = Problem("p", "matrix-identity", "t", BASE["statement"], fields)
    with pytest.raises(BankError) as raised:
        solve(problem)
    assert re.search(error if ".*" in error else re.escape(error), str(raised.value)), raised.value
