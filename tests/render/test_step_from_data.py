"""An optimizer step on a loss over data points (gd-linreg-step): the key writes the loss for the data
first, then its partial derivatives at the point, then the step in the statement's letters (w^1 = w^0).
The numbers come from a hand-written loop over the points, not from symnn."""

from __future__ import annotations

from fractions import Fraction

import pytest

from symnn import render
from symnn.problems.bank import Problem
from symnn.problems.solve import solve

POINTS = [(1, 7), (-1, 0), (3, 14)]
ETA = Fraction(1, 1000)


def _gradient(w, b):
    """∂L/∂w and ∂L/∂b of L = (1/n)Σ(y − (wx + b))², by a loop over the points."""
    n = len(POINTS)
    dw = sum(-2 * x * (y - (w * x + b)) for x, y in POINTS) / Fraction(n)
    db = sum(-2 * (y - (w * x + b)) for x, y in POINTS) / Fraction(n)
    return dw, db


def _f(value: Fraction) -> str:
    return str(value.numerator) if value.denominator == 1 else f"{value.numerator}/{value.denominator}"


@pytest.mark.parametrize("lang, at, coordinate", [
    ("en", "Gradient at (w, b) = (0, 0):", "Coordinate"),
    ("ru", "Градиент в точке (w; b) = (0; 0):", "Координата"),
])
def test_the_loss_for_the_data_comes_before_its_derivatives(lang, at, coordinate):
    dw, db = _gradient(0, 0)
    printed = render(solve("gd-linreg-step"), "text", lang=lang, detail="brief").splitlines()
    start = printed.index(at)
    # the mean of the squared residuals of the three points, each written y − wx − b
    assert printed[start - 1] == "L(w, b) = (1/3)·((7 - w - b)^2 + (w - b)^2 + (14 - 3w - b)^2)"
    assert printed[start + 1].endswith(f"= {_f(dw)} ≈ {float(dw):.4f}".replace(".", "," if lang == "ru" else "."))
    assert printed[start + 2].endswith(f"= {_f(db)}")
    # the step in the statement's letters, w^1 = w^0 + … as it shows them, w¹ = w⁰ − …, not w_t = w_(t−1) − …
    eta = "0,001" if lang == "ru" else "0.001"
    alike = "(and likewise for b)" if lang == "en" else "(и так же для b)"      # the rule in w, each its own ∂L/∂w
    assert printed[1:3] == [printed[1], f"   w¹ = w⁰ - η·∂L/∂w {alike}"]
    assert printed[start + 4] == f"   w¹ = w⁰ - η·∂L/∂w = 0 - {eta}·({_f(dw)}) ≈ " \
        + f"{float(-ETA * dw):.4f}".replace(".", "," if lang == "ru" else ".")
    assert printed[start + 5] == f"{coordinate} b:"
    assert printed[start + 6] == f"   b¹ = b⁰ - η·∂L/∂b = 0 - {eta}·({_f(db)}) = " \
        + f"{float(-ETA * db):g}".replace(".", "," if lang == "ru" else ".")


def test_a_statement_without_indexed_steps_keeps_the_method_s_letters():
    data = {"optimizer": "gd", "expr": "(w - 1)^2 + b^2", "wrt": "w, b", "at": [0, 0], "settings": {"eta": 0.1}}
    problem = Problem("plain", "optimizer-step", "t", {"en": "One step from $(0, 0)$.", "ru": "Один шаг из $(0; 0)$."},
                      data)
    printed = render(solve(problem), "text", lang="en", detail="brief").splitlines()
    assert "   w_t = w_(t-1) - η·∂f/∂w (and likewise for b)" in printed and "f(w, b) = (w - 1)^2 + b^2" in printed
    assert not any("^0" in line for line in printed)
