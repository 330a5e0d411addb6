"""A training key works what its statement asks, in the statement's form, and nothing else: exact lines of
the keys of delta-rule, hagan-steepest-descent and lms-apple-orange, in English and Russian."""

from __future__ import annotations

import dataclasses

import pytest

from symnn import render, solve
from symnn.problems.bank import load_bank


def key(problem_id: str, lang: str = "en", format: str = "text", detail: str = "brief") -> list[str]:
    return render(solve(problem_id), format, lang=lang, detail=detail).splitlines()


# delta-rule asks the deltas, the gradients and the steps Δw_t: the key ends with the table of the steps,
# with no line w_t = w_(t−1) + Δw_t and no table of the new weights (not asked, used by nothing asked); b_3, w_5 with
# the subscripts of the statement's w_5, w_6
@pytest.mark.parametrize("lang, rule, last_row, answer", [
    ("en", "Momentum update: Δw_t = -λ·grad + α·Δw_(t-1); λ = 0.1, α = 0.9",
     "b_3        -0.1·(-0.1188) + 0.9·0      ≈ 0.0119", "Answer: δ_(out_pred) ≈ -0.1188;"),
    ("ru", "Шаг метода моментов: Δw_t = -λ·grad + α·Δw_(t-1); λ = 0,1; α = 0,9",
     "b_3       -0,1·(-0,1188) + 0,9·0      ≈ 0,0119", "Ответ: δ_(out_pred) ≈ -0,1188;"),
])
@pytest.mark.parametrize("detail", ["brief", "full"])
def test_the_delta_rule_key_shows_no_table_of_new_weights(lang, rule, last_row, answer, detail):
    lines = key("delta-rule", lang, detail=detail)
    at = lines.index(rule)
    # the rule, the header of Δw_t, its rule, then nine rows, the last the output's bias; then the answer
    assert lines[at + 1].split() == (["parameter", "Δw_t", "value"] if lang == "en" else ["параметр", "Δw_t", "значение"])
    assert lines[at + 11] == last_row
    assert lines[at + 12].startswith(answer)
    assert not any(line.split()[1:2] == ["w_t"] or "1 + (-0" in line for line in lines[at + 1:])


# hagan-steepest-descent: the rule in the statement's letter 𝐱 (not w_t = w_(t−1) − α·g_t), each coordinate's
# step with its partial derivative, in LaTeX as in text
@pytest.mark.parametrize("lang, rule, coordinate", [
    ("en", r"\mathbf{x}_{t} &= \mathbf{x}_{t-1} - \alpha \nabla F(\mathbf{x}_{t-1}) \\*[0.5ex]",
     r"x_{2,t} &= x_{2,t-1} - \alpha {\frac{\partial F}{\partial x_{2}}} = 0.5 - 0.01 \cdot 25 = 0.25"),
    ("ru", r"\mathbf{x}_{t} &= \mathbf{x}_{t-1} - \alpha \nabla F(\mathbf{x}_{t-1}) \\*[0.5ex]",
     r"x_{2,t} &= x_{2,t-1} - \alpha {\frac{\partial F}{\partial x_{2}}} = 0{,}5 - 0{,}01 \cdot 25 = 0{,}25"),
])
def test_steepest_descent_is_written_in_the_statements_letter(lang, rule, coordinate):
    lines = key("hagan-steepest-descent", lang, "latex")
    assert rule in lines and coordinate in lines
    assert not any("w_{t" in line or "g_{t}" in line for line in lines)


# variables of their own (x, y: no vector to name) keep the method's rule in w and g
def test_variables_of_their_own_write_the_rule_in_their_names():
    # x and y of f(x, y): the rule in x, likewise for y, each coordinate by its own ∂f/∂x (no w, no one g_t)
    assert "   x_t = x_(t-1) - a·∂f/∂x (and likewise for y)" in key("grad-quadratic-gd")
    assert "   x_t = x_(t-1) - a·∂f/∂x = 1 - 0.5·1 = 0.5" in key("grad-quadratic-gd")
    assert "   y_t = y_(t-1) - a·∂f/∂y = 2 - 0.5·2 = 1" in key("grad-quadratic-gd")


