"""A condition on quantities the statement defines: each name worked out (formula, numbers, value) first.

``given`` holds the statement's data (numbers, or vectors as lists) and ``define`` the quantities made
of them, in order ("g_t = (grad_1 + grad_2)/m"); the condition may use every name and ``norm(v)``, the
Euclidean length. Vectors are worked entry by entry; the condition becomes one on the variable alone.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import sympy as sp
from sympy.core.function import AppliedUndef

from ..calculus.gradient import exact_number
from ..calculus.parse import parse_expr_safe, parse_symbols


class Norm(sp.Expr):
    """‖v‖, the Euclidean length of a vector."""

    def _latex(self, printer):
        return r"\left\|%s\right\|" % printer._print(self.args[0])

    def _sympystr(self, printer):
        return f"‖{printer._print(self.args[0])}‖"


@dataclass(frozen=True)
class Worked:
    """One quantity of the key: its name (or the side of the condition itself), its formula, its value."""

    name: sp.Basic
    formula: sp.Basic | None            # None for the statement's data
    value: sp.Basic                     # a number, or a Tuple of numbers for a vector


def unfolded(expr, values: dict, evaluate: bool = False):
    """``expr`` with each name replaced by its value; a vector-valued formula becomes the Tuple of its
    entries, ‖u‖ becomes √(u₁² + u₂² + …). Unevaluated (the numbers as put in) unless ``evaluate``."""
    if expr in values:
        return values[expr]
    if isinstance(expr, Norm):
        inner = unfolded(expr.args[0], values, evaluate)
        entries = tuple(inner) if isinstance(inner, sp.Tuple) else (sp.Abs(inner, evaluate=evaluate),)
        return sp.sqrt(sp.Add(*(sp.Pow(e, 2, evaluate=evaluate) for e in entries), evaluate=evaluate),
                       evaluate=evaluate)
    if not expr.args:
        return expr
    args = [unfolded(arg, values, evaluate) for arg in expr.args]
    sizes = {len(arg) for arg in args if isinstance(arg, sp.Tuple)}
    if not sizes:
        return expr.func(*args, evaluate=evaluate)
    if len(sizes) > 1 or isinstance(expr, sp.Pow) or not isinstance(expr, (sp.Add, sp.Mul)):
        raise ValueError(f"cannot work out {expr} on vectors (sums, multiples and norm() only)")
    return sp.Tuple(*(expr.func(*(arg[k] if isinstance(arg, sp.Tuple) else arg for arg in args), evaluate=evaluate)
                      for k in range(sizes.pop())))


def _formula(text: str, known) -> sp.Basic:
    expr = parse_expr_safe(text, functions=("norm",), symbols=tuple(map(str, known)))
    return expr.replace(lambda e: isinstance(e, AppliedUndef) and e.func.__name__ == "norm", lambda e: Norm(*e.args))


def _given(value):
    return sp.Tuple(*(exact_number(v) for v in value)) if isinstance(value, (list, tuple)) else exact_number(value)


def work_out(given: dict, define) -> dict:
    """The values of the given names and of each defined one in order: {symbol: value}, and the rows of the key."""
    values = {sp.Symbol(name, real=True): _given(value) for name, value in given.items()}
    rows = [Worked(symbol, None, value) for symbol, value in values.items()]          # the data, not shown again
    for text in define:
        name, _, right = text.partition("=")
        (symbol,) = parse_symbols(name.strip())
        formula = _formula(right, tuple(values))
        if not formula.free_symbols <= set(values):
            raise ValueError(f"{symbol}: {', '.join(sorted(map(str, formula.free_symbols - set(values))))} not given")
        values[symbol] = unfolded(formula, values, evaluate=True)
        rows.append(Worked(symbol, formula, values[symbol]))
    return values, rows


def solve_defined_condition(condition, var, given: dict, define=()):
    """The condition with the names of ``given`` and ``define`` worked out: each defined name and each side
    of the condition that uses names (formula, numbers, value), then the values of ``var`` for which it holds."""
    from .vector_calculus import solve_condition
    values, rows = work_out(given, define)
    (a,) = parse_symbols(var) if isinstance(var, str) else (var,)
    with sp.evaluate(False):
        relations = [_formula(text, (*values, a)) for text in (condition if isinstance(condition, list) else [condition])]
    numeric = []
    for relation in relations:
        sides = []
        for side in (relation.lhs, relation.rhs):
            if side.free_symbols & set(values):
                value = unfolded(side, values, evaluate=True)
                if isinstance(value, sp.Tuple):
                    raise ValueError(f"{side} is a vector: compare its norm")
                if side not in values and not value.free_symbols:      # a number: worked out on a line of its own
                    rows.append(Worked(side, side, value))
                side = value
            sides.append(side)
        numeric.append(relation.func(*sides))
    run = solve_condition(numeric, a)
    return replace(run, work=tuple(rows), written=tuple(relations), numeric=tuple(numeric))
