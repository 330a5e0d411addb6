"""A matrix answer that is the expected one transposed: for data.T, the array data itself is named as the
matrix before transposing; for any other matrix, rows and columns are said to be swapped. The matrices typed
are made here by NumPy (data and data.T), not taken from the checker."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp

from symnn.answers.check import check_answer, check_bank_answer

DATA = np.array([[1, 2], [3, 4], [5, 6]])           # np-transpose's array; the answer is DATA.T


def rows(matrix) -> str:
    return str(matrix.tolist())


def matlab(matrix) -> str:
    return "[" + "; ".join(" ".join(map(str, row)) for row in matrix.tolist()) + "]"


NOT_TRANSPOSED_EN = "This is data itself, the matrix before transposing: data.T swaps its rows and columns, so the answer is 2×3."
NOT_TRANSPOSED_RU = ("Это сама матрица data, до транспонирования: data.T меняет местами её строки и столбцы, поэтому "
                     "ответ — матрица 2×3.")


@pytest.mark.parametrize("answer, lang, correct, said", [
    # data.T as rows: right
    (rows(DATA.T), "en", True, "Correct."),
    # data itself, as a list of rows: the mistake named
    (rows(DATA), "en", False, NOT_TRANSPOSED_EN),
    # ... typed as MATLAB's rows, in Russian
    (matlab(DATA), "ru", False, NOT_TRANSPOSED_RU),
    # ... as NumPy prints it, array(...) around it
    (f"array({rows(DATA)})", "en", False, NOT_TRANSPOSED_EN),
    # data.T's entries in row order, reshaped 3×2: not data, so only the shape is said
    (rows(DATA.T.reshape(3, 2)), "en", False, "Expected a 2×3 matrix: the entries are right, the shape is not."),
    # data with one entry wrong: neither data nor data.T's entries, so no claim that the entries are right
    (rows(DATA + np.array([[0, 0], [0, 0], [0, 1]])), "en", False, "Expected a 2×3 matrix: the shape is not right."),
])
def test_np_transpose(answer, lang, correct, said):
    verdict = check_bank_answer("np-transpose", answer, lang=lang)
    assert verdict.correct is correct, verdict.feedback
    assert said in verdict.feedback, verdict.feedback


def test_any_matrix_transposed():
    # a 2×3 matrix answered as its 3×2 transpose, where nothing is asked transposed: rows and columns swapped
    expected = np.array([[1, 2, 3], [4, 5, 6]])
    verdict = check_answer(sp.Matrix(expected.tolist()), rows(expected.T))
    assert verdict.feedback == ("Not correct.", "Rows and columns are swapped: this is the expected 2×3 matrix transposed.")
