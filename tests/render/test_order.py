"""The order and grouping in which a key writes sums and products (render.order), as a teacher writes
them: exact strings in plain text, LaTeX and MathML, and random expressions whose printed form, read
back, has the value of the expression."""

from __future__ import annotations

import re

import pytest
import sympy as sp
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from symnn.answers.read import read_answer
from symnn.render.math import latex_math, text_math
from symnn.render.mathml import mathml
from symnn.render.order import common_fraction, fraction_pulled_out, minus_sum, readable_fraction, readable_terms
from symnn.render.written import written_terms

x, y, p, w, b, alpha = sp.symbols("x y p w b alpha")
L = sp.Function("L")
eta, eps, beta2 = sp.symbols("eta epsilon beta_2", positive=True)
mhat, vhat = sp.symbols(r"\hat{m}_t \hat{v}_t", positive=True)      # h, G of Adam as notation = { h = "m", G = "v" } names them

CASES = [
    # 1 + u for u that cannot be negative: arctan', softsign, ISRU (SymPy writes x² + 1)
    (1 / (1 + x ** 2), "1/(1 + x^2)", r"\frac{1}{1 + x^{2}}"),
    (x / (1 + sp.Abs(x)), "x/(1 + |x|)", r"\frac{x}{1 + \left|{x}\right|}"),
    (x / sp.sqrt(1 + alpha * x ** 2), "x/√(1 + αx^2)", r"\frac{x}{\sqrt{1 + \alpha x^{2}}}"),
    # softplus: the constant leads inside the logarithm too
    (sp.log(1 + sp.exp(x)), None, r"\ln(1 + e^{x})"),
    # a sum that is not 1 + a size keeps its order: x² + x + 1, |x| − x + 1
    (x ** 2 + x + 1, "x^2 + x + 1", r"x^{2} + x + 1"),
    # BCE's derivative: u − 1 below is written 1 − u, the difference above takes the sign
    ((y - p) / (p * (p - 1)), "(p - y)/(p(1 - p))", r"\frac{p - y}{p (1 - p)}"),
    (-1 / (p - 1), "1/(1 - p)", r"\frac{1}{1 - p}"),
    (1 / (x - 1), "1/(x - 1)", r"\frac{1}{x - 1}"),          # no sign to take: kept
    # nothing to turn below: the product's minus turns y − 1 above into 1 − y
    (-(y - 1) / (1 - p) - y / p, "(1 - y)/(1 - p) - y/p", r"\frac{1 - y}{1 - p} - \frac{y}{p}"),
    # cross-entropy: every logarithm term subtracted is minus their sum
    (-y * sp.log(p) - (1 - y) * sp.log(1 - p), "-(yln(p) + (1 - y)ln(1 - p))",
     r"- (y \ln {p} + (1 - y) \ln(1 - p))"),
    (-y * sp.log(p) + x, "x - yln(p)", r"x - y \ln {p}"),     # one term added: kept
    # a fraction the terms share, taken out: (2/3)(11w + 3b − 49)
    (sp.Rational(22, 3) * w + 2 * b - sp.Rational(98, 3), "(2/3)(3b + 11w - 49)", r"\frac{2}{3} (3 b + 11 w - 49)"),
    (-w / 2 - b / 2, "-(1/2)(b + w)", r"- \frac{1}{2} (b + w)"),
    (sp.Mul(sp.Rational(2, 3), 11 * w - 49, evaluate=False), "(2/3)(11w - 49)", r"\frac{2}{3} (11 w - 49)"),
    (y * (w / 2 + b / 2), "y(b + w)/2", r"\frac{y (b + w)}{2}"),
    (2 * w + 2 * b - 14, "2b + 2w - 14", r"2 b + 2 w - 14"),   # a whole common factor is not taken out
    # a half of a squared difference, as a loss is written: ½(y − x)², not (y − x)²/2; x²/2 stays
    ((y - x) ** 2 / 2, "(1/2)(y - x)^2", r"\frac{1}{2} (y - x)^{2}"),
    (x ** 2 / 2, "x^2/2", r"\frac{x^{2}}{2}"),
    # the data term first, then the regulariser
    (sp.Derivative(L(w, b), w) + 2 * alpha * w, "∂L/∂w + 2αw", r"\frac{\partial L}{\partial w} + 2 \alpha w"),
    # a fraction's numerator: the coefficient first whatever the letters are named (Adam's m̂ of a notation sorts
    # before η by name), the denominator as it was
    (eta * mhat / (sp.sqrt(vhat) + eps), "ηm̂_t/(√(v̂_t) + ε)", r"\frac{\eta \hat{m}_t}{\sqrt{\hat{v}_t} + \epsilon}"),
    (2 * mhat * eta / (x + 1), "2ηm̂_t/(x + 1)", r"\frac{2 \eta \hat{m}_t}{x + 1}"),
    (-mhat * eta * x / (1 - beta2), "-ηm̂_tx/(1 - β_2)", r"- \frac{\eta \hat{m}_t x}{1 - \beta_{2}}"),
]


