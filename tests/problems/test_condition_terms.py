"""A condition on quantities the statement defines (``given`` and ``define``): the key works out each
defined name (formula, numbers, value) and each side of the condition that uses them before it solves
the condition; numbers come from a hand-written NumPy computation, not from symnn."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp

from symnn import render
from symnn.nn.condition_terms import solve_defined_condition
from symnn.problems.bank import BankError, Problem
from symnn.problems.schema import problem_errors
from symnn.problems.solve import solve

# minibatch-stop by hand: the mean of the two gradients, the step, its length
GRADIENTS, START, ETA = np.array([[1, 3], [5, 5]]), np.array([1, 1]), 0.1
G = GRADIENTS.mean(axis=0)
W = START - ETA * G
LENGTH = float(np.linalg.norm(W - START))


def _n(x: float, lang: str) -> str:
    """A short decimal as the key writes it: 3, 0.7 (0,7 in Russian)."""
    text = f"{x:g}"
    return text.replace(".", ",") if lang == "ru" else text


def _t(items, lang: str) -> str:
    return "(" + ("; " if lang == "ru" else ", ").join(items) + ")"


@pytest.mark.parametrize("lang, title", [
    ("en", "The values of ε for which ‖w_t - w_(t-1)‖ < ε"),
    ("ru", "Значения ε, при которых ‖w_t - w_(t-1)‖ < ε"),
])
def test_the_key_works_out_each_defined_quantity_before_the_condition(lang, title):
    printed = render(solve("minibatch-stop"), "text", lang=lang, detail="brief").splitlines()
    sums = [f"({a} + {b})/{len(GRADIENTS)}" for a, b in GRADIENTS.T]
    steps = [f"{_n(s, lang)} - {_n(ETA, lang)}·{_n(g, lang)}" for s, g in zip(START, G)]
    squares = " + ".join(f"({_n(w, lang)} - {s})^2" for w, s in zip(W, START))
    assert printed[1:8] == [
        title,
        # g_t: the formula with the vectors' letters, then entry by entry, then the vector
        f"   g_t = (∇L_1 + ∇L_2)/m = {_t(sums, lang)} = {_t([_n(g, lang) for g in G], lang)}",
        f"   w_t = w_(t-1) - η·g_t = {_t(steps, lang)} = {_t([_n(w, lang) for w in W], lang)}",
        # the side of the condition: a length, as the root of a sum of squares
        f"   ‖w_t - w_(t-1)‖ = √({squares}) = {_n(LENGTH, lang)}",
        f"   {_n(LENGTH, lang)} < ε",                           # the condition on ε alone
        ("Answer: ε > 0.5" if lang == "en" else "Ответ: ε > 0,5"),
        # the note says only what the key does not: why the length is η‖g_t‖
        ("Note. Since w_t - w_(t-1) = -ηg_t, the length of a step is η‖g_t‖: " if lang == "en" else
         "Примечание. Так как w_t - w_(t-1) = -ηg_t, длина шага равна η‖g_t‖: ") + printed[7].split(": ", 1)[1],
    ]
    assert "(3" not in printed[7] and "0,7" not in printed[7] and "0.7" not in printed[7]    # no number restated


def test_the_latex_key_writes_the_norm_and_the_gradients_as_the_statement_does():
    text = render(solve("minibatch-stop"), "latex", lang="ru", detail="brief")
    assert r"g_{t} &= \frac{\nabla L_{1} + \nabla L_{2}}{m} = \left( \frac{1 + 5}{2}; \  \frac{3 + 5}{2}\right)" in text
    assert r"\left\|w_{t} - w_{t-1}\right\| &= \sqrt{(0{,}7 - 1)^{2} + (0{,}6 - 1)^{2}} = 0{,}5" in text


def test_a_scalar_definition_and_a_side_with_the_variable():
    # c = a·b = 12 by hand; the side c·x keeps x, so it is put in, not worked on a line of its own
    run = solve_defined_condition("c*x > 6", "x", {"a": 3, "b": 4}, ["c = a*b"])
    assert run.solution_set == sp.Interval.open(sp.Rational(6, 3 * 4), sp.oo)
    assert [sp.sstr(row.name) for row in run.work if row.formula is not None] == ["c"]
    assert sp.sstr(run.numeric[0]) == "12*x > 6"


@pytest.mark.parametrize("condition, define, message", [
    ("v < x", ["v = 2*u"], "v is a vector: compare its norm"),
    ("norm(u) < x", ["v = 2*w"], "v: w not given"),
])
def test_a_condition_that_cannot_be_worked_out_is_refused(condition, define, message):
    with pytest.raises(ValueError, match=message):
        solve_defined_condition(condition, "x", {"u": [3, 4]}, define)


def test_the_bank_names_the_problem_and_refuses_a_malformed_definition():
    data = {"condition": "norm(v) < x", "wrt": "x", "given": {"u": [3, 4]}, "define": ["v = 2*w"]}
    problem = Problem("stop", "condition", "t", {"en": "…", "ru": "…"}, data)
    with pytest.raises(BankError, match="problem stop: condition: v: w not given"):
        solve(problem)
    assert problem_errors({"id": "stop", "kind": "condition", "condition": "x > 1", "wrt": "x",
                           "define": ["2 v"], "statement": {"en": "…", "ru": "…"}})


@pytest.mark.parametrize("lang, expected", [
    # v = 2u by hand: (6, 8), ‖v‖ = 10; then each condition on x alone
    ("en", ["The values of x for which all these conditions hold", "   v = 2u = (2·3, 2·4) = (6, 8)",
            "   ‖v‖ = √(6^2 + 8^2) = 10", "   10 < x holds for x > 10"]),
    ("ru", ["Значения x, при которых выполнены все условия", "   v = 2u = (2·3; 2·4) = (6; 8)",
            "   ‖v‖ = √(6^2 + 8^2) = 10", "   10 < x выполняется при x > 10"]),
])
def test_several_conditions_on_defined_quantities(lang, expected):
    u = np.array([3, 4])
    assert float(np.linalg.norm(2 * u)) == 10 and list(2 * u) == [6, 8]
    data = {"condition": ["norm(v) < x", "x < c"], "wrt": "x", "given": {"u": list(map(int, u)), "c": 17},
            "define": ["v = 2*u"]}
    printed = render(solve(Problem("t", "condition", "t", {"en": "…", "ru": "…"}, data)), "text", lang=lang,
                     detail="brief").splitlines()
    assert printed[1:5] == expected and printed[-1].endswith("10 < x < 17")


def test_the_json_key_carries_the_worked_quantities():
    import json
    work = json.loads(render(solve("minibatch-stop"), "json"))["work"]
    assert [(q["name"]["sympy"], q["value"]["sympy"]) for q in work["quantities"]] == [
        ("g_t", f"({G[0]:g}, {G[1]:g})"), ("w_t", "(7/10, 3/5)"), ("‖-w_prev + w_t‖", "1/2")]
    assert (7 / 10, 3 / 5) == tuple(round(x, 12) for x in W) and LENGTH == 0.5      # NumPy's step and its length
