"""Long formulas broken into align* rows: exact rows for typical shapes, and for random
formulas the rows put back together are the formula, each row as narrow as the cuts allow."""

from __future__ import annotations

import random
import re

import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from symnn.calculus.random_exprs import X, random_expression
from symnn.render.breaking import align_rows, split_long, width
from symnn.render.math import latex_math


def _joined(rows: list[str]) -> str:
    """The rows without what breaking added (alignment marks, indents, the \\left./\\right. pairs, \\cdot, a row's
    braced first sign)."""
    text = " ".join(rows).replace("{-}", "-")
    for added in (r"\right.", r"\left.", r"\quad", "&", r"\cdot"):
        text = text.replace(added, "")
    return re.sub(r"\s+", "", text)


def test_a_chain_that_fits_is_one_row_aligned_at_the_first_equals():
    assert align_rows("y = a + b = c") == ["y &= a + b = c"]


def test_a_long_sum_is_cut_before_a_plus_with_its_rows_indented():
    assert align_rows("f = a + b + c + d", width=12) == ["f &= a + b + c", r"&\quad + d"]


def test_a_wide_left_side_gets_a_row_of_its_own():
    assert align_rows("aaaaaaaaaa = b", width=12) == ["&aaaaaaaaaa", "&= b"]


def test_a_cut_inside_brackets_closes_and_reopens_them():
    assert split_long(r"\left(aa + bb + cc\right)", 8) == [r"\left(aa + bb \right.", r"\left. + cc\right)"]


def test_a_product_is_cut_between_factors_with_a_dot():
    assert split_long(r"\left(a + b\right) \left(c + d\right)", 7) == [r"\left(a + b\right)", r"\cdot \left(c + d\right)"]


def test_a_tuple_is_cut_after_a_comma():
    assert split_long(r"\left( 1, \  2, \  3\right)", 6) == [r"\left( 1, \  2, \right.", r"\left. \  3\right)"]


# a row that goes on with a tuple's negative item braces its sign: an align* cell begins with an empty atom, after
# which a bare minus is binary and set apart from its number (− 2.02); a sum's row keeps its binary minus
@pytest.mark.parametrize("raw, limit, rows", [
    (r"(2.0409, \  -2.5557, \  -2.02, \  -0.2319)", 30,
     [r"(2.0409, \  -2.5557, \  -2.02,", r"\  {-}0.2319)"]),
    (r"\left( 0.5; \  -2{,}02\right)", 8, [r"\left( 0.5; \right.", r"\left. \  {-}2{,}02\right)"]),
    (r"a + b - 27.7668", 7, ["a + b", "- 27.7668"]),
])
def test_a_row_beginning_with_a_negative_number_ties_its_sign(raw, limit, rows):
    assert split_long(raw, limit) == rows


def test_nothing_inside_braces_is_cut():
    raw = r"\frac{a + b + c + d + e}{2}"
    assert split_long(raw, 3) == [raw]


def test_width_counts_what_is_seen():
    assert width(r"\frac{a + b}{2}") == width("a + b") + 0.6
    assert width(r"x^{2}") == 1.7 and width(r"\left( x \right)") == 3


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 10**6), st.integers(8, 60))
def test_rows_put_back_together_are_the_formula(seed, limit):
    expr = random_expression(random.Random(seed), depth=4)
    raw = latex_math(sp.Eq(sp.Derivative(expr, X), sp.diff(expr, X), evaluate=False))
    rows = align_rows(raw, width=limit)
    assert _joined(rows) == re.sub(r"\s+", "", raw).replace(r"\cdot", "")
    assert all(row.count(r"\left") == row.count(r"\right") for row in rows)


def test_a_product_of_bracketed_factors_is_cut_between_them_not_inside_one():
    # σ(u)(1 − σ(u)): the row ends after σ(u) and the next starts with "· (1 − …", never "(1" / "− σ(u))"
    raw = r"- x_{1} (2 Y - 2 \sigma(w_{1} x_{1} + b)) \sigma(w_{1} x_{1} + b) (1 - \sigma(w_{1} x_{1} + b))"
    assert split_long(raw, 40) == [r"- x_{1} (2 Y - 2 \sigma(w_{1} x_{1} + b)) \sigma(w_{1} x_{1} + b)",
                                   r"\cdot (1 - \sigma(w_{1} x_{1} + b))"]
    # before a function applied to a bracket, too: the row ends after (2Y − 2σ(…))
    assert split_long(raw, 28) == [r"- x_{1} (2 Y - 2 \sigma(w_{1} x_{1} + b))",
                                   r"\cdot \sigma(w_{1} x_{1} + b) (1 - \sigma(w_{1} x_{1} + b))"]



def test_a_display_of_the_neuron_gradient_breaks_its_rows_between_factors():
    from symnn.render.latex import display
    s = r"\sigma(w_{1} x_{1} + w_{2} x_{2} + b)"
    raw = rf"E' = - x_{{1}} (2 Y - 2 {s}) {s} (1 - {s})"
    # the row that used to end in "(1" and go on "− σ(…))" now ends after σ(…); the next is "· (1 − σ(…))"
    assert display(raw) == ("\\begin{align*}\nE' &= - x_{1} (2 Y - 2 " + s + ") " + s + " \\\\\n"
                            r"&\quad \cdot (1 - " + s + ")\n\\end{align*}")


def test_a_matrix_product_is_cut_between_its_factors_not_inside_a_plain_bracket():
    # −(y − σ(XW₁)W₂)Xᵀ(W₂ᵀ ⊙ σ′(XW₁)) on a slide: cut before (W₂ᵀ ⊙ …, after the exponent's brace, not after "−(y"
    raw = r"- (y - \sigma(X W_{1}) W_{2}) X^{T} (W_{2}^{T} \odot \sigma'(X W_{1}))"
    assert split_long(raw, 24) == [r"- (y - \sigma(X W_{1}) W_{2}) X^{T}", r"\cdot (W_{2}^{T} \odot \sigma'(X W_{1}))"]
    # and before a factor after a bracket: (a + b) X (c + d)
    assert split_long(r"(a + b + c) X (c + d)", 10) == [r"(a + b + c)", r"\cdot X (c + d)"]
    # a function named in braces keeps its argument: ReLU(x + y) is never "ReLU" / "· (x + y)"
    raw = r"\operatorname{ReLU}(x + y + z) + w"
    assert all(not piece.startswith(r"\cdot") for piece in split_long(raw, 12))
    # nor is a derivative cut from what it differentiates: ∂/∂w₁(…) stays whole
    raw = r"(2 Y - 2 \sigma(w_{1} x_{1} + b)) \frac{\partial}{\partial w_{1}}(- \sigma(w_{1} x_{1} + w_{2} x_{2} + b))"
    assert not any(piece.startswith(r"\cdot (-") for piece in split_long(raw, 30))
