"""The brief key of the softmax's negative log-likelihood derives ∂L/∂y_1 once, in full, and says the others are
alike; the answer has its left-hand side, ∇_y L. Exact strings (en, ru); the derivation's lines and the answer checked
against sympy.diff."""

from __future__ import annotations

import sympy as sp

from symnn import render
from symnn.problems.solve import solve
from symnn.render.chains import chain


def key(lang: str = "en", detail: str = "brief") -> list[str]:
    return render(solve("nll-softmax"), "text", lang=lang, detail=detail).splitlines()


def test_the_first_derivation_in_full_then_the_same_for_the_others():
    # one derivation (of y_1, the true class), no result stated before it, then one line for y_2, y_3
    printed = key()
    assert printed[2].startswith("∂/∂y_1(-ln(")                  # the derivation first, not "∂L/∂y_1 = s_1 - 1"
    assert printed[-3:] == ["= s_1 - 1 (written through the outputs)",
                            "The same for y_2, y_3: ∂L/∂y_k = s_k",
                            "Answer: ∇_y L = (s_1 - 1, s_2, s_3)"]
    assert not any(line.startswith("∂/∂y_2") for line in printed)
    # the same in Russian
    assert key("ru")[-3:] == ["= s_1 - 1 (через выходы)",
                              "Так же для y_2, y_3: ∂L/∂y_k = s_k",
                              "Ответ: ∇_y L = (s_1 - 1; s_2; s_3)"]


def test_full_detail_keeps_all_three_derivations():
    printed = key(detail="full")
    assert [line for line in printed if line.startswith("∂L/∂y_")] == ["∂L/∂y_1 = s_1 - 1", "∂L/∂y_2 = s_2",
                                                                        "∂L/∂y_3 = s_3"]
    assert printed[-1] == "Answer: ∇_y L = (s_1 - 1, s_2, s_3)"


def test_every_line_and_the_answer_are_the_derivative():
    # oracle: sympy.diff of −ln(e^(y_1)/Σ e^(y_k)); s_k = e^(y_k)/Σ e^(y_j)
    y = sp.symbols("y_1 y_2 y_3", real=True)
    total = sum(sp.exp(v) for v in y)
    loss = -sp.log(sp.exp(y[0]) / total)
    run = solve("nll-softmax").work
    for line, _ in chain(run.steps[0]):
        assert sp.simplify(line.doit() - sp.diff(loss, y[0])) == 0, line
    s = [sp.exp(v) / total for v in y]
    for k, expected in enumerate((s[0] - 1, s[1], s[2])):       # the one line's ∂L/∂y_k = s_k, and the answer
        assert sp.simplify(sp.diff(loss, y[k]) - expected) == 0
