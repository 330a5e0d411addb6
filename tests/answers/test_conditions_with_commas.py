"""Two conditions apart by a comma, in Russian among decimal commas (α > 0, α < 0,04): a comma, a space and a
letter cannot be a decimal comma, so it parts the conditions, which together make the interval. The interval
is solved here by sympy from the statement's |1 − 2α| < 1 and |1 − 50α| < 1."""

from __future__ import annotations

import pytest
import sympy as sp

from symnn.answers.check import check_bank_answer

A = sp.Symbol("alpha", real=True)
SET = sp.Intersection(*(sp.solve_univariate_inequality(c, A, relational=False)
                        for c in (sp.Abs(1 - 2 * A) < 1, sp.Abs(1 - 50 * A) < 1)))
assert SET == sp.Interval.open(0, sp.Rational(1, 25))
END = f"{float(SET.sup):g}"                                               # 0.04
RU = END.replace(".", ",")


@pytest.mark.parametrize("answer, lang, correct, said", [
    # the student's report: two conditions apart by a comma, with a decimal comma
    (f"α > 0, α < {RU}", "ru", True, ("Верно.",)),
    # apart by «и», and by a semicolon
    (f"α > 0 и α < {RU}", "ru", True, ("Верно.",)),
    (f"α > 0; α < {RU}", "ru", True, ("Верно.",)),
    # in English with a decimal point
    (f"α > 0, α < {END}", "en", True, ("Correct.",)),
    # the end included where the inequality is strict: judged as a condition, not read as a vector
    (f"α > 0, α <= {RU}", "ru", False, ("Неверно.", "Конец 0,04 не входит в ответ (неравенство строгое).")),
    # a wrong end
    (f"α > 0, α < {float(SET.sup) * 2:g}".replace(".", ","), "ru", False, ("Неверно.",)),
])
def test_conditions_with_commas(answer, lang, correct, said):
    verdict = check_bank_answer("hagan-stable-rate", answer, lang=lang)
    assert verdict.correct is correct, verdict.feedback
    assert verdict.feedback[:len(said)] == said, verdict.feedback
