"""A derivative written through a name its statement defines (p = σ(z)) is derived through that name where the
plain chain would fold the name's derivative away: ∂L/∂z = ∂L/∂p·∂p/∂z, with ∂p/∂z = p(1 − p) on a line of its
own. Exact strings of the brief keys (en, ru), and every line checked against sympy.diff of the function."""

from __future__ import annotations

import sympy as sp

from symnn import render
from symnn.problems.solve import solve
from symnn.render.name_chain import through_name
from symnn.render.statement_names import defined_names


def key(problem_id: str, lang: str = "en") -> list[str]:
    return render(solve(problem_id), "text", lang=lang, detail="brief").splitlines()


def test_the_logit_derivative_goes_through_p_and_its_derivative():
    # bce-grad-logit: L = −(y ln p + (1 − y) ln(1 − p)), p = σ(z); the teacher's chain, the step ∂p/∂z = p(1 − p) shown
    assert key("bce-grad-logit")[1:6] == [
        "Derivative: ∂L/∂z = ∂L/∂p·∂p/∂z (chain rule)",
        "= p·(1 - p)·((1 - y)/(1 - p) - y/p) (derivative of the natural logarithm; derivative of the sigmoid)",
        "= p·(1 - y) - y·(1 - p) (multiply each term and cancel)",
        "= p - y (expand the brackets)",
        "Answer: ∂L/∂z = p - y"]
    # the same in Russian
    assert key("bce-grad-logit", "ru")[1:6] == [
        "Производная: ∂L/∂z = ∂L/∂p·∂p/∂z (производная сложной функции)",
        "= p·(1 - p)·((1 - y)/(1 - p) - y/p) (производная натурального логарифма; производная сигмоиды)",
        "= p·(1 - y) - y·(1 - p) (умножаем каждое слагаемое и сокращаем)",
        "= p - y (раскрываем скобки)",
        "Ответ: ∂L/∂z = p - y"]


def test_every_line_of_the_chain_through_p_is_the_derivative():
    # oracle: with p = 1/(1 + e^(−z)) put in and L(p) its formula, each line equals sympy.diff of L in z
    solution = solve("bce-grad-logit")
    (definition, p), = defined_names(solution.problem)
    y, z = sp.symbols("y z", real=True)
    sigma = 1 / (1 + sp.exp(-z))
    loss = -(y * sp.log(p) + (1 - y) * sp.log(1 - p))
    expected = sp.diff(loss.subs(p, sigma), z)
    rows = through_name(solution.work, defined_names(solution.problem), "L")
    assert len(rows) == 4
    for expr, _ in rows:
        written = expr.replace(sp.Function("L")(p), loss).replace(sp.Function("p")(z), sigma).doit()
        assert sp.simplify(written.subs(p, sigma) - expected) == 0, expr


def test_a_chain_that_shows_the_names_derivative_is_left_as_it_was():
    # neuron-grad: the plain chain already writes ∂y/∂w₁ = x₁y(1 − y) in its last line, so no chain through y
    solution = solve("neuron-grad")
    assert through_name(solution.work, defined_names(solution.problem), "f") is None
    assert key("neuron-grad")[1] == "Derivative: ∂E²/∂w_1 = 2(Y - y)·∂/∂w_1(Y - y) (chain rule; power rule)"
