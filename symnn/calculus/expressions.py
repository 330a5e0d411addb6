"""Accepting expressions and variables as SymPy objects or as text."""

from __future__ import annotations

import sympy as sp

from .parse import ParseError, parse_expr_safe, parse_symbols


def as_expr(expr) -> sp.Expr:
    """A SymPy expression from an expression, a number, or text (parsed safely)."""
    if isinstance(expr, str):
        return parse_expr_safe(expr)
    if isinstance(expr, bool):
        raise TypeError("expected an expression, got a bool")
    if isinstance(expr, int):
        return sp.Integer(expr)
    if isinstance(expr, float):
        return sp.Float(expr)
    if isinstance(expr, sp.Basic):
        return expr
    raise TypeError(f"expected an expression or text, got {type(expr).__name__}")


def as_symbol(var, expr: sp.Expr) -> sp.Symbol:
    """The symbol of ``expr`` named like ``var`` (so x and real x are not two variables)."""
    name = var.name if isinstance(var, sp.Symbol) else var
    if not isinstance(name, str):
        raise TypeError(f"expected a variable or its name, got {type(var).__name__}")
    for symbol in expr.free_symbols:
        if symbol.name == name:
            return symbol
    if isinstance(var, sp.Symbol):
        return var
    (symbol,) = parse_symbols(name)
    return symbol


def simplified_as_written(expr: sp.Expr) -> sp.Expr:
    """``expr`` simplified, unless that brings functions of new arguments (t·sin t·cos t as sin(2t)/2, a double
    angle no textbook line of the chain rule writes): then only its common factors taken out.

    >>> t = sp.Symbol("t")
    >>> simplified_as_written(t*sp.sin(t)*sp.cos(t) + t**2)
    t*(t + sin(t)*cos(t))
    >>> simplified_as_written(sp.exp(t)*sp.exp(t) + t*sp.exp(2*t))
    (t + 1)*exp(2*t)
    """
    simpler = sp.simplify(expr)
    arguments = lambda e: {f.args for f in e.atoms(sp.Function) if not isinstance(f, sp.exp)}      # noqa: E731
    return simpler if arguments(simpler) <= arguments(expr) else sp.factor_terms(expr)


__all__ = ["as_expr", "as_symbol", "simplified_as_written", "ParseError"]
