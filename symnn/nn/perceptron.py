"""The perceptron learning rule: an error-driven rule, not a gradient step.

A layer of S neurons with R inputs computes a = f(Wp + b) with a hard limit f: ``hardlim`` (1 for
n ≥ 0, else 0) or ``hardlims`` (1 for n ≥ 0, else −1), as in Hagan, Demuth, Beale and De Jesús,
*Neural Network Design*, ch. 4. Each input p with target t is presented in turn; with the error
e = t − a the rule is W ← W + e·pᵀ and b ← b + e; with a learning rate η (Mitchell's and Russell and
Norvig's w ← w + η(t − o)x) it is W ← W + η·e·pᵀ and b ← b + η·e. A presentation with e = 0 changes nothing; training
has converged when a whole pass over the inputs changes nothing.

>>> run = perceptron_rule([[1, 2], [-1, 2], [0, -1]], [[1], [0], [0]], [[1, -0.8]])
>>> run.weights, run.converged
(Matrix([[3, 1/5]]), True)
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy as sp

from ..calculus.display import RichDisplay
from ..calculus.gradient import exact_number

# the hard limits of the course's texts, of the net input n
TRANSFERS = {"hardlim": lambda n: sp.Integer(1 if n >= 0 else 0),
             "hardlims": lambda n: sp.Integer(1 if n >= 0 else -1)}
MOST_EPOCHS = 100           # a rule that has not converged after this many passes is stopped and said so


@dataclass(frozen=True)
class Presentation:
    """One input presented: the weights before it, n = Wp + b, a = f(n), e = t − a, and the weights after."""

    number: int                 # 1, 2, … over the whole run
    row: int                    # which input of the table (from 1)
    p: sp.Matrix                # R × 1
    t: sp.Matrix                # S × 1
    weights: sp.Matrix          # W before, S × R
    bias: sp.Matrix | None      # b before, S × 1 (None: no bias)
    n: sp.Matrix
    a: sp.Matrix
    e: sp.Matrix
    new_weights: sp.Matrix
    new_bias: sp.Matrix | None


@dataclass(frozen=True)
class PerceptronRun(RichDisplay):
    """The presentations of a run of the perceptron rule, in order, and where it ended."""

    transfer: str
    presentations: tuple
    weights: sp.Matrix
    bias: sp.Matrix | None
    converged: bool             # the last full pass over the inputs changed nothing
    epochs: int                 # passes made (the last one may be partial when ``presentations`` is given)
    rate: sp.Expr = sp.Integer(1)       # η of W ← W + η·e·pᵀ


def _column(values) -> sp.Matrix:
    values = values if isinstance(values, (list, tuple)) else [values]
    return sp.Matrix([exact_number(v) for v in values])


def perceptron_rule(inputs, targets, weights, biases=None, transfer: str = "hardlim",
                    presentations: int | None = None, epochs: int | None = None, rate=1) -> PerceptronRun:
    """Present ``inputs`` (rows p) with ``targets`` (a number or a row t per input) in turn from ``weights``
    (S rows of R numbers) and ``biases`` (S numbers, one number, or None for none): ``presentations`` of
    them, else whole passes until one changes nothing (at most ``epochs``, else MOST_EPOCHS); ``rate`` is η."""
    if transfer not in TRANSFERS:
        raise ValueError(f"transfer: unknown transfer function {transfer!r}; use one of {', '.join(TRANSFERS)}")
    given = rate
    try:
        rate = None if isinstance(rate, bool) else exact_number(rate)
    except (ValueError, TypeError):      # ParseError is a ValueError
        rate = None
    if rate is None or not rate.is_positive:
        raise ValueError(f"learning_rate: expected a positive number (η of W ← W + η·e·pᵀ), got {given!r}")
    rows = [_column(p) for p in inputs]
    goals = [_column(t) for t in targets]
    W = sp.Matrix([[exact_number(v) for v in row] for row in (weights if isinstance(weights[0], list) else [weights])])
    S, R = W.shape
    if len(rows) != len(goals):
        raise ValueError(f"targets: {len(goals)} targets for {len(rows)} inputs")
    if any(p.rows != R for p in rows):
        raise ValueError(f"inputs: each input has {R} numbers, one for each column of weights")
    if any(t.rows != S for t in goals):
        raise ValueError(f"targets: each target has {S} numbers, one for each row of weights")
    b = None if biases is None else sp.Matrix([exact_number(v) for v in biases]) if isinstance(biases, list) \
        else sp.Matrix([exact_number(biases)] * S)
    if b is not None and b.rows != S:
        raise ValueError(f"biases: {b.rows} biases for {S} neurons")
    limit = TRANSFERS[transfer]
    shown, number, epoch, converged = [], 0, 0, False
    while True:
        epoch += 1
        changed = False
        for k, (p, t) in enumerate(zip(rows, goals), 1):
            if presentations is not None and number == presentations:
                break
            number += 1
            n = W * p + (b if b is not None else sp.zeros(S, 1))
            a = n.applyfunc(limit)
            e = t - a
            new_W, new_b = W + rate * e * p.T, (b + rate * e if b is not None else None)
            shown.append(Presentation(number, k, p, t, W, b, n, a, e, new_W, new_b))
            changed = changed or any(e)
            W, b = new_W, new_b
        if presentations is not None:
            if number == presentations:
                converged = not changed and number % len(rows) == 0
                break
            continue
        if not changed:
            converged = True
            break
        if epoch == (epochs or MOST_EPOCHS):
            break
    return PerceptronRun(transfer, tuple(shown), W, b, converged, epoch, rate)