# the closed form x_i = (1 − a)^i·x_0 at the step: every letter of the formula is put in, the counter too; its left
# side x_1 names step 1, so the formula beside it says (1 − a)^1, not (1 − a)^i (i would be left unsubstituted);
# its factors in the statement's order
@pytest.mark.parametrize("lang, format, line", [
    ("en", "text", "   x_1 = (1 - a)^1·x_0 = (1 - 0.5)^1·1 = 0.5"),
    ("ru", "text", "   y_1 = (1 - a)^1·y_0 = (1 - 0,5)^1·2 = 1"),
    ("en", "latex", r"y_{1} &= (1 - a)^{1} y_{0} = (1 - 0.5)^{1} \cdot 2 = 1"),
])
def test_a_closed_form_at_a_step_has_its_counter_put_in(lang, format, line):
    lines = key("grad-quadratic-gd", lang, format)
    assert any(line in text for text in lines), line
    at_step = [text for text in lines if text.strip().startswith(("x_1", "y_1", "x_{1}", "y_{1}"))]
    assert at_step and not any("^i" in text or "^{i}" in text for text in at_step)
    assert 1 * (1 - 0.5) ** 1 == 0.5 and 2 * (1 - 0.5) ** 1 == 1          # the step's point, (0.5, 1)


# lms-apple-orange names the LMS rule (rule = "lms"): each step a = …, e = t − a = …, W(k+1) = W(k) + 2αe·pᵀ
# with the numbers, the same three lines each step (Hagan's W(1) = (−0.4, 0.4, 0.4), W(2) = (0.16, 0.96, −0.16)),
# a = w_1 p_1 + … as the statement writes it
@pytest.mark.parametrize("lang, steps", [
    ("en", ["Step 1: row 1 of the table",
            "a = w_1·p_1 + w_2·p_2 + w_3·p_3 = 0·1 + 0·(-1) + 0·(-1) = 0",
            "e = t - a = (-1) - 0 = -1",
            "W(1) = W(0) + 2α·e·p^T = (0, 0, 0) + 2·0.2·(-1)·(1, -1, -1) = (-0.4, 0.4, 0.4)",
            "Step 2: row 2 of the table",
            "a = w_1·p_1 + w_2·p_2 + w_3·p_3 = (-0.4)·1 + 0.4·1 + 0.4·(-1) = -0.4",
            "e = t - a = 1 - (-0.4) = 1.4",
            "W(2) = W(1) + 2α·e·p^T = (-0.4, 0.4, 0.4) + 2·0.2·1.4·(1, 1, -1) = (0.16, 0.96, -0.16)"]),
    ("ru", ["Шаг 1: строка 1 таблицы",
            "a = w_1·p_1 + w_2·p_2 + w_3·p_3 = 0·1 + 0·(-1) + 0·(-1) = 0",
            "e = t - a = (-1) - 0 = -1",
            "W(1) = W(0) + 2α·e·p^T = (0; 0; 0) + 2·0,2·(-1)·(1; -1; -1) = (-0,4; 0,4; 0,4)",
            "Шаг 2: строка 2 таблицы",
            "a = w_1·p_1 + w_2·p_2 + w_3·p_3 = (-0,4)·1 + 0,4·1 + 0,4·(-1) = -0,4",
            "e = t - a = 1 - (-0,4) = 1,4",
            "W(2) = W(1) + 2α·e·p^T = (-0,4; 0,4; 0,4) + 2·0,2·1,4·(1; 1; -1) = (0,16; 0,96; -0,16)"]),
])
@pytest.mark.parametrize("detail", ["brief", "full"])
def test_the_lms_key_works_each_step_as_the_statements_rule(lang, steps, detail):
    lines = key("lms-apple-orange", lang, detail=detail)
    at = lines.index(steps[0])
    assert lines[at:at + len(steps)] == steps
    assert not any("g_t" in line or "δ_" in line for line in lines)          # no SGD step, no delta (δ_a of a = o1)
    assert ("The LMS algorithm (the Widrow–Hoff rule): α = 0.2" if lang == "en"
            else "Правило Уидроу — Хоффа: α = 0,2") in lines


def test_the_lms_key_in_latex():
    lines = key("lms-apple-orange", "ru", "latex")
    assert r"&= (-0{,}4; \  0{,}4; \  0{,}4) + 2 \cdot 0{,}2 \cdot 1{,}4 \cdot (1; \  1; \  -1) \\*" in lines
    assert r"e &= t - a = 1 - (-0{,}4) = 1{,}4 \\[0.5ex]" in lines


