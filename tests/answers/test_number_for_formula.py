"""A number where a formula is asked says what the formula is in; a loss's name in lower case is its name.
Found by typing answers as a student does into bank problems (one case per row, a comment each)."""

from __future__ import annotations

import pytest

from symnn.answers.check import check_bank_answer


@pytest.mark.parametrize("problem, answer, lang, correct, said", [
    # ∂E²/∂w₁ of a sigmoid neuron is a formula: a number (its value somewhere) is told so, with the names
    ("neuron-grad", "0.1966", "en", False, "This is a number; the answer is a formula in b, w_1, w_2, x_1, x_2, Y."),
    ("neuron-grad", "0,1966", "ru", False, "Это число, а ответ — формула от b, w_1, w_2, x_1, x_2, Y."),
    # softsign's derivative 1/(1 + |x|)²: a number is no derivative
    ("softsign", "0.25", "en", False, "This is a number; the answer is a formula in x."),
    # the formula itself passes
    ("softsign", "1/(1 + |x|)^2", "en", True, None),
    # mse = … labels the MSE asked: no note that mse is a name the problem does not use
    ("5.1", "mse = (1 + 1 + 9 + 49)/4 = 15", "en", True, None),
    ("5.1", "Mse = 15", "en", True, None),
])
def test_a_students_typing(problem, answer, lang, correct, said):
    verdict = check_bank_answer(problem, answer, lang=lang)
    assert verdict.correct == correct, verdict.feedback
    if said is None:
        assert not any("not a name" in line for line in verdict.feedback), verdict.feedback
    else:
        assert said in verdict.feedback, verdict.feedback
