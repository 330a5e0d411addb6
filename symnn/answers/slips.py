"""Common slips: a wrong answer that is the right value with one slip made, and the hint that names it.

A slip is found by making it on the key and comparing the answer with the result, exactly or, for a decimal,
as a correct rounding of it (the answer would be right were the slipped value the key):

- a base-10 logarithm for the natural one: every ln a of the key as lg a = ln a / ln 10;
- a square root left out: the key's square, where the key has a square root (the MSE for the RMSE);
- a factor of 2: twice or half the key, whatever the problem (``feedback.factor_of_two`` names the ½ or
  the power rule where the problem has one);
- a mean's 1/n left out: n times the key, n the number of examples the loss is the mean over; on a vector,
  every component n times its own (a sum of gradients over the samples for their mean).
"""

from __future__ import annotations

import sympy as sp

from ..calculus.equal import equal
from ..calculus.expressions import as_expr
from .compare import compare_scalar


def slipped(target, ans, typed, options, scale=None) -> bool:
    """The answer is ``target`` (the right value with a slip made: −ref, 2·ref): exactly, or, for a decimal,
    as a correct rounding of it, as the answer would be right were ``target`` the value (−0.3276 for −0.32755…).
    ``scale``: the target is the key times it, and the slip may have been made on the key rounded to the places
    typed (0.043 = 2 · 0.0215 for 2 · 0.021470): the key's rounding, ½ unit of the last place, grows to |scale|/2
    units, and the answer's own rounding adds ½; so from two significant figures of the target on."""
    if equal(ans, target):
        return True
    if not (ans.is_number and target.is_number):
        return False
    if compare_scalar(target, ans, options, typed)[0]:
        return True
    if scale is None or typed is None or not typed > 0:
        return False
    unit = sp.Rational(10) ** -typed
    return bool(10 * unit <= abs(target) and abs(sp.N(ans - target, 30)) <= (abs(scale) + 1) * unit / 2)


def decimal_log(ref, ans, typed, options):
    """lg for ln: the key with each natural logarithm ln a as lg a = ln a / ln 10 (0.0939 for 0.2162 = −½ ln 0.9 − …)."""
    logs = ref.atoms(sp.log) if isinstance(ref, sp.Basic) else set()
    if not logs:
        return None
    target = ref.xreplace({log: log / sp.log(10) for log in logs})
    return ("check.log10", {}) if target != ref and slipped(target, ans, typed, options) else None


def missing_root(ref, ans, typed, options):
    """The key's square, where the key is a square root or has one (the MSE 0.0467 for the RMSE √0.0467 ≈ 0.216)."""
    if not isinstance(ref, sp.Expr) or not any(p.exp.is_Rational and p.exp.q == 2 for p in ref.atoms(sp.Pow)):
        return None
    square = sp.expand(ref ** 2)
    return ("check.missing root", {}) if not equal(square, ref) and slipped(square, ans, typed, options) else None


def known_slip(ref, ans, typed, options):
    """A slip the problem's own work names (``options.slips``): the answer is that value, exactly or as its rounding
    ((1 − a)⁴ = 0.0625 where (g⁵)′ = (1 − a)⁵ is asked) — checked before a factor of 2 that may happen to match too."""
    for key, value, values in options.slips:
        target = as_expr(value)            # a value of the key (an expression, or its text where options travel as text)
        if not equal(target, ref) and slipped(target, ans, typed, options):
            return key, dict(values)
    return None


def doubled(ref, ans, typed, options):
    """Twice or half the key (0.0107 for 0.0215), where ``feedback.factor_of_two`` found no ½ or power to name;
    for a decimal typed or a key of no short fraction only: 4 for a weight 2 is as likely any other wrong number."""
    if ref == 0 or not _decimal(ref, typed):
        return None
    for target, key in ((2 * ref, "check.twice"), (ref / 2, "check.half")):
        if slipped(target, ans, typed, options, target / ref):
            return key, {}
    return None


def _decimal(ref, typed) -> bool:
    """A decimal typed, or a key that is a number but no fraction (an answer to it is a rounding)."""
    return typed is not None or bool(ref.is_number and not ref.is_Rational)


def examples(options) -> int:
    """The number of examples the problem's loss is the mean over (its examples' losses L_i), else 0."""
    return sum(1 for _, _, *what in options.quantities if what and what[0][0] == "label.example loss")


def missing_mean(ref, ans, typed, options):
    """n times the key, n the number of examples of a mean loss: a sum over the examples where the loss, and so
    its derivative, is their mean (a derivative of the mean loss without its 1/n)."""
    n = examples(options)
    if n > 1 and ref != 0 and slipped(n * ref, ans, typed, options, n):
        return "check.missing mean", {"n": n}
    return None


def vector_multiple(ref: tuple, got: tuple, decimals: tuple, options):
    """Every component of the answer the same multiple m ≠ 1 of the key's (some component not 0): with m the number
    of examples of a mean loss, its 1/n left out (hinge-gradient: (0, 1, −1, 1) for (0, ¼, −¼, ¼)); with m = 2 or ½,
    a factor of 2; None otherwise. Each component is compared as a number is, a decimal as a rounding."""
    n = examples(options)
    for factor, key in (((n, "check.vector missing mean"),) if n > 1 else ()) + \
            ((2, "check.vector twice"), (sp.Rational(1, 2), "check.vector half")):
        if factor != n and not any(_decimal(r, d) for r, d in zip(ref, decimals)):
            continue
        if any(r != 0 for r in ref) and all(slipped(factor * r, a, d, options, factor) for r, a, d in zip(ref, got, decimals)):
            return key, {"n": n}
    return None
