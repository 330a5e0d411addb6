"""The softmax and its Jacobian ∂s_i/∂y_j = s_i(δ_ij − s_j) (seeds 001 and 003).

Each entry is derived step by step from s_i = e^(y_i) / Σ_k e^(y_k), then
written through the outputs by substituting e^(y_k) = s_k · Σ.

>>> jac = softmax_jacobian(3)
>>> jac.in_outputs
Matrix([
[s_1*(1 - s_1),      -s_1*s_2,      -s_1*s_3],
[     -s_1*s_2, s_2*(1 - s_2),      -s_2*s_3],
[     -s_1*s_3,      -s_2*s_3, s_3*(1 - s_3)]])
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy as sp

from ..calculus.differentiate import diff_steps
from ..calculus.display import RichDisplay
from ..calculus.steps import Step


def logits(n: int) -> list[sp.Symbol]:
    return [sp.Symbol(f"y_{k}", real=True) for k in range(1, n + 1)]


def outputs(n: int) -> list[sp.Symbol]:
    return [sp.Symbol(f"s_{k}", real=True) for k in range(1, n + 1)]


def softmax(n: int) -> list[sp.Expr]:
    """s_i = e^(y_i) / Σ_k e^(y_k)."""
    y = logits(n)
    total = sp.Add(*(sp.exp(v) for v in y))
    return [sp.exp(v) / total for v in y]


@dataclass(frozen=True)
class SoftmaxJacobian(RichDisplay):
    n: int
    steps: tuple[tuple[Step, ...], ...]      # steps[i][j]: the derivation of ∂s_i/∂y_j
    in_outputs: sp.Matrix                    # the same entries written through s_1..s_n


def through_outputs(expr: sp.Expr, n: int, i: int, j: int) -> sp.Expr:
    """Substitute e^(y_k) = s_k·Σ, cancel Σ and use Σ s_k = 1: an expression in s_1..s_n
    (the input itself if Σ does not cancel). ``i, j``: the entry."""
    total = sp.Symbol("Sigma", positive=True)
    y, s = logits(n), outputs(n)
    written = expr.subs(sp.Add(*(sp.exp(v) for v in y)), total)
    written = written.subs({sp.exp(v): sk * total for v, sk in zip(y, s)})
    written = sp.factor(sp.cancel(written))
    if written.has(total):
        return expr
    if i != j:
        return written
    others = sp.Add(*(s[:i] + s[i + 1:]))   # on the diagonal, Σ s_k = 1 gives s_2 + s_3 = 1 − s_1
    return written.subs(others, 1 - s[i])


def softmax_jacobian(n: int = 3) -> SoftmaxJacobian:
    if not 2 <= n <= 6:
        raise ValueError("the softmax Jacobian is shown for 2 to 6 classes")
    s, y = softmax(n), logits(n)
    steps = tuple(tuple(diff_steps(s[i], y[j]) for j in range(n)) for i in range(n))
    matrix = sp.Matrix(n, n, lambda i, j: through_outputs(steps[i][j].result, n, i, j))
    return SoftmaxJacobian(n, steps, matrix)


@dataclass(frozen=True)
class SoftmaxLoss(RichDisplay):
    """L = −ln s_c (the true class c): ∂L/∂y_j derived for every j and written through the outputs."""

    n: int
    true_class: int                          # 1-based, as the course counts
    loss: sp.Expr
    steps: tuple[Step, ...]                  # steps[j]: the derivation of ∂L/∂y_(j+1)
    in_outputs: tuple[sp.Expr, ...]          # s_j − [j = c]


def softmax_nll(n: int = 3, true_class: int = 1) -> SoftmaxLoss:
    """The gradient of the negative log-likelihood of a softmax: s − onehot(c), derived entry by entry."""
    if not 2 <= n <= 6 or not 1 <= true_class <= n:
        raise ValueError("the softmax loss is shown for 2 to 6 classes, the true class among them")
    c = true_class - 1
    loss = -sp.log(softmax(n)[c])
    steps = tuple(diff_steps(loss, v) for v in logits(n))
    # on the true class, Σ s_k = 1 turns −(s_2 + s_3) into s_1 − 1
    written = tuple(through_outputs(step.result, n, c, j) for j, step in enumerate(steps))
    return SoftmaxLoss(n, true_class, loss, steps, written)