def test_the_lms_steps_agree_with_a_hand_written_loop():
    # the oracle: Hagan's W ← W + 2αe·p with e = t − a, a = W·p, in fractions
    from fractions import Fraction
    W, alpha = [Fraction(0)] * 3, Fraction(1, 5)
    for p, t in (((1, -1, -1), -1), ((1, 1, -1), 1)):
        e = t - sum(w * x for w, x in zip(W, p))
        W = [w + 2 * alpha * e * x for w, x in zip(W, p)]
    assert [Fraction(str(v)) for v in solve("lms-apple-orange").answer] == W == [Fraction(4, 25), Fraction(24, 25), Fraction(-4, 25)]


# a data-training run worked by hand without rule = "lms" shows every step with the same tables, brief or not; the
# rule of the gradients in words, not in symnn's indices (∂L/∂w_jk = a_k·δ_j), once a problem: the second step's
# table is led in by its name alone; and w_3 as the statement writes it
@pytest.mark.parametrize("lang, gradients, again", [
    ("en", "Gradients: the gradient of a weight is the δ of the neuron the weight leads into times the value the weight carries.",
     "Gradients:"),
    ("ru", "Градиенты: градиент веса — произведение δ нейрона, в который входит вес, на значение, которое передаётся по "
           "этому весу.", "Градиенты:"),
])
def test_every_step_of_a_run_by_hand_shows_the_same_tables(lang, gradients, again, tmp_path):
    problem = load_bank()["lms-apple-orange"]
    problem = dataclasses.replace(problem, data={k: v for k, v in problem.data.items() if k != "rule"})   # SGD's own form
    lines = render(solve(problem), "text", lang=lang, detail="brief").splitlines()
    assert lines.count(gradients) == 1 and lines.count(again) == 1 and lines.index(gradients) < lines.index(again)
    assert ("w_3⁺       w_3 - α·g_t  0.4 - 0.2·2.8        -0.16" if lang == "en"
            else "w_3⁺            w_3 - α·g_t  0,4 - 0,2·2,8        -0,16") in lines


# rule = "lms" is refused, with the field named, where the LMS rule is not the run's step
@pytest.mark.parametrize("change", [
    {"activation": "sigmoid"},             # not a linear neuron
    {"loss": "half-se"},                   # SGD on ½e² steps by αe·p, not 2αe·p
    {"layers": [3, 2, 1]},                 # not one neuron
    {"rule": "perceptron"},                # no such rule
])
def test_a_rule_that_is_not_the_runs_step_is_refused(change):
    from symnn.problems.schema import problem_errors
    entry = {"id": "x", "kind": "training", "inputs": [[1, -1, -1], [1, 1, -1]], "targets": [-1, 1], "layers": [3, 1],
             "activation": "identity", "learning_rate": 0.2, "epochs": 1, "batch": 1, "weights": [[[0, 0, 0]]],
             "biases": ["none"], "find": ["w1"], "rule": "lms", "statement": {"en": "s", "ru": "s"}}
    assert not [e for e in problem_errors(entry) if e.startswith("rule")]
    assert [e for e in problem_errors({**entry, **change}) if e.startswith("rule")]


def test_an_adaline_with_a_bias_moves_it_by_2_alpha_e():
    # b(k+1) = b(k) + 2αe: from b(0) = 0.5, e = −1.5 and then 1.7 (a = 0.5, then −0.7): −0.1, then 0.58
    problem = load_bank()["lms-apple-orange"]
    problem = dataclasses.replace(problem, data={**problem.data, "biases": [0.5], "find": ["w1", "w2", "w3", "b1"]})
    lines = key(problem)
    assert "b(1) = b(0) + 2α·e = 0.5 + 2·0.2·(-1.5) = -0.1" in lines
    assert "b(2) = b(1) + 2α·e = (-0.1) + 2·0.2·1.7 = 0.58" in lines
    assert "W(2) = W(1) + 2α·e·p^T = (-0.6, 0.6, 0.6) + 2·0.2·1.7·(1, 1, -1) = (0.08, 1.28, -0.08)" in lines
