"""How a network's neurons and parameters are named, without SymPy (a bank file is checked with it).

A network of at most three layers is named as the course names it: hidden neurons h1, h2, …,
outputs o1, …, weights w1, w2, … and biases b1, … counted through the network; a deeper one
by layer: a^(l)_j, w^(l)_jk, b^(l)_j. A layer's biases are one per neuron, one shared by the
layer (the textbook's b1 of the hidden layer, b2 of the output layer), or none.

>>> [[name for name, _, _ in layer] for layer in layer_names([2, 2, 1])]
[['h1', 'h2'], ['o1']]
>>> layer_names([2, 2, 1])[1][0]
('o1', ('w5', 'w6'), 'b3')
>>> [[bias for _, _, bias in layer] for layer in layer_names([2, 2, 2], ("shared", "shared"))]
[['b1', 'b1'], ['b2', 'b2']]
>>> [[bias for _, _, bias in layer] for layer in layer_names([2, 2, 1], ("none", "neuron"))]
[[None, None], ['b1']]
"""

from __future__ import annotations

# the names a bank file may use, kept here so a file is checked without SymPy; tests/nn/test_naming.py
# holds them equal to the tables of nn.network and nn.optimizers
ACTIVATION_NAMES = ("sigmoid", "tanh", "relu", "identity")
LOSS_NAMES = ("mse", "half-se", "bce", "ce")
# a loss on a table of targets and predictions (hinge: binary, labels ±1 and raw scores; svm and softmax-ce:
# one-hot rows and rows of raw class scores)
DATA_LOSS_NAMES = ("mse", "mae", "rmse", "mape", "bce", "ce", "hinge", "svm", "softmax-ce")
SCORE_LOSS_NAMES = ("softmax-ce", "svm")   # a loss on the raw scores of the output layer, given its class
# the losses of one prediction per sample, whose gradient by each prediction a key works (not ce, svm, softmax-ce)
GRADIENT_LOSSES = ("mse", "mae", "rmse", "mape", "bce", "hinge")
# a run of more steps shows the first in full, the others as the loss before each; a run from a given start of
# at most this many one-row steps is worked exactly by hand (problems.data_training), so it needs no tolerance
FULL_STEPS = 5
OUTPUT_NAMES = ("same", "softmax")
OPTIMIZER_NAMES = ("gd", "sgd", "minibatch", "momentum", "momentum-delta", "momentum-cs231n", "momentum-d2l", "nesterov",
                   "adagrad", "rmsprop", "adam-slide", "adam", "momentum-geron", "nesterov-geron", "adam-geron")
LOOKAHEAD_OPTIMIZERS = ("nesterov", "nesterov-geron")        # their gradient is taken elsewhere than at the weights
MOMENTUM_OPTIMIZERS = ("momentum", "momentum-delta", "momentum-cs231n", "momentum-d2l",
                       "momentum-geron")   # what a problem's ``momentum`` is for
BIAS_MODES = ("neuron", "shared", "none")   # a layer's biases: one per neuron, one for the layer, none
NO_BIASES = "none"                          # how a bank file says a layer has no biases: biases = "none"


def bias_modes(biases, shared: bool, layers: int) -> tuple[str, ...]:
    """Per layer of neurons, how a bank file's ``biases`` (a value for all layers, or one per layer,
    "none" for no bias) and ``shared_biases`` give its biases."""
    values = biases if isinstance(biases, list) else [biases] * layers
    return tuple("none" if value == NO_BIASES else "shared" if shared else "neuron" for value in values)


def layer_names(sizes, biases=None) -> list[list[tuple[str, tuple[str, ...], str | None]]]:
    """Per layer after the inputs, per neuron: its name, the names of its weights (one per input), its bias
    (None without one); ``biases``: a BIAS_MODES name per layer, one bias per neuron by default."""
    course = len(sizes) <= 3
    modes = biases or ("neuron",) * (len(sizes) - 1)
    layers, w, b = [], 0, 0
    for layer, (size, mode) in enumerate(zip(sizes[1:], modes), 1):
        last, before, neurons = layer == len(sizes) - 1, sizes[layer - 1], []
        if mode == "shared":
            b += 1
        for j in range(1, size + 1):
            if mode == "neuron":
                b += 1
            if course:
                name = f"o{j}" if last else f"h{j}"
                weights = tuple(f"w{w + k}" for k in range(1, before + 1))
                bias = f"b{b}"
                w += before
            else:
                name = f"a^{{({layer})}}_{{{j}}}"
                weights = tuple(f"w^{{({layer})}}_{{{j}{k}}}" for k in range(1, before + 1))
                bias = f"b^{{({layer})}}" if mode == "shared" else f"b^{{({layer})}}_{{{j}}}"
            neurons.append((name, weights, None if mode == "none" else bias))
        layers.append(neurons)
    return layers


def parameter_names(sizes, biases=None) -> set[str]:
    """Every weight and bias of the network, by name."""
    return {name for layer in layer_names(sizes, biases) for _, weights, bias in layer
            for name in (*weights, bias) if name is not None}


def neuron_names(sizes) -> set[str]:
    """Every neuron of the network, by name."""
    return {name for layer in layer_names(sizes) for name, _, _ in layer}
