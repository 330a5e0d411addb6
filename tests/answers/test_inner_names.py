r"""A total derivative answered through its inner functions, as books leave it: dh/dt of f(x_1, x_2) with
x_1 = t·cos t, x_2 = t·sin t written with x_1, x_2 and t is right when it equals the key once they are put in;
glued indexed names (2x_1x_2) are their product. A wrong chain rule stays wrong."""

from __future__ import annotations

import pytest

from symnn.answers.check import check_bank_answer

BANK = r"""
[[problem]]
id = "td"
kind = "total-derivative"
expr = "x^2*y"
inner = { x = "cos(t)", y = "sin(t)" }
wrt = "t"
statement.en = 'Let $f(x, y) = x^2 y$, $x = \cos t$, $y = \sin t$. Find $\frac{df}{dt}$.'

[[problem]]
id = "td-indexed"
kind = "total-derivative"
expr = "x_1^2*x_2"
inner = { x_1 = "t*exp(t)", x_2 = "t^2" }
wrt = "t"
statement.en = 'Let $f = x_1^2 x_2$, $x_1 = te^t$, $x_2 = t^2$. Find $\frac{df}{dt}$.'

[[problem]]
id = "td-at"
kind = "total-derivative"
expr = "x_1*x_2^2"
inner = { x_1 = "t^2", x_2 = "3*t" }
wrt = "t"
at = "t = 1"
statement.en = 'Let $f = x_1 x_2^2$, $x_1 = t^2$, $x_2 = 3t$. Find $\frac{df}{dt}$ at $t = 1$.'

[[problem]]
id = "td-two"
kind = "total-derivative"
expr = "x*y"
inner = { x = "s*t", y = "s + t" }
wrt = "s, t"
statement.en = 'Let $f = xy$, $x = st$, $y = s + t$. Find $\frac{\partial f}{\partial s}$ and $\frac{\partial f}{\partial t}$.'
"""


@pytest.fixture(scope="module")
def bank(tmp_path_factory):
    folder = tmp_path_factory.mktemp("inner")
    (folder / "inner.toml").write_text(BANK, encoding="utf-8")
    return folder


@pytest.mark.parametrize("problem, answer, correct", [
    # df/dt = 2xy·(−sin t) + x²·cos t, through x, y and t, or in t alone
    ("td", "2xy(-sin t) + x^2 cos t", True),
    ("td", r"-2xy\sin t + x^2\cos t", True),
    ("td", r"-2\sin^2 t\cos t + \cos^3 t", True),
    ("td", "2xy sin t + x^2 cos t", False),                           # dx/dt = −sin t: the sign lost
    ("td", "x^2 cos t", False),                                        # the path through x left out
    # 2x_1x_2·(e^t + te^t) + x_1²·2t: glued x_1x_2 is x_1·x_2
    ("td-indexed", "2x_1x_2(e^t + te^t) + 2t x_1^2", True),
    ("td-indexed", r"2 x_1 x_2 (e^t + t e^t) + 2t x_1^2", True),
    ("td-indexed", "2x_1x_2 e^t + 2t x_1^2", False),                   # d(te^t)/dt is not e^t
    # at t = 1: x_2²·2t + 2x_1x_2·3 = 18 + 18
    ("td-at", "36", True),
    ("td-at", "18", False),
    # two parameters: ∂f/∂s = y·t + x, ∂f/∂t = y·s + x
    ("td-two", "(y t + x, y s + x)", True),
    ("td-two", "(yt + x, ys + x)", True),
    ("td-two", "(y s + x, y t + x)", False),
])
def test_answers_through_inner_functions(bank, problem, answer, correct):
    verdict = check_bank_answer(problem, answer, bank=bank)
    assert verdict.correct is correct, verdict.feedback


def test_no_letter_refused(bank):
    # x_1, x_2 are letters of the problem: never "not letters of this problem", in either language
    for lang in ("en", "ru"):
        verdict = check_bank_answer("td-indexed", "2x_1x_2 e^t + 2t x_1^2", bank=bank, lang=lang)
        assert not any("x_1" in line for line in verdict.feedback), verdict.feedback
