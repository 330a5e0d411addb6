"""Worked keys use the letters of their statement: no letter a student has not been given. Exact strings of the
shipped bank's keys, en and ru (each class once in each language)."""

from __future__ import annotations

import re

import pytest

from symnn import render
from symnn.export.answer_forms import form_of
from symnn.problems.bank import load_bank
from symnn.problems.solve import solve


def key(problem_id, lang="en", format="text"):
    return render(solve(problem_id), format, lang=lang, detail="brief")


@pytest.mark.parametrize("lang, line", [
    # three classes: Σ up to 3, the statement's count, never an n the statement does not name
    ("en", "The Jacobian of the softmax s_i = e^(y_i)/Σ_(k=1)^3 e^(y_k), written through the outputs with "
           "e^(y_k) = S·s_k (S = Σ_(k=1)^3 e^(y_k)) and Σ_(k=1)^3 s_k = 1: ∂s_i/∂y_j = s_i·(δ_ij - s_j)"),
    ("ru", "Матрица Якоби softmax s_i = e^(y_i)/Σ_(k=1)^3 e^(y_k), записанная через выходы с помощью "
           "e^(y_k) = S·s_k (S = Σ_(k=1)^3 e^(y_k)) и Σ_(k=1)^3 s_k = 1: ∂s_i/∂y_j = s_i·(δ_ij - s_j)")])
def test_a_sum_over_classes_runs_to_the_statements_count(lang, line):
    assert line in key("softmax-jacobian", lang).splitlines()


@pytest.mark.parametrize("lang, line", [
    # σ(z) on the line: its hint in z, the statement's letter
    ("en", "= σ(z)·(1 - σ(z)) (rewrite with σ, using e⁻ᶻ = (1 - σ(z))/σ(z))"),
    ("ru", "= σ(z)·(1 - σ(z)) (выражаем через σ: e⁻ᶻ = (1 - σ(z))/σ(z))")])
def test_the_sigmoid_rewrite_is_said_in_the_lines_letter(lang, line):
    assert line in key("nielsen-sigmoid-prime", lang).splitlines()


@pytest.mark.parametrize("lang, line", [
    # one output neuron: the loss's derivative by it in its own name out_pred, as the statement and the table write it
    ("en", "Derivative of the loss by the prediction: ∂L/∂out_pred = out_pred - out_y"),
    ("ru", "Производная функции потерь по предсказанию: ∂L/∂out_pred = out_pred - out_y")])
def test_the_loss_is_differentiated_by_the_output_in_its_name(lang, line):
    assert line in key("delta-rule", lang).splitlines()


@pytest.mark.parametrize("lang, line", [
    # the statement names ∂L/∂A δ_prev: the key's answer says so, and its last step ends at that name
    ("en", "Answer: δ_prev = ∂L/∂A = (δ·W_2ᵀ) ⊙ σ'(A); without σ′: δ_prev = ∂L/∂A = δ·W_2ᵀ — wrong: the factor σ'(A) is missing"),
    ("ru", "Ответ: δ_prev = ∂L/∂A = (δ·W_2ᵀ) ⊙ σ'(A); без σ′: δ_prev = ∂L/∂A = δ·W_2ᵀ — неверно: пропущен множитель σ'(A)"),
    ("en", "   ∂L/∂A = ∂L/∂H ⊙ σ'(A) = (δ·W_2ᵀ) ⊙ σ'(A) = δ_prev — σ entry by entry: the gradient is multiplied entry by entry by σ′")])
def test_a_gradient_the_statement_names_is_answered_by_that_name(lang, line):
    assert line in key("dense-layer-backward", lang).splitlines()


@pytest.mark.parametrize("lang, line", [
    # the answer's E_total⁺ is introduced where the values after the update are computed
    ("en", "After the last update (a value after it is marked with a plus, as E_total⁺):"),
    ("ru", "После последнего обновления (значение после него отмечено плюсом, например E_total⁺):")])
def test_a_value_after_the_update_is_introduced_before_the_answer_marks_it(lang, line):
    text = key("mazur-221-10000", lang).splitlines()
    assert line in text and text.index(line) < [k for k, row in enumerate(text) if "E_total⁺ ≈" in row][0]


