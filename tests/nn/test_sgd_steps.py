"""Networks trained by hand (nn.sgd_steps) against a hand-written NumPy loop and central differences."""

import numpy as np
import pytest
import sympy as sp

from symnn.nn.network import Network
from symnn.nn.sgd_steps import train_steps


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


ACT = {"sigmoid": sigmoid, "tanh": np.tanh, "identity": lambda z: z}
SLOPE = {"sigmoid": lambda a: a * (1 - a), "tanh": lambda a: 1 - a ** 2, "identity": lambda a: np.ones_like(a)}


def forward(Ws, bs, acts, x, output="same"):
    """Every layer's outputs, the last one a softmax when asked."""
    outs = [np.asarray(x, float)]
    for layer, (W, b, act) in enumerate(zip(Ws, bs, acts)):
        z = W @ outs[-1] + b
        if output == "softmax" and layer == len(Ws) - 1:
            e = np.exp(z - z.max())
            outs.append(e / e.sum())
        else:
            outs.append(ACT[act](z))
    return outs


def loss(o, y, name, mean=False):
    terms = {"half-se": lambda: 0.5 * (y - o) ** 2, "mse": lambda: (y - o) ** 2,
             "bce": lambda: -(y * np.log(o) + (1 - y) * np.log(1 - o)), "ce": lambda: -y * np.log(o)}[name]()
    return terms.sum() / (len(o) if mean else 1)


def numpy_gradients(Ws, bs, acts, x, y, name, output="same", mean=False):
    """A hand-written backward pass: δ of the outputs from ∂L/∂o, then back through the layers."""
    outs = forward(Ws, bs, acts, x, output)
    o, n = outs[-1], (len(outs[-1]) if mean else 1)
    dL_do = {"half-se": (o - y), "mse": 2 * (o - y), "bce": (o - y) / (o * (1 - o)), "ce": -y / o}[name] / n
    if output == "softmax":
        d = o * (dL_do - (o * dL_do).sum())
    else:
        d = dL_do * SLOPE[acts[-1]](o)
    gW, gb = [None] * len(Ws), [None] * len(Ws)
    for layer in reversed(range(len(Ws))):
        gW[layer], gb[layer] = np.outer(d, outs[layer]), d
        if layer:
            d = (Ws[layer].T @ d) * SLOPE[acts[layer - 1]](outs[layer])
    return gW, gb


def point(net, Ws, bs, x, y):
    at = {str(s): v for s, v in zip(net.inputs, x)}
    at.update({str(s): v for s, v in zip(net.targets, y)})
    for layer, W, b in zip(net.layers, Ws, bs):
        for j, neuron in enumerate(layer):
            at.update({str(w): W[j, k] for k, w in enumerate(neuron.weights)})
            at[str(neuron.bias)] = b[j]
    return at


def flat(net, gW, gb):
    """NumPy's gradients in the order of net.parameters()."""
    return [v for W, b in zip(gW, gb) for j in range(len(b)) for v in (*W[j], b[j])]


MAZUR = dict(Ws=[np.array([[0.15, 0.20], [0.25, 0.30]]), np.array([[0.40, 0.45], [0.50, 0.55]])],
             bs=[np.array([0.35, 0.35]), np.array([0.60, 0.60])], x=[0.05, 0.10], y=[0.01, 0.99])
# the published numbers of the worked example, as printed (their digits are their precision)
PUBLISHED = {"h1": "0.593269992", "h2": "0.596884378", "o1": "0.75136507", "o2": "0.772928465",
             "L": "0.298371109", "dL/dw5": "0.082167041", "w5+": "0.35891648", "w6+": "0.408666186",
             "w7+": "0.511301270", "w8+": "0.561370121", "w1+": "0.149780716", "w2+": "0.19956143",
             "w3+": "0.24975114", "w4+": "0.29950229"}


def places(text: str) -> int:
    return len(text.split(".")[1])


@pytest.fixture(scope="module")
def mazur():
    net = Network([2, 2, 2], loss="half-se")
    at = point(net, MAZUR["Ws"], MAZUR["bs"], MAZUR["x"], MAZUR["y"])
    return train_steps(net, {k: sp.Rational(repr(float(v))) for k, v in at.items()}, learning_rate="1/2",
                       update_biases=False)


@pytest.mark.parametrize("name", PUBLISHED)
def test_the_worked_example_to_its_printed_precision(mazur, name):
    value = round(float(mazur.value(name)), places(PUBLISHED[name]))
    assert value == pytest.approx(float(PUBLISHED[name]), abs=1e-12)


def test_the_worked_example_against_a_numpy_loop(mazur):
    Ws, bs = MAZUR["Ws"], MAZUR["bs"]
    gW, gb = numpy_gradients(Ws, bs, ["sigmoid"] * 2, MAZUR["x"], np.array(MAZUR["y"]), "half-se")
    net = mazur.network
    assert [float(v) for _, _, v in mazur.steps[0].gradients] == pytest.approx(flat(net, gW, gb), abs=1e-14)
    new = [W - 0.5 * g for W, g in zip(Ws, gW)]            # the biases stay: the example keeps them
    after = dict(mazur.parameters)
    assert [float(after[p]) for p in net.parameters()] == pytest.approx(flat(net, new, bs), abs=1e-14)
    o = forward(new, bs, ["sigmoid"] * 2, MAZUR["x"])[-1]
    assert float(mazur.value("L+")) == pytest.approx(loss(o, np.array(MAZUR["y"]), "half-se"), abs=1e-14)
    assert [str(p) for p, _ in mazur.steps[0].updates] == ["w1", "w2", "w3", "w4", "w5", "w6", "w7", "w8"]


