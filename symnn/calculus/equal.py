"""Deciding whether two derived expressions are the same function.

Used to hold every step to ``sympy.diff``: cheap structural checks first, then the
one comparison symnn has (``calculus.equivalence``, which also checks answers) in its
mode for derivations, and ``simplify`` of small differences only when the numbers
cannot decide (every point undefined). ``in_domain`` tells whether a point is inside
a function's real domain, with the same evaluator.

>>> import sympy as sp
>>> x = sp.Symbol("x")
>>> equal(sp.sin(x) ** 2 + sp.cos(x) ** 2, 1)
True
>>> equal(sp.Abs(x).diff(x), sp.sign(x))   # compared over the reals
True
>>> equal(x, x + 10 ** -12)
False
"""

from __future__ import annotations

import sympy as sp

from .equivalence import number_at, same_function

MAX_SIMPLIFY_OPS = 80   # beyond this size, undecided stays undecided (False)


def real_symbols(expr):
    """{x: real x} for every free symbol of expr that is not known to be real."""
    return {s: sp.Symbol(s.name, real=True) for s in expr.free_symbols if not s.is_real and s.is_commutative}


def realify(expr):
    """Make every free symbol real and drop the value-at-zero of Heaviside.

    Derivatives are compared as functions of real variables away from kinks,
    so H(x, 0) (our ReLU convention) and SymPy's H(x) count as the same.
    """
    expr = sp.sympify(expr, strict=True)
    expr = expr.xreplace(real_symbols(expr))
    return expr.replace(lambda e: isinstance(e, sp.Heaviside) and len(e.args) == 2,
                        lambda e: sp.Heaviside(e.args[0]))


def equal(a, b, seed=0, domain=None) -> bool:
    """True when a and b agree as real functions, decided by the comparison that also checks
    answers (``calculus.equivalence``), in its mode for two forms of a derivation.

    ``domain``: compare only where this expression (say, the function whose
    derivatives a and b are) is real; |√x|' is not compared at x < 0.
    """
    a, b = realify(a), realify(b)
    if a == b:
        return True
    difference = a - b
    if difference == 0:
        return True
    verdict = same_function(a, b, seed, derivation=True, domain=domain_checks(domain)).equal
    if verdict is not None:
        return verdict
    if sp.count_ops(difference) > MAX_SIMPLIFY_OPS:
        return False
    return sp.simplify(difference) == 0


# functions of real arguments only: |u|, max, min, H and sign are not compared where u is complex
REAL_ONLY = (sp.Abs, sp.Max, sp.Min, sp.Heaviside, sp.sign)


def domain_checks(domain) -> list:
    """The expressions that must be real at a point for it to be in the domain."""
    if domain is None:
        return []
    domain = realify(domain)
    return [domain, *(arg for f in domain.atoms(*REAL_ONLY) for arg in f.args)]


def in_domain(checks, point) -> bool:
    for check in checks:
        value = number_at(check, point)
        if value is None or value.imag:
            return False
    return True
