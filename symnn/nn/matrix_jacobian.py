"""The Jacobian of a linear vector function of a vector x, as a book writes df/dx for f = Ax (``nn.matrix_expansion``).

The Jacobian is written in the numerator layout, as Deisenroth, Faisal and Ong's Mathematics for Machine Learning
does: its entry (i, j) is ∂fᵢ/∂xⱼ, so it has as many rows as f has entries. A term L·x of a column f gives L (the
coefficient of xⱼ in fᵢ is Lᵢⱼ), a term without x gives 0; a row f, such as xᵀA, is the transpose of the column
fᵀ = Aᵀx, so a term xᵀR gives Rᵀ; x alone gives I. A term that uses x twice, or not as the last (first) factor, is not linear in x
as a map of this form and is refused.

>>> from symnn.nn.matrix_expansion import expanded_gradient
>>> expanded_gradient("A*x + b", "x", {"A": "m x n", "x": "n", "b": "m"}).answer
A
>>> expanded_gradient("x^T*A", "x", {"A": "n x m", "x": "n"}).answer
Aᵀ
"""

from __future__ import annotations

import sympy as sp

from ..calculus.transpose import transposed
from .matrix_terms import IDENTITY, Term, product_parts


def jacobian_term(term, x, row: bool) -> Term:
    """∂(term)/∂x in the numerator layout: c·L·x gives c·L; of a row, c·xᵀ·R gives c·Rᵀ; no x, 0."""
    number, factors = product_parts(term)
    xt = transposed(x)
    uses = [i for i, f in enumerate(factors) if f in (x, xt)]
    if not uses:
        return Term(term, "constant", sp.Integer(0), sp.Integer(0))
    place, letter = (0, xt) if row else (len(factors) - 1, x)
    if uses != [place] or factors[place] != letter:
        raise ValueError(f"expr: {term} is not {'xᵀR' if row else 'Lx'} of the vector {x}: a linear map of {x} is "
                         f"differentiated here, L·{x} or {x}ᵀ·R with L, R free of {x}")
    coefficient = sp.Mul(*(factors[1:] if row else factors[:-1]))
    coefficient = IDENTITY if coefficient == 1 else coefficient          # 2x: 2I, I of x's size
    gradient = number * (transposed(coefficient) if row else coefficient)
    return Term(term, "linear-map-row" if row else "linear-map", coefficient, gradient, contributions=(gradient,))
