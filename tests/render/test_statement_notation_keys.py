"""A key speaks its statement's notation and writes forms as a teacher writes them, not as SymPy does.

Each case is a class of fault a teacher found in a key: symnn's own names (w1, o1, b1, n, det J, w_jk) where
the statement writes others (w = (…), b, N, ∂(x, y)/∂(r, θ)); SymPy's order (e⁻¹ + 1, 5x₂ − x₁ + 2) and its
nested exact values; one entry printed two ways; an answer of many scalars where the statement names
matrices. Exact strings in English and Russian; the numbers of the matrix answer against NumPy.
"""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp

from symnn import render
from symnn.answers.check import check_bank_answer
from symnn.problems.bank import get_problem
from symnn.problems.solve import solve
from symnn.render.math import latex_math, text_math
from symnn.render.order import by_variables
from symnn.render.statement_names import network_names, sample_count
from symnn.render.values import is_short


def key(problem_id: str, lang: str = "en", format: str = "text", detail: str = "brief") -> list[str]:
    return render(solve(problem_id), format, lang=lang, detail=detail).splitlines()


@pytest.mark.parametrize("problem_id, lang, line", [
    # "weights w = (0, 1, 0.5) and bias b = 4": w_1, w_2, w_3 and b, not w1 … and b1; the output, unnamed by the
    # statement, is the course's y = f(w·x + b), not symnn's o1
    ("neuron-3in", "en", "At (x_1, x_2, x_3, w_1, w_2, w_3, b) = (2, 3, 4, 0, 1, 0.5, 4)."),
    ("neuron-3in", "en", "y     y = σ(w_1·x_1 + w_2·x_2 + w_3·x_3 + b)  σ(0·2 + 1·3 + 0.5·4 + 4)  σ(9) ≈ 0.9999"),
    ("neuron-3in", "ru", "Ответ: y = σ(9) ≈ 0,9999"),
    ("neuron-2in", "en", "Answer: y = σ(7) ≈ 0.9991"),
    ("neuron-2in", "ru", "В точке (x_1; x_2; w_1; w_2; b) = (2; 3; 0; 1; 4)."),
    # "find h_1, h_2 and o_1": the statement's subscripts, and then every indexed name with its subscript
    ("feedforward-221", "en", "Answer: h_1 = σ(3) ≈ 0.9526; h_2 = σ(3) ≈ 0.9526; o_1 = σ(σ(3)) ≈ 0.7216"),
    ("feedforward-221", "ru", "o_1   o_1 = σ(w_5·h_1 + w_6·h_2 + b_3)  σ(0·0,9526 + 1·0,9526 + 0)  σ(σ(3)) ≈ 0,7216"),
    # BCE = −(1/N) Σ_{i=1}^N [y_i ln p(ŷ_i) + …]: the statement's formula, said once by the statement; the key
    # goes on with its terms and their mean
    ("bce-n", "en", "BCE = (0.1054 + 0.2231 + 0.5108 + 0.2877 + 0.5108)/5 ≈ 0.3276"),
    ("bce-n", "ru", "BCE = (0,1054 + 0,2231 + 0,5108 + 0,2877 + 0,5108)/5 ≈ 0,3276"),
    # "find its Jacobian ∂(x, y)/∂(r, θ)": the answer by that name, not det J
    ("jacobian-polar-det", "en", "Answer: ∂(x, y)/∂(r, θ) = r"),
    ("jacobian-polar-det", "ru", "Ответ: ∂(x, y)/∂(r, θ) = r"),
    ("jacobian-spherical-det", "ru", "Ответ: ∂(x, y, z)/∂(ρ, θ, φ) = -ρ^2·sin(φ)"),
    # J₂₃ = ρ cos φ sin θ in the matrix as in its own line J_23 = … (SymPy would write ρ sin θ cos φ there)
    ("jacobian-spherical-det", "en", "J = [(sin(φ)·cos(θ), -ρ·sin(φ)·sin(θ), ρ·cos(φ)·cos(θ)); (sin(φ)·sin(θ), "
                                     "ρ·sin(φ)·cos(θ), ρ·cos(φ)·sin(θ)); (cos(φ), 0, -ρ·sin(φ))]"),
    # the weights of neuron-bias-update are ω: the rule of the gradients in words, not ∂E²/∂w_jk = a_k·δ_j
    ("neuron-bias-update", "en", "Gradients: the gradient of a weight is the δ of the neuron the weight leads into "
                                 "times the value the weight carries; a bias is a weight from a constant 1."),
    ("neuron-bias-update", "ru", "Градиенты: градиент веса — произведение δ нейрона, в который входит вес, на значение, "
                                 "которое передаётся по этому весу; смещение — вес от постоянного входа 1."),
    # f = 1/(1 + e⁻ᶻ): its value 1/(1 + e⁻¹), not SymPy's 1/(e⁻¹ + 1); w_0 as the statement writes it
    ("program-sigmoid-neuron", "ru", "Ответ: f = 1/(1 + e⁻¹) ≈ 0,73; ∂f/∂w_0 = -e/(1 + e)^2 ≈ -0,20; "
                                     "∂f/∂x_0 = 2e/(1 + e)^2 ≈ 0,39; ∂f/∂w_1 = -2e/(1 + e)^2 ≈ -0,39; ∂f/∂x_1 = -3e/(1 + e)^2 ≈ -0,59; "
                                     "∂f/∂w_2 = e/(1 + e)^2 ≈ 0,20"),
    # r = 1/d at d = σ(3) + 1: its decimal, not 1/(1/(e⁻³ + 1) + 1)
    ("cs231n-staged", "en", "r     r = 1/d            1/1.9526          ≈ 0.5121"),
    ("cs231n-staged", "en", "s_x   s_x = 1/(1 + e⁻ˣ)  1/(1 + e⁻³)       ≈ 0.9526"),      # the value column: its value
    # ∇_x f = 2Aᵀ(Ax − b), each row in the order of the variables and the constant last, x_1 as the statement
    ("least-squares-gradient", "en", "Answer: ∇_x f = (10x_1 - 2x_2 - 4, -2x_1 + 10x_2 + 4)"),
    ("least-squares-gradient", "ru", "Ответ: ∇_x f = (10x_1 - 2x_2 - 4; -2x_1 + 10x_2 + 4)"),
])
def test_a_key_writes_the_statements_notation(problem_id, lang, line):
    assert line in key(problem_id, lang)


