"""Vector calculus at a point against independent oracles: NumPy central differences for ∇(xᵀAx + bᵀx),
sympy's Matrix.jacobian, sympy.diff of the composed function for total derivatives and iterated maps,
and a membership test on sample points for conditions."""

import numpy as np
import pytest
import sympy as sp

from symnn.nn import vector_calculus as vc

r, theta, x, y, t, a = sp.symbols("r theta x y t a", real=True)


def _central(f, point, h=1e-6):
    point = np.asarray(point, dtype=float)
    grad = np.zeros_like(point)
    for i in range(point.size):
        step = np.zeros_like(point)
        step[i] = h
        grad[i] = (f(point + step) - f(point - step)) / (2 * h)
    return grad


@pytest.mark.parametrize("A, b, at", [
    ([[1, 2], [0, 3]], [1, -1], [1, 2]),                   # not symmetric: A + Aᵀ matters
    ([[2, 0, 0], [0, 2, 0], [0, 0, 2]], None, [1, -2, 3]),  # 2xᵀx: the gradient is 4x
    ([[0, -1, 4], [5, "1/2", 0], [2, 2, -3]], [0, 7, "-1/3"], ["1/2", -1, 2]),
])
def test_quadratic_gradient_matches_central_differences(A, b, at):
    run = vc.quadratic_gradient(A, b, at)
    An = np.array([[float(sp.Rational(v)) for v in row] for row in A])
    bn = np.zeros(len(A)) if b is None else np.array([float(sp.Rational(v)) for v in b])
    xn = np.array([float(sp.Rational(v)) for v in at])
    estimate = _central(lambda v: v @ An @ v + bn @ v, xn)
    assert np.allclose([float(v) for v in run.answer], estimate, atol=1e-6)
    # the matrix formula, by NumPy
    assert np.allclose([float(v) for v in run.answer], (An + An.T) @ xn + bn)


def test_2xtx_is_4x():
    assert vc.quadratic_gradient([[2, 0, 0], [0, 2, 0], [0, 0, 2]], None, [1, -2, 3]).answer == (4, -8, 12)


def test_a_matrix_that_is_not_square_is_refused():
    with pytest.raises(ValueError, match="square"):
        vc.quadratic_gradient([[1, 2, 3], [4, 5, 6]], None, [1, 2])


@pytest.mark.parametrize("A, b, at", [
    ([[1, 0], [1, 1], [1, 2]], [6, 0, 0], [1, 1]),          # a tall matrix: fitting a line to three points
    ([[2, -1, "1/2"]], [3], [1, 0, -2]),                     # one row
])
def test_residual_gradient_matches_central_differences_and_numpy(A, b, at):
    run = vc.residual_gradient(A, b, at)
    An = np.array([[float(sp.Rational(v)) for v in row] for row in A])
    bn, xn = np.array([float(v) for v in b]), np.array([float(sp.Rational(v)) for v in at])
    estimate = _central(lambda v: np.sum((An @ v - bn) ** 2), xn)
    assert np.allclose([float(v) for v in run.answer], estimate, atol=1e-5)
    assert np.allclose([float(v) for v in run.residual], An @ xn - bn)
    assert np.allclose([float(v) for v in run.answer], 2 * An.T @ (An @ xn - bn))


def test_the_least_squares_solution_has_zero_gradient():
    # x̂ = (5, −3) solves AᵀA x = Aᵀb for this A and b
    assert vc.residual_gradient([[1, 0], [1, 1], [1, 2]], [6, 0, 0], [5, -3]).answer == (0, 0)


def test_jacobian_of_polar_coordinates():
    run = vc.jacobian(["r*cos(theta)", "r*sin(theta)"], "r, theta")
    assert run.matrix == sp.Matrix([[sp.cos(theta), -r * sp.sin(theta)], [sp.sin(theta), r * sp.cos(theta)]])
    assert sp.simplify(run.matrix.det()) == r


def test_jacobian_at_a_point_matches_sympy_and_central_differences():
    run = vc.jacobian(["x^2*y", "5*x + sin(y)", "exp(x*y)"], "x, y", "x = 1, y = 1/2")
    oracle = sp.Matrix([x**2 * y, 5 * x + sp.sin(y), sp.exp(x * y)]).jacobian([x, y]).subs({x: 1, y: sp.Rational(1, 2)})
    assert sp.simplify(run.value - oracle) == sp.zeros(3, 2)
    functions = [lambda v: v[0]**2 * v[1], lambda v: 5 * v[0] + np.sin(v[1]), lambda v: np.exp(v[0] * v[1])]
    rows = [_central(f, [1.0, 0.5]) for f in functions]
    assert np.allclose(np.array(run.value, dtype=float), rows, atol=1e-6)


