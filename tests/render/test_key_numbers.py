"""The numbers and the plain text of a key, as a teacher reads them: one rounding rule for a whole key
(the places the problem asks for, trailing zeros kept), a percentage with its sign, products with a dot
and powers of e raised, a label that stands by its formula, a backward table whose header says what
its columns hold."""

from __future__ import annotations

import pytest
import sympy as sp

from symnn import check_answer, render
from symnn.problems.solve import solve
from symnn.render.math import latex_math, text_math
from symnn.render.values import rounded, shown

x = sp.Symbol("x")


def key(problem_id: str, format: str = "text", lang: str = "en", **settings) -> str:
    return render(solve(problem_id), format, lang=lang, detail="brief", **settings)


@pytest.mark.parametrize("value, places, written", [
    (0.75136507000001, 9, "0.751365070"),     # nine places asked: the ninth, a zero, is written
    (0.0544799, 6, "0.054480"),               # six places: the key's other values have six too
    (0.1966, 2, "0.20"),                      # "to two decimal places"
    (0.0042, 2, "0.00420"),                   # the places asked would leave only 0: three significant digits
    (0.005367, None, "0.00537"),              # by default 4 places, at least 3 significant digits
    (0.96299999, None, "0.9630"),
])
def test_a_rounded_value_keeps_its_places(value, places, written):
    number = rounded(sp.Float(value, 15), places)
    assert text_math(number) == written
    assert latex_math(number) == written
    assert text_math(number, "ru") == written.replace(".", ",")


@pytest.mark.parametrize("value, exact", [
    (0.1, "0.1"),        # a rate given as a Python float is written as given, not 0.1000
    (2.0, "2"),
    (-0.5, "-0.5"),
])
def test_a_decimal_that_lost_nothing_is_written_as_given(value, exact):
    written, decimal = shown(sp.Float(value))
    assert decimal is None and text_math(written) == exact


@pytest.mark.parametrize("problem_id, line", [
    # mazur-221 asks for nine places: every value has nine, zeros too
    # (0.751365070, 0.358916480 and 0.511301270 too: "given to 9 places" shows nine, whatever the source prints)
    ("mazur-221", "Answer: out_h1 = σ(0.3775) ≈ 0.593269992; out_h2 = σ(0.3925) ≈ 0.596884378; "
                  "out_o1 ≈ 0.751365070; out_o2 ≈ 0.772928465; E_total ≈ 0.298371109; ∂E_total/∂w_5 ≈ 0.082167041; "
                  "w_1⁺ ≈ 0.149780716; w_2⁺ ≈ 0.199561432; w_3⁺ ≈ 0.249751144; w_4⁺ ≈ 0.299502287; "
                  "w_5⁺ ≈ 0.358916480; w_6⁺ ≈ 0.408666186; w_7⁺ ≈ 0.511301270; w_8⁺ ≈ 0.561370121"),
    # tanh-221-step asks no places: the course's four, the zero of -0.5370 kept, and three significant digits
    # for a small value (L ≈ 0.00814, b_1,1⁺ ≈ 0.00632)
    ("tanh-221-step", "Answer: h = [tanh(-0.1); tanh(-0.6)] ≈ [-0.0997; -0.5370]; o ≈ 0.3724; L ≈ 0.00814; "
                      "∂L/∂W_1 ≈ [(-0.0632, 0.0632); (0.0545, -0.0545)]; ∂L/∂b_1 ≈ [-0.0632; 0.0545]; "
                      "∂L/∂W_2 ≈ (0.0127, 0.0685); ∂L/∂b_2 ≈ -0.1276; W_1⁺ ≈ [(0.1063, 0.1937); (-0.3054, 0.4054)]; "
                      "b_1⁺ ≈ [0.00632; 0.0946]; W_2⁺ ≈ (0.4987, -0.6069); b_2⁺ ≈ 0.1128; L⁺ ≈ 0.00448"),
    # "to two decimal places": two, not four
    # (1 + e⁻¹ as the statement writes 1 + e⁻ᶻ, not SymPy's e⁻¹ + 1; w_0 as the statement writes it; each gradient
    # exact beside its decimal, −2e/(1 + e)² as 2e/(1 + e)²)
    ("program-sigmoid-neuron", "Answer: f = 1/(1 + e⁻¹) ≈ 0.73; ∂f/∂w_0 = -e/(1 + e)^2 ≈ -0.20; "
                               "∂f/∂x_0 = 2e/(1 + e)^2 ≈ 0.39; ∂f/∂w_1 = -2e/(1 + e)^2 ≈ -0.39; ∂f/∂x_1 = -3e/(1 + e)^2 ≈ -0.59; "
                               "∂f/∂w_2 = e/(1 + e)^2 ≈ 0.20"),
    # a percentage with its sign
    ("mape", "Answer: MAPE ≈ 11.9519\u00a0%"),
    # a trained network's outputs rounded as the rest of the key: the brief key shows no loss (not asked), so the
    # default four places (the full key's five, which its final loss 0.00119 needs, are in test_key_precision)
    ("xor-lab", "(0, 0)  0.0360"),
    # a product worked out, with its value
    ("backprop-w1", "∂L/∂w_1 = (-0.9526)·0.2494·(-0.0904) ≈ 0.0215"),
])
def test_the_numbers_of_a_key(problem_id, line):
    assert line in key(problem_id).splitlines()


