"""Answers typed the way students type them (answers.habits), checked against bank problems: each case
with what it is, and the verdict an independent reading gives (by hand: the key's numbers)."""

import pytest

from symnn.answers.check import check_bank_answer

CASES = [
    # conv-3x3's key prints its matrix as [12 12 17; 10 17 19; 9 6 14]: typed back, it is right
    ("conv-3x3", "[12 12 17; 10 17 19; 9 6 14]", "en", True),
    ("conv-3x3", "O = [12 12 17; 10 17 19; 9 6 14]", "ru", True),
    # the spaces never glue numbers: 12 12 is not 1212, so the transposed matrix is wrong
    ("conv-3x3", "[12 10 9; 12 17 6; 17 19 14]", "en", False),
    # a row of numbers apart by spaces
    ("hagan-perceptron", "[3 0.2]", "en", True),
    ("hagan-perceptron", "[3 -0.8]", "en", False),          # W(2), two presentations early
    # ln of a number without brackets, as on a calculator
    ("d2l-ce-each", "(ln10, ln2)", "en", True),
    ("d2l-ce-each", "(ln 10, ln 2)", "en", True),
    ("d2l-ce-each", "(ln2, ln10)", "en", False),             # in the wrong order
    # Russian: labels apart by commas, a decimal comma inside the numbers
    ("hagan-perceptron", "w_1 = 3, w_2 = 0,2", "ru", True),
    ("hagan-perceptron", "w1 = 3, w2 = 0,2", "ru", True),
    ("hagan-perceptron", "w_1 = 3, w_2 = -0,8", "ru", False),
    # a decimal comma inside ln's number: ln 0,9 is ln(0.9), not ln(0) and 9
    ("ce", "−(2·ln 0,9 + ln 0,8 + ln 0,65)/4 ≈ 0,2162", "ru", True),
]


@pytest.mark.parametrize("problem, answer, lang, correct", CASES)
def test_a_students_habit_is_read_as_meant(problem, answer, lang, correct):
    assert check_bank_answer(problem, answer, timeout=10, lang=lang).correct is correct
