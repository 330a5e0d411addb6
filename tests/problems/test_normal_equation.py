"""Where a matrix-form gradient is zero (matrix-identity with ``find = "minimizer"``): the normal equation
XᵀXw = Xᵀy and w = (XᵀX)⁻¹Xᵀy, against NumPy's least squares; the key's lines; the checker's table."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp

from symnn import render
from symnn.answers.check import check_bank_answer
from symnn.calculus.transpose import MARK
from symnn.nn.matrix_form import derive
from symnn.nn.matrix_solution import stationary_point
from symnn.problems.bank import BankError, load_bank
from symnn.problems.solve import solve


def evaluated(expr, values: dict) -> np.ndarray:
    """A formula of letters (Xᵀ the transpose of X) on NumPy matrices, numbers as floats."""
    if isinstance(expr, sp.Symbol):
        base = values[expr.name.removesuffix(MARK)]
        return base.T if expr.name.endswith(MARK) else base
    if expr.is_Number:
        return float(expr)
    if isinstance(expr, sp.Add):
        return sum(evaluated(a, values) for a in expr.args)
    if isinstance(expr, sp.Mul):
        out = 1.0
        for factor in expr.args:
            value = evaluated(factor, values)
            out = out * value if np.ndim(out) == 0 or np.ndim(value) == 0 else out @ value
        return out
    if isinstance(expr, sp.Pow) and expr.exp == -1:
        base = evaluated(expr.base, values)
        return np.linalg.inv(base) if np.ndim(base) else 1 / base
    raise TypeError(type(expr).__name__)


def test_the_solution_is_numpys_least_squares_and_zeroes_the_gradient():
    run = derive("linear-regression")
    point = stationary_point(run)
    rng = np.random.default_rng(0)
    X, y = rng.normal(size=(7, 3)), rng.normal(size=(7, 1))
    w = evaluated(point.solution, {"X": X, "y": y})
    assert np.allclose(w, np.linalg.lstsq(X, y, rcond=None)[0])
    gradient = evaluated(run.answer, {"X": X, "y": y, "w": w, "n": 7})      # −(2/n)Xᵀ(y − Xw) at w
    assert np.allclose(gradient, 0)
    assert np.allclose(evaluated(point.lhs, {"X": X, "w": w}), evaluated(point.rhs, {"X": X, "y": y}))


def test_a_gradient_not_affine_in_its_variable_has_no_normal_equation():
    assert stationary_point(derive("two-layer")) is None           # σ(XW₁) is not M·W₁ + r


@pytest.mark.parametrize("lang, lines", [
    # the gradient in one line, with the result (the problem may be handed out alone), then the equation steps
    ("en", ["The gradient: ∂MSE/∂w = -Xᵀ·(2(y - X·w)/n) = -2Xᵀ·(y - X·w)/n — the gradient of (1/n)·‖y - X·w‖^2 "
            "by y - X·w is 2(y - X·w)/n, and the factor -X of w goes over transposed, on the left",
            "Where the gradient is zero, the normal equation follows: "
            "-2Xᵀ·(y - X·w)/n = 0 ⇒ Xᵀ·X·w - Xᵀ·y = 0 ⇒ Xᵀ·X·w = Xᵀ·y",
            "Where Xᵀ·X is invertible: w = (Xᵀ·X)⁻¹·Xᵀ·y",
            "Answer: w = (Xᵀ·X)⁻¹·Xᵀ·y"]),
    ("ru", ["Градиент: ∂MSE/∂w = -Xᵀ·(2(y - X·w)/n) = -2Xᵀ·(y - X·w)/n — градиент (1/n)·‖y - X·w‖^2 "
            "по y - X·w равен 2(y - X·w)/n, а множитель -X при w переходит транспонированным влево",
            "Там, где градиент равен нулю, получается нормальное уравнение: "
            "-2Xᵀ·(y - X·w)/n = 0 ⇒ Xᵀ·X·w - Xᵀ·y = 0 ⇒ Xᵀ·X·w = Xᵀ·y",
            "Если матрица Xᵀ·X обратима: w = (Xᵀ·X)⁻¹·Xᵀ·y",
            "Ответ: w = (Xᵀ·X)⁻¹·Xᵀ·y"]),
])
def test_the_key_sets_the_gradient_to_zero(lang, lines):
    printed = render(solve("linreg-normal-matrix"), "text", lang=lang, detail="brief").splitlines()
    assert printed[-4:] == lines
    # the step-by-step derivation of linreg-matrix-grad is not repeated: one line of gradient, no rule per step
    assert not any(line.startswith(("Backwards", "Идём", "   ")) for line in printed)
    latex = render(solve("linreg-normal-matrix"), "latex", lang=lang, detail="brief")
    assert r"w = {(X^{T} X)}^{-1} X^{T} y" in latex
    assert (r"- \frac{2 X^{T} (y - X w)}{n} &= 0 \;\Rightarrow\; X^{T} X w - X^{T} y = 0 \;\Rightarrow\; "
            r"X^{T} X w = X^{T} y") in latex


def test_each_line_of_the_key_holds_on_numbers():
    # NumPy on random X, y, w: the one-line gradient against central differences of the MSE, then each
    # equation of the chain at the solution, and the middle one as the first times n/2
    rng = np.random.default_rng(11)
    n, d = 6, 3
    X, y, w = rng.normal(size=(n, d)), rng.normal(size=(n, 1)), rng.normal(size=(d, 1))
    mse = lambda v: float(np.sum((y - X @ v) ** 2)) / n                              # noqa: E731
    h = 1e-6
    central = np.array([[(mse(w + h * e[:, None]) - mse(w - h * e[:, None])) / (2 * h)] for e in np.eye(d)])
    written = -X.T @ (2 * (y - X @ w) / n)                                          # −Xᵀ·(2(y − Xw)/n)
    assert np.allclose(central, written, atol=1e-6)
    assert np.allclose(written, -2 * X.T @ (y - X @ w) / n)
    assert np.allclose(written * (n / 2), X.T @ X @ w - X.T @ y)                    # ⇒ XᵀXw − Xᵀy: times n/2
    best = np.linalg.inv(X.T @ X) @ X.T @ y                                         # w = (XᵀX)⁻¹Xᵀy
    assert np.allclose(best, np.linalg.lstsq(X, y, rcond=None)[0])
    assert np.allclose(-2 * X.T @ (y - X @ best) / n, 0) and np.allclose(X.T @ X @ best, X.T @ y)


@pytest.mark.parametrize("answer, correct", [
    ("(X^TX)^{-1}X^Ty", True),                 # the normal equation's solution
    ("(X^T X)^{-1} X^T y", True),              # spaced
    (r"\left(X^{T}X\right)^{-1}X^{T}y", True),  # LaTeX as a key prints it
    ("X^{-1}y", False),                        # X is n×d: no inverse (on square letters it would pass)
    ("(XX^T)^{-1}X^Ty", False),                # the Gram matrix the wrong way round
    ("X^Ty (X^TX)^{-1}", False),               # the factors in the other order
    ("(X^TX)^{-1}X^T", False),                 # y left out
    ("2(X^TX)^{-1}X^Ty", False),               # a factor of 2 the equation cancels
    ("-2/n X^T(y - X*w)", False),              # the gradient, not where it is zero
])
def test_the_checker_on_the_solution(answer, correct):
    assert check_bank_answer("linreg-normal-matrix", answer).correct is correct


def test_the_gradient_problem_still_says_an_inverse_answers_another_question():
    verdict = check_bank_answer("linreg-matrix-grad", "(X^TX)^{-1}X^Ty")
    assert not verdict.correct and "inverts a matrix" in " ".join(verdict.feedback)


def test_minimizer_of_a_gradient_that_is_not_affine_is_refused(tmp_path):
    (tmp_path / "m.toml").write_text("[[problem]]\nid = 'm'\nkind = 'matrix-identity'\nidentity = 'two-layer'\n"
                                     "find = 'minimizer'\nstatement.en = 's'\n", encoding="utf-8")
    with pytest.raises((BankError, ValueError), match="M·w \\+ r"):
        solve(load_bank(tmp_path)["m"])
