"""The MathML of every formula, mended where latex2mathml's output looks wrong in a browser:
function names, primes, fences and signs (exact strings); formulas joined in prose by = become
one, and a formula keeps its full stop (tests/export/test_html_browser.py measures the layout)."""

from __future__ import annotations

import pytest

from symnn.render.html import HtmlPrinter, keep_together
from symnn.render.mathml import mathml

APPLY = "<mo>\u2061</mo>"
THIN = '<mspace width="0.1667em" />'
FENCE = '<mo stretchy="false" fence="true" form="{}">{}</mo>'
Z_IN_PARENS = "<mrow><mrow>" + FENCE.format("prefix", "(") + "<mi>z</mi>" + FENCE.format("postfix", ")") + "</mrow></mrow>"


def _row(latex: str) -> str:
    """The formula's content, without the <math> element around it."""
    return mathml(latex).split('display="inline">', 1)[1].removesuffix("</math>")


@pytest.mark.parametrize("latex, row", [
    # a name before its argument: applied, with a thin space unless a parenthesis follows
    (r"\sin z", f"<mrow><mi>sin</mi>{APPLY}{THIN}<mi>z</mi></mrow>"),
    (r"\sin{\left(z \right)}", f"<mrow><mi>sin</mi>{APPLY}{Z_IN_PARENS}</mrow>"),
    (r"x \sin z", f"<mrow><mi>x</mi>{THIN}<mi>sin</mi>{APPLY}{THIN}<mi>z</mi></mrow>"),
    # a Russian name, written by latex2mathml as an operator, is a name with its power
    (r"\operatorname{tg}^{2} z", f"<mrow><msup><mi>tg</mi><mrow><mn>2</mn></mrow></msup>{APPLY}{THIN}<mi>z</mi></mrow>"),
    # a prime on the baseline after its base, never a superscript
    (r"f'", '<mrow><mrow><mi>f</mi><mo lspace="0" rspace="0">′</mo></mrow></mrow>'),
    (r"(x^{n})'", '<mrow><mo stretchy="false">(</mo><msup><mi>x</mi><mrow><mi>n</mi></mrow></msup>'
                  '<mrow><mo stretchy="false">)</mo><mo lspace="0" rspace="0">′</mo></mrow></mrow>'),
    (r"f''", '<mrow><mrow><mi>f</mi><mo lspace="0" rspace="0">″</mo></mrow></mrow>'),
    # a sign after an opening, a comma or a relation is a prefix operator
    (r"= -1", '<mrow><mo>=</mo><mo form="prefix">−</mo><mn>1</mn></mrow>'),
    (r"a - b", "<mrow><mi>a</mi><mo>−</mo><mi>b</mi></mrow>"),
    # a fence stretches around a fraction only
    (r"\left(\frac{1}{2}\right)", '<mrow><mrow><mo stretchy="true" fence="true" form="prefix">(</mo><mfrac><mrow>'
                                  '<mn>1</mn></mrow><mrow><mn>2</mn></mrow></mfrac><mo stretchy="true" fence="true" '
                                  'form="postfix">)</mo></mrow></mrow>'),
    # a hat is not tall: the parentheses around y − ŷ keep their size
    (r"\left(y - \hat{y}\right)", "<mrow><mrow>" + FENCE.format("prefix", "(") + '<mi>y</mi><mo>−</mo><mover accent="true">'
                                   "<mrow><mi>y</mi></mrow><mo>^</mo></mover>" + FENCE.format("postfix", ")") + "</mrow></mrow>"),
    # a decimal comma belongs to its number; a semicolon parts the items of a Russian vector
    (r"-0{,}9526", '<mrow><mo form="prefix">−</mo><mn>0,9526</mn></mrow>'),
    (r"\left( 2; \  3{,}5\right)", "<mrow><mrow>" + FENCE.format("prefix", "(") + "<mn>2</mn><mo>;</mo><mtext>\xa0</mtext>"
                                    "<mn>3,5</mn>" + FENCE.format("postfix", ")") + "</mrow></mrow>"),
    # a name not applied to anything is left as it is
    (r"\mathrm{MSE} = 15", '<mrow><mrow><mi mathvariant="normal">M</mi><mi mathvariant="normal">S</mi>'
                           '<mi mathvariant="normal">E</mi></mrow><mo>=</mo><mn>15</mn></mrow>'),
])
def test_mathml_is_mended(latex, row):
    assert _row(latex) == row


def test_a_sign_inside_a_vector():
    assert _row(r"\left( -2, \  -1\right)") == (
        "<mrow><mrow>" + FENCE.format("prefix", "(") + '<mo form="prefix">−</mo><mn>2</mn><mo>,</mo><mtext>\xa0</mtext>'
        '<mo form="prefix">−</mo><mn>1</mn>' + FENCE.format("postfix", ")") + "</mrow></mrow>")


def test_formulas_joined_by_an_equals_sign_in_prose_are_one():
    a, b = mathml("a"), mathml("b")
    assert keep_together(f"{a} = {b}") == mathml("a").replace("</mrow></math>", "</mrow><mo>=</mo><mrow><mi>b</mi></mrow></math>")
    assert keep_together(f"{a} and {b}") == f"{a} and {b}"


def test_a_formula_keeps_its_full_stop_and_brackets():
    a = mathml("a")
    assert keep_together(f"at {a}. Then ({a}),") == (
        f'at <span class="nowrap" style="white-space:nowrap">{a}.</span> Then '
        f'<span class="nowrap" style="white-space:nowrap">({a}),</span>')


def test_a_formula_alone_on_its_line_is_a_block_with_space_around_it():
    line = HtmlPrinter().line(1, mathml("x"))
    assert line == ('<div class="step" style="margin-left:1.5em;margin-block:0.6em">'
                    '<math xmlns="http://www.w3.org/1998/Math/MathML" display="inline" displaystyle="true"><mrow><mi>x</mi>'
                    '</mrow></math></div>')
    assert HtmlPrinter().line(0, "<strong>Answer:</strong> 1") == (
        '<div class="step" style="margin-left:0em;margin-top:0.6em"><strong>Answer:</strong> 1</div>')
    assert HtmlPrinter().line(1, "<strong>1. Step.</strong>") == (
        '<div class="step" style="margin-left:1.5em"><strong>1. Step.</strong></div>')


def test_a_wide_formula_is_cut_where_a_display_is_and_may_wrap_there():
    from symnn.render.html import wrapping
    raw = r"(x_{1}, \  x_{2}, \  y, \  w_{1}, \  w_{2}, \  b_{1}) = (-2, \  -1, \  1, \  1, \  1, \  0) = (1, 2)"
    assert wrapping(raw) == "<wbr>".join(mathml(piece) for piece in [
        r"(x_{1}, \  x_{2}, \  y, \  w_{1}, \  w_{2}, \  b_{1})", r"= (-2, \  -1, \  1, \  1, \  1, \  0)", "= (1, 2)"])
    assert wrapping("a + b") == mathml("a + b")


def test_a_wide_next_line_of_a_chain_keeps_its_equals_sign():
    from symnn.render.html import wrapping
    raw = r"= (2 Y - 2 \sigma(w_{1} x_{1} + w_{2} x_{2} + b)) \frac{\partial}{\partial w_{1}}(- \sigma(w_{1} x_{1} + w_{2} x_{2} + b))"
    assert wrapping(raw).startswith(mathml(r"= (2 Y - 2 \sigma(w_{1} x_{1} + w_{2} x_{2} + b))") + "<wbr>")
