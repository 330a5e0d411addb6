"""Networks written symbolically, with the course's names.

A network is a list of named nodes: each neuron is ``name = act(Σ w·input + b)``.
For one hidden layer the names are those of seed 002 (the 2-2-1 net: w1, w2
into h1; w3, w4 into h2; w5, w6 into o1; biases b1, b2, b3); deeper networks
use the indexed names w^(l)_jk, b^(l)_j, a^(l)_j.

>>> net = Network([2, 2, 1])
>>> net
Network([2, 2, 1], activation='sigmoid', loss='mse')
>>> [str(p) for p in net.parameters()]
['w1', 'w2', 'b1', 'w3', 'w4', 'b2', 'w5', 'w6', 'b3']
>>> net.definition("h1")
sigmoid(b1 + w1*x1 + w2*x2)
>>> net.layers[0].weights
Matrix([
[w1, w2],
[w3, w4]])
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy as sp

from ..calculus.functions import sigmoid
from .naming import BIAS_MODES, OUTPUT_NAMES, layer_names

# an activation is a name and a SymPy definition of its input
ACTIVATIONS = {
    "sigmoid": sigmoid,
    "tanh": sp.tanh,
    "relu": lambda z: sp.Max(0, z),
    "identity": lambda z: z,
}
# a loss of one sample, summed over the outputs: target y, prediction p
LOSSES = {
    "mse": lambda y, p: (y - p) ** 2,                  # seed 002: L = (y_true − y_pred)²
    "half-se": lambda y, p: (y - p) ** 2 / 2,          # ½-SE: L' = (p − y)
    "bce": lambda y, p: -(y * sp.log(p) + (1 - y) * sp.log(1 - p)),
    "ce": lambda y, p: -y * sp.log(p),                 # with a softmax output: L = −Σ y_j ln p_j
}
OUTPUTS = OUTPUT_NAMES   # the last layer: the hidden activation, or a softmax over its neurons


def _softmax_ce(scores, label):
    """CS231n's softmax loss on raw scores: −ln(e^(s_y) / Σ_k e^(s_k)) = ln Σ_k e^(s_k) − s_y."""
    return sp.log(sp.Add(*(sp.exp(s) for s in scores))) - scores[label]


def _svm(scores, label, margin=1):
    """The multiclass SVM (hinge) loss with margin Δ (1 by default): Σ_(j≠y) max(0, s_j − s_y + Δ)."""
    return sp.Add(*(sp.Max(0, s - scores[label] + margin) for j, s in enumerate(scores) if j != label))


# a loss on the raw scores of the output layer and the index of the correct class (from 0)
SCORE_LOSSES = {"softmax-ce": _softmax_ce, "svm": _svm}


def _symbol(name: str) -> sp.Symbol:
    return sp.Symbol(name, real=True)


def layer_activations(sizes, activation) -> tuple[str, ...]:
    """One activation name per layer: ``activation`` is one name for all, or a list of them."""
    if isinstance(activation, str):
        return (activation,) * (len(sizes) - 1)
    if len(activation) != len(sizes) - 1:
        raise ValueError(f"{len(activation)} activations for {len(sizes) - 1} layers: {list(activation)!r}")
    return tuple(activation)


def check_architecture(sizes, activation, loss: str, output: str, losses=LOSSES) -> None:
    """Refuse layer sizes, an activation, a loss (of ``losses``) or an output layer the toolkit does not know."""
    if len(sizes) < 2 or any(not isinstance(n, int) or n < 1 for n in sizes):
        raise ValueError(f"layer sizes are positive integers, at least two of them: {sizes!r}")
    checked = [("activation", name, ACTIVATIONS) for name in layer_activations(sizes, activation)]
    for kind, value, known in (*checked, ("loss", loss, losses), ("output", output, OUTPUTS)):
        if value not in known:
            raise ValueError(f"unknown {kind} {value!r}; use one of {', '.join(known)}")


