"""Shapes and values of matrix formulas written with letters (``calculus.transpose``).

A problem declares the shape of each letter with named sizes (X: n×d); ``shape_of`` finds the
shape of any formula of them, or says which product does not fit; ``concrete`` puts in
matrices of symbols of small sizes (n = 2, d = 3, ...), so that a matrix formula can be
compared entry by entry with the scalar form. A 1×1 matrix is a number, as in the course.

>>> from symnn.calculus.transpose import Letter, transposed
>>> X, a = Letter("X"), Letter("a")
>>> shapes = {"X": ("n", "d"), "a": ("n", "k")}
>>> shape_of(transposed(X) * a, shapes)
('d', 'k')
>>> shape_of(X * a, shapes)
Traceback (most recent call last):
...
symnn.nn.matrix_algebra.ShapeMismatch: X (n×d) times a (n×k)
"""

from __future__ import annotations

import sympy as sp

from ..calculus.functions import sigmoid
from ..calculus.transpose import MARK, Determinant, Hadamard, SigmoidSlope, Trace

ONE = "1"


class ShapeMismatch(ValueError):
    """Two matrices that cannot be multiplied (or added, or multiplied entry by entry)."""

    def __init__(self, left, left_shape, right, right_shape, operation: str = "product"):
        self.left, self.left_shape, self.right, self.right_shape = left, left_shape, right, right_shape
        self.operation = operation
        super().__init__(f"{left} ({written(left_shape)}) times {right} ({written(right_shape)})")


def written(shape) -> str:
    return "×".join(shape)


def letter_shape(symbol, shapes: dict):
    base = symbol.name.removesuffix(MARK)
    rows, cols = shapes[base]
    return (cols, rows) if symbol.name.endswith(MARK) else (rows, cols)


def is_number_like(shape) -> bool:
    return shape is None or shape == (ONE, ONE)


def shape_of(expr, shapes: dict):
    """(rows, columns) as named sizes; None for a number."""
    if expr.is_commutative:
        return None
    if expr.is_Symbol:
        return letter_shape(expr, shapes)
    if isinstance(expr, sp.Add):
        found = [(t, shape_of(t, shapes)) for t in expr.args]
        matrices = [(t, s) for t, s in found if s is not None]
        first, shape = matrices[0]
        for term, other in matrices[1:]:
            if other != shape:
                raise ShapeMismatch(first, shape, term, other, "sum")
        if len(matrices) < len(found) and ONE not in shape:          # a number and a vector: entry by entry, 1 − y
            raise ShapeMismatch(first, shape, sp.Integer(1), (ONE, ONE), "sum")
        return shape
    if isinstance(expr, sp.Mul):
        _, factors = expr.args_cnc()
        current, product, seen_one = None, [], False
        for factor in factors:
            shape = shape_of(factor, shapes)
            if is_number_like(shape):
                seen_one = seen_one or shape is not None
                continue
            if current is not None and current[1] != shape[0]:
                raise ShapeMismatch(sp.Mul(*product), current, factor, shape)
            current = shape if current is None else (current[0], shape[1])
            product.append(factor)
        return current if current is not None else ((ONE, ONE) if seen_one else None)
    if isinstance(expr, Hadamard):
        first, shape = expr.args[0], shape_of(expr.args[0], shapes)
        for arg in expr.args[1:]:
            if shape_of(arg, shapes) != shape:
                raise ShapeMismatch(first, shape, arg, shape_of(arg, shapes), "entrywise")
        return shape
    if isinstance(expr, sp.Function) and len(expr.args) == 1:
        return shape_of(expr.args[0], shapes)          # a function of a matrix acts entry by entry
    if isinstance(expr, sp.Pow) and expr.exp.is_Integer and expr.exp > 0:
        shape = shape_of(expr.base, shapes)
        if not is_number_like(shape) and shape[0] != shape[1]:
            raise ShapeMismatch(expr.base, shape, expr.base, shape)
        return shape
    raise ValueError(f"no shape for {expr}")


def sizes_of(shapes: dict) -> dict:
    """Each named size as a small whole number, 2, 3, 4, ... in the order they appear (1 stays 1)."""
    sizes = {ONE: 1}
    for rows_cols in shapes.values():
        for name in rows_cols:
            sizes.setdefault(name, len(sizes) + 1)
    return sizes


def symbol_matrices(shapes: dict, symmetric=()) -> dict:
    """Each letter as a matrix of real symbols of its concrete size: W_1 → W_1[1,1], ...; a letter of
    ``symmetric`` has one symbol for a_ij and a_ji."""
    sizes = sizes_of(shapes)

    def entry(name, i, j):
        i, j = (min(i, j), max(i, j)) if name in symmetric else (i, j)
        return sp.Symbol(f"{name}[{i + 1},{j + 1}]", real=True)
    return {name: sp.Matrix(sizes[r], sizes[c], lambda i, j, name=name: entry(name, i, j))
            for name, (r, c) in shapes.items()}


def _number(value):
    return value[0, 0] if isinstance(value, sp.MatrixBase) and value.shape == (1, 1) else value


def concrete(expr, values: dict):
    """expr with each letter replaced by its matrix in ``values`` (by name; Xᵀ is the transpose)."""
    if expr.is_Symbol and not expr.is_commutative:
        value = values[expr.name.removesuffix(MARK)]
        return value.T if expr.name.endswith(MARK) else value
    if expr.is_commutative and not expr.has(Trace, Determinant):     # a number, or a scalar such as n
        return expr.xreplace({s: values[s.name] for s in expr.free_symbols if s.name in values})
    if isinstance(expr, sp.Add):
        terms = [_number(concrete(t, values)) for t in expr.args]
        matrices = [t for t in terms if isinstance(t, sp.MatrixBase)]
        numbers = sp.Add(*(t for t in terms if not isinstance(t, sp.MatrixBase)))
        if not matrices:
            return numbers
        total = sum(matrices[1:], matrices[0])
        return total.applyfunc(lambda entry: entry + numbers) if numbers != 0 else total
    if isinstance(expr, sp.Mul):
        product = sp.Integer(1)
        for factor in expr.args:
            value = _number(concrete(factor, values))
            product = product * value
        return _number(product)
    if isinstance(expr, Hadamard):
        first, *rest = (concrete(a, values) for a in expr.args)
        for other in rest:
            first = first.multiply_elementwise(other)
        return first
    if isinstance(expr, Trace):
        inner = concrete(expr.args[0], values)
        return inner.trace() if isinstance(inner, sp.MatrixBase) else inner
    if isinstance(expr, Determinant):
        return concrete(expr.args[0], values).det()
    if isinstance(expr, SigmoidSlope):
        return concrete(expr.args[0], values).applyfunc(lambda v: sigmoid(v) * (1 - sigmoid(v)))
    if isinstance(expr, sp.Function) and len(expr.args) == 1:
        inner = concrete(expr.args[0], values)
        return inner.applyfunc(expr.func) if isinstance(inner, sp.MatrixBase) else expr.func(inner)
    if isinstance(expr, sp.Pow) and expr.exp.is_Integer:
        return _number(concrete(expr.base, values)) ** expr.exp
    raise ValueError(f"cannot evaluate {expr}")

