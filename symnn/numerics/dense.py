"""Dense networks compiled to matrix code from the layer-level derivation.

A dense layer computes Z = A_prev·W + b and A = f(Z) for a batch (one sample a
row). Backpropagation in matrix form (seeds 003, 004; each identity is checked
entry by entry in ``symnn.nn.matrix_form``):

    δ_out = ∂ℓ/∂Z_out / n      elementwise, derived below from the loss and the output
    ∂L/∂W = A_prevᵀ δ,   ∂L/∂b = Σ_rows δ
    δ_prev = (δ Wᵀ) ⊙ f'(Z_prev)

The two elementwise pieces are derived by SymPy, not typed in: f'(z) is written
through the layer's output a where it can be (σ' = a(1 − a), tanh' = 1 − a²),
and δ_out is ∂ℓ(y, f(z))/∂z written the same way (σ + MSE: −2(y − a)a(1 − a);
σ + BCE: a − y; softmax + cross-entropy: s − y, by substituting e^(z_k) = s_k Σ
and Σ y_k = 1). The generated Python source is plain NumPy: the same matmuls a
person would write by hand, so it runs at the same speed.

>>> model = DenseModel([2, 3, 1], loss="bce")
>>> model.output_delta
A2 - Y
"""

from __future__ import annotations

import numpy as np
import sympy as sp

from ..nn.network import ACTIVATIONS, LOSSES, check_architecture
from ..nn.slopes import a, output_delta, slope_through_output, softmax_delta, y, z
from .compile import NUMPY_FUNCTIONS, NumPyCode, stable_form


def _code(expr, names: dict) -> str:
    return NumPyCode().doprint(
        expr.xreplace({s: sp.Symbol(n) for s, n in names.items()}))


class DenseModel:
    """A dense network trained in matrix form: parameters W1, b1, W2, b2, …"""

    def __init__(self, sizes, activation: str = "sigmoid", loss: str = "mse", output: str = "same"):
        check_architecture(sizes, activation, loss, output)
        if output == "softmax" and loss != "ce":
            raise ValueError("a softmax output is trained with the cross-entropy loss (loss='ce')")
        self.sizes, self.activation, self.loss_name, self.output = list(sizes), activation, loss, output
        self.depth = len(sizes) - 1
        self.parameter_names = [f"{kind}{layer}" for layer in range(1, self.depth + 1) for kind in "Wb"]
        last = f"A{self.depth}"
        self.output_delta = (softmax_delta() if output == "softmax" else output_delta(activation, loss)).xreplace(
            {a: sp.Symbol(last), y: sp.Symbol("Y"), z: sp.Symbol(f"Z{self.depth}")})
        self.source = self._generate()
        namespace = {"np": np, "numpy": np, **NUMPY_FUNCTIONS, "softmax_and_lse": softmax_and_lse}
        exec(compile(self.source, f"<symnn dense {sizes}>", "exec"), namespace)   # our own generated code
        self._train, self._predict = namespace["loss_and_gradient"], namespace["predict"]

    def __repr__(self) -> str:
        return f"DenseModel({self.sizes}, activation={self.activation!r}, loss={self.loss_name!r}, output={self.output!r})"

    def _forward_lines(self) -> list[str]:
        lines = ["    A0 = X"]
        for l in range(1, self.depth + 1):
            lines.append(f"    Z{l} = A{l - 1} @ W{l} + b{l}")
            if l == self.depth and self.output == "softmax":
                lines.append(f"    A{l}, LSE = softmax_and_lse(Z{l})")
            else:
                lines.append(f"    A{l} = {_code(ACTIVATIONS[self.activation](z), {z: f'Z{l}'})}")
        return lines

    def _loss_line(self) -> str:
        L = self.depth
        if self.output == "softmax":   # −Σ y_k ln s_k = lse(z) − Σ y_k z_k when Σ y_k = 1
            return f"    loss = (np.sum(LSE) - np.vdot(Y, Z{L})) / n"
        f = ACTIVATIONS[self.activation](z)
        elementwise = stable_form(LOSSES[self.loss_name](y, f)).xreplace({f: a})
        return f"    loss = np.sum({_code(elementwise, {a: f'A{L}', z: f'Z{L}', y: 'Y'})}) / n"

    def _generate(self) -> str:
        L = self.depth
        params = ", ".join(self.parameter_names)
        slope = slope_through_output(self.activation)
        lines = [f"def loss_and_gradient(X, Y, {params}):", "    n = X.shape[0]", *self._forward_lines(),
                 self._loss_line(),
                 f"    D{L} = ({_code(self.output_delta, {})}) / n"]
        for l in range(L, 0, -1):
            lines.append(f"    gW{l} = A{l - 1}.T @ D{l}")
            lines.append(f"    gb{l} = D{l}.sum(axis=0)")
            if l > 1:
                lines.append(f"    D{l - 1} = (D{l} @ W{l}.T) * ({_code(slope, {a: f'A{l - 1}', z: f'Z{l - 1}'})})")
        grads = ", ".join(f"{p!r}: g{p}" for p in self.parameter_names)
        lines.append(f"    return loss, {{{grads}}}")
        lines += ["", "", f"def predict(X, {params}):", *self._forward_lines(), f"    return A{L}"]
        return "\n".join(lines) + "\n"

    def init(self, rng: np.random.Generator) -> dict:
        """Weights N(0, g/fan_in) with g = 2 for ReLU (He) and 1 otherwise (LeCun); biases 0."""
        gain = 2.0 if self.activation == "relu" else 1.0
        params = {}
        for l, (fan_in, fan_out) in enumerate(zip(self.sizes, self.sizes[1:]), 1):
            params[f"W{l}"] = rng.normal(0.0, np.sqrt(gain / fan_in), (fan_in, fan_out))
            params[f"b{l}"] = np.zeros(fan_out)
        return params

    def loss_and_gradient(self, params: dict, X: np.ndarray, Y: np.ndarray):
        return self._train(X, Y, *(params[p] for p in self.parameter_names))

    def loss(self, params: dict, X: np.ndarray, Y: np.ndarray) -> float:
        return self.loss_and_gradient(params, X, Y)[0]

    def predict(self, params: dict, X: np.ndarray) -> np.ndarray:
        return self._predict(X, *(params[p] for p in self.parameter_names))


def dense_parameters(network, values: dict) -> dict:
    """A ``Network``'s named values (w1, b1, … or their gradients) laid out for ``DenseModel``:
    W_l[k, j] is the weight from input k into neuron j of layer l, b_l[j] its bias."""
    laid_out = {}
    for layer in network.layers:
        laid_out[f"W{layer.index}"] = np.array([[values[str(w)] for w in row] for row in layer.weights.T.tolist()])
        laid_out[f"b{layer.index}"] = np.array([values[str(b)] for b in layer.biases])
    return laid_out


def softmax_and_lse(Z):
    """Row-wise softmax and log-sum-exp from one exponential: with m the row maximum,
    E = e^(z − m) never overflows, softmax = E/ΣE and lse = m + ln ΣE."""
    top = Z.max(axis=1, keepdims=True)
    E = np.exp(Z - top)
    total = E.sum(axis=1, keepdims=True)
    return E / total, top[:, 0] + np.log(total[:, 0])
