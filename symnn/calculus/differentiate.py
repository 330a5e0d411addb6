"""Derivatives as trees of Steps: one small rule per kind of expression.

Choosing a rule is a table keyed on the expression's head (``sp.Add``,
``sp.Mul``, ``sp.Pow``, ``sp.sin``, ...). A new rule is one function and one
entry. Anything without a rule gets a flagged "table" step computed by SymPy,
so no expression ever crashes a derivation.

>>> import sympy as sp
>>> x = sp.Symbol("x")
>>> step = diff_steps(sp.sin(x ** 2), x)
>>> step.rule, step.result
('chain', 2*x*cos(x**2))
>>> [sub.rule for sub in step.substeps]
['sin', 'power']
>>> step.introduces
((u1, x**2),)
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import sympy as sp
from sympy.core.function import AppliedUndef

from .expressions import as_expr, as_symbol
from .functions import sigmoid
from .steps import Step
from .tidy import tidy

# d/du f(u) for the functions every student learns, one line each
DERIVATIVES: dict[type, Callable[[sp.Expr], sp.Expr]] = {
    sp.exp: lambda u: sp.exp(u),
    sp.log: lambda u: 1 / u,
    sp.sin: lambda u: sp.cos(u),
    sp.cos: lambda u: -sp.sin(u),
    sp.tan: lambda u: 1 / sp.cos(u) ** 2,
    sp.cot: lambda u: -1 / sp.sin(u) ** 2,
    sp.sec: lambda u: sp.tan(u) * sp.sec(u),
    sp.csc: lambda u: -sp.cot(u) * sp.csc(u),
    sp.asin: lambda u: 1 / sp.sqrt(1 - u ** 2),
    sp.acos: lambda u: -1 / sp.sqrt(1 - u ** 2),
    sp.atan: lambda u: 1 / (1 + u ** 2),
    sp.acot: lambda u: -1 / (1 + u ** 2),
    sp.sinh: lambda u: sp.cosh(u),
    sp.cosh: lambda u: sp.sinh(u),
    sp.tanh: lambda u: 1 - sp.tanh(u) ** 2,
    sp.coth: lambda u: 1 - sp.coth(u) ** 2,
    sigmoid: lambda u: sigmoid(u) * (1 - sigmoid(u)),
    sp.Abs: lambda u: sp.sign(u),              # for real u != 0
    sp.Heaviside: lambda u: sp.DiracDelta(u),  # 0 for u != 0
}

# Each chain rule names its inner function u1, u2, ...; names are never reused.
SUBSTITUTION_PREFIX = "u"

MAX_ORDER = 20

# where a kink needs a convention: d/du max(0, u) at u = 0 is taken as 0
RELU_AT_ZERO = sp.S.Zero


def diff_steps(expr, var, order: int = 1) -> Step:
    """The derivation of ``d^order/d var^order (expr)`` as a tree of Steps.

    ``expr`` is a SymPy expression or text (read safely, never evaluated);
    ``var`` a Symbol or a name. Other symbols are constants, so this also gives
    partial derivatives. The root's ``result`` is the derivative in a readable
    final form; ``rewrites`` shows how that form was reached.
    """
    expr = as_expr(expr)
    var = as_symbol(var, expr)
    if not isinstance(order, int) or not 1 <= order <= MAX_ORDER:
        raise ValueError(f"the order of a derivative is an integer from 1 to {MAX_ORDER}, not {order!r}")
    names = _Names(expr)
    if order == 1:
        return _finish(derive(expr, var, names))
    levels, current = [], expr
    for _ in range(order):
        level = _finish(derive(current, var, names))
        levels.append(level)
        current = level.result
    return Step("higher order", expr, var, current, tuple(levels), order=order)


def derive(expr: sp.Expr, var: sp.Symbol, names: _Names) -> Step:
    """One step of a derivation (with its substeps), by the rule for expr's head."""
    if not expr.has(var):
        return Step("constant", expr, var, sp.S.Zero)
    if expr == var:
        return Step("variable", expr, var, sp.S.One)
    for head in type(expr).__mro__:
        if head in RULES:
            return RULES[head](expr, var, names)
    return table_rule(expr, var)


