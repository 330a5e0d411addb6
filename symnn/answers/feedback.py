"""Why a wrong answer is wrong: named diagnoses, tried in order.

Each diagnosis looks at a wrong scalar answer and returns a phrase key with
its values, or None. They know the question when the options carry it
(the function, its variables, the variable asked for, the point).
"""

from __future__ import annotations

import itertools

import sympy as sp

from ..calculus.equal import equal
from ..calculus.expressions import as_expr, as_symbol
from .compare import normalize, round_to


def not_finite(ref, ans, typed, options):
    if ans.is_number and ans.is_finite is False or ans.has(sp.nan, sp.zoo):
        return "check.not finite", {}
    return None


def complex_part(ref, ans, typed, options):
    if ans.is_number and ref.is_number and ref.is_real and ans.is_real is False:
        return "check.complex", {}
    return None


def sign(ref, ans, typed, options):
    if ref != 0 and equal(ans, -ref):
        return "check.sign", {}
    return None


def factor_of_two(ref, ans, typed, options):
    if ref != 0 and (equal(ans, 2 * ref) or equal(ans, ref / 2)):
        return "check.factor of two", {}
    return None


def coarse_rounding(ref, ans, typed, options):
    if typed is None or not (ref.is_number and ans.is_number):
        return None
    if round_to(ref, typed) == round_to(ans, typed):
        places = options.decimals or max(typed + 1, 2)
        return "check.coarse rounding", {"places": places}
    return "check.rounding", {}


def base_ten_log(ref, ans, typed, options):
    natural = ans.subs(sp.log(10), 1)
    if natural != ans and equal(natural, ref):
        return "check.log10", {}
    return None


def _question(options):
    """(f, its variables, the variable asked for or None), named as the answers are (x1 as x_1)."""
    if options.function is None:
        return None
    raw = as_expr(options.function)
    variables = [as_symbol(v, raw) for v in options.variables] or sorted(raw.free_symbols, key=str)
    wrt = None if options.wrt is None else normalize(as_symbol(options.wrt, raw), options)
    return normalize(raw, options), [normalize(v, options) for v in variables], wrt


def wrong_variable(ref, ans, typed, options):
    question = _question(options)
    if question is None or question[2] is None or options.point:
        return None
    function, variables, wrt = question
    for var in variables:
        if var != wrt and equal(ans, sp.diff(function, var)):
            return "check.wrong variable", {"var": var}
    return None


def missing_chain_factor(ref, ans, typed, options):
    """The answer is the outer derivative alone: ans · g'(x) = reference (or the inner factor's sign lost too)."""
    question = _question(options)
    if question is None or question[2] is None or options.point:
        return None
    from ..calculus.differentiate import diff_steps
    function, _, wrt = question
    for chain in (s for s in diff_steps(function, wrt).walk() if s.rule == "chain"):
        inner = chain.substeps[1].result
        for factor in (inner, -inner):
            if inner not in (0, 1, -1) and equal(ans * factor, ref):
                return "check.missing chain factor", {"factor": factor}
    return None


def not_substituted(ref, ans, typed, options):
    if ref.is_number and not ans.is_number and options.point:
        return "check.not substituted", {}
    return None


DIAGNOSES = (not_finite, complex_part, not_substituted, sign, factor_of_two, coarse_rounding, base_ten_log,
             wrong_variable, missing_chain_factor)


def diagnose(ref, ans, typed, options):
    """The first diagnosis that explains a wrong scalar answer, or None."""
    ref, ans = normalize(ref, options), normalize(ans, options)
    for diagnosis in DIAGNOSES:
        found = diagnosis(ref, ans, typed, options)
        if found:
            return found
    return None


def wrong_point(reference, answer, options):
    """A gradient evaluated at the coordinates in another order."""
    question = _question(options)
    if question is None or not options.point or len(options.point) < 2:
        return None
    function, variables, _ = question
    raw = as_expr(options.function)
    names = [normalize(as_symbol(v, raw), options) for v, _ in options.point]
    values = [as_expr(c) for _, c in options.point]
    gradient = [sp.diff(function, v) for v in variables]
    for order in itertools.permutations(values):
        if list(order) == values:
            continue
        at = dict(zip(names, order))
        candidate = [g.xreplace(at) for g in gradient]
        if not any(c.has(sp.zoo, sp.nan) for c in candidate) and \
                all(equal(c, normalize(a, options)) for c, a in zip(candidate, answer)):
            return "check.wrong point", {}
    return None
