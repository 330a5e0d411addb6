"""A network problem's notation renames a family of its names by their letter: { x = '\\phi' } writes the inputs
x1, x2 as ϕ₁, ϕ₂, { w = '\\theta' } the weights as θ₁, θ₂ (each still before its input), { h = "a" } the hidden
neurons and their δ, { y = "t" } the targets, everywhere in the key, in every language and format; a member the
notation names itself keeps that name."""

from __future__ import annotations

import pytest

from symnn import render
from symnn.problems.solve import solve

PHI = """[[problem]]
id = "phi-net"
kind = "network"
layers = [2, 1]
inputs = [1, 2]
targets = [1]
weights = [[[0.5, -0.25]]]
biases = 0
activation = "sigmoid"
loss = "bce"
steps = 0
find = ["o1", "dL/dw1", "dL/dw2", "dL/db1"]
statement.en = 'For $y = \\sigma(\\theta^T \\phi + b)$, $\\theta = (0.5, -0.25)$, $b = 0$, $\\phi = (1, 2)$, $t = 1$ find $y$ and the gradient.'
statement.ru = 'Для $y = \\sigma(\\theta^T \\phi + b)$, $\\theta = (0{,}5; -0{,}25)$, $b = 0$, $\\phi = (1; 2)$, $t = 1$ найдите $y$ и градиент.'
notation = { y = "t", o1 = "y", L = "E", b1 = "b", x = '\\phi', w = '\\theta' }

[[problem]]
id = "family-net"
kind = "network"
layers = [2, 2, 2]
inputs = [1, 0]
targets = [1, 0]
weights = [[[0.5, -1], [1, 0.5]], [[1, -1], [0.5, 1]]]
biases = 0
activation = "sigmoid"
loss = "half-se"
steps = 0
find = ["L", "dL/dw1"]
statement.en = 'A 2-2-2 network with inputs $i = (1, 0)$, targets $t = (1, 0)$ and hidden outputs $a_1$, $a_2$: find $L$ and $\\frac{\\partial L}{\\partial w_1}$.'
statement.ru = 'Сеть 2-2-2 с входами $i = (1; 0)$, целями $t = (1; 0)$ и скрытыми выходами $a_1$, $a_2$: найдите $L$ и $\\frac{\\partial L}{\\partial w_1}$.'
notation = { x = "i", h = "a", y = "t", x2 = "u" }
"""


@pytest.fixture(scope="module")
def bank(tmp_path_factory):
    folder = tmp_path_factory.mktemp("family")
    (folder / "family.toml").write_text("title.en = 'Family'\ntitle.ru = 'Семья'\n\n" + PHI, encoding="utf-8")
    return folder


def key(bank, problem_id, format="text", lang="en"):
    return render(solve(problem_id, bank), format, lang=lang, detail="brief")


@pytest.mark.parametrize("problem_id, lang, present, absent", [
    # the inputs as ϕ, the weights as θ, each weight before its input as w₁x₁ is written
    ("phi-net", "en", ["At (φ_1, φ_2, t, θ_1, θ_2, b) = (1, 2, 1, 0.5, -0.25, 0).", "σ(θ_1·φ_1 + θ_2·φ_2 + b)",
                       "θ_1        δ_y·φ_1", "Answer: y = 0.5; ∂E/∂θ_1 = -0.5; ∂E/∂θ_2 = -1; ∂E/∂b = -0.5"], ["x_1", "w_1"]),
    # the same in Russian, decimal commas
    ("phi-net", "ru", ["В точке (φ_1; φ_2; t; θ_1; θ_2; b) = (1; 2; 1; 0,5; -0,25; 0).",
                       "Ответ: y = 0,5; ∂E/∂θ_1 = -0,5; ∂E/∂θ_2 = -1; ∂E/∂b = -0,5"], ["x_1", "w_1"]),
    # hidden neurons, their δ, inputs and targets renamed; x2 named by the notation itself keeps its name
    ("family-net", "en", ["a_1   σ(w_1·i_1 + w_2·u + b_1)", "L = (1/2)·((t_1 - o_1)^2 + (t_2 - o_2)^2)",
                          "w_5        δ_o1·a_1", "w_1        δ_(a_1)·i_1"], ["h_1", "δ_h1", "x_1", "y_1", "i_2"]),
])
def test_the_notation_renames_the_family_everywhere(bank, problem_id, lang, present, absent):
    text = key(bank, problem_id, lang=lang)
    assert all(part in text for part in present), text
    assert not any(part in text for part in absent), text


def test_latex_writes_the_notation_letters(bank):
    latex = key(bank, "phi-net", "latex")
    assert r"$\sigma(\theta_{1} \phi_{1} + \theta_{2} \phi_{2} + b)$" in latex
    assert r"$\delta_{y} \phi_{1}$" in latex
