"""Condition answers with a decimal end, and answers of several values where a condition is asked.

A condition is a set: 0 < a < 0.2857 is another set than 0 < a < 2/7, so a rounded end is not right, and
the feedback says the end is right to its digits without showing the exact end. An end that is the exact
end as a double prints it (Python's repr of 2/7) is the exact end: right, with the exact end said. A list
of values, a tuple with a letter in it, or a set, where a condition is asked, is told the form of a
condition on the problem's own letter, not "a single value"."""

from __future__ import annotations

import pytest

from symnn.answers.check import check_answer, check_bank_answer

KEY = "0 < a < 2/7"
DOUBLE = repr(2 / 7)                       # the exact end as Python prints its double: 0.2857142857142857
ROUNDED = ("The end {0} is the exact end rounded to the digits shown, but a condition is a set of values: "
           "write its end exactly (a fraction, a root), not rounded.")
ROUNDED_RU = ("Конец {0} — это точный конец, округлённый до показанных знаков, но условие задаёт множество значений: "
              "запишите конец точно (дробью, корнем), без округления.")
NOISE = "The end {0} is the exact end 2/7 ≈ 0.2857 up to the rounding of floating-point arithmetic."
NOISE_RU = "Конец {0} совпадает с точным концом 2/7 ≈ 0,2857 с точностью до погрешности вычислений с плавающей точкой."
FORM = "Expected an interval of {0} or a condition on {0} (such as 0 < {0} < 2 or {0} ∈ (0, 2)), not several values."
FORM_RU = ("Ожидается промежуток для {0} или условие на {0} (например, 0 < {0} < 2 или {0} ∈ (0; 2)), "
           "а не несколько значений.")


@pytest.mark.parametrize("answer, lang, correct, score, lines", [
    # the end 2/7 rounded to 4 places, as an interval alone and as a condition: half the credit, the end's digits said
    ("(0, 0.2857)", "en", False, 0.5, ("Not correct.", ROUNDED.format("0.2857"))),
    ("0 < a < 0.2857", "en", False, 0.5, ("Not correct.", ROUNDED.format("0.2857"))),
    # rounded to 3 places, the end written as two conditions
    ("a > 0, a < 0.286", "en", False, 0.5, ("Not correct.", ROUNDED.format("0.286"))),
    # in Russian, with a decimal comma and ';' between the ends
    ("(0; 0,2857)", "ru", False, 0.5, ("Неверно.", ROUNDED_RU.format("0,2857"))),
    # the end as the double Python prints for 2/7: right, the exact end given
    (f"0 < a < {DOUBLE}", "en", True, 1.0, ("Correct.", NOISE.format(DOUBLE))),
    (f"(0; {DOUBLE.replace('.', ',')})", "ru", True, 1.0, ("Верно.", NOISE_RU.format(DOUBLE.replace(".", ",")))),
    # a decimal that is no rounding of 2/7 (it would round to 0.2857): a wrong end, as before
    ("(0, 0.2858)", "en", False, 0.0, ("Not correct.", "The end 0.2858 is wrong.")),
    # a rounded end that also closes the interval: the closed end is the mistake said
    ("[0, 0.2857]", "en", False, 0.0, ("Not correct.", "The end 0 must not belong to the answer (a strict inequality).")),
    # the exact end: right, as before
    ("(0, 2/7)", "en", True, 1.0, ("Correct.", "It describes the same set of values.")),
])
def test_decimal_ends(answer, lang, correct, score, lines):
    verdict = check_answer(KEY, answer, lang=lang)
    assert (verdict.correct, verdict.score) == (correct, score), verdict.feedback
    assert verdict.feedback[:len(lines)] == lines


@pytest.mark.parametrize("problem, answer, lang, lines", [
    # a pair with a letter for an end: no interval, and not "a single value" either
    (None, "(0, x)", "en", ("Not correct.", FORM.format("a"))),
    (None, "(0; x)", "ru", ("Неверно.", FORM_RU.format("a"))),
    # three numbers in brackets, two numbers, a set of two numbers, values of a labelled
    (None, "(0, 2/7, 1)", "en", ("Not correct.", FORM.format("a"))),
    (None, "0, 2/7", "en", ("Not correct.", FORM.format("a"))),
    (None, "{0, 2/7}", "en", ("Not correct.", FORM.format("a"))),
    (None, "a_1 = 0, a_2 = 2/7", "en", ("Not correct.", FORM.format("a"))),
    # a bank problem on α: the message on its letter, in both languages
    ("hagan-stable-rate", "(0, x)", "en", ("Not correct.", FORM.format("α"))),
    ("hagan-stable-rate", "0; 0,04", "ru", ("Неверно.", FORM_RU.format("α"))),
    ("minibatch-stop", "(0.5, 1, 2)", "en", ("Not correct.", FORM.format("ε"))),
])
def test_values_for_a_condition(problem, answer, lang, lines):
    verdict = check_bank_answer(problem, answer, lang=lang) if problem else check_answer(KEY, answer, lang=lang)
    assert (verdict.correct, verdict.score, verdict.decided_by) == (False, 0.0, "shape"), verdict.feedback
    assert verdict.feedback[:2] == lines


VALUE = "Expected a condition on {0} (such as 0 < {0} < 2) or an interval ({0} ∈ (0, 2)), not a value."
VALUE_RU = "Ожидается условие на {0} (например, 0 < {0} < 2) или промежуток ({0} ∈ (0; 2)), а не значение."


@pytest.mark.parametrize("problem, answer, lang, lines", [
    # the bound alone where the condition is asked: the form named on the problem's letter α, not a
    ("hagan-stable-rate", "0.04", "en", ("Not correct.", VALUE.format("α"))),
    ("hagan-stable-rate", "α = 0,04", "ru", ("Неверно.", VALUE_RU.format("α"))),
    # a letter of its own, ε
    ("minibatch-stop", "0.5", "en", ("Not correct.", VALUE.format("ε"))),
])
def test_a_value_for_a_condition(problem, answer, lang, lines):
    verdict = check_bank_answer(problem, answer, lang=lang)
    assert (verdict.correct, verdict.decided_by) == (False, "shape")
    assert verdict.feedback[:2] == lines


def test_a_single_value_is_still_asked_for_where_the_key_is_a_number():
    # the message of a vector for a number key is unchanged: it is a number that is asked there
    assert check_answer("2/7", "(0, 2/7)").feedback == ("Not correct.", "Expected a single value, not a vector.")
