"""Deciding whether two derived expressions are the same function.

Used to hold every step to ``sympy.diff``: cheap structural checks first, then
evaluation at random real points, and ``simplify`` of small differences only
when the numbers cannot decide (every point undefined).

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

import random

import mpmath
import sympy as sp

ENOUGH_POINTS = 6      # agreeing real points that decide
MAX_ATTEMPTS = 40      # points tried to find them
MAX_SIMPLIFY_OPS = 80   # beyond this size, undecided stays undecided (False)
TOLERANCE = mpmath.mpf("1e-15")   # relative, on values computed with 30 digits
PRECISION = 30
LARGEST = sp.Float("1e40")   # evaluation stops beyond this size (see _bounded)


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
    """True when a and b agree as real functions (up to rounding at 30 digits).

    ``domain``: compare only where this expression (say, the function whose
    derivatives a and b are) is real; |√x|' is not compared at x < 0.
    """
    a, b = realify(a), realify(b)
    if a == b:
        return True
    difference = a - b
    if difference == 0:
        return True
    verdict = _numeric_verdict(a, b, random.Random(seed), domain_checks(domain))
    if verdict is not None:
        return verdict
    if sp.count_ops(difference) > MAX_SIMPLIFY_OPS:
        return False
    return sp.simplify(difference) == 0


def _numeric_verdict(a, b, rng, domain=()):
    """Compare at random points; None when no point gives two finite numbers.

    Derivatives are compared where they are real (as a course on real functions
    does); only if they are real nowhere are complex values compared.
    """
    symbols = set().union(a.free_symbols, b.free_symbols, *(c.free_symbols for c in domain))
    symbols = sorted(symbols, key=lambda s: s.name)
    real, complex_pairs = [], []
    for attempt in range(MAX_ATTEMPTS):
        if len(real) >= ENOUGH_POINTS or (attempt >= ENOUGH_POINTS * 2 and not real and complex_pairs):
            break
        point = {s: _random_number(rng, attempt) for s in symbols}
        va, vb = number_at(a, point), number_at(b, point)
        if va is None or vb is None:
            continue
        if not va.imag and not vb.imag and in_domain(domain, point):
            real.append((va, vb, point))
        else:
            complex_pairs.append((va, vb, point))
    for pairs in (real, complex_pairs):
        if pairs:
            return all(_close(va, vb) or _close_with_more_digits(a, b, point) for va, vb, point in pairs)
    return None


def _close(va, vb) -> bool:
    return abs(va - vb) <= TOLERANCE * (1 + abs(va) + abs(vb))


def _close_with_more_digits(a, b, point) -> bool:
    """Two forms can lose different digits to cancellation (1 − σ(10²⁵) at 30 digits):
    a disagreement is confirmed at three times the precision before it counts."""
    digits = 3 * PRECISION
    point = {s: sp.Float(v, digits) for s, v in point.items()}
    va, vb = number_at(a, point, digits), number_at(b, point, digits)
    return va is not None and vb is not None and _close(va, vb)


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


def _random_number(rng, attempt):
    """A float in ±(0.15, 0.85) or ±(1.2, 3.5), in turn: away from 0, ±1 and other kinks.

    Floats, not rationals: x^(x^2) at an exact 3217/1000 makes SymPy factor huge integers.
    """
    low, high = ((150, 850), (1200, 3500))[attempt % 2]
    return sp.Float(rng.randint(low, high) * rng.choice((1, -1)), PRECISION) / 1000


def number_at(expr, point, digits: int = PRECISION):
    """expr at the point as a complex number, or None where it is undefined or overflows."""
    try:
        value = _bounded(expr, point, digits)
        if value is None or value.free_symbols or value.has(sp.zoo, sp.nan, sp.oo, -sp.oo):
            return None
        real, imag = (sp.Float(part, digits) for part in value.as_real_imag())
        bits = mpmath.libmp.dps_to_prec(digits)
        number = mpmath.mpc(real._to_mpmath(bits), imag._to_mpmath(bits))
        return number if mpmath.isfinite(number) else None
    except (TypeError, ValueError, ZeroDivisionError, ArithmeticError, RecursionError):
        return None


def _bounded(expr, point, digits: int = PRECISION):
    """Evaluate from the leaves up, each function seeing plain numbers (so H(σ(0.3) − 0.5)
    is decided), and give up (None) once a value passes LARGEST: cos(e^(e^(e^3))) would
    need thousands of digits of π."""
    if expr in point:
        return point[expr]
    if not expr.args:
        return sp.N(expr, digits) if isinstance(expr, sp.Expr) and expr.is_number else expr
    args = []
    for arg in expr.args:
        value = _bounded(arg, point, digits)
        if value is None:
            return None
        args.append(value)
    value = expr.func(*args)
    if isinstance(value, sp.Expr):   # conditions of a piecewise, tuples... are rebuilt as they are
        value = sp.N(value, digits)
        if value.is_number and abs(value) > LARGEST:
            return None
    return value
