"""What a key says in words is said once: a rule of the steps once a problem, not at each step; where a training
lab's start comes from (drawn once from N(0, 1) and rounded) once a key, not in each problem that uses it."""

from __future__ import annotations

import pytest

from symnn.export.worksheets import Options, answer_key
from symnn.problems.solve import solve
from symnn.render import render

RULES = {
    "en": {"Deltas, from the output back (the δ of a neuron is the derivative of the loss by its weighted sum of inputs):":
           "Deltas, from the output back:",
           "Gradients: the gradient of a weight is the δ of the neuron the weight leads into times the value the weight "
           "carries; a bias is a weight from a constant 1.": "Gradients:",
           "Update of every parameter, $g_t$ being the gradient of the loss by it (all gradients are taken before any "
           "parameter changes):": "Update of every parameter:"},
    "ru": {"Дельты, от выхода назад (δ нейрона — производная функции потерь по взвешенной сумме его входов):":
           "Дельты, от выхода назад:",
           "Градиенты: градиент веса — произведение δ нейрона, в который входит вес, на значение, которое передаётся по "
           "этому весу; смещение — вес от постоянного входа 1.": "Градиенты:",
           "Обновление каждого параметра; $g_t$ — градиент функции потерь по нему (все градиенты вычисляются до того, как "
           "меняется хотя бы один параметр):": "Обновление каждого параметра:"},
}


# softmax-ce-steps takes two SGD steps: the first says each rule in words, the second names its tables only
@pytest.mark.parametrize("lang", ["en", "ru"])
def test_a_rule_of_the_steps_is_said_once_a_problem(lang):
    lines = render(solve("softmax-ce-steps"), "md", lang=lang, detail="brief").splitlines()
    for rule, again in RULES[lang].items():
        assert lines.count(rule) == 1 and lines.count(again) == 1, rule
        assert lines.index(rule) < lines.index(again)


DRAWN = {"en": ("numbers drawn once from the standard normal distribution N(0, 1) and rounded to 4 decimal places.",
                "drawn and rounded as above."),
         "ru": ("\\textemdash{} числа, один раз взятые из стандартного нормального распределения N(0; 1) и округлённые до 4 знаков после "
                "запятой.", "взяты и округлены, как выше.")}


# the three labs of the training topic start from the same drawn numbers: the key says where they come from under
# the first, and the later two refer to it; a key of one of them alone says it in full
@pytest.mark.parametrize("lang", ["en", "ru"])
def test_a_drawn_start_is_explained_once_a_key(lang):
    full, again = DRAWN[lang]
    key = answer_key([solve(p) for p in ("xor-lab", "xor-lab-loop", "gender-train")], "tex", lang, "t",
                     Options(detail="brief"))
    assert key.count(full) == 1 and key.count(again) == 2 and key.index(full) < key.index(again)
    alone = answer_key([solve("xor-lab-loop")], "tex", lang, "t", Options(detail="brief"))
    assert alone.count(full) == 1 and again not in alone


# l2-reg's gradient takes ∂/∂w₁, ∂/∂w₂, ∂/∂b of J = L(w₁, w₂, b) + λ(…): the full key says once that L, given
# without a formula, keeps its derivative as a symbol, not in each partial derivative; in a key of two problems
# the second does not say it again
@pytest.mark.parametrize("lang, heading", [("en", "A function given without a formula"),
                                           ("ru", "Производная функции общего вида")])
def test_the_unknown_function_rule_is_said_once_a_full_key(lang, heading):
    one = render(solve("l2-reg"), "md", lang=lang, detail="full")
    assert one.count(heading) == 1
    assert r"\frac{\partial L}{\partial b} + 2 \lambda b" in one        # the partial by b still adds ∂L/∂b
    two = answer_key([solve("l2-reg"), solve("l2-reg")], "md", lang, "t", Options(detail="full"))
    assert two.count(heading) == 1
