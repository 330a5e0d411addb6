"""A network in matrix form: each layer's W, b, z = W·a + b, a = f(z), δ, ∂L/∂W = δ·aᵀ and W⁺ as matrices.

The numbers are those of the scalar work (``nn.network``, ``nn.backprop``, ``nn.sgd_steps``): each layer's
matrices hold its neurons' weights, biases, sums, outputs, deltas, gradients and new values, entry (j, k)
the weight from input k into neuron j, as ``Layer.weights`` arranges them. Nothing is computed twice; the
layers only gather the scalars into the matrices a statement in matrix form names (W_h, h_t, h).

A layer is named by role: its weights W_l, biases b_l, sums z_l, outputs (h for the one hidden layer,
h_l for several, o for the output layer) and deltas δ_l, unless a problem names them otherwise.

>>> from symnn.nn.backprop import forward_pass
>>> net = Network([2, 2, 1])
>>> run = forward_pass(net, "x1 = 1, x2 = 2", weights=1, biases=0)
>>> matrix = matrix_network(run)
>>> [layer.names for layer in matrix.layers]
[('W_1', 'b_1', 'z_1', 'h', 'delta_1'), ('W_2', 'b_2', 'z_2', 'o', 'delta_2')]
>>> matrix.values(dict((*run.point, *run.forward)))[0].sums.T
Matrix([[3, 3]])
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy as sp

from ..calculus.display import RichDisplay
from .network import Network

ROLES = ("weights", "biases", "sums", "outputs", "deltas")


def default_names(sizes) -> list[tuple[str, ...]]:
    """(weights, biases, sums, outputs, deltas) of each layer: W_l, b_l, z_l, h (h_l) or o, δ_l."""
    count = len(sizes) - 1
    names = []
    for l in range(1, count + 1):
        output = "o" if l == count else "h" if count == 2 else f"h_{l}"
        names.append((f"W_{l}", f"b_{l}", f"z_{l}", output, f"delta_{l}"))
    return names


def layer_names(sizes, given: dict | None = None) -> list[tuple[str, ...]]:
    """The names of each layer's matrices: the defaults, with those a problem gives (``matrices``: a list
    of one name per layer for a role)."""
    names = [list(layer) for layer in default_names(sizes)]
    for r, role in enumerate(ROLES):
        for layer, name in zip(names, (given or {}).get(role, ())):
            layer[r] = name
    return [tuple(layer) for layer in names]


@dataclass(frozen=True)
class MatrixLayer:
    """Layer ``number``: its neurons' symbols gathered into matrices, and the names of those matrices."""

    number: int
    names: tuple          # (weights, biases, sums, outputs, deltas)
    activation: str       # the activation of its sums, or "softmax" for a softmax output layer
    inputs: tuple         # the symbols it takes: the inputs x1, … or the neurons of the layer before
    neurons: tuple        # the symbols of its neurons
    weights: sp.Matrix    # the weight symbols, row j the weights into neuron j
    biases: tuple         # the bias symbol of each neuron (one repeated when shared); () without biases
    sums: tuple           # each neuron's sum Σ w·a + b

    @property
    def shared(self) -> bool:
        return len(self.biases) > 1 and len(set(self.biases)) == 1


@dataclass(frozen=True)
class LayerValues:
    """The numbers of one layer's forward pass: W, b (None without biases), z and a as matrices."""

    weights: sp.Matrix
    biases: sp.Matrix | None
    sums: sp.Matrix
    outputs: sp.Matrix


@dataclass(frozen=True)
class LayerGradients:
    """One layer's backward pass and update: δ, ∂L/∂W, ∂L/∂b (a number for a shared bias), W⁺ and b⁺
    (None where the optimizer leaves them)."""

    deltas: sp.Matrix
    weights: sp.Matrix
    biases: sp.Matrix | None
    new_weights: sp.Matrix | None
    new_biases: sp.Matrix | None


