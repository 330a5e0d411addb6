"""Arithmetic on a vector written as a list inside a formula, entry by entry, as a chain of equalities writes a
step: a number times a vector, 0.5·(1, 2) = (0.5, 1), a vector over a number, a vector plus or minus one of its
length, (1, 2) − 0.5·(1, 2). Nothing else: a vector times a vector (which product?) or a number plus a vector is
None, for the reader to refuse as a list in a formula.

>>> import ast, operator, sympy as sp
>>> elementwise(ast.Mult(), sp.Rational(1, 2), [sp.Integer(1), sp.Integer(2)], operator.mul)
[1/2, 1]
>>> elementwise(ast.Sub(), [sp.Integer(1), sp.Integer(2)], [sp.Rational(1, 2), sp.Integer(1)], operator.sub)
[1/2, 1]
>>> elementwise(ast.Mult(), [sp.Integer(1)], [sp.Integer(2)], operator.mul) is None
True
"""

from __future__ import annotations

import ast


def elementwise(op, left, right, combine):
    """``left op right`` with a list on one side or both, entry by entry (nested lists, a matrix's rows, too), as
    a list; None where the operation has no entry-by-entry meaning. ``combine(a, b)``: the operation on two
    entries, which checks that each is a value (not a condition)."""
    left_list, right_list = isinstance(left, list), isinstance(right, list)
    if isinstance(op, (ast.Add, ast.Sub)) and left_list and right_list and len(left) == len(right):
        pairs = list(zip(left, right))
    elif isinstance(op, ast.Mult) and left_list != right_list:
        pairs = [(v, right) for v in left] if left_list else [(left, v) for v in right]
    elif isinstance(op, ast.Div) and left_list and not right_list:
        pairs = [(v, right) for v in left]
    else:
        return None
    entries = []
    for a, b in pairs:
        value = elementwise(op, a, b, combine) if isinstance(a, list) or isinstance(b, list) else combine(a, b)
        if value is None:
            return None
        entries.append(value)
    return entries
