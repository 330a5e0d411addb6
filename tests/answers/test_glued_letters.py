"""A product of matrix letters typed without spaces (XᵀXW), or on a Russian keyboard (ХᵀХW with Cyrillic Х): where
the problem declares its letters (the matrices of its shapes, the names its statement defines, I) and the glued
word is not one of them, the word is the product of the letters it is made of; a word that splits two ways is
refused with the question, and a declared word (XW) is that letter."""

from __future__ import annotations

import pytest

from symnn.answers.check import check_answer, check_bank_answer
from symnn.calculus.transpose import Letter
from symnn.problems.bank import Problem
from symnn.problems.solve import question_options, solve

# ∇_W(‖XW‖² − ‖XW − Y‖²) = 2XᵀY: W is declared in shapes but is not in the key
CANCELLING = Problem("p", "matrix-identity", "t", {"en": "…", "ru": "…"},
                     {"expr": "norm(X*W)^2 - norm(X*W - Y)^2", "wrt": "W",
                      "shapes": {"X": "m x n", "W": "n x k", "Y": "m x k"}})
READ_WHOLE = "Read whole, as names the problem does not have: XW"


def _check(answer, lang="en", **changed):
    solution = solve(CANCELLING)
    return check_answer(solution.answer, answer, lang=lang, **{**question_options(CANCELLING), **changed})


@pytest.mark.parametrize("answer, lang, correct, said", [
    # glued, with ᵀ: Xᵀ·X·W − Xᵀ·(X·W − Y) twice, which is 2XᵀY
    ("2XᵀXW - 2Xᵀ(XW - Y)", "en", True, "Correct."),
    # the same typed with ^T and no spaces at all
    ("2X^TXW-2X^T(XW-Y)", "en", True, "Correct."),
    # with spaces: it always was read so
    ("2 Xᵀ X W - 2 Xᵀ (X W - Y)", "en", True, "Correct."),
    # on a Russian keyboard: Х is Cyrillic, W and Y Latin
    ("2ХᵀХW - 2Хᵀ(ХW - Y)", "ru", True, "Кириллическая буква Х прочитана как латинская."),
    # a wrong answer glued: 2Xᵀ·X·W, wrong as a formula, not as an unknown name XW
    ("2XᵀXW", "en", False, "Not correct."),
    ("2XᵀXW", "ru", False, "Неверно."),
])
def test_a_glued_product_of_declared_letters_is_their_product(answer, lang, correct, said):
    verdict = _check(answer, lang)
    assert verdict.correct is correct and said in verdict.feedback, verdict.feedback
    assert not any("XW" in line for line in verdict.feedback), verdict.feedback


def test_without_the_declared_letters_the_word_is_read_whole():
    # the same wrong answer where the problem declares no letters: XW is a name of its own, and said so
    verdict = _check("2XᵀXW", letters=())
    assert verdict.correct is False and any(line.startswith(READ_WHOLE) for line in verdict.feedback), verdict.feedback


@pytest.mark.parametrize("answer, lang, said", [
    # graph-matrix asks ∇_W through a = XW: XᵀXW glued is the right value in the raw letters, not through a
    ("XᵀXW", "en", "The value is right, but the question asks for it written through a."),
    ("X^TXW", "ru", "Значение верное, но в вопросе просят выразить ответ через a."),
    # and written through a, glued as well: right
    ("Xᵀa", "en", "Correct."),
])
def test_the_letters_of_a_named_formula_split_a_glued_word(answer, lang, said):
    verdict = check_bank_answer("graph-matrix", answer, lang=lang)
    assert said in verdict.feedback, verdict.feedback


X, W, XW, A = Letter("X"), Letter("W"), Letter("XW"), Letter("A")
W1, W2 = Letter("W_1"), Letter("W_2")


@pytest.mark.parametrize("reference, answer, letters, lang, correct, said", [
    # a declared XW is that letter: XᵀXW is Xᵀ·XW
    (Letter("Xᵀ") * XW, "XᵀXW", ("X", "W", "XW"), "en", True, "Correct."),
    # a word that splits two ways among the declared letters (X·W·Y, X·WY, XW·Y): refused with the readings
    (Letter("Xᵀ") * X * W, "XᵀXWY", ("X", "W", "Y", "XW", "WY"), "en", False,
     "The answer could not be read: 'XWY' can be read as X*W*Y, X*WY, XW*Y: write the product with *"),
    (Letter("Xᵀ") * X * W, "XᵀXWY", ("X", "W", "Y", "XW", "WY"), "ru", False,
     "Не удалось прочитать ответ: 'XWY' можно прочитать как X*W*Y, X*WY, XW*Y: запишите произведение через *"),
    # letters with indices, glued: Xᵀ·W₁·W₂, written W_1 or W1
    (Letter("Xᵀ") * W1 * W2, "XᵀW_1W_2", ("X", "W_1", "W_2"), "en", True, "Correct."),
    (Letter("Xᵀ") * W1 * W2, "X^TW1W2", ("X", "W_1", "W_2"), "en", True, "Correct."),
    # I, the identity matrix, glued before a letter: I·Aᵀ = Aᵀ
    (Letter("Aᵀ"), "IA^T", ("A", "W", "I"), "en", True, "Correct."),
])
def test_declared_letters_read_in_a_glued_word(reference, answer, letters, lang, correct, said):
    verdict = check_answer(reference, answer, by_vector=False, letters=letters, lang=lang)
    assert verdict.correct is correct and said in verdict.feedback, verdict.feedback
