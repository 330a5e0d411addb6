"""Named simplifications that turn a rule's raw result into what a teacher writes.

Each rewrite is kept only when it makes the expression shorter, so the reader
sees every change (``cancel``, ``factor``, ``rewrite with σ``) instead of one
opaque ``simplify``.

>>> import sympy as sp
>>> x = sp.Symbol("x")
>>> [(r.rule, r.after) for r in tidy(sp.exp(-x) / (1 + sp.exp(-x)) ** 2)]
[('sigmoid', (1 - sigmoid(x))*sigmoid(x))]
"""

from __future__ import annotations

import dataclasses

import sympy as sp

from .functions import sigmoid
from .steps import Rewrite

MAX_OPS = 400   # larger results are left as the rules built them


def to_sigmoid(expr):
    """e^(−a) = (1 − σ(a))/σ(a) and e^a = σ(a)/(1 − σ(a)): exponentials as sigmoids."""
    powers = expr.atoms(sp.exp)
    arguments = {-e.args[0] if e.args[0].could_extract_minus_sign() else e.args[0] for e in powers}
    if len(arguments) != 1:          # σ is e^a of one argument a (or −a); softmax's e^{y₁}, e^{y₂} are not sigmoids
        return expr
    sigmas = {e: _exp_as_sigmoid(e.args[0]) for e in powers}
    rewritten = sp.factor(sp.cancel(expr.xreplace(sigmas)))
    if rewritten.has(sp.exp):
        return expr
    return prefer_one_minus(rewritten)


def _exp_as_sigmoid(a):
    if a.could_extract_minus_sign():
        return (1 - sigmoid(-a)) / sigmoid(-a)
    return sigmoid(a) / (1 - sigmoid(a))


def prefer_one_minus(expr):
    """−σ·(σ − 1) -> σ·(1 − σ): move a leading minus sign into a sum factor."""
    coefficient, rest = expr.as_coeff_Mul()
    if coefficient >= 0 or not rest.is_Mul:
        return expr
    factors = list(rest.args)
    # a sum that reads better negated first: −b(y − a)(a + y) is b(a − y)(a + y), not b(y − a)(−a − y)
    for i, factor in sorted(enumerate(factors), key=lambda pair: not pair[1].could_extract_minus_sign()):
        if factor.is_Add:
            factors[i] = sp.expand(-factor)
            return sp.Mul(-coefficient, *factors)
    return expr


def sign_to_abs(expr):
    """u·sign(u) = |u|: write signs of real u as |u|/u, so that they cancel."""
    return expr.replace(lambda e: isinstance(e, sp.sign) and e.args[0].is_real is True,
                        lambda e: sp.Abs(e.args[0]) / e.args[0])


def combine_fractions(expr):
    """a/b + c/d = (ad + cb)/(bd), cancelled; only for sums that hold fractions. The common denominator is
    a product of the factors as the fractions wrote them: (1 − y)/(1 − p) − y/p = (p − y)/(p(1 − p)),
    not (y − p)/(p² − p)."""
    terms = sp.Add.make_args(expr)
    if len(terms) < 2 or all(sp.fraction(term, exact=True)[1] == 1 for term in terms):
        return expr
    numerator, denominator = sp.fraction(sp.cancel(expr))
    written = {factor for term in terms for factor in sp.Mul.make_args(sp.fraction(term, exact=True)[1])}
    written |= {factor.base for factor in written if factor.is_Pow}
    factors, sign = [], 1
    for factor in sp.Mul.make_args(sp.factor(denominator)):
        base, power = factor.as_base_exp()
        if base.is_Add and base not in written and sp.expand(-base) in written:
            base, sign = sp.expand(-base), sign * (-1) ** power     # p − 1 as the fraction wrote it, 1 − p
        factors.append(base ** power)
    return sp.expand(sign * numerator) / sp.Mul(*factors)


def expand_numerator(expr):
    """(2x(x − 1) − x² − 1)/(x − 1)² = (x² − 2x − 1)/(x − 1)²"""
    numerator, denominator = sp.fraction(expr, exact=True)
    if denominator == 1 or not numerator.is_Add:
        return expr
    return sp.expand(numerator) / denominator


def common_factor(expr):
    """a·b + a·c = a·(b + c), without expanding anything; only where there is a sum to take a factor out of
    (αe^{−αx}/(1 + e^{−αx})² is not turned into αe^{αx}/(1 + e^{αx})²)."""
    if not any(factor.is_Add for factor in sp.Mul.make_args(sp.fraction(expr, exact=True)[0])):
        return expr
    return sp.gcd_terms(expr)


# (rule, transformation, may it keep the length?), tried in this order
REWRITES = (
    ("sigmoid", to_sigmoid, False),
    ("absolute value", sign_to_abs, False),
    ("expand", sp.expand, False),
    ("combine fractions", combine_fractions, False),
    ("expand numerator", expand_numerator, False),
    ("common factor", common_factor, True),
)


def tidy(expr, skip=()) -> tuple[Rewrite, ...]:
    """The rewrites, in order, that make ``expr`` read better; empty when it is tidy. ``skip``: rules not to use."""
    rewrites = []
    if sp.count_ops(expr) > MAX_OPS:
        return ()
    for rule, transform, same_length_ok in REWRITES:
        if rule in skip:
            continue
        try:
            after = transform(expr)
        except (ValueError, TypeError):     # SymPy refusing a form, e.g. Max(4, ln x) at x = 0: leave it
            continue
        before_ops, after_ops = sp.count_ops(expr), sp.count_ops(after)
        if after != expr and (after_ops < before_ops or same_length_ok and after_ops == before_ops):
            rewrites.append(Rewrite(rule, expr, after))
            expr = after
    return tuple(rewrites)


# the rewrites that bring in a function of their own: the function, and how a statement writes or names it
BRINGS_IN = {"sigmoid": (sigmoid, (r"\sigma", "σ", "sigmoid", "logistic"))}


def in_statement_terms(step, statement: str):
    """``step`` without the rewrites that bring in a function its statement does not use: the tanh written with
    exponentials, (e^{2x} − 1)/(e^{2x} + 1), is differentiated to 4e^{2x}/(e^{2x} + 1)², not to 4σ(2x)(1 − σ(2x)).
    A result that is the function once, times what does not hold it, is that function recognised and is kept,
    as ``symnn diff`` writes it: the softplus ln(1 + eˣ) has the derivative eˣ/(1 + eˣ) = σ(x).

    >>> from symnn.calculus.differentiate import diff_steps
    >>> in_statement_terms(diff_steps("log(1 + exp(x))", "x"), "Find the derivative.").result
    sigmoid(x)
    >>> in_statement_terms(diff_steps("(exp(2*x) - 1)/(exp(2*x) + 1)", "x"), "Find the derivative.").result
    4*exp(2*x)/(exp(2*x) + 1)**2
    """
    lowered = statement.lower()
    unused = tuple(rule for rule, (function, spellings) in BRINGS_IN.items()
                   if not any(written in lowered for written in spellings) and any(r.rule == rule for r in step.rewrites)
                   and sum(isinstance(e, function) for e in sp.preorder_traversal(step.result)) != 1)
    if not unused:
        return step
    rewrites = tidy(step.raw, skip=(*unused, "expand"))     # the quotient's numerator expanded, not its denominator
    return dataclasses.replace(step, result=rewrites[-1].after if rewrites else step.raw, rewrites=rewrites)