def test_every_entry_of_a_jacobian_is_derived_step_by_step():
    run = vc.jacobian(["exp(x*y)", "x/(1 + y^2)"], "x, y")
    for row, f in zip(run.steps, run.functions):
        for step, var in zip(row, run.variables):
            assert sp.simplify(step.result - sp.diff(f, var)) == 0
            assert all(sp.simplify(sub.result - sp.diff(sub.expr, sub.var)) == 0 for sub in step.substeps)


def test_total_derivative_is_the_derivative_of_the_composition():
    run = vc.total_derivative("x^2*y", {"x": "cos(t)", "y": "sin(t)"}, "t", "t = pi/4")
    composed = sp.cos(t) ** 2 * sp.sin(t)
    assert sp.simplify(run.derivative - sp.diff(composed, t)) == 0
    assert run.value == -sp.sqrt(2) / 4
    f = lambda s: np.cos(s) ** 2 * np.sin(s)   # noqa: E731
    h = 1e-6
    assert float(run.value) == pytest.approx((f(np.pi / 4 + h) - f(np.pi / 4 - h)) / (2 * h), abs=1e-8)


def test_total_derivative_counts_a_direct_dependence_on_t():
    run = vc.total_derivative("x*t + exp(y)", {"x": "t^2", "y": "-t"}, "t", "t = 1")
    assert sp.simplify(run.derivative - sp.diff(t**3 + sp.exp(-t), t)) == 0
    assert run.value == 3 - sp.exp(-1)
    assert [str(x) for x, _ in run.inner] == ["x", "y", "t"]


def test_the_chain_rule_by_two_variables_is_the_gradient_of_the_composition():
    s_ = sp.Symbol("s", real=True)
    run = vc.chain_gradient("x^2*y + sin(x)", {"x": "s*t", "y": "s + t"}, "s, t", "s = 1, t = 2")
    composed = (s_ * t) ** 2 * (s_ + t) + sp.sin(s_ * t)
    point = {s_: 1, t: 2}
    assert [sp.simplify(v - sp.diff(composed, var).subs(point)) for v, var in zip(run.answer, (s_, t))] == [0, 0]
    f = lambda a, b: (a * b) ** 2 * (a + b) + np.sin(a * b)   # noqa: E731
    h = 1e-6
    assert float(run.answer[0]) == pytest.approx((f(1 + h, 2) - f(1 - h, 2)) / (2 * h), rel=1e-7)
    assert float(run.answer[1]) == pytest.approx((f(1, 2 + h) - f(1, 2 - h)) / (2 * h), rel=1e-7)


def test_a_point_without_every_variable_is_refused():
    with pytest.raises(ValueError, match="no value for s"):
        vc.chain_gradient("x*y", {"x": "s*t", "y": "s + t"}, "s, t", "t = 2")


def test_iterated_map_by_hand_and_by_composition():
    run = vc.iterated_map("x^2 + 1", "x", 4, 1)
    assert [(k, xk) for k, xk, _ in run.rows] == [(0, 1), (1, 2), (2, 5), (3, 26)]
    assert run.last == 677
    assert run.answer == 2 * 4 * 10 * 52                    # g′ = 2x at 1, 2, 5, 26
    g = lambda v: v**2 + 1   # noqa: E731
    composed = g(g(g(g(x))))
    assert sp.diff(composed, x).subs(x, 1) == run.answer


def test_iterated_map_beyond_the_composition_check_uses_the_product():
    run = vc.iterated_map("x/2 + 1", "x", 10, 0)
    assert run.answer == sp.Rational(1, 2**10)