@dataclass(frozen=True)
class MatrixNetwork(RichDisplay):
    """The work of a network problem (a ForwardPass or a NetworkTraining) shown in matrix form.

    ``input``: the name of the input vector; ``plain_zero``: biases that are all 0 in a statement that
    writes none (h_t = W_h x), left out."""

    run: object
    input: str
    layers: tuple
    plain_zero: bool = False

    def __getattr__(self, name):
        """Everything else is the scalar work's: its network, point, forward pass, steps, value(name)."""
        if name.startswith("__") or name == "run":
            raise AttributeError(name)
        return getattr(self.run, name)

    def places(self) -> dict:
        """Where each scalar of the work sits in the matrices: {name: (matrix, j, k, rows, columns)}, neuron j of a
        layer in its output vector, the weight from input k into neuron j at (j, k) of W, a bias in b (a layer's
        shared bias once)."""
        places = {}
        for layer in self.layers:
            weights, biases, _, outputs, _ = layer.names
            rows, columns = layer.weights.shape
            for j, neuron in enumerate(layer.neurons, 1):
                places[str(neuron)] = (outputs, j, 1, rows, 1)
                for k, weight in enumerate(layer.weights.row(j - 1), 1):
                    places[str(weight)] = (weights, j, k, rows, columns)
            own = list(dict.fromkeys(layer.biases))
            places.update({str(bias): (biases, j, 1, len(own), 1) for j, bias in enumerate(own, 1)})
        return places

    def values(self, known: dict) -> tuple:
        """Every layer's W, b, z and a from ``known`` (inputs, parameters and neurons by symbol)."""
        out = []
        for layer in self.layers:
            biases = None
            if layer.biases and not (self.plain_zero and all(known[b] == 0 for b in layer.biases)):
                biases = sp.Matrix([known[b] for b in layer.biases])
            out.append(LayerValues(layer.weights.xreplace(known), biases,
                                   sp.Matrix([s.xreplace(known) for s in layer.sums]),
                                   sp.Matrix([known[n] for n in layer.neurons])))
        return tuple(out)

    def gradients(self, step) -> tuple:
        """Every layer's δ, gradients and new parameters in a training step (``nn.sgd_steps.TrainingStep``)."""
        delta_of = {n: v for n, _, v in step.deltas}
        gradient = {p: v for p, _, v in step.gradients}
        new = {p: rows[-1].value for p, rows in step.updates}
        out = []
        for layer in self.layers:
            weights = layer.weights.applyfunc(lambda w: gradient[w])
            biases = sp.Matrix([gradient[b] for b in dict.fromkeys(layer.biases)]) if layer.biases else None
            moved = all(w in new for w in layer.weights)
            new_weights = layer.weights.applyfunc(lambda w: new[w]) if moved else None
            new_biases = sp.Matrix([new[b] for b in dict.fromkeys(layer.biases)]) \
                if layer.biases and all(b in new for b in layer.biases) else None
            out.append(LayerGradients(sp.Matrix([delta_of[n] for n in layer.neurons]), weights, biases,
                                      new_weights, new_biases))
        return tuple(out)


def matrix_network(run, given: dict | None = None, plain_zero: bool = False) -> MatrixNetwork:
    """The matrix form of ``run`` (a ForwardPass or a NetworkTraining), its matrices named by ``given``
    (``matrices`` of a bank problem: input, and a list of names per role)."""
    network: Network = run.network
    names = layer_names(network.sizes, given)
    layers = []
    for l, (layer, named) in enumerate(zip(network.layers, names), 1):
        activation = "softmax" if l == len(network.layers) and network.output == "softmax" else layer.neurons[0].activation
        biases = tuple(n.bias for n in layer) if all(n.bias is not None for n in layer) else ()
        layers.append(MatrixLayer(l, named, activation, layer.neurons[0].inputs, layer.names, layer.weights,
                                  biases, tuple(n.z for n in layer)))
    return MatrixNetwork(run, (given or {}).get("input", "x"), tuple(layers), plain_zero)