def _plain(text: str) -> str:
    """Plain text without its product signs, which another rule writes (* or ·)."""
    return re.sub(r"[*·]", "", text)


@pytest.mark.parametrize("expr, text, latex", CASES)
def test_text_and_latex(expr, text, latex):
    assert latex_math(expr) == latex
    assert latex_math(expr, "ru") == latex
    if text is not None:
        assert _plain(text_math(expr)) == text


def test_mathml_of_a_reordered_sum_and_fraction():
    assert mathml(latex_math(1 / (1 + x ** 2))) == (
        '<math xmlns="http://www.w3.org/1998/Math/MathML" display="inline"><mrow><mfrac><mrow><mn>1</mn></mrow>'
        '<mrow><mn>1</mn><mo>+</mo><msup><mi>x</mi><mrow><mn>2</mn></mrow></msup></mrow></mfrac></mrow></math>')
    assert mathml(latex_math((y - p) / (p * (p - 1)))) == (
        '<math xmlns="http://www.w3.org/1998/Math/MathML" display="inline"><mrow><mfrac><mrow><mi>p</mi><mo>−</mo>'
        '<mi>y</mi></mrow><mrow><mi>p</mi><mo stretchy="false">(</mo><mn>1</mn><mo>−</mo><mi>p</mi>'
        '<mo stretchy="false">)</mo></mrow></mfrac></mrow></math>')


def test_the_statements_order_wins_and_a_constant_it_did_not_write_comes_last():
    written = written_terms("((7 - (w + b))^2 + (0 - (-w + b))^2 + (14 - (3*w + b))^2)/3")
    w_, b_ = (next(s for t in written for s in t.free_symbols if s.name == n) for n in "wb")
    assert readable_terms([sp.Integer(-49), 3 * b_, 11 * w_], written) == [11 * w_, 3 * b_, -49]
    # 1 + x² when the statement did not write the sum; x² + 1 when it did (g(x) = x² + 1)
    stated = written_terms("x^2 + 1")
    x_ = next(iter(stated[0].free_symbols))
    assert latex_math(1 / (x_ ** 2 + 1), written=stated) == r"\frac{1}{x^{2} + 1}"


def test_a_formula_with_numbers_put_in_keeps_the_formulas_order():
    from symnn.render.values import put_in
    written = written_terms("((7 - (w + b))^2 + (0 - (-w + b))^2 + (14 - (3*w + b))^2)/3")
    w_, b_ = (next(s for t in written for s in t.free_symbols if s.name == n) for n in "wb")
    slope = sp.Rational(22, 3) * w_ + 2 * b_ - sp.Rational(98, 3)
    assert latex_math(slope, written=written) == r"\frac{2}{3} (11 w + 3 b - 49)"
    numbers = put_in(slope, {w_: 0, b_: 0})
    assert latex_math(numbers, numbers=True, written=written) == r"\frac{2}{3} (11 \cdot 0 + 3 \cdot 0 - 49)"


# random sums and quotients of the shapes the rules turn; their LaTeX, read back, has their value
ATOMS = [x, y, p, x ** 2, sp.Abs(x), sp.exp(x), sp.log(p), sp.Rational(1, 3), sp.Integer(2), sp.Integer(-1)]
terms = st.lists(st.tuples(st.sampled_from([1, -1, 2, sp.Rational(1, 2), sp.Rational(-2, 3)]),
                           st.sampled_from(ATOMS)), min_size=1, max_size=4)
POINT = {x: sp.Rational(7, 10), y: sp.Rational(19, 10), p: sp.Rational(3, 10)}


