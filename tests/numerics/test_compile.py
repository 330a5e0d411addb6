"""Compiled NumPy code: stable forms against extreme inputs, and against the plain formulas."""

import random
import warnings

import numpy as np
import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from symnn.calculus.differentiate import diff_steps
from symnn.calculus.equal import equal
from symnn.calculus.functions import sigmoid
from symnn.calculus.random_exprs import X, random_expression
from symnn.nn.activations import ACTIVATIONS
from symnn.nn.softmax import logits, softmax
from symnn.numerics.compile import compile_numpy, numpy_source, plain_form, stable_form

z, y = sp.Symbol("z", real=True), sp.Symbol("y", real=True)
x = X
EXTREMES = np.array([-1e4, -800.0, -709.0, -30.0, -1.0, 0.0, 1.0, 30.0, 709.0, 800.0, 1e4])


@pytest.fixture(autouse=True)
def floating_point_errors_are_failures():   # underflow to 0 is the right answer, so it is allowed
    with warnings.catch_warnings(), np.errstate(over="raise", divide="raise", invalid="raise", under="ignore"):
        warnings.simplefilter("error")
        yield


def finite(values):
    return np.all(np.isfinite(np.asarray(values, dtype=float)))


def test_the_naive_sigmoid_of_the_course_overflows_and_ours_does_not():
    with pytest.raises(FloatingPointError):
        1 / (1 + np.exp(-EXTREMES))
    s = compile_numpy(sigmoid(z), [z])(EXTREMES)
    assert finite(s) and s[0] < 1e-300 and s[-1] == 1.0 and s[5] == 0.5


@pytest.mark.parametrize("name, expr, exact", [
    # −ln σ(z): softplus(−z); at z = −1e4 it is 1e4, at z = 1e4 it is e^(−1e4) ≈ 0
    ("ln sigma", sp.log(sigmoid(z)), lambda v: -np.logaddexp(0, -v)),
    ("ln(1 - sigma)", sp.log(1 - sigmoid(z)), lambda v: -np.logaddexp(0, v)),
    ("softplus", sp.log(1 + sp.exp(z)), lambda v: np.logaddexp(0, v)),
    # BCE of a logit, for y = 1 and y = 0
    ("bce y=1", -sp.log(sigmoid(z)), lambda v: np.logaddexp(0, -v)),
    ("bce y=0", -sp.log(1 - sigmoid(z)), lambda v: np.logaddexp(0, v)),
    # σ' = σ(1 − σ): finite in the tails, exact to 1e-16 absolutely (1 − σ is not rewritten)
    ("sigmoid slope", sp.diff(sigmoid(z), z), lambda v: np.exp(-np.abs(v)) / (1 + np.exp(-np.abs(v))) ** 2),
    ("1 - sigma", 1 - sigmoid(z), lambda v: np.exp(-np.logaddexp(0, v))),
])
def test_stable_forms_survive_extreme_preactivations(name, expr, exact):
    values = compile_numpy(expr, [z])(EXTREMES)
    assert finite(values), name
    assert np.allclose(values, exact(EXTREMES), rtol=1e-12, atol=1e-15), name


def test_softmax_cross_entropy_and_its_gradient_survive_logits_of_1e4():
    ys = logits(3)
    s = softmax(3)
    ce = -sp.log(s[0])                       # the true class is the first
    f = compile_numpy([ce, *(sp.diff(ce, v) for v in ys), *s], ys)
    batch = [np.array([1e4, -1e4, 0.0, 5.0]), np.array([0.0, 0.0, 1e4, 5.0]), np.array([-1e4, 1e4, 0.0, 5.0])]
    loss, *rest = f(*batch)
    grads, probabilities = rest[:3], rest[3:]
    assert finite(loss) and finite(grads) and finite(probabilities)
    assert np.allclose(loss, [0.0, 2e4, 1e4, np.log(3)], rtol=1e-15)     # CE = lse(y) − y_1
    assert np.allclose(np.sum(probabilities, axis=0), 1.0)
    assert np.allclose(grads[0], np.array(probabilities[0]) - 1)          # ∂CE/∂y_1 = s_1 − 1
    assert np.allclose(grads[1], probabilities[1])                        # ∂CE/∂y_2 = s_2


