"""One rounding rule: what the checker accepts, what its hint asks for, and what a worksheet states."""

import pytest
import sympy as sp

from symnn.answers.check import check_bank_answer
from symnn.answers.compare import round_sig, rounding_rule
from symnn.answers.options import CheckOptions
from symnn.export.answer_forms import form_of, stated
from symnn.problems.solve import solve


def _decimal(value, figures) -> str:
    """value rounded to ``figures`` significant figures, written as a decimal (0.0467)."""
    exponent = int(sp.floor(sp.log(abs(sp.N(value, 30)), 10)))
    return f"{float(round_sig(value, figures)):.{max(figures - 1 - exponent, 0)}f}"


@pytest.mark.parametrize("problem", ["mse", "backprop-w1", "rmse", "ce"])
def test_the_stated_number_of_figures_is_enough_and_one_fewer_is_not(problem):
    solution = solve(problem)
    rule, values = rounding_rule(CheckOptions())
    assert (rule, values) == ("sigfigs", {"figures": 3})
    assert stated(form_of(solution), "en").endswith("Give decimals to at least 3 significant figures.")
    assert check_bank_answer(problem, _decimal(solution.answer, 3)).correct
    fewer = check_bank_answer(problem, _decimal(solution.answer, 2))
    assert not fewer.correct and "Give at least 3 significant figures" in fewer.feedback[1]


def test_a_question_asking_for_places_states_places():
    assert rounding_rule(CheckOptions(decimals=4)) == ("decimals", {"places": 4})
    assert rounding_rule(CheckOptions(sigfigs=5)) == ("sigfigs", {"figures": 5})
    assert rounding_rule(CheckOptions(relative=0.01)) == ("relative", {"percent": "1"})


def test_an_answer_that_needs_no_rounding_states_no_precision():
    assert stated(form_of(solve("4.3")), "ru") == ("Ответ — набор из 3 чисел в таком порядке: $\\frac{\\partial F}{\\partial x}$, "
                                                   "$\\frac{\\partial F}{\\partial y}$, $\\frac{\\partial F}{\\partial z}$.")
    assert "значащими" in stated(form_of(solve("mse")), "ru")


def test_a_problem_s_tolerance_is_stated_as_its_language_writes_numbers():
    sentence = stated(form_of(solve("gender-train"), "ru"), "ru")
    assert sentence.endswith("Десятичная дробь может отличаться от точного значения на 0,02 или меньше.")


@pytest.mark.parametrize("typed, places, right", [
    ("-0.03463", 5, True),      # rounded to the places asked
    ("-0.034635", 6, True),     # one place more, itself rounded right (no second rounding to -0.03464)
    ("-0.034634", 6, True),     # one place more, cut rather than rounded: still right to 5 places
    ("-0.03464", 5, False),     # rounded wrong at the place asked
    ("-0.034636", 6, False),    # one place more, and wrong at both precisions
])
def test_more_places_than_asked_are_not_rounded_twice(typed, places, right):
    from symnn.answers.compare import compare_scalar
    exact = sp.Rational("-0.0346348096")
    assert compare_scalar(exact, sp.Rational(typed), CheckOptions(decimals=5), places)[0] is right