class _Names:
    """Fresh substitution symbols u1, u2, ... that clash with nothing in the expression."""

    def __init__(self, expr: sp.Expr):
        self.taken = {s.name for s in expr.free_symbols}
        self.count = 0

    def fresh(self) -> sp.Symbol:
        while True:
            self.count += 1
            name = f"{SUBSTITUTION_PREFIX}{self.count}"
            if name not in self.taken:
                self.taken.add(name)
                return sp.Symbol(name)


def _finish(step: Step) -> Step:
    """Attach the named simplifications that bring the result to its final form."""
    rewrites = tidy(step.result)
    if not rewrites:
        return step
    return dataclasses.replace(step, result=rewrites[-1].after, rewrites=rewrites)


# ---------------------------------------------------------------- the rules

def table_rule(expr, var):
    """No rule of ours applies: take SymPy's derivative and flag it."""
    return Step("table", expr, var, sp.diff(expr, var), flagged=True)


def unknown_function_rule(expr, var, names):
    """L(w1, w2, b), a function that is not given: its partial derivative stays ∂L/∂w1."""
    if not all(arg.is_Symbol for arg in expr.args):
        return table_rule(expr, var)     # L(g(x)) would need the chain rule through an unknown L'
    return Step("unknown function", expr, var, sp.Derivative(expr, var))


def sum_rule(expr, var, names):
    """(f + g)' = f' + g'"""
    terms = tuple(derive(term, var, names) for term in expr.as_ordered_terms())
    return Step("sum", expr, var, sp.Add(*(t.result for t in terms)), terms)


def mul_rule(expr, var, names):
    """c·f -> constant multiple; f/g -> quotient; f·g·h -> product."""
    constant, dependent = expr.as_independent(var, as_Add=False)
    if isinstance(dependent, sp.log) and sp.expand_log(expr) != expr:     # −ln(e^y₁/Σ) = ln Σ − y₁ at once
        return log_rules(expr, var, names)
    if constant != 1:
        inner = derive(dependent, var, names)
        rule = "log base" if _is_log_base(constant, dependent) else "constant multiple"
        return Step(rule, expr, var, constant * inner.result, (inner,))
    numerator, denominator = sp.fraction(dependent, exact=True)
    if denominator.has(var) and numerator != 1:
        return quotient_rule(expr, numerator, denominator, var, names)
    return product_rule(expr, var, names)


def log_rules(expr, var, names):
    """ln(a/b) = ln a − ln b, ln(ab) = ln a + ln b, ln eᵘ = u: a logarithm taken apart before it is
    differentiated, as a teacher does (only where a and b are positive, so that the rules hold)."""
    apart = sp.expand_log(expr)
    inner = derive(apart, var, names)
    return Step("log rules", expr, var, inner.result, (inner,))


def _is_log_base(constant, dependent):
    """log_a(u) = ln(u) / ln(a): SymPy writes it as a constant 1/ln(a) times ln(u)."""
    return (isinstance(dependent, sp.log) and constant.is_Pow and constant.exp == -1
            and isinstance(constant.base, sp.log))


def product_rule(expr, var, names):
    """(f·g·h)' = f'·g·h + f·g'·h + f·g·h'"""
    factors = expr.as_ordered_factors()
    parts = tuple(derive(f, var, names) for f in factors)
    terms = [part.result * sp.Mul(*factors[:i], *factors[i + 1:]) for i, part in enumerate(parts)]
    return Step("product", expr, var, sp.Add(*terms), parts)


