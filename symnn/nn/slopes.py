"""Derivatives written through a neuron's output, as the course writes them.

For a neuron a = f(z), f'(z) is derived and f(z) replaced by a wherever it
appears (σ' = a(1 − a), tanh' = 1 − a²); the output delta ∂ℓ(y, f(z))/∂z is
written the same way (σ + BCE: a − y). Backpropagation in matrix form and the
delta rule both start from these.

>>> slope_through_output("sigmoid")
a*(1 - a)
>>> output_delta("sigmoid", "bce")
a - y
"""

from __future__ import annotations

import sympy as sp

from ..calculus.differentiate import diff_steps
from .network import ACTIVATIONS, LOSSES
from .softmax import outputs, softmax_nll

z, a, y = sp.Symbol("z", real=True), sp.Symbol("a", real=True), sp.Symbol("y", real=True)


def slope_through_output(activation: str) -> sp.Expr:
    """f'(z), derived, with f(z) replaced by the output a wherever it appears."""
    f = ACTIVATIONS[activation](z)
    return diff_steps(f, z).result.subs(f, a)


def output_delta(activation: str, loss: str) -> sp.Expr:
    """∂ℓ(y, f(z))/∂z for one output, derived, written through a = f(z)."""
    f = ACTIVATIONS[activation](z)
    return diff_steps(LOSSES[loss](y, f), z).result.subs(f, a)


def softmax_delta(classes: int = 3) -> sp.Expr:
    """∂/∂z_1 of −Σ_c y_c ln softmax_c(z) = Σ_c y_c (s_1 − [c = 1]), each term derived by
    ``softmax_nll``; with Σ y_c = 1 it is s_1 − y_1."""
    ys = sp.symbols(f"y1:{classes + 1}", real=True)
    first = sp.Add(*(yc * softmax_nll(classes, c).in_outputs[0] for c, yc in enumerate(ys, 1)))
    written = sp.collect(sp.expand(first), outputs(classes)[0]).subs(sp.Add(*ys), 1)
    if written.free_symbols - {outputs(classes)[0], ys[0]}:
        raise ArithmeticError(f"softmax delta did not reduce to one class: {written}")
    return written.subs({outputs(classes)[0]: a, ys[0]: y})
