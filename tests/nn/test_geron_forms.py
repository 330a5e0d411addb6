"""Géron's sign forms of momentum, Nesterov and Adam (m = −h carries the minus sign, θ ← θ + m): the same iterates
as the course's forms, against a NumPy loop written from the book's equations; and a key in the book's letters."""

from __future__ import annotations

import numpy as np
import pytest

from symnn import render
from symnn.nn.optimizers import descent
from symnn.problems.solve import solve

EXPR, START = "(x^2 + 10*y^2)/2 + x*y", (1.0, -2.0)
STEPS = {"momentum-geron": 4, "nesterov-geron": 4, "adam-geron": 2, "momentum": 4, "nesterov": 4, "adam": 2}   # exact Adam grows fast


def gradient(p):
    """∇ of (x² + 10y²)/2 + xy."""
    return np.array([p[0] + p[1], 10 * p[1] + p[0]])


def numpy_geron(name, eta, beta=0.9, beta1=0.9, beta2=0.999, eps=1e-8):
    """The book's Eq. 11-4 (momentum), 11-5 (Nesterov) and 11-8 (Adam), STEPS[name] times from START."""
    theta, m, s = np.array(START), np.zeros(2), np.zeros(2)
    for t in range(1, STEPS[name] + 1):
        if name == "adam-geron":
            g = gradient(theta)
            m = beta1 * m - (1 - beta1) * g                       # m ← β₁m − (1 − β₁)∇J(θ)
            s = beta2 * s + (1 - beta2) * g * g                   # s ← β₂s + (1 − β₂)∇J ⊗ ∇J
            m_hat, s_hat = m / (1 - beta1 ** t), s / (1 - beta2 ** t)
            theta = theta + eta * m_hat / np.sqrt(s_hat + eps)    # θ ← θ + η m̂ ⊘ √(ŝ + ε)
        else:
            look = theta + beta * m if name == "nesterov-geron" else theta     # Nesterov: ∇J(θ + βm)
            m = beta * m - eta * gradient(look)                   # m ← βm − η∇J
            theta = theta + m                                     # θ ← θ + m
    return theta


def iterate(name, **settings):
    return np.array([float(c) for c in descent(name, EXPR, "xy", START, STEPS[name], **settings)[-1].result])


@pytest.mark.parametrize("name, settings", [
    ("momentum-geron", {"eta": 0.05, "beta": 0.8}),          # plain momentum
    ("nesterov-geron", {"eta": 0.05, "beta": 0.8}),          # gradient at the look-ahead θ + βm
    ("adam-geron", {"eta": 0.1}),                            # ε under the root, bias-corrected moments
])
def test_the_book_s_forms_are_numpy_s_loop(name, settings):
    assert np.allclose(iterate(name, **settings), numpy_geron(name, **settings), rtol=1e-12)


@pytest.mark.parametrize("book, course, settings, course_settings", [
    ("momentum-geron", "momentum", {"eta": 0.05, "beta": 0.8}, {"eta": 0.05, "alpha": 0.8}),     # m = −h
    ("nesterov-geron", "nesterov", {"eta": 0.05, "beta": 0.8}, {"eta": 0.05, "alpha": 0.8}),     # m = −h, w − αh = θ + βm
    ("adam-geron", "adam", {"eta": 0.1, "varepsilon": 0}, {"eta": 0.1, "varepsilon": 0}),       # ε = 0: where ε sits does not matter
])
def test_the_book_s_forms_are_the_course_s_iterates_exactly(book, course, settings, course_settings):
    ours = descent(book, EXPR, "xy", START, STEPS[book], **settings)
    theirs = descent(course, EXPR, "xy", START, STEPS[course], **course_settings)
    assert [s.result for s in ours] == [s.result for s in theirs]


def test_adam_s_epsilon_under_the_root_moves_the_point_by_a_trace():
    assert np.allclose(iterate("adam-geron", eta=0.1), iterate("adam", eta=0.1), atol=1e-7)


BANK = r'''[[problem]]
id = "geron-nag"
kind = "optimizer-step"
optimizer = "nesterov-geron"
expr = "x^2"
wrt = "x"
at = [1]
settings = { eta = 0.1, beta = 0.9 }
state = { m = [-0.5] }
notation = { f = "J", x = '\theta' }
statement.en = 'Nesterov: $m \leftarrow \beta m - \eta \nabla J(\theta + \beta m)$, $\theta \leftarrow \theta + m$. One step on $J(\theta) = \theta^2$ from $\theta = 1$, $m = -0.5$.'
statement.ru = 'Нестеров: $m \leftarrow \beta m - \eta \nabla J(\theta + \beta m)$, $\theta \leftarrow \theta + m$. Один шаг для $J(\theta) = \theta^2$ из $\theta = 1$, $m = -0.5$.'

[[problem]]
id = "geron-adam"
kind = "optimizer-step"
optimizer = "adam-geron"
expr = "x^2"
wrt = "x"
at = [1]
settings = { eta = 0.1 }
notation = { f = "J", x = '\theta' }
tolerance = { decimals = 4 }
statement.en = 'One Adam step on $J(\theta) = \theta^2$ from $\theta = 1$.'
statement.ru = 'Один шаг Adam для $J(\theta) = \theta^2$ из $\theta = 1$.'

[[problem]]
id = "geron-rms"
kind = "optimizer-step"
optimizer = "rmsprop"
expr = "x^2"
wrt = "x"
at = [1]
settings = { eta = 0.001, alpha = 0.9 }
notation = { G = "s", alpha = '\rho', x = '\theta', f = "J" }
tolerance = { decimals = 5 }
statement.en = 'RMSProp: one step on $J(\theta) = \theta^2$ from $\theta = 1$.'
statement.ru = 'RMSProp: один шаг для $J(\theta) = \theta^2$ из $\theta = 1$.'

[[problem]]
id = "geron-theta2"
kind = "optimizer-step"
optimizer = "momentum-geron"
expr = "x1^2 + 3*x2^2"
wrt = "x1, x2"
at = [1, 1]
settings = { eta = 0.1, beta = 0.9 }
notation = { f = "J", x1 = '\theta_1', x2 = '\theta_2' }
statement.en = 'Momentum: one step on $J(\theta_1, \theta_2) = \theta_1^2 + 3\theta_2^2$ from $(1, 1)$.'
statement.ru = 'Метод моментов: один шаг для $J(\theta_1, \theta_2) = \theta_1^2 + 3\theta_2^2$ из $(1, 1)$.'
'''


