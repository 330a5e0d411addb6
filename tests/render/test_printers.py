"""Printers against exact strings (golden tests), and their settings."""

import json

import pytest
import sympy as sp

from symnn import diff_steps, gradient_steps, render, to_html, to_json, to_latex, to_markdown, to_text

PRODUCT = diff_steps("x*sin(x)", "x")

TEXT_EN = """\
Derivative: d/dx(x·sin(x)) = x·cos(x) + sin(x)
Product rule. Differentiate one factor at a time, keep the others, and add. (f·g)' = f'·g + f·g'
   d/dx(x·sin(x)) = d/dx(x)·sin(x) + x·d/dx(sin(x))
   1. The variable itself. The derivative of a variable with respect to itself is 1. x' = 1
      d/dx(x) = 1
   2. Derivative of sine.
      d/dx(sin(x)) = cos(x)
   So d/dx(x·sin(x)) = x·cos(x) + sin(x)"""

TEXT_RU = """\
Производная: d/dx(x·sin(x)) = x·cos(x) + sin(x)
Производная произведения. Дифференцируем по одному множителю, остальные оставляем, и складываем. (f·g)' = f'·g + f·g'
   d/dx(x·sin(x)) = d/dx(x)·sin(x) + x·d/dx(sin(x))
   1. Производная переменной. Производная переменной по ней самой равна 1. x' = 1
      d/dx(x) = 1
   2. Производная синуса.
      d/dx(sin(x)) = cos(x)
   Итак, d/dx(x·sin(x)) = x·cos(x) + sin(x)"""

LATEX = r"""{\noindent \textbf{Derivative}: $\frac{d}{d x}{(x \sin {x})} = x \cos {x} + \sin {x}$\par}
\nopagebreak
{\noindent \textbf{Product rule.} Differentiate one factor at a time, keep the others, and add. ${(f\,g)}' = f'\,g + f\,g'$\par}
\nopagebreak
\begin{align*}
\frac{d}{d x}(x \sin {x}) &= \frac{d}{d x}(x) \sin {x} + x \frac{d}{d x}(\sin {x})
\end{align*}
{\leftskip=1.5em \noindent \textbf{1. The variable itself.} The derivative of a variable with respect to itself is 1. $x' = 1$\par}
\nopagebreak
\begin{align*}
\frac{d}{d x}(x) &= 1
\end{align*}
{\leftskip=1.5em \noindent \textbf{2. Derivative of sine.}\par}
\nopagebreak
\begin{align*}
\frac{d}{d x}(\sin {x}) &= \cos {x}
\end{align*}
{\leftskip=1.5em \noindent So $\frac{d}{d x}{(x \sin {x})} = x \cos {x} + \sin {x}$\par}"""

MARKDOWN = r"""**Derivative**: $\frac{d}{d x}(x \sin x) = x \cos x + \sin x$

**Product rule.** Differentiate one factor at a time, keep the others, and add. $(f\,g)' = f'\,g + f\,g'$

- $$\frac{d}{d x}(x \sin x) = \frac{d}{d x}(x) \sin x + x \frac{d}{d x}(\sin x)$$
- **1. The variable itself.** The derivative of a variable with respect to itself is 1. $x' = 1$
  $$\frac{d}{d x}(x) = 1$$
- **2. Derivative of sine.**
  $$\frac{d}{d x}(\sin x) = \cos x$$
- So $\frac{d}{d x}(x \sin x) = x \cos x + \sin x$
"""

HTML_START = ('<div class="symnn">\n'
              '<div class="step" style="margin-left:0em;margin-top:0.6em"><strong>Derivative</strong>: <math xmlns="http://ww'
              'w.w3.org/1998/Math/MathML" display="inline"><mrow><mfrac><mrow><mi>d</mi></mrow><mrow><mi>d</mi><mi>x</mi></mr'
              'ow></mfrac><mo stretchy="false">(</mo><mi>x</mi><mspace width="0.1667em" /><mi>sin</mi><mo>\u2061</mo><mspace width'
              '="0.1667em" /><mrow><mi>x</mi></mrow><mo stretchy="false">)</mo><mo>=</mo><mi>x</mi><mspace width="0.1667em" /'
              '><mi>cos</mi><mo>\u2061</mo><mspace width="0.1667em" /><mrow><mi>x</mi></mrow><mo>+</mo><mi>sin</mi><mo>\u2061</mo><mspa'
              'ce width="0.1667em" /><mrow><mi>x</mi></mrow></mrow></math></div>')


def test_text_english():
    assert to_text(PRODUCT) == TEXT_EN


def test_text_russian():
    assert to_text(PRODUCT, lang="ru") == TEXT_RU


def test_latex():
    assert to_latex(PRODUCT) == LATEX


def test_markdown():
    assert to_markdown(PRODUCT) == MARKDOWN


