"""How a network's neurons and parameters are named, without SymPy (a bank file is checked with it).

A network of at most three layers is named as the course names it: hidden neurons h1, h2, …,
outputs o1, …, weights w1, w2, … and biases b1, … counted through the network; a deeper one
by layer: a^(l)_j, w^(l)_jk, b^(l)_j.

>>> [[name for name, _, _ in layer] for layer in layer_names([2, 2, 1])]
[['h1', 'h2'], ['o1']]
>>> layer_names([2, 2, 1])[1][0]
('o1', ('w5', 'w6'), 'b3')
"""

from __future__ import annotations

# the names a bank file may use, kept here so a file is checked without SymPy; tests/nn/test_naming.py
# holds them equal to the tables of nn.network and nn.optimizers
ACTIVATION_NAMES = ("sigmoid", "tanh", "relu", "identity")
LOSS_NAMES = ("mse", "half-se", "bce", "ce")
DATA_LOSS_NAMES = ("mse", "mae", "rmse", "mape", "bce", "ce")      # a loss on a table of targets and predictions
OUTPUT_NAMES = ("same", "softmax")
OPTIMIZER_NAMES = ("gd", "sgd", "minibatch", "momentum", "momentum-delta", "nesterov", "adagrad", "rmsprop",
                   "adam-slide", "adam")
LOOKAHEAD_OPTIMIZERS = ("nesterov",)        # their gradient is taken elsewhere than at the weights


def layer_names(sizes) -> list[list[tuple[str, tuple[str, ...], str]]]:
    """Per layer after the inputs, per neuron: its name, the names of its weights (one per input), its bias."""
    course = len(sizes) <= 3
    layers, w, b = [], 0, 0
    for layer, size in enumerate(sizes[1:], 1):
        last, before, neurons = layer == len(sizes) - 1, sizes[layer - 1], []
        for j in range(1, size + 1):
            if course:
                name = f"o{j}" if last else f"h{j}"
                weights = tuple(f"w{w + k}" for k in range(1, before + 1))
                bias = f"b{b + 1}"
                w, b = w + before, b + 1
            else:
                name = f"a^{{({layer})}}_{{{j}}}"
                weights = tuple(f"w^{{({layer})}}_{{{j}{k}}}" for k in range(1, before + 1))
                bias = f"b^{{({layer})}}_{{{j}}}"
            neurons.append((name, weights, bias))
        layers.append(neurons)
    return layers


def parameter_names(sizes) -> set[str]:
    """Every weight and bias of the network, by name."""
    return {name for layer in layer_names(sizes) for _, weights, bias in layer for name in (*weights, bias)}


def neuron_names(sizes) -> set[str]:
    return {name for layer in layer_names(sizes) for name, _, _ in layer}
