"""The shapes a reference formula gives its letters, found by unifying sizes.

Every letter X has a number of rows and of columns, unknown at first. A product AB says
that A's columns are B's rows; a sum and an entrywise product (A ⊙ B) that the shapes are
equal; a scalar (a commuting symbol such as the y of one sample) in a sum says the rest is
1×1; a 1×1 factor of a product is a number. The sizes left free get distinct small numbers
(2, 3, 4, ...), so that no matrix is square by accident and a missing transpose shows.

>>> import sympy as sp
>>> X, a = sp.Symbol("Xᵀ", commutative=False), sp.Symbol("a", commutative=False)
>>> letter_shapes(X * a)
{'X': (2, 3), 'a': (2, 4)}
>>> y, W = sp.Symbol("y", real=True), sp.Symbol("W", commutative=False)
>>> letter_shapes((y - a * W) * X)               # y is a number, so aW is 1×1
{'W': (2, 1), 'X': (3, 4), 'a': (1, 2)}
"""

from __future__ import annotations

import sympy as sp

from ..calculus.transpose import MARK, Hadamard

ONE = ("one",)


class _Conflict(ValueError):
    """The formula cannot have consistent shapes."""


class _Sizes:
    """Union-find over sizes: ("rows", X), ("columns", X) and ONE."""

    def __init__(self):
        self.parent, self.value = {ONE: ONE}, {ONE: 1}

    def find(self, key):
        self.parent.setdefault(key, key)
        while self.parent[key] != key:
            key = self.parent[key]
        return key

    def same(self, a, b):
        a, b = self.find(a), self.find(b)
        if a == b:
            return
        if a in self.value and b in self.value and self.value[a] != self.value[b]:
            raise _Conflict(f"{a} and {b}")
        if b in self.value:
            a, b = b, a
        self.parent[b] = a

    def is_one(self, key) -> bool:
        return self.value.get(self.find(key)) == 1


def letter_shapes(expr, descending: bool = False) -> dict | None:
    """{letter: (rows, columns)} that make the formula fit, or None when no shapes do; ``descending``: the
    free sizes numbered from the largest down, so that the first letter's rows outnumber its columns (X of
    (XᵀX)⁻¹ tall, its XᵀX invertible)."""
    sizes = _Sizes()
    try:
        _shape(expr, sizes)
    except _Conflict:
        return None
    letters = sorted({s.name.removesuffix(MARK) for s in expr.free_symbols if not s.is_commutative})
    free = [root for base in letters for root in (sizes.find(("rows", base)), sizes.find(("columns", base)))
            if root not in sizes.value]
    free = list(dict.fromkeys(free))
    numbers = {root: (len(free) + 1 - k if descending else k + 2) for k, root in enumerate(free)}
    return {base: tuple(sizes.value.get(sizes.find(key), numbers.get(sizes.find(key)))
                        for key in (("rows", base), ("columns", base))) for base in letters}


def _number_letter(expr) -> bool:
    """A lower-case letter, which divided by is a number (the n of 2/n), never a matrix inverted."""
    return expr.is_Symbol and not expr.name[:1].isupper()


def _shape(expr, sizes: _Sizes):
    """(rows, columns) as keys of ``sizes``; None for a number."""
    if expr.is_commutative:
        return None
    if expr.is_Symbol:
        base = expr.name.removesuffix(MARK)
        rows, columns = ("rows", base), ("columns", base)
        return (columns, rows) if expr.name.endswith(MARK) else (rows, columns)
    if isinstance(expr, sp.Add):
        shapes = [_shape(term, sizes) for term in expr.args]
        matrices = [s for s in shapes if s is not None]
        for other in matrices[1:]:
            sizes.same(matrices[0][0], other[0])
            sizes.same(matrices[0][1], other[1])
        if len(matrices) < len(shapes):                  # a number plus a matrix: the matrix is 1×1
            sizes.same(matrices[0][0], ONE)
            sizes.same(matrices[0][1], ONE)
        return matrices[0]
    if isinstance(expr, sp.Mul):
        current, seen_one = None, False
        for factor in expr.args_cnc()[1]:
            shape = _shape(factor, sizes)
            if shape is None or (sizes.is_one(shape[0]) and sizes.is_one(shape[1])):
                seen_one = seen_one or shape is not None
                continue
            if current is not None:
                sizes.same(current[1], shape[0])
            current = shape if current is None else (current[0], shape[1])
        return current if current is not None else ((ONE, ONE) if seen_one else None)
    if isinstance(expr, Hadamard):
        shapes = [_shape(arg, sizes) for arg in expr.args]
        for other in shapes[1:]:
            sizes.same(shapes[0][0], other[0])
            sizes.same(shapes[0][1], other[1])
        return shapes[0]
    if isinstance(expr, sp.Function) and len(expr.args) == 1:
        return _shape(expr.args[0], sizes)
    if isinstance(expr, sp.Pow) and expr.exp.is_Integer and (expr.exp > 0 or not _number_letter(expr.base)):
        # A², (XᵀX)⁻¹, X⁻¹: square (a lower-case letter divided by, the n of 1/n, is not a matrix)
        shape = _shape(expr.base, sizes)
        sizes.same(shape[0], shape[1])
        return shape
    raise _Conflict(f"no shape for {type(expr).__name__}")
