"""Keys of one-variable problems and sigmoid rewrites: a point of one coordinate is a number, a trace of ε
does not show as zeros, a dummy letter is none of the problem's. Exact strings, en and ru; NumPy for values."""

from __future__ import annotations

import numpy as np
import pytest

from symnn import render
from symnn.problems.solve import solve

BANK = r'''[[problem]]
id = "nag-one"
kind = "optimizer-step"
optimizer = "nesterov"
expr = "(x - 1)^2"
wrt = "x"
at = [2]
settings = { eta = 0.1, alpha = 0.5 }
state = { h = [0.4] }
statement.en = 'One Nesterov step on $(x - 1)^2$ from $x = 2$.'
statement.ru = 'Один шаг Нестерова для $(x - 1)^2$ из $x = 2$.'

[[problem]]
id = "adam-six"
kind = "optimizer-step"
optimizer = "adam"
expr = "3*x^2"
wrt = "x"
at = [2]
settings = { eta = 0.01 }
tolerance = { decimals = 6 }
statement.en = 'One Adam step on $3x^2$ from $x = 2$.'
statement.ru = 'Один шаг Adam для $3x^2$ из $x = 2$.'

[[problem]]
id = "slope-a"
kind = "derivative"
expr = "1/(1 + exp(-a*z))"
wrt = "z"
names = { y = "1/(1 + exp(-a*z))" }
through = ["y"]
statement.en = 'For the logistic function $y = 1/(1 + e^{-az})$ write its derivative by $z$ through $y$.'
statement.ru = 'Для логистической функции $y = 1/(1 + e^{-az})$ выразите её производную по $z$ через $y$.'

[[problem]]
id = "mom-eta"
kind = "training"
inputs = [[1, 0], [0, 1]]
targets = [1, 0]
layers = [2, 1, 1]
weights = [[[0.2, 0.1]], [[0.3]]]
biases = [0.1, 0.1]
activation = "sigmoid"
loss = "half-se"
optimizer = "momentum-delta"
settings = { lambda = 0.5, alpha = 0.8 }
epochs = 1
batch = 1
shuffle = false
find = ["w1"]
statement.en = 'Train with $\eta = 0.5$, momentum $\alpha = 0.8$.'
statement.ru = 'Обучите с $\eta = 0{,}5$, моментом $\alpha = 0{,}8$.'
'''


@pytest.fixture
def bank(tmp_path):
    (tmp_path / "p.toml").write_text(BANK, encoding="utf-8")
    return tmp_path


def key(problem_id, bank, lang="en", format="text"):
    return render(solve(problem_id, bank), format, lang=lang, detail="brief")


@pytest.mark.parametrize("lang, line", [
    ("en", "Nesterov looks ahead: the gradient is taken at x_(t-1) - α·h_(t-1) = 1.8."),
    ("ru", "Метод Нестерова заглядывает вперёд: градиент берётся в точке x_(t-1) - α·h_(t-1) = 1,8.")])
def test_a_look_ahead_of_one_coordinate_is_a_number(bank, lang, line):
    # NumPy: the look-ahead point w − αh = 2 − 0.5·0.4
    assert np.isclose(2 - 0.5 * 0.4, 1.8)
    assert line in key("nag-one", bank, lang).splitlines()
    assert r",\right)" not in key("nag-one", bank, lang, "latex")      # never LaTeX's \left(1.8,\right)


@pytest.mark.parametrize("lang, line", [("en", "Answer: x ≈ 1.99"), ("ru", "Ответ: x ≈ 1,99")])
def test_six_places_of_a_value_a_trace_of_eps_from_a_short_decimal_are_not_zeros(bank, lang, line):
    # NumPy: Adam's first step moves by η·g/(|g| + ε) = 0.01 up to ε: 1.98999999999…, 1.990000 to six places
    g = 6 * 2.0
    m, v = 0.1 * g / 0.1, 0.001 * g * g / 0.001
    x = 2 - 0.01 * m / (np.sqrt(v) + 1e-8)
    assert abs(x - 1.99) < 1e-10 and x != 1.99
    assert key("adam-six", bank, lang).splitlines()[-1] == line


@pytest.mark.parametrize("lang, hint", [("en", "(rewrite with σ, using e⁻ᵘ = (1 - σ(u))/σ(u))"),
                                        ("ru", "(выражаем через σ: e⁻ᵘ = (1 - σ(u))/σ(u))")])
def test_the_sigmoid_rewrite_takes_a_letter_that_is_not_the_slope(bank, lang, hint):
    text = key("slope-a", bank, lang)
    assert hint in text and "e⁻ᵃ" not in text


@pytest.mark.parametrize("lang, line", [("en", "Momentum (weight-change form): η = 0.5; α = 0.8"),
                                        ("ru", "Метод моментов (запись через приращение весов): η = 0,5; α = 0,8")])
def test_a_method_is_named_by_its_form_and_its_rate_by_the_statement_letter(bank, lang, line):
    # the method's rule calls its rate λ; the statement writes η and no λ: no lecture, no λ
    text = key("mom-eta", bank, lang)
    assert line in text.splitlines() and "λ" not in text and "lecture" not in text and "лекци" not in text
