"""answer_name names the answer of a total derivative (dh/dt of h(t) = f(x(t))) and of a derivative of any
order (d²E/dw²); the chain rule's sum in t keeps the inner functions' own arguments (no sin 2t).
Exact strings in English and Russian; sympy.diff of the composed function as the oracle of the value."""

from __future__ import annotations

import pytest
import sympy as sp

from symnn import render
from symnn.problems.solve import solve

BANK = r'''[[problem]]
id = "tot-h"
kind = "total-derivative"
expr = "x_1^2*x_2"
inner = { x_1 = "exp(t)", x_2 = "t^2" }
wrt = "t"
answer_name = "h"
statement.en = 'Let $h(t) = f(x_1(t), x_2(t))$ with $f = x_1^2 x_2$, $x_1 = e^t$, $x_2 = t^2$. Find $\frac{dh}{dt}$.'
statement.ru = 'Пусть $h(t) = f(x_1(t), x_2(t))$, $f = x_1^2 x_2$, $x_1 = e^t$, $x_2 = t^2$. Найдите $\frac{dh}{dt}$.'

[[problem]]
id = "tot-trig"
kind = "total-derivative"
expr = "x*y"
inner = { x = "t*cos(t)", y = "sin(t)" }
wrt = "t"
statement.en = 'Find $\frac{df}{dt}$ for $f = xy$, $x = t\cos t$, $y = \sin t$.'
statement.ru = 'Найдите $\frac{df}{dt}$ для $f = xy$, $x = t\cos t$, $y = \sin t$.'

[[problem]]
id = "d2-E"
kind = "derivative"
expr = "-log(sigmoid(w*x))"
wrt = "w"
order = 2
answer_name = "E"
statement.en = 'For $E(w) = -\log\sigma(wx)$ find $\frac{d^2E}{dw^2}$.'
statement.ru = 'Для $E(w) = -\log\sigma(wx)$ найдите $\frac{d^2E}{dw^2}$.'
'''
t, w, x = sp.symbols("t w x", real=True)


@pytest.fixture
def bank(tmp_path):
    (tmp_path / "p.toml").write_text(BANK, encoding="utf-8")
    return tmp_path


def key(problem_id, bank, lang="en", format="text"):
    return render(solve(problem_id, bank), format, lang=lang, detail="brief").splitlines()


@pytest.mark.parametrize("lang, chain, answer", [
    ("en", "Chain rule through every intermediate variable: dh/dt = ∂f/∂x_1·dx_1/dt + ∂f/∂x_2·dx_2/dt",
     "Answer: dh/dt = 2t·(t + 1)·e^(2t)"),
    ("ru", "Производная сложной функции через все промежуточные переменные: dh/dt = ∂f/∂x_1·dx_1/dt + ∂f/∂x_2·dx_2/dt",
     "Ответ: dh/dt = 2t·(t + 1)·e^(2t)")])
def test_a_total_derivative_is_named_as_answer_name_says(bank, lang, chain, answer):
    # oracle: h(t) = e^(2t)·t², h′ = 2t·e^(2t)·(t + 1)
    assert sp.simplify(sp.diff(sp.exp(2 * t) * t**2, t) - 2 * t * (t + 1) * sp.exp(2 * t)) == 0
    lines = key("tot-h", bank, lang)
    assert chain in lines and lines[-1] == answer and not any("df/dt" in line for line in lines)
    assert r"\frac{d h}{d t} = " in "\n".join(key("tot-h", bank, lang, "latex"))


def test_the_sum_in_t_keeps_the_arguments_of_its_functions(bank):
    # oracle: d/dt(t·cos t·sin t); the key's answer equals it and writes no sin 2t, cos 2t
    answer = solve("tot-trig", bank).answer
    assert sp.simplify(answer - sp.diff(t * sp.cos(t) * sp.sin(t), t)) == 0
    assert not any(f.args[0] != t for f in answer.atoms(sp.sin, sp.cos))
    assert key("tot-trig", bank)[-1] == "Answer: df/dt = t·cos(t)^2 + (cos(t) - t·sin(t))·sin(t)"


@pytest.mark.parametrize("lang, answer", [("en", "Answer: d^2E/dw^2 = x^2·σ(w·x)·(1 - σ(w·x))"),
                                          ("ru", "Ответ: d^2E/dw^2 = x^2·σ(w·x)·(1 - σ(w·x))")])
def test_a_second_derivative_is_named_as_answer_name_says(bank, lang, answer):
    # oracle: d²/dw²(−ln σ(wx)) = x²σ(1 − σ)
    s = 1 / (1 + sp.exp(-w * x))
    assert sp.simplify(sp.diff(-sp.log(s), w, 2) - x**2 * s * (1 - s)) == 0
    assert answer in key("d2-E", bank, lang)
    assert r"\frac{d^{2} E}{d w^{2}} = " in "\n".join(key("d2-E", bank, lang, "latex"))
    # the work line names it too, not d^2/dw^2 of the formula the statement has just given
    work = {"en": "Derivative: ", "ru": "Производная: "}[lang] + answer.split(": ", 1)[1]
    assert work + {"en": " (derivative of order 2)", "ru": " (производная порядка 2)"}[lang] in key("d2-E", bank, lang)
