"""Weight decay in a network's matrix form: the objective J = L + (λ/2)(‖W₁‖² + ‖W₂‖² + …), ‖W‖² being the sum of
the squares of W's entries (the biases are not penalised), with its numbers put in, as the scalar key writes
J = L + (λ/2)(w₁² + …); each weight's gradient then gains λW."""

from __future__ import annotations

import sympy as sp

from ..nn.sgd_steps import DECAY
from .matrices import NormSquared
from .values import put_in


def decay_lines(printer, work, step, known: dict, depth: int) -> list[str]:
    """What weight decay adds, then J = L + (λ/2)(‖W₁‖² + …) = its numbers = its value."""
    J, _, value, decay = step.objective
    W = sp.Symbol("W")
    lines = [printer.line(depth, printer.say("sgd.decay", decay=sp.Eq(DECAY, printer.as_given(decay), evaluate=False),
                                             w=W, term=DECAY * W))]
    layers = [layer for layer in work.layers if layer.weights]
    L = work.network.loss_symbol
    norms = [NormSquared(sp.Symbol(layer.names[0]), sp.false) for layer in layers]
    written = sp.Add(L, sp.Mul(DECAY / 2, sp.Add(*norms, evaluate=False), evaluate=False), evaluate=False)
    squares = [sp.Dummy() for _ in layers]           # ‖W‖² of each layer: the sum of its entries squared
    values = {**known, DECAY: decay, **{s: sum(known[w] ** 2 for w in layer.weights)
                                        for s, layer in zip(squares, layers)}}
    numbers = put_in(sp.Add(L, sp.Mul(DECAY / 2, sp.Add(*squares, evaluate=False), evaluate=False), evaluate=False),
                     values, printer.places())
    lines.append(printer.line(depth, printer.result(" = ".join((
        printer.raw_math(J), printer.raw_math(written, keep_order=True),
        printer.raw_math(numbers, keep_order=True, numbers=True))), value)))
    return lines
