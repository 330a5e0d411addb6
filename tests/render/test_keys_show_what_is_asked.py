"""A key works what its statement asks and no more, in the statement's letters: exact strings of brief
text keys, with the numbers checked against sympy.diff and hand-written rules."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
import sympy as sp

from symnn import render
from symnn.problems.bank import get_problem
from symnn.problems.solve import solve


def key(problem_id: str, lang: str = "en") -> list[str]:
    return render(solve(problem_id), "text", lang=lang, detail="brief").splitlines()


def test_the_backward_table_has_only_the_rows_on_a_path_to_an_asked_gradient():
    # relu-weights-step asks ∂L/∂w₁ and ∂L/∂w₂: no row for ∂L/∂y, ∂a/∂x₁ or ∂a/∂x₂ (the sample stays)
    printed = key("relu-weights-step")
    table = printed[printed.index("local derivative  formula   value  upstream ∂L/∂(node)  contribution to ∂L/∂(input)"):]
    table = table[:next(k for k, line in enumerate(table) if line.startswith("A step"))]
    # the output's own row is the local derivative of its formula, ∂(h − y)²/∂h, not the total ∂L/∂h
    assert [line.split("  ")[0] for line in table[2:]] == ["∂L/∂h", "∂h/∂a", "∂a/∂w_1", "∂a/∂w_2"]
    # the contributions are the gradients: sympy.diff of L = (max(0, w1x1 + w2x2) − y)² at the point
    w1, w2, x1, x2, y = sp.symbols("w1 w2 x1 x2 y", real=True)
    L = (sp.Max(0, w1 * x1 + w2 * x2) - y) ** 2
    point = {w1: 2, x1: 1, w2: 1, x2: 3, y: 3}
    assert table[4].split()[-1] == str(sp.diff(L, w1).subs(point))          # 4
    assert table[5].split()[-1] == str(sp.diff(L, w2).subs(point))          # 12


def test_a_graph_problem_keeps_every_row():
    # a `graph` problem asks every gradient: each input has its row (max-gate: ∂f/∂x and ∂f/∂y)
    printed = "\n".join(key("max-gate"))
    assert "∂f/∂x" in printed and "∂f/∂y" in printed


def test_no_forward_pass_after_the_update_unless_a_value_after_it_is_asked():
    # mazur-221 asks the new weights, not the loss after them; tanh-221-step asks L after the step
    assert not any(line.startswith("After the last update") for line in key("mazur-221"))
    assert any(line.startswith("After the last update") for line in key("tanh-221-step"))


def test_the_output_delta_keeps_the_common_factor_outside_the_brackets():
    # L = (t − a)² of an ADALINE worked as SGD (lms-apple-orange without its rule = "lms"): δ = ∂L/∂a = 2(a − t),
    # not SymPy's 2a − 2t; the δ by the output's name in the statement, a (notation o1 = "a")
    problem = get_problem("lms-apple-orange")
    problem = dataclasses.replace(problem, data={k: v for k, v in problem.data.items() if k != "rule"})
    printed = key(problem)
    assert "δ_a     2(a - t)  2·(0 - (-1))      2" in printed
    assert "δ_a     2(a - t)  2·((-0.4) - 1)    -2.8" in printed


def test_a_sigmoid_neuron_step_is_worked_as_the_course_moves_the_normal_and_the_shift():
    # neuron-bias-update: y = S(ω₀ + ω₁x₁ + ω₂x₂), E² = (Y − y)², λ = 0.5; the statement's rule
    # δω = 2λ(Y − y)y(1 − y)x, δω₀ = 2λ(Y − y)y(1 − y), computed here by hand from y = S(0) = 1/2
    x, Y, lam, y = (1, 2), 1, sp.Rational(1, 2), sp.Rational(1, 2)
    shift = 2 * lam * (Y - y) * y * (1 - y)
    expected = (shift, shift * x[0], shift * x[1])
    assert tuple(solve("neuron-bias-update").answer) == expected
    printed = key("neuron-bias-update")
    assert "y     S(ω_0 + ω_1·x_1 + ω_2·x_2)  S(0 + 0·1 + 0·2)  0.5" in printed
    assert "ω_1⁺       ω_1 - λ·g_t  0 - 0.5·(-0.25)   0.125" in printed
    assert printed[-2] == "Answer: ω_0⁺ = 0.125; ω_1⁺ = 0.125; ω_2⁺ = 0.25"
    assert "Ответ: ω_0⁺ = 0,125; ω_1⁺ = 0,125; ω_2⁺ = 0,25" in key("neuron-bias-update", "ru")


def test_an_answer_of_several_numbers_takes_the_name_the_statement_asks_it_by():
    # answer_name = "W(2)": Hagan's LMS asks W(2), the weight row, not three separately named numbers
    assert key("lms-apple-orange")[-2] == "Answer: W(2) = (0.16, 0.96, -0.16)"
    assert "Ответ: W(2) = (0,16; 0,96; -0,16)" in key("lms-apple-orange", "ru")

    # answer_name = "L" on a derivative names the function only: ∂L/∂z, not ∂/∂z of the whole loss
    assert key("bce-grad-logit")[-1] == "Answer: ∂L/∂z = p - y"
    assert key("bce-grad-logit", "ru")[-1] == "Ответ: ∂L/∂z = p - y"
    assert key("bce-grad")[-1] == "Answer: ∂L/∂p = (p - y)/(p·(1 - p))"        # notation f = "L" as before


def test_an_answer_through_the_statements_names_is_linked_to_the_derivative():
    # tanh-exp asks F′ through F: 1 − F² with F's formula put in is the derivative (sympy.diff as the oracle)
    x = sp.Symbol("x", real=True)
    F = (sp.exp(2 * x) - 1) / (sp.exp(2 * x) + 1)
    assert sp.simplify(1 - F ** 2 - sp.diff(F, x)) == 0
    assert ("Putting in the formula of F gives the same: 1 - F^2 = 1 - (e^(2x) - 1)^2/(e^(2x) + 1)^2 = "
            "4e^(2x)/(e^(2x) + 1)^2") in key("tanh-exp")
    assert any(line.startswith("Подставив формулу для F, получаем то же самое:") for line in key("tanh-exp", "ru"))
    # σ(1 − σ) of nielsen-sigmoid-prime is the derivation's own last line: nothing to link
    assert not any(line.startswith("The same through") for line in key("nielsen-sigmoid-prime"))


@pytest.mark.parametrize("lang, lines", [
    ("en", ["Gradient of a squared norm of the residual",       # under its statement: the kind, not the givens again
            "At the point (x_1, x_2) = (1, 1):",
            "   r = A·x - b = [(1, 0); (1, 1); (1, 2)]·[1; 1] - [6; 0; 0] = [-5; 2; 3]",
            "   ∇ f = 2A^T·r = 2·[(1, 1, 1); (0, 1, 2)]·[-5; 2; 3] = [0; 16]",
            "Answer: r = (-5, 2, 3); ∇ f = (0, 16)"]),
    ("ru", ["Градиент квадрата нормы невязки",
            "В точке (x_1; x_2) = (1; 1):",
            "   r = A·x - b = [(1; 0); (1; 1); (1; 2)]·[1; 1] - [6; 0; 0] = [-5; 2; 3]",
            "   ∇ f = 2A^T·r = 2·[(1; 1; 1); (0; 1; 2)]·[-5; 2; 3] = [0; 16]",
            "Ответ: r = (-5; 2; 3); ∇ f = (0; 16)"]),
])
def test_the_residual_key_works_only_r_and_the_gradient_at_the_point(lang, lines):
    # vec-residual asks r = Ax − b and ∇f = 2Aᵀr at x = (1, 1): no ∇f in x (6x₁ + 6x₂ − 12, …), which is not asked;
    # x_1, x_2 as its answer form writes them
    assert key("vec-residual", lang)[1:] == lines
    A, b, x = np.array([[1, 0], [1, 1], [1, 2]]), np.array([6, 0, 0]), np.array([1, 1])      # NumPy's oracle
    r = A @ x - b
    assert r.tolist() == [-5, 2, 3] and (2 * A.T @ r).tolist() == [0, 16]
    # the full key keeps the general form; a problem that asks it (least-squares-half) has it in brief too
    full = render(solve("vec-residual"), "text", lang=lang, detail="full")
    assert "[6x_1 + 6x_2 - 12; 6x_1 + 10x_2]" in full
    # each row of AᵀAx − Aᵀb in the order of the variables, the constant last: −x₁ + 5x₂ + 2, not 5x₂ − x₁ + 2
    assert "[5x_1 - x_2 - 2; -x_1 + 5x_2 + 2]" in "\n".join(key("least-squares-half", lang))
