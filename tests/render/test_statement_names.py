"""A derivative's key in the statement's names: y where the statement defines y = σ(…), w_1 where it writes w_1,
constant factors taken out, 2(Y − y). Exact strings of brief keys (en, ru, LaTeX), each form checked against
sympy.diff of the function with the definition put in."""

from __future__ import annotations

import sympy as sp

from symnn import render
from symnn.problems.solve import solve


def key(problem_id: str, lang: str = "en", format: str = "text") -> list[str]:
    return render(solve(problem_id), format, lang=lang, detail="brief").splitlines()


Y, b, w1, w2, x1, x2, w, x, y_ = sp.symbols("Y b w1 w2 x1 x2 w x y", real=True)
SIGMA = 1 / (1 + sp.exp(-(w1 * x1 + w2 * x2 + b)))           # the neuron's y, as the statement defines it


def test_the_neurons_derivative_is_written_through_y_and_the_statements_subscripts():
    # the statement: y = σ(w_1 x_1 + w_2 x_2 + b), E² = (Y − y)²; the key never repeats σ(…) and writes w_1, x_1,
    # and the error's name E^2 as E², as the statement shows it (a name, not a power)
    assert key("neuron-grad")[1:] == [
        "Derivative: ∂E²/∂w_1 = 2(Y - y)·∂/∂w_1(Y - y) (chain rule; power rule)",
        "= 2(Y - y)·∂/∂w_1(-y)",
        "= -2(Y - y)·∂y/∂w_1",
        "= -2x_1·y·(1 - y)·(Y - y) (chain rule; derivative of the sigmoid)",
        "Answer: ∂E²/∂w_1 = -2x_1·y·(1 - y)·(Y - y)",
    ]
    # the last form is the derivative: −2x₁y(1 − y)(Y − y) with y = σ(z) equals sympy.diff of (Y − σ(z))²
    last = -2 * x1 * SIGMA * (1 - SIGMA) * (Y - SIGMA)
    assert sp.simplify(last - sp.diff((Y - SIGMA) ** 2, w1)) == 0
    # and ∂y/∂w₁ = y(1 − y)x₁, the step the sigmoid's rule takes
    assert sp.simplify(sp.diff(SIGMA, w1) - SIGMA * (1 - SIGMA) * x1) == 0


def test_the_neurons_derivative_in_russian_and_latex():
    assert key("neuron-grad", "ru")[1:] == [
        "Производная: ∂E²/∂w_1 = 2(Y - y)·∂/∂w_1(Y - y) (производная сложной функции; производная степенной функции)",
        "= 2(Y - y)·∂/∂w_1(-y)",
        "= -2(Y - y)·∂y/∂w_1",
        "= -2x_1·y·(1 - y)·(Y - y) (производная сложной функции; производная сигмоиды)",
        "Ответ: ∂E²/∂w_1 = -2x_1·y·(1 - y)·(Y - y)",
    ]
    latex = "\n".join(key("neuron-grad", format="latex"))
    # the chain starts at the statement's ∂E²/∂w₁ and has no σ(w₁x₁ + w₂x₂ + b) after the statement
    assert r"\frac{\partial E^{2}}{\partial w_{1}} &= 2 (Y - y) \frac{\partial}{\partial w_{1}}(Y - y)" in latex
    assert r"&= - 2 (Y - y) \frac{\partial y}{\partial w_{1}}" in latex
    assert r"\sigma" not in latex.split(r"\textbf{Derivative}")[1]


def test_a_gradient_is_written_through_the_prediction_the_statement_names():
    # linreg-grad: ŷ = wx + b and L = (ŷ − y)²; each partial derivative in ŷ, 2x(ŷ − y) and 2(ŷ − y)
    printed = key("linreg-grad")
    assert printed[3] == "   ∂L/∂w = 2x·(ŷ - y) (chain rule; power rule)"
    assert printed[5] == "   ∂L/∂b = 2(ŷ - y) (chain rule; power rule)"
    assert key("linreg-grad", "ru")[3] == "   ∂L/∂w = 2x·(ŷ - y) (производная сложной функции; производная степенной функции)"
    L = (w * x + b - y_) ** 2                               # sympy.diff with ŷ = wx + b put in
    assert sp.expand(sp.diff(L, w) - 2 * x * (w * x + b - y_)) == 0
    assert sp.expand(sp.diff(L, b) - 2 * (w * x + b - y_)) == 0


def test_a_name_the_answer_is_asked_through_is_not_put_into_the_derivation():
    # tanh written with exponentials, through F: the derivation stays in x, and its own line takes the step to F
    printed = "\n".join(key("tanh-exp"))
    assert "Derivative: d/dx((e^(2x) - 1)/(e^(2x) + 1))" in printed


def test_subscripts_only_where_the_statement_writes_them():
    # l2-reg writes w_1, w_2: its key too; so does backprop-w1's network key (∂L/∂w_1, h_1 as its statement)
    assert key("l2-reg")[2] == "Partial derivative with respect to w_1"
    assert any("∂L/∂w_1 = " in line for line in key("backprop-w1"))
    assert not any("∂L/∂w1" in line or "h1" in line for line in key("backprop-w1"))
