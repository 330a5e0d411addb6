"""A line of a key writes its numbers one way: a point or a direction given exactly (θ = π/6, p = (1/2, √3/2))
puts in exact numbers only, 1/2 beside √3/2 (not 0.5), and the length of p from its exact entries (not from
0.8660); a number before a function written by its name has its dot (0.25·tanh(0.25)); a decimal sum keeps its
decimals (0.25 − tanh(0.25)²/40, not (1/40)·(40·0.25 − …)); a negative number put in after a minus is not
written with a double sign (e³ for e⁻ʸ at y = −3). Exact strings, English and Russian; the values are worked
here by sympy from the problem's own numbers."""

from __future__ import annotations

import pytest
import sympy as sp

from symnn import render
from symnn.problems.solve import solve

BANK = """[[problem]]
id = "polar-at-sixth"
kind = "jacobian"
functions = ["r*cos(theta)", "r*sin(theta)"]
wrt = "r, theta"
at = "r = 4, theta = pi/6"
statement.en = 'Find the Jacobian matrix of the polar coordinates at $r = 4$, $\\theta = \\pi/6$.'
statement.ru = 'Найдите матрицу Якоби полярных координат при $r = 4$, $\\theta = \\pi/6$.'

[[problem]]
id = "slope-along-angle"
kind = "directional-derivative"
expr = "x^2*y"
wrt = "x, y"
at = "x = 1, y = 1"
direction = ["1/2", "sqrt(3)/2"]
statement.en = 'Find the slope of $f = x^2 y$ at $(1, 1)$ along the angle $\\pi/3$.'
statement.ru = 'Найдите производную $f = x^2 y$ в точке $(1; 1)$ по направлению угла $\\pi/3$.'

[[problem]]
id = "tanh-small"
kind = "network"
layers = [1, 1, 1]
inputs = [1]
targets = [0]
weights = [[[0.25]], [[0.25]]]
biases = "none"
activation = ["tanh", "identity"]
loss = "half-se"
learning_rate = 0.1
find = ["o1", "w2+"]
statement.en = 'Find the output and the second weight after one step.'
statement.ru = 'Найдите выход и второй вес после одного шага.'

[[problem]]
id = "staged-negative"
kind = "program"
steps = ["s = 1/(1 + exp(-y))", "f = x*s"]
at = "x = 2, y = -3"
statement.en = 'Compute $f = x\\sigma(y)$ in stages at $x = 2$, $y = -3$.'
statement.ru = 'Вычислите $f = x\\sigma(y)$ по этапам при $x = 2$, $y = -3$.'
"""


def _key(tmp_path, problem: str, lang: str, fmt: str = "text") -> str:
    (tmp_path / "forms.toml").write_text(BANK, encoding="utf-8")
    return render(solve(problem, tmp_path), fmt, lang=lang, detail="brief")


def test_exact_values_of_the_point():
    """The oracle of the lines below: cos(π/6) = √3/2, sin(π/6) = 1/2; ‖(1/2, √3/2)‖ = 1; tanh(1/4)/4 ≈ 0.0612."""
    theta = sp.pi / 6
    assert (sp.cos(theta), sp.sin(theta)) == (sp.sqrt(3) / 2, sp.Rational(1, 2))
    assert sp.sqrt(sp.Rational(1, 2) ** 2 + (sp.sqrt(3) / 2) ** 2) == 1
    assert round(float(sp.tanh(sp.Rational(1, 4)) / 4), 4) == 0.0612
    assert round(float(sp.Rational(1, 4) - sp.tanh(sp.Rational(1, 4)) ** 2 / 40), 4) == 0.2485


LINES = {
    # the polar Jacobian at θ = π/6: cos θ put in as √3/2 and sin θ as 1/2, a fraction as the point is exact
    ("polar-at-sixth", "en"): ["At the point (r, θ) = (4, π/6): J = [(√(3)/2, -4·(1/2)); (1/2, 4√(3)/2)] = [(√(3)/2, -2); (1/2, 2√(3))]"],
    ("polar-at-sixth", "ru"): ["В точке (r; θ) = (4; π/6): J = [(√(3)/2; -4·(1/2)); (1/2; 4√(3)/2)] = [(√(3)/2; -2); (1/2; 2√(3))]"],
    # p = (1/2, √3/2): its length from the exact entries; the product with ∇f with the fraction in brackets
    ("slope-along-angle", "en"): [
        "The direction 𝐩 = (1/2, √(3)/2), of length ‖𝐩‖ = √(p_1^2 + p_2^2) = √((1/2)^2 + (√(3)/2)^2) = 1",
        "The derivative along 𝐩: 𝐩ᵀ∇f/‖𝐩‖ = (1/2)·2 + (√(3)/2)·1 = (1/2)·(√(3) + 2) ≈ 1.8660"],
    ("slope-along-angle", "ru"): [
        "Направление 𝐩 = (1/2; √(3)/2), его длина ‖𝐩‖ = √(p_1^2 + p_2^2) = √((1/2)^2 + (√(3)/2)^2) = 1",
        "Производная по направлению 𝐩: 𝐩ᵀ∇f/‖𝐩‖ = (1/2)·2 + (√(3)/2)·1 = (1/2)·(√(3) + 2) ≈ 1,8660"],
    # weights given as decimals: 0.25·tanh(0.25) with its dot, 0.25 − tanh(0.25)²/40 with its decimal
    ("tanh-small", "en"): [
        "o1    w2·h1             0.25·0.2449           0.25·tanh(0.25) ≈ 0.0612",
        "Answer: o1 = 0.25·tanh(0.25) ≈ 0.0612; w2⁺ = 0.25 - tanh(0.25)^2/40 ≈ 0.2485"],
    ("tanh-small", "ru"): [
        "o1    w2·h1             0,25·0,2449           0,25·th(0,25) ≈ 0,0612",
        "Ответ: o1 = 0,25·th(0,25) ≈ 0,0612; w2⁺ = 0,25 - th(0,25)^2/40 ≈ 0,2485"],
    # e⁻ʸ at y = −3 as e³, not e^(-(-3))
    # (the value column: its value alone, the numbers are beside it)
    ("staged-negative", "en"): ["s     s = 1/(1 + e⁻ʸ)  1/(1 + e³)        ≈ 0.0474"],
    ("staged-negative", "ru"): ["s     s = 1/(1 + e⁻ʸ)  1/(1 + e³)         ≈ 0,0474"],
}


@pytest.mark.parametrize("problem, lang", LINES)
def test_a_line_writes_its_numbers_one_way(tmp_path, problem, lang):
    lines = _key(tmp_path, problem, lang).splitlines()
    for line in LINES[problem, lang]:
        assert line in lines, (line, lines)
    assert not any(bad in "\n".join(lines) for bad in ("0.5", "0,5", "-(-", "0.25tanh", "0,25th", "0.8660", "0,8660"))


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_the_latex_key_has_no_double_sign_either(tmp_path, lang):
    latex = _key(tmp_path, "staged-negative", lang, "latex")
    assert r"\frac{1}{1 + e^{3}}" in latex and "- (-3)" not in latex and r"-\left(-3\right)" not in latex
