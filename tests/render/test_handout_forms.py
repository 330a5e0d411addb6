"""Keys a teacher can hand out as they are: no SymPy forms (a fraction over an expanded denominator, brackets
round every fraction put in a sum, −(−1), a logarithm differentiated whole) and the statement's own notation
(its loss's formula, J in vectors, W_1 and W_2, its words upright, vector arrows, the order of its terms).
Exact strings in English and Russian; what a key prints that is a derivative or a value is read back and checked against
sympy.diff or the numbers of the data."""

from __future__ import annotations

import re

import pytest
import sympy as sp

from symnn import render
from symnn.calculus.differentiate import diff_steps
from symnn.calculus.parse import parse_expr_safe
from symnn.calculus.tidy import combine_fractions
from symnn.problems.solve import solve
from symnn.render.board import InOrder
from symnn.render.math import latex_math, text_math
from symnn.render.symbol_names import upright_words
from symnn.render.values import put_in


def key(problem_id: str, lang: str = "en", format: str = "text") -> str:
    return render(solve(problem_id), format, lang=lang, detail="brief")


CASES = [
    # bce-grad: the fractions combined over the denominators as written, p(1 − p), not p² − p
    ("bce-grad", "en", "text", "= (p - y)/(p·(1 - p)) (combine the fractions)"),
    ("bce-grad", "ru", "latex", "&= \\frac{p - y}{p (1 - p)} \\\\*\n&\\quad \\text{(приводим дроби к общему знаменателю)}"),
    # nll-softmax: −ln(e^y₁/Σ) taken apart into ln Σ − y₁ before it is differentiated
    ("nll-softmax", "en", "text", "= ∂/∂y_1(ln(e^(y_1) + e^(y_2) + e^(y_3)) - y_1) (properties of the logarithm)"),
    ("nll-softmax", "ru", "text", "= ∂/∂y_1(ln(e^(y_1) + e^(y_2) + e^(y_3)) - y_1) (свойства логарифма)"),
    ("nll-softmax", "en", "text", "= e^(y_1)/(e^(y_1) + e^(y_2) + e^(y_3)) - 1 (chain rule; derivative of the natural logarithm)"),
    # tanh-221-step: th of the sums as they are, th(−0,1); a function of a Russian decimal in brackets
    ("tanh-221-step", "en", "text", "h = tanh(z_1) = [tanh(-0.1); tanh(-0.6)] ≈ [-0.0997; -0.5370]"),
    ("tanh-221-step", "ru", "latex", "\\operatorname{th}(-0{,}1)\\\\\\operatorname{th}(-0{,}6)"),
    ("tanh-221-step", "ru", "latex", "\\textbf{Ответ:} $h = \\left(\\begin{matrix}\\operatorname{th}\\mathopen{}{(-0{,}1)}"),    # as the work
    # cs231n-staged: n = x + s_y in its order; a decimal before e keeps its dot (0.5121e⁴ reads 5121)
    ("cs231n-staged", "en", "text", "n     n = x + s_y        3 + 0.0180        ≈ 3.0180"),    # a column with ≈ 0.5121: decimals
    ("cs231n-staged", "en", "text", "= 1.5832 + 0.5121·e⁴/(1 + e⁴)^2 ≈ 1.5922"),
    # mape: fractions put in a sum without brackets
    ("mape", "en", "text", "MAPE = (100/11 + 15 + 200/17)/3 ≈ 11.9519\u00a0%"),
    ("mape", "ru", "latex", "\\mathrm{MAPE} &= \\frac{\\frac{100}{11} + 15 + \\frac{200}{17}}{3} \\approx 11{,}9519\\,\\%"),
    # hinge-gradient: −t_i at t_i = −1 is 1, not −(−1); the margin's product keeps its numbers
    ("hinge-gradient", "en", "text", "2  -1   -0.4  1·H(1 - (-1)·(-0.4))/4  0.25"),
    ("hinge-gradient", "ru", "latex", "$\\frac{1 \\cdot H(1 - (-1) \\cdot (-0{,}4))}{4}$"),
    # vec-quadratic: the terms of xᵀAx, then those of bᵀx, as f = xᵀAx + bᵀx
    ("vec-quadratic", "en", "text", "Index form: f = x_1^2 + 2x_1·x_2 + 3x_2^2 + x_1 - x_2;"),
    # l2-reg: J as the statement writes it, then in coordinates
    ("l2-reg", "en", "text", "J = L(w, b) + λ(‖w‖^2 + ‖b‖^2) = L(w_1, w_2, b) + λ·(w_1^2 + w_2^2 + b^2)"),
    ("l2-reg", "ru", "latex", "J &= L{(w, b)} + \\lambda{(\\|w\\|^2 + \\|b\\|^2)} = L(w_{1}, w_{2}, b) + \\lambda (w_{1}^{2}"),
    # softmax-ce-steps: the statement's matrices, entry by entry in the names of the tables
    ("softmax-ce-steps", "en", "text", "In the matrices of the statement: W_1 = [(w_1, w_2); (w_3, w_4)], b_1 = (b_(1,1), b_(1,2)), "
                                       "W_2 = [(w_5, w_6); (w_7, w_8)], b_2 = (b_(2,1), b_(2,2))"),
    ("softmax-ce-steps", "ru", "text", "В матрицах условия: W_1 = [(w_1; w_2); (w_3; w_4)], b_1 = (b_(1,1); b_(1,2)), "
                                       "W_2 = [(w_5; w_6); (w_7; w_8)], b_2 = (b_(2,1); b_(2,2))"),
    # delta-rule: the words of a name upright, though the statement writes out_{pred} in italics
    ("delta-rule", "en", "latex", "$\\delta_{\\mathrm{out}_{\\mathrm{pred}}} \\approx -0.1188$"),
    ("delta-rule", "ru", "latex", "$\\frac{\\partial L}{\\partial w_{1}} \\approx 0{,}0107$"),    # the gradient by its table's name
    # fc-equations: the statement's arrows
    ("fc-equations", "en", "text", "h⃗_t = W_h·x⃗ = [1·1 + 0·2 + (-1)·3; 0.5·1 + 1·2 + 0·3] = [-2; 2.5]"),
    ("fc-equations", "ru", "latex", "\\vec{h} &= \\sigma(\\vec{h}_{t})"),
    # bce-n: the loss in ln as the whole bank writes it, its terms under the statement's formula
    ("bce-n", "en", "text", "2  0    0.2     -ln(0.8) ≈ 0.2231"),
    ("bce-n", "ru", "text", "2  0    0,2     -ln(0,8) ≈ 0,2231"),
    # sigmoid-slow: σ′(0) worked at its point, not through x
    ("sigmoid-slow", "en", "text", "For comparison, at the point x = 0: σ′(0) = σ(0)·(1 - σ(0)) = 0.25"),
    ("sigmoid-slow", "ru", "text", "Для сравнения, в точке x = 0: σ′(0) = σ(0)·(1 - σ(0)) = 0,25"),
]