@pytest.mark.parametrize("problem_id, lang, line", [
    ("jacobian-polar-det", "en", r"{\noindent \textbf{Answer:} $\frac{\partial(x, y)}{\partial(r, \theta)} = r$\par}"),
    ("jacobian-polar-det", "ru", r"{\noindent \textbf{Ответ:} $\frac{\partial(x, y)}{\partial(r, \theta)} = r$\par}"),
])
def test_the_jacobian_is_named_as_asked_in_latex(problem_id, lang, line):
    assert line in key(problem_id, lang, "latex")


def test_no_key_writes_symnns_rule_of_the_gradients():
    for problem_id in ("neuron-bias-update", "mazur-221", "delta-worked", "softmax-ce-steps"):
        assert not any("w_jk" in line for line in key(problem_id, detail="full"))


x1, x2 = sp.symbols("x1 x2", real=True)


@pytest.mark.parametrize("expr, variables, text", [
    (5 * x2 - x1 + 2, (x1, x2), "-x1 + 5x2 + 2"),          # the row (−1, 5) of a matrix, then the constant
    (5 * x1 - x2 - 2, (x1, x2), "5x1 - x2 - 2"),           # already in order
    (6 * x1 + 10 * x2, (x1, x2), "6x1 + 10x2"),            # no constant
    (x2 ** 2 - x1, (x1, x2), "-x1 + x2^2"),                # a power of a variable keeps the variable's place
])
def test_a_linear_form_is_written_in_the_order_of_its_variables(expr, variables, text):
    ordered = by_variables(expr, variables)
    assert text_math(ordered) == text and sp.simplify(ordered - expr) == 0


def test_a_sum_of_one_and_a_power_of_e_opens_with_the_one():
    assert text_math(1 / (1 + sp.exp(-1))) == "1/(1 + e⁻¹)"
    assert latex_math(1 / (1 + sp.exp(-1))) == r"\frac{1}{1 + e^{-1}}"
    assert text_math(1 / (1 + sp.E)) == "1/(1 + e)"


@pytest.mark.parametrize("value, short", [
    (1 / (1 + sp.exp(-3)), True),                     # σ(3) exactly: one fraction
    (1 / (1 / (1 + sp.exp(-3)) + 1), False),          # a fraction in a denominator: its decimal says more
    (sp.E / (1 + sp.E) ** 2, True),
])
def test_a_compound_fraction_is_not_a_short_exact_value(value, short):
    assert is_short(value) == short


