"""The checker on random expressions (hypothesis): a provably different answer never
passes, and the reference typed back as text is accepted (or, where it is real
almost nowhere, "cannot decide" -- never a wrong verdict).
"""

import random

import sympy as sp
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from symnn import check_answer
from symnn.calculus.random_exprs import X, random_expression

expressions = st.builds(lambda seed, depth: random_expression(random.Random(seed), depth),
                        st.integers(0, 2 ** 32), st.integers(1, 3))
# a nonzero amount, from 1/10 down to 10^-40
amounts = st.builds(lambda k, sign: sign * sp.Rational(1, 10 ** k), st.integers(1, 40), st.sampled_from([1, -1]))
PERTURBATIONS = {
    "plus a constant": lambda f, c: f + c,
    "times 1 + c": lambda f, c: f * (1 + c),
    "plus c·x": lambda f, c: f + c * X,
    "shifted argument": lambda f, c: f.subs(X, X + c),
}
SETTINGS = settings(max_examples=int(__import__("os").environ.get("SYMNN_EXAMPLES", 60)), deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _same_on_a_grid(f, g) -> bool:
    """An independent look: f and g at 2001 points of [-10, 10] in 50-digit arithmetic, exactly
    where SymPy can; equal wherever both are real means the perturbation changed nothing."""
    agree = 0
    for k in range(-1000, 1001):
        point = {X: sp.Rational(k, 100) + sp.Rational(1, 7919)}
        a, b = (sp.N(e.xreplace(point), 50) for e in (f, g))
        if not (a.is_real and b.is_real and a.is_finite and b.is_finite):
            continue
        if abs(a - b) > sp.Float(10) ** -45 * (1 + abs(a)):
            return False
        agree += 1
    return agree > 0


@SETTINGS
@given(expressions, amounts, st.sampled_from(sorted(PERTURBATIONS)))
def test_a_perturbed_answer_never_passes(f, c, how):
    answer = PERTURBATIONS[how](f, c)
    verdict = check_answer(f, sp.sstr(answer), timeout=10)
    if verdict.correct:        # a false pass, unless the perturbation changed nothing (Max(4/3, σ(x)) is 4/3)
        assert sp.simplify(answer - f) == 0 or _same_on_a_grid(f, answer), (f, how, c, verdict.feedback)


@SETTINGS
@given(expressions)
def test_the_reference_typed_back_is_accepted(f):
    verdict = check_answer(f, sp.sstr(f), timeout=10)
    assert verdict.correct or verdict.decided_by == "undecided", (f, verdict.feedback)
