"""The textbook's forms of a network trained by hand (nn.sgd_steps): a bias shared by a layer, layers
without biases, losses on raw scores, CS231n's momentum and the forward pass after the updates, each
against a hand-written NumPy computation or central differences."""

import numpy as np
import pytest
import sympy as sp

from symnn.nn.network import Network
from symnn.nn.sgd_steps import train_steps


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def exact(at: dict) -> dict:
    return {k: sp.Rational(repr(float(v))) for k, v in at.items()}


# the worked example: a 2-2-2 sigmoid network, a bias per layer (b1 = 0.35 into h1 and h2, b2 = 0.60)
X, Y = np.array([0.05, 0.10]), np.array([0.01, 0.99])
W1, W2 = np.array([[0.15, 0.20], [0.25, 0.30]]), np.array([[0.40, 0.45], [0.50, 0.55]])
SHARED = {"x1": 0.05, "x2": 0.10, "y1": 0.01, "y2": 0.99, "w1": 0.15, "w2": 0.20, "w3": 0.25, "w4": 0.30,
          "b1": 0.35, "w5": 0.40, "w6": 0.45, "w7": 0.50, "w8": 0.55, "b2": 0.60}


def numpy_loss(W1, b1, W2, b2):
    """½ Σ (y − o)² of the 2-2-2 sigmoid network; b1, b2 one number each, added to every neuron."""
    o = sigmoid(W2 @ sigmoid(W1 @ X + b1) + b2)
    return 0.5 * ((Y - o) ** 2).sum()


def central(f, value, eps=1e-6):
    return (f(value + eps) - f(value - eps)) / (2 * eps)


@pytest.fixture(scope="module")
def shared():
    net = Network([2, 2, 2], loss="half-se", biases="shared")
    return train_steps(net, exact(SHARED), learning_rate="1/2")


def test_a_shared_bias_is_one_parameter_after_the_weights_of_its_layer(shared):
    assert [str(p) for p in shared.network.parameters()] == \
        ["w1", "w2", "w3", "w4", "b1", "w5", "w6", "w7", "w8", "b2"]
    definitions = shared.network.definitions()
    assert str(definitions[sp.Symbol("h2", real=True)]) == "sigmoid(b1 + w3*x1 + w4*x2)"


def test_the_gradient_of_a_shared_bias_is_the_sum_over_its_layer(shared):
    gradients = {str(p): (formula, value) for p, formula, value in shared.steps[0].gradients}
    assert str(gradients["b1"][0]) == "delta_h1 + delta_h2"
    b1 = central(lambda b: numpy_loss(W1, b, W2, 0.60), 0.35)
    b2 = central(lambda b: numpy_loss(W1, 0.35, W2, b), 0.60)
    assert float(gradients["b1"][1]) == pytest.approx(b1, abs=1e-9)
    assert float(gradients["b2"][1]) == pytest.approx(b2, abs=1e-9)
    # the same network with a bias per neuron: each neuron's gradient is one term of the sum
    each = train_steps(Network([2, 2, 2], loss="half-se"),
                       exact({**SHARED, "b1": 0.35, "b2": 0.35, "b3": 0.60, "b4": 0.60}), learning_rate="1/2")
    per_neuron = {str(p): v for p, _, v in each.steps[0].gradients}
    assert gradients["b1"][1] == per_neuron["b1"] + per_neuron["b2"]
    assert gradients["b2"][1] == per_neuron["b3"] + per_neuron["b4"]


def test_the_outputs_after_the_update_are_the_forward_pass_with_the_new_parameters(shared):
    g1, g2 = central(lambda b: numpy_loss(W1, b, W2, 0.60), 0.35), central(lambda b: numpy_loss(W1, 0.35, W2, b), 0.60)
    h = sigmoid(W1 @ X + 0.35)
    d2 = (sigmoid(W2 @ h + 0.60) - Y) * sigmoid(W2 @ h + 0.60) * (1 - sigmoid(W2 @ h + 0.60))
    d1 = (W2.T @ d2) * h * (1 - h)
    new_W1, new_W2 = W1 - 0.5 * np.outer(d1, X), W2 - 0.5 * np.outer(d2, h)
    new_h = sigmoid(new_W1 @ X + 0.35 - 0.5 * g1)
    new_o = sigmoid(new_W2 @ new_h + 0.60 - 0.5 * g2)
    assert [float(shared.value(n)) for n in ("h1+", "h2+", "o1+", "o2+")] == \
        pytest.approx([*new_h, *new_o], abs=1e-8)
    assert float(shared.value("L+")) == pytest.approx(0.5 * ((Y - new_o) ** 2).sum(), abs=1e-8)


