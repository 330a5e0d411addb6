"""The wording of a key and its slides as a teacher reads them: a method's sentence and a rule's explanation said once
a key (and once a deck), later a rule named alone; a fraction of a norm or a sum in front of it, as a statement writes
it (½‖a‖², (1/n)‖y − Xw‖²); the derivative of the step as its table says it; a note's sentence said once; short
headings under a statement; a term in English once; a one-hot vector in math."""

from __future__ import annotations

import re

import pytest
import sympy as sp

from symnn.export.beamer import slides
from symnn.export.worksheets import Options, answer_key
from symnn.problems.solve import solve
from symnn.render import render
from symnn.render.math import latex_math, text_math


def _key(problems, lang: str, format: str = "md") -> str:
    return answer_key([solve(p) for p in problems], format, lang, "t", Options(detail="brief"))


METHOD = {"en": "Backwards from the loss, one rule per operation:",
          "ru": "Идём от функции потерь назад, по одному правилу на каждую операцию:"}
HALF = {"en": "the gradient of half a squared norm is what stands under the norm",
        "ru": "градиент половины квадрата нормы равен самому выражению под нормой"}
PRODUCT = {"en": "a product $X W$: the gradient is multiplied by the other factors, transposed, each on its own side",
           "ru": "произведение $X W$: градиент умножается на остальные множители, транспонированные, каждый со своей стороны"}
PRODUCT_AGAIN = {"en": "= X^{T} \\delta$ — a product $X W$\n", "ru": "= X^{T} \\delta$ — произведение $X W$\n"}


# graph-matrix and dense-layer-grad both go backwards from a half squared norm through a product XW: the second says
# neither the method nor the loss's rule again and names the product's rule without its explanation
@pytest.mark.parametrize("lang", ["en", "ru"])
def test_a_matrix_rule_and_the_method_are_said_once_a_key(lang):
    key = _key(["graph-matrix", "dense-layer-grad"], lang)
    assert key.count(METHOD[lang]) == 1 and key.count(HALF[lang]) == 1 and key.count(PRODUCT[lang]) == 1
    assert PRODUCT_AGAIN[lang] in key and key.index(PRODUCT[lang]) < key.index(PRODUCT_AGAIN[lang])
    alone = _key(["dense-layer-grad"], lang)          # a key of the second alone says all of it
    assert alone.count(METHOD[lang]) == 1 and alone.count(HALF[lang]) == 1 and alone.count(PRODUCT[lang]) == 1


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_a_matrix_rule_is_said_once_a_deck(lang):
    deck = slides([solve(p) for p in ("graph-matrix", "dense-layer-grad", "dense-layer-backward")], lang, "t",
                  {"detail": "brief"})
    rules = re.sub(r"\} \\\\\*\n&\\quad \\text\{", " ", deck)      # a rule wrapped under its step, read as one line
    assert deck.count(METHOD[lang].rstrip(":")) == 1
    assert rules.count(f"({HALF[lang]})") == 1


TRANSPOSE = "$(P Q)^{T} = Q^{T} P^{T}$"
COLLECTED = {"en": ("Each term is a number and equals its transpose, so equal terms are collected:", "Equal terms collected:"),
             "ru": ("Каждое слагаемое — число, а число при транспонировании не меняется, поэтому равные слагаемые соберём:",
                    "После приведения подобных слагаемых:")}
WRITTEN_OUT = {"en": "The products written out: $f = x^{T} S x", "ru": "Раскроем произведения: $f = x^{T} S x"}


# one-layer-matrix-gradient writes out ‖v‖² = vᵀv and (PQ)ᵀ = QᵀPᵀ and collects equal terms; the Gaussian exponent
# after it uses (PQ)ᵀ = QᵀPᵀ again, and collects: both said before, so neither is explained again
@pytest.mark.parametrize("lang", ["en", "ru"])
def test_an_identity_of_a_term_by_term_gradient_is_said_once_a_key(lang):
    key = _key(["one-layer-matrix-gradient", "symmetric-gaussian-exponent"], lang)
    full, again = COLLECTED[lang]
    assert key.count(TRANSPOSE) == 1 and key.count(full) == 1 and key.count(again) == 1
    assert WRITTEN_OUT[lang] in key


@pytest.mark.parametrize("expr, latex, text", [
    # a half of a squared norm, as the statements write ½‖XW‖²
    (sp.Rational(1, 2) * sp.Symbol("N"), r"\frac{N}{2}", "N/2"),           # a letter: no norm, the quotient as before
    (sp.Sum(sp.Symbol("y") ** 2, (sp.Symbol("i"), 1, sp.Symbol("n"))) / sp.Symbol("n"),     # MSE's (1/n)Σ
     r"\frac{1}{n} \sum_{i=1}^{n} y^{2}", "(1/n)·Σ_(i=1)^n y^2"),
    (-sp.Sum(sp.Symbol("y"), (sp.Symbol("i"), 1, sp.Symbol("N"))) / sp.Symbol("N"),        # −(1/N)Σ of a log-loss
     r"- \frac{1}{N} \sum_{i=1}^{N} y", "-(1/N)·Σ_(i=1)^N y"),
    (sp.Rational(1, 2) * sp.Sum(sp.Symbol("y"), (sp.Symbol("i"), 1, 3)),                     # ½Σ
     r"\frac{1}{2} \sum_{i=1}^{3} y", "(1/2)·Σ_(i=1)^3 y"),
])
def test_a_fraction_of_a_sum_is_written_in_front(expr, latex, text):
    assert latex_math(expr) == latex and text_math(expr) == text


