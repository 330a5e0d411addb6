"""A percent sign after an answer: the MAPE is defined with 100 %, so its value is a percentage and 11.95 % is
11.95; an MAE or a cross-entropy is not, so 20 % is 0.2 there, and the verdict says how it was read. The values
are computed here by a loop over the statement's data, not by the solver."""

from __future__ import annotations

from fractions import Fraction

import pytest

from symnn.answers.check import check_bank_answer

Y, PRED = (Fraction("1.1"), Fraction(2), Fraction("1.7")), (Fraction(1), Fraction("1.7"), Fraction("1.5"))
MAPE = 100 * sum(abs(y - p) / y for y, p in zip(Y, PRED)) / 3           # 11.9519… %
MAE = sum(abs(y - p) for y, p in zip(Y, PRED)) / 3                       # 0.2
assert round(float(MAPE), 2) == 11.95 and MAE == Fraction(1, 5)


@pytest.mark.parametrize("problem, answer, lang, correct, said", [
    # the student's report: the MAPE with its own unit was refused
    ("mape", f"{float(MAPE):.2f}%", "en", True, ("Correct.",)),
    # a space before the sign
    ("mape", f"{float(MAPE):.2f} %", "en", True, ("Correct.",)),
    # labelled
    ("mape", f"MAPE = {float(MAPE):.2f}%", "en", True, ("Correct.",)),
    # LaTeX, after ≈
    ("mape", rf"\approx {float(MAPE):.2f}\%", "en", True, ("Correct.",)),
    # Russian, with a decimal comma, with and without a space
    ("mape", f"{float(MAPE):.2f}%".replace(".", ","), "ru", True, ("Верно.",)),
    ("mape", f"{float(MAPE):.2f} %".replace(".", ","), "ru", True, ("Верно.",)),
    # without the sign, as the answer form asks: still right
    ("mape", f"{float(MAPE):.2f}", "en", True, ("Correct.",)),
    # the MAPE as a fraction with a percent: 0.1195 % is not 11.95 %
    ("mape", f"{float(MAPE) / 100:.4f}%", "en", False, ("Not correct.",)),
    # a wrong MAPE with the sign is still wrong
    ("mape", "13.95%", "en", False, ("Not correct.",)),
    # an MAE is not a percentage: 20 % is a hundredth of 20, 0.2, and the verdict says so
    ("mae", f"{MAE * 100}%", "en", True,
     ("Correct.", "It is the expected expression.",
      "20% was read as 0.2: a percent is a hundredth, and this quantity is not a percentage.")),
    ("mae", f"{MAE * 100}%", "ru", True,
     ("Верно.", "Это ожидаемое выражение.",
      "20% прочитано как 0,2: процент — это сотая доля, а эта величина не выражается в процентах.")),
    # the MAE's 20 without the sign is twenty, wrong
    ("mae", f"{MAE * 100}", "en", False, ("Not correct.",)),
    # the cross-entropy 0.2162 as 21.6 %: read as 0.216, said
    ("ce", "21.6%", "en", True,
     ("Correct.", "The number matches within the tolerance.",
      "21.6% was read as 0.216: a percent is a hundredth, and this quantity is not a percentage.")),
    # 2162 % is 21.62, wrong for the cross-entropy
    ("ce", "2162%", "en", False, ("Not correct.",)),
])
def test_percent_answers(problem, answer, lang, correct, said):
    verdict = check_bank_answer(problem, answer, lang=lang)
    assert verdict.correct is correct, verdict.feedback
    assert verdict.feedback[:len(said)] == said, verdict.feedback
