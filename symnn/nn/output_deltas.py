"""The δ of an output neuron simplified, as every textbook writes it: a sigmoid output ŷ with cross-entropy
L = −(t ln ŷ + (1 − t) ln(1 − ŷ)) has

    δ = ∂L/∂ŷ · ŷ(1 − ŷ) = ((1 − t)/(1 − ŷ) − t/ŷ) · ŷ(1 − ŷ) = ŷ(1 − t) − t(1 − ŷ) = ŷ − t,

each term of ∂L/∂ŷ times the slope, its fraction cancelled, then the sum multiplied out; a softmax output o_j
with cross-entropy over one-hot targets has, through every output o_k (∂o_k/∂z_j = o_k([k = j] − o_j)),

    δ_j = Σ_k ∂L/∂o_k · o_k([k = j] − o_j) = −y_j(1 − o_j) + Σ_{k≠j} y_k o_j = o_j(y_1 + … + y_n) − y_j = o_j − y_j.

Each function gives the sides of that chain, or None when the δ does not simplify so (σ with ½(ŷ − t)²: the
slope stays a factor, ŷ(1 − ŷ)(ŷ − t), as books write it).

>>> y, t = sp.symbols("y t")
>>> simplified_delta((1 - t) / (1 - y) - t / y, y * (1 - y))[1:]
(-t*(1 - y) + y*(1 - t), -t + y)
>>> simplified_delta(y - t, y * (1 - y)) is None
True
"""

from __future__ import annotations

import sympy as sp


def simplified_delta(error: sp.Expr, slope: sp.Expr):
    """(∂L/∂a · f′, each term of ∂L/∂a times f′ with its fraction cancelled, their sum multiplied out) of an
    output's δ = ∂L/∂a · f′(z) that has a fraction and none once multiplied out; else None."""
    product = error * slope
    if all(sp.denom(term) == 1 for term in sp.Add.make_args(error)):     # no fraction to cancel: ŷ(1 − ŷ)(ŷ − t)
        return None
    terms = sp.Add(*(term * slope for term in sp.Add.make_args(error)))   # −t/ŷ · ŷ(1 − ŷ) = −t(1 − ŷ): ŷ cancels
    simple = sp.expand(terms)
    if sp.denom(sp.together(terms)) != 1 or sp.expand(sp.cancel(product) - simple) != 0:
        return None
    return product, terms, simple


def softmax_ce_delta(outputs: tuple, errors: tuple, j: int):
    """(Σ_k ∂L/∂o_k · o_k([k = j] − o_j) term by term, o_j·(Σ_k y_k) − y_j, o_j − y_j) for the output o_j of a
    softmax whose loss has ∂L/∂o_k = −y_k/o_k (cross-entropy); the last holds for one-hot targets, Σ_k y_k = 1.
    None for another loss."""
    o_j = outputs[j]
    targets = [sp.expand(-o * e) for o, e in zip(outputs, errors)]          # y_k of ∂L/∂o_k = −y_k/o_k
    if any(t.has(*outputs) for t in targets):
        return None
    terms = sp.Add(*(e * o * ((1 if k == j else 0) - o_j) for k, (o, e) in enumerate(zip(outputs, errors))),
                   evaluate=False)                                     # in the order of k, as Σ_k writes them
    collected = sp.Add(sp.Mul(o_j, sp.Add(*targets), evaluate=False), -targets[j], evaluate=False)
    if sp.expand(terms - collected) != 0:
        return None
    return terms, collected, o_j - targets[j]
