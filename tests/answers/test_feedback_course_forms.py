"""What the checker says, written as the course writes it, in English and Russian: numbers as decimals where
they are (0.05, 0,05 in Russian, never 1/20), √2, e^3, ∞, Greek letters (α, ε, λ, ω_0⁺), ŷ one letter; right
values in another order said to be so, not a sign slip; a percentage off by 100 or rounded to a whole number
named; an ellipsis, a number printed twice and an array with its shape read or refused with a reason.
One case per row, a comment each, the whole feedback as an exact string."""

from __future__ import annotations

import re

import pytest
import sympy as sp

from symnn.answers.check import check_bank_answer
from symnn.answers.keys import bank_key
from symnn.answers.shown_values import readable
from symnn.calculus.functions import sigmoid
from symnn.problems.bank import load_bank

WRONG, НЕВЕРНО = "Not correct.", "Неверно."

CASES = [
    # a condition's end moved: the end as the student typed it, a decimal (0,05 in Russian), not 1/20
    ("hagan-stable-rate", "0 < alpha < 0.05", "en", (WRONG, "The end 0.05 is wrong.")),
    ("hagan-stable-rate", "0 < alpha < 0.05", "ru", (НЕВЕРНО, "Конец 0,05 указан неверно.")),
    # the key's own end, 1/25, as the decimal the course writes, 0,04
    ("hagan-stable-rate", "0 < alpha <= 0.04", "ru", (НЕВЕРНО, "Конец 0,04 не входит в ответ (неравенство строгое).")),
    ("minibatch-stop", "epsilon > 0.6", "en", (WRONG, "The end 0.6 is wrong.")),                  # not 3/5
    # an interval to infinity is read where a condition is asked, written with ∞ (typed oo too), not oo
    ("gd-convergence", "(0, ∞)", "en", (WRONG, "A bound from above is missing.", "The interval (0, ∞) was read as a ∈ (0, ∞).")),
    ("minibatch-stop", "(0.5, oo)", "ru", ("Верно.", "Это ожидаемое выражение.", "Промежуток (0,5; ∞) прочитан как ε ∈ (0,5; ∞).")),
    # a wrong side of a chain as typed: 46.5 (46,5), not 93/2; √2·e, not sqrt(2)*E; e^(-3), not exp(-3)
    ("micrograd-sanity", "max(0, 46) = 46.5 = 46", "ru", (НЕВЕРНО, "Шаг цепочки равенств не равен ответу: 46,5.")),
    ("sigmoid-slow", "sqrt(2)*e = 0.0452", "en", (WRONG, "A step of the chain is not equal to the answer 0.0452: √2·e ≈ 3.8442.")),
    ("total-derivative", "-sqrt(2)/2 = -sqrt(2)/4", "en", (WRONG, "A step of the chain is not equal to the answer -√2/4: -√2/2 ≈ -0.7071.")),
    ("sigmoid-slow", "σ(3)(1 - σ(3)) = e^(-3)/(1 + e^(-3)) = 0.0452", "en",
     (WRONG, "A step of the chain is not equal to the answer 0.0452: e^(-3)/(e^(-3) + 1) ≈ 0.0474.")),
    # a vector of formulas in Russian: «;» between its components, ^ and ·, not ** and *
    ("4.3", "(15x^2, 6/y^3, cos z) = (60, -162, 1)", "ru", (НЕВЕРНО, "Промежуточное выражение цепочки не равно ответу: (15·x^2; 6/y^3; cos(z)) в точке равно (60; 162; 1).")),
    # a value of the key that is no short decimal: its exact form as the course writes it, and its rounding
    ("ce", "L_1 = 0.1", "en", (WRONG, "The number is not a correct rounding of the exact value.",
                               "The label L_1 is the loss of example 1 (L_1 = -ln(0.9) ≈ 0.1054), not the answer asked for, CE.")),
    ("ce", "L_1 = 0.1", "ru", (НЕВЕРНО, "Число не является правильным округлением точного значения.",
                               "Обозначение L_1 — это потеря на примере 1 (L_1 = -ln(0,9) ≈ 0,1054), а найти нужно CE.")),
    ("cs231n-svm", "L_1 = 3, L = 5.27", "ru", (НЕВЕРНО, "Промежуточное значение неверно: L_1 = 2,9.")),    # not 29/10
    # a tolerance of the problem as a power of ten, not Python's 5e-10
    ("mazur-221-error", "(0.2984, 0.2910)", "en",
     (WRONG, "Component 1 (E_total): the answer must be within 5·10^(-10) of the exact value: it is rounded too coarsely.",
      "Component 2 (E_total⁺): the answer must be within 5·10^(-10) of the exact value: it is rounded too coarsely.")),
    # Greek letters as letters: the missing factor α, written through σ, the condition on ε, a label λ, ω_0⁺
    ("perceptron-alpha", "f*(1 - f)", "en", (WRONG, "The inner derivative is missing: multiply by α (chain rule).")),
    ("perceptron-alpha", "f*(1 - f)", "ru",
     (НЕВЕРНО, "Не хватает производной внутренней функции: умножьте на α (производная сложной функции).")),
    ("nielsen-sigmoid-prime", "e^(-z)/(1 + e^(-z))^2", "ru", ("Частично верно.", "Значение верное, но в вопросе просят выразить ответ через σ.")),
    ("minibatch-stop", "eps > 0.5", "en",
     ("Not correct: the problem asks for a condition on ε, and this one is on eps. Write it with ε.",
      "Read whole, as names the problem does not have: eps. Write a product with *, as x*y, and a function with brackets, "
      "as sin(x).")),
    ("mse", "lambda = 0.05", "ru", (НЕВЕРНО, "Нужно не меньше 3 значащих цифр: ответ округлён слишком грубо.",
                                    "Обозначения λ в этой задаче нет: число проверено как MSE — искомая величина.")),
    ("neuron-bias-update", "omega_0 = 0.1, omega_1 = 0.125, omega_2 = 0.25", "en",
     (WRONG, "Component 1 (ω_0⁺): give at least 3 significant figures: the answer is rounded too coarsely.")),
    # right values in another order: said so, never «the sign is wrong» of each component
    ("cs231n-svm-cat", "(-1, 1, 2.9, 0)", "en", (WRONG, "Components 1, 2 and 3 have the right values, but in another order.")),
    ("cs231n-svm-cat", "(-1, 1, 2.9, 0)", "ru", (НЕВЕРНО, "Компоненты 1, 2 и 3 верны, но стоят в другом порядке.")),
    # (0, ¼, −¼, ¼) moved round: ¼ for −¼ is no sign slip here, two pairs are swapped
    ("hinge-gradient", "(1/4, -1/4, 1/4, 0)", "en", (WRONG, "Components 1 (dL/dy_1) and 4 (dL/dy_4) are swapped.",
                                                     "Components 2 (dL/dy_2) and 3 (dL/dy_3) are swapped.")),
    # a swap beside another wrong component: both said
    ("cs231n-svm-cat", "(2.9, 1, -1, 0.5)", "en", (WRONG, "Components 2 (dL/ds_1) and 3 (dL/ds_2) are swapped.",
                                                   "Component 4 (dL/ds_3) is not correct.")),
    # labelled parts under each other's labels: the two named as the key names them
    ("neuron-bias-update", "omega_0 = 0.125, omega_1 = 0.25, omega_2 = 0.125", "ru",
     (НЕВЕРНО, "Компоненты 2 (ω_1⁺) и 3 (ω_2⁺) переставлены.")),
    ("max-gate", "f = 9, df/dx = 0, df/dy = 6", "en", (WRONG, "Components 2 (df/dx) and 3 (df/dy) are swapped.")),
    ("max-gate", "(9, 0, 6)", "en", (WRONG, "Components 2 (df/dx) and 3 (df/dy) are swapped.")),   # unlabelled: by place, named
    ("linreg-grad", "(2(ŷ - y), 2(ŷ - y)x)", "en", (WRONG, "Components 1 and 2 are swapped.")),
    # a matrix: whole rows moved, the transpose of a square one, two entries swapped
    ("conv-3x3", "[[10, 17, 19], [12, 12, 17], [9, 6, 14]]", "en", (WRONG, "Rows 1 and 2 are swapped.")),
    ("conv-3x3", "[[10, 17, 19], [9, 6, 14], [12, 12, 17]]", "ru", (НЕВЕРНО, "Строки 1, 2 и 3 верны, но стоят в другом порядке.")),
    ("conv-3x3", "[[12, 10, 9], [12, 17, 6], [17, 19, 14]]", "en",
     (WRONG, "Rows and columns are swapped: this is the expected 3×3 matrix transposed.")),
    ("conv-3x3", "[[12, 17, 12], [10, 17, 19], [9, 6, 14]]", "ru", (НЕВЕРНО, "Элементы (1, 2) и (1, 3) переставлены (строка, столбец).")),
    # XOR's outputs inverted hold the same 0s and 1s, but are no order of them: each component is wrong
    ("xor-lab", "(1, 0, 0, 1)", "en", (WRONG, *(f"Component {k} is not correct." for k in range(1, 5)))),
    # a sign slip is still one when the parts stand in their places
    ("linreg-grad", "(2(ŷ - y)x, 2(y - ŷ))", "en", (WRONG, "Component 2: the sign is wrong: the answer is the negative of the correct one.")),
    # ŷ is one letter: ŷ − y is a difference, ŷy and xŷ products, never a name read whole (yhat)
    ("mse", "ŷ - y", "en", (WRONG, "This is a formula; the answer is a number: put the values of the problem into it.")),
    ("mse", "ŷ - y", "ru", (НЕВЕРНО, "Это формула, а ответ — число: подставьте в неё значения из условия.")),
    ("mse", "ŷy", "en", (WRONG, "This is a formula; the answer is a number: put the values of the problem into it.")),
    ("linreg-grad", "(2xŷ - 2xy, 2ŷ - 2y)", "en", ("Correct.",)),
    ("linreg-grad", r"(2x(\hat{y} - y), 2(\hat y - y))", "ru", ("Верно.",)),
    # MAPE is in percent: 12 % is the key rounded to a whole number; 0.12 a fraction; 1195 % a hundred times too much
    ("mape", "12%", "en", (WRONG, "Give at least 3 significant figures: the answer is rounded too coarsely.")),
    ("mape", "12%", "ru", (НЕВЕРНО, "Нужно не меньше 3 значащих цифр: ответ округлён слишком грубо.")),
    ("mape", "MAPE = 12 %", "en", (WRONG, "Give at least 3 significant figures: the answer is rounded too coarsely.")),
    ("mape", "0.12", "en", (WRONG, "This is the value as a fraction of 1; the answer is in percent: multiply it by 100.")),
    ("mape", "0,12", "ru", (НЕВЕРНО, "Это значение в долях единицы, а ответ нужен в процентах: умножьте его на 100.")),
    ("mape", "1195%", "en",
     (WRONG, "This is a hundred times the value: it is in percent already, so it is not multiplied by 100 again.")),
    # an ellipsis leaves values out: refused with that reason, not as Python's Ellipsis
    ("cs231n-svm-cat", "(2.9, -1, 1, ...)", "en", ("The answer could not be read: an ellipsis (… or ...) stands for what is left "
                                                   "out; write every value, or the number with its digits",)),
    ("cs231n-svm-cat", "(2,9; -1; 1; …)", "ru", ("Не удалось прочитать ответ: многоточие (… или ...) обозначает пропущенное; "
                                                "запишите все значения или само число его цифрами",)),
    # print(x, a): a number beside NumPy's array of it is that number; two different numbers are refused
    ("micrograd-sanity", "46 [46]", "en", ("Correct.", "It is the expected expression.")),
    ("micrograd-sanity", "46.0 array([46.])", "ru", ("Верно.", "Это ожидаемое выражение.")),
    ("sigmoid-slow", "0.0452 [0.04517666]", "en", ("Correct.", "The number matches within the tolerance.")),   # rounded
    ("micrograd-sanity", "46 [45]", "en", ("The answer could not be read: two values are written, 46 and [45]; write one",)),
    ("sigmoid-slow", "0.0453 [0.04517666]", "ru",            # 0.0453 is no rounding of 0.04517666: two values
     ("Не удалось прочитать ответ: записаны два значения, 0.0453 и [0.04517666]; запишите одно",)),
    ("micrograd-sanity", "46 [45]", "ru", ("Не удалось прочитать ответ: записаны два значения, 46 и [45]; запишите одно",)),
    # an array with its shape said after it: read, and the shape said held to the array's
    ("np-axis-max-1", "[2 5 6], shape (3,)", "en", ("Correct.",)),
    ("np-axis-max-1", "array([2, 5, 6]); форма 3", "ru", ("Верно.",)),
    ("np-axis-max-1", "[2 5 6], shape (3, 1)", "en",
     (WRONG, "NumPy gives an array with one axis here, not a matrix: the entries are right, the shape is not.")),
    ("np-axis-max-1", "[2 5 6], shape (2,)", "ru", (НЕВЕРНО, "Элементы верны, но форма массива 3, а не 2.")),
    ("np-creation", "[[5 6] [7 8]], shape 2x3", "en", (WRONG, "The entries are right, but the shape is 2×2, not 2×3.")),
]