@pytest.mark.parametrize("condition, inside, outside", [
    ("abs(1 - a) < 1", [sp.Rational(1, 100), 1, sp.Rational(199, 100)], [0, 2, -1, 3]),   # GD on ½x²
    ("abs(1 - 2*a) <= 1", [0, sp.Rational(1, 2), 1], [-sp.Rational(1, 100), sp.Rational(101, 100)]),
])
def test_condition_holds_exactly_on_its_interval(condition, inside, outside):
    run = vc.solve_condition(condition, "a")
    assert isinstance(run.answer, vc.Between)
    for value in inside:
        assert run.condition.subs(a, value) and run.answer.subs(a, value)
    for value in outside:
        assert not run.condition.subs(a, value) and not run.answer.subs(a, value)


def test_condition_is_written_as_people_write_it():
    assert sp.sstr(vc.solve_condition("abs(1 - a) < 1", "a").answer) == "0 < a < 2"
    assert sp.latex(vc.solve_condition("abs(1 - 2*a) <= 1", "a").answer) == r"0 \leq a \leq 1"


@pytest.mark.parametrize("condition, written", [
    ("abs(x) > 1", "x < -1 or x > 1"),                 # a union, in increasing order
    ("abs(x - 2) >= 1", "x <= 1 or x >= 3"),
    ("2*x - 1 > 0", "x > 1/2"),                         # a ray: the variable first
])
def test_unions_and_rays_are_written_so_the_checker_reads_them(condition, written):
    from symnn import check_answer
    run = vc.solve_condition(condition, "x")
    assert sp.sstr(run.answer) == written
    assert check_answer(run.answer, written).correct


def test_a_condition_on_two_variables_is_refused():
    with pytest.raises(ValueError, match="a alone"):
        vc.solve_condition("a + x < 1", "a")


def test_total_derivative_where_simplify_cannot_show_the_two_forms_agree():
    # Stewart, Calculus, §14.5 Example 1: z = x²y + 3xy⁴, x = sin 2t, y = cos t; dz/dt at t = 0 is 6.
    # The chain rule's form has sin 2t and cos t where sympy.diff's has its own trigonometric form.
    run = vc.total_derivative("x^2*y + 3*x*y^4", {"x": "sin(2*t)", "y": "cos(t)"}, "t", "t = 0")
    z = lambda t: np.sin(2 * t) ** 2 * np.cos(t) + 3 * np.sin(2 * t) * np.cos(t) ** 4   # noqa: E731
    h = 1e-6
    assert run.value == 6 and abs((z(h) - z(-h)) / (2 * h) - 6) < 1e-6


def test_the_chain_rule_keeps_the_partial_derivatives_in_x_and_y():
    # Stewart §14.5 Example 1: ∂z/∂x = 2xy + 3y⁴ and ∂z/∂y = x² + 12xy³ (sympy.diff in x, y), x = 0 and y = 1
    # at t = 0, and the chain rule's form there is (0 + 3)·2 + (0 + 0)·0 = 6
    run = vc.total_derivative("x^2*y + 3*x*y^4", {"x": "sin(2*t)", "y": "cos(t)"}, "t", "t = 0")
    z = x**2 * y + 3 * x * y**4
    assert [df for df, _ in run.terms] == [sp.diff(z, x), sp.diff(z, y)]
    assert [dx for _, dx in run.terms] == [2 * sp.cos(2 * t), -sp.sin(t)]
    assert run.at_inner == ((x, 0), (y, 1))
    assert sum(df.subs({x: 0, y: 1}) * dx.subs(t, 0) for df, dx in run.terms) == run.value == 6


@pytest.mark.parametrize("functions, wrt, point", [
    (["r*cos(theta)", "r*sin(theta)"], "r, theta", (2.0, 0.7)),
    (["rho*sin(phi)*cos(theta)", "rho*sin(phi)*sin(theta)", "rho*cos(phi)"], "rho, theta, phi", (1.5, 0.4, 1.1)),
    (["u^2 - v^2", "2*u*v"], "u, v", (1.0, -0.5)),
])
def test_the_jacobians_determinant_is_that_of_central_differences(functions, wrt, point):
    run = vc.jacobian(functions, wrt, find="determinant")
    variables = run.variables
    F = sp.lambdify(variables, sp.Matrix(run.functions), "numpy")
    J = np.column_stack([_central(lambda v, i=i: np.asarray(F(*v), dtype=float).ravel()[i], point)
                         for i in range(len(functions))]).T
    value = float(run.answer.subs(dict(zip(variables, point))))
    assert value == pytest.approx(np.linalg.det(J), rel=1e-6)
    assert sp.simplify(run.answer - sp.Matrix(run.functions).jacobian(variables).det()) == 0     # sympy's own