def _sum(pairs):
    return sp.Add(*(c * a for c, a in pairs))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(terms, terms, st.sampled_from([1, -1]))
def test_reordering_never_changes_the_value(top, bottom, sign):
    below = _sum(bottom) - 1 if sign == 1 else 1 - _sum(bottom)
    expr = sign * _sum(top) / below
    if below.subs(POINT) == 0 or expr.subs(POINT).has(sp.zoo, sp.nan):
        return
    for shown in (sum_expr for sum_expr in (expr, _sum(top), sp.expand(expr))):
        read = read_answer(latex_math(shown), known={"x", "y", "p"}).value
        by_name = {s: POINT[next(k for k in POINT if k.name == s.name)] for s in read.free_symbols}
        assert sp.N(read.xreplace(by_name) - shown.subs(POINT), 30) == pytest.approx(0, abs=1e-20)


@given(terms, terms)
@settings(max_examples=60, deadline=None)
def test_each_rule_returns_an_equal_expression(top, bottom):
    total = _sum(top)
    assert sp.Add(*readable_terms(list(sp.Add.make_args(total)))) == total
    shared = common_fraction(total)
    if shared is not None:
        assert sp.expand(shared[0] * shared[1] - total) == 0
    if _sum(bottom) == 1:              # no quotient: its denominator is 0
        return
    quotient = total / (_sum(bottom) - 1)
    for turned in (readable_fraction(quotient), fraction_pulled_out(quotient)):
        if turned is not None:
            assert sp.simplify(turned - quotient) == 0
    inside = minus_sum(total)
    if inside is not None:
        assert sp.expand(-inside - total) == 0


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_a_softmax_delta_with_one_hot_targets_is_the_output_minus_the_target(lang):
    # cross-entropy through softmax: δ_j = o_j(∂L/∂o_j − Σ_k o_k ∂L/∂o_k) = o_j Σ_k y_k − y_j = o_j − y_j when
    # the targets sum to 1, as a teacher writes it (not o₁y₁ + o₁y₂ − y₁); the loss is minus a sum of logarithms
    from symnn import render
    from symnn.problems.solve import solve
    key = render(solve("softmax-ce-steps"), "latex", lang=lang, detail="full").splitlines()   # brief tables drop formulas
    assert any(line.startswith(r"$\delta_{o1}$ & $o_{1} - y_{1}$ ") for line in key)   # (a wide table splits by columns)
    assert any(line.startswith(r"$\delta_{o2}$ & $o_{2} - y_{2}$ ") for line in key)
    # ln o_j without brackets, as the statement writes its L = −Σ_j y_j ln o_j
    assert any(r"$L$ & $- (y_{1} \ln {o_{1}} + y_{2} \ln {o_{2}})$" in line for line in key)


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_adam_in_renamed_letters_writes_the_learning_rate_first(lang):
    from pathlib import Path

    from symnn import render
    from symnn.problems.solve import solve
    key = render(solve("adam-letters", Path(__file__).parent / "letters_bank"), "text", lang=lang, detail="full").splitlines()
    assert "   x_t = x_(t-1) - η·m̂_t/(√(v̂_t) + ε)" in key      # the rule in the variable x, no w
    point = "1 - 0.001·2/(√(4) + 10^-8) ≈ 0.999" if lang == "en" else "1 - 0,001·2/(√(4) + 10^-8) ≈ 0,999"
    assert f"   x_t = x_(t-1) - η·m̂_t/(√(v̂_t) + ε) = {point}" in key



def test_a_matrix_inverse_keeps_its_place_in_a_product():
    """(XᵀX)⁻¹Xᵀy: the inverse of a matrix is a factor, not a denominator moved after the numerator's factors
    (Xᵀy(XᵀX)⁻¹ is another product, of other shapes)."""
    a, b = sp.symbols("a b", commutative=False)
    assert text_math(sp.Mul(a ** -1, b)).endswith("⁻¹·b") and latex_math(sp.Mul(a ** -1, b)).endswith("^{-1} b")
    from symnn.problems.solve import solve
    from symnn.render import render
    assert render(solve("linreg-normal-matrix"), "text", lang="en").endswith("Answer: w = (Xᵀ·X)⁻¹·Xᵀ·y")