@pytest.mark.parametrize("problem_id, lang, format, expected", CASES)
def test_the_key_writes_it_as_a_teacher_does(problem_id, lang, format, expected):
    assert expected in key(problem_id, lang, format)


# what must be gone: (problem, format, a SymPy form)
GONE = [
    ("bce-grad", "text", "p^2 - p"),              # an expanded denominator
    ("nll-softmax", "text", "e^(-y_1)"),          # 1/(e^y₁/Σ) as Σ·e^(−y₁)
    ("mape", "text", "(100/11)"),                 # a fraction bracketed in a sum
    ("hinge-gradient", "text", "-(-1)"),          # a double minus
    ("cs231n-staged", "text", "0.5121e⁴"),        # reads as 0.5121·10⁴
    ("sigmoid-slow", "text", "σ′(0) = σ(x)"),     # a value at 0 written through x
    ("delta-rule", "latex", "out_{pred}"),                # a word in italics, in the key or in its statement
]


@pytest.mark.parametrize("problem_id, format, form", GONE)
def test_no_sympy_form_is_left(problem_id, format, form):
    assert form not in key(problem_id, "en", format)


def read(text: str, *symbols):
    """A printed formula read back by the safe parser, in the oracle's own symbols (by name)."""
    parsed = parse_expr_safe(text)
    by_name = {s.name: s for s in symbols}
    return parsed.xreplace({s: by_name[s.name] for s in parsed.free_symbols if s.name in by_name})


