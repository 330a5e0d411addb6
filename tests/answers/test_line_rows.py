"""A matrix typed one row a line ("1 3 5" then "2 4 6", or "[1, 3, 5]" then "[2, 4, 6]") is the matrix of
those rows. The oracles: NumPy's data.T, and the Jacobian of F = (x²y, 5x + sin y) at (1, 0) by sympy."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp

from symnn.answers.check import check_bank_answer

DATA_T = np.array([[1, 2], [3, 4], [5, 6]]).T                                 # 2×3
x, y = sp.symbols("x y")
J = sp.Matrix([x**2 * y, 5 * x + sp.sin(y)]).jacobian([x, y]).subs({x: 1, y: 0})


def lines(matrix, apart=" ", brackets=False):
    rows = [apart.join(str(int(v)) for v in row) for row in np.array(matrix).tolist()]
    return "\n".join(f"[{row}]" if brackets else row for row in rows)


WRONG = DATA_T.copy()
WRONG[1, 2] += 1


@pytest.mark.parametrize("problem, answer, lang, correct, said", [
    # the student's report: rows apart by a new line, numbers by spaces
    ("np-transpose", lines(DATA_T), "en", True, ("Correct.",)),
    ("np-transpose", lines(DATA_T), "ru", True, ("Верно.",)),
    # each row in brackets, numbers apart by commas
    ("np-transpose", lines(DATA_T, ", ", brackets=True), "en", True, ("Correct.",)),
    # a wrong entry is found by its place
    ("np-transpose", lines(WRONG), "en", False, ("Not correct.", "Entry (2, 3), row 2, column 3, is not correct.")),
    # data itself, 3×2, is told it is the matrix before transposing
    ("np-transpose", lines(DATA_T.T), "en", False,
     ("Not correct.", "This is data itself, the matrix before transposing: data.T swaps its rows and columns, "
                      "so the answer is 2×3.")),
    # rows of different lengths are no matrix: unreadable, as before
    ("np-transpose", "1 3 5\n2 4", "en", False, ("The answer could not be read: no formula in '1 3 5\\n2 4'; separate the "
                                               "components with commas or semicolons: (1, 2, 3) or (1; 2; 3)",)),
    # the Jacobian, row by row, in both languages and with semicolons
    ("jacobian-at-point", lines(J), "en", True, ("Correct.",)),
    ("jacobian-at-point", lines(J), "ru", True, ("Верно.",)),
    ("jacobian-at-point", lines(J, "; "), "ru", True, ("Верно.",)),
    ("jacobian-at-point", lines(J.T), "en", False, ("Not correct.",)),
])
def test_line_rows(problem, answer, lang, correct, said):
    verdict = check_bank_answer(problem, answer, lang=lang)
    assert verdict.correct is correct, verdict.feedback
    assert verdict.feedback[:len(said)] == said, verdict.feedback
