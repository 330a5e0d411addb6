"""Within a key, one formula is written one way: the way its statement writes it.

Each case is a form a teacher found written two ways in a key (statement, work, answer): the order of a sum
(the momentum step) and of a product (a closed form), a loss's formula, the logarithm's notation, a
coefficient as a fraction or a decimal, a function's argument with or without brackets; a name's words upright.
The bank's problem and one of this folder's bank (forms_bank: the same problem, its statement written the
other way) show that the key follows the statement, not a fixed form. Exact strings in English and Russian.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import sympy as sp

from symnn.problems.solve import solve
from symnn.render import render
from symnn.render.arguments import argument_styles
from symnn.render.stated import stated_math, stated_terms
from symnn.render.words import upright_statement

FORMS = Path(__file__).parent / "forms_bank"


def key(problem_id: str, lang: str, format: str = "latex", bank=None) -> list[str]:
    return render(solve(problem_id, bank), format, lang=lang, detail="brief").splitlines()


CASES = [
    # Δw_t = −λ·grad + α·Δw_(t−1) as the statement writes it (SymPy: α·Δw_(t−1) − λ·grad), the rows too
    ("delta-rule", None, "en", "latex",
     r"{\noindent Momentum update: $\Delta w_{t} = - \lambda \, \mathrm{grad} + \alpha \Delta w_{t-1}$; $\lambda = 0.1$, $\alpha = 0.9$\par}"),
    ("delta-rule", None, "ru", "text", "Шаг метода моментов: Δw_t = -λ·grad + α·Δw_(t-1); λ = 0,1; α = 0,9"),
    ("delta-rule", None, "en", "text", "b_3        -0.1·(-0.1188) + 0.9·0      ≈ 0.0119"),
    # … and α·Δw_(t−1) − λ·grad where the statement writes that
    ("momentum-alpha-first", FORMS, "ru", "latex",
     r"{\noindent Шаг метода моментов: $\Delta w_{t} = \alpha \Delta w_{t-1} - \lambda \, \mathrm{grad}$; $\lambda = 0{,}1$; $\alpha = 0{,}9$\par}"),
    # x_i = (1 − a)^i x_0 of the statement, then each coordinate in that order (SymPy: x_0(1 − a)^i)
    ("grad-quadratic-gd", None, "en", "latex", r"{\noindent The closed form $x_{i} = {(1 - a)}^{i} x_{0}$ at $i = 1$:\par}"),
    ("grad-quadratic-gd", None, "ru", "latex", r"y_{1} &= (1 - a)^{1} y_{0} = (1 - 0{,}5)^{1} \cdot 2 = 1"),
    ("closed-form-start-first", FORMS, "en", "latex", r"x_{1} &= x_{0} (1 - a)^{1} = 1 \cdot (1 - 0.5)^{1} = 0.5 \\*[0.5ex]"),
    # the loss the statement writes is not written again: its terms tabled, the mean over the statement's n
    ("mape", None, "ru", "latex", r"\mathrm{MAPE} &= \frac{\frac{100}{11} + 15 + \frac{200}{17}}{3} \approx 11{,}9519\,\%"),
    ("mse-stated", FORMS, "en", "latex", r"\mathrm{MSE} &= \frac{0.01 + 0.09 + 0.04}{3} \approx 0.0467"),
    # the bank writes ln, as every other problem: the BCE of the course too, with no word on log
    ("bce-n", None, "en", "text", "BCE = (0.1054 + 0.2231 + 0.5108 + 0.2877 + 0.5108)/5 ≈ 0.3276"),
    ("bce-n", None, "ru", "text", "1  1    0,9     -ln(0,9) ≈ 0,1054"),     # under the statement's p(ŷ_i)
    # a statement of log keeps log in its key, and says once that it is natural
    ("bce-log", FORMS, "en", "text", "1  1    0.9  -log(0.9) ≈ 0.1054"),
    ("bce-log", FORMS, "ru", "text", "Здесь log — натуральный логарифм: log x = ln x."),
    # a = 1.5: g′ = −0.5 as the statement's decimals, not −1/2 (the heading is short: the statement gives g)
    ("gd-closed-form", None, "en", "latex", r"{\noindent The derivative of one step: $g^{\prime}{(x)} = -0.5$\par}"),
    ("gd-closed-form", None, "ru", "latex", r"{\noindent Производная одного шага: $g^{\prime}{(x)} = -0{,}5$\par}"),
    # g(x) = x − (3/2)x: fractions in both
    ("halving-map", FORMS, "ru", "latex", r"{\noindent Производная одного шага: $g^{\prime}{(x)} = - \frac{1}{2}$\par}"),
    # x = sin 2t, y = cos t as the statement writes them; sin(2t), cos(t) where it brackets them
    ("stewart-chain", None, "en", "latex", r"{\noindent At the point $t = 0$: $x = \sin {2 t} = 0$, $y = \cos {t} = 1$\par}"),
    ("chain-bracketed", FORMS, "ru", "latex", r"{\noindent В точке $t = 0$: $x = \sin\mathopen{}{(2 t)} = 0$, "
                                                r"$y = \cos\mathopen{}{(t)} = 1$\par}"),       # tight: no group after sin
    # y ln p of the statement, not y ln(p); a sum's ln(1 − p) is bracketed either way
    ("bce-grad", None, "ru", "latex", r"&\frac{\partial}{\partial p}(- (y \ln {p} + (1 - y) \ln(1 - p))) \\*"),
    # E_total = Σ ½(target − out)², its words upright, then the sum written out
    # asked to nine places, every value has nine: 0,358916480, though its source prints 0,35891648
    ("mazur-221", None, "ru", "text", "w_5⁺ ≈ 0,358916480; w_6⁺ ≈ 0,408666186; w_7⁺ ≈ 0,511301270; w_8⁺ ≈ 0,561370121"),
    # w_7 = 0,50 and η = 0,5 in the statement: each name put in as the statement gives it (render.given_decimals)
    ("mazur-221", None, "ru", "text", "w_7 - η·g_t  0,50 - 0,5·(-0,0226)  ≈ 0,5113"),
    # a score the statement gives as 2.0 is restated 2.0, in the table and put in a formula
    ("cs231n-svm", None, "en", "text", "2  2    (1.3, 4.9, 2.0)"),
    ("cs231n-svm", None, "ru", "text", "max(0; 2,0 - 4,9 + 1)"),
    ("mazur-221", None, "en", "text", "Training by hand: 2-2-2 network, activations by layer: sigmoid, sigmoid; loss "
                                      "E_total = ∑ (1/2)(target - out)^2 = (1/2)·((target_o1 - out_o1)^2 + (target_o2 - out_o2)^2)"),
]


@pytest.mark.parametrize("problem_id, bank, lang, format, line", CASES)
def test_a_key_writes_a_formula_as_its_statement_does(problem_id, bank, lang, format, line):
    assert any(line in text for text in key(problem_id, lang, format, bank)), line


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_a_names_words_are_upright_in_its_key_and_its_statement(lang):
    # the statement writes E_{total}, target, out in italics; its key sets them upright, its statement too
    text = "\n".join(key("mazur-221", lang))
    assert r"E_{total}" not in text and "out_{" not in text and "(target" not in text
    assert r"\frac{\partial E_{\mathrm{total}}}{\partial w_{5}}" in text
    assert r"\sum \frac{1}{2}{(\mathrm{target} - \mathrm{out})}^2" in text


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_the_bank_key_of_bce_writes_one_logarithm(lang):
    text = "\n".join(key("bce-n", lang, "text"))
    assert "log" not in text


def test_the_statements_forms_are_read_from_its_formulas():
    # a sum and a product are found whole in a formula of the statement, in its order
    lam, grad, alpha, dw, x0, a, i = sp.symbols("lambda grad alpha Delta_w x_0 a i")
    stated = stated_math(r"$\Delta_w = -\lambda\, grad + \alpha \Delta_w$ and $x_i = (1 - a)^i x_0$")
    assert stated_terms(alpha * dw - lam * grad, stated)[0] == (-lam * grad, alpha * dw)
    assert stated_terms(x0 * (1 - a) ** i, stated) == (((1 - a) ** i, x0),)
    assert stated_terms(x0 + a, stated) == ()                                # a sum it does not write
    # a function's argument: bare (sin 2t), bracketed (tanh(x)); ln(1 − p) says nothing
    assert argument_styles(r"$\sin 2t$, $\tanh(x)$, $\ln(1 - p)$") == {"sin": True, "tanh": False}
    # words upright: a script of a word (E_total), a known word (target, out); o1 keeps its italic o
    assert upright_statement(r"$E_{total} = \sum (target - out_{o1})^2$") == \
        r"$E_{\mathrm{total}} = \sum (\mathrm{target} - \mathrm{out}_{o1})^2$"
    # a name the problem declares (its notation), and nothing twice: \mathrm{gt}, \sin, \texttt{np.ones}
    assert upright_statement(r"$act_h + \mathrm{gt}_s + \sin x$ $\texttt{np.ones}$", ["act_h"]) == \
        r"$\mathrm{act}_h + \mathrm{gt}_s + \sin x$ $\texttt{np.ones}$"
    # a product of the problem's single letters, indices, a differential: italic
    assert upright_statement(r"$F = xy + yz^2 + \frac{x}{y}$, $Z = XW$, $a_{ij} x_j$, $X$, $W$") == \
        r"$F = xy + yz^2 + \frac{x}{y}$, $Z = XW$, $a_{ij} x_j$, $X$, $W$"
    # f_{xy}: a mixed derivative by x and y, not a word
    assert upright_statement(r"$f_{xy}$ of $f(x, y)$, $L_{CE}$, $y_{pred}$") == r"$f_{xy}$ of $f(x, y)$, $L_{\mathrm{CE}}$, $y_{\mathrm{pred}}$"


# mazur-221 gives i_2 = 0.10 and the weights 0.20, 0.30, 0.40, the bias 0.60: its key restates them so (the point,
# the numbers put in), in Russian with a comma; η = 0.5 and w_7 = 0.50, one number written two ways, each as its name is given;
# the values it computes keep their own places (0.3775, ≈ 0.5933)
@pytest.mark.parametrize("lang, format, line", [
    ("en", "text", "= (0.05, 0.10, 0.01, 0.99, 0.15, 0.20, 0.25, 0.30, 0.35, 0.40, 0.45, 0.50, 0.55, 0.60)."),
    ("en", "text", "σ(0.15·0.05 + 0.20·0.10 + 0.35)                σ(0.3775) ≈ 0.5933"),
    ("ru", "latex", r"\sigma(0{,}40 \cdot 0{,}5933 + 0{,}45 \cdot 0{,}5969 + 0{,}60)"),
    ("en", "text", "0.40 - 0.5·0.0822     ≈ 0.3589"),
])
def test_a_given_number_is_restated_as_the_statement_writes_it(lang, format, line):
    assert any(line in text for text in key("mazur-221", lang, format))
