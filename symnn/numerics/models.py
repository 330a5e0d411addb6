"""Trainable models: a symbolic network compiled to NumPy.

A model holds no numbers. Its parameters are a dict name → array that the
optimizers update, and ``loss_and_gradient(params, X, Y)`` returns the mean
loss over the batch and the mean gradient, one array per parameter.

``ScalarModel`` compiles the course's scalar network (w1 … b3): the loss ℓ of
one sample is differentiated by every parameter, and Σ_samples ℓ and each
Σ_samples ∂ℓ/∂θ are lambdified together with common-subexpression
elimination. Each input xᵢ and target y is a column of the batch; a sum over
the batch of a product of columns is compiled to a dot product.

>>> import numpy as np
>>> from symnn.nn.network import Network
>>> model = ScalarModel(Network([2, 2, 1]))
>>> params = {name: np.float64(1.0) for name in model.parameter_names}
>>> params.update(b1=0.0, b2=0.0, b3=0.0)
>>> loss, grads = model.loss_and_gradient(params, np.array([[-2.0, -1.0]]), np.array([[1.0]]))
>>> round(float(grads["w1"]), 4)
0.0215
"""

from __future__ import annotations

import numpy as np
import sympy as sp

from ..calculus.equal import equal
from ..nn.network import Network
from .compile import Compiled, batch_sum, compile_numpy, plain_form


class ScalarModel:
    """A ``Network`` of named scalar parameters, compiled from the derivative of its loss."""

    def __init__(self, network: Network):
        self.network = network
        parameters = network.parameters()
        self.parameter_names = [str(p) for p in parameters]
        nested = network.nested()
        loss = nested[network.loss_symbol]
        data = (*network.inputs, *network.targets)
        per_sample = [loss, *(sp.diff(loss, p) for p in parameters)]
        self.training: Compiled = compile_numpy([batch_sum(e) for e in per_sample], (*data, *parameters), batch=data)
        # one sample (SGD, one row at a time): the same derivatives on numbers, without the sums over a batch
        self.sample: Compiled = compile_numpy(per_sample, (*data, *parameters))
        self.loss_only: Compiled = compile_numpy([batch_sum(loss)], (*data, *parameters), batch=data)
        self.prediction: Compiled = compile_numpy([nested[o] for o in network.outputs], (*network.inputs, *parameters))

    def __repr__(self) -> str:
        return f"ScalarModel({self.network!r})"

    @property
    def source(self) -> str:
        """The generated NumPy code of the loss and its gradient."""
        return self.training.source

    def explained_source(self) -> str:
        """The generated code with each shared value that backpropagation names marked:
        a pre-activation z, a neuron's output, or a delta ∂L/∂z (up to its sign)."""
        stages = _backprop_stages(self.network)
        known, labels = {}, {}
        for name, value in self.training.replacements:
            value = plain_form(value.xreplace(known))
            known[name] = value
            for label, stage in stages:
                if equal(value, stage):
                    labels[str(name)] = label
                    break
                if equal(value, -stage):
                    labels[str(name)] = f"-({label})"
                    break
        lines = []
        for line in self.source.splitlines():
            variable = line.strip().split(" = ")[0]
            lines.append(f"{line}   # {labels[variable]}" if variable in labels and " = " in line else line)
        return "\n".join(lines) + "\n"

    def init(self, rng: np.random.Generator) -> dict:
        """Every weight and bias drawn from N(0, 1), as seed 002 does."""
        return {name: rng.normal() for name in self.parameter_names}

    def _columns(self, params, X, Y=None):
        one = X.shape[0] == 1               # one sample: numbers, not arrays of one, which NumPy takes slower
        values = list(X[0] if one else X.T)
        if Y is not None:
            values += list(Y[0] if one else Y.T)
        return values + [params[name] for name in self.parameter_names]

    def loss_and_gradient(self, params: dict, X: np.ndarray, Y: np.ndarray):
        """Mean loss over the batch and the mean gradient, each parameter's a float."""
        compiled = self.sample if X.shape[0] == 1 else self.training
        loss, *grads = compiled(*self._columns(params, X, Y))
        n = X.shape[0]
        return loss / n, {name: g / n for name, g in zip(self.parameter_names, grads)}

    def loss(self, params: dict, X: np.ndarray, Y: np.ndarray) -> float:
        """Mean loss over the rows, without the gradient (the loss after an epoch)."""
        return self.loss_only(*self._columns(params, X, Y))[0] / X.shape[0]

    def predict(self, params: dict, X: np.ndarray) -> np.ndarray:
        outputs = self.prediction(*self._columns(params, X))
        return np.column_stack([np.broadcast_to(o, X.shape[:1]) for o in outputs])


def _backprop_stages(network: Network) -> list[tuple[str, sp.Expr]]:
    """(label, value) of what backpropagation computes: z, the output and ∂L/∂z of every neuron."""
    nested = network.nested()
    loss = nested[network.loss_symbol]
    stages = []
    for neuron in network.neurons():
        z = neuron.z.xreplace(nested)
        node = sp.Symbol(f"z_{neuron.name}", real=True)
        stages += [(f"z_{neuron.name}", z), (str(neuron.name), nested[neuron.name]),
                   (f"∂L/∂z_{neuron.name}", sp.diff(loss.xreplace({z: node}), node).xreplace({node: z}))]
    return stages

