"""Networks and backpropagation: the course's names and numbers, and every
backpropagated derivative equal to sympy.diff of the whole nested loss."""

import random

import pytest
import sympy as sp

from symnn import render, solve
from symnn.nn.backprop import backprop, forward_pass
from symnn.nn.network import Network
from symnn.nn.reverse import reverse_gradient
from symnn.render import FORMATS


def test_course_names_for_the_221_net():
    net = Network([2, 2, 1])
    assert [str(p) for p in net.parameters()] == ["w1", "w2", "b1", "w3", "w4", "b2", "w5", "w6", "b3"]
    assert [str(n.name) for n in net.neurons()] == ["h1", "h2", "o1"]
    assert str(net.definition("o1")) == "sigmoid(b3 + h1*w5 + h2*w6)"


def test_indexed_names_for_deeper_nets():
    net = Network([2, 3, 3, 1], activation="tanh")
    assert str(net.parameters()[0]) == "w^{(1)}_{11}"
    assert len(net.parameters()) == 3 * 3 + 3 * 4 + 1 * 4


@pytest.mark.parametrize("problem_id", ["neuron-3in", "neuron-2in", "feedforward-221"])
def test_forward_problems_match_the_course(problem_id):
    solution = solve(problem_id)
    values = [float(v) for v in solution.answer[-len(solution.problem.cross_check):]]
    assert values == pytest.approx(solution.problem.cross_check, abs=5e-5)


def test_backprop_w1_factor_by_factor():
    # the bank's own numbers (problem backprop-w1, field expected): seed 002 prints the chain of factors, not values
    run = solve("backprop-w1").work
    (path,) = run.paths
    assert [float(f.value) for f in path.factors] == pytest.approx([-0.9526, 0.2494, -0.0904], abs=5e-5)
    assert float(run.value) == pytest.approx(0.0215, abs=5e-5)
    assert [str(f.local) for f in path.factors] == ["2*(o1 - y)", "o1*w5*(1 - o1)", "h1*x1*(1 - h1)"]


ARCHITECTURES = [
    ([2, 2, 1], "sigmoid", "mse", "same"),
    ([2, 2, 1], "sigmoid", "bce", "same"),
    ([2, 3, 3, 1], "tanh", "mse", "same"),
    ([2, 3, 3, 1], "relu", "half-se", "same"),
    ([3, 4, 2], "sigmoid", "mse", "same"),
    ([3, 4, 2], "sigmoid", "ce", "softmax"),       # softmax output with cross-entropy
]


@pytest.mark.parametrize("sizes, activation, loss, output", ARCHITECTURES)
def test_backprop_equals_sympy_diff_of_the_nested_loss(sizes, activation, loss, output):
    rng = random.Random(sum(sizes))
    net = Network(sizes, activation, loss, output)
    at = {str(s): sp.Rational(rng.randint(-9, 9), 10) for s in (*net.inputs, *net.parameters())}
    at.update({str(t): sp.Rational(rng.randint(1, 9), 10) for t in net.targets})
    nested = net.loss()
    point = {net.symbol(k): v for k, v in at.items()}
    for parameter in rng.sample(net.parameters(), 4):
        run = backprop(net, parameter, at)
        expected = sp.diff(nested, parameter).xreplace(point)
        assert sp.N(run.value - expected, 30) == pytest.approx(0, abs=1e-20), parameter
        for path in run.paths:
            for factor in path.factors:
                assert not factor.step.failures()


def test_a_first_layer_weight_has_one_path_per_second_layer_neuron():
    net = Network([2, 3, 3, 1], "tanh")
    run = backprop(net, "w^{(1)}_{11}", "x1=1/2, x2=-1, y=1", weights="3/10", biases="1/10")
    assert len(run.paths) == 3


@pytest.mark.parametrize("at, message", [("x1=1", "no value for"), ("x1=1, x2=2, y=1, q=3", "not a parameter")])
def test_bad_points(at, message):
    with pytest.raises(ValueError, match=message):
        backprop(Network([2, 2, 1]), "w1", at, weights=1, biases=0)


def test_bad_network():
    with pytest.raises(ValueError, match="unknown activation"):
        Network([2, 1], activation="swish")


@pytest.mark.parametrize("format", FORMATS)
def test_renders(format):
    for lang in ("en", "ru"):
        assert render(solve("backprop-w1"), format, lang=lang).strip()
        assert render(forward_pass(Network([2, 2, 1]), "x1=2, x2=3", weights=0, biases=0), format, lang=lang)


@pytest.mark.parametrize("sizes, activation, loss, output", ARCHITECTURES)
def test_reverse_mode_gradient_equals_sympy_diff(sizes, activation, loss, output):
    rng = random.Random(7 * sum(sizes))
    net = Network(sizes, activation, loss, output)
    # 30-digit floats: exact nested tanh values would make the comparison slow, not stricter
    point = {s: sp.Float(rng.randint(-9, 9) / 10, 30) for s in (*net.inputs, *net.parameters())}
    point.update({t: sp.Float(rng.randint(1, 9) / 10, 30) for t in net.targets})
    gradient = reverse_gradient(net).at(point)
    nested = net.loss()
    for parameter in rng.sample(net.parameters(), 6):
        difference = (gradient[parameter] - sp.diff(nested, parameter)).xreplace(point)
        assert sp.N(difference, 30) == pytest.approx(0, abs=1e-20), parameter


def test_reverse_mode_is_the_delta_rule():
    # seed 003: the hidden delta is f'(in) · w · delta_out, the weight gradient out · delta
    grad = reverse_gradient(Network([2, 2, 1]))
    adjoints = dict(grad.adjoints)
    d_o1, d_h1, h1, o1, w5 = (sp.Symbol(n, real=True) for n in ("delta_o1", "delta_h1", "h1", "o1", "w5"))
    assert adjoints[d_h1] == d_o1 * o1 * (1 - o1) * w5
    assert grad.gradient[sp.Symbol("w5", real=True)] == d_o1 * o1 * (1 - o1) * h1


@pytest.mark.parametrize("format", FORMATS)
def test_reverse_mode_renders(format):
    for lang in ("en", "ru"):
        assert render(reverse_gradient(Network([2, 2, 1])), format, lang=lang).strip()


def test_softmax_cross_entropy_output_gradient_is_p_minus_y():
    # with one-hot targets, dL/dz_j = o_j - y_j for the softmax + cross-entropy output layer
    net = Network([2, 3], "sigmoid", "ce", "softmax")
    point = {s: sp.Float(v, 30) for s, v in zip(net.inputs, (0.4, -0.7))}
    point.update({p: sp.Float(0.1 * i - 0.3, 30) for i, p in enumerate(net.parameters())})
    point.update(dict(zip(net.targets, (0, 1, 0))))
    grad = reverse_gradient(net).at(point)
    values = dict(point)
    for name, definition in net.definitions().items():
        values[name] = definition.xreplace(values)
    for neuron, target in zip(net.layers[-1], net.targets):
        expected = values[neuron.name] - point[target]      # dL/db_j = dL/dz_j = o_j - y_j
        assert sp.N(grad[neuron.bias] - expected, 30) == pytest.approx(0, abs=1e-20)
