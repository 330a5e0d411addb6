"""Difference quotients: the forward, backward and central differences against the same quotients
computed in plain Python, and their error terms against the Taylor coefficients from sympy.diff."""

import math

import pytest
import sympy as sp

from symnn.numerics.gradcheck import central_difference

x = sp.Symbol("x")


def _f(t):                       # d2l's f(x) = 3x² − 4x, f'(1) = 2
    return 3 * t**2 - 4 * t


@pytest.mark.parametrize("scheme, quotient", [
    ("forward", lambda h: (_f(1 + h) - _f(1)) / h),               # d2l prints 2.3, 2.03, 2.003, …
    ("backward", lambda h: (_f(1) - _f(1 - h)) / h),
    ("central", lambda h: (_f(1 + h) - _f(1 - h)) / (2 * h)),     # exact for a quadratic: 2
])
def test_each_scheme_is_its_quotient(scheme, quotient):
    run = central_difference("3*x^2 - 4*x", "x", "x = 1", epsilon=0.1, scheme=scheme)
    assert run.derivative == 2
    assert float(run.estimate[1]) == pytest.approx(quotient(0.1), rel=1e-12)
    for e, value, error, _ in run.rows[:6]:             # before rounding takes over
        assert value == pytest.approx(quotient(e), rel=1e-6, abs=1e-9)
        assert error == pytest.approx(abs(quotient(e) - 2), rel=1e-3, abs=1e-9)


@pytest.mark.parametrize("scheme, order, coefficient", [
    ("forward", 1, sp.diff(sp.sin(x) * sp.exp(x), x, 2) / 2),       # D(ε) − f'(a) = f''(a)/2·ε + O(ε²)
    ("backward", 1, -sp.diff(sp.sin(x) * sp.exp(x), x, 2) / 2),     # … = −f''(a)/2·ε + O(ε²)
    ("central", 2, sp.diff(sp.sin(x) * sp.exp(x), x, 3) / 6),       # … = f'''(a)/6·ε² + O(ε⁴)
])
def test_the_error_falls_like_the_schemes_power_of_epsilon(scheme, order, coefficient):
    run = central_difference("sin(x)*exp(x)", "x", "x = 1/2", scheme=scheme)
    c = coefficient.subs(x, sp.Rational(1, 2))
    assert run.order == order and sp.simplify(run.error_coefficient - c) == 0
    (eps,) = run.series.removeO().free_symbols
    assert sp.simplify(run.series.removeO() - run.derivative - c * eps**order) == 0       # f'(a) + c·ε^order
    ratios = {e: ratio for e, _, _, ratio in run.rows}
    assert ratios[1e-4 if order == 1 else 1e-3] == pytest.approx(abs(float(c)), rel=1e-3)    # error/ε^order → |c|
    f = lambda t: math.sin(t) * math.exp(t)
    exact = float(sp.diff(sp.sin(x) * sp.exp(x), x).subs(x, 0.5))
    one_sided = (f(0.5 + 1e-4) - f(0.5)) / 1e-4 if scheme == "forward" else (f(0.5) - f(0.5 - 1e-4)) / 1e-4
    if order == 1:
        assert ratios[1e-4] == pytest.approx(abs(one_sided - exact) / 1e-4, rel=1e-3)


def test_a_forward_difference_key_names_its_scheme_and_its_error_term(tmp_path):
    from symnn.problems.solve import solve
    from symnn.render import render
    (tmp_path / "mine.toml").write_text('''
topic = "practice"
[[problem]]
id = "fd"
kind = "finite-difference"
expr = "3*x^2 - 4*x"
wrt = "x"
at = "x = 1"
epsilon = 0.1
scheme = "forward"
statement.en = "Estimate f'(1) by the forward difference with h = 0.1."
statement.ru = "Оцените f'(1) разностью вперёд с h = 0,1."
''', encoding="utf-8")
    solution = solve("fd", tmp_path)
    assert solution.answer == (sp.Rational(23, 10), 2)
    text = render(solution, "text")
    assert "Forward difference D(ε) = (f(x + ε) - f(x))/ε" in text
    assert "The error is cε + O(ε^2), where c = f''(1)/2 = 3" in text      # c at the point: a number
    assert "D(0.1) = (f(1.1) - f(1))/0.1 = ((-0.77) - (-1))/0.1 = 2.3" in text      # f(1.1) = −0.77, f(1) = −1
    assert "error/ε" in text and "error/ε²" not in text
    ru = render(solution, "text", lang="ru")
    assert "Разность вперёд" in ru and "D(0,1) = (f(1,1) - f(1))/0,1 = ((-0,77) - (-1))/0,1 = 2,3" in ru


def test_an_unknown_scheme_is_refused_naming_the_field(tmp_path):
    from symnn.problems.bank import load_bank
    (tmp_path / "mine.toml").write_text('''
topic = "practice"
[[problem]]
id = "fd"
kind = "finite-difference"
expr = "x^2"
wrt = "x"
at = "x = 1"
scheme = "sideways"
statement.en = "Estimate."
''', encoding="utf-8")
    with pytest.raises(ValueError, match="scheme"):
        load_bank(tmp_path)
