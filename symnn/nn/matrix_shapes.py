"""The shapes a bank file gives the letters of a matrix function, read without SymPy (the bank checks them when
it loads): ``"m x n"`` a matrix, one size ``"n"`` a column vector, ``"1"`` a number.

>>> read_shapes({"A": "m x n", "x": "n", "m": "1"})
{'A': ('m', 'n'), 'x': ('n', '1'), 'm': ('1', '1')}
"""

from __future__ import annotations

import re

SHAPE = re.compile(r"\s*(\w+)\s*(?:[x×*,]\s*(\w+)\s*)?")


def read_shapes(shapes: dict) -> dict:
    """``{"A": "m x n", "x": "n"}`` as {"A": ("m", "n"), "x": ("n", "1")}: a vector is a column; "1" is a number."""
    read = {}
    for letter, text in shapes.items():
        match = SHAPE.fullmatch(str(text))
        if not match:
            raise ValueError(f"shapes: {letter} = {text!r} is not a shape: write rows x columns (\"m x n\"), "
                             f"or one size for a column vector (\"n\")")
        read[letter] = (match[1], match[2] or "1")
    return read


def of_determinant(expr: str, wrt: str) -> bool:
    """The function's text takes det of wrt: then wrt may be a symmetric matrix (∇ ln det X = X⁻¹ for X = Xᵀ)."""
    return bool(re.search(rf"\bdet\s*\(\s*{re.escape(wrt)}\s*\)", expr))
