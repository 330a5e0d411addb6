"""Is the answer the same real function as the reference? Exact first, then sampling
that is hard to fool.

1. **Exact.** The difference d = reference − answer is tested exactly where that
   is decidable: a number (rationals exactly, others by SymPy's adaptive
   evaluation, which finds e^(−40) ≠ 0), or a rational function (cancelled to 0
   or not: x + 10^(−16) ≠ x).
2. **Sampling.** Points at several scales (10^(−3) … 10^3, both signs) with
   random irrational coordinates, so sin(1000πx) does not vanish on them; plus
   the breakpoints of every |u|, sign, H, max, min and piecewise part of either
   side, with points just left and right of each and between neighbours. A
   point where one side is real and the other is not decides "different"
   (a domain mismatch), never a skipped point. Values come from mpmath
   (``calculus.evaluate``), so e^(1000x) does not overflow; a disagreement
   is confirmed by SymPy's adaptive evaluation of d at the exact point, and every
   agreeing point is evaluated again with three times the digits (a difference
   there goes to SymPy's exact evaluation), so a difference of 10^(−45) is not
   lost to rounding, and a right answer costs no slow exact evaluation.
3. Too few points that could be evaluated: "cannot decide", never "equal".

>>> import sympy as sp
>>> x = sp.Symbol("x", real=True)
>>> same_function(2 * x, 2 * x + sp.sin(1000 * sp.pi * x)).equal
False
>>> same_function(sp.sqrt(sp.Abs(x)), sp.sqrt(x)).check
'domain'
>>> same_function(sp.Max(0, x), sp.Min(sp.Max(0, x), 6)).equal
False
"""

from __future__ import annotations

import random
from dataclasses import dataclass

import mpmath
import sympy as sp

from .evaluate import Undefined, Unknowable, value
from .functions import sigmoid

DIGITS = 40              # working precision of the sampling
ENOUGH_POINTS = 8        # agreeing real points needed to call two formulas equal
CONFIRMATION_DIGITS = 3 * DIGITS     # every agreeing point is looked at again with these digits
SCAN = sorted({s * m * 10.0 ** k for s in (1, -1) for k in range(-3, 7) for m in (1, 1.5, 2, 3, 5, 7)}
              | {t / 4 for t in range(-40, 41)})     # where a breakpoint is looked for, per variable
SWITCHES = (sp.Abs, sp.sign, sp.Heaviside)


@dataclass(frozen=True)
class Decision:
    equal: bool | None       # None: cannot decide
    check: str               # what decided: identical, exact, random points, domain, ...
    point: dict | None = None    # where they differ, when a point decided


def samenumber_at(ref: sp.Expr, ans: sp.Expr) -> Decision:
    """Two exact numbers (complex allowed): equal, different, or cannot tell."""
    zero = is_zero(sp.expand(ref - ans))
    return Decision(zero, "exact" if zero is not None else "undecided")


def is_zero(d: sp.Expr) -> bool | None:
    """Exact zero test of a number: rationals exactly, others by adaptive evaluation."""
    d = without_sigmoid(d)
    if d.is_Rational:
        return d == 0
    if d.is_zero is not None:
        return bool(d.is_zero)
    try:
        return d.evalf(30, strict=True, maxn=300) == 0
    except (sp.core.evalf.PrecisionExhausted, ValueError, TypeError, ArithmeticError):
        pass
    try:
        return True if sp.simplify(d) == 0 else None
    except (ValueError, TypeError, ArithmeticError, RecursionError):
        return None


def without_sigmoid(expr: sp.Expr) -> sp.Expr:
    """σ(u) written as 1/(1 + e^(−u)), so that SymPy's own evaluation and simplification see it."""
    return expr.replace(lambda e: isinstance(e, sigmoid), lambda e: 1 / (1 + sp.exp(-e.args[0])))


