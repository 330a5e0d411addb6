"""A chain of equalities as a vector answer: a label, a formula in the vector's name, then the value
(∇f = 4x = (4, −8, 12)). The last side is the answer; the formula is put in at the problem's point entry
by entry and must agree, and a formula with names the point does not give is not checked (a note says
so). The expected values are computed here by sympy.diff and NumPy, not taken from the checker."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp

from symnn.answers.check import check_bank_answer

# vec-2xtx: f(x) = 2xᵀx, ∇f at x = (1, −2, 3) by sympy.diff
x1, x2, x3 = sp.symbols("x1 x2 x3")
POINT = np.array([1, -2, 3])
GRAD = [int(sp.diff(2 * (x1**2 + x2**2 + x3**2), v).subs({x1: 1, x2: -2, x3: 3})) for v in (x1, x2, x3)]
g = ", ".join(map(str, GRAD))
g_ru = "; ".join(map(str, GRAD))
HALF = ", ".join(map(str, 2 * POINT))            # 2x at the point: the formula of xᵀx's gradient, not 2xᵀx's
HALF_RU = "; ".join(map(str, 2 * POINT))


@pytest.mark.parametrize("answer, lang, correct, said", [
    # the label, the formula in x, the value: all agree
    (f"∇f = 4x = ({g})", "en", True, None),
    # the same in Russian, «;» between the numbers
    (f"∇f = 4x = ({g_ru})", "ru", True, None),
    # the formula alone before the value, no label
    (f"4x = ({g})", "en", True, None),
    # the formula written entry by entry
    (f"∇f = (4x_1, 4x_2, 4x_3) = ({g})", "en", True, None),
    # a wrong formula before the right value: the side named, with its value at the point
    (f"∇f = 2x = ({g})", "en", False, f"A step of the chain is not equal to the answer: 2·x at the point is ({HALF})."),
    # ... and in Russian
    (f"∇f = 2x = ({g_ru})", "ru", False, f"Промежуточное выражение цепочки не равно ответу: 2·x в точке равно ({HALF_RU})."),
    # a formula in one entry's name: the same number in every entry, not the gradient
    (f"∇f = 4x_1 = ({g})", "en", False, "4·x_1 at the point is (4, 4, 4)"),
    # the right formula, a wrong value: the value decides
    (f"∇f = 4x = ({GRAD[0]}, {GRAD[1]}, {GRAD[2] - 2})", "en", False, "Component 3 is not correct."),
    # a formula with a matrix the point does not give: not checked, said in a note
    (f"∇f = 4Ax = ({g})", "en", True, "was not checked"),
])
def test_vector_chain(answer, lang, correct, said):
    verdict = check_bank_answer("vec-2xtx", answer, lang=lang)
    assert verdict.correct is correct, verdict.feedback
    if said is not None:
        assert any(said in line for line in verdict.feedback), verdict.feedback
