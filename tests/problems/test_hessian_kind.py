"""The hessian kind: ∇²F derived after the gradient, at a point with the constants it gives put in. The oracles are
sympy.hessian and central differences of the gradient (sympy.diff compiled to NumPy), not the toolkit's own
derivation; the key's lines are exact strings; the checker reads a matrix as a student writes it."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp

from symnn import check_answer, render
from symnn.nn.hessians import hessian_matrix
from symnn.problems.bank import Problem
from symnn.problems.schema import problem_errors
from symnn.problems.solve import question_options, solve

# (expr, wrt, point of the variables, constants given with it)
CASES = [
    ("x^2*y + y^3", "x, y", {"x": 1, "y": 2}, {}),                               # a polynomial: H = [[2y, 2x], [2x, 6y]]
    ("1/2*(w2*tanh(w1*x) - t)^2", "w1, w2", {"w1": 0.5, "w2": -1}, {"x": 2, "t": 1}),   # Bishop's error of one tanh unit
    ("exp(x*y) + sin(x)*z^2", "x, y, z", {"x": 0.3, "y": -0.7, "z": 1.5}, {}),   # three variables, every entry mixed
    ("log(1 + exp(-y*(w*x + b)))", "w, b", {"w": 0.2, "b": -0.1}, {"x": 1.5, "y": 1}),   # the logistic loss in w and b
    ("x^4", "x", {"x": 1.5}, {}),                                                # one variable: a 1×1 matrix
]


def sympy_hessian(expr, wrt):
    variables = [sp.Symbol(v.strip()) for v in wrt.split(",")]
    f = sp.sympify(expr.replace("^", "**"), locals={v.name: v for v in variables} | {"t": sp.Symbol("t")})
    return f, variables, sp.hessian(f, variables)


def central_hessian(f, variables, point, constants, eps=1e-5):
    """Column j: (∇f(x + εe_j) − ∇f(x − εe_j))/2ε, the gradient by sympy.diff compiled to NumPy."""
    others = sorted((sp.Symbol(name) for name in constants), key=str)
    gradient = sp.lambdify(variables + others, [sp.diff(f, v) for v in variables], "numpy")
    x = np.array([float(point[str(v)]) for v in variables])
    c = [float(constants[str(s)]) for s in others]
    columns = []
    for j in range(len(x)):
        step = np.eye(len(x))[j] * eps
        columns.append((np.array(gradient(*(x + step), *c)) - np.array(gradient(*(x - step), *c))) / (2 * eps))
    return np.array(columns).T


def _at(point, constants) -> str:
    return ", ".join(f"{k} = {v}" for k, v in {**point, **constants}.items())


@pytest.mark.parametrize("expr, wrt, point, constants", CASES)
def test_the_matrix_is_sympys_and_the_central_differences(expr, wrt, point, constants):
    f, variables, oracle = sympy_hessian(expr, wrt)
    run = hessian_matrix(expr, wrt)            # in the variables
    assert run.answer.shape == oracle.shape
    names = {v.name: v for v in run.gradient.variables}
    ours = run.answer.xreplace({names[v.name]: v for v in variables})
    ours = ours.xreplace({s: sp.Symbol(s.name) for s in ours.free_symbols})
    rng = np.random.default_rng(0)
    for _ in range(3):           # the formulas agree at random points (simplify cannot always tell they are equal)
        values = {s: sp.Float(rng.uniform(-1, 1)) for s in oracle.free_symbols | ours.free_symbols}
        assert np.array((ours - oracle).xreplace(values).evalf(), dtype=float) == pytest.approx(0, abs=1e-12)
    at_point = hessian_matrix(expr, wrt, _at(point, constants)).answer      # at the point, the constants put in too
    assert not at_point.free_symbols
    exact = oracle.subs({sp.Symbol(k): sp.nsimplify(v) for k, v in {**point, **constants}.items()})
    assert np.array(sp.N(at_point - exact, 30), dtype=float) == pytest.approx(0, abs=1e-25)    # σ(1/5) is 1/(1 + e^(−1/5))
    numeric = central_hessian(f, variables, point, constants)
    assert np.array(at_point.evalf(), dtype=float) == pytest.approx(numeric, abs=1e-6)


def test_a_point_as_a_list_in_the_order_of_wrt():
    # f = x²y + y³ at (1, 2): [[2y, 2x], [2x, 6y]] = [[4, 2], [2, 12]]
    assert hessian_matrix("x^2*y + y^3", "x, y", [1, 2]).answer == sp.Matrix([[4, 2], [2, 12]])


def _problem(fields: dict, statement="Find the Hessian.") -> Problem:
    data = {"expr": "x^2*y + y^3", "wrt": "x, y", **fields}
    return Problem("h", "hessian", "t", {"en": statement, "ru": "Найдите матрицу Гессе."}, data)


@pytest.mark.parametrize("lang, lines", [
    ("en", ["The Hessian, the matrix of second partial derivatives:",
            "   ∂²E/∂w_1∂w_2 = ∂/∂w_2(w_2·x·(1 - tanh(w_1·x)^2)·(w_2·tanh(w_1·x) - t)) = x·(1 - tanh(w_1·x)^2)·(2w_2·tanh(w_1·x) - t)",
            "   ∂²E/∂w_2² = ∂/∂w_2((w_2·tanh(w_1·x) - t)·tanh(w_1·x)) = tanh(w_1·x)^2",
            "   The matrix is symmetric: the mixed derivatives are equal, so an entry below the diagonal is the one above it.",
            # entries too long for a matrix on a page: each put in on its own line; the matrix of values is the
            # answer's, said once
            "At the point (w_1, w_2) = (0, 1), x = 1, t = 1:",
            "   ∂²E/∂w_1² = 1·1^2·(1 - 0^2)·(1·(1 - 0^2) - 2·0·(1·0 - 1)) = 1",
            "   ∂²E/∂w_1∂w_2 = 1·(1 - 0^2)·(2·1·0 - 1) = -1", "   ∂²E/∂w_2² = 0^2 = 0",
            "Answer: H = [(1, -1); (-1, 0)]"]),
    ("ru", ["Матрица Гессе (матрица вторых частных производных):",
            "   Матрица симметрична: смешанные производные равны, поэтому элемент под диагональю равен элементу над ней.",
            "В точке (w_1; w_2) = (0; 1), x = 1, t = 1:", "   ∂²E/∂w_1∂w_2 = 1·(1 - 0^2)·(2·1·0 - 1) = -1",
            "Ответ: H = [(1; -1); (-1; 0)]"]),
])
def test_the_bank_problem_key(lang, lines):
    """Bishop's error of one tanh unit at w = (0, 1), x = t = 1: the gradient first, then each entry, the mixed one
    once, and the constants x and t put in with the point."""
    printed = render(solve("bishop-hessian"), "text", lang=lang, detail="brief").splitlines()
    for line in lines:
        assert line in printed
    assert printed.index(lines[0]) > next(k for k, line in enumerate(printed) if "∇ E = (" in line)   # ∇E before ∇²E
    assert not any("∂²E/∂w_2∂w_1" in line for line in printed)
    assert not any(line.startswith("∇²E = [(w_2") for line in printed)        # no matrix of the long formulas
    # the matrix of values once, in the answer; ∇E once, in the variables: its value at the point is not asked
    assert sum("[(1, -1); (-1, 0)]" in line or "[(1; -1); (-1; 0)]" in line for line in printed) == 1
    assert sum(line.startswith("∇ E = (") for line in printed) == 1 and not any("∇ E(0" in line for line in printed)


def test_a_short_matrix_is_written_whole_with_its_numbers_put_in():
    printed = render(solve(_problem({"at": "x = 1, y = 2"})), "text", detail="brief").splitlines()
    assert printed[-3:] == ["∇²f = [(2y, 2x); (2x, 6y)]",
                            "At the point (x, y) = (1, 2): ∇²f = [(2·2, 2·1); (2·1, 6·2)] = [(4, 2); (2, 12)]",
                            "Answer: H = [(4, 2); (2, 12)]"]


def test_without_a_point_the_gradient_is_written_and_the_answer_is_the_formula():
    printed = render(solve(_problem({})), "text", detail="brief").splitlines()
    assert "∇ f = (2x·y, x^2 + 3y^2)" in printed
    assert printed[-6:] == ["The Hessian, the matrix of second partial derivatives:",
                            "   ∂²f/∂x² = ∂/∂x(2x·y) = 2y", "   ∂²f/∂x∂y = ∂/∂y(2x·y) = 2x", "   ∂²f/∂y² = ∂/∂y(x^2 + 3y^2) = 6y",
                            "   The matrix is symmetric: the mixed derivatives are equal, so an entry below the diagonal is "
                            "the one above it.", "Answer: H = [(2y, 2x); (2x, 6y)]"]


def test_the_answer_takes_the_problems_name():
    printed = render(solve(_problem({"answer_name": "A", "at": [1, 2]})), "text", detail="brief").splitlines()
    assert printed[-1] == "Answer: A = [(4, 2); (2, 12)]"


def test_a_full_key_derives_an_entry_by_its_rules():
    printed = render(solve("bishop-hessian"), "text", detail="full").splitlines()
    entry = next(k for k, line in enumerate(printed) if line.startswith("   ∂²E/∂w_1² = "))
    # ∂/∂w₁ of ∂E/∂w₁: the constant factor w₂x out, then the product rule on (1 − tanh²)(w₂ tanh − t)
    assert printed[entry + 1] == "      Constant multiple. A constant factor comes out of the derivative. (c·f)' = c·f'"
    assert printed[entry + 3].startswith("         1. Product rule.")


@pytest.mark.parametrize("typed, correct", [
    ("[[1, -1], [-1, 0]]", True),                                          # rows as lists
    (r"\begin{pmatrix}1 & -1\\ -1 & 0\end{pmatrix}", True),                # LaTeX
    ("H = [[1, −1], [−1, 0]]", True),                                      # named, Unicode minus
    ("[[1; −1]; [−1; 0]]", True),                                          # Russian separators
    ("[[0, -1], [-1, 0]]", False),                                         # H₁₁ without w₂²x²(1 − tanh²)²
    ("[[1, 1], [1, 0]]", False),                                           # the mixed entry's sign lost
    ("(1, -1, -1, 0)", False),                                             # the entries in a row: not a 2×2 matrix
])
def test_a_students_matrix(typed, correct):
    solution = solve("bishop-hessian")
    assert check_answer(solution.answer, typed, **question_options(solution.problem)).correct is correct


@pytest.mark.parametrize("typed, correct", [
    ("[[2y, 2x], [2x, 6y]]", True),
    (r"\begin{pmatrix} 2y & 2x \\ 2x & 6y \end{pmatrix}", True),
    ("[[2y, 2x], [2x, 3y]]", False),            # 3y², differentiated once only
    ("[[2y, 2x], [0, 6y]]", False),             # the entry below the diagonal left out
])
def test_a_students_matrix_of_formulas(typed, correct):
    solution = solve(_problem({}))
    assert check_answer(solution.answer, typed, **question_options(solution.problem)).correct is correct


BASE = {"id": "p", "kind": "hessian", "statement": {"en": "…"}, "expr": "x^2*y", "wrt": "x, y"}


@pytest.mark.parametrize("fields, error", [
    ({"at": [1, 2, 3]}, "at: expected 2 components, one for each of x, y, got 3"),
    ({"direction": [1, 0]}, "direction: unknown field for a hessian problem"),
    ({"published": [1, 2, 3]}, "published: 3 numbers, but the answer has 4 (2 × 2: one row and one column per variable of wrt)"),
])
def test_fields_that_do_not_fit_are_refused_with_the_field(fields, error):
    assert error in " ".join(problem_errors({**BASE, **fields}))
