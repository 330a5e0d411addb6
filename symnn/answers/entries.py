r"""Vectors and matrices written as one formula: with unit vectors (60i − 162j + k for
(60, −162, 1)), or as the formula of an entry over its indices (∂s_i/∂y_j = s_i(δ_ij − s_j)
for the 3×3 Jacobian of the softmax), which is written out entry by entry; δ_ij is Kronecker's.

>>> import sympy as sp
>>> i, j, k = sp.symbols("i j k", real=True)
>>> unit_vector_components(60 * i - 162 * j + k, 3)
(60, -162, 1)
>>> s1, s2 = sp.symbols("s_1 s_2", real=True)
>>> written_out(sp.Symbol("s_i", real=True) * (sp.Symbol("delta_ij", real=True) - sp.Symbol("s_j", real=True)), (2, 2))
(s_1*(1 - s_1), -s_1*s_2, -s_1*s_2, s_2*(1 - s_2))
"""

from __future__ import annotations

import re

import sympy as sp

UNITS = ("i", "j", "k")
INDICES = ("i", "j")


def unit_vector_components(value, length: int):
    """(a, b, c) of a·i + b·j + c·k, or None when the value is not such a sum."""
    if length not in (2, 3) or not isinstance(value, sp.Expr) or not value.free_symbols:
        return None
    units = [sp.Symbol(name, real=True) for name in UNITS[:length]]
    if not value.free_symbols <= set(units) or not value.is_polynomial(*units) or sp.Poly(value, *units).total_degree() > 1:
        return None
    polynomial = sp.Poly(value, *units)
    if polynomial.coeff_monomial(1) != 0:
        return None
    return tuple(polynomial.coeff_monomial(unit) for unit in units)


def has_indices(value) -> bool:
    """Some name carries the index i or j in its subscript: s_i, y_j, δ_ij."""
    return isinstance(value, sp.Expr) and any(_subscript(s) and set(_subscript(s)) <= set(INDICES)
                                              for s in value.free_symbols)


def written_out(value, shape):
    """Entry (r, c) of the matrix whose entry formula is value, row by row; i is the row, j the column."""
    rows, columns = shape
    entries = []
    for row in range(1, rows + 1):
        for column in range(1, columns + 1):
            numbers = {"i": str(row), "j": str(column)}
            renames = {}
            for symbol in value.free_symbols:
                subscript = _subscript(symbol)
                if subscript and set(subscript) <= set(INDICES):
                    base = symbol.name.split("_")[0]
                    indices = "".join(numbers[letter] for letter in subscript)
                    renames[symbol] = _kronecker(indices) if base == "delta" else sp.Symbol(f"{base}_{indices}", real=True)
            entries.append(value.xreplace(renames))
    return tuple(entries)


def _kronecker(indices: str):
    return sp.Integer(1) if len(indices) == 2 and indices[0] == indices[1] else sp.Integer(0)


def _subscript(symbol) -> str:
    match = re.fullmatch(r"[A-Za-z]+_([A-Za-z]+)", symbol.name)
    return match[1] if match else ""