@dataclass(frozen=True)
class Neuron:
    """``name = activation(Σ weights·inputs + bias)``; ``bias`` None: a neuron without one."""

    name: sp.Symbol
    inputs: tuple[sp.Symbol, ...]
    weights: tuple[sp.Symbol, ...]
    bias: sp.Symbol | None
    activation: str

    @property
    def z(self) -> sp.Expr:
        return sp.Add(*(w * x for w, x in zip(self.weights, self.inputs)), *([self.bias] if self.bias is not None else []))

    def __call__(self) -> sp.Expr:
        return ACTIVATIONS[self.activation](self.z)

    def parameters(self) -> list[sp.Symbol]:
        return [*self.weights, *([self.bias] if self.bias is not None else [])]


@dataclass(frozen=True)
class Layer:
    """The neurons of one layer (numbered from 1 after the inputs), all with one activation.

    In matrix form z = W·inputs + b with W[j, k] the weight from input k into neuron j. ``bias``: one
    bias per neuron, one ``shared`` by the layer (its gradient the sum of the neurons' δ), or ``none``.
    """

    index: int
    neurons: tuple[Neuron, ...]
    bias: str = "neuron"

    def __iter__(self):
        return iter(self.neurons)

    def __len__(self) -> int:
        return len(self.neurons)

    def __getitem__(self, j):
        return self.neurons[j]

    @property
    def names(self) -> tuple[sp.Symbol, ...]:
        return tuple(n.name for n in self.neurons)

    @property
    def weights(self) -> sp.Matrix:
        return sp.Matrix([list(n.weights) for n in self.neurons])

    @property
    def biases(self) -> sp.Matrix:
        return sp.Matrix([n.bias if n.bias is not None else 0 for n in self.neurons])

    def parameters(self) -> list[sp.Symbol]:
        """The weights and bias of each neuron in turn; a shared bias once, after every weight of the layer."""
        if self.bias != "shared":
            return [p for n in self.neurons for p in n.parameters()]
        return [w for n in self.neurons for w in n.weights] + [self.neurons[0].bias]


