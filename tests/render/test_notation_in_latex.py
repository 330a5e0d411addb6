r"""A notation value is LaTeX and prints as math in every format: h_\theta(x) as h_θ(x) in plain text and
h_{\theta}(x) in LaTeX (the subscript θ alone, (x) after it, not h_(\theta(x)) or h_{\theta(x)}), \mathbf{x}
as 𝐱 (not \mathbf{x}), and a renamed parameter's value after the update with the name it is renamed to
(θ_0⁺, not theta0⁺). Exact strings, English and Russian."""

from __future__ import annotations

import pytest

from symnn import render
from symnn.problems.solve import solve
from symnn.render.symbol_names import braced, latex_text

BANK = r"""[[problem]]
id = "lms-renamed"
kind = "program"
steps = ["h = theta0 + theta1*x", "J = (h - y)^2/2"]
at = "theta0 = 1, theta1 = 0, x = 3, y = 4"
step_size = 0.5
update = ["theta0", "theta1"]
find = ["dJ/dtheta0", "theta0+", "theta1+"]
notation = { theta0 = '\theta_0', theta1 = '\theta_1', h = 'h_\theta(x)' }
statement.en = 'One LMS step.'
statement.ru = 'Один шаг LMS.'

[[problem]]
id = "bold-input"
kind = "program"
steps = ["q = x*y", "f = q^2"]
at = "x = 2, y = 3"
notation = { x = '\mathbf{x}' }
find = ["f"]
statement.en = 'Compute f.'
statement.ru = 'Вычислите f.'
"""

NAMES = [
    (r"h_\theta(x)", "h_θ(x)"),                   # the subscript is θ alone; (x) follows it
    (r"\mathbf{x}", "𝐱"),                         # bold, as Unicode writes a bold x
    (r"\boldsymbol{\theta}", "𝛉"),
    (r"\mathbf{W}_1", "𝐖_1"),
    (r"\mathrm{MSE}", "MSE"),                     # upright letters are the letters
    (r"\theta_0", "θ_0"),
    (r"h_{t-1}", "h_(t-1)"),                      # a subscript of more than letters and digits in brackets
]


@pytest.mark.parametrize("name, text", NAMES)
def test_a_latex_name_as_plain_text(name, text):
    assert latex_text(braced(name)) == text


def _key(tmp_path, problem, fmt, lang):
    (tmp_path / "names.toml").write_text(BANK, encoding="utf-8")
    return render(solve(problem, tmp_path), fmt, lang=lang, detail="brief")


LINES = {
    # h = θ₀ + θ₁x = 1 + 0·3 = 1; J = (1 − 4)²/2 = 4.5; ∂J/∂θ₀ = h − y = −3, ∂J/∂θ₁ = (h − y)x = −9;
    # θ₀⁺ = 1 − 0.5·(−3) = 2.5, θ₁⁺ = 0 − 0.5·(−9) = 4.5
    "en": ["h_θ(x)  h_θ(x) = θ_0 + θ_1·x  1 + 0·3           1", "Answer: ∂J/∂θ_0 = -3; θ_0⁺ = 2.5; θ_1⁺ = 4.5"],
    "ru": ["h_θ(x)  h_θ(x) = θ_0 + θ_1·x  1 + 0·3            1", "Ответ: ∂J/∂θ_0 = -3; θ_0⁺ = 2,5; θ_1⁺ = 4,5"],
}


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_a_key_prints_its_notation_as_math(tmp_path, lang):
    text = _key(tmp_path, "lms-renamed", "text", lang)
    lines = text.splitlines()
    for line in LINES[lang]:
        assert line in lines, (line, lines)
    assert "\\" not in text and "theta" not in text
    assert any(line.startswith("θ_0⁺  ") for line in lines)               # the update's row, named as renamed
    latex = _key(tmp_path, "lms-renamed", "latex", lang)
    assert r"h_{\theta}(x) = \theta_{0} + \theta_{1} x" in latex and r"h_{\theta(x)}" not in latex
    markdown = _key(tmp_path, "lms-renamed", "md", lang)
    assert r"$h_{\theta}(x) = \theta_{0} + \theta_{1} x$" in markdown and r"h_{\theta(x)}" not in markdown


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_a_bold_name_prints_bold(tmp_path, lang):
    text = _key(tmp_path, "bold-input", "text", lang)
    row = {"en": "q     q = 𝐱·y     2·3               6", "ru": "q     q = 𝐱·y      2·3                6"}[lang]
    assert row in text.splitlines() and "mathbf" not in text
    assert r"\mathbf{x}" in _key(tmp_path, "bold-input", "latex", lang)
