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


__all__ = ["as_expr", "as_symbol", "ParseError"]
