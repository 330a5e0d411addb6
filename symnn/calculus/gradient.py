"""Gradients: one derivation per partial derivative, and the value at a point.

Values are exact (1/3 stays 1/3, so 4.3 gives -162, not -162.0); decimals are
shown beside them.

>>> g = gradient_steps("5x^3 + 3/y^2 + sin(z)", "x, y, z", at="x=2, y=1/3, z=0")
>>> g.vector
(15*x**2, -6/y**3, cos(z))
>>> g.values
(60, -162, 1)
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy as sp

from .differentiate import diff_steps
from .display import RichDisplay
from .expressions import as_expr, as_symbol
from .parse import ParseError, parse_point, parse_symbols
from .steps import Step

DIGITS = 15   # significant digits of the decimals shown beside exact values


@dataclass(frozen=True)
class Gradient(RichDisplay):
    """∇expr over ``variables``: the derivations and, given a point, the value there."""

    expr: sp.Expr
    variables: tuple[sp.Symbol, ...]
    partials: tuple[Step, ...]
    point: tuple[tuple[sp.Symbol, sp.Expr], ...] = ()
    constants: tuple[tuple[sp.Symbol, sp.Expr], ...] = ()    # other symbols given with the point (data, λ)

    @property
    def vector(self) -> tuple[sp.Expr, ...]:
        return tuple(step.result for step in self.partials)

    @property
    def values(self) -> tuple[sp.Expr, ...] | None:
        """The gradient at the point, exactly; None when no point was given."""
        if not self.point:
            return None
        return tuple(exact_value(component, {**dict(self.constants), **dict(self.point)}) for component in self.vector)


@dataclass(frozen=True)
class ValueAt(RichDisplay):
    """A derivation and the value of its result at a point."""

    work: Step
    point: tuple[tuple[sp.Symbol, sp.Expr], ...]

    @property
    def value(self) -> sp.Expr:
        return exact_value(self.work.result, dict(self.point))


def value_at(step: Step, at) -> ValueAt:
    """``step`` evaluated at ``at`` (a mapping, or text like ``"x=2"``)."""
    variables = tuple(sorted(step.expr.free_symbols | {step.var}, key=lambda s: s.name))
    return ValueAt(step, _point(step.expr, variables, at, require_all=False))


def exact_value(expr: sp.Expr, point: dict) -> sp.Expr:
    """expr at the point, in exact arithmetic (sp.nan where it is undefined)."""
    try:
        value = expr.xreplace(point)
        value = value.doit() if value.has(sp.Derivative) else value
    except (ValueError, TypeError):   # e.g. max of a complex number: outside the real domain
        return sp.nan
    if value.has(sp.zoo, sp.oo, -sp.oo, sp.nan):
        return sp.nan
    return value


def gradient_steps(expr, variables=None, at=None) -> Gradient:
    """The gradient of ``expr`` with respect to ``variables``, optionally at a point.

    ``variables`` is a sequence of symbols or names, or text like ``"x, y"``
    (default: every free symbol, by name). ``at`` is a mapping from variables
    (or names) to values, a sequence of values in the order of ``variables``,
    or text like ``"x=2, y=1/3"``.
    """
    expr = as_expr(expr)
    variables = _variables(expr, variables)
    point = _point(expr, variables, at)
    partials = tuple(diff_steps(expr, var) for var in variables)
    return Gradient(expr, variables, partials, point, _constants(expr, variables, at))


def _constants(expr, variables, at) -> tuple:
    """The values ``at`` gives to symbols of ``expr`` that are not ``variables`` (x = 2, λ = 0.1 of a
    loss in w and b); a name the formula does not have is an error, not a value silently dropped."""
    if at is None or not isinstance(at, (str, dict)):
        return ()
    given = parse_point(at) if isinstance(at, str) else at
    names = {s.name: s for s in expr.free_symbols}
    unknown = [str(name) for name in given if str(name) not in names]
    if unknown:
        raise ParseError(f"the point gives a value for {', '.join(unknown)}, which the formula does not have")
    return tuple((names[str(name)], exact_number(value)) for name, value in given.items()
                 if names[str(name)] not in variables)


def _variables(expr, variables):
    if variables is None:
        return tuple(sorted(expr.free_symbols, key=lambda s: s.name))
    if isinstance(variables, str):
        variables = parse_symbols(variables)
    return tuple(as_symbol(var, expr) for var in variables)


def _point(expr, variables, at, require_all=True):
    if at is None:
        return ()
    if isinstance(at, str):
        at = parse_point(at)
    if not isinstance(at, dict):
        values = list(at)
        if len(values) != len(variables):
            raise ParseError(f"the point has {len(values)} coordinates for {len(variables)} variables")
        at = dict(zip(variables, values))
    point = {as_symbol(var, expr): exact_number(value) for var, value in at.items()}
    missing = [v.name for v in variables if v not in point]
    if missing and require_all:
        raise ParseError(f"the point gives no value for {', '.join(missing)}")
    return tuple((var, point[var]) for var in variables if var in point)


def exact_number(value):
    """A number given as text, int, float or SymPy object, exactly (0.5 -> 1/2)."""
    if isinstance(value, float):
        return sp.Rational(repr(value))   # 0.5 -> 1/2; pass 1/3 as text or Rational
    value = as_expr(value)
    if not value.is_number:
        raise ParseError(f"a coordinate of the point is not a number: {value}")
    return value
