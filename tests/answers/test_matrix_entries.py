"""A wrong part of a matrix answer is named by its entry (i, j), row i and column j, in English and
Russian; a vector's (and a matrix of one row or column) by its component k."""

import pytest
import sympy as sp

from symnn import check_answer
from symnn.answers.feedback import placed
from symnn.lang import phrase

J = sp.Matrix([[0, 1], [5, 1]])            # the Jacobian of (x²y, 5x + sin y) at (1, 0)


@pytest.mark.parametrize("answer, lang, line", [
    ("[[0, 1], [4, 1]]", "en", "Entry (2, 1), row 2, column 1, is not correct."),
    ("[[0, 1], [4, 1]]", "ru", "Элемент (2, 1) — строка 2, столбец 1 — неверен."),
    ("[[0, 1], [5, 7]]", "en", "Entry (2, 2), row 2, column 2, is not correct."),
    ("[[0, 5], [1, 1]]", "en", "Entries (1, 2) and (2, 1) are swapped (row, column)."),     # J transposed
    ("[[0, 5], [1, 1]]", "ru", "Элементы (1, 2) и (2, 1) переставлены (строка, столбец)."),
    ("[[0, 2], [5, 1]]", "en", "Entry (1, 2), row 1, column 2: off by a factor of 2 (check the ½ in the loss, "
                               "or a power rule)."),
])
def test_a_wrong_entry_of_a_matrix_is_named_by_row_and_column(answer, lang, line):
    verdict = check_answer(J, answer, lang=lang, powers=True)      # x²y: a power rule's factor 2 can be lost
    assert not verdict.correct and line in verdict.feedback


def test_a_3_by_2_matrix_counts_its_entries_row_by_row():
    M = sp.Matrix([[1, 2], [3, 4], [5, 6]])
    verdict = check_answer(M, "[[1, 2], [3, 4], [0, 6]]")
    assert verdict.feedback[1] == "Entry (3, 1), row 3, column 1, is not correct."


@pytest.mark.parametrize("shape", [None, (1, 3), (3, 1)])
def test_a_vector_keeps_its_components(shape):
    say = lambda key, **values: phrase("en", key, **values)   # noqa: E731
    assert placed(say, "check.component", shape, index=3) == "Component 3 is not correct."
    assert check_answer(sp.Tuple(7, 13), "(5, 13)").feedback[1] == "Component 1 is not correct."