@pytest.mark.parametrize("problem, answer, lang, feedback", CASES)
def test_feedback_reads_like_the_course(problem, answer, lang, feedback):
    assert check_bank_answer(problem, answer, lang=lang).feedback == feedback


x, y = sp.symbols("x y")


@pytest.mark.parametrize("value, text", [
    (sp.Rational(29, 10), "2.9"),                            # a terminating fraction is its decimal
    (sp.Rational(7211, 10000), "0.7211"),                    # with no padding zeros (not 0.721100)
    (sp.Rational(1, 3), "1/3"),                              # a fraction that does not end stays one
    (sp.Float("0.340491340003891023369126194610", 30), "0.340491"),   # a long Float to six figures
    (-sp.sqrt(2) / 4, "-√2/4"),                              # √2, not sqrt(2)
    (sp.sqrt(x + 1), "√(x + 1)"),
    (sp.exp(3) * 2, "2·e^3"),                                # e^3, not exp(3); · for a product
    (sp.E, "e"),                                             # Euler's number, not E or exp(1)
    (sp.exp(-x), "e^(-x)"),
    (-sp.oo, "-∞"),                                          # not -oo
    (sp.Max(x, y), "max(x, y)"),                             # not Max
    (sp.Heaviside(x, 0), "H(x)"),                            # the step of the course, not Heaviside(x, 0)
    (1 / (sp.Abs(x) + 1) ** 2, "1/(|x| + 1)^2"),             # |x|, and a denominator, not **(-2)
    (sp.Symbol("alpha") * sp.Symbol("lamda"), "α·λ"),        # Greek names as letters
    (sp.Symbol("omega_0"), "ω_0"),
    (sp.Symbol("yhat") - y, "-y + ŷ"),                       # ŷ, one letter
    (sigmoid(3), "σ(3)"),
    (-sp.log(sp.Rational(9, 10)), "-ln(0.9)"),               # ln, and its argument as the statement's decimal
    (sp.Derivative(sp.Function("L")(x, y), x), "∂L/∂x"),     # l2-reg's unknown L, as the statement writes it
    (sp.Derivative(x ** 2 * sp.Function("g")(x), x), "d/dx(x^2·g(x))"),     # one variable: d, not ∂
    (sp.Symbol("beta1") * sp.Symbol("w1"), "β1·w1"),         # a Greek name with its number
    (sp.Rational(2416081, 8), "302010.125"),                 # a long decimal that ends is still a decimal
])
def test_a_value_as_a_sentence_writes_it(value, text):
    assert readable(value) == text