@pytest.mark.parametrize("lang, problem_id, line", [
    # the statement names the prediction p(ŷ_i): the table's column says so
    ("en", "bce-n", "i  y_i  p(ŷ_i)  term"),
    ("ru", "bce-n", "i  y_i  p(ŷ_i)  слагаемое"),
    # the statement writes the margin 1 and the mean over 3 images: no Δ, no n it does not give
    ("en", "cs231n-svm", "Multiclass SVM loss: L_i = ∑_(j ≠ y_i) max(0, s_j - s_y_i + 1); L = ∑_(i=1)^3 L_i / 3"),
    ("ru", "cs231n-svm", "Функция потерь SVM (многоклассовая кусочно-линейная): L_i = ∑_(j ≠ y_i) max(0; s_j - s_y_i + 1); "
                         "L = ∑_(i=1)^3 L_i / 3")])
def test_a_loss_key_writes_the_statements_names_and_numbers(lang, problem_id, line):
    assert line in key(problem_id, lang).splitlines()


@pytest.mark.parametrize("lang, line", [
    # the statement writes ∇F(𝐱*): the key's derivatives along 𝐩 keep the point
    ("en", "Answer: 𝐩ᵀ∇F(𝐱*)/‖𝐩‖ = 0; 𝐩ᵀ∇²F(𝐱*) 𝐩/‖𝐩‖² = 2.4"),
    ("ru", "Ответ: 𝐩ᵀ∇F(𝐱*)/‖𝐩‖ = 0; 𝐩ᵀ∇²F(𝐱*) 𝐩/‖𝐩‖² = 2,4")])
def test_a_directional_derivative_keeps_the_statements_point(lang, line):
    assert line in key("hagan-directional", lang).splitlines()


@pytest.mark.parametrize("lang, line", [
    # asked df/dt and its value: df/dt as a function of t first, then at the point
    ("en", "df/dt = (2x·y)·(-sin(t)) + x^2·cos(t) = (2·sin(t)·cos(t))·(-sin(t)) + cos(t)^2·cos(t) = (1 - 3·sin(t)^2)·cos(t)"),
    ("ru", "df/dt = (2x·y)·(-sin(t)) + x^2·cos(t) = (2·sin(t)·cos(t))·(-sin(t)) + cos(t)^2·cos(t) = (1 - 3·sin(t)^2)·cos(t)")])
def test_a_total_derivative_at_a_point_is_written_in_t_first(lang, line):
    assert line in key("total-derivative", lang).splitlines()


# an iterate 𝐱_k said equal to the coordinates (x_1, x_2): 𝐱_1 = (x_1, x_2) reads as a point equal to its own coordinate
ITERATE_AS_COORDINATES = re.compile(r"\\mathbf\{([A-Za-z])\}_\{?\w+\}?\s*=\s*\(\s*\1_\{?1")


@pytest.mark.parametrize("text, clash", [
    (r"the point $\mathbf{x}_1 = (x_1, x_2)$ after the step", True),        # the worksheet's old form
    (r"the point $\mathbf{x}_{2} = (x_{1}, x_{2})$", True),                 # braces
    (r"the point $\mathbf{x}_1$ after the step, its coordinates along $x_1$ and $x_2$", False),
    (r"from $\mathbf{x}_0 = (0.5, 0.5)^T$", False),                         # an iterate given by its numbers
])
def test_the_iterate_clash_pattern(text, clash):
    assert bool(ITERATE_AS_COORDINATES.search(text)) is clash


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_no_worksheet_names_an_iterate_by_its_coordinates(lang):
    texts = {p.id: p.text(lang) + " " + (p.answer_form(lang) or "") for p in load_bank().values()}
    assert [pid for pid, text in texts.items() if ITERATE_AS_COORDINATES.search(text)] == []


@pytest.mark.parametrize("lang, problem_id, line", [
    # f(x) = 1/(1 + e^(−αx)): one variable and a parameter, d/dx on every line, never ∂/∂x
    ("en", "perceptron-alpha", "Answer: df/dx = α·e^(-α·x)/(1 + e^(-α·x))^2 = α·f·(1 - f)"),
    ("ru", "perceptron-alpha", "Ответ: df/dx = α·e^(-α·x)/(1 + e^(-α·x))^2 = α·f·(1 - f)"),
    # a chain of one variable that the statement writes dy/dx: the backward table's headers in d too
    ("en", "tanh-chain", "local derivative  formula        value     upstream dy/d(node)  contribution to dy/d(input)"),
    ("ru", "tanh-chain", "локальная производная  формула      значение  приходящий dy/d(узел)  вклад в dy/d(вход)")])
