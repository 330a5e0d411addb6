"""A sum in brackets that is a transpose is written as one: (1 − y)ᵀ ln(1 − σ(Xw)), not (1 − yᵀ) ln(1 − σ(Xw)).

A transpose is taken term by term, (a − b)ᵀ = aᵀ − bᵀ, and a number is its own transpose, so the formulas hold
the sum 1 − yᵀ; printed as it is, it reads as the number 1 minus the row yᵀ. A sum that is a factor of a product and
has fewer transposes when transposed is printed as that sum in brackets, transposed.

>>> import sympy as sp
>>> from symnn.calculus.transpose import Letter
>>> y, v = Letter("yᵀ"), Letter("v")
>>> with_transposed_sums(-(1 - y) * v)
-(1 - y)ᵀ*v
>>> with_transposed_sums((1 - Letter("y")) * v)
(1 - y)*v
"""

from __future__ import annotations

import sympy as sp

from ..calculus.transpose import MARK, transposed


class TransposedSum(sp.Function):
    """(s)ᵀ of a sum s of matrices or vectors, for printing only: (a − b)ᵀ, \\left(a - b\\right)^{T}."""

    nargs = 1

    def _eval_is_commutative(self):
        return False

    def _sympystr(self, printer):
        return f"({printer._print(self.args[0])}){MARK}"

    def _latex(self, printer, exp=None):
        return r"\left(%s\right)^{T}" % printer._print(self.args[0])


def _transposes(expr) -> int:
    return sum(s.name.endswith(MARK) for s in expr.atoms(sp.Symbol))


def with_transposed_sums(expr):
    """A product with each factor that is a transposed sum (1 − yᵀ, aᵀ − bᵀ) written as ``TransposedSum`` (of
    1 − y, a − b); any other formula as it is."""
    if not isinstance(expr, sp.Mul) or expr.is_commutative:
        return expr
    factors = [TransposedSum(_transposed(f)) if isinstance(f, sp.Add) and not f.is_commutative
               and _transposes(_transposed(f)) < _transposes(f) else f for f in expr.args]
    return expr if factors == list(expr.args) else sp.Mul(*factors)


def _transposed(expr):
    """expr transposed; expr itself where it holds what ``transposed`` does not take (then it is not turned)."""
    try:
        return transposed(expr)
    except ValueError:
        return expr
