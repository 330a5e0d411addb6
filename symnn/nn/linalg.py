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
>>> cofactors([[2, 0, 1], [1, 3, 0], [0, 0, 4]]).row, cofactors([[2, 0, 1], [1, 3, 0], [0, 0, 4]]).value
(2, 24)
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
    back: tuple = ()    # (unknown, formula, value): found by putting the values found before into the formula


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


def zero_derivatives(points) -> Computation:
    """The least-squares line y = w·x + b through points the way of seed 000: MSE(w, b) written out,
    ∂MSE/∂w = 0 and ∂MSE/∂b = 0 solved as two linear equations."""
    w, b = sp.symbols("w b", real=True)
    data = [(exact_number(x), exact_number(y)) for x, y in points]
    mse = sp.Function("MSE")(w, b)
    mean = sp.Mul(sp.Rational(1, len(data)), sp.Add(*((w * x + b - y) ** 2 for x, y in data)), evaluate=False)
    slopes = [sp.expand(sp.diff(mean.doit(), v)) for v in (w, b)]
    equations = [_integral(slope) for slope in slopes]
    solution = sp.solve(equations, (w, b), dict=True)
    if len(solution) != 1:
        raise ValueError("the points do not determine a line (the two equations are dependent)")
    system = [(sp.Add(*(t for t in e.args if t.free_symbols)), -e.subs({w: 0, b: 0})) for e in equations]
    lines, back, found = substitution(system, (w, b))
    if found != solution[0]:
        raise ValueError("substitution and sympy.solve disagree")
    steps = ((mse, mean), *((sp.Derivative(mse, v), _factored(slope)) for v, slope in zip((w, b), slopes)),
             *system, *lines)
    return Computation("linalg.zero_derivatives", steps, sp.Matrix([solution[0][w], solution[0][b]]), back)


def substitution(equations, unknowns) -> tuple[list, dict]:
    """Linear equations (left side, number) solved by substitution, the way it is done by hand for any number
    of unknowns: an unknown with coefficient ±1 (else the smallest) expressed from its equation (b = 7 − w), put
    into the others (11w + 3·(7 − w) = 49) and collected (8w = 28), until one unknown is left; then the values
    back in (b = 7 − w = 7 − 7/2 = 7/2). Returns the lines (left, right), the unknowns found last by putting
    values in (unknown, formula, value) and every value."""
    rest, solved, lines = [(sp.expand(lhs), rhs) for lhs, rhs in equations], [], []
    while len(rest) > 1:
        k, v = min(((k, v) for k, (lhs, _) in enumerate(rest) for v in unknowns if lhs.coeff(v) != 0),
                   key=lambda kv: (abs(rest[kv[0]][0].coeff(kv[1])) != 1, abs(rest[kv[0]][0].coeff(kv[1])),
                                   -unknowns.index(kv[1]), -kv[0]))
        lhs, rhs = rest.pop(k)
        expressed = sp.expand((rhs - (lhs - lhs.coeff(v) * v)) / lhs.coeff(v))
        lines.append((v, expressed))
        solved.append((v, expressed))
        collected = []
        for other, right in rest:
            if other.coeff(v) != 0:
                lines.append((sp.Add(*(sp.Mul(other.coeff(v), expressed, evaluate=False) if term.has(v) else term
                                       for term in sp.Add.make_args(other)), evaluate=False), right))
                other = sp.expand(other.subs(v, expressed))
                constant = other.as_independent(*unknowns)[0]
                other, right = other - constant, right - constant
                lines.append((other, right))
            collected.append((other, right))
        rest = collected
    (lhs, rhs), = rest
    (u,) = lhs.free_symbols
    values = {u: rhs / lhs.coeff(u)}
    if lhs != u:
        lines.append((u, values[u]))
    back = []
    for v, expressed in reversed(solved):
        values[v] = expressed.subs(values)
        back.append((v, expressed, values[v]))
    return lines, tuple(back), values


def _integral(expr):
    """A linear form divided by the common factor of its coefficients: (22w + 6b − 98)/3 -> 11w + 3b − 49."""
    coefficients = sp.Poly(expr, *sorted(expr.free_symbols, key=lambda s: s.name)).coeffs()
    return sp.expand(expr / sp.gcd_list(coefficients))


def _factored(expr):
    """c·(linear form with whole coprime coefficients): (22w + 6b − 98)/3 -> 2/3·(11w + 3b − 49)."""
    form = _integral(expr)
    return sp.Mul(sp.cancel(expr / form), form, evaluate=False)


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


@dataclass(frozen=True)
class Cofactors:
    """det M by expansion along the row with the most zeros (the first of them): Σ_j (−1)^(i+j) m_ij det M_ij."""

    matrix: sp.Matrix
    row: int                                              # 0-based
    terms: tuple[tuple[int, sp.Expr, sp.Matrix, sp.Expr], ...]   # (±1, m_ij, the minor M_ij, det M_ij), m_ij ≠ 0
    value: sp.Expr                                        # simplified


MAX_ORDER = 3             # a larger determinant is not worked by hand


def tidy(expr) -> sp.Expr:
    """A determinant as a textbook leaves it: common factors out and sin²u + cos²u as 1
    (−ρ² sin φ cos φ, where SymPy's simplify writes −ρ² sin 2φ / 2)."""
    factored = sp.factor(sp.expand(expr))
    parts = factored.args if isinstance(factored, sp.Mul) else (factored,)
    ones = {part: sp.trigsimp(part) for part in parts if isinstance(part, sp.Add) and sp.trigsimp(part).is_number}
    return factored.xreplace(ones) if ones else factored


def cofactors(rows) -> Cofactors:
    """The determinant of a square matrix of order at most 3, every minor worked out (and checked
    against SymPy's own determinant)."""
    M = rows if isinstance(rows, sp.MatrixBase) else matrix(rows)
    if not M.is_square or M.rows > MAX_ORDER:
        raise ValueError(f"a determinant of a {M.rows}×{M.cols} matrix: it needs a square matrix of order at most "
                         f"{MAX_ORDER}")
    if M.rows == 1:
        return Cofactors(M, 0, (), M[0, 0])
    zeros = [sum(1 for v in M.row(i) if v == 0) for i in range(M.rows)]
    i = zeros.index(max(zeros))
    terms = tuple(((-1) ** (i + j), M[i, j], M.minor_submatrix(i, j), tidy(M.minor_submatrix(i, j).det()))
                  for j in range(M.cols) if M[i, j] != 0)
    value = tidy(sum(sign * entry * minor for sign, entry, _, minor in terms))
    if sp.simplify(value - M.det()) != 0:
        raise ValueError("the expansion by cofactors and SymPy's determinant differ")
    return Cofactors(M, i, terms, value)
