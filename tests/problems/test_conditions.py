"""Condition problems with several conditions that must all hold (Hagan ch. 9's stable learning rate),
solved against SymPy's solve_univariate_inequality, keyed in English and Russian, checked as a
student writes the answer; a condition that cannot be solved names the problem and the field."""

from __future__ import annotations

import pytest
import sympy as sp

from symnn import check_answer, render
from symnn.nn.vector_calculus import solve_condition
from symnn.problems.bank import BankError, Problem
from symnn.problems.schema import problem_errors
from symnn.problems.solve import question_options, solve

alpha = sp.Symbol("alpha", real=True)
HAGAN = ["abs(1 - 2*alpha) < 1", "abs(1 - 50*alpha) < 1"]


def oracle(texts: list[str]) -> sp.Set:
    """The intersection of each inequality's solutions, written here in SymPy directly."""
    sets = [sp.solve_univariate_inequality(sp.Abs(1 - c * alpha) < 1, alpha, relational=False) for c in (2, 50)]
    assert len(sets) == len(texts)
    return sp.Intersection(*sets)


@pytest.mark.parametrize("condition", [
    HAGAN,                                                  # a list: all hold
    " and ".join(HAGAN),                                    # joined by and in one text
])
def test_several_conditions_are_the_intersection_of_their_sets(condition):
    run = solve_condition(condition, "alpha")
    assert run.solution_set == oracle(HAGAN) == sp.Interval.open(0, sp.Rational(1, 25))
    assert [values for _, values in run.parts] == [sp.Interval.open(0, 1), sp.Interval.open(0, sp.Rational(1, 25))]
    assert sp.sstr(run.answer) == "0 < alpha < 1/25"


def test_conditions_that_leave_nothing_are_refused():
    with pytest.raises(ValueError, match="no a satisfies every condition"):
        solve_condition(["a > 1", "a < 0"], "a")


@pytest.mark.parametrize("lang, expected", [
    ("en", ["The values of α for which all these conditions hold",
            "   |1 - 2α| < 1: -1 < 1 - 2α < 1, that is, 0 < α < 1",
            "   |1 - 50α| < 1: -1 < 1 - 50α < 1, that is, 0 < α < 1/25",
            "All of them hold for α ∈ (0, 1) ∩ (0, 1/25) = (0, 1/25)",
            "Answer: 0 < α < 1/25"]),
    ("ru", ["Значения α, при которых выполнены все условия",
            "   |1 - 2α| < 1: -1 < 1 - 2α < 1, то есть 0 < α < 1",
            "   |1 - 50α| < 1: -1 < 1 - 50α < 1, то есть 0 < α < 1/25",
            "Все условия выполняются при α ∈ (0; 1) ∩ (0; 1/25) = (0; 1/25)",
            "Ответ: 0 < α < 1/25"]),
])
def test_the_key_solves_each_condition_then_intersects(lang, expected):
    printed = render(solve("hagan-stable-rate"), "text", lang=lang, detail="brief").splitlines()
    assert printed[1:6] == expected


def test_the_work_alone_says_the_condition_it_leaves():
    printed = render(solve("hagan-stable-rate").work, "text", lang="en").splitlines()
    assert printed[-1] == "All of them hold for α ∈ (0, 1) ∩ (0, 1/25) = (0, 1/25), that is, 0 < α < 1/25"


@pytest.mark.parametrize("typed, lang, correct", [
    ("0 < alpha < 0.04", "en", True),
    ("0 < α < 1/25", "en", True),
    ("alpha ∈ (0, 0.04)", "en", True),
    ("α ∈ (0; 0,04)", "ru", True),
    ("0 < alpha < 1", "en", False),              # the first condition alone
    ("0 <= alpha < 0.04", "en", False),          # 0 does not converge
    ("alpha < 0.04", "en", False),
])
def test_the_answer_is_checked_as_a_set(typed, lang, correct):
    solution = solve("hagan-stable-rate")
    verdict = check_answer(solution.answer, typed, lang=lang, **question_options(solution.problem))
    assert verdict.correct is correct


def test_the_published_bound_is_the_derived_one():
    solution = solve("hagan-stable-rate")
    assert check_answer(solution.answer, solution.problem.published).correct


def _problem(condition) -> Problem:
    data = {"condition": condition, "wrt": "alpha"}
    return Problem("stable-rate", "condition", "t", {"en": "…"}, data)


@pytest.mark.parametrize("condition, message", [
    ("abs(1 - 2*alpha) < 1 & abs(1 - 50*alpha) < 1", "unknown operator"),
    ("abs(1 - 2*alpha) < 1 or alpha > 5", "expected comparisons such as"),
    ("alpha + beta < 1", "alpha alone"),
])
def test_an_unsolvable_condition_names_the_problem_and_the_field(condition, message):
    with pytest.raises(BankError, match=rf"^problem stable-rate: condition: .*{message}") as error:
        solve(_problem(condition))
    assert "SymPy" not in str(error.value)


def test_a_list_of_conditions_holds_text_only():
    entry = {"id": "p", "kind": "condition", "statement": {"en": "…"}, "wrt": "a", "condition": ["a > 0", 1]}
    assert problem_errors(entry) == ["condition: an entry: expected text, got int"]


UNBOUNDED = Problem(id="unbounded", kind="condition", topic="t", data={"condition": ["x > 10", "x^2 > 4"], "wrt": "x"},
                    statement={"en": "For which x do both hold?", "ru": "При каких x выполнены оба условия?"})


@pytest.mark.parametrize("format, lang, expected", [
    # ∞, not SymPy's oo; the union in brackets inside the intersection; "или" in Russian, also in LaTeX
    ("text", "en", ["   x^2 > 4 holds for x < -2 or x > 2",
                    "All of them hold for x ∈ (10, ∞) ∩ ((-∞, -2) ∪ (2, ∞)) = (10, ∞)"]),
    ("text", "ru", ["   x^2 > 4 выполняется при x < -2 или x > 2",
                    "Все условия выполняются при x ∈ (10; ∞) ∩ ((-∞; -2) ∪ (2; ∞)) = (10; ∞)"]),
    ("latex", "ru", [r"{\leftskip=1.5em \noindent $x^{2} > 4$ выполняется при $x < -2\text{ или }x > 2$\par}",
                     r"{\noindent Все условия выполняются при $x \in {(10; \infty)} \cap {((-\infty; -2) \cup (2; \infty))} "
                     r"= {(10; \infty)}$\par}"]),
])
def test_unbounded_intervals_are_written_as_people_write_them(format, lang, expected):
    x = sp.Symbol("x", real=True)
    oracle = sp.Intersection(sp.solve_univariate_inequality(x > 10, x, relational=False),
                             sp.solve_univariate_inequality(x ** 2 > 4, x, relational=False))
    assert solve(UNBOUNDED).work.solution_set == oracle == sp.Interval.open(10, sp.oo)
    printed = render(solve(UNBOUNDED), format, lang=lang, detail="brief").splitlines()
    for line in expected:
        assert line in printed
