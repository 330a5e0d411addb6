"""Where a matrix-form gradient is zero: the normal equation and its solution.

A gradient affine in the variable, M·w + r (−(2/n)Xᵀ(y − Xw) = (2/n)XᵀX·w − (2/n)Xᵀy), is zero where
M·w = −r; where M is invertible, w = −M⁻¹r. The numbers common to M and r cancel, so the equation reads
as the course writes it, XᵀX·w = Xᵀy, and the solution w = (XᵀX)⁻¹Xᵀy.

>>> from symnn.nn.matrix_form import derive
>>> point = stationary_point(derive("linear-regression"))
>>> point.lhs, point.rhs, point.solution
(Xᵀ*X*w, Xᵀ*y, (Xᵀ*X)**(-1)*Xᵀ*y)
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy as sp


@dataclass(frozen=True)
class StationaryPoint:
    """M·w = b where the gradient is zero, and w = M⁻¹b."""

    lhs: sp.Expr          # M·w
    rhs: sp.Expr          # b
    matrix: sp.Expr       # M, which must be invertible
    solution: sp.Expr     # M⁻¹b


def _split(term, wrt):
    """(number, matrices) of a product: 2·Xᵀ·X·w/n → (2/n, [Xᵀ, X, w])."""
    numbers, matrices = term.args_cnc()
    return sp.Mul(*numbers), matrices


def stationary_point(run) -> StationaryPoint | None:
    """Where ``run``'s gradient (a MatrixGradient) is zero, when it is M·w + r with M and r free of w and
    M a product of matrices; None otherwise (a gradient not affine in w, such as a network's)."""
    wrt, expanded = run.wrt, sp.expand(run.answer)
    terms = expanded.args if expanded.is_Add else (expanded,)
    linear, rest = [], []
    for term in terms:
        number, matrices = _split(term, wrt)
        if matrices and matrices[-1] == wrt and wrt not in matrices[:-1]:
            linear.append((number, matrices[:-1]))
        elif wrt in term.free_symbols:
            return None
        else:
            rest.append((number, matrices))
    if len(linear) != 1 or not linear[0][1] or not rest:
        return None
    (scale, factors), = linear
    matrix = sp.Mul(*factors)
    rhs = sp.Add(*(sp.Mul(-number / scale, *matrices) for number, matrices in rest))     # M·w = −r / scale
    return StationaryPoint(sp.Mul(matrix, wrt), rhs, matrix, sp.Mul(sp.Pow(matrix, -1), rhs))
