"""Linear equations solved by substitution, as by hand (nn.linalg.substitution), and the least-squares key
that shows it: each unknown is expressed, put into the other equations, collected, and the values put back.
NumPy's solver is the oracle; the expected lines are built from its numbers."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest
import sympy as sp

from symnn import render
from symnn.nn.linalg import substitution
from symnn.problems.solve import solve

w, b, c = sp.symbols("w b c", real=True)
POINTS = [(1, 7), (-1, 0), (3, 14)]


def _numpy_line():
    """Slope and intercept by NumPy's least squares."""
    A = np.array([[x, 1] for x, _ in POINTS], dtype=float)
    (slope, intercept), *_ = np.linalg.lstsq(A, np.array([y for _, y in POINTS], dtype=float), rcond=None)
    return slope, intercept


@pytest.mark.parametrize("equations, unknowns", [
    ([(11 * w + 3 * b, 49), (w + b, 7)], (w, b)),                        # linreg-fit's normal equations
    ([(2 * w + 3 * b, 1), (5 * w - 4 * b, 3)], (w, b)),                  # no coefficient ±1: the smallest first
    ([(w + b + c, 6), (2 * w - b + c, 3), (w + 2 * b - c, 2)], (w, b, c)),   # three unknowns
])
def test_substitution_finds_numpys_solution(equations, unknowns):
    A = np.array([[float(lhs.coeff(u)) for u in unknowns] for lhs, _ in equations])
    oracle = np.linalg.solve(A, np.array([float(rhs) for _, rhs in equations]))
    lines, back, values = substitution(equations, unknowns)
    assert np.allclose([float(values[u]) for u in unknowns], oracle)
    for lhs, rhs in lines:                                  # every line holds at the solution
        assert sp.simplify(sp.sympify(lhs).subs(values) - sp.sympify(rhs).subs(values)) == 0
    assert len(back) == len(unknowns) - 1 and all(values[name] == value for name, _, value in back)


def _n(value: float, lang: str) -> str:
    text = f"{value:g}"
    return text.replace(".", ",") if lang == "ru" else text


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_the_least_squares_key_shows_the_elimination(lang):
    slope, intercept = _numpy_line()
    n = len(POINTS)
    sxx, sx = sum(x * x for x, _ in POINTS), sum(x for x, _ in POINTS)
    sxy, sy = sum(x * y for x, y in POINTS), sum(y for _, y in POINTS)
    # the normal equations ∂MSE/∂w = 0 and ∂MSE/∂b = 0, each divided by its coefficients' common factor
    g1, g2 = np.gcd.reduce([sxx, sx, sxy]), np.gcd.reduce([sx, n, sy])
    a1, b1, r1, a2, b2, r2 = sxx // g1, sx // g1, sxy // g1, sx // g2, n // g2, sy // g2
    assert (a2, b2) == (1, 1)                          # b = r2 − w, then into the first equation
    k, m = a1 - b1, r1 - b1 * r2
    assert Fraction(m, k) == Fraction(slope).limit_denominator(100)
    printed = render(solve("linreg-fit"), "text", lang=lang, detail="brief").splitlines()
    start = printed.index(f"   {a1}w + {b1}b = {r1}")          # w before b, as in y = wx + b
    assert printed[start:start + 7] == [
        f"   {a1}w + {b1}b = {r1}", f"   w + b = {r2}",
        f"   b = {r2} - w",                                        # from the second equation
        f"   {a1}w + {b1}·({r2} - w) = {r1}",                      # put into the first
        f"   {k}w = {m}",
        f"   w = {_n(slope, lang)}",
        f"   b = {r2} - w = {r2} - {_n(slope, lang)} = {_n(intercept, lang)}",
    ]
    assert printed[start - 2].endswith(f"= ({2 * g1}/{n})·({a1}w + {b1}b - {r1})")
    assert printed[start - 1].endswith(f"= {2 * g2 // n if 2 * g2 % n == 0 else ''}(w + b - {r2})")


def test_the_json_key_carries_the_values_put_back():
    import json
    slope, intercept = _numpy_line()
    work = json.loads(render(solve("linreg-fit"), "json"))["work"]
    assert [(r["name"]["sympy"], r["formula"]["sympy"]) for r in work["back"]] == [("b", "7 - w")]
    assert float(sp.Rational(work["back"][0]["value"]["sympy"])) == pytest.approx(intercept)
    assert float(sp.Rational(work["steps"][-1]["value"]["sympy"])) == pytest.approx(slope)