def test_a_percentage_in_latex_and_in_russian():
    assert r"\textbf{Ответ:} $\mathrm{MAPE} \approx 11{,}9519\,\%$" in key("mape", "latex", "ru")


@pytest.mark.parametrize("expr, written", [
    (2 * x * sp.exp(2 * x), "2x·e^(2x)"),
    (sp.exp(-x) + sp.exp(3), "e³ + e⁻ˣ"),
    (x * sp.sin(x), "x·sin(x)"),
    (sp.Symbol("w1") * x ** 2 * sp.Symbol("y"), "w1·x^2·y"),       # a digit of a name is not a coefficient
    (sp.Mul(1, -2, evaluate=False), "1·(-2)"),                       # numbers keep their dot
])
def test_plain_text_writes_products_and_powers_of_e_as_typed(expr, written):
    assert text_math(expr) == written


@pytest.mark.parametrize("typed, reference", [
    ("2x·e^(2x)", "2*x*exp(2*x)"), ("e³ + e⁻ˣ", "exp(3) + exp(-x)"), ("(2x + 1)·e^(2x)", "(2*x + 1)*exp(2*x)"),
])
def test_the_plain_text_of_a_key_is_read_back_by_the_checker(typed, reference):
    assert check_answer(reference, typed).correct


def test_a_plain_text_key_has_no_star_and_no_exp():
    text = key("graph-exp")
    assert "Answer: f = 1 + e³ ≈ 21.0855; ∂f/∂x = 2e³ ≈ 40.1711; ∂f/∂w1 = e³ ≈ 20.0855; ∂f/∂w0 = e³ ≈ 20.0855" in text
    assert "*" not in text and "exp(" not in text


def test_a_short_label_begins_the_first_row_of_its_display():
    tex = key("backprop-w1", "latex")
    assert "\\begin{align*}\n\\text{At}\\quad &(x_{1}," in tex
    # the labels of one display line up at the left: each left side as wide as the widest, flush right in it
    widest = (r"\hphantom{\begin{array}{@{}r@{}}\displaystyle \frac{\partial L}{\partial y_{\mathrm{pred}}}\\"
              r"\displaystyle \frac{\partial y_{\mathrm{pred}}}{\partial h_{1}}\\\displaystyle \frac{\partial h_{1}}{\partial w_{1}}\end{array}}")
    assert (r"\text{\textbf{Factor}}\quad " + widest + r"\llap{$\displaystyle \frac{\partial L}{\partial y_{\mathrm{pred}}}$} "
            r"&= 2 (y_{\mathrm{pred}} - y) = 2 \cdot (0.5237 - 1) \approx -0.9526") in tex
    assert tex.count(r"\text{\textbf{Factor}}\quad " + widest + r"\llap{$\displaystyle ") == 3
    assert r"\textbf{Factor}\par" not in tex


@pytest.mark.parametrize("lang, header", [
    ("en", "local derivative  formula  value         upstream ∂f/∂(node)  contribution to ∂f/∂(input)"),
    ("ru", "локальная производная  формула  значение      приходящий ∂f/∂(узел)  вклад в ∂f/∂(вход)"),
])
def test_the_backward_table_says_what_its_columns_hold(lang, header):
    assert header in key("graph-exp", lang=lang).splitlines()
