"""A prediction the statement writes y (y = σ(w₁x₁ + w₂x₂ + b)) may be written ŷ or y_pred, as other books do;
a letter that is truly no letter of the problem gets no wrong verdict (its value could not be compared) but
a request to write the answer through the problem's letters, each said once (y, not also ŷ and y_pred)."""

import pytest
import sympy as sp

from symnn.answers.check import check_bank_answer
from symnn.answers.read import read_answer

THROUGH_EN = "write the answer through b, w1, w2, x1, x2, Y, y."
THROUGH_RU = "запишите ответ через b, w1, w2, x1, x2, Y, y."
RIGHT = ("Correct.", "It agrees with the expected expression at random points.")


def test_the_key_the_cases_are_built_on():
    """The oracle: ∂E²/∂w₁ of E² = (Y − y)², y = σ(w₁x₁ + w₂x₂ + b), by sympy.diff, is −2(Y − y)y(1 − y)x₁."""
    w1, w2, x1, x2, b, Y = sp.symbols("w1 w2 x1 x2 b Y")
    y = 1 / (1 + sp.exp(-(w1 * x1 + w2 * x2 + b)))
    assert sp.simplify(sp.diff((Y - y) ** 2, w1) - (-2 * (Y - y) * y * (1 - y) * x1)) == 0


# (answer, lang, the whole feedback)
CASES = [
    (r"$-2(Y-\hat y)\,\hat y(1-\hat y)\,x_1$", "en", RIGHT),               # ŷ is the statement's y (LaTeX)
    ("-2(Y - ŷ)ŷ(1 - ŷ)x1", "en", RIGHT),                                    # ... typed as ŷ
    ("-2(Y - y_pred) y_pred (1 - y_pred) x1", "en", RIGHT),                  # ... as y_pred
    ("-2(Y - y)y(1 - y)x_1", "en", RIGHT),                                   # the key's own y
    ("-2(Y - ŷ)ŷ(1 - ŷ)x2", "en", ("Not correct.",)),                        # ŷ read, the answer wrong: a verdict
    # the trial's answer: ŷ read as y, z no letter of the problem (the statement defines none): a request, not wrong
    (r"$-2(Y-\hat y)\,\sigma(z)(1-\sigma(z))\,x_1$", "en",
     (f"The answer could not be checked: z is not a letter of this problem; {THROUGH_EN}",)),
    (r"$-2(Y-\hat y)\,\sigma(z)(1-\sigma(z))\,x_1$", "ru",
     (f"Не удалось проверить ответ: z — не буква этой задачи; {THROUGH_RU}",)),
    ("-2(Y - q)q(1 - q)x1", "en",                                              # a letter of no book
     (f"The answer could not be checked: q is not a letter of this problem; {THROUGH_EN}",)),
]


@pytest.mark.parametrize("answer, lang, feedback", CASES)
def test_prediction_letters(answer, lang, feedback):
    verdict = check_bank_answer("neuron-grad", answer, lang=lang)
    assert verdict.feedback == feedback
    assert verdict.correct == (feedback == RIGHT)


@pytest.mark.parametrize("text, product", [
    ("yhat(1 - yhat)", True),            # a marked letter the problem knows, before a bracket: a product
    ("xbar(x - xbar)", True),            # ... x̄ too
    ("foo(1 - x)", False),               # any other word before a bracket stays an unknown function
])
def test_a_known_marked_letter_before_a_bracket(text, product):
    known = {"yhat", "xbar", "x"}
    try:
        value = read_answer(text, known=known).value
    except ValueError:
        value = None
    assert (value is not None and value.is_Mul) == product
