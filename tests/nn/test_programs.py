"""Staged programs: forward values and every ∂L/∂name against sympy.diff of the composed function
and against central differences with NumPy; reused names collect the sum of their contributions."""

import numpy as np
import pytest
import sympy as sp

from symnn.nn.programs import ProgramError, build_program, program_pass
from symnn.problems.program_schema import program_errors

x, y, z, q, f = sp.symbols("x y z q f", real=True)

w, w1, w2, x1, x2, b = sp.symbols("w w1 w2 x1 x2 b", real=True)


def _sigmoid(u):
    return 1 / (1 + sp.exp(-u))


# (program, point, the same function composed by hand: the oracle)
PROGRAMS = [
    # the add-multiply circuit
    (["q = x + y", "f = q*z"], {"x": -2, "y": 5, "z": -4}, (x + y) * z),
    # a ReLU neuron with a squared error
    (["a = w1*x1 + w2*x2", "h = max(0, a)", "L = (h - y)^2"], {"w1": 2, "x1": 1, "w2": 1, "x2": 3, "y": 3},
     (sp.Max(0, w1 * x1 + w2 * x2) - y) ** 2),
    # x used by three steps
    (["a = x*y", "b = a + x", "L = b*x"], {"x": 2, "y": 3}, (x * y + x) * x),
    # a sigmoid gate and a reused intermediate
    (["s = sigmoid(w*x + b)", "L = s*s + log(s)"], {"w": sp.Rational(1, 2), "x": 3, "b": -1},
     _sigmoid(w * x + b) ** 2 + sp.log(_sigmoid(w * x + b))),
]


def _at(point):
    return ", ".join(f"{k} = {v}" for k, v in point.items())


@pytest.mark.parametrize("steps, at, oracle", PROGRAMS)
def test_gradients_equal_sympy_diff_of_the_composed_program(steps, at, oracle):
    run = program_pass(steps, _at(at))
    point = {sp.Symbol(k, real=True): v for k, v in at.items()}
    values = dict(run.run.values)
    assert sp.N(values[run.output] - oracle.subs(point), 30) == pytest.approx(0, abs=1e-25)
    for var, gradient in run.run.gradients:
        expected = sp.diff(oracle, var).subs(point)
        assert sp.N(gradient - expected, 30) == pytest.approx(0, abs=1e-25), var


@pytest.mark.parametrize("steps, at, oracle", PROGRAMS)
def test_gradients_match_central_differences(steps, at, oracle):
    run = program_pass(steps, _at(at))
    oracle = sp.lambdify([sp.Symbol(k, real=True) for k in at], oracle, "numpy")
    base = np.array([float(v) for v in at.values()])
    h = 1e-6
    for i, (var, gradient) in enumerate(run.run.gradients):
        assert var.name == list(at)[i]
        step = np.zeros_like(base)
        step[i] = h
        estimate = (oracle(*(base + step)) - oracle(*(base - step))) / (2 * h)
        assert estimate == pytest.approx(float(gradient), rel=1e-6, abs=1e-7)


def test_the_add_multiply_circuit_node_by_node():
    run = program_pass(["q = x + y", "f = q*z"], "x = -2, y = 5, z = -4")
    assert run.run.values == ((x, -2), (y, 5), (z, -4), (q, 3), (f, -12))
    assert run.adjoints == ((f, 1), (q, -4), (x, -4), (y, -4), (z, 3))


def test_a_reused_variable_collects_every_contribution():
    run = program_pass(["a = x*y", "b = a + x", "L = b*x"], "x = 2, y = 3")
    contributions = [row.contribution for row in run.run.rows if row.input == x]
    # by hand at x = 2, y = 3 (a = 6, b = 8): through L = b·x it is b = 8; through b = a + x, 1·∂L/∂b = x = 2;
    # through a = x·y, y·∂L/∂a = 3·2 = 6
    assert sorted(contributions) == [2, 6, 8]
    assert dict(run.adjoints)[x] == 16             # d/dx (x²y + x²) = 2xy + 2x


def test_the_relu_gate_routes_nothing_when_it_is_off():
    run = program_pass(["a = w*x", "h = max(0, a)", "L = (h - y)^2"], "w = -1, x = 2, y = 1")
    assert [g for _, g in run.run.gradients] == [0, 0, 2]


MICROGRAD = ["c = a + b", "d = a*b + b^3", "c += c + 1", "c += 1 + c + (-a)", "d += d*2 + relu(b + a)",
             "d += 3*d + relu(b - a)", "e = c - d", "f = e^2", "g = f/2", "g += 10/f"]


def test_micrograd_readme_example_with_updates_in_place():
    run = program_pass(MICROGRAD, "a = -4, b = 2")
    # the same program as a hand-written loop of plain Python floats, differentiated by central differences
    def program(a, b):
        c = a + b
        d = a * b + b**3
        c += c + 1
        c += 1 + c + (-a)
        d += d * 2 + max(b + a, 0)
        d += 3 * d + max(b - a, 0)
        e = c - d
        f = e**2
        g = f / 2
        g += 10 / f
        return g
    h = 1e-6
    assert float(dict(run.run.values)[run.output]) == pytest.approx(program(-4, 2), rel=1e-12)
    (_, da), (_, db) = run.run.gradients
    assert float(da) == pytest.approx((program(-4 + h, 2) - program(-4 - h, 2)) / (2 * h), rel=1e-6)
    assert float(db) == pytest.approx((program(-4, 2 + h) - program(-4, 2 - h)) / (2 * h), rel=1e-6)
    # micrograd's README prints 24.7041, 138.8338 and 645.5773
    assert [round(float(v), 4) for v in (dict(run.run.values)[run.output], da, db)] == [24.7041, 138.8338, 645.5773]
    # each new value numbered, not primed (c′ reads as a derivative); the output's last value is g itself
    assert [str(name) for name, _ in run.steps] == ["c", "d", "c^{(2)}", "c^{(3)}", "d^{(2)}", "d^{(3)}", "e", "f",
                                                    "g^{(1)}", "g"]