CASES = [   # sizes, activation per layer, loss, output, mean
    ([2, 2, 2], ["sigmoid", "sigmoid"], "half-se", "same", False),
    ([2, 2, 1], ["tanh", "identity"], "half-se", "same", False),
    ([3, 2, 2], ["tanh", "sigmoid"], "mse", "same", True),
    ([2, 3, 2], ["sigmoid", "sigmoid"], "bce", "same", False),
    ([2, 2, 3], ["tanh", "identity"], "ce", "softmax", False),
    ([2, 2, 2, 1], ["tanh", "sigmoid", "identity"], "half-se", "same", False),
]


def random_net(sizes, seed):
    rng = np.random.default_rng(seed)
    Ws = [np.round(rng.uniform(-1, 1, (m, n)), 2) for n, m in zip(sizes, sizes[1:])]
    bs = [np.round(rng.uniform(-1, 1, m), 2) for m in sizes[1:]]
    x = np.round(rng.uniform(-1, 1, sizes[0]), 2)
    y = np.round(rng.uniform(0.1, 0.9, sizes[-1]), 2)
    return Ws, bs, x, y / y.sum() if sizes[-1] > 1 else y


@pytest.mark.parametrize("sizes, acts, name, output, mean", CASES)
def test_every_gradient_equals_central_differences(sizes, acts, name, output, mean):
    Ws, bs, x, y = random_net(sizes, len(sizes) * 7 + sizes[-1])
    net = Network(sizes, acts, name, output, mean=mean)
    run = train_steps(net, {k: sp.Rational(repr(float(v))) for k, v in point(net, Ws, bs, x, y).items()},
                      learning_rate="1/10")
    exact = [float(v) for _, _, v in run.steps[0].gradients]
    params = flat(net, Ws, bs)
    eps = 1e-6

    def loss_at(flat_params):
        it = iter(flat_params)
        W2 = [np.zeros_like(W) for W in Ws]
        b2 = [np.zeros_like(b) for b in bs]
        for W, b in zip(W2, b2):
            for j in range(len(b)):
                W[j] = [next(it) for _ in range(W.shape[1])]
                b[j] = next(it)
        return loss(forward(W2, b2, acts, x, output)[-1], y, name, mean)

    numeric = []
    for i in range(len(params)):
        up, down = list(params), list(params)
        up[i] += eps
        down[i] -= eps
        numeric.append((loss_at(up) - loss_at(down)) / (2 * eps))
    assert exact == pytest.approx(numeric, abs=1e-8)
    gW, gb = numpy_gradients(Ws, bs, acts, x, y, name, output, mean)
    assert exact == pytest.approx(flat(net, gW, gb), abs=1e-12)


def numpy_train(Ws, bs, acts, x, y, name, steps, optimizer, eta, alpha=0.9):
    """SGD, momentum (h = αh + ηg, w −= h) and Adam with bias correction, written out by hand."""
    Ws, bs = [W.copy() for W in Ws], [b.copy() for b in bs]
    state = {}
    for t in range(1, steps + 1):
        gW, gb = numpy_gradients(Ws, bs, acts, x, y, name)
        for key, (params, grads) in enumerate(((Ws, gW), (bs, gb))):
            for layer, grad in enumerate(grads):
                h, G = state.get((key, layer), (0.0, 0.0))
                if optimizer == "sgd":
                    step = eta * grad
                elif optimizer == "momentum":
                    h = alpha * h + eta * grad
                    step = h
                else:   # adam
                    h, G = 0.9 * h + 0.1 * grad, 0.999 * G + 0.001 * grad ** 2
                    step = eta * (h / (1 - 0.9 ** t)) / (np.sqrt(G / (1 - 0.999 ** t)) + 1e-8)
                state[(key, layer)] = (h, G)
                params[layer] = params[layer] - step
    return Ws, bs


@pytest.mark.parametrize("optimizer, steps", [("sgd", 3), ("momentum", 3), ("adam", 2)])
def test_n_steps_of_an_optimizer_against_a_numpy_loop(optimizer, steps):
    Ws, bs, x, y = random_net([2, 2, 2], 5)
    acts = ["tanh", "sigmoid"]
    net = Network([2, 2, 2], acts, "half-se")
    run = train_steps(net, {k: sp.Rational(repr(float(v))) for k, v in point(net, Ws, bs, x, y).items()},
                      steps=steps, optimizer=optimizer, learning_rate="1/2")
    W_end, b_end = numpy_train(Ws, bs, acts, x, y, "half-se", steps, optimizer, 0.5)
    after = dict(run.parameters)
    assert [float(after[p]) for p in net.parameters()] == pytest.approx(flat(net, W_end, b_end), abs=1e-12)
    o = forward(W_end, b_end, acts, x)[-1]
    assert float(run.value("L+")) == pytest.approx(loss(o, y, "half-se"), abs=1e-12)
    assert [s.number for s in run.steps] == list(range(1, steps + 1))


def test_an_unknown_optimizer_or_setting_is_refused():
    net = Network([1, 1])
    at = {"x1": 1, "y": 0, "w1": 0, "b1": 0}
    with pytest.raises(ValueError, match="unknown optimizer 'nesterov'"):
        train_steps(net, at, optimizer="nesterov")
    with pytest.raises(ValueError, match="sgd has no setting 'beta_1'"):
        train_steps(net, at, settings={"beta_1": 0.9})


def test_a_name_the_run_does_not_know_is_refused(mazur):
    with pytest.raises(ValueError, match="'w9\\+' is not a node"):
        mazur.value("w9+")