def test_the_names_read_from_a_statement():
    assert sample_count(get_problem("bce-n")) == {"n": "N"}
    assert sample_count(get_problem("mse")) == {}            # a statement without a count letter
    names = network_names(get_problem("feedforward-221"), solve("feedforward-221").work.network)
    # h_1 and o_1 are written so; w1 … b3 follow their subscripts; x = (2, 3) with two inputs
    assert names["h1"] == "h_1" and names["o1"] == "o_1" and names["w5"] == "w_5" and names["x2"] == "x_2"
    assert "b1" in names and names["b1"] == "b_1"           # three biases: no lone b


def _tanh_221():
    """tanh-221-step by NumPy: the forward pass, the gradients, the SGD step and the loss after it."""
    W1, b1, W2, b2 = np.array([[0.1, 0.2], [-0.3, 0.4]]), np.array([0, 0.1]), np.array([[0.5, -0.6]]), np.array([0.1])
    x, y, eta = np.array([1.0, -1.0]), 0.5, 0.1

    def forward(W1, b1, W2, b2):
        h = np.tanh(W1 @ x + b1)
        o = (W2 @ h + b2)[0]
        return h, o, 0.5 * (y - o) ** 2
    h, o, L = forward(W1, b1, W2, b2)
    d2 = np.array([o - y])
    dW2, db2 = np.outer(d2, h), d2
    d1 = (W2.T @ d2) * (1 - h * h)
    dW1, db1 = np.outer(d1, x), d1
    new = (W1 - eta * dW1, b1 - eta * db1, W2 - eta * dW2, b2 - eta * db2)
    return h, o, L, (dW1, db1, dW2, db2), new, forward(*new)[2]


def _typed(value) -> str:
    value = np.atleast_1d(value)
    if value.ndim == 2 and value.shape[0] > 1:
        return "[" + "; ".join(" ".join(f"{v:.6f}" for v in row) for row in value) + "]"
    flat = value.ravel()
    return f"{flat[0]:.6f}" if flat.size == 1 else "(" + ", ".join(f"{v:.6f}" for v in flat) + ")"


def test_tanh_221_step_is_answered_in_matrices_and_checked_so():
    h, o, L, grads, new, after = _tanh_221()
    lines = key("tanh-221-step")
    answer = lines[-1]
    assert answer.startswith("Answer: h = [tanh(-0.1); tanh(-0.6)] ≈ [-0.0997; -0.5370]; o ≈ 0.3724; ")
    assert "; ∂L/∂W_1 ≈ [(-0.0632, 0.0632); (0.0545, -0.0545)]; ∂L/∂b_1 ≈ [-0.0632; 0.0545]; " in answer
    assert answer.endswith("W_2⁺ ≈ (0.4987, -0.6069); b_2⁺ ≈ 0.1128; L⁺ ≈ 0.00448")
    assert key("tanh-221-step", "ru")[-1].startswith("Ответ: h = [th(-0,1); th(-0,6)] ≈ [-0,0997; -0,5370]; ")
    # the statement's matrices typed with NumPy's numbers: right; one entry of W_1⁺ swapped: wrong
    names = ("∂L/∂W_1", "∂L/∂b_1", "∂L/∂W_2", "∂L/∂b_2")
    parts = [f"h = {_typed(h)}", f"o = {_typed(o)}", f"L = {_typed(L)}",
             *(f"{name} = {_typed(value)}" for name, value in zip(names, grads)),
             *(f"{name} = {_typed(value)}" for name, value in zip(("W_1", "b_1", "W_2", "b_2"), new)),
             f"L+ = {_typed(after)}"]
    assert check_bank_answer("tanh-221-step", "; ".join(parts), lang="en", timeout=30).correct
    W1 = new[0].copy()
    W1[0, 0], W1[0, 1] = W1[0, 1], W1[0, 0]
    parts[7] = f"W_1 = {_typed(W1)}"
    assert not check_bank_answer("tanh-221-step", "; ".join(parts), lang="en", timeout=30).correct
    # the key's own answer line, typed back, in both languages
    for lang in ("en", "ru"):
        line = key("tanh-221-step", lang)[-1].split(": ", 1)[1]
        assert check_bank_answer("tanh-221-step", line, lang=lang, timeout=30).correct, lang