def test_the_polar_jacobians_determinant_is_r_and_at_a_point_its_value():
    assert vc.jacobian(["r*cos(theta)", "r*sin(theta)"], "r, theta", find="determinant").answer == r
    run = vc.jacobian(["r*cos(theta)", "r*sin(theta)"], "r, theta", "r = 3, theta = pi/6", find="determinant")
    assert run.answer == 3 and run.value == sp.Matrix([[sp.sqrt(3) / 2, -sp.Rational(3, 2)], [sp.Rational(1, 2), 3 * sp.sqrt(3) / 2]])


def test_a_determinant_of_a_jacobian_that_is_not_square_is_refused():
    with pytest.raises(ValueError, match="find: a determinant needs as many functions as variables"):
        vc.jacobian(["x*y", "x + y", "x"], "x, y", find="determinant")


@pytest.mark.parametrize("scale", ["1/2", 1, "3/4"])
def test_a_scaled_residual_gradient_matches_central_differences_in_x_and_at_a_point(scale):
    # f = c‖Ax − b‖²: the gradient 2c·Aᵀ(Ax − b), as formulas in x (sympy.diff) and at a point (NumPy)
    A, b, at = [[2, 0], [-1, 1], [0, 2]], [1, 0, -1], [2, -1]
    run = vc.residual_gradient(A, b, at, scale)
    c = float(sp.Rational(scale))
    An, bn, xn = np.array(A, dtype=float), np.array(b, dtype=float), np.array(at, dtype=float)
    estimate = _central(lambda v: c * np.sum((An @ v - bn) ** 2), xn)
    assert np.allclose([float(v) for v in run.answer], estimate, atol=1e-5)
    assert np.allclose([float(v) for v in run.answer], 2 * c * An.T @ (An @ xn - bn))
    x1, x2 = run.variables
    f = sp.Rational(scale) * sum(e**2 for e in sp.Matrix(A) * sp.Matrix([x1, x2]) - sp.Matrix(b))
    assert [sp.expand(g - sp.diff(f, v)) for g, v in zip(run.gradient, (x1, x2))] == [0, 0]


def test_half_the_squared_residual_has_gradient_at_a_minus_b_without_a_point():
    # Goodfellow §4.5: ∇ ½‖Ax − b‖² = AᵀAx − Aᵀb; with Boyd–Vandenberghe's A and b it vanishes at x̂ = (1/3, −1/3)
    run = vc.residual_gradient([[2, 0], [-1, 1], [0, 2]], [1, 0, -1], None, "1/2")
    x1, x2 = run.variables
    assert run.values is None and run.answer == (5 * x1 - x2 - 2, -x1 + 5 * x2 + 2)
    assert vc.residual_gradient([[2, 0], [-1, 1], [0, 2]], [1, 0, -1], ["1/3", "-1/3"], "1/2").answer == (0, 0)


@pytest.mark.parametrize("scale", ["-1", "a", 0])
def test_a_scale_that_is_not_a_positive_number_is_refused(scale):
    with pytest.raises(ValueError, match="scale: expected a positive number"):
        vc.residual_gradient([[1, 0]], [1], None, scale)


def test_json_carries_the_determinant_and_the_scaled_gradient():
    import json

    from symnn import render
    from symnn.problems.solve import solve
    det = json.loads(render(solve("jacobian-spherical-det"), "json"))["work"]["determinant"]
    assert det["row"] == 3 and det["value"]["sympy"] == "-rho**2*sin(phi)"
    assert [m["determinant"]["sympy"] for m in det["minors"]] == ["-rho**2*sin(phi)*cos(phi)", "rho*sin(phi)**2"]
    work = json.loads(render(solve("least-squares-gradient"), "json"))["work"]
    assert work["scale"]["sympy"] == "1" and [g["sympy"] for g in work["gradient"]] == ["10*x1 - 2*x2 - 4", "-2*x1 + 10*x2 + 4"]
    work = json.loads(render(solve("least-squares-half"), "json"))["work"]         # ½‖Ax − b‖²: the 2 cancels
    assert work["scale"]["sympy"] == "1/2" and [g["sympy"] for g in work["gradient"]] == ["5*x1 - x2 - 2", "-x1 + 5*x2 + 2"]