def test_a_layer_without_biases_has_none_anywhere():
    # the delta rule's worked example: two sigmoid layers, no bias at all
    net = Network([2, 2, 1], loss="half-se", biases="none")
    at = {"x1": 1, "x2": 0, "y": 1, "w1": 0.45, "w2": -0.12, "w3": 0.78, "w4": 0.13, "w5": 1.5, "w6": -2.3}
    run = train_steps(net, exact(at), learning_rate="7/10")
    assert [str(p) for p in net.parameters()] == ["w1", "w2", "w3", "w4", "w5", "w6"]
    assert not any(s.name.startswith("b") for e in net.definitions().values() for s in e.free_symbols)
    assert [str(p) for p, _, _ in run.steps[0].gradients] == [str(p) for p, _ in run.steps[0].updates] == \
        ["w1", "w2", "w3", "w4", "w5", "w6"]
    Wh, wo = np.array([[0.45, -0.12], [0.78, 0.13]]), np.array([1.5, -2.3])
    x = np.array([1.0, 0.0])
    h = sigmoid(Wh @ x)
    o = sigmoid(wo @ h)
    d6 = (o - 1) * o * (1 - o)
    d45 = wo * d6 * h * (1 - h)
    expected = [*(np.outer(d45, x).ravel()), *(d6 * h)]
    assert [float(v) for _, _, v in run.steps[0].gradients] == pytest.approx(expected, abs=1e-12)


# CS231n's example: the scores of a cat image for the classes cat, car and frog
SCORES = np.array([3.2, 5.1, -1.7])


def scores_run(loss):
    """The scores passed through a linear layer with W = I and no biases, the correct class the first."""
    net = Network([3, 3], "identity", loss, biases="none", label=1)
    at = {"x1": 3.2, "x2": 5.1, "x3": -1.7, "y1": 1, "y2": 0, "y3": 0,
          **{f"w{3 * j + k + 1}": float(j == k) for j in range(3) for k in range(3)}}
    return train_steps(net, exact(at), steps=0)


def numpy_svm(s):
    return sum(max(0.0, s[j] - s[0] + 1) for j in (1, 2))


def numpy_softmax_ce(s):
    return -np.log(np.exp(s[0]) / np.exp(s).sum())


@pytest.mark.parametrize("loss, oracle, published", [
    ("svm", numpy_svm, 2.9),             # 2.9 = max(0, 5.1 − 3.2 + 1) + max(0, −1.7 − 3.2 + 1)
    ("softmax-ce", numpy_softmax_ce, 2.04),   # −ln 0.13, the natural logarithm
])
def test_a_loss_on_raw_scores_and_its_gradient(loss, oracle, published):
    run = scores_run(loss)
    assert run.steps[0].number == 0 and run.steps[0].updates == ()
    assert float(run.value("L")) == pytest.approx(oracle(SCORES), abs=1e-12)
    assert round(float(run.value("L")), 2) == published
    numeric = [central(lambda v, j=j: oracle(np.where(np.arange(3) == j, v, SCORES)), SCORES[j]) for j in range(3)]
    assert [float(run.value(f"dL/do{j}")) for j in (1, 2, 3)] == pytest.approx(numeric, abs=1e-8)


def test_the_gradients_of_the_scores_in_closed_form():
    # the SVM: 1 for each wrong class over the margin, minus their number for the correct class
    run = scores_run("svm")
    assert [run.value(f"dL/do{j}") for j in (1, 2, 3)] == [-1, 1, 0]
    # softmax: p − y
    p = np.exp(SCORES) / np.exp(SCORES).sum()
    run = scores_run("softmax-ce")
    assert [float(run.value(f"dL/do{j}")) for j in (1, 2, 3)] == pytest.approx(p - [1, 0, 0], abs=1e-12)


