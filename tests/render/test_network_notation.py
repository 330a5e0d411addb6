"""A network's key keeps the statement's notation: its loss written in the statement's order, its names
(grad_a^b, ∇_W f, the bias vector b₂) meaning what the statement means by them. Exact strings, in
Markdown, LaTeX and plain text, English and Russian; the numbers are those the keys always had."""

from __future__ import annotations

import re

import pytest
import sympy as sp

from symnn import render, solve
from symnn.problems.bank import load_bank
from symnn.render.written import bare, loss_terms, nabla_names, signs_as_written

o1, y, y1, y2, o2 = sp.symbols("o1 y y1 y2 o2", real=True)


def key(problem_id: str, format: str, lang: str = "en") -> list[str]:
    return render(solve(problem_id), format, lang=lang).splitlines()


@pytest.mark.parametrize("statement, outputs, targets, names, terms", [
    # the delta rule's own names, read back through the notation: out_pred − out_y
    (r"$L = \frac{1}{2}(out_{pred} - out_y)^2$", (o1,), (y,), {"o1": "out_{pred}", "y": "out_y"}, (o1, -y)),
    # the default names: o₁ − y
    (r"$L = \frac{1}{2}(o_1 - y)^2$", (o1,), (y,), {}, (o1, -y)),
    # the course's generic words for one output: y − o, target first
    (r"and $L = \frac{1}{2}(y - o)^2$ find", (o1,), (y,), {}, (y, -o1)),
    # a loss named otherwise, with two outputs: each difference read with its own pair
    (r"$E = \frac{1}{2}((o_1 - y_1)^2 + (o_2 - y_2)^2)$", (o1, o2), (y1, y2), {"L": "E"}, (o1, -y1, o2, -y2)),
    # a difference outside the loss's own formula is not the loss's order
    (r"$\delta = (o_1 - y)$ and $L = \frac{1}{2}e^2$", (o1,), (y,), {}, ()),
    # two predictions, or a name that is not the network's, say nothing
    (r"$L = (o_1 - o_2)^2$", (o1, o2), (y1, y2), {}, ()),
    (r"$L = (z - y)^2$", (o1,), (y,), {}, ()),
])
def test_the_loss_is_read_from_the_statements_formula(statement, outputs, targets, names, terms):
    assert loss_terms(statement, outputs, targets, names) == terms


def test_a_square_takes_the_sign_the_statement_writes():
    # (y − o₁)²/2 written back as the statement's (o₁ − y)²/2; the value is the same
    assert signs_as_written((y - o1) ** 2 / 2, (o1, -y)) == sp.Pow(o1 - y, 2, evaluate=False) / 2
    # no statement order, or the statement's own: unchanged
    assert signs_as_written((y - o1) ** 2, ()) == (y - o1) ** 2
    assert signs_as_written((y - o1) ** 2, (y, -o1)) == (y - o1) ** 2
    # an odd power is another value: never flipped
    assert signs_as_written((y - o1) ** 3, (o1, -y)) == (y - o1) ** 3


def test_nabla_names_are_read_with_or_without_braces():
    # ∇_W f and ∇_{x} f(x); a plain ∇f names no variable
    assert nabla_names(r"$\nabla_W f$, $\nabla_{x} f(x)$ and $\nabla f$") == {("f", "W"), ("f", "x")}
    assert bare(r"out_{pred}") == bare("out_pred")


@pytest.mark.parametrize("problem_id, format, lang, line", [
    # delta-rule: the statement's L = ½(out_pred − out_y)², not ½(out_y − out_pred)², its words upright (as every
    # key sets a word, though the statement writes them in italics)
    ("delta-rule", "md", "en", r"**Delta rule (lecture 3):** 2-2-1 network, sigmoid, loss "
                               r"$L = \frac{1}{2} (\mathrm{out}_{\mathrm{pred}} - \mathrm{out}_{y})^{2}$"),
    ("delta-rule", "latex", "ru", r"{\noindent \textbf{Дельта-правило (лекция 3):} сеть 2-2-1, сигмоида, функция потерь "
                                  r"$L = \frac{1}{2} {(\mathrm{out}_{\mathrm{pred}} - \mathrm{out}_{y})}^{2}$\par}"),
    # its momentum step with the statement's grad, not g_t, in the statement's order
    ("delta-rule", "md", "en", r"Momentum update: $\Delta w_{t} = - \lambda \, \mathrm{grad} + \alpha \Delta w_{t-1}$; "
                               r"$\lambda = 0.1$, $\alpha = 0.9$"),
    # delta-worked: L = ½(o₁ − y)² as stated, in the heading and in the loss's row, with the same value (o_1 with
    # the subscript the statement writes)
    ("delta-worked", "text", "en", "Training by hand: 2-2-1 network, activations by layer: sigmoid, sigmoid; "
                                   "loss L = (1/2)·(o_1 - y)^2"),
    ("delta-worked", "text", "en", "L     (1/2)·(o_1 - y)^2       (1/2)·(0.3405 - 1)^2           ≈ 0.2175"),
    ("delta-worked", "md", "ru", r"| $L$ | $\frac{1}{2} (o_{1} - y)^{2}$ | $\frac{1}{2} (0{,}3405 - 1)^{2}$ "
                                 r"| $\approx 0{,}2175$ |"),
    # neuron-bias-update trains one neuron: its inputs counted, as the forward pass says, not a "2-1 network"
    ("neuron-bias-update", "text", "en", "Training by hand: one sigmoid neuron with 2 inputs, loss E² = (Y - y)^2"),
    ("neuron-bias-update", "text", "ru", "Обучение вручную: один нейрон (сигмоида), входов: 2, функция потерь E² = (Y - y)^2"),
    # tanh-221-step writes ½(y − o)² and backprop-w1 (y − y_pred)²: they keep the target first (tanh-221-step in
    # matrix form, its one output o)
    ("tanh-221-step", "md", "en", r"**Training by hand in matrix form:** 2-2-1 network, activations by layer: tanh, "
                                  r"identity; loss $L = \frac{1}{2} (y - o)^{2}$"),
    ("backprop-w1", "md", "en", r"**Backpropagation:** $\frac{\partial L}{\partial w_{1}}$, 2-2-1 network, sigmoid, "
                                r"loss $L = (y - y_{\mathrm{pred}})^{2}$"),
    # softmax-ce-steps: b₂ is the statement's output bias vector, so its neurons' biases are b_{2,1}, b_{2,2}
    ("softmax-ce-steps", "md", "ru", r"В точке $(x_{1}; x_{2}; y_{1}; y_{2}; w_{1}; w_{2}; b_{1,1}; "
                                     r"w_{3}; w_{4}; b_{1,2}; w_{5}; w_{6}; b_{2,1}; w_{7}; w_{8}; "
                                     r"b_{2,2}) = (1; 2; 0; 1; 0{,}5; -0{,}5; 0; 0{,}25; 0{,}75; "
                                     r"0; 1; -1; 0{,}1; -1; 1; -0{,}1)$."),
    # graph-matrix asks for ∇_W f: the key's step and answer name it so
    ("graph-matrix", "text", "en", "   ∇_W f = Xᵀ·∂f/∂a = Xᵀ·a — a product X·W: the gradient is multiplied by the other "
                                   "factors, transposed, each on its own side"),
    ("graph-matrix", "latex", "ru", r"{\noindent \textbf{Ответ:} $\nabla_{W} f = X^{T} a$\par}"),
    # quadratic-form-symmetric asks for ∇_x f(x)
    ("quadratic-form-symmetric", "md", "en", r"**Answer:** $\nabla_{x} f = 2 A x$"),
])
def test_the_key_keeps_the_statements_notation(problem_id, format, lang, line):
    assert line in key(problem_id, format, lang)