@pytest.mark.parametrize("name", list(ACTIVATIONS))
def test_every_activation_and_its_derivative_compile_stably(name):
    act = ACTIVATIONS[name]
    alpha = sp.Symbol("alpha", positive=True)
    f = act.definition.subs(alpha, sp.Rational(1, 2))
    fprime = diff_steps(f, x).result
    values, slopes = compile_numpy([f, fprime], [x])(EXTREMES)
    assert finite(np.broadcast_to(values, EXTREMES.shape)), name
    assert finite(np.broadcast_to(slopes, EXTREMES.shape)), name


def test_generated_code_shows_backpropagation_stages():
    from symnn.nn.network import Network
    from symnn.numerics.models import ScalarModel
    source = ScalarModel(Network([2, 2, 1])).source
    # each pre-activation is computed once and reused by every derivative that needs it
    assert source.count("b1 + w1*x1 + w2*x2") == 1 and source.count("b2 + w3*x1 + w4*x2") == 1
    assert "def _lambdifygenerated(x1, x2, y, w1, w2, b1, w3, w4, b2, w5, w6, b3)" in source


@settings(max_examples=60, deadline=None)
@given(st.builds(lambda seed: random_expression(random.Random(seed), 3), st.integers(0, 2 ** 32)))
def test_stable_form_is_the_same_function(expr):
    assert equal(plain_form(stable_form(expr)), expr, domain=expr)


@pytest.mark.parametrize("expr", [
    sp.log(sigmoid(z)), sp.log(1 - sigmoid(z)), sp.log(1 + sp.exp(z)), softmax(3)[1], -sp.log(softmax(3)[0]),
    sp.diff(-sp.log(softmax(3)[0]), logits(3)[0]),
    sp.Piecewise((sp.exp(z) - 1, z < 0), (z, True)),
])
def test_stable_form_rewrites_the_course_formulas_into_equal_ones(expr):
    rewritten = stable_form(expr)
    assert rewritten != expr
    assert equal(plain_form(rewritten), expr)


@pytest.mark.parametrize("name", list(ACTIVATIONS))
def test_the_numpy_line_of_every_activation_is_stable_and_right(name):
    act = ACTIVATIONS[name]
    alpha = sp.Symbol("alpha", positive=True)
    line = numpy_source(act.definition)
    values = eval(line, {"numpy": np, "x": EXTREMES, "alpha": 0.5})     # our own generated code
    values = np.broadcast_to(values, EXTREMES.shape)
    assert finite(values), (name, line)
    moderate = np.array([-3.0, -0.5, 0.25, 2.0])
    expected = [float(act.definition.subs({alpha: sp.Rational(1, 2), x: sp.Float(v)})) for v in moderate]
    assert np.allclose(np.broadcast_to(eval(line, {"numpy": np, "x": moderate, "alpha": 0.5}), moderate.shape),
                       expected, rtol=1e-14), name


def test_the_softmax_row_of_the_activation_table_is_derived():
    from symnn.nn.activations import activation_table, softmax_rule_holds
    table = activation_table()
    assert softmax_rule_holds(table.softmax)
    wrong = table.softmax.__class__(3, table.softmax.steps, table.softmax.in_outputs.T * 0)
    assert not softmax_rule_holds(wrong)


def test_common_subexpressions_are_the_stages_of_backpropagation():
    from symnn.nn.network import Network
    from symnn.numerics.models import ScalarModel
    explained = ScalarModel(Network([2, 2, 1])).explained_source()
    labels = [line.split("# ")[1] for line in explained.splitlines() if "# " in line]
    # the forward values, then the deltas from the output back (their sign is cse's choice)
    assert labels[:3] == ["h1", "h2", "o1"]
    assert [label.strip("-()") for label in labels[3:]] == ["∂L/∂z_o1", "∂L/∂z_h1", "∂L/∂z_h2"]
