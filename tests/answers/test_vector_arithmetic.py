"""A step of a chain that works a vector out entry by entry: a number times a vector, a vector minus a multiple of
another, as a gradient-descent step is written (x₁ = (1 − a)·x₀ = …; x₁ = x₀ − a·∇f = …), in English and in Russian
(decimal commas, «;» between the numbers). The step is read and checked against the answer; a vector times a vector
is refused. The values are worked out here with NumPy from the problems' data."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp

from symnn.answers.check import check_bank_answer
from symnn.calculus.parse import ParseError, parse_expr_safe

# grad-quadratic-gd: f = ½(x² + y²) from x₀ = (1, 2) with a = 0.5: ∇f = x₀, x₁ = (1 − a)·x₀
X0, A = np.array([1.0, 2.0]), 0.5
X1 = (1 - A) * X0
# hagan-steepest-descent: F = x₁² + 25x₂² from (0.5, 0.5), α = 0.01, ∇F = (2x₁, 50x₂): two steps
H0, ALPHA = np.array([0.5, 0.5]), 0.01
H1 = H0 - ALPHA * np.array([2, 50]) * H0
H2 = H1 - ALPHA * np.array([2, 50]) * H1


def en(v) -> str:
    return "(" + ", ".join(f"{x:g}" for x in v) + ")"


def ru(v) -> str:
    return "(" + "; ".join(f"{x:g}".replace(".", ",") for x in v) + ")"


@pytest.mark.parametrize("problem, answer, lang, correct, said", [
    # the student's line: a scalar times a vector inside the chain, decimal commas and «;»
    ("grad-quadratic-gd", f"x₁ = (1 − 0,5)·{ru(X0)} = {ru(X1)}", "ru", True, "Верно."),
    # ... in English
    ("grad-quadratic-gd", f"x₁ = (1 − 0.5)·{en(X0)} = {en(X1)}", "en", True, "Correct."),
    # the step alone, no value after it: the vector it works out is the answer
    ("grad-quadratic-gd", f"(1 − 0.5)*{en(X0)}", "en", True, "Correct."),
    # x₀ − a·∇f, a vector minus a multiple of one
    ("grad-quadratic-gd", f"x₁ = {ru(X0)} − 0,5·{ru(X0)} = {ru(X1)}", "ru", True, "Верно."),
    # a vector over a number
    ("grad-quadratic-gd", f"{en(X0)}/2 = {en(X1)}", "en", True, "Correct."),
    # the step wrong (1 − 0.4), the value right: the step named with what it is worth, in Russian numbers
    ("grad-quadratic-gd", f"x₁ = (1 − 0,4)·{ru(X0)} = {ru(X1)}", "ru", False,
     "Шаг цепочки равенств не равен ответу: " + ru(0.6 * X0) + "."),
    # the step right, the value wrong: the value decides
    ("grad-quadratic-gd", f"x₁ = (1 − 0,5)·{ru(X0)} = (0,5; 1,5)", "ru", False, "Компонента 2 (y) неверна."),
    # Hagan's steepest descent, its second step written as x₁ − α·∇F(x₁)
    ("hagan-steepest-descent", f"x_2 = {en(H1)} - 0.01*{en(np.array([2, 50]) * H1)} = {en(H2)}", "en", True, "Correct."),
    # ... with ∇F(x₁) wrong, (1, 25) of x₀: the step named
    ("hagan-steepest-descent", f"x_2 = {en(H1)} - 0.01*(1, 25) = {en(H2)}", "en", False,
     "A step of the chain is not equal to the answer: " + en(H1 - 0.01 * np.array([1, 25])) + "."),
])
def test_a_vector_step_is_read_and_checked(problem, answer, lang, correct, said):
    verdict = check_bank_answer(problem, answer, lang=lang, timeout=10)
    assert verdict.correct is correct, verdict.feedback
    assert said in verdict.feedback


@pytest.mark.parametrize("text, value", [
    ("0.5*(1, 2)", (sp.Rational(1, 2), 1)),          # a number times a vector
    ("(1, 2)*3", (3, 6)),                            # ... on its right
    ("(1, 2) - (1, 2)/2", (sp.Rational(1, 2), 1)),   # a vector minus a vector over a number
    ("-(1, 2) + (2, 2)", (1, 0)),                    # a vector's negative
])
def test_the_reader_works_a_vector_out(text, value):
    assert parse_expr_safe(text, vectors=True) == value


@pytest.mark.parametrize("text", [
    "(1, 2)*(3, 4)",        # a product of two vectors: which one is not said
    "1 + (1, 2)",           # a number plus a vector
    "(1, 2) + (1, 2, 3)",   # vectors of two lengths
    "(1, 2)^2",             # a power of a vector
    "0.5*(1, 2)",           # a vector where one expression is asked for, without vectors=True
])
def test_what_has_no_entry_by_entry_meaning_is_refused(text):
    with pytest.raises(ParseError):
        parse_expr_safe(text, vectors=text != "0.5*(1, 2)")
