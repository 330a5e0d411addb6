"""Labelled answers, as students type them, for every kind of bank problem whose answer has named parts.

The numbers typed come from the problem's own solution (``symnn.solve``): ``{k}`` in a typed answer is
component k of the solved answer (1 for a scalar), correctly rounded to 10 places, and ``{k*2}`` twice
it, exactly. The expected lines are the exact sentences the checker prints, in English and in Russian.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

import pytest
import sympy as sp

import symnn
from symnn.answers.check import check_answer, check_bank_answer


def typed(problem: str, template: str, lang: str = "en") -> str:
    """The template with {k} (and {k*2}) filled from the solution of ``problem``, rounded to 10 places;
    with a decimal comma in Russian."""
    answer = symnn.solve(problem).answer
    values = answer if isinstance(answer, tuple) else (answer,)

    def number(match: re.Match) -> str:
        value = values[int(match[1]) - 1] * (2 if match[2] else 1)
        if match[2]:
            return str(value)                   # exactly twice: 24/5
        digits = Decimal(str(sp.N(value, 40))).quantize(Decimal("1e-10"), rounding=ROUND_HALF_UP).normalize()
        text = format(digits, "f")
        return text.replace(".", ",") if lang == "ru" else text
    return re.sub(r"\{(\d+)(\*2)?\}", number, template)


def l_1(problem: str) -> str:
    """L_1 of a mean loss, as its solution's table of each example's loss has it (2.9 for the SVM)."""
    work = symnn.solve(problem).work
    return str(sp.Float(work.terms[0][-1], 15)).rstrip("0")


# 1. labels in another order: matched by label, right, with the note that says the key's order
# (problem, typed template, language, correct?, a line the feedback must have)
IN_ANOTHER_ORDER = [
    ("hagan-directional", "F'' = {2}, F' = {1}", "en", True,                  # the student's report
     "The components were matched by their labels, in the order F', F''."),
    ("hagan-directional", "F'' = {2}; F' = {1}", "ru", True,                  # ... in Russian
     "Компоненты сопоставлены по подписям, в порядке F', F''."),
    ("hagan-directional", "F'' = {1}, F' = {2}", "en", False,                 # each name with the other's number
     "Components 1 (F') and 2 (F'') are swapped."),
    ("hagan-directional", "D_p^2F = {2}, D_pF = {1}", "en", True,             # the derivative along p, as D_p F
     "The components were matched by their labels, in the order F', F''."),
    ("hagan-directional", "𝐩ᵀ∇²F 𝐩/‖𝐩‖² = {2}; 𝐩ᵀ∇F/‖𝐩‖ = {1}", "en", True,   # the key's own labels, swapped
     "The components were matched by their labels, in the order F', F''."),
    ("hagan-perceptron", "w_2 = {2}, w_1 = {1}", "en", True,                  # the perceptron's weights
     "The components were matched by their labels, in the order w_1, w_2."),
    ("hagan-perceptron", "w2 = {2}, w1 = {1}", "en", True,                    # w2 for w_2
     "The components were matched by their labels, in the order w_1, w_2."),
    ("feedforward-221", "o1 = {3}, h1 = {1}, h2 = {2}", "en", True,           # a forward pass
     "The components were matched by their labels, in the order h_1, h_2, o_1."),
    ("feedforward-221", "o_1 = {3}; h_1 = {1}; h_2 = {2}", "ru", True,        # ... in Russian, with subscripts
     "Компоненты сопоставлены по подписям, в порядке h_1, h_2, o_1."),
    ("graph-exp", "∂f/∂w0 = {4}, f = {1}, ∂f/∂x = {2}, ∂f/∂w1 = {3}", "en", True,     # a graph's output and gradient
     "The components were matched by their labels, in the order f, df/dx, df/dw1, df/dw0."),
    ("program-add-mul", r"\frac{\partial f}{\partial z} = {4}, f = {1}, df/dx = {2}, df/dy = {3}", "en", True,
     "The components were matched by their labels, in the order f, df/dx, df/dy, df/dz."),    # LaTeX and d/d mixed
    ("chain-two-variables", "∂f/∂t = {2}, ∂f/∂s = {1}", "en", True,          # a chain rule's partials
     "The components were matched by their labels, in the order df/ds, df/dt."),
    ("grad-quadratic-gd", "y = {2}, x = {1}", "en", True,                     # an optimizer's step
     "The components were matched by their labels, in the order x, y."),
    ("neuron-bias-update", "ω_2 = {3}, ω_0 = {1}, ω_1 = {2}", "en", True,     # the statement's ω after the step
     "The components were matched by their labels, in the order ω_0⁺, ω_1⁺, ω_2⁺."),
    ("lms-apple-orange", "w3 = {3}, w1 = {1}, w2 = {2}", "en", True,          # a training run's weights
     "The components were matched by their labels, in the order w1, w2, w3."),
    ("delta-worked", "L+ = {8}, h1 = {1}, h2 = {2}, o1 = {3}, L = {4}, dL/dw6 = {5}, ∂L/∂w_3 = {6}, w_56⁺ = {7}",
     "en", True,                                                              # a network: w6 or the notation's w_56
     "The components were matched by their labels, in the order h_1, h_2, o_1, L, dL/dw_56, dL/dw_3, w_56⁺, L⁺."),
    ("xor-lab-loop", "ŷ(1, 1) = {4}, ŷ(0, 0) = {1}, ŷ(0, 1) = {2}, ŷ(1, 0) = {3}", "en", True,   # predictions
     "The components were matched by their labels, in the order ŷ(0, 0), ŷ(0, 1), ŷ(1, 0), ŷ(1, 1)."),
    ("xor-lab-loop", "y_pred(1, 1) = {4}, y_pred(0, 0) = {1}, y_pred(0, 1) = {2}, y_pred(1, 0) = {3}", "en", True,
     "The components were matched by their labels, in the order ŷ(0, 0), ŷ(0, 1), ŷ(1, 0), ŷ(1, 1)."),   # y_pred is ŷ
]


@pytest.mark.parametrize("problem, template, lang, correct, line", IN_ANOTHER_ORDER)
def test_labels_in_another_order_are_matched_by_name(problem, template, lang, correct, line):
    verdict = check_bank_answer(problem, typed(problem, template, lang), lang=lang, timeout=10)
    assert verdict.correct is correct, verdict.feedback
    assert line in verdict.feedback


# 2. a scalar answer's label: the name asked in any spelling passes silently; another quantity of the
# problem whose value differs is not correct; a label the problem does not know gets a note
# (problem, typed template, language, correct?, a line the feedback must have, or None: no line about a label)
SCALAR_LABELS = [
    ("cs231n-svm", "L_1 = {1}", "en", False,                                  # the student's report: L_1 is example 1's
     "The label L_1 is the loss of example 1 (L_1 = {L_1}), not the answer asked for, L."),
    ("cs231n-svm", "L_1 = {1}", "ru", False,                                  # ... in Russian, a decimal comma
     "Обозначение L_1 — это потеря на примере 1 (L_1 = {L_1}), а найти нужно L."),
    ("cs231n-svm", "L_1 = {1}", "en", False, "Not correct."),                 # not correct, not merely a note
    ("cs231n-svm", "Q = {1}", "en", True,                                     # a name the problem does not have
     "The label Q is not a name this problem uses: the number was checked as L, the answer asked for."),
    ("cs231n-svm", "Q = {1}", "ru", True,
     "Обозначения Q в этой задаче нет: число проверено как L — искомая величина."),
    ("cs231n-svm", "L = {1}", "en", True, None),                              # the name asked
    ("cs231n-svm", "L(w) = {1}", "en", True, None),                           # with its argument
    ("cs231n-svm", "the loss = {1}", "en", True, None),                       # in words
    ("cs231n-svm", "loss = {1}", "en", True, None),
    ("mse", "MSE = {1}", "en", True, None),                                   # the loss's own name
    ("mse", "L = {1}", "en", True, None),                                     # ... or L
    ("mse", "L_2 = {1}", "en", False, "Not correct."),                        # one example's squared error
    ("mse", "L_2 = {1}", "ru", False, "Неверно."),                            # ... in Russian
    ("backprop-w1", "∂L/∂w1 = {1}", "en", True, None),                        # the key's own label
    ("backprop-w1", "dL/dw_1 = {1}", "en", True, None),                       # d for ∂, w_1 for w1
    ("backprop-w1", r"\frac{\partial L}{\partial w_1} = {1}", "en", True, None),       # in LaTeX
    ("backprop-w1", "dL/dw2 = {1}", "en", True,                               # a weight the problem does not ask about
     "The label dL/dw2 is not a name this problem uses: the number was checked as dL/dw_1, the answer asked for."),
    ("neuron-3in", "y_pred = {1}", "en", True, None),                         # the neuron's output as y_pred
    ("neuron-3in", "ŷ = {1}", "en", True, None),                              # ... as ŷ
    ("neuron-3in", "o_1 = {1}", "en", True, None),                            # ... as the key names it
]


@pytest.mark.parametrize("problem, template, lang, correct, line", SCALAR_LABELS)
def test_a_scalar_answers_label_is_read(problem, template, lang, correct, line):
    verdict = check_bank_answer(problem, typed(problem, template, lang), lang=lang, timeout=10)
    assert verdict.correct is correct, verdict.feedback
    if line is None:
        assert not any(re.search(r"label|name", sentence) for sentence in verdict.feedback[1:]), verdict.feedback
    else:
        expected = l_1(problem) if "{L_1}" in line else ""
        assert line.replace("{L_1}", expected.replace(".", ",") if lang == "ru" else expected) in verdict.feedback


# the same, for a key given by hand: its labels and other quantities as options
# (reference, answer, options, correct?, a line the feedback must have)
BY_HAND = [
    ("79/15", "L_1 = 5.27", {"labels": (("L", "loss"),), "quantities": (("L_1", 2.9),)}, False,     # no description
     "The label L_1 names another quantity of this problem (L_1 = 2.9); the answer asked for is L."),
    ("79/15", "L_1 = 5.27", {"labels": (("L", "loss"),), "quantities": (("L_1", 2.9),), "lang": "ru"}, False,
     "Обозначение L_1 относится к другой величине этой задачи (L_1 = 2,9), а найти нужно L."),
    ("79/15", "L_1 = 5.27", {"labels": (("L", "loss"),), "quantities": (("L_1", "79/15"),)}, True,   # equal here: holds
     "The label L_1 names another quantity of this problem (L_1 = 79/15 ≈ 5.2667); the answer asked for is L."),
    ("79/15", "loss = 5.27", {"labels": (("L", "loss"),), "quantities": (("L_1", 2.9),)}, True,
     "The number matches within the tolerance."),                             # the name asked, in words
]


@pytest.mark.parametrize("reference, answer, options, correct, line", BY_HAND)
def test_a_label_against_a_key_given_by_hand(reference, answer, options, correct, line):
    verdict = check_answer(reference, answer, **options)
    assert verdict.correct is correct, verdict.feedback
    assert line in verdict.feedback


# 3. a matrix-valued label read as its components; a part the problem does not have named, not counted
# (problem, typed template, language, correct?, a line the feedback must have)
WHOLE_LABELS = [
    ("hagan-perceptron", "W = [{1} {2}]", "en", True, "Correct."),           # the row W, MATLAB-style
    ("hagan-perceptron", "W = ({1}, {2})", "en", True, "Correct."),           # ... as a tuple
    ("hagan-perceptron", "W = ({1}, {2*2})", "en", False, "Component 2 (w_2) is not correct."),   # w_2 wrong
    ("hagan-perceptron", "W = [3 1], b = -2", "en", False,                    # the student's report: no bias here
     "The answer has parts this problem does not have: b. The answer is w_1, w_2."),
    ("hagan-perceptron", "W = [3 1]; b = -2", "ru", False,
     "В ответе есть части, которых в этой задаче нет: b. Ответ — это w_1, w_2."),
    ("hagan-perceptron", "W = [{1} {2}], b = 0", "en", False,                 # right weights, a bias all the same
     "The answer has parts this problem does not have: b. The answer is w_1, w_2."),
]


@pytest.mark.parametrize("problem, template, lang, correct, line", WHOLE_LABELS)
def test_a_row_label_is_its_components(problem, template, lang, correct, line):
    verdict = check_bank_answer(problem, typed(problem, template, lang), lang=lang, timeout=10)
    assert verdict.correct is correct, verdict.feedback
    assert line in verdict.feedback


# 4. a wrong number that is close is a rounding slip; one that is far is not correct; the factor-of-2 hint
# only where the problem has a ½, a square or a power
# (problem or reference, typed, options, the line the feedback must have, a phrase it must not have)
DIAGNOSES = [
    ("hagan-directional", "F' = 1.2, F'' = 0.8", {}, "Component 1 (F') is not correct.", "rounding"),    # the report
    ("hagan-directional", "F' = 1.2, F'' = 0.8", {"lang": "ru"}, "Компонента 2 (F'') неверна.", "округлением"),
    ("hagan-directional", "F' = {1}, F'' = 2.39", {},                         # 2.4 a unit off in the last place
     "Component 2 (F''): the number is not a correct rounding of the exact value.", None),
    ("hagan-directional", "F' = {1}, F'' = {2*2}", {},                        # F = x₁² + 2x₂²: a power rule's 2
     "Component 2 (F''): off by a factor of 2 (check the ½ in the loss, or a power rule).", None),
    ("cs231n-svm", "{1*2}", {}, "Not correct.", "factor of 2"),               # the SVM loss: no ½, no square
    ("mse", "{1*2}", {}, "Off by a factor of 2 (check the ½ in the loss, or a power rule).", None),   # squared errors
    ("1/3", "0.35", {}, "Not correct.", "rounding"),                          # far from 0.33
    ("1/3", "0.334", {}, "The number is not a correct rounding of the exact value.", None),     # a slip in the last digit
    ("30", "60", {}, "Not correct.", "factor of 2"),                          # nothing known of the question
    ("30", "60", {"powers": False}, "Not correct.", "factor of 2"),           # a problem without powers
    ("x^2", "x^2/2", {}, "Off by a factor of 2 (check the ½ in the loss, or a power rule).", None),   # x² itself
]


@pytest.mark.parametrize("problem, answer, options, line, absent", DIAGNOSES)
def test_what_a_wrong_number_is_told(problem, answer, options, line, absent):
    if "-" in problem or problem.isalpha():                 # a bank problem's id
        verdict = check_bank_answer(problem, typed(problem, answer), timeout=10, **options)
    else:
        verdict = check_answer(problem, answer, **options)
    assert not verdict.correct
    assert line in verdict.feedback, verdict.feedback
    assert absent is None or absent not in " ".join(verdict.feedback)


# 5. every number of Russian feedback with a decimal comma
# (reference, answer, options, the line the feedback must have)
RUSSIAN_NUMBERS = [
    ("1/3", "0.3", {"absolute": 0.005},                                       # the tolerance itself
     "Ответ должен отличаться от точного значения не больше чем на 0,005: он округлён слишком грубо."),
    ("1/3", "0.33", {"relative": 0.005},                                      # a relative tolerance in per cent
     "Ответ должен отличаться от точного значения не больше чем на 0,5 %: он округлён слишком грубо."),
    ("(1/3, 1/2)", "(0.3, 0.5)", {"absolute": 0.005},                         # ... of one component
     "Компонента 1: ответ должен отличаться от точного значения не больше чем на 0,005: он округлён слишком грубо."),
]


@pytest.mark.parametrize("reference, answer, options, line", RUSSIAN_NUMBERS)
def test_russian_feedback_writes_the_decimal_comma(reference, answer, options, line):
    if reference.startswith("("):
        reference = tuple(reference.strip("()").split(", "))
    verdict = check_answer(reference, answer, lang="ru", **options)
    assert line in verdict.feedback, verdict.feedback
