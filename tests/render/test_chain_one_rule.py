"""Each line of a brief chain differs from the one before by one rule: the product rule's (x + 2y)·1 + y·2 is written
2y + (x + 2y), and the like terms are collected on a line of their own, x + 4y. Exact strings (en, ru); every line
checked against sympy.diff."""

from __future__ import annotations

import sympy as sp

from symnn import render
from symnn.calculus.differentiate import diff_steps
from symnn.problems.solve import solve
from symnn.render.chains import chain


def key(problem_id: str, lang: str = "en") -> list[str]:
    return render(solve(problem_id), "text", lang=lang, detail="brief").splitlines()


def test_the_product_rule_and_the_like_terms_are_two_lines():
    # 4.6: F = y(x + 2y); ∂F/∂y by the product rule is (x + 2y) + 2y before it is x + 4y
    assert key("4.6")[5:7] == ["   ∂/∂y(y·(x + 2y)) = 2y + (x + 2y) (product rule)",
                               "   = x + 4y (collect like terms)"]
    # the same in Russian
    assert key("4.6", "ru")[5:7] == ["   ∂/∂y(y·(x + 2y)) = 2y + (x + 2y) (производная произведения)",
                                     "   = x + 4y (приводим подобные слагаемые)"]


def test_every_line_of_the_chain_is_the_derivative():
    # oracle: sympy.diff of y(x + 2y) in y is x + 4y; both lines equal it, and the first is not yet collected
    x, y = sp.symbols("x y", real=True)
    step = diff_steps(y * (x + 2 * y), y)
    lines = [line for line, _ in chain(step)]
    assert len(lines) == 2
    for line in lines:
        assert sp.expand(line.doit() - sp.diff(y * (x + 2 * y), y)) == 0, line
    assert len(lines[0].args) == 2 and lines[0] != x + 4 * y