@pytest.mark.parametrize("format, lang, start", [
    # the gradients answered by the parameters their table names, w_1, …, b_3 (∂L/∂w_1, not the statement's
    # grad^h1_x1, which no table of the key writes); the output's δ by the statement's name of the output, out_pred
    # (notation o1 = "out_{pred}")
    ("md", "en", r"**Answer:** $\delta_{\mathrm{out}_{\mathrm{pred}}} \approx -0.1188$; $\delta_{h1} \approx -0.00537$; "
                 r"$\delta_{h2} \approx -0.00537$; $\frac{\partial L}{\partial w_{1}} \approx 0.0107$; "
                 r"$\frac{\partial L}{\partial w_{2}} \approx 0.00537$; $\frac{\partial L}{\partial b_{1}} \approx -0.00537$;"),
    ("text", "ru", "Ответ: δ_(out_pred) ≈ -0,1188; δ_h1 ≈ -0,00537; δ_h2 ≈ -0,00537; ∂L/∂w_1 ≈ 0,0107; "
                   "∂L/∂w_2 ≈ 0,00537; ∂L/∂b_1 ≈ -0,00537; ∂L/∂w_3 ≈ 0,0107;"),
])
def test_the_delta_rule_answers_with_the_gradient_names_of_its_tables(format, lang, start):
    lines = key("delta-rule", format, lang)
    answer = [line for line in lines if line.startswith(start.split("≈")[0].split(r"\approx")[0])][-1]
    assert answer.startswith(start)
    # …and the last of them is the output neuron's bias, b_3, the last row of the table of gradients
    assert (r"\frac{\partial L}{\partial b_{3}} \approx -0.1188" if format == "md" else "∂L/∂b_3 ≈ -0,1188") in answer
    assert "grad^h1" not in answer and r"\mathrm{grad}^{h1}" not in answer


NUMBER = r"-?\d+(?:\.\d+)?"
# a formula that sets one name: $b_2 = (0.1, -0.1)$, $b_2 = 0.1$ (not $w_1, w_2 = 0.45, -0.12$)
ASSIGNED = re.compile(rf"^\s*([A-Za-z](?:_\{{?[\w,]+\}}?)?)\s*=\s*(\({NUMBER}(?:,\s*{NUMBER})*\)|{NUMBER})\s*$")


def network_problems():
    return [p for p in load_bank().values() if p.kind in ("network", "delta-rule") and p.data.get("steps", 1) <= 10]


@pytest.mark.parametrize("problem", network_problems(), ids=lambda p: p.id)
def test_no_name_of_the_key_means_something_else_in_the_statement(problem):
    # a parameter the key names b_2 (after the notation) and the statement sets, b_2 = (0.1, −0.1), is one thing:
    # the statement's value is the key's starting value, never a vector where the key has a number
    work = solve(problem.id).work
    start = dict(work.point if type(work).__name__ == "DeltaRule" else work.steps[0].point)
    notation = problem.data.get("notation", {})
    shown = {bare(notation.get(s.name) or sp.latex(s)): value for s, value in start.items()}
    for formula in re.findall(r"\$([^$]+)\$", problem.statement["en"]):
        for name, value in ASSIGNED.findall(formula):
            if bare(name) in shown:
                assert not value.startswith("("), f"{problem.id}: {name} = {value} is a vector, the key's {name} a number"
                assert abs(float(value) - float(shown[bare(name)])) < 1e-12, f"{problem.id}: {name} = {value}"
