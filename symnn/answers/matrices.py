"""Are two formulas of matrices and vectors equal? Evaluated on random integer matrices.

Letters are matrices (upper case, n×n) and column vectors (lower case and δ, n×1); a letter
divided by is a scalar (the n of 2/n), as are the Greek scalars (η, λ). Both sides are
evaluated exactly on the same random entries, twice: a polynomial identity in the entries
that fails somewhere fails at random integers almost surely (Schwartz–Zippel). A product
whose shapes do not fit is a wrong shape; a 1×1 result (wᵀx) is a scalar, as in the course.
When the reference itself does not fit these shapes, the two are compared as expressions in
non-commuting symbols.

>>> import sympy as sp
>>> X, y, w = (sp.Symbol(n, commutative=False) for n in "Xyw")
>>> Xt = sp.Symbol("Xᵀ", commutative=False)
>>> same_matrices(Xt * (X * w - y), Xt * X * w - Xt * y)
(True, 'matrices')
>>> same_matrices(Xt * (X * w - y), X * (X * w - y))
(False, 'matrices')
"""

from __future__ import annotations

import random

import sympy as sp
from sympy.matrices.common import ShapeError

from ..calculus.transpose import MARK

SIZE = 3            # rows of every matrix and vector
TRIALS = 2


class _Shape(ValueError):
    """Shapes that do not fit."""


def is_matrix_formula(expr) -> bool:
    return any(not s.is_commutative for s in getattr(expr, "free_symbols", ()))


def same_matrices(ref, ans) -> tuple[bool, str]:
    """(equal?, the check that decided: matrices, shape or identical)."""
    symbols = ref.free_symbols | ans.free_symbols
    scalars = {p.base for e in (ref, ans) for p in e.atoms(sp.Pow) if p.exp.is_negative and p.base.is_Symbol}
    rng = random.Random(0)
    for _ in range(TRIALS):
        values = _values(symbols, scalars, rng)
        try:
            expected = _evaluate(ref, values)
        except _Shape:
            return sp.expand(ref - ans) == 0, "identical"
        try:
            got = _evaluate(ans, values)
        except _Shape:
            return False, "shape"
        if _as_matrix(expected) != _as_matrix(got):
            return False, "matrices"
    return True, "matrices"


def _values(symbols, scalars, rng) -> dict:
    values = {}
    for symbol in symbols:
        base = symbol.name.removesuffix(MARK)
        if base in values:
            continue
        if symbol.is_commutative or symbol in scalars or sp.Symbol(base, commutative=False) in scalars:
            values[base] = sp.Integer(rng.randint(2, 9))
        else:
            columns = SIZE if base[:1].isupper() else 1
            values[base] = sp.Matrix(SIZE, columns, lambda i, j: rng.randint(-9, 9))
    return values


def _value_of(symbol, values):
    base = symbol.name.removesuffix(MARK)
    value = values[base]
    return value.T if symbol.name.endswith(MARK) and isinstance(value, sp.MatrixBase) else value


def _evaluate(expr, values):
    """The value of expr: a number or a Matrix."""
    if expr.is_Symbol:
        return _value_of(expr, values)
    if expr.is_Number or expr.is_NumberSymbol:
        return expr
    if isinstance(expr, sp.Add):
        terms = [_scalar_if_1x1(_evaluate(a, values)) for a in expr.args]
        total = terms[0]
        for term in terms[1:]:
            total = _add(total, term)
        return total
    if isinstance(expr, sp.Mul):
        product = sp.Integer(1)
        for factor in expr.args:
            value = _scalar_if_1x1(_evaluate(factor, values))
            try:
                product = product * value
            except (ShapeError, TypeError) as error:
                raise _Shape(str(error)) from None
        return product
    if isinstance(expr, sp.Pow) and expr.exp.is_Integer:
        base = _scalar_if_1x1(_evaluate(expr.base, values))
        if isinstance(base, sp.MatrixBase):
            if base.rows != base.cols or expr.exp < 0:
                raise _Shape("a power of a matrix that is not square")
            return base ** int(expr.exp)
        return base ** expr.exp
    if isinstance(expr, sp.Function):
        argument = _evaluate(expr.args[0], values) if len(expr.args) == 1 else None
        if isinstance(argument, sp.MatrixBase):
            return argument.applyfunc(expr.func)
        return expr.func(*(_evaluate(a, values) for a in expr.args))
    raise _Shape(f"{type(expr).__name__} in a matrix formula")


def _add(a, b):
    if isinstance(a, sp.MatrixBase) and isinstance(b, sp.MatrixBase):
        if a.shape != b.shape:
            raise _Shape("a sum of matrices of different shapes")
        return a + b
    if isinstance(a, sp.MatrixBase) or isinstance(b, sp.MatrixBase):
        matrix, number = (a, b) if isinstance(a, sp.MatrixBase) else (b, a)
        if matrix.cols != 1:
            raise _Shape("a matrix plus a number")
        return matrix.applyfunc(lambda entry: entry + number)      # a vector plus a scalar, entry by entry
    return a + b


def _scalar_if_1x1(value):
    return value[0, 0] if isinstance(value, sp.MatrixBase) and value.shape == (1, 1) else value


def _as_matrix(value):
    value = _scalar_if_1x1(value)
    return sp.expand(value) if not isinstance(value, sp.MatrixBase) else value.applyfunc(sp.expand)