# what SymPy or Python writes and the course never does (a fraction that is a short decimal: below)
SYMPY_FORMS = re.compile(r"\*\*|sqrt\(|\bexp\(|\bE\b|\boo\b|Max\(|Heaviside|Ellipsis|\balpha\b|\blamda\b|\bepsilon\b|"
                         r"\d\.\d*[1-9]0{2,}\b|\de-\d")


def _sympy_written(line: str) -> bool:
    """The line writes a SymPy form, or a fraction whose decimal ends (29/10 for 2.9)."""
    fractions = [int(q) for q in re.findall(r"(?<![\d.,√])\d+/(\d+)(?![\d.,])", line)]      # √2/4 is no fraction
    return bool(SYMPY_FORMS.search(line)) or any(sp.factorint(q).keys() <= {2, 5} for q in fractions if q > 1)


def _numbers(key) -> tuple:
    """The numbers of a key (a number, a vector or a matrix of them), or () for a formula or a condition."""
    values = tuple(key) if isinstance(key, (tuple, sp.MatrixBase)) else (key,)
    return values if all(isinstance(v, sp.Expr) and v.is_number and not v.has(sp.Piecewise) for v in values) else ()


# the problems whose key is numbers (a formula's or a condition's messages: the cases above speak for them)
NUMERIC = [problem for problem in sorted(load_bank()) if _numbers(bank_key(problem).answer)]


def test_most_of_the_bank_is_scanned():
    assert len(NUMERIC) > 0.6 * len(load_bank())


@pytest.mark.parametrize("problem", NUMERIC)
def test_no_message_of_the_bank_writes_sympy(problem):
    """A chain whose first side is each number of the key plus 0.1: the message quotes that side, as the course
    writes numbers."""
    numbers = _numbers(bank_key(problem).answer)
    side = lambda shift: "(" + "; ".join(readable(sp.nsimplify(v) + shift) for v in numbers) + ")"   # noqa: E731
    for lang in ("en", "ru"):
        said = check_bank_answer(problem, f"{side(sp.Rational(1, 8))} = {side(0)}", lang=lang).feedback
        assert not any(_sympy_written(line) for line in said), said


def test_a_number_among_formulas_is_not_a_loss_to_put_values_into():
    """The identity's derivative 1 in the table of activations, answered x: wrong, with no advice to put the
    problem's values in (that is for a loss written as a formula, ŷ − y)."""
    feedback = check_bank_answer("activations", "(" + ", ".join(["x"] * 14) + ")").feedback
    assert feedback[:2] == (WRONG, "Component 1 is not correct.")
