"""A condition answer written on another letter than the problem's: the first line of the feedback says which
letter the problem uses, in English and in Russian; written with the statement's letter (α, \\alpha, alpha) it
passes. The bound 0.04 = 2/50 is Hagan's: steepest descent on x₁² + 25x₂² is stable for α < 2/λ_max."""

from __future__ import annotations

import pytest

from symnn.answers.check import check_bank_answer

EN = "Not correct: the problem asks for a condition on {0}, and this one is on {1}. Write it with {0}."
RU = "Неверно: в задаче нужно условие на {0}, а здесь условие на {1}. Запишите его через {0}."


@pytest.mark.parametrize("problem, answer, lang, correct, first", [
    # the statement's Greek letter, as a character, in LaTeX, by its name, and as an interval: right
    ("hagan-stable-rate", "0 < α < 0.04", "en", True, "Correct."),
    ("hagan-stable-rate", r"0 < \alpha < 0.04", "en", True, "Correct."),
    ("hagan-stable-rate", "0 < alpha < 0,04", "ru", True, "Верно."),
    ("hagan-stable-rate", "α ∈ (0, 0.04)", "en", True, "Correct."),
    # the student's report: a for α, the letter named first, in both languages
    ("hagan-stable-rate", "0 < a < 0.04", "en", False, EN.format("α", "a")),
    ("hagan-stable-rate", "0 < a < 0,04", "ru", False, RU.format("α", "a")),
    # another Greek letter for α
    ("hagan-stable-rate", "0 < λ < 0.04", "en", False, EN.format("α", "λ")),
    # a Latin letter of the problem's (a of gradient descent's step), x typed instead, also as an interval
    ("gd-convergence", "0 < x < 2", "en", False, EN.format("a", "x")),
    ("gd-convergence", "x ∈ (0; 2)", "ru", False, RU.format("a", "x")),
    # the right letter, a wrong end: the end is named, not the letter
    ("hagan-stable-rate", "0 < α < 0.05", "en", False, "Not correct."),
])
def test_condition_letter(problem, answer, lang, correct, first):
    verdict = check_bank_answer(problem, answer, lang=lang)
    assert verdict.correct is correct, verdict.feedback
    assert verdict.feedback[0] == first, verdict.feedback
