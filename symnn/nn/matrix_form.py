"""Matrix-form gradients, each verified against the scalar form.

SymPy's MatrixSymbol derivatives are not trusted (they silently return 0 for
sums of traces, SymPy issues 26561 and 26585). A matrix formula is checked by
building matrices of scalar symbols of small concrete sizes, differentiating
the scalar loss entry by entry, and comparing the two matrices entry by entry.

>>> [(c.name, c.holds) for c in check_identity("two-layer").claims]
[('course', True), ('slide', False)]
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy as sp

from ..calculus.display import RichDisplay
from ..calculus.equal import equal
from ..calculus.functions import sigmoid


def symbolic_matrix(name: str, rows: int, cols: int) -> sp.Matrix:
    return sp.Matrix(rows, cols, lambda i, j: sp.Symbol(f"{name}_{i + 1}{j + 1}", real=True))


@dataclass(frozen=True)
class Claim:
    """'∂L/∂M = formula', evaluated on the concrete matrices, against the scalar form."""

    name: str
    formula: str                 # LaTeX, as the course writes it
    value: sp.Matrix | None      # the formula on the concrete matrices; None if the shapes do not fit
    scalar: sp.Matrix            # ∂L/∂M_ij, entry by entry

    @property
    def holds(self) -> bool:
        if self.value is None or self.value.shape != self.scalar.shape:
            return False
        return all(equal(a, b) for a, b in zip(self.value, self.scalar))


@dataclass(frozen=True)
class IdentityCheck(RichDisplay):
    title: str                   # a phrase key
    loss: str                    # LaTeX of the loss
    wrt: str                     # the matrix differentiated by
    shapes: str                  # the concrete sizes used
    claims: tuple[Claim, ...]


def _scalar_gradient(loss, M):
    return M.applyfunc(lambda entry: sp.diff(loss, entry))


def _try(build):
    try:
        return build()
    except sp.ShapeError:
        return None


def _half_norm():
    """f = ½‖XW‖², a = XW: ∇_a f = a, ∇_W f = Xᵀa (seed 003)."""
    X, W = symbolic_matrix("x", 2, 3), symbolic_matrix("w", 3, 2)
    a = X * W
    loss = sum(v ** 2 for v in a) / 2
    claims = (Claim("course", r"X^{T} (X W)", X.T * a, _scalar_gradient(loss, W)),)
    return IdentityCheck("matrix.half-norm", r"f = \frac{1}{2}\|XW\|^2", "W", "X: 2×3, W: 3×2", claims)


def _linear_regression():
    """MSE = (1/n)‖y − Xw‖²: ∇_w = −(2/n)Xᵀ(y − Xw) (seed 004)."""
    X, w, y = symbolic_matrix("x", 3, 2), symbolic_matrix("w", 2, 1), symbolic_matrix("y", 3, 1)
    r = y - X * w
    loss = sum(v ** 2 for v in r) / 3
    claims = (Claim("course", r"-\frac{2}{n} X^{T} (y - X w)", -sp.Rational(2, 3) * X.T * r,
                    _scalar_gradient(loss, w)),)
    return IdentityCheck("matrix.linreg", r"L = \frac{1}{n}\|y - Xw\|^2", "w", "X: 3×2, w: 2×1, n = 3", claims)


def _two_layer():
    """L = ½(y − f(XW1)W2)², f = σ elementwise: ∂L/∂W1 = Xᵀ[(−(y − ŷ)) W2ᵀ ⊙ f'(XW1)] (seed 004)."""
    X, W1, W2 = symbolic_matrix("x", 1, 2), symbolic_matrix("v", 2, 2), symbolic_matrix("u", 2, 1)
    y = sp.Symbol("y", real=True)
    A = X * W1
    H = A.applyfunc(sigmoid)
    error = y - (H * W2)[0]
    loss = error ** 2 / 2
    slope = A.applyfunc(lambda a: sigmoid(a) * (1 - sigmoid(a)))
    delta = (-error) * W2.T.multiply_elementwise(slope)          # 1×2: back through W2 and f
    claims = (
        Claim("course", r"-(y - f(XW_1)W_2)\, X^{T} \left(W_2^{T} \odot f'(XW_1)\right)", X.T * delta,
              _scalar_gradient(loss, W1)),
        Claim("slide", r"-(y - f(XW_1)W_2)\, W_2\, f'(XW_1)\, W_1", _try(lambda: delta * W1),
              _scalar_gradient(loss, W1)),
    )
    return IdentityCheck("matrix.two-layer", r"L = \frac{1}{2}(y - f(XW_1)W_2)^2", "W_1",
                         "X: 1×2, W1: 2×2, W2: 2×1", claims)


def _dense_layer():
    """A dense layer Z = XW with L = ½‖Z − Y‖²: δ = ∂L/∂Z = Z − Y and ∂L/∂W = Xᵀδ (seed 003)."""
    X, W, Y = symbolic_matrix("x", 2, 3), symbolic_matrix("w", 3, 2), symbolic_matrix("t", 2, 2)
    delta = X * W - Y
    loss = sum(v ** 2 for v in delta) / 2
    claims = (Claim("course", r"X^{T} \delta", X.T * delta, _scalar_gradient(loss, W)),)
    return IdentityCheck("matrix.dense", r"L = \frac{1}{2}\|XW - Y\|^2", "W", "X: 2×3, W: 3×2", claims)


def _dense_backward():
    """Two dense layers H = σ(A), A = XW1, Z = HW2, L = ½‖Z − Y‖²: the delta one layer down is
    δ_prev = ∂L/∂A = (δ W2ᵀ) ⊙ σ'(A), with δ = Z − Y (seed 003), and ∂L/∂W1 = Xᵀ δ_prev."""
    A, W2, Y = symbolic_matrix("a", 2, 3), symbolic_matrix("w", 3, 2), symbolic_matrix("t", 2, 2)
    H = A.applyfunc(sigmoid)
    delta = H * W2 - Y
    loss = sum(v ** 2 for v in delta) / 2
    slope = A.applyfunc(lambda a: sigmoid(a) * (1 - sigmoid(a)))
    claims = (
        Claim("course", r"(\delta W_2^{T}) \odot \sigma'(A)", (delta * W2.T).multiply_elementwise(slope),
              _scalar_gradient(loss, A)),
        Claim("without f'", r"\delta W_2^{T}", delta * W2.T, _scalar_gradient(loss, A)),
    )
    return IdentityCheck("matrix.dense-backward", r"L = \frac{1}{2}\|\sigma(A) W_2 - Y\|^2", "A",
                         "A: 2×3, W2: 3×2", claims)


IDENTITIES = {
    "half-norm": _half_norm,
    "linear-regression": _linear_regression,
    "two-layer": _two_layer,
    "dense-layer": _dense_layer,
    "dense-backward": _dense_backward,
}


def check_identity(name: str) -> IdentityCheck:
    if name not in IDENTITIES:
        raise ValueError(f"unknown matrix identity {name!r}; use one of {', '.join(IDENTITIES)}")
    return IDENTITIES[name]()
