"""symnn's LaTeX reader against an independent one (latex2sympy2) on the course's formulas,
and its refusals of what it must not read."""

import pytest
import sympy as sp

from symnn.answers.latex import latex_to_text
from symnn.answers.read import read_answer
from symnn.calculus.equivalence import same_function
from symnn.calculus.parse import ParseError

# formulas as the course and its students write them (no \log, no σ: latex2sympy2 reads those otherwise)
FORMULAS = [
    r"\frac{1}{2}", r"5x^3 + \frac{3}{y^2} + \sin z", r"\cos^2 x", r"\sqrt{x}", r"\sqrt[3]{x}",
    r"e^{-x}", r"\frac{e^{-x}}{(1+e^{-x})^2}", r"x^{2} \cdot y", r"\left(x+1\right)^{2}", r"|x|",
    r"\frac{x}{1+|x|}", r"\tanh x", r"1-\tanh^2 x", r"\arctan x", r"\frac{1}{1+x^2}", r"2x\cos(x^2)",
    r"\exp(x)", r"\ln(1+e^{x})", r"w_{1}x_{1}+b", r"\max(0, x)", r"\frac{\sin x}{x}", r"x^{-1}",
    r"3 \cdot 10^{-4}", r"\dfrac{x}{2}", r"-\frac{6}{y^3}", r"(x - y)^2 / 2", r"\sinh x \cosh x",
]


@pytest.mark.parametrize("latex", FORMULAS)
def test_agrees_with_latex2sympy2(latex):
    latex2sympy = pytest.importorskip("latex2sympy2_extended").latex2sympy
    ours = read_answer(latex).value
    theirs = latex2sympy(latex).subs({s: sp.Symbol(s.name, real=True) for s in latex2sympy(latex).free_symbols})
    theirs = theirs.xreplace({s: sp.Symbol(s.name.replace("{", "").replace("}", ""), real=True)
                              for s in theirs.free_symbols})
    assert same_function(theirs, ours).equal, (latex, ours, theirs)


@pytest.mark.parametrize("latex, text", [
    (r"\frac12", "((1)/(2))"),                               # single-token arguments
    (r"\log_{2} x", "log(x, 2)"),                            # a base
    (r"a^{(1)}", "a_1"),                                     # a layer index, not a power
    (r"0{,}5", "0,5"),                                       # a braced decimal comma
    (r"\left.x\right.", "x"),                                # invisible delimiters
    (r"\boxed{6x}", "6x"),                                   # a box around the answer
    (r"\hat{y}_i - \bar x", "yhat_i - xbar"),                 # accents are names, as SymPy prints them
    (r"\sum_{i=1}^{3} w_i x_i + b", "summation(w_ix_i, i, 1, 3) + b"),   # the term ends at +
    (r"\mathbb{1}_{x>0}", "iverson(x>0)"),                   # an indicator
    (r"\begin{cases}1 & x>0\\ 0 & \text{иначе}\end{cases}", "piecewise((1, x>0), (0, otherwise))"),
    (r"0.\overline{3}", "0.(3)"),                            # a repeating decimal
])
def test_translations(latex, text):
    assert latex_to_text(latex).replace(" ", "") == text.replace(" ", "")


@pytest.mark.parametrize("latex, command", [
    (r"\phantom{3}2x", "phantom"), (r"\color{red}x", "color"), (r"\def\a{1}", "def"),
    (r"\int x", "int"), (r"x \pm 1", "pm"),
])
def test_refusals_name_the_command(latex, command):
    with pytest.raises(ParseError, match=rf"\\{command}\b"):
        latex_to_text(latex)