def test_what_the_keys_print_is_the_derivative():
    # oracle: sympy.diff of the statements' functions, the printed text read back by the safe parser
    p, y = sp.symbols("p y")
    bce = -(y * sp.log(p) + (1 - y) * sp.log(1 - p))
    assert sp.cancel(read("(p - y)/(p·(1 - p))", p, y) - sp.diff(bce, p)) == 0
    ys = sp.symbols("y_1 y_2 y_3", real=True)
    nll = -sp.log(sp.exp(ys[0]) / sum(sp.exp(v) for v in ys))
    assert sp.simplify(read("e^(y_1)/(e^(y_1) + e^(y_2) + e^(y_3)) - 1", *ys) - sp.diff(nll, ys[0])) == 0
    apart = read("ln(e^(y_1) + e^(y_2) + e^(y_3)) - y_1", *ys)
    assert sp.simplify(sp.expand_log(nll - apart)) == 0                 # the log taken apart is the loss itself
    x1, x2 = sp.symbols("x_1 x_2")
    A, b, x = sp.Matrix([[1, 2], [0, 3]]), sp.Matrix([1, -1]), sp.Matrix([x1, x2])
    assert read("x_1^2 + 2x_1·x_2 + 3x_2^2 + x_1 - x_2", x1, x2) == sp.expand((x.T * A * x)[0] + (b.T * x)[0])


def test_the_printed_numbers_are_the_data_s():
    # oracle: the data of the statements, computed directly
    mape = 100 * sum(abs(t - q) / t for t, q in ((1.1, 1), (2, 1.7), (1.7, 1.5))) / 3
    assert float(parse_expr_safe("(100/11 + 15 + 200/17)/3")) == pytest.approx(mape)
    # softmax-ce-steps: W_2[0, 0] = 1 is w_5, W_2[1, 0] = −1 is w_7, as the point of step 1 gives them
    text = key("softmax-ce-steps")
    names, numbers = re.search(r"At \((.*)\) = \((.*)\)\.", text).groups()
    given = dict(zip(names.split(", "), numbers.split(", ")))
    assert (given["w_5"], given["w_6"], given["w_7"], given["w_8"]) == ("1", "-1", "-1", "1")


# the rules behind the cases, on forms the bank does not hold
def test_combined_fractions_keep_their_written_denominators():
    a, b = sp.symbols("a b")
    combined = combine_fractions((1 - a) / (1 - b) - a / b)          # (b − a)/(b(1 − b)), not (a − b)/(b² − b)
    assert text_math(combined) == "(b - a)/(b·(1 - b))"
    assert sp.simplify(combined - ((1 - a) / (1 - b) - a / b)) == 0


def test_a_logarithm_of_a_quotient_is_taken_apart_where_its_parts_are_positive():
    u, v = sp.symbols("u v", real=True)
    step = diff_steps(-sp.log(sp.exp(u) / (sp.exp(u) + sp.exp(v))), u)
    assert step.rule == "log rules" and step.verify()
    x = sp.Symbol("x")                                    # ln(x·sin x): x may be negative, no rule of logs
    assert diff_steps(sp.log(x * sp.sin(x)), x).rule == "chain"


@pytest.mark.parametrize("expr, values, text", [
    (sp.Symbol("a") + sp.Symbol("b"), {"a": sp.Rational(1, 3), "b": 2}, "1/3 + 2"),      # a term: no brackets
    (2 * sp.Symbol("a"), {"a": sp.Rational(1, 3)}, "2·(1/3)"),                            # a factor: brackets
    (-sp.Symbol("t") * sp.Symbol("y"), {"t": -1, "y": 2}, "1·2"),                          # −(−1)·2 resolved
    (1 - sp.Symbol("t") * sp.Symbol("y"), {"t": -1, "y": -0.4}, "1 - (-1)·(-0.4)"),        # a sum's minus stays
])
def test_numbers_put_in(expr, values, text):
    assert text_math(put_in(expr, {sp.Symbol(k): v for k, v in values.items()})) == text


def test_words_upright_and_terms_by_their_signs():
    assert upright_words("E_{total}") == r"E_{\mathrm{total}}"                       # a word, upright
    assert upright_words(r"\mathrm{out}_{y}") == r"\mathrm{out}_{y}"                 # once
    a, b = sp.symbols("a b")
    assert text_math(InOrder(a ** 2, a - b)) == "a^2 + a - b"
    assert latex_math(InOrder(a ** 2, -b)) == "a^{2} - b"                              # not + -b


@pytest.mark.parametrize("typed, correct", [
    (r"\mathrm{error}", True),          # the key's own LaTeX of the word, upright, reads back
    (r"\text{ошибка}", True),           # a Russian student's upright word
    (r"\mathrm{42}", False),            # a number in a font is still not the refusal
])
def test_an_upright_word_of_the_key_reads_back(typed, correct):
    from symnn.answers.check import check_bank_answer
    assert check_bank_answer("np-broadcast-error", typed, timeout=10).correct is correct
