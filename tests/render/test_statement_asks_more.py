"""What a statement asks besides the graded answer is worked in the key's body and said in its answer line
(problems.asked: compare, check, formulas), and what it does not ask is not printed: exact strings of brief
text keys in English and Russian, the numbers checked against independent oracles (central differences,
NumPy, sympy.diff)."""

from __future__ import annotations

import math

import numpy as np
import pytest
import sympy as sp

from symnn import render
from symnn.problems.bank import BankError, Problem
from symnn.problems.schema import problem_errors
from symnn.problems.solve import solve


def key(problem, lang: str = "en") -> list[str]:
    return render(solve(problem), "text", lang=lang, detail="brief").splitlines()


def _sigmoid_slope(x: float, h: float = 1e-5) -> float:
    """σ′(x) by a central difference, not by the toolkit's rule."""
    s = lambda t: 1 / (1 + math.exp(-t))       # noqa: E731
    return (s(x + h) - s(x - h)) / (2 * h)


SIGMOID_SLOW = {
    "en": ["At the point x = 3: σ′(3) = σ(3)·(1 - σ(3)) ≈ 0.0452",     # σ′ at its point, not d/dx σ(x) = … = σ(3),
           "For comparison, at the point x = 0: σ′(0) = σ(0)·(1 - σ(0)) = 0.25",
           "The ratio: σ′(3)/σ′(0) ≈ 0.0452/0.25 ≈ 0.181",     # the operands as shown above, the ratio as precise
           "Answer: σ′(3) ≈ 0.0452; σ′(3)/σ′(0) ≈ 0.181",
           "Note. Every gradient that passes through a neuron with |x| > 3 is multiplied by less than σ′(3), "
           "and the weights before it barely move."],
    "ru": ["В точке x = 3: σ′(3) = σ(3)·(1 - σ(3)) ≈ 0,0452",
           "Для сравнения, в точке x = 0: σ′(0) = σ(0)·(1 - σ(0)) = 0,25",
           "Отношение: σ′(3)/σ′(0) ≈ 0,0452/0,25 ≈ 0,181",
           "Ответ: σ′(3) ≈ 0,0452; σ′(3)/σ′(0) ≈ 0,181",
           "Примечание. Градиент, проходящий через нейрон с |x| > 3, умножается на число меньше σ′(3), "
           "и веса перед этим нейроном почти не меняются."],
}


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_the_comparison_with_another_point_is_worked_and_answered(lang):
    assert key("sigmoid-slow", lang)[2:] == SIGMOID_SLOW[lang]
    # the ratio σ′(3)/σ′(0) by central differences, and the quotient of the shown 0.0452/0.25, both round to the
    # printed 0.181 (three significant digits, as 0.0452 has)
    assert f"{_sigmoid_slope(3) / _sigmoid_slope(0):.3f}" == f"{0.0452 / 0.25:.3f}" == "0.181"


MAE = {
    "en": ["For comparison: ∂/∂w((w·x - y)^2) = 2x·(w·x - y)",
           "The ratio: (∂/∂w(|w·x - y|))/(∂/∂w((w·x - y)^2)) = (x·sign(w·x - y))/(2x·(w·x - y)) = 1/(2·|w·x - y|)",
           "Answer: ∂/∂w(|w·x - y|) = x·sign(w·x - y); (∂/∂w(|w·x - y|))/(∂/∂w((w·x - y)^2)) = 1/(2·|w·x - y|)"],
    "ru": ["Для сравнения: ∂/∂w((w·x - y)^2) = 2x·(w·x - y)",
           "Отношение: (∂/∂w(|w·x - y|))/(∂/∂w((w·x - y)^2)) = (x·sgn(w·x - y))/(2x·(w·x - y)) = 1/(2·|w·x - y|)",
           "Ответ: ∂/∂w(|w·x - y|) = x·sgn(w·x - y); (∂/∂w(|w·x - y|))/(∂/∂w((w·x - y)^2)) = 1/(2·|w·x - y|)"],
}


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_the_comparison_with_another_function_gives_the_ratio_of_the_derivatives(lang):
    assert key("mae-gradient", lang)[2:5] == MAE[lang]
    # the ratio by sympy.diff, away from the kink: at w = 2, x = 3, y = 1 it is 1/(2·5)
    w, x, y = sp.symbols("w x y", real=True)
    point = {w: 2, x: 3, y: 1}
    ratio = sp.diff(sp.Abs(w * x - y), w).subs(point) / sp.diff((w * x - y) ** 2, w).subs(point)
    assert ratio == sp.Rational(1, 2 * abs(2 * 3 - 1))


