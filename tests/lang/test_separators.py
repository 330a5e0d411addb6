"""One rule for the separator of a list (lang.separator), in the statements of the bank and in the printers:
Russian separates the elements of any tuple by «;» and a function's arguments by «,» unless a number is one
of them or a comma would stand between two digits. Exact strings; each case says what it checks."""

from __future__ import annotations

import pytest
import sympy as sp

from symnn.lang import local_numbers, separator
from symnn.problems.solve import solve
from symnn.render import render
from symnn.render.math import latex_math, text_math


@pytest.mark.parametrize("statement, russian", [
    (r"$(s_1 - 1, s_2, s_3)$", r"$(s_1 - 1; s_2; s_3)$"),                       # a tuple of formulas
    (r"$(\omega_0, \omega_1, \omega_2)$", r"$(\omega_0; \omega_1; \omega_2)$"),  # a tuple of names
    (r"$x = (1, 2)$", r"$x = (1; 2)$"),                                         # a tuple of numbers
    (r"$[P(\text{a}), P(\text{b})]$", r"$[P(\text{a}); P(\text{b})]$"),         # a list in square brackets
    (r"$x \in [0, 1)$", r"$x \in [0; 1)$"),                                     # an interval
    (r"$\left(a, b\right)$", r"$\left(a; b\right)$"),                           # a tuple with \left( … \right)
    (r"$f(x, y)$", r"$f(x, y)$"),                                               # arguments of names keep «,»
    (r"$\max(x, y)$", r"$\max(x, y)$"),
    (r"$f\left(a, b\right)$", r"$f\left(a, b\right)$"),
    (r"$\frac{\partial(x, y)}{\partial(r, \theta)}$", r"$\frac{\partial(x, y)}{\partial(r, \theta)}$"),
    (r"$\max(0, a)$", r"$\max(0; a)$"),                                         # a number among the arguments
    (r"$\max(0, 0.5)$", r"$\max(0; 0{,}5)$"),                                   # a decimal comma among them
    (r"$\hat{y}(50, 168)$", r"$\hat{y}(50; 168)$"),                             # two numbers
    (r"$x_{1,2}$ and $(x_{1,2}, y)$", r"$x_{1,2}$ and $(x_{1,2}; y)$"),        # an index's comma is no separator
    (r"$w_1, \ldots, w_4 = 0.1, 0.2$", r"$w_1, \ldots, w_4 = 0{,}1; 0{,}2$"),  # names listed, then their values
])
def test_a_russian_statement_separates_tuples_and_arguments_by_the_one_rule(statement, russian):
    assert local_numbers(statement, "ru") == russian
    assert local_numbers(statement, "en") == statement            # English keeps every comma


@pytest.mark.parametrize("expr, text, latex", [
    (sp.Tuple(sp.Symbol("s_1") - 1, sp.Symbol("s_2")), "(s_1 - 1; s_2)", r"(s_{1} - 1; \  s_{2})"),
    (sp.Max(0, sp.Symbol("x")), "max(0; x)", r"\max(0; x)"),
    (sp.Max(sp.Symbol("x"), sp.Symbol("y")), "max(x, y)", r"\max(x, y)"),
    (sp.Function("f")(sp.Float(0.5), 1), "f(0,5; 1)", r"f(0{,}5; 1)"),
    (sp.Function("f")(sp.Symbol("x"), sp.Symbol("y")), "f(x, y)", r"f(x, y)"),
])
def test_the_printers_follow_the_same_rule(expr, text, latex):
    assert text_math(expr, "ru") == text and latex_math(expr, "ru") == latex


def test_the_rule_itself():
    assert separator("en", ["0", "0.5"], arguments=True) == ", "       # English: always a comma
    assert separator("ru") == "; "                                       # a Russian tuple: always «;»
    assert separator("ru", ["x", "y_1"], arguments=True) == ", "
    assert separator("ru", ["x_1", "2x"], arguments=True) == ", "        # x_1's digit is an index, 2x no number
    assert separator("ru", ["a", "0,5"], arguments=True) == "; "


def test_one_problem_writes_its_tuples_one_way_in_russian():
    # the teacher's case: (ω₀, ω₁, ω₂) beside x = (1; 2) in one statement; and (s₁ − 1, s₂, s₃) beside (s₁ − 1; s₂; s₃)
    bias = render(solve("neuron-bias-update"), "text", lang="ru", detail="brief").splitlines()[0]
    assert "x = (1; 2)" in bias and "Найдите новые (ω_0; ω_1; ω_2)." in bias
    nll = render(solve("nll-softmax"), "text", lang="ru", detail="brief")
    assert "получится s - e_1 = (s_1 - 1; s_2; s_3), где e_1 = (1; 0; 0)" in nll and nll.endswith("Ответ: ∇_y L = (s_1 - 1; s_2; s_3)")


@pytest.mark.parametrize("format, russian, english", [
    ("text", "x·sgn(w·x - y)", "x·sign(w·x - y)"),
    ("latex", r"x \operatorname{sgn}\mathopen{}{(w x - y)}", r"x \operatorname{sign}\mathopen{}{(w x - y)}"),
])
def test_the_sign_of_a_number_is_sgn_in_russian(format, russian, english):
    assert russian in render(solve("mae-gradient"), format, lang="ru", detail="brief")
    assert english in render(solve("mae-gradient"), format, lang="en", detail="brief")
