"""An operation NumPy refuses: the answer "error", followed by why, after a colon or a comma alike (error: …,
Error, …, «ошибка, …»). NumPy itself is the oracle that the operation fails."""

from __future__ import annotations

import numpy as np
import pytest

from symnn.answers.check import check_bank_answer

try:                                                           # the problem's own expression
    np.ones((3, 2)) + np.arange(3)
    REFUSED = False
except ValueError:
    REFUSED = True
REFUSED_EN = "NumPy refuses this operation, so it has no result: the answer is that it fails, and why."


@pytest.mark.parametrize("answer, lang, correct, said", [
    # the student's report: the word, a comma, then why
    ("Error, shapes (3, 2) and (3,) are not compatible: last axes 2 and 3", "en", True, ("Correct.",)),
    ("error, the last axes 2 and 3 differ and neither is 1", "en", True, ("Correct.",)),
    ("ошибка, последние оси 2 и 3 не совпадают", "ru", True, ("Верно.",)),
    ("Ошибка, формы (3, 2) и (3,) несовместимы", "ru", True, ("Верно.",)),
    # after a colon, as before
    ("error: shapes (3, 2) and (3,) differ", "en", True, ("Correct.",)),
    # NumPy's own last line
    ("ValueError: operands could not be broadcast together with shapes (3,2) (3,)", "en", True, ("Correct.",)),
    # a comma with nothing after it says no more than nothing
    ("Error,", "en", False, ("Not correct.", REFUSED_EN)),
    # another word before the comma is no refusal
    ("fine, (3, 2)", "en", False, ("Not correct.", REFUSED_EN)),
    # a value, wrong: NumPy gives none
    ("[[1, 2, 3], [1, 2, 3]]", "en", False, ("Not correct.", REFUSED_EN)),
])
def test_refusal_words(answer, lang, correct, said):
    assert REFUSED
    verdict = check_bank_answer("np-broadcast-error", answer, lang=lang)
    assert verdict.correct is correct, verdict.feedback
    assert verdict.feedback[:len(said)] == said, verdict.feedback