SOFTMAX_TWO = {
    "en": ("p_0 = e^(y_0)/(e^(y_0) + e^(y_1)) = 1/(1 + e^(y_1 - y_0)) = σ(y_0 - y_1)",
           "Answer: ∂p_0/∂y_0 = e^(y_0)·e^(y_1)/(e^(y_0) + e^(y_1))^2 = p_0·(1 - p_0); p_0 = σ(y_0 - y_1)",
           "Note. So ∂p_0/∂y_0 = p_0(1 - p_0) is the derivative of the logistic function, σ′ = σ(1 - σ): "
           "a softmax of two classes is a sigmoid neuron on the difference of the two scores."),
    "ru": ("p_0 = e^(y_0)/(e^(y_0) + e^(y_1)) = 1/(1 + e^(y_1 - y_0)) = σ(y_0 - y_1)",
           "Ответ: ∂p_0/∂y_0 = e^(y_0)·e^(y_1)/(e^(y_0) + e^(y_1))^2 = p_0·(1 - p_0); p_0 = σ(y_0 - y_1)",
           "Примечание. Поэтому ∂p_0/∂y_0 = p_0(1 - p_0) — это производная логистической функции σ′ = σ(1 - σ): "
           "softmax двух классов — сигмоидный нейрон от разности двух оценок."),
}


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_an_identity_the_statement_asks_to_see_opens_the_key(lang):
    printed = key("softmax-two-classes", lang)
    first, answer, note = SOFTMAX_TWO[lang]
    assert printed[1] == first and printed[-2:] == [answer, note]
    # the identity numerically: softmax of two scores against the logistic function of their difference
    y0, y1 = 0.7, -1.2
    assert math.isclose(math.exp(y0) / (math.exp(y0) + math.exp(y1)), 1 / (1 + math.exp(-(y0 - y1))))


RELU_CHAIN = {
    "en": ["For comparison, the same for y = tanh(tanh(tanh(x))):",
           "The ratio of the two values of dy/dx: 1/0.0188 ≈ 53.2",
           "Answer: y = 2; dy/dx = 1; for y = tanh(tanh(tanh(x))): dy/dx ≈ 0.0188; ratio 1/0.0188 ≈ 53.2"],
    "ru": ["Для сравнения, то же для y = th(th(th(x))):",
           "Отношение двух значений dy/dx: 1/0,0188 ≈ 53,2",
           "Ответ: y = 2; dy/dx = 1; для y = th(th(th(x))): dy/dx ≈ 0,0188; отношение 1/0,0188 ≈ 53,2"],
}


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_the_comparison_with_another_program_runs_it_and_gives_the_ratio(lang):
    printed = key("relu-chain", lang)
    heading, ratio, answer = RELU_CHAIN[lang]
    assert heading in printed and printed.index(heading) < printed.index(ratio) == printed.index(answer) - 1
    assert sum(line.startswith(("Compute the program", "Вычисляем программу")) for line in printed) == 2
    # the tanh chain's dy/dx with NumPy: the product of 1 − tanh² along the chain; ReLU's is 1
    a = np.tanh(2.0)
    b = np.tanh(a)
    slope = (1 - np.tanh(b) ** 2) * (1 - b ** 2) * (1 - a ** 2)
    assert f"{1 / slope:.1f}" == f"{1 / 0.0188:.1f}" == "53.2"     # the exact quotient and the shown numbers' agree


HALF_NORM = {
    "en": ["Check:",
           "   ∂f/∂a_1 = 4 = a_1",              # a letter's value is said once
           "   ∂f/∂a_2 = 5 = a_2",
           "   ∂f/∂w_1 = 19 = x_11·a_1 + x_21·a_2 = 1·4 + 3·5 = 19",
           "   ∂f/∂w_2 = 3 = x_12·a_1 + x_22·a_2 = 2·4 + (-1)·5 = 3",
           "Answer: f = 20.5; ∂f/∂w_1 = 19; ∂f/∂w_2 = 3; it holds that ∂f/∂a_1 = a_1, ∂f/∂a_2 = a_2, "
           "∂f/∂w_1 = x_11·a_1 + x_21·a_2, ∂f/∂w_2 = x_12·a_1 + x_22·a_2"],
    "ru": ["Проверка:",
           "   ∂f/∂a_1 = 4 = a_1",              # a letter's value is said once
           "   ∂f/∂a_2 = 5 = a_2",
           "   ∂f/∂w_1 = 19 = x_11·a_1 + x_21·a_2 = 1·4 + 3·5 = 19",
           "   ∂f/∂w_2 = 3 = x_12·a_1 + x_22·a_2 = 2·4 + (-1)·5 = 3",
           "Ответ: f = 20,5; ∂f/∂w_1 = 19; ∂f/∂w_2 = 3; верно, что ∂f/∂a_1 = a_1, ∂f/∂a_2 = a_2, "
           "∂f/∂w_1 = x_11·a_1 + x_21·a_2, ∂f/∂w_2 = x_12·a_1 + x_22·a_2"],
}


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_the_checks_a_statement_asks_for_are_worked_with_the_numbers(lang):
    assert key("half-norm-program", lang)[-6:] == HALF_NORM[lang]      # and no note: it said what the check says
    # ∇_W f = Xᵀa with a = XW, by NumPy
    X, W = np.array([[1, 2], [3, -1]]), np.array([2, 1])
    assert (X.T @ (X @ W)).tolist() == [19, 3]


