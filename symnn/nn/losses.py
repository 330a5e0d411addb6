"""Loss functions of the course, written over symbols y_i (targets) and ŷ_i (predictions).

A loss's value is derived by substituting the data into its formula, in exact
arithmetic: the MSE of y = (1.1, 2, 1.7), ŷ = (1, 1.7, 1.5) is 7/150 ≈ 0.046667.

>>> run = loss_value("mse", [1, 4, 7, 13], [0, 5, 10, 20])
>>> run.value
15
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy as sp

from ..calculus.display import RichDisplay
from ..calculus.gradient import exact_number


def targets(n):
    return [sp.Symbol(f"y_{i}", real=True) for i in range(1, n + 1)]


def predictions(n):
    return [sp.Symbol(f"yhat_{i}", real=True) for i in range(1, n + 1)]


def _mean(terms):
    return sp.Add(*terms) / len(terms)


# name -> (the loss of one sample, how the samples are combined)
TERMS = {
    "mse": lambda y, p: (y - p) ** 2,
    "mae": lambda y, p: sp.Abs(y - p),
    "rmse": lambda y, p: (y - p) ** 2,
    "mape": lambda y, p: 100 * sp.Abs((y - p) / y),
    "bce": lambda y, p: -(y * sp.log(p) + (1 - y) * sp.log(1 - p)),
    "ce": lambda y, p: -y * sp.log(p),   # one class of one sample; rows are summed, then averaged
    "hinge": lambda y, p: sp.Max(0, 1 - y * p),   # binary, labels ±1 and a raw score ŷ
}
NAMES = {"mse": "MSE", "mae": "MAE", "rmse": "RMSE", "mape": "MAPE", "bce": "BCE", "ce": "CE", "hinge": "L"}


@dataclass(frozen=True)
class LossValue(RichDisplay):
    """A loss on data: its formula, one term per sample, and the value."""

    name: str
    formula: sp.Expr                     # over y_i, ŷ_i
    terms: tuple[tuple[object, object, sp.Expr], ...]   # (target, prediction, term)
    value: sp.Expr
    each: bool = False                   # the answer is each sample's term, not the mean


def loss_formula(name: str, n: int, classes: int = 0) -> sp.Expr:
    if name not in TERMS:
        raise ValueError(f"unknown loss {name!r}; use one of {', '.join(TERMS)}")
    if name == "ce":
        rows = [sp.Add(*(TERMS["ce"](sp.Symbol(f"y_{i}{c}", real=True), sp.Symbol(f"yhat_{i}{c}", real=True))
                         for c in range(1, classes + 1))) for i in range(1, n + 1)]
        return _mean(rows)
    mean = _mean([TERMS[name](y, p) for y, p in zip(targets(n), predictions(n))])
    return sp.sqrt(mean) if name == "rmse" else mean


def loss_value(name: str, y, pred) -> LossValue:
    """The loss ``name`` of predictions ``pred`` against targets ``y`` (lists; rows of lists for ce)."""
    if len(y) != len(pred) or not y:
        raise ValueError(f"{len(y)} targets for {len(pred)} predictions")
    if name == "ce":
        y = [[exact_number(v) for v in row] for row in y]
        pred = [[exact_number(v) for v in row] for row in pred]
        terms = [(tuple(t), tuple(p), sp.Add(*(TERMS["ce"](a, b) for a, b in zip(t, p))))
                 for t, p in zip(y, pred)]
        formula = loss_formula(name, len(y), len(y[0]))
    else:
        y, pred = [exact_number(v) for v in y], [exact_number(v) for v in pred]
        terms = [(t, p, TERMS[name](t, p)) for t, p in zip(y, pred)]
        formula = loss_formula(name, len(y))
    value = _mean([term for _, _, term in terms])
    value = sp.sqrt(value) if name == "rmse" else value
    return LossValue(name, formula, tuple(terms), value)
