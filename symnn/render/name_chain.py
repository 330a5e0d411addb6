"""The chain of a derivative through a name its statement defines, where the plain chain would hide the name's
derivative.

For L = −(y ln p + (1 − y) ln(1 − p)) with p = σ(z) the rule tree cancels 1/p against σ′(z) = p(1 − p) inside one
chain rule, and the key would jump to −y(1 − p) + (1 − y)p. A teacher writes the chain through p instead:

    ∂L/∂z = ∂L/∂p · ∂p/∂z = (−y/p + (1 − y)/(1 − p)) · p(1 − p) = −y(1 − p) + (1 − y)p = p − y

Each line is one rule: the chain rule through the name; the derivative by the name and the name's own
derivative; the factor multiplied into each term; the result simplified.
"""

from __future__ import annotations

import sympy as sp

from ..calculus.differentiate import diff_steps
from .chains import chain


def _derivative_of_name(definition, name, var):
    """∂p/∂z written through p (σ′(z) = σ(z)(1 − σ(z)) as p(1 − p)), with the rules it takes."""
    step = diff_steps(definition, var)
    return sp.factor_terms(step.result.subs(definition, name)), step


def _rules(step) -> list[str]:
    return [rule for _, rules in chain(step) for rule in rules if not rule.startswith("rewrite.")]


def shows(rows, shape) -> bool:
    """True when a term of a row has every factor of ``shape`` (the name's derivative, p(1 − p) or x₁y(1 − y))."""
    wanted = [f for f in sp.Mul.make_args(shape) if not f.is_number]
    return any(all(f in sp.Mul.make_args(term) for f in wanted)
               for expr, _ in rows for term in sp.Add.make_args(expr))


def through_name(step, defined, function: str):
    """The rows (expression, rules) of the chain of ``step`` through the statement's one defined name, or None:
    none unless the function is written through exactly one name of the variable and its chain would not show
    that name's derivative."""
    var = step.var
    uses = [(definition, name) for definition, name in defined
            if step.expr.has(definition) and var in definition.free_symbols]
    if len(uses) != 1 or step.order != 1:
        return None
    (definition, name), = uses
    outer = step.expr.subs(definition, name)
    if var in outer.free_symbols:                 # the variable also outside the name: not one chain
        return None
    inner, inner_step = _derivative_of_name(definition, name, var)
    if shows([(expr.subs(definition, name), rules) for expr, rules in chain(step)], inner):
        return None                               # the plain chain already shows ∂y/∂w₁ = x₁y(1 − y)
    by_name = sp.factor_terms(sp.diff(outer, name))
    outer_step = diff_steps(outer, name)
    L = sp.Function(function)(name)
    p = sp.Function(name.name)(var)
    product = sp.Mul(by_name, *sp.Mul.make_args(inner), evaluate=False)
    multiplied = sp.Add(*[_cancelled(term, inner) for term in sp.Add.make_args(by_name)])
    rows = [(sp.Mul(sp.Derivative(L, name), sp.Derivative(p, var), evaluate=False), ["chain"]),
            (product, [rule for rule in _unique(_rules(outer_step) + _rules(inner_step)) if rule != "chain"]),
            (multiplied, ["rewrite.cancel"])]
    result = sp.factor_terms(step.result.subs(definition, name))
    if result != multiplied:
        rows.append((result, ["rewrite.expand"]))
    return rows


def derivative_chain(step, defined=(), function=None):
    """The rows of a derivative's brief chain: through the statement's name where that shows a step the plain
    chain (``chains.chain``) folds, else the plain chain."""
    return function and through_name(step, defined, function) or chain(step)


def _cancelled(term, factor):
    """``term`` times ``factor`` with the factors common to the term's denominator and ``factor`` cancelled:
    (1 − y)/(1 − p) · p(1 − p) is p(1 − y), not the expanded p − py."""
    numerator, denominator = sp.fraction(term)
    left = list(sp.Mul.make_args(factor))
    sign = 1
    for part in sp.Mul.make_args(denominator):
        if part in left:
            left.remove(part)
        elif -part in left:
            left.remove(-part)
            sign = -sign
        else:
            return sp.factor_terms(sp.cancel(term * factor))
    return sign * numerator * sp.Mul(*left)


def _unique(rules):
    seen = []
    for rule in rules:
        if rule not in seen and rule not in ("constant", "variable", "sum", "constant multiple"):
            seen.append(rule)
    return seen