LIKELIHOOD = {
    "en": ["In the variables, L = -ln(p_1·p_2·p_3), so ∂L/∂p_1 = -1/p_1, ∂L/∂p_2 = -1/p_2, ∂L/∂p_3 = -1/p_3",
           "Answer: P = 0.36; L = -ln(0.36) ≈ 1.0217; ∂L/∂p_1 = -1/p_1 = -10/9 ≈ -1.1111; ∂L/∂p_2 = -1/p_2 = -1.25; "
           "∂L/∂p_3 = -1/p_3 = -2"],
    "ru": ["Через переменные: L = -ln(p_1·p_2·p_3), поэтому ∂L/∂p_1 = -1/p_1, ∂L/∂p_2 = -1/p_2, ∂L/∂p_3 = -1/p_3",
           "Ответ: P = 0,36; L = -ln(0,36) ≈ 1,0217; ∂L/∂p_1 = -1/p_1 = -10/9 ≈ -1,1111; ∂L/∂p_2 = -1/p_2 = -1,25; "
           "∂L/∂p_3 = -1/p_3 = -2"],
}


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_gradients_asked_in_the_variables_are_derived_and_answered(lang):
    assert key("likelihood-nll", lang)[-3:-1] == LIKELIHOOD[lang]
    # ∂L/∂p₁ by a central difference of L = −ln(p₁p₂p₃) at (0.9, 0.8, 0.5): −1/0.9
    L = lambda p1: -math.log(p1 * 0.8 * 0.5)       # noqa: E731
    assert math.isclose((L(0.9 + 1e-6) - L(0.9 - 1e-6)) / 2e-6, -1 / 0.9, rel_tol=1e-8)


@pytest.mark.parametrize("problem_id, last", [
    ("iterated-map", "(g^4)'(x_0) = 2·4·10·52 = 4160"),     # x₄ = 677 is not a factor and not asked
    # the slopes as the table's values (-0.5), each factor bracketed: one way in the line, as its result -0.03125
    ("gd-closed-form", "(g^5)'(x_0) = (-0.5)·(-0.5)·(-0.5)·(-0.5)·(-0.5) = -0.03125"),
])
def test_an_iterated_map_stops_at_the_last_factor(problem_id, last):
    printed = key(problem_id)
    assert printed[-2 - (problem_id == "gd-closed-form")] == last
    assert not any(line.startswith(("x_4 =", "x_5 =")) for line in printed)


@pytest.mark.parametrize("lang, lines", [
    ("en", ["`W = np.zeros((3072, 10))`: an array of shape 3072×10", "`b = np.zeros(10)`: an array of shape 10"]),
    ("ru", ["`W = np.zeros((3072, 10))`: массив формы 3072×10", "`b = np.zeros(10)`: массив формы 10"]),
])
def test_an_array_read_only_by_its_size_is_given_by_its_shape(lang, lines):
    assert key("flatten-parameters", lang)[1:3] == lines        # not ten zeros


@pytest.mark.parametrize("lang, forward, backward, kronecker", [
    ("en", "Forward pass:", "Backward pass:",
     "Here δ_ij is the Kronecker delta: δ_ij = 1 for i = j and δ_ij = 0 for i ≠ j."),
    ("ru", "Прямой проход:", "Обратный проход:",
     "Здесь δ_ij — символ Кронекера: δ_ij = 1 при i = j и δ_ij = 0 при i ≠ j."),
])
def test_boilerplate_is_gone_and_the_kronecker_delta_is_defined(lang, forward, backward, kronecker):
    graph = key("graph-exp", lang)
    assert graph[2] == forward and backward in graph
    table = key("activations", lang)
    assert kronecker in table
    softsign = next(line for line in table if line.startswith("softsign"))
    # through f only where the course writes it so (σ, th, ELU): softsign's row is f, f′ and nothing else
    assert softsign.split() == ["softsign", "x/(1", "+", "|x|)", "1/(1", "+", "|x|)^2"]


def _derivative(**fields) -> Problem:
    data = {"expr": "abs(w*x - y)", "wrt": "w", **fields}
    return Problem("t", "derivative", "t", {"en": "…", "ru": "…"}, data)


def test_a_check_that_does_not_hold_is_refused_naming_the_problem():
    wrong = _derivative(names={"L": "abs(w*x - y)"}, check=["L = w*x - y"])
    with pytest.raises(BankError, match="check: 'L = w\\*x - y' does not hold"):
        solve(wrong)


@pytest.mark.parametrize("compare, error", [
    ({"at": "w = 1"}, None),                                  # a point is fine
    ({"expr": "(w*x - y)^2"}, None),                          # so is another function
    ({"point": "w = 1"}, "compare: expected"),                # an unknown key
    ({"at": "w = 1", "expr": "w"}, "compare: expected"),      # one thing to compare with
])
def test_compare_is_checked_when_the_bank_is_read(compare, error):
    entry = {"id": "t", "kind": "derivative", "statement": {"en": "…"}, "expr": "abs(w*x - y)", "wrt": "w",
             "compare": compare}
    errors = problem_errors(entry)
    assert (errors == []) if error is None else any(e.startswith(error) for e in errors)