def same_function(ref: sp.Expr, ans: sp.Expr, seed: int = 0, derivation: bool = False, domain=()) -> Decision:
    """Are ref and ans the same real function? ``derivation``: two forms of a derivative the
    toolkit derived (not written to fool anyone), compared where both are real and inside
    ``domain`` (expressions that must be real, such as the function differentiated), at a few
    points of moderate size (see ``_derived``)."""
    if ref == ans:
        return Decision(True, "identical")
    d = ref - ans
    if d == 0:
        return Decision(True, "identical")
    symbols = sorted(d.free_symbols | ref.free_symbols | ans.free_symbols, key=str)
    if not symbols:
        return samenumber_at(ref, ans)
    if d.is_number:                       # a constant difference: x + 10^-16 against x
        zero = is_zero(d)
        if zero is not None:
            return Decision(zero, "exact")
    if d.is_rational_function(*symbols) and not d.has(sp.Float) and _modest_powers(d):
        return Decision(sp.cancel(sp.together(d)) == 0, "exact")
    if derivation:
        return _derived(ref, ans, symbols, random.Random(seed), domain)
    return _sampled(ref, ans, symbols, random.Random(seed))


def _modest_powers(d) -> bool:
    """Cancelling is exact but costs with the degree: x^(10^1000) goes to sampling instead."""
    return all(abs(p.exp) <= 1000 for p in d.atoms(sp.Pow) if p.exp.is_Rational)


# -- sampling

def _random_coordinate(rng, scale: int) -> sp.Expr:
    """±(m + √2/10^9)·10^scale with a random 20-digit m in [1, 10): irrational, so no grid."""
    m = sp.Rational(rng.randrange(10 ** 19, 10 ** 20), 10 ** 19) + sp.sqrt(2) / 10 ** 9
    return rng.choice((1, -1)) * m * sp.Integer(10) ** scale


def _random_points(symbols, rng, expressions=()):
    """Unit points, points with every coordinate at its own scale, tiny and large points, and
    points at the scale of every large or small constant the expressions hold (a clip at 10^6)."""
    patterns = [(-1, 0)] * 12 + [(-3, 3)] * 12 + [(-3, -2)] * 4 + [(1, 2)] * 4
    constants = {abs(n) for e in expressions for n in e.atoms(sp.Rational) if n != 0}
    scales = sorted({int(sp.floor(sp.log(c, 10))) for c in constants if c > 1000 or c < sp.Rational(1, 1000)})
    patterns += [(k, k) for k in scales[:6] for _ in range(3)]
    return [{s: _random_coordinate(rng, rng.randint(*scales)) for s in symbols} for scales in patterns]


def _switches(expr):
    """The expressions whose sign switches a piece: the u of |u|, sign u, H(u); a − b of max, min;
    lhs − rhs of a piecewise condition."""
    found = [f.args[0] for f in expr.atoms(*SWITCHES)]
    for f in expr.atoms(sp.Max, sp.Min):
        found += [a - b for i, a in enumerate(f.args) for b in f.args[i + 1:]]
    for f in expr.atoms(sp.Piecewise):
        for _, condition in f.args:
            found += [r.lhs - r.rhs for r in condition.atoms(sp.core.relational.Relational)]
    return [g for g in found if g.free_symbols]


def _breakpoint_points(expressions, symbols, rng):
    """Points just left and right of every breakpoint, and between neighbouring ones, found
    along each variable from a random base point."""
    base = {s: _random_coordinate(rng, -1) for s in symbols}
    points = []
    for var in symbols:
        roots = set()
        for g in {g for e in expressions for g in _switches(e) if var in g.free_symbols}:
            roots |= _roots_along(g, var, base)
        ordered = sorted(roots)
        offsets = [r + s * mpmath.mpf(10) ** -k * (1 + abs(r)) for r in ordered for s in (1, -1) for k in (7, 3)]
        offsets += [(a + b) / 2 for a, b in zip(ordered, ordered[1:])]
        # exact coordinates (the binary value of each offset), so that an exact difference there is exact
        points += [{**base, var: sp.Rational(sp.Float(t, DIGITS))} for t in offsets[:60]]
    return points


