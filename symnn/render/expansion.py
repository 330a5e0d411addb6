"""What a rule turns a derivative into, with the derivatives still to be taken
left unevaluated: the middle of ``(f·g)' = f'·g + f·g' = ...``.

>>> import sympy as sp
>>> from symnn.calculus.differentiate import diff_steps
>>> x = sp.Symbol("x")
>>> from symnn.render.math import text_math
>>> text_math(expansion(diff_steps(x * sp.sin(x), x)), keep_order=True)
'd/dx(x)·sin(x) + x·d/dx(sin(x))'
"""

from __future__ import annotations

import sympy as sp

from ..calculus.steps import Step


def D(expr, var, order: int = 1) -> sp.Derivative:
    """The derivative, written but not taken."""
    return sp.Derivative(expr, (var, order), evaluate=False)


def _mul(*factors):
    return sp.Mul(*factors, evaluate=False)


def _constant_multiple(step):
    (inner,) = step.substeps
    return _mul(step.expr.as_independent(step.var, as_Add=False)[0], D(inner.expr, step.var))


def _sum(step):
    return sp.Add(*(D(sub.expr, step.var) for sub in step.substeps), evaluate=False)


def _product(step):
    factors = [sub.expr for sub in step.substeps]
    return sp.Add(*(_mul(*factors[:i], D(f, step.var), *factors[i + 1:])
                    for i, f in enumerate(factors)), evaluate=False)


def _quotient(step):
    f, g = (sub.expr for sub in step.substeps)
    top = sp.Add(_mul(D(f, step.var), g), _mul(-1, f, D(g, step.var)), evaluate=False)
    return _mul(top, sp.Pow(sp.Pow(g, 2, evaluate=False), -1, evaluate=False))


def _chain(step):
    outer, inner = step.substeps
    return _mul(D(outer.expr, outer.var), D(inner.expr, step.var))


def _log_differentiation(step):
    (inner,) = step.substeps
    return _mul(step.expr, D(inner.expr, step.var))


def _log_rules(step):
    (inner,) = step.substeps
    return D(inner.expr, step.var)


def _extremum(step):
    a, b = (sub.expr for sub in step.substeps)
    first, second = (a, b) if step.rule == "max" else (b, a)
    return sp.Add(_mul(sp.Heaviside(first - second), D(a, step.var)),
                  _mul(sp.Heaviside(second - first), D(b, step.var)), evaluate=False)


def _piecewise(step):
    return sp.Piecewise(*((D(piece, step.var), condition) for piece, condition in step.expr.args), evaluate=False)


EXPANSIONS = {
    "piecewise": _piecewise,
    "constant multiple": _constant_multiple,
    "log base": _constant_multiple,
    "sum": _sum,
    "product": _product,
    "quotient": _quotient,
    "chain": _chain,
    "log differentiation": _log_differentiation,
    "log rules": _log_rules,
    "max": _extremum,
    "min": _extremum,
}


def expansion(step: Step):
    """The rule's right-hand side before the inner derivatives are taken, or None."""
    build = EXPANSIONS.get(step.rule)
    return build(step) if build else None
