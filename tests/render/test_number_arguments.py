"""A function applied to one number put in writes that number in its own brackets only: σ(−0.75), not
σ((−0.75)), in plain text, LaTeX and HTML, English and Russian. Exact strings; the numbers are worked here
from the problem's own (Decimal arithmetic, math.exp), not copied from a key."""

from __future__ import annotations

import math
from decimal import Decimal

import pytest
import sympy as sp

from symnn import render
from symnn.calculus.functions import sigmoid
from symnn.problems.solve import solve
from symnn.render.math import latex_math, text_math
from symnn.render.values import Shown

WEIGHT, BIAS = Decimal("-0.27"), Decimal("-0.48")       # Hagan's first hidden neuron, input p = 1

NETWORK = f"""[[problem]]
id = "negative-sum"
kind = "network"
layers = [1, 1]
inputs = [1]
targets = [1]
weights = [[[{WEIGHT}]]]
biases = [{BIAS}]
activation = "sigmoid"
loss = "half-se"
learning_rate = 0.1
find = ["o1"]
statement.en = 'Find the output of the neuron.'
statement.ru = 'Найдите выход нейрона.'
"""


def local(number: str, lang: str, comma: str = ",") -> str:
    return number.replace(".", comma) if lang == "ru" else number


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_a_sigmoid_of_a_negative_sum_has_one_pair_of_brackets(tmp_path, lang):
    (tmp_path / "net.toml").write_text(NETWORK, encoding="utf-8")
    z = WEIGHT * 1 + BIAS                                      # −0.75, the neuron's weighted sum
    value = f"{1 / (1 + math.exp(-float(z))):.4f}"              # σ(z) to the key's four places
    text = render(solve("negative-sum", tmp_path), "text", lang=lang, detail="brief")
    row = next(line for line in text.splitlines() if line.startswith("o1 "))
    assert row.endswith(f"σ({local(str(z), lang)}) ≈ {local(value, lang)}")
    assert "((" + local(str(z), lang) not in text
    latex = render(solve("negative-sum", tmp_path), "latex", lang=lang, detail="brief")
    assert rf"$\sigma({local(str(z), lang, '{,}')})$ $\approx {local(value, lang, '{,}')}$" in latex
    html = render(solve("negative-sum", tmp_path), "html", lang=lang, detail="brief")
    # MathML of σ(−0.75): one opening bracket, the minus, the number, one closing bracket
    assert ('σ</mi><mo stretchy="false">(</mo><mo form="prefix">−</mo><mn>'
            + local(str(-z), lang) + '</mn><mo stretchy="false">)</mo>') in html


q = Shown(sp.Symbol("q"), sp.Float("-0.75", 2))                # −0.75 put in for a symbol


@pytest.mark.parametrize("expr, en_text, ru_text, en_latex", [
    # each function of one number put in: the number's minus inside the function's own brackets
    (sigmoid(q), "σ(-0.75)", "σ(-0,75)", r"\sigma(-0.75)"),
    (sp.tanh(q, evaluate=False), "tanh(-0.75)", "th(-0,75)", r"\tanh(-0.75)"),      # not \tanh {-0.75}
    (sp.exp(q, evaluate=False), "e^(-0.75)", "e^(-0,75)", "e^{-0.75}"),
    (sp.log(q, evaluate=False), "ln(-0.75)", "ln(-0,75)", r"\ln(-0.75)"),
    (sp.Max(0, q, evaluate=False), "max(0, -0.75)", "max(0; -0,75)", r"\max(0, -0.75)"),    # ReLU
    (sp.Abs(q, evaluate=False), "|-0.75|", "|-0,75|", r"\left|{-0.75}\right|"),
    (sp.sqrt(q, evaluate=False), "√(-0.75)", "√(-0,75)", r"\sqrt{-0.75}"),
    # a sum put in keeps its brackets once; a negative factor of a product keeps its own
    (sigmoid(sp.Add(sp.Mul(q, 2, evaluate=False), 1, evaluate=False)), "σ((-0.75)·2 + 1)", "σ((-0,75)·2 + 1)",
     r"\sigma((-0.75) 2 + 1)"),
])
def test_printers_write_a_number_argument_without_its_own_brackets(expr, en_text, ru_text, en_latex):
    assert text_math(expr, "en", keep_order=True) == en_text
    assert text_math(expr, "ru", keep_order=True) == ru_text
    assert latex_math(expr, "en", keep_order=True) == en_latex


@pytest.mark.parametrize("expr, lang, expected", [
    # one rule for every function: a letter or a whole number bare, as the key writes ln 0.9 and tanh x
    (sp.log(10), "en", r"\ln {10}"),
    (sp.log(sp.Symbol("p")), "en", r"\ln {p}"),
    (-sp.log(sp.Float("0.36", 2), evaluate=False), "en", r"- \ln {0.36}"),
    (-sp.log(sp.Float("0.36", 2), evaluate=False), "ru", r"- \ln(0{,}36)"),       # a decimal comma: ln(0,36)
    # a bracket right after the name, no group between them: TeX spaces \tanh{(…)} as tanh (…)
    (sp.tanh(sp.tanh(sp.tanh(sp.Symbol("x")))), "en", r"\tanh(\tanh(\tanh {x}))"),
    (sp.tanh(sp.tanh(sp.tanh(sp.Symbol("x")))), "ru", r"\operatorname{th}(\operatorname{th}(\operatorname{th} {x}))"),
    (sp.tanh(sp.Symbol("w1") * sp.Symbol("x")), "en", r"\tanh(w_{1} x)"),
    (sp.log(sp.Rational(9, 10)), "en", r"\ln\mathopen{}\left(\frac{9}{10} \right)"),   # a fraction: bracketed, tight
    (sp.log(1 - sp.Symbol("p")), "en", r"\ln(1 - p)"),
])
def test_a_function_is_written_against_its_bracket(expr, lang, expected):
    assert latex_math(expr, lang) == expected
    assert "{(" not in latex_math(expr, lang)
