"""The order in which a statement writes the terms of its sums, so a key can keep it.

SymPy sorts the terms of a sum its own way (b + wx − y, 5x³ + sin z + 3/y²); a teacher
who wrote wx + b − y and 5x³ + 3/y² + sin z expects to read them back in that order.
"""

from __future__ import annotations

import ast

import sympy as sp

from ..calculus.parse import ParseError, parse_expr_safe

MAX_TEXT = 2000        # a bank formula longer than this keeps SymPy's order


def written_terms(text, functions: tuple[str, ...] = ()) -> tuple:
    """Every term of every sum in ``text``, in the order written (a subtracted term negated).

    >>> written_terms("(w*x + b - y)^2")
    (w*x, b, -y)
    """
    if not isinstance(text, str) or len(text) > MAX_TEXT:
        return ()
    source = text.replace("^", "**")
    try:
        tree = ast.parse(source, mode="eval")
    except SyntaxError:
        return ()
    inside_chain = {id(node.left) for node in ast.walk(tree) if _is_sum(node)}     # a + b of a + b − c
    terms = []
    for node in sorted(ast.walk(tree), key=lambda n: (getattr(n, "lineno", 0), getattr(n, "col_offset", 0))):
        if _is_sum(node) and id(node) not in inside_chain:
            for operand, sign in _operands(node, 1):
                segment = ast.get_source_segment(source, operand)
                try:
                    terms.append(sign * parse_expr_safe(segment.replace("**", "^"), functions))
                except (ParseError, ValueError, TypeError):
                    return ()
    return tuple(terms)


def _is_sum(node) -> bool:
    return isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Sub))


def _operands(node, sign):
    """The terms of a chain a + b − c, left to right, with the sign each is taken with."""
    if not _is_sum(node):
        return [(node, sp.Integer(sign))]
    right_sign = sign if isinstance(node.op, ast.Add) else -sign
    return _operands(node.left, sign) + [(node.right, sp.Integer(right_sign))]