# (a title names the gradient where the statement has just given the loss, so the norm is seen in the steps:
# the gradient of (1/n)‖y − Xw‖², f = ½tr(WᵀXᵀXW) of ½‖XW − Y‖²_F written out)
NORMS = {"graph-matrix": r"$f = \frac{1}{2} \left\|a\right\|^{2}$",
         "linreg-matrix-grad": r"\left(\frac{1}{n} \left\|y - X w\right\|^{2}\right)",
         "frobenius-least-squares": r"$f = \frac{1}{2} \operatorname{tr}(W^{T} X^{T} X W) - "}


@pytest.mark.parametrize("problem", NORMS)
@pytest.mark.parametrize("lang", ["en", "ru"])
def test_a_fraction_of_a_norm_is_written_as_the_statement_writes_it(problem, lang):
    assert NORMS[problem] in _key([problem], lang)


STEP = {"en": "step: $f'(x) = 0$ for $x \\neq 0$ and does not exist at $0$;",
        "ru": "единичная ступенька: $f'(x) = 0$ при $x \\neq 0$ и не существует в $0$;"}
STEP_TEXT = {"en": "step: f'(x) = 0 for x ≠ 0 and does not exist at 0;",
             "ru": "единичная ступенька: f'(x) = 0 при x ≠ 0 и не существует в 0;"}
SOFTSIGN = {"en": "The table of the course prints $\\frac{1}{(1 + x)^2}$ for softsign: the bars of $|x|$ were lost, and the "
                  "formula is wrong for $x < 0$; the derivative is $\\frac{1}{(1 + |x|)^2}$.",
            "ru": "В таблице курса для softsign напечатано $\\frac{1}{(1 + x)^2}$: потерян знак модуля, и при $x < 0$ формула "
                  "неверна; производная равна $\\frac{1}{(1 + |x|)^2}$."}


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_the_step_derivative_and_the_softsign_note(lang):
    key = _key(["activations", "softsign"], lang)
    assert STEP[lang] in key                              # as the table's note: 0 for x ≠ 0, none at 0
    assert STEP_TEXT[lang] in render(solve("activations"), "text", lang=lang, detail="brief")
    assert key.count(SOFTSIGN[lang]) == 1                 # said under the table, not again under softsign
    assert SOFTSIGN[lang] in _key(["softsign"], lang)


# l2-reg differentiates J = L(w, b) + λ(‖w‖² + ‖b‖²) by w₁, w₂ and b: L has no formula, said at the first only
def test_a_function_of_general_form_is_said_once_in_russian():
    key = _key(["l2-reg"], "ru")
    assert key.count("(производная степенной функции; производная функции общего вида)") == 1
    assert key.count("(производная степенной функции)") == 2 and "не заданной формулой" not in key


def test_broadcasting_is_named_in_english_once():
    key = _key(["np-broadcast-scalar", "np-broadcast-row", "np-broadcast-column"], "ru")
    assert key.count("Транслирование (broadcasting): число растягивается на все элементы") == 1
    assert key.count("Транслирование: формы") == 2


HEADINGS = {"en": ["**Gradient of a quadratic function**", "**Total derivative by the chain rule**",
                   "**Derivative of the $4$-fold iterate**", "**Gradient of a squared norm of the residual**"],
            "ru": ["**Градиент квадратичной функции**", "**Полная производная сложной функции**",
                   "**Производная $4$-й итерации**", "**Градиент квадрата нормы невязки**"]}


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_a_vectors_heading_is_short(lang):
    key = _key(["vec-quadratic", "total-derivative", "iterated-map", "vec-residual"], lang)
    assert all(heading in key for heading in HEADINGS[lang])
    assert "where**" not in key and "где**" not in key        # no function and givens restated after the statement


ONE_HOT = {"en": ("$s - e_1 = (s_1 - 1, s_2, s_3)$", "$s - e_c$, where $e_c$ is the one-hot vector of the class $c$"),
           "ru": ("$s - e_1 = (s_1 - 1; s_2; s_3)$", "$s - e_c$, где $e_c$ — вектор с единицей на месте верного класса $c$")}


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_a_one_hot_vector_is_math(lang):
    key = _key(["nll-softmax"], lang)
    assert ONE_HOT[lang][0] in key and "onehot" not in key
    assert ONE_HOT[lang][1] in render(solve("nll-softmax").work, "md", lang=lang)      # the work alone: its result
