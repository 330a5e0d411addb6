"""The gradient of a loss on data by each prediction, as a key works it: the formula ∂L/∂ŷ_i of the mean
loss, then a table of the samples with the numbers put in and the value (``find = "gradient"``).

A function of the printer rather than a method, so that the loss printer (render.networks) stays one
screen: it calls ``gradient_lines`` where a run carries a gradient.
"""

from __future__ import annotations

import sympy as sp

from ..nn.losses import NAMES
from .staged import Ratio


def gradient_lines(printer, run, depth: int) -> list[str]:
    """∂L/∂ŷ_i = ℓ′(y_i, ŷ_i)/n (RMSE's value first, which its formula uses), then one row per sample:
    i, y_i, ŷ_i, the formula with the numbers, the value; a note where a sample sits on a kink."""
    name, n = sp.Symbol(NAMES[run.name]), len(run.terms)
    i, N = sp.Symbol("i", integer=True), sp.Symbol("n", positive=True, integer=True)
    y, yhat = sp.Indexed(sp.IndexedBase("y", real=True), i), sp.Indexed(sp.IndexedBase("yhat", real=True), i)
    lines = []
    known = {N: n}
    if run.name == "rmse":                                     # ∂RMSE/∂ŷ_i divides by RMSE itself
        known[sp.Symbol("RMSE", positive=True)] = run.value
        lines.append(printer.line(depth, printer.result(printer.raw_math(name), run.value)))
    ratio = Ratio(name, yhat, sp.true)
    lines.append(printer.line(depth, printer.strong(printer.plain("loss.gradient") + ":") + " "
                              + printer.inline(printer.raw_math(ratio) + " = " + printer.raw_math(run.gradient_formula))))
    rows = []
    for k, ((target, prediction, _), value) in enumerate(zip(run.terms, run.gradient), 1):
        row = printer.worked_row(ratio, run.gradient_formula, {**known, y: target, yhat: prediction}, value)
        rows.append([str(k), printer.value(target), printer.value(prediction), row[2], row[3]])
    lines += printer.table(["i", printer.math(y), printer.math(yhat), printer.plain("delta.numbers"), printer.math(ratio)], rows)
    if any(_on_kink(run.name, target, prediction) for target, prediction, _ in run.terms):
        kink = sp.Eq(1 - y * yhat, 0, evaluate=False) if run.name == "hinge" else sp.Eq(yhat, y, evaluate=False)
        step = sp.Heaviside(0, evaluate=False) if run.name == "hinge" else sp.sign(0, evaluate=False)
        lines.append(printer.line(depth, printer.say(f"loss.kink.{run.name}", kink=kink, zero=sp.Eq(step, 0, evaluate=False))))
    return lines


def _on_kink(name: str, target, prediction) -> bool:
    """Whether a sample sits where its term has no derivative: 1 − yŷ = 0 of the hinge, y = ŷ of MAE, MAPE."""
    return (1 - target * prediction == 0) if name == "hinge" else target == prediction