def test_momentum_in_both_sign_conventions_gives_the_same_numbers():
    net = Network([2, 2, 2], loss="half-se", biases="shared")
    course = train_steps(net, exact(SHARED), steps=3, optimizer="momentum", learning_rate="1/2", momentum="9/10")
    cs231n = train_steps(net, exact(SHARED), steps=3, optimizer="momentum-cs231n", learning_rate="1/2",
                         momentum="9/10")
    assert [float(v) for _, v in cs231n.parameters] == pytest.approx([float(v) for _, v in course.parameters],
                                                                      abs=1e-40)
    # v = μv − η∇L; w = w + v, written out by hand over the shared-bias network
    params = [W1.copy(), np.array([0.35]), W2.copy(), np.array([0.60])]
    velocity = [np.zeros_like(p) for p in params]
    for _ in range(3):
        eps = 1e-6
        grads = []
        for i, p in enumerate(params):
            grad = np.zeros_like(p)
            for index in np.ndindex(p.shape):
                up, down = [q.copy() for q in params], [q.copy() for q in params]
                up[i][index] += eps
                down[i][index] -= eps
                grad[index] = (numpy_loss(*up) - numpy_loss(*down)) / (2 * eps)
            grads.append(grad)
        velocity = [0.9 * v - 0.5 * g for v, g in zip(velocity, grads)]
        params = [p + v for p, v in zip(params, velocity)]
    expected = [*params[0].ravel(), *params[1], *params[2].ravel(), *params[3]]
    assert [float(v) for _, v in cs231n.parameters] == pytest.approx(expected, abs=1e-8)
    rows = cs231n.steps[1].updates[0][1]
    assert [str(row.quantity) for row in rows] == ["v_t", "w_t"]
    assert str(rows[0].formula) == "-eta*g_t + mu*v_{t-1}"


@pytest.mark.parametrize("loss, output, activation, optimizer", [
    ("half-se", "same", "sigmoid", "momentum-cs231n"),
    ("ce", "softmax", ["relu", "identity"], "adam"),          # square roots and a ReLU's step
    ("svm", "same", ["tanh", "identity"], "rmsprop"),         # max and Heaviside
])
def test_the_steps_a_key_does_not_show_are_the_steps_it_would(loss, output, activation, optimizer):
    net = Network([2, 2, 2], activation, loss, output, label=2)
    at = exact({**SHARED, "b1": 0.1, "b2": -0.2, "b3": 0.3, "b4": 0.05, "y1": 0, "y2": 1})
    at = {k: v for k, v in at.items() if k in {str(s) for s in (*net.inputs, *net.targets, *net.parameters())}}
    whole = train_steps(net, at, steps=4, optimizer=optimizer, learning_rate="1/10")
    quick = train_steps(net, at, steps=4, optimizer=optimizer, learning_rate="1/10", shown=1)
    assert len(whole.steps) == 4 and len(quick.steps) == 1
    assert [float(v) for _, v in quick.parameters] == pytest.approx([float(v) for _, v in whole.parameters], abs=1e-45)
    assert [n for n, _ in quick.history] == [1, 2, 3, 4]
    losses = [float(dict(step.forward)[net.loss_symbol]) for step in whole.steps]
    assert [float(v) for _, v in quick.history] == pytest.approx(losses, abs=1e-45)
    assert float(quick.value("L+")) == pytest.approx(float(whole.value("L+")), abs=1e-45)


def test_the_derivative_by_a_hidden_output_goes_through_the_deltas_after_it():
    net = Network([2, 2, 1], loss="half-se", biases="none")
    at = {"x1": 1, "x2": 0, "y": 1, "w1": 0.45, "w2": -0.12, "w3": 0.78, "w4": 0.13, "w5": 1.5, "w6": -2.3}
    run = train_steps(net, exact(at), steps=0)
    h = sigmoid(np.array([[0.45, -0.12], [0.78, 0.13]]) @ np.array([1.0, 0.0]))
    wo = np.array([1.5, -2.3])

    def loss_of(h):                        # L as a function of the hidden outputs themselves
        return 0.5 * (sigmoid(wo @ h) - 1) ** 2
    numeric = [(loss_of(h + 1e-6 * e) - loss_of(h - 1e-6 * e)) / 2e-6 for e in np.eye(2)]
    assert [float(run.value(f"dL/dh{j}")) for j in (1, 2)] == pytest.approx(numeric, abs=1e-9)
    assert float(run.value("dL/do1")) == pytest.approx(sigmoid(wo @ h) - 1, abs=1e-12)
