"""Small exact linear algebra of the course: products, least squares, convolution.

Each function returns a Computation: the named intermediate results a student
writes down, in order, and the answer; every entry is computed in exact
arithmetic (decimals in the data become fractions).

>>> normal_equation([(1, 7), (-1, 0), (3, 14)]).answer
Matrix([
[7/2],
[7/2]])
>>> convolve([[3, 3, 2], [0, 0, 1], [3, 1, 2]], [[0, 1, 2], [2, 2, 0], [0, 1, 2]]).answer
Matrix([[12]])
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy as sp

from ..calculus.display import RichDisplay
from ..calculus.gradient import exact_number


@dataclass(frozen=True)
class Computation(RichDisplay):
    """Named intermediate results (symbol, value) and the answer."""

    title: str          # a phrase key
    steps: tuple[tuple[sp.Expr, sp.Expr], ...]
    answer: sp.Expr


def matrix(rows) -> sp.Matrix:
    """A matrix of exact numbers from a list of rows (a flat list is one row)."""
    rows = [rows] if rows and not isinstance(rows[0], (list, tuple)) else rows
    return sp.Matrix([[exact_number(v) for v in row] for row in rows])


def matmul(a, b, bias=None) -> Computation:
    """A·B (+ bias): every entry the dot product of a row of A and a column of B."""
    A, B = matrix(a), matrix(b)
    if A.cols != B.rows:
        raise ValueError(f"cannot multiply a {A.rows}x{A.cols} matrix by a {B.rows}x{B.cols} one")
    steps = [(_name("A", A), A), (_name("B", B), B), (_name("A", A) * _name("B", B), A * B)]
    if bias is None:
        return Computation("linalg.product", tuple(steps), A * B)
    b = exact_number(bias)
    steps.append((sp.Symbol("b"), b))
    return Computation("linalg.product", tuple(steps), (A * B).applyfunc(lambda v: v + b))


def normal_equation(points) -> Computation:
    """The least-squares line y = w·x + b through points: (XᵀX)⁻¹Xᵀy with X = [x, 1] (the bias trick)."""
    X = sp.Matrix([[exact_number(x), 1] for x, _ in points])
    y = sp.Matrix([exact_number(t) for _, t in points])
    XtX, Xty = X.T * X, X.T * y
    if XtX.det() == 0:
        raise ValueError("the points do not determine a line (XᵀX is singular)")
    Xs, ys = _name("X", X), _name("y", y)
    steps = ((Xs, X), (ys, y), (Xs.T * Xs, XtX), (Xs.T * ys, Xty), ((Xs.T * Xs).I, XtX.inv()),
             ((Xs.T * Xs).I * (Xs.T * ys), XtX.inv() * Xty))
    return Computation("linalg.normal", steps, XtX.inv() * Xty)


def convolve(image, kernel) -> Computation:
    """The valid 2-D convolution of deep learning (no kernel flip): out[i][j] = Σ image[i+k][j+l]·kernel[k][l]."""
    I, K = matrix(image), matrix(kernel)
    if K.rows > I.rows or K.cols > I.cols:
        raise ValueError("the kernel is larger than the image")
    out = sp.Matrix(I.rows - K.rows + 1, I.cols - K.cols + 1,
                    lambda i, j: sum(I[i + k, j + l] * K[k, l] for k in range(K.rows) for l in range(K.cols)))
    return Computation("linalg.convolution", ((_name("I", I), I), (_name("K", K), K)), out)


def _name(letter: str, value: sp.Matrix) -> sp.MatrixSymbol:
    return sp.MatrixSymbol(letter, *value.shape)
