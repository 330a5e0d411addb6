"""Slips of the chain rule through the iterates of a map (gd-closed-form: g(x) = x − a·x, a = 1.5, (g⁵)′(2)): a
product one step off ((1 − a)⁴ or (1 − a)⁶ for (1 − a)⁵) and the iterate x₅ for its derivative are named, ahead of
a factor of 2 that happens to match too; a chain step in the statement's given a is checked with a = 1.5.
The values below are computed here: the iterates by a loop, the derivative by central differences."""

import pytest

A, X0, N = 1.5, 2.0, 5


def g(x):
    return x - A * x


def g_n(x, n):
    for _ in range(n):
        x = g(x)
    return x


def slope(n, h=1e-6):
    """(gⁿ)′(x₀) by central differences."""
    return (g_n(X0 + h, n) - g_n(X0 - h, n)) / (2 * h)


RIGHT = round(slope(N), 6)              # −0.03125
FOUR, SIX = round(slope(N - 1), 6), round(slope(N + 1), 6)       # 0.0625, 0.015625: one step off
X5 = round(g_n(X0, N), 6)              # −0.0625: the point, twice the derivative (a factor-of-2 coincidence)
STEP_EN = "That is the value for {got} steps, not 5: one step off; the chain rule through the iterates has one factor per step, 5 in all."
STEP_RU = ("Это значение для числа шагов {got}, а не 5: ошибка на один шаг; в цепочке по итерациям по одному множителю на каждый "
           "шаг, всего 5.")
POINT_EN = ("That is the point x_5 itself, the value of the map applied 5 times; the answer is its derivative at 2, the product "
            "of the slopes along the iterates.")

# (answer, lang, correct?, the whole feedback)
CASES = [
    (f"{FOUR}", "en", False, ("Not correct.", STEP_EN.format(got=4))),               # (1 − a)⁴, as a decimal
    ("(-0.5)^4", "en", False, ("Not correct.", STEP_EN.format(got=4))),              # ... as the power
    ("(-0.5)^4", "ru", False, ("Неверно.", STEP_RU.format(got=4))),                  # ... in Russian
    (f"{SIX}", "en", False, ("Not correct.", STEP_EN.format(got=6))),                # one step too many
    (f"{X5}", "en", False, ("Not correct.", POINT_EN)),                              # x₅, not the factor-of-2 hint
    # the key's chain in the statement's a: every step checked with a = 1.5, no "not checked" note
    (f"(1-a)^5 = (-0.5)^5 = {RIGHT}", "en", True, ("Correct.", "It is the expected expression.")),
    (f"(1-a)^5 = {RIGHT}", "ru", True, ("Верно.", "Это ожидаемое выражение.")),
    # a step in a that is wrong is found: (1 − a)⁴ is 0.0625 with a = 1.5
    (f"(1-a)^4 = {RIGHT}", "en", False, None),
]


@pytest.mark.parametrize("answer, lang, correct, feedback", CASES)
def test_iterate_slips(answer, lang, correct, feedback):
    from symnn.answers.check import check_bank_answer
    verdict = check_bank_answer("gd-closed-form", answer, lang=lang)
    assert verdict.correct == correct
    if feedback is not None:
        assert verdict.feedback == feedback


def test_the_oracle():
    assert (RIGHT, FOUR, SIX, X5) == ((1 - A) ** 5, (1 - A) ** 4, (1 - A) ** 6, (1 - A) ** 5 * X0)