@pytest.fixture
def bank(tmp_path):
    (tmp_path / "p.toml").write_text(BANK, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("lang, lines", [
    ("en", ["   m_t = β·m_(t-1) - η·∇J(θ_(t-1) + β·m_(t-1))", "   θ_t = θ_(t-1) + m_t",
            "Nesterov looks ahead: the gradient is taken at θ_(t-1) + β·m_(t-1) = 0.55.",
            "   m_t = β·m_(t-1) - η·∂J/∂θ = 0.9·(-0.5) - 0.1·1.1 = -0.56", "Answer: θ = 0.44"]),
    ("ru", ["   m_t = β·m_(t-1) - η·∇J(θ_(t-1) + β·m_(t-1))", "   θ_t = θ_(t-1) + m_t", "Ответ: θ = 0,44"]),
])
def test_a_nesterov_key_in_the_book_s_form_and_letters(bank, lang, lines):
    # NumPy: θ + βm = 1 − 0.45 = 0.55, ∇J = 1.1, m = −0.45 − 0.11 = −0.56, θ = 0.44
    assert np.allclose(numpy_one_nesterov(), [0.55, -0.56, 0.44])
    text = render(solve("geron-nag", bank), "text", lang=lang, detail="brief").splitlines()
    assert all(line in text for line in lines), text


def numpy_one_nesterov(theta=1.0, m=-0.5, beta=0.9, eta=0.1):
    look = theta + beta * m
    m = beta * m - eta * 2 * look
    return [look, m, theta + m]


def test_an_adam_key_in_the_book_s_form(bank):
    text = render(solve("geron-adam", bank), "text", lang="en", detail="brief").splitlines()
    assert "   m_t = β_1·m_(t-1) - (1 - β_1)·g_t" in text
    assert "   θ_t = θ_(t-1) + η·m̂_t/√(ŝ_t + ε)" in text
    # NumPy: the first step moves by η·ĝ/√(ĝ² + ε) ≈ η
    assert np.isclose(1 - 0.1 * 2 / np.sqrt(4 + 1e-8), 0.9) and text[-1] == "Answer: θ ≈ 0.9"


def test_a_rule_that_squares_the_gradient_keeps_g_t(bank):
    text = render(solve("geron-rms", bank), "text", lang="en", detail="brief").splitlines()
    # θ in the rule, g_t squared as such (∂J/∂θ^2 would read as a second derivative)
    assert "   θ_t = θ_(t-1) - η·g_t/√(s_t + ε)" in text and not any("∂J/∂θ^2" in line for line in text)
    # NumPy: s = 0.1·2² = 0.4, θ = 1 − 0.001·2/√0.4
    assert np.isclose(1 - 0.001 * 2 / np.sqrt(0.4 + 1e-8), 0.99684, atol=5e-6) and text[-1] == "Answer: θ ≈ 0.99684"


@pytest.mark.parametrize("format, lines", [
    # θ_1, θ_2 are one vector's coordinates, as x1, x2 give 𝐱_t: the rule in bold θ, the point before the step first
    ("text", ["   m_t = β·m_(t-1) - η·∇J(𝛉_(t-1))", "   𝛉_t = 𝛉_(t-1) + m_t"]),
    ("latex", [r"m_{t} &= \beta m_{t-1} - \eta \nabla J(\boldsymbol{\theta}_{t-1}) \\*[0.5ex]",
               r"\boldsymbol{\theta}_{t} &= \boldsymbol{\theta}_{t-1} + m_{t}"]),
])
def test_theta_coordinates_make_a_bold_theta_rule(bank, format, lines):
    text = render(solve("geron-theta2", bank), format, lang="en", detail="brief").splitlines()
    assert all(line in text for line in lines), text
    assert not any("w_t" in line or "w_{t}" in line for line in text)


@pytest.mark.parametrize("lang, line", [
    # notation G = "s": the sentence names the accumulated state s, as the rule s_t = ρ·s_(t-1) + … does
    ("en", "RMSprop. Like AdaGrad, but s is a moving average and stops growing without bound."),
    ("ru", "RMSprop. Как AdaGrad, но s — скользящее среднее и не растёт неограниченно."),
])
def test_rmsprop_s_sentence_uses_the_renamed_state(bank, lang, line):
    text = render(solve("geron-rms", bank), "text", lang=lang, detail="brief").splitlines()
    assert line in text and "   s_t = ρ·s_(t-1) + g_t^2·(1 - ρ)" in text
