"""det X in a matrix answer: ∇_X det X = det(X)·X⁻ᵀ is typed det(X) X^{-T}, \\det X X^{-T} or det X·X^(-T).

The determinant of a square matrix letter X is a number, ``calculus.transpose.Determinant``; det X with a letter
and no brackets is det(X), as the books write it. Only a letter is taken: det(AB) is not read.

>>> determinant_calls("det X X^(-T) + 2*det(Y)")
'det(X) X^(-T) + 2*det(Y)'
"""

from __future__ import annotations

import re

import sympy as sp
from sympy.core.function import AppliedUndef

from ..calculus.parse import ParseError
from ..calculus.transpose import MARK, Determinant, transposed

FUNCTIONS = ("det",)                     # the names the parser reads as calls in a matrix answer

_BARE = re.compile(r"\bdet\s+([A-Za-z](?:_\{?\w+\}?|\d*)(?![\w(]))")      # det X, det W_1: a letter after det


def determinant_calls(text: str) -> str:
    """det X written det(X): a letter after det, with no bracket."""
    return _BARE.sub(r"det(\1)", text)


def determinants(expr):
    """Each det(…) the parser read as a call made ``Determinant`` of its matrix letter; of anything else, refused."""
    def made(call):
        inner = call.args[0]
        if len(call.args) != 1 or not isinstance(inner, sp.Symbol) or inner.is_commutative:
            raise ParseError("unknown function", name="det", hint=None)
        return Determinant(transposed(inner) if inner.name.endswith(MARK) else inner)      # det Xᵀ = det X
    return expr.replace(lambda e: isinstance(e, AppliedUndef) and e.func.__name__ == "det", made)
