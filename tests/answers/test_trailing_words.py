"""Words typed after an answer: the word announcing it («ответ», answer) is left out wherever it stands after the
formula, bare, after a dash or in brackets; any other Russian word is not blamed on one of its letters but said
to be a word, and the answer to be a formula alone. The values typed are the keys derived by hand: (g⁴)′(1) =
2·2·5·26·… is 4160 (x₀ = 1, x₁ = 2, x₂ = 5, x₃ = 26, the product of 2xₖ), the line fitted is y = 3.5x + 3.5."""

from __future__ import annotations

import pytest

from symnn.answers.check import check_bank_answer

# (g^4)'(1) by the chain rule through the iterates of g(x) = x² + 1, g'(x) = 2x
ITERATES = [1]
for _ in range(3):
    ITERATES.append(ITERATES[-1] ** 2 + 1)
DERIVATIVE = 1
for x in ITERATES:
    DERIVATIVE *= 2 * x

WORDS_RU = "Не удалось прочитать ответ: слова {!r} в формуле не читаются; запишите только формулу"


@pytest.mark.parametrize("problem, answer, lang, correct, first", [
    # the student's report: the number, then «ответ»
    ("iterated-map", f"{DERIVATIVE} ответ", "ru", True, "Верно."),
    # after a dash, capitalised, with a full stop
    ("iterated-map", f"{DERIVATIVE} — Ответ.", "ru", True, "Верно."),
    # a labelled answer, the word in brackets
    ("iterated-map", f"(g^4)'(1) = {DERIVATIVE} (ответ)", "ru", True, "Верно."),
    # in English
    ("iterated-map", f"{DERIVATIVE} answer", "en", True, "Correct."),
    # a condition, then the word
    ("gd-convergence", "0 < a < 2 ответ", "ru", True, "Верно."),
    # two labelled parts with decimal commas, the word in brackets
    ("linreg-normal-eq", "w = 3,5; b = 3,5 (ответ)", "ru", True, "Верно."),
    # a wrong number with the word: judged as a number, not as unreadable
    ("iterated-map", f"{DERIVATIVE + 1} ответ", "ru", False, "Неверно."),
    # another word: said to be a word, not one of its letters
    ("iterated-map", f"{DERIVATIVE} верно", "ru", False, WORDS_RU.format("верно")),
    ("iterated-map", f"{DERIVATIVE} это ответ", "ru", False, WORDS_RU.format("это")),
    # the word alone, with no answer
    ("iterated-map", "ответ", "ru", False, WORDS_RU.format("ответ")),
    # «и», «или» and units stay readable
    ("gd-convergence", "a > 0 и a < 2", "ru", True, "Верно."),
    ("ce", "0,2162 нат", "ru", True, "Верно."),
])
def test_trailing_words(problem, answer, lang, correct, first):
    verdict = check_bank_answer(problem, answer, lang=lang)
    assert verdict.correct is correct, verdict.feedback
    assert verdict.feedback[0] == first, verdict.feedback
    assert not any("U+04" in line for line in verdict.feedback), verdict.feedback