class Network:
    """A fully connected network of sigmoid (or other) neurons and a one-sample loss.

    ``activation``: one name for every layer, or a list with one per layer; ``mean``: the loss
    divided by the number of outputs (the MSE of several outputs), not summed over them; ``biases``:
    one name of naming.BIAS_MODES for every layer, or one per layer; ``label``: the correct class
    (from 1) of a loss on raw scores (SCORE_LOSSES), whose targets are not symbols but this class;
    ``margin``: the Δ of the svm loss.
    """

    def __init__(self, sizes, activation="sigmoid", loss: str = "mse", output: str = "same", mean: bool = False,
                 biases="neuron", label: int = 1, margin=1):
        check_architecture(sizes, activation, loss, output, {**LOSSES, **SCORE_LOSSES})
        modes = (biases,) * (len(sizes) - 1) if isinstance(biases, str) else tuple(biases)
        if len(modes) != len(sizes) - 1 or any(m not in BIAS_MODES for m in modes):
            raise ValueError(f"biases: one of {', '.join(BIAS_MODES)} for each of {len(sizes) - 1} layers, got {biases!r}")
        if loss in SCORE_LOSSES and (sizes[-1] < 2 or not 1 <= label <= sizes[-1]):
            raise ValueError(f"the loss {loss} compares the scores of two classes or more, the correct one a class "
                             f"from 1 to {sizes[-1]}: label {label!r}")
        self.sizes, self.activation, self.loss_name, self.output = list(sizes), activation, loss, output
        self.activations, self.mean, self.biases, self.label = layer_activations(sizes, activation), mean, modes, label
        self.margin = margin
        self.inputs = tuple(_symbol(f"x{i}") for i in range(1, sizes[0] + 1))
        self.layers: list[Layer] = []
        previous = self.inputs
        for layer, named in enumerate(layer_names(sizes, modes), 1):
            neurons = tuple(Neuron(_symbol(name), previous, tuple(map(_symbol, weights)),
                                   None if bias is None else _symbol(bias), self.activations[layer - 1])
                            for name, weights, bias in named)
            self.layers.append(Layer(layer, neurons, modes[layer - 1]))
            previous = tuple(n.name for n in neurons)
        self.outputs = previous
        self.targets = tuple(_symbol("y") if len(self.outputs) == 1 else _symbol(f"y{j}")
                             for j in range(1, len(self.outputs) + 1))
        self.loss_symbol = _symbol("L")

    def __repr__(self) -> str:
        output = "" if self.output == "same" else f", output={self.output!r}"
        mean = ", mean=True" if self.mean else ""
        biases = "" if set(self.biases) == {"neuron"} else \
            f", biases={self.biases[0]!r}" if len(set(self.biases)) == 1 else f", biases={list(self.biases)!r}"
        label = f", label={self.label}" if self.loss_name in SCORE_LOSSES else ""
        label += f", margin={self.margin}" if self.loss_name == "svm" and self.margin != 1 else ""
        return (f"Network({self.sizes}, activation={self.activation!r}, loss={self.loss_name!r}{output}{mean}"
                f"{biases}{label})")

    def neurons(self) -> list[Neuron]:
        return [n for layer in self.layers for n in layer]

    def parameters(self) -> list[sp.Symbol]:
        return [p for layer in self.layers for p in layer.parameters()]

    def definitions(self) -> dict[sp.Symbol, sp.Expr]:
        """Every named node in terms of the nodes before it, the loss last."""
        nodes = {n.name: n() for n in self.neurons()}
        if self.output == "softmax":   # o_j = e^(z_j) / Σ_k e^(z_k) over the last layer
            last = self.layers[-1]
            total = sp.Add(*(sp.exp(n.z) for n in last))
            nodes.update({n.name: sp.exp(n.z) / total for n in last})
        if self.loss_name in SCORE_LOSSES:
            margin = (self.margin,) if self.loss_name == "svm" else ()
            nodes[self.loss_symbol] = SCORE_LOSSES[self.loss_name](self.outputs, self.label - 1, *margin)
            return nodes
        total = sp.Add(*(LOSSES[self.loss_name](y, o) for y, o in zip(self.targets, self.outputs)))
        nodes[self.loss_symbol] = total / len(self.outputs) if self.mean else total
        return nodes

    def through_outputs(self, expr: sp.Expr) -> sp.Expr:
        """expr with a softmax layer's e^(z_j) written as o_j·Σ and Σ cancelled (the input if it does
        not cancel): ∂o_1/∂z_2 = −e^(z_1)e^(z_2)/Σ² reads −o_1·o_2."""
        if self.output != "softmax":
            return expr
        last = self.layers[-1]
        if not any(expr.has(sp.exp(n.z)) for n in last):
            return expr
        total, T = sp.Add(*(sp.exp(n.z) for n in last)), sp.Symbol("Sigma", positive=True)
        # z_j = log(o_j·Σ), put in through its bias, which appears nowhere else: e^(2z_1) = (o_1Σ)²
        written = expr.subs(total, T).subs({n.bias: sp.log(n.name * T) - (n.z - n.bias) for n in last})
        written = sp.factor(sp.cancel(sp.powsimp(sp.expand(written))))
        return expr if written.has(T) else written

    def definition(self, name: str) -> sp.Expr:
        return self.definitions()[_symbol(name)]

    def nested(self) -> dict:
        """Every node, the loss last, as one expression of inputs, targets and parameters."""
        nested = {}
        for name, definition in self.definitions().items():
            nested[name] = definition.xreplace(nested)
        return nested

    def loss(self) -> sp.Expr:
        """The loss as one nested expression of inputs, targets and parameters."""
        return self.nested()[self.loss_symbol]

    def symbol(self, name: str) -> sp.Symbol:
        """A parameter, input, target or node by name ('w1', 'x2', 'h1')."""
        known = {str(s): s for s in (*self.parameters(), *self.inputs, *self.targets, *self.definitions())}
        if name not in known:
            raise ValueError(f"{name!r} is not a parameter, input or node of {self!r}")
        return known[name]
