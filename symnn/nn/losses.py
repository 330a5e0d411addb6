"""Loss functions of the course, written over symbols y_i (targets) and ŷ_i (predictions).

A loss's value is derived by substituting the data into its formula, in exact
arithmetic: the MSE of y = (1.1, 2, 1.7), ŷ = (1, 1.7, 1.5) is 7/150 ≈ 0.046667.

>>> run = loss_value("mse", [1, 4, 7, 13], [0, 5, 10, 20])
>>> run.value
15

On raw class scores (CS231n's linear classifier) ``y`` is one-hot rows and ``pred`` rows of scores: the
multiclass SVM loss L_i = Σ_(j≠y_i) max(0, s_j − s_(y_i) + Δ) and the softmax loss L_i = −ln(e^(s_y)/Σ_j e^(s_j)).

>>> loss_value("svm", [[1, 0, 0], [0, 1, 0], [0, 0, 1]],
...            [[3.2, 5.1, -1.7], [1.3, 4.9, 2.0], [2.2, 2.5, -3.1]]).value
79/15
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import sympy as sp

from ..calculus.display import RichDisplay
from ..calculus.gradient import exact_number
from .naming import GRADIENT_LOSSES
from .network import SCORE_LOSSES
from .score_rows import margin_error, score_rows_errors


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
NAMES = {"mse": "MSE", "mae": "MAE", "rmse": "RMSE", "mape": "MAPE", "bce": "BCE", "ce": "CE", "hinge": "L",
         "svm": "L", "softmax-ce": "L"}


@dataclass(frozen=True)
class LossValue(RichDisplay):
    """A loss on data: its formula, one term per sample, and the value."""

    name: str
    formula: sp.Expr                     # over y_i, ŷ_i
    terms: tuple[tuple[object, object, sp.Expr], ...]   # (target, prediction, term)
    value: sp.Expr
    each: bool = False                   # the answer is each sample's term, not the mean
    margin: sp.Expr = sp.Integer(1)      # the Δ of the svm loss
    # ∂L/∂ŷ_i of the mean loss (find = "gradient"): its formula over y_i, ŷ_i (Indexed), n, and one value per sample
    gradient_formula: sp.Expr | None = None
    gradient: tuple = ()

    @property
    def labels(self) -> tuple[int, ...]:
        """The correct class of each example (from 0) of a loss on scores: where its one-hot row has its 1."""
        return tuple(list(t).index(1) for t, _, _ in self.terms)


def loss_formula(name: str, n: int, classes: int = 0) -> sp.Expr:
    if name not in TERMS:
        raise ValueError(f"unknown loss {name!r}; use one of {', '.join(TERMS)}")
    if name == "ce":
        rows = [sp.Add(*(TERMS["ce"](sp.Symbol(f"y_{i}{c}", real=True), sp.Symbol(f"yhat_{i}{c}", real=True))
                         for c in range(1, classes + 1))) for i in range(1, n + 1)]
        return _mean(rows)
    mean = _mean([TERMS[name](y, p) for y, p in zip(targets(n), predictions(n))])
    return sp.sqrt(mean) if name == "rmse" else mean


def loss_value(name: str, y, pred, margin=1) -> LossValue:
    """The loss ``name`` of predictions ``pred`` against targets ``y`` (lists; rows of lists for ce, and for
    the losses on scores svm and softmax-ce one-hot rows and rows of scores); ``margin``: the Δ of svm."""
    if len(y) != len(pred) or not y:
        raise ValueError(f"{len(y)} targets for {len(pred)} predictions")
    if name in SCORE_LOSSES:
        errors = score_rows_errors(y, pred) + [e for e in (margin_error(margin),) if e]
        if errors:
            raise ValueError("; ".join(errors))
        margin = exact_number(margin)
        y = [tuple(exact_number(v) for v in row) for row in y]
        pred = [tuple(exact_number(v) for v in row) for row in pred]
        extra = (margin,) if name == "svm" else ()
        terms = tuple((t, p, SCORE_LOSSES[name](p, list(t).index(1), *extra)) for t, p in zip(y, pred))
        s = [[sp.Symbol(f"s_{i}{c}", real=True) for c in range(1, len(y[0]) + 1)] for i in range(1, len(y) + 1)]
        formula = _mean([SCORE_LOSSES[name](row, list(t).index(1), *extra) for row, t in zip(s, y)])
        return LossValue(name, formula, terms, _mean([term for *_, term in terms]), margin=margin)
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




def _step_at_zero(expr: sp.Expr) -> sp.Expr:
    """H(0) = 0: at a kink (1 − yŷ = 0 of the hinge) the gradient taken is the subgradient 0, as CS231n's
    indicator 1(margin > 0) takes it; sign(0) = 0 of |y − ŷ| is the same choice."""
    return expr.replace(sp.Heaviside, lambda arg, *_: sp.Heaviside(arg, 0))


def with_gradient(run: LossValue) -> LossValue:
    """``run`` with ∂L/∂ŷ_i of its mean loss L = Σ ℓ(y_i, ŷ_i)/n: ℓ′(y_i, ŷ_i)/n, and for RMSE = √MSE
    the chain factor 1/(2·RMSE): ∂RMSE/∂ŷ_i = ∂MSE/∂ŷ_i / (2·RMSE). Exact, by sympy.diff of the term."""
    if run.name not in GRADIENT_LOSSES:
        raise ValueError(f"the gradient of {run.name} by the predictions is not worked; "
                         f"use one of {', '.join(GRADIENT_LOSSES)}")
    i, n = sp.Symbol("i", integer=True), sp.Symbol("n", positive=True, integer=True)
    y, p = sp.Indexed(sp.IndexedBase("y", real=True), i), sp.Indexed(sp.IndexedBase("yhat", real=True), i)
    slope = sp.factor_terms(_step_at_zero(sp.diff(TERMS[run.name](y, p), p)))      # 2(ŷ − y), not 2ŷ − 2y
    if run.name == "rmse":                      # RMSE = √MSE: the slope of MSE over 2·RMSE
        formula = sp.factor_terms(slope / (2 * n * sp.Symbol("RMSE", positive=True)))
    else:
        formula = slope / n
    scale = len(run.terms) * (2 * run.value if run.name == "rmse" else 1)
    values = tuple(slope.subs({y: t, p: q}) / scale for t, q, _ in run.terms)
    return replace(run, gradient_formula=formula, gradient=values)