def test_a_name_that_is_a_constant_is_the_programs_own_once_assigned():
    run = program_pass(["e = x*y", "f = e + exp(1)*e"], "x = 1, y = 2")
    assert [g for _, g in run.run.gradients] == [2 + 2 * sp.E, 1 + sp.E]


@pytest.mark.parametrize("steps, message", [
    (["q += x"], "q \\+= … comes before q has a value"),   # an update of a name with no value
    (["x + y"], "expected name = expression"),
    (["x == y"], "expected name = expression"),
    ([], "at least one"),
])
def test_programs_that_are_not_graphs_are_refused(steps, message):
    with pytest.raises(ProgramError, match=message):
        build_program(steps)


def test_a_missing_value_is_named():
    with pytest.raises(ProgramError, match="no value for z"):
        program_pass(["q = x + y", "f = q*z"], "x = 1, y = 2")


def test_a_step_along_and_against_the_gradient():
    # by hand: ∇f = (z, z, x + y) = (−4, −4, 3) at (−2, 5, −4); up: (−2.04, 4.96, −3.97), f = 2.92·(−3.97)
    up = program_pass(["q = x + y", "f = q*z"], "x = -2, y = 5, z = -4", step_size="0.01", ascent=True)
    assert [(v, old, g, new) for v, old, g, new in up.step.moves] == [
        (x, -2, -4, sp.Rational(-204, 100)), (y, 5, -4, sp.Rational(496, 100)), (z, -4, 3, sp.Rational(-397, 100))]
    assert up.value("f+") == sp.Rational(292, 100) * sp.Rational(-397, 100)
    down = program_pass(["q = x + y", "f = q*z"], "x = -2, y = 5, z = -4", step_size="0.01", update=["z"])
    assert [v for v, *_ in down.step.moves] == [z]                 # only z moves, down: −4 − 0.01·3
    assert down.value("z+") == sp.Rational(-403, 100) and down.value("x+") == -2
    assert down.value("f+") == 3 * sp.Rational(-403, 100)


def test_names_are_those_of_the_tables_and_the_outputs_name_is_its_last_value():
    run = program_pass(["c = a + b", "c += c + 1", "g = c*a", "g += 1"], "a = 2, b = 1",
                       find=["c", "c^(2)", "dg/dc", "dg/dc^(2)", "dg/da", "g", "g^(1)", "c'", "forward"])
    # c = 3, c⁽²⁾ = c + c + 1 = 7, g⁽¹⁾ = c⁽²⁾·a = 14, g = 15; ∂g/∂c⁽²⁾ = a = 2, ∂g/∂c = 2·2 = 4;
    # ∂g/∂a = c⁽²⁾ + a·∂c⁽²⁾/∂a = 7 + 2·2 = 11; c′, as older banks wrote it, is c⁽²⁾
    # the forward group: every node, but the first g (14), since g names the output
    assert run.asked == ("c", "c^{(2)}", "dg/dc", "dg/dc^{(2)}", "dg/da", "g", "g^{(1)}", "c^{(2)}",
                         "c", "c^{(2)}", "g")
    assert [run.value(n) for n in run.asked] == [3, 7, 4, 2, 11, 15, 14, 7, 3, 7, 15]


def test_an_input_assigned_again_keeps_its_name_and_the_output_is_numbered():
    run = program_pass(["x += x*2"], "x = 2")
    # the input is x, the output x⁽²⁾ = x + 2x = 6, and d(3x)/dx = 3
    assert [str(name) for name, _ in run.steps] == ["x^{(2)}"]
    assert run.asked == ("x^{(2)}", "dx^{(2)}/dx") and [run.value(n) for n in run.asked] == [6, 3]


@pytest.mark.parametrize("find, message", [
    (["w"], "'w' is not a variable or a node of the program"),
    (["dq/dx"], "the gradients are of the output f"),
    (["x+"], "no step_size is given"),
])
def test_what_find_cannot_name_is_refused(find, message):
    with pytest.raises(ProgramError, match=message):
        program_pass(["q = x + y", "f = q*z"], "x = 1, y = 2, z = 3", find=find)


@pytest.mark.parametrize("find, errors", [
    # the numbered names of the tables, c^(2) or c^{(2)}, name a node when the bank is read
    (["c^(2)", "dg/dc^{(2)}", "g"], []),
    (["c'"], []),                                          # c′, as older banks wrote it, is c⁽²⁾
    (["c^(x)"], ["find: 'c^(x)' is not a variable or a node (a, c, g), a gradient of the output (dg/da), a value "
                 "after the step (x+, g+) or a group (forward, gradients, updated)"]),
])
def test_a_bank_names_a_value_assigned_again_by_its_number(find, errors):
    assert program_errors({"steps": ["c = a + 1", "c += c", "g = c*2"], "at": "a = 1", "find": find}) == errors