def test_html():
    html = to_html(PRODUCT)
    assert html.startswith(HTML_START) and html.endswith("</div>\n</div>")
    assert html.count('<div class="step"') == len(TEXT_EN.splitlines())


def test_json_tree():
    tree = json.loads(to_json(PRODUCT))
    assert tree["rule"] == "product" and tree["title"] == "Product rule"
    assert tree["result"] == {"sympy": "x*cos(x) + sin(x)", "latex": r"x \cos {x} + \sin {x}"}
    assert [sub["rule"] for sub in tree["substeps"]] == ["variable", "sin"]


def test_brief_is_one_chain_of_equalities():
    # a derivative a reader takes at a glance (−x², a power) is no line of its own: exp(−x²) is one step
    assert to_text(diff_steps("exp(-x^2)", "x"), detail="brief") == \
        "Derivative: d/dx(e^(-x^2)) = -2x·e^(-x^2) (chain rule; derivative of the exponential)"
    # a product of two non-trivial factors: the rule, then the pending derivative, then the tidy form
    assert to_text(diff_steps("x*exp(-x)", "x"), detail="brief") == """\
Derivative: d/dx(x·e⁻ˣ) = x·d/dx(e⁻ˣ) + e⁻ˣ (product rule)
= e⁻ˣ - x·e⁻ˣ (chain rule; derivative of the exponential)
= (1 - x)·e⁻ˣ (take out the common factor)"""
    # every line of the chain equals the derivative (checked by sympy.diff, the independent oracle)
    from symnn.render.chains import chain
    x = sp.Symbol("x")
    for expr in (x * sp.exp(-x), sp.sin(x**2) * sp.cos(x), (x**2 + 1) / (x - 3), sp.log(1 + sp.exp(2 * x))):
        for line, _ in chain(diff_steps(expr, x)):
            for at in (-0.9, 0.3, 1.7):
                assert abs(sp.N((line.doit() - sp.diff(expr, x)).subs(x, at))) < 1e-12, (expr, line, at)


def test_rewrites_are_named():
    text = to_text(diff_steps("1/(1+exp(-x))", "x"))
    # the hint in the line's own letter, x of σ(x), never a dummy letter from nowhere
    assert text.splitlines()[-1] == "   = σ(x)·(1 - σ(x)) (rewrite with σ, using e⁻ˣ = (1 - σ(x))/σ(x))"


def test_russian_function_names():
    assert "tg(x)" in to_text(diff_steps("tan(x)^2", "x"), lang="ru")
    assert r"\operatorname{tg}" in to_latex(diff_steps("tan(x)^2", "x"), lang="ru")


def test_latex_prose_keeps_its_formulas_in_math():
    # the log-base sentence has a formula with an underscore: typeset as math, never escaped as prose
    latex = to_latex(diff_steps("log(x, 2)", "x"))
    assert r"Change of base: $\log_a u = \ln u / \ln a$." in latex and r"\_" not in latex


def test_a_phrase_with_a_formula_in_every_format():
    step = diff_steps("1/(1+exp(-x))", "x")
    assert r"(rewrite with $\sigma$, using $e^{-x} = " in to_latex(step)       # a formula, not escaped prose
    assert "(rewrite with σ, using e⁻ˣ = (1 - σ(x))/σ(x))" in to_text(step)


def test_gradient_text():
    assert to_text(gradient_steps("x + 2*y", "x, y", at="x=5, y=10"), detail="brief") == """\
The gradient is the vector of partial derivatives: ∇ f = (∂f/∂x, ∂f/∂y), f = x + 2y
Partial derivative with respect to x
   ∂/∂x(x + 2y) = 1
Partial derivative with respect to y
   ∂/∂y(x + 2y) = 2
∇ f = (1, 2)
At the point (x, y) = (5, 10): ∇ f(5, 10) = (1, 2)"""


def test_decimals_beside_non_integer_values():
    text = to_text(gradient_steps("x^2 + y/3", "x, y", at="x=1/3, y=0"))
    # the formula, the numbers put in (a fraction in brackets), the exact value and its decimal to 4 places
    # ∇f named at its point (a number), so not equal to (2x, 1/3), a function of x
    assert text.splitlines()[-1] == "At the point (x, y) = (1/3, 0): ∇ f(1/3, 0) = (2·(1/3), 1/3) = (2/3, 1/3) ≈ (0.6667, 0.3333)"


@pytest.mark.parametrize("settings, error", [
    ({"colour": "red"}, TypeError),       # unknown setting, as in SymPy's printers
    ({"lang": "de"}, ValueError),         # unknown language
    ({"detail": "some"}, ValueError),     # unknown detail level
])
def test_bad_settings(settings, error):
    with pytest.raises(error):
        to_text(PRODUCT, **settings)


def test_unknown_format():
    with pytest.raises(ValueError, match="unknown format"):
        render(PRODUCT, "pdf")
