"""The bank's ``network`` problems: a network as the standard texts state it, trained by hand.

A teacher writes the layer sizes, the weight matrix and bias vector of every layer (or a number for
a whole layer, or a rule in j and k), the sample, the loss, the optimizer and what is asked:

    kind = "network"
    layers = [2, 2, 2]
    inputs = [0.05, 0.10]
    targets = [0.01, 0.99]
    weights = [[[0.15, 0.20], [0.25, 0.30]], [[0.40, 0.45], [0.50, 0.55]]]   # row j: the weights into neuron j
    biases = [0.35, 0.60]                 # per layer: a number for all its neurons, or a vector, or "none"
    shared_biases = true                  # one bias per layer (b1, b2), not one per neuron
    activation = "sigmoid"                # or one per layer: ["tanh", "sigmoid"]
    loss = "half-se"                      # half-se (Σ ½(y − o)²), mse (mean over the outputs), bce, ce,
                                          # or on raw scores: softmax-ce, svm (margin = 1, its Δ)
    learning_rate = 0.5
    steps = 1
    update_biases = false
    weight_decay = 0.01                   # λ of J = L + (λ/2)Σ w²: each weight's gradient gains λw (find "J": J)
    find = ["forward", "L", "dL/dw5", "updated", "L+"]

``find`` lists the answer in order: a neuron (h1, o2), the loss L, a gradient dL/dw5 of the first
step (or dL/do1, of a neuron's output), a parameter or neuron after the last update (w5+, o1+), the
loss after it (L+), or a group: ``forward`` (every neuron), ``gradients`` (every gradient of the
first step), ``updated`` (every parameter the optimizer moves, after the last update).

>>> from symnn.problems.solve import solve
>>> solution = solve("mazur-221")
>>> round(float(solution.answer[4]), 9)
0.298371109
"""

from __future__ import annotations

import sympy as sp

from .bank import Problem

KEY_DIGITS = 30
SHORT = 40          # characters of an exact value a student could type (sigmoid(151/400))


def _network(data):
    from ..calculus.gradient import exact_number
    from ..nn.naming import bias_modes
    from ..nn.network import Network
    loss, layers = data.get("loss", "half-se"), data["layers"]
    modes = bias_modes(data.get("biases", 0), data.get("shared_biases", False), len(layers) - 1)
    targets = data.get("targets", [])
    label = targets.index(1) + 1 if 1 in targets else 1      # the correct class of a loss on raw scores
    return Network(layers, data.get("activation", "sigmoid"), loss, data.get("output", "same"),
                   mean=data.get("mean", loss == "mse"), biases=modes, label=label,
                   margin=exact_number(data.get("margin", 1)))


def _entry(value, j: int, k: int):
    """A weight or bias given as a number, or as a rule in j (the neuron) and k (the input)."""
    from ..calculus.gradient import exact_number
    from ..calculus.parse import parse_expr_safe
    if isinstance(value, str):
        rule = parse_expr_safe(value)
        return exact_number(rule.subs({sp.Symbol("j", real=True): j, sp.Symbol("k", real=True): k,
                                       sp.Symbol("j"): j, sp.Symbol("k"): k}))
    return exact_number(value)


def network_point(network, data) -> dict:
    """Inputs, targets, and every weight and bias by name, from the problem's lists."""
    point = {f"x{i}": v for i, v in enumerate(data["inputs"], 1)}
    targets = [str(t) for t in network.targets]
    point.update(dict(zip(targets, data.get("targets", ()))))
    return {**point, **parameter_values(network, data["weights"], data.get("biases", 0))}


def parameter_values(network, weights, biases) -> dict:
    """Every weight and bias by name, exactly, in the network's order (a shared bias after its layer),
    from a bank file's ``weights`` and ``biases``: per layer a matrix, a vector or a number (or a rule
    in j and k), or one value for every layer."""
    values = {}
    for l, layer in enumerate(network.layers):
        matrix = weights[l] if isinstance(weights, list) else weights
        vector = biases[l] if isinstance(biases, list) else biases
        for j, neuron in enumerate(layer):
            for k, w in enumerate(neuron.weights):
                values[str(w)] = _entry(matrix[j][k] if isinstance(matrix, list) else matrix, j + 1, k + 1)
            if neuron.bias is not None:        # a shared bias is one number: the same for every j
                values[str(neuron.bias)] = _entry(vector[j] if isinstance(vector, list) else vector, j + 1, 0)
    return {str(p): values[str(p)] for p in network.parameters()}


def asked(run, find) -> tuple[str, ...]:
    """The names of ``find`` with its groups spelled out."""
    L = str(run.network.loss_symbol)
    groups = {"forward": [str(n.name) for n in run.network.neurons()],
              "gradients": [f"d{L}/d{p}" for p, *_ in run.steps[0].gradients] if run.steps else [],
              "updated": [f"{p}+" for p, _ in run.steps[-1].updates] if run.steps else []}
    return tuple(n for name in find for n in groups.get(name, [name]))


def solve_network(problem: Problem):
    """Every field above: the forward pass, the backward pass and ``steps`` updates; the answer is
    what ``find`` asks, in its order."""
    from dataclasses import replace

    from ..nn.sgd_steps import train_steps
    from .solve import Solution
    data = problem.data
    network = _network(data)
    if "targets" not in data:        # a forward pass only: no target, so no loss, no backward pass, no step
        return _forward_only(problem, network)
    run = train_steps(network, network_point(network, data), steps=data.get("steps", 1),
                      optimizer=data.get("optimizer", "sgd"), learning_rate=data.get("learning_rate"),
                      momentum=data.get("momentum"), settings=data.get("settings"),
                      update_biases=data.get("update_biases", True), weight_decay=data.get("weight_decay"))
    names = asked(run, data["find"])
    run = replace(run, asked=names)
    return Solution(problem, run, tuple(_keyed(run.value(name)) for name in names))


def _forward_only(problem: Problem, network):
    """The neurons ``find`` asks for (``forward``: every one), from the inputs and the parameters."""
    from ..nn.backprop import forward_pass
    from .solve import Solution
    run = forward_pass(network, network_point(network, problem.data))
    values = {str(name): value for name, value in run.forward}
    names = [n for name in problem.data["find"] for n in ([str(n.name) for n in network.neurons()]
                                                           if name == "forward" else [name])]
    return Solution(problem, run, tuple(_keyed(values[name]) for name in names))


def _keyed(value):
    """The answer's value: exact where a student could type it, else to KEY_DIGITS digits (the work stays exact)."""
    short = len(sp.sstr(value)) <= SHORT
    return value if value.is_Rational or short else sp.Float(sp.N(value, KEY_DIGITS), KEY_DIGITS)