def test_a_function_of_one_variable_is_differentiated_with_d(lang, problem_id, line):
    text = key(problem_id, lang)
    assert line in text.splitlines() and "∂" not in text.split("\n", 1)[1]


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_a_worksheet_blank_says_dy_dx_as_the_statement(lang):
    labels = form_of(solve("tanh-chain"), lang).labels
    assert r"\frac{d y}{d x}" in labels and not any(r"\partial" in label for label in labels)


@pytest.mark.parametrize("lang, line", [
    # h = ReLU(z·z): ReLU(z²) = z² said before the backward table's ∂h/∂z = 2z
    ("en", "Here ReLU(z·z) = z·z, as z·z ≥ 0 for every value: the derivative of ReLU(z·z) is that of z·z."),
    ("ru", "Здесь ReLU(z·z) = z·z, так как z·z ≥ 0 при любом значении: производная ReLU(z·z) равна производной z·z.")])
def test_a_relu_of_a_square_is_said_to_be_the_square_first(lang, line):
    lines = key("micrograd-sanity", lang).splitlines()
    local = next(k for k, row in enumerate(lines) if row.startswith("∂h/∂z") and "2z" in row)
    assert line in lines and lines.index(line) < local


@pytest.mark.parametrize("problem_id", ["program-relu-neuron", "program-micrograd"])
def test_a_relu_that_can_be_negative_is_not_said_to_be_its_argument(problem_id):
    # max(0, a) with a of either sign: its derivative is the step H, no such sentence
    assert "Here ReLU" not in key(problem_id)


@pytest.mark.parametrize("lang, problem_id, line", [
    # the point (x, y): the rule in x, likewise for y, never w_t
    ("en", "grad-quadratic-gd", "   x_t = x_(t-1) - a·∂f/∂x (and likewise for y)"),
    ("ru", "grad-quadratic-gd", "   x_t = x_(t-1) - a·∂f/∂x (и так же для y)"),
    # w and b each by its own derivative, never one g⁰ for both
    ("en", "gd-linreg-step", "   b¹ = b⁰ - η·∂L/∂b = 0 - 0.001·(-14) = 0.014"),
    ("ru", "gd-linreg-step", "   b¹ = b⁰ - η·∂L/∂b = 0 - 0,001·(-14) = 0,014"),
    # the optimizers compared from (x, y): each method's rule in x
    ("en", "optimizers", "      h_t = α·h_(t-1) + η·∂f/∂x, x_t = x_(t-1) - h_t (and likewise for y), η = 0.1, α = 0.9")])
def test_an_optimizer_step_is_written_in_the_statements_variables(lang, problem_id, line):
    text = key(problem_id, lang).splitlines()
    assert line in text and not any("w_t" in row or "g⁰" in row for row in text)


@pytest.mark.parametrize("lang, line", [
    # d2l's 𝐯_t = β𝐯_(t−1) + 𝐠_t: each coordinate's sum in the statement's order in LaTeX too
    ("en", r"v_{t} &= \beta v_{t-1} + {\frac{\partial f}{\partial x_{1}}} = 0.5 \cdot 0 + (-1) = -1 \\*[0.5ex]"),
    ("ru", r"v_{t} &= \beta v_{t-1} + {\frac{\partial f}{\partial x_{1}}} = 0{,}5 \cdot 0 + (-1) = -1 \\*[0.5ex]")])
def test_a_momentum_sum_keeps_the_statements_order(lang, line):
    assert line in key("d2l-momentum", lang, "latex").splitlines()


@pytest.mark.parametrize("lang, line", [
    # the statement writes out_5·δ_6 and x_1·δ_5: every gradient row value·δ, and w_5 named w_46 beside w_56
    ("en", "w_46       h_1·δ_6  0.6106·(-0.1481)  ≈ -0.0904"),
    ("ru", "w_46      h_1·δ_6  0,6106·(-0,1481)   ≈ -0,0904")])
def test_gradient_rows_share_the_statements_factor_order_and_weight_names(lang, line):
    text = key("delta-worked", lang).splitlines()
    assert line in text and not any(row.startswith("w_5 ") for row in text)
    assert not any(row.split()[1:2] and row.split()[1].startswith("δ_") and row.split()[0].startswith("w_") for row in text)