def quotient_rule(expr, numerator, denominator, var, names):
    """(f/g)' = (f'·g − f·g') / g²"""
    top, bottom = derive(numerator, var, names), derive(denominator, var, names)
    result = (top.result * denominator - numerator * bottom.result) / denominator ** 2
    return Step("quotient", expr, var, result, (top, bottom))


def pow_rule(expr, var, names):
    """x^n -> power rule; a^x -> exponential; f(x)^g(x) -> logarithmic differentiation."""
    base, exponent = expr.base, expr.exp
    if not exponent.has(var):
        if base == var:
            return Step("power", expr, var, exponent * var ** (exponent - 1))
        return chain_rule(expr, base, lambda u: u ** exponent, var, names)
    if base.is_zero:
        return table_rule(expr, var)   # 0^u: no exponential rule (ln 0 is undefined)
    if not base.has(var):
        if exponent == var:
            return Step("exponential", expr, var, expr * sp.log(base))
        return chain_rule(expr, exponent, lambda u: base ** u, var, names)
    # y = f^g  =>  ln y = g·ln f  =>  y' = y·(g·ln f)'
    inner = derive(exponent * sp.log(base), var, names)
    return Step("log differentiation", expr, var, expr * inner.result, (inner,))


def function_rule(expr, var, names):
    """f(x) from the table of derivatives; f(g(x)) by the chain rule."""
    argument, rest = expr.args[0], expr.args[1:]
    if any(r.has(var) for r in rest):
        return table_rule(expr, var)
    if argument == var:
        rule = type(expr).__name__.lower()
        return Step(rule, expr, var, DERIVATIVES[expr.func](var))
    if isinstance(expr, sp.log) and not rest and sp.expand_log(expr) != expr:
        return log_rules(expr, var, names)
    return chain_rule(expr, argument, lambda u: expr.func(u, *rest), var, names)


def chain_rule(expr, inner, outer, var, names):
    """d/dx f(g(x)) = f'(u)·g'(x) with u = g(x)."""
    u = names.fresh()
    outer_step = derive(outer(u), u, names)
    inner_step = derive(inner, var, names)
    result = outer_step.result.xreplace({u: inner}) * inner_step.result
    return Step("chain", expr, var, result, (outer_step, inner_step), introduces=((u, inner),))


def extremum_rule(expr, var, names):
    """ReLU: max(0, u)' = H(u), taken as 0 at u = 0; max(a, b)' follows the larger argument."""
    if len(expr.args) != 2:
        return table_rule(expr, var)
    a, b = expr.args
    if isinstance(expr, sp.Max) and sp.S.Zero in (a, b):
        u = b if a == 0 else a
        if u == var:
            return Step("relu", expr, var, sp.Heaviside(var, RELU_AT_ZERO))
        return chain_rule(expr, u, lambda v: sp.Max(0, v), var, names)
    first, second = derive(a, var, names), derive(b, var, names)
    if isinstance(expr, sp.Min):
        a, b = b, a
    # H(a - b) is 1 where a is the larger (smaller, for min); ties split evenly
    result = sp.Heaviside(a - b) * first.result + sp.Heaviside(b - a) * second.result
    return Step(type(expr).__name__.lower(), expr, var, result, (first, second))


def piecewise_rule(expr, var, names):
    """(f if c else g)' = (f' if c else g'): each piece on its own interval."""
    pieces = tuple(derive(piece, var, names) for piece, _ in expr.args)
    result = sp.Piecewise(*((step.result, condition) for step, (_, condition) in zip(pieces, expr.args)))
    return Step("piecewise", expr, var, result, pieces)


RULES = {
    AppliedUndef: unknown_function_rule,
    sp.Add: sum_rule,
    sp.Piecewise: piecewise_rule,
    sp.Mul: mul_rule,
    sp.Pow: pow_rule,
    sp.Max: extremum_rule,
    sp.Min: extremum_rule,
    **{function: function_rule for function in DERIVATIVES},
}
