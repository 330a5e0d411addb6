"""Transposes of products of matrices and vectors, written with non-commuting symbols.

In an answer such as 2Xᵀ(Xw − y) the letters are matrices and vectors: their products do
not commute, and a transpose reverses a product, (AB)ᵀ = BᵀAᵀ. A letter is a non-commuting
SymPy symbol, and its transpose is the symbol with ᵀ after its name; numbers and scalars
(commuting symbols) are their own transposes; a function of a matrix acts entry by entry.

>>> import sympy as sp
>>> X, w = sp.Symbol("X", commutative=False), sp.Symbol("w", commutative=False)
>>> transposed(2 * X * w)
2*wᵀ*Xᵀ
>>> transposed(transposed(X + w))
X + w
"""

from __future__ import annotations

import sympy as sp

MARK = "ᵀ"


def transposed(expr):
    """expr transposed: sums term by term, products reversed, entrywise functions inside."""
    if expr.is_commutative:
        return expr
    if isinstance(expr, sp.Symbol):
        name = expr.name[:-1] if expr.name.endswith(MARK) else expr.name + MARK
        return sp.Symbol(name, commutative=False)
    if isinstance(expr, sp.Add):
        return sp.Add(*(transposed(term) for term in expr.args))
    if isinstance(expr, sp.Mul):
        scalars, factors = expr.args_cnc()
        return sp.Mul(*scalars, *(transposed(f) for f in reversed(factors)))
    if isinstance(expr, sp.Pow) and expr.exp.is_Integer:
        return transposed(expr.base) ** expr.exp
    if isinstance(expr, sp.Function):
        return expr.func(*(transposed(a) for a in expr.args))
    raise ValueError(f"cannot transpose {expr}")
