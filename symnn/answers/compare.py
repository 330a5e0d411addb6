"""Is the answer equal to the reference? An ordered list of named checks.

Each check returns True (equal), False (different) or None (cannot tell);
the first that decides names the verdict. Numbers follow the tolerance of
the question; formulas are compared structurally, then by simplification,
then at random points.

>>> import sympy as sp
>>> compare_scalar(sp.Rational(1, 3), sp.Float("0.333"), CheckOptions(), 3)
(True, 'numeric')
>>> compare_scalar(sp.Float("0.72163"), sp.Float("0.72"), CheckOptions(decimals=4), 2)
(False, 'numeric')
"""

from __future__ import annotations

import re

import sympy as sp

from ..calculus.equal import equal, realify
from ..calculus.functions import sigmoid
from .options import CheckOptions

MAX_SIMPLIFY_OPS = 150


def normalize(expr, options: CheckOptions):
    """Real symbols; x1 -> x_1 when ``index_names``."""
    expr = realify(expr)
    if options.index_names:
        renames = {s: sp.Symbol(f"{m[1]}_{m[2]}", real=True)
                   for s in expr.free_symbols if (m := re.fullmatch(r"([A-Za-z])(\d+)", s.name))}
        expr = expr.xreplace(renames)
    return expr


def identical(ref, ans, options, typed):
    return True if ref == ans else None


def numeric(ref, ans, options, typed):
    """Numbers: exact against exact, else the question's tolerance (or correct rounding)."""
    if not (ref.is_number and ans.is_number):
        return None
    if not ans.is_finite:
        return False
    exact = not ans.has(sp.Float)
    if exact and not ref.has(sp.Float) and not any(
            getattr(options, name) is not None for name in ("absolute", "relative", "decimals", "sigfigs")):
        return equal(ref, ans)
    r, a = sp.N(ref, 30), sp.N(ans, 30)
    if not (r.is_real and a.is_real):
        return equal(ref, ans)
    if options.absolute is not None:
        return abs(a - r) <= options.absolute
    if options.relative is not None:
        return abs(a - r) <= options.relative * abs(r)
    if options.decimals is not None:
        return (typed is None or typed >= options.decimals) and round_to(a, options.decimals) == round_to(r, options.decimals)
    if options.sigfigs is not None:
        return significant(typed, a) >= options.sigfigs and round_sig(a, options.sigfigs) == round_sig(r, options.sigfigs)
    if typed is None:
        return abs(a - r) <= sp.Float("1e-12") * (1 + abs(r))
    if not ref.has(sp.Float) and sp.Rational(f"{float(a):.{typed}f}") == ref:
        return True   # a decimal that is the exact value: 0,5 for 1/2
    return round_to(r, typed) == round_to(a, typed) and significant(typed, a) >= options.min_sigfigs


def symbolic(ref, ans, options, typed):
    """The difference simplifies to 0 (σ and friends written with exponentials)."""
    difference = (ref - ans).rewrite(sp.exp)
    if sp.count_ops(difference) > MAX_SIMPLIFY_OPS:
        return None
    return True if sp.simplify(difference) == 0 else None


def random_points(ref, ans, options, typed):
    """Agreement at random real points (the last word)."""
    return equal(ref, ans)


CHECKS = (("identical", identical), ("numeric", numeric), ("symbolic", symbolic),
          ("random points", random_points))


def compare_scalar(ref, ans, options: CheckOptions, typed=None):
    """(equal?, name of the check that decided)."""
    ref, ans = normalize(ref, options), normalize(ans, options)
    for name, check in CHECKS:
        verdict = check(ref, ans, options, typed)
        if verdict is not None:
            return bool(verdict), name
    return False, "random points"


def round_to(value, places: int):
    return sp.Float(round(sp.Rational(str(sp.N(value, 30))), places), 30)


def significant(typed, value) -> int:
    """Significant figures of a typed decimal: 0.0720 has 3."""
    if typed is None:
        return 99
    digits = f"{abs(float(value)):.{typed}f}".replace(".", "").lstrip("0")
    return len(digits)


def round_sig(value, figures: int):
    value = sp.N(value, 30)
    if value == 0:
        return value
    exponent = int(sp.floor(sp.log(abs(value), 10)))
    return round_to(value, figures - 1 - exponent)


def form_ok(ans, form: str | None) -> bool:
    """Form checks, when the question asks for one."""
    if form is None:
        return True
    if form == "factored":
        return sp.factor(ans) == ans or not ans.is_Add
    if form == "simplified":
        return sp.count_ops(ans) <= sp.count_ops(sp.simplify(ans.rewrite(sp.exp).rewrite(sigmoid)))
    raise ValueError(f"unknown form {form!r}; use simplified or factored")