def _roots_along(g, var, base) -> set:
    """Where g changes sign as ``var`` moves with the others at ``base``: exactly for a
    polynomial, else by a scan from 10^(−3) to 10^7 and bisection."""
    point = {s: _mp(v) for s, v in base.items()}
    along = g.xreplace({s: v for s, v in base.items() if s != var})
    if along.is_polynomial(var) and sp.degree(along, var) <= 8:
        try:
            return {mpmath.mpf(str(sp.re(r))) for r in sp.Poly(along, var).nroots(n=DIGITS) if abs(sp.im(r)) < 1e-20}
        except (sp.PolynomialError, mpmath.libmp.libhyper.NoConvergence, ValueError, TypeError):
            pass

    def at(t):
        try:
            return mpmath.re(value(g, {**point, var: mpmath.mpf(t)}, DIGITS))
        except (Undefined, Unknowable):
            return None
    roots = set()
    previous = None
    for t in SCAN:
        v = at(t)
        if v == 0:
            roots.add(mpmath.mpf(t))
        elif v is not None and previous is not None and previous[1] != 0 and (v > 0) != (previous[1] > 0):
            low, high = mpmath.mpf(previous[0]), mpmath.mpf(t)
            for _ in range(80):
                middle = (low + high) / 2
                vm = at(middle)
                if vm is None:
                    break
                if (vm > 0) == (v > 0):
                    high = middle
                else:
                    low = middle
            roots.add((low + high) / 2)
        previous = (t, v) if v is not None else previous
    return roots


def _mp(x):
    return value(x, {}, DIGITS) if isinstance(x, sp.Basic) else x


def _at(expr, point, digits: int = DIGITS):
    """(kind, number): kind is 'real', 'complex', 'undefined' or 'unknown'."""
    try:
        v = value(expr, point, digits)
    except Undefined:
        return "undefined", None
    except (Unknowable, RecursionError):
        return "unknown", None
    if not mpmath.isfinite(v):
        return "undefined", None
    if isinstance(v, mpmath.mpc):
        if abs(v.imag) > mpmath.mpf(10) ** (12 - digits) * (1 + abs(v.real)):
            return "complex", v
        v = v.real
    return "real", v


def _close(a, b, digits: int) -> bool:
    return abs(a - b) <= mpmath.mpf(10) ** -digits * max(1, abs(a), abs(b))


def _exact_difference(d, point) -> bool | None:
    """True when d is certainly nonzero at the exact point, False when it is zero there
    (or too close to zero to tell), None when it cannot be evaluated."""
    try:
        exact = without_sigmoid(d.xreplace(point))
        return exact.evalf(30, strict=True, maxn=200) != 0
    except sp.core.evalf.PrecisionExhausted:
        return False
    except (ValueError, TypeError, ArithmeticError, RecursionError):
        return None


def _sampled(ref, ans, symbols, rng) -> Decision:
    d = ref - ans
    floats = d.has(sp.Float)      # a decimal typed by the teacher: equal to 12 digits, not exactly
    agreeing = []
    for point in _breakpoint_points((ref, ans), symbols, rng) + _random_points(symbols, rng, (ref, ans)):
        numbers = {s: _mp(v) for s, v in point.items()}
        (kind_r, vr), (kind_a, va) = _at(ref, numbers), _at(ans, numbers)
        if "unknown" in (kind_r, kind_a) or (kind_r != "real" and kind_a != "real"):
            continue                  # nothing to compare here (both outside the real domain)
        if kind_r != kind_a:
            return Decision(False, "domain", point)
        if _close(vr, va, 12 if floats else DIGITS - 12):
            agreeing.append(point)
            continue
        if not floats and not any(_closer_look(ref, ans, [point])):
            agreeing.append(point)     # digits lost to cancellation at 40: equal at 120, no slow exact test
            continue
        exact = None if floats else _exact_difference(d, point)
        if floats or exact:
            return Decision(False, "random points", point)
        if exact is False:
            agreeing.append(point)     # rounding at 40 digits: the exact difference is 0
    if len(agreeing) < ENOUGH_POINTS:
        return Decision(None, "undecided")
    if not floats:
        for point in _closer_look(ref, ans, agreeing):
            if _exact_difference(d, point):
                return Decision(False, "random points", point)
    return Decision(True, "random points")


