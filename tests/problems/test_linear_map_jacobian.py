"""matrix-identity of a vector function of a vector (f = Ax + b, xᵀA): its Jacobian df/dx in the numerator layout,
entry (i, j) = ∂fᵢ/∂xⱼ. Oracles: NumPy central differences of f on random data, and sympy.diff entry by entry; the
keys' lines in English and Russian; the checker on the two layouts."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp

from symnn.answers.check import check_answer
from symnn.nn.matrix_algebra import concrete
from symnn.nn.matrix_expansion import expanded_gradient
from symnn.problems.bank import BankError, Problem
from symnn.problems.solve import question_options, solve
from symnn.render import render
from symnn.render.math import text_math

H = 1e-6

# (expr, shapes, f on NumPy arrays, the Jacobian as the key writes it)
CASES = {
    # MML's f = Ax: A
    "Ax": ("A*x", {"A": "m x n", "x": "n"}, lambda v, x: v["A"] @ x, "A"),
    # an affine map: b has no x
    "Ax + b": ("A*x + b", {"A": "m x n", "x": "n", "b": "m"}, lambda v, x: v["A"] @ x + v["b"], "A"),
    # a row xᵀA: in the numerator layout Aᵀ (entry (i, j) = ∂(xᵀA)ᵢ/∂xⱼ = Aⱼᵢ)
    "row": ("x^T*A", {"A": "n x m", "x": "n"}, lambda v, x: x @ v["A"], "Aᵀ"),
    # two maps and x itself: A + B − I
    "sum": ("A*x + B*x - x", {"A": "n x n", "B": "n x n", "x": "n"}, lambda v, x: v["A"] @ x + v["B"] @ x - x, "A + B - I"),
    # a product of two matrices: BA, the product kept
    "product": ("B*A*x", {"B": "k x m", "A": "m x n", "x": "n"}, lambda v, x: v["B"] @ v["A"] @ x, "B·A"),
}
SIZES = {"m": 2, "n": 3, "k": 4}


@pytest.mark.parametrize("case", CASES)
def test_the_jacobian_agrees_with_central_differences(case):
    expr, shapes, f, written = CASES[case]
    run = expanded_gradient(expr, "x", shapes)
    assert run.holds and text_math(run.answer) == written
    rng = np.random.default_rng(4)
    v = {name: rng.normal(size=(SIZES[s.split(" x ")[0]], SIZES[s.split(" x ")[1]]) if " x " in s else SIZES[s])
         for name, s in shapes.items() if name != "x"}
    x = rng.normal(size=3)
    numeric = np.column_stack([(f(v, x + H * e) - f(v, x - H * e)) / (2 * H) for e in np.eye(3)])
    values = {n: sp.Matrix(a) for n, a in v.items()} | {"x": sp.Matrix(x), "I": sp.eye(3)}
    key = np.array(concrete(run.answer, values), dtype=float)
    assert key.shape == numeric.shape and np.allclose(key, numeric, atol=1e-6)


@pytest.mark.parametrize("lang, lines", [
    ("en", ["The Jacobian of the vector f by x, row i holding the derivatives of its entry i (the numerator layout)",
            "d(A·x)/dx = A — linear in x: the Jacobian is the coefficient of x", "The Jacobians of the terms added: "]),
    ("ru", ["Матрица Якоби вектора f по x; в строке i — производные его элемента i (числитель задаёт строки)",
            "d(A·x)/dx = A — линейно по x: матрица Якоби — коэффициент при x", "Сложим матрицы Якоби слагаемых: "]),
])
def test_the_key_says_the_layout(lang, lines):
    # the statement asks df/dx (its entries ∂fᵢ/∂xⱼ): the key writes d, as it does
    text = render(solve("linear-map-jacobian"), "text", lang=lang, detail="brief")
    for line in lines:
        assert line in text, text


@pytest.mark.parametrize("problem_id, answer, right", [
    ("linear-map-jacobian", "A", True),          # numerator layout, as asked
    ("linear-map-jacobian", "A^T", False),       # the denominator layout: the whole matrix transposed
    ("linear-map-jacobian", "A + b", False),     # b has no x
    ("row-map-jacobian", "A^T", True),           # numerator layout of the row xᵀA
    ("row-map-jacobian", "A", False),            # the denominator layout, not asked here
])
def test_the_checker_on_the_layouts(problem_id, answer, right):
    solution = solve(problem_id)
    verdict = check_answer(solution.answer, answer, **question_options(solution.problem))
    assert verdict.correct is right, verdict.feedback


@pytest.mark.parametrize("expr, shapes, error", [
    ("x^T*A*x*b^T", {"A": "n x n", "x": "n", "b": "m"}, "is not xᵀR of the vector x"),    # a row quadratic in x
    ("A*X", {"A": "m x n", "X": "n x k", "x": "n"}, "expr"),                               # a matrix, not a vector
])
def test_what_is_not_a_linear_map_is_refused(expr, shapes, error):
    problem = Problem("p", "matrix-identity", "t", {"en": "…", "ru": "…"}, {"expr": expr, "wrt": "x", "shapes": shapes})
    with pytest.raises(BankError) as raised:
        solve(problem)
    assert error in str(raised.value), raised.value


@pytest.mark.parametrize("lang, line", [
    ("en", "d(xᵀ·A)/dx = Aᵀ — the row is the transpose of the column Aᵀ·x, linear in x with the coefficient Aᵀ"),
    ("ru", "d(xᵀ·A)/dx = Aᵀ — строка — транспонированный столбец Aᵀ·x, линейный по x с коэффициентом Aᵀ"),
])
def test_the_row_key_says_why_the_transpose(lang, line):
    assert line in render(solve("row-map-jacobian"), "text", lang=lang, detail="brief")


@pytest.mark.parametrize("statement, lines", [
    # asked as df/dx, its entries written with ∂: d, as the statement asks it
    (r"Find the Jacobian $\frac{df}{dx}$ of $f(x) = Ax + b$, the matrix of $\frac{\partial f_i}{\partial x_j}$.",
     ["d(A·x)/dx = A", "db/dx = 0", "Answer: df/dx = A"]),
    # asked as ∂f/∂x: ∂
    (r"Find the Jacobian $\frac{\partial f}{\partial x}$ of $f(x) = Ax + b$.",
     ["∂(A·x)/∂x = A", "∂b/∂x = 0", "Answer: ∂f/∂x = A"]),
    # the Jacobian of another function written with d: not this one's, so ∂
    (r"Let $g = \frac{dh}{dx}$. Find the Jacobian of $f(x) = Ax + b$.", ["∂(A·x)/∂x = A", "Answer: ∂f/∂x = A"]),
])
def test_the_key_writes_d_or_partial_as_the_statement_asks(statement, lines):
    shapes = {"A": "m x n", "x": "n", "b": "m"}
    problem = Problem("p", "matrix-identity", "t", {"en": statement, "ru": statement}, {"expr": "A*x + b", "wrt": "x", "shapes": shapes})
    text = render(solve(problem), "text", detail="brief")
    for line in lines:
        assert line in text, text