def _closer_look(ref, ans, agreeing):
    """The agreeing points where the two sides differ at three times the working precision (a
    difference of 10^(−45) that 40 digits lose): each to be confirmed by SymPy's exact evaluation,
    which is slow where the difference is 0 (it raises its precision until it gives up), so a right
    answer is never sent there."""
    digits = CONFIRMATION_DIGITS
    for point in agreeing:
        numbers = {s: value(v, {}, digits) for s, v in point.items()}
        (kind_r, vr), (kind_a, va) = _at(ref, numbers, digits), _at(ans, numbers, digits)
        if kind_r != "real" or kind_a != "real" or not _close(vr, va, digits - 12):
            yield point


# -- two forms of a derivative

DERIVED_POINTS = 6       # agreeing real points that decide for a derivation
DERIVED_ATTEMPTS = 40    # points tried to find them
DERIVED_DIGITS = 30
DERIVED_TOLERANCE = mpmath.mpf("1e-15")    # relative, at 30 digits


def _derived(ref, ans, symbols, rng, domain) -> Decision:
    """Points of moderate size, ±(0.15 … 0.85) and ±(1.2 … 3.5) in turn, away from 0, ±1 and other
    kinks; where a form is real nowhere, complex values are compared. A disagreement is
    confirmed at three times the precision (two forms can lose different digits to cancellation,
    1 − σ(10²⁵)); too few points is "cannot decide"."""
    real, complex_pairs = [], []
    for attempt in range(DERIVED_ATTEMPTS):
        if len(real) >= DERIVED_POINTS or (attempt >= DERIVED_POINTS * 2 and not real and complex_pairs):
            break
        low, high = ((150, 850), (1200, 3500))[attempt % 2]
        point = {s: mpmath.mpf(rng.randint(low, high) * rng.choice((1, -1))) / 1000 for s in symbols}
        values = [number_at(e, point, DERIVED_DIGITS) for e in (ref, ans)]
        if None in values:
            continue
        inside = all(number_at(check, point, DERIVED_DIGITS) is not None and
                     not mpmath.im(number_at(check, point, DERIVED_DIGITS)) for check in domain)
        if not mpmath.im(values[0]) and not mpmath.im(values[1]) and inside:
            real.append((values, point))
        else:
            complex_pairs.append((values, point))
    for pairs in (real, complex_pairs):
        if pairs:
            same = all(_near(a, b) or _near(*(number_at(e, point, 3 * DERIVED_DIGITS) or 0 for e in (ref, ans)))
                       for (a, b), point in pairs)
            return Decision(same, "random points")
    return Decision(None, "undecided")


def number_at(expr, point, digits: int = DERIVED_DIGITS):
    """expr at the point (symbol -> number) as an mpmath number, or None where it is undefined,
    unknowable or infinite."""
    point = {s: mpmath.mpf(v._mpf_) if isinstance(v, sp.Float) else v for s, v in point.items()}
    try:
        v = value(expr, point, digits)
    except (Undefined, Unknowable, RecursionError, OverflowError):
        return None
    return v if mpmath.isfinite(v) else None


def _near(a, b) -> bool:
    return abs(a - b) <= DERIVED_TOLERANCE * (1 + abs(a) + abs(b))
