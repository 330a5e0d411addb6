"""The delta rule of seed 003, exactly, and a momentum update.

For L = ½(out_pred − out_y)² and neurons out = f(in):

    δ_out = (out_pred − out_y)·f'(in)          (∂L/∂in of an output neuron)
    δ_hid = f'(in)·Σ_i w_i δ_i                 (over the neurons it feeds)
    grad_a^b = out_a·δ_b                       (∂L/∂w for the weight from a to b)
    Δw_t = −λ·grad + αΔw_{t−1}                 (the momentum update of the same seed)

f'(in) is derived and written through the neuron's output (σ' = out(1 − out));
∂L/∂out_pred is derived from the loss. Biases are weights from a constant 1.

>>> rule = delta_rule(Network([2, 2, 1], loss="half-se"), "x1 = -2, x2 = -1, y = 1", weights=1, biases=0)
>>> rule.deltas[0][0]
o1
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy as sp

from ..calculus.differentiate import diff_steps
from ..calculus.display import RichDisplay
from ..calculus.gradient import exact_number
from .backprop import forward_values, network_point
from .network import LOSSES, Network
from .optimizers import OPTIMIZERS, alpha, dw_new, dw_old, g, lam, w_new, w_old
from .reverse import delta
from .slopes import a, slope_through_output

out, target = sp.Symbol("out", real=True), sp.Symbol("y", real=True)


@dataclass(frozen=True)
class DeltaRule(RichDisplay):
    network: Network
    point: tuple                         # (symbol, value) of inputs, target and parameters
    forward: tuple                       # (node, value) of every neuron
    slope: sp.Expr                       # f'(in) written through out
    error: sp.Expr                       # ∂L/∂out_pred
    deltas: tuple                        # (neuron, formula, value): outputs first
    gradients: tuple                     # (parameter, source, neuron, value): grad = out_source·δ_neuron
    updates: tuple                       # (parameter, Δw_{t−1}, Δw_t, new w)
    learning_rate: sp.Expr
    momentum: sp.Expr


def step_of(parameter: sp.Symbol) -> sp.Symbol:
    """The name of a parameter's momentum step: Δw_1 for w1, Δb_3 for b3."""
    letters = str(parameter).rstrip("0123456789")
    number = str(parameter)[len(letters):]
    return sp.Symbol(rf"\Delta {letters}_{{{number}}}" if number else rf"\Delta {letters}", real=True)


def delta_rule(network: Network, at, weights=None, biases=None, learning_rate=sp.Rational(1, 10),
               momentum=sp.Rational(9, 10), previous=None) -> DeltaRule:
    """Deltas, gradients and one momentum step of every parameter; ``previous``: Δw_{t−1} by name (0)."""
    if network.output == "softmax":
        raise ValueError("the delta rule of lecture 3 is for neurons with one output each, not a softmax layer")
    point = network_point(network, at, weights, biases)
    unknown = set(previous or {}) - {str(p) for p in network.parameters()}
    if unknown:
        raise ValueError(f"no parameter {', '.join(sorted(unknown))} in {network!r}")
    values = forward_values(network, point)
    forward = tuple((n.name, values[n.name]) for n in network.neurons())
    slope = slope_through_output(network.activation).subs(a, out)
    error = diff_steps(LOSSES[network.loss_name](target, out), out).result
    delta_of, deltas = {}, []
    consumers = {n.name: [] for n in network.neurons()}
    for layer in network.layers[1:]:
        for neuron in layer:
            for source, weight in zip(neuron.inputs, neuron.weights):
                consumers[source].append((weight, neuron.name))
    for layer in reversed(network.layers):
        for neuron in layer:
            local = slope.subs(out, values[neuron.name])
            if not consumers[neuron.name]:       # an output neuron: δ = ∂L/∂out · f'(in)
                index = network.outputs.index(neuron.name)
                formula = error.subs({out: neuron.name, target: network.targets[index]}) * slope.subs(out, neuron.name)
                value = error.subs({out: values[neuron.name], target: values[network.targets[index]]}) * local
            else:                                # a hidden neuron: δ = f'(in)·Σ w·δ
                formula = slope.subs(out, neuron.name) * sp.Add(*(w * delta(n) for w, n in consumers[neuron.name]))
                value = local * sp.Add(*(values[w] * delta_of[n] for w, n in consumers[neuron.name]))
            delta_of[neuron.name] = value
            deltas.append((neuron.name, formula, value))
    gradients = []
    for neuron in network.neurons():
        for source, weight in (*zip(neuron.inputs, neuron.weights), (sp.S.One, neuron.bias)):
            gradients.append((weight, source, neuron.name, values.get(source, source) * delta_of[neuron.name]))
    learning_rate, momentum = exact_number(learning_rate), exact_number(momentum)
    step = dict(OPTIMIZERS["momentum-delta"].updates)
    updates = []
    for parameter, _, _, gradient in gradients:
        before = exact_number((previous or {}).get(str(parameter), 0))
        change = step[dw_new].subs({lam: learning_rate, alpha: momentum, g: gradient, dw_old: before})
        new = step[w_new].subs({w_old: values[parameter], dw_new: change})
        updates.append((parameter, before, change, new))
    return DeltaRule(network, tuple(point.items()), forward, slope, error, tuple(deltas), tuple(gradients),
                     tuple(updates), learning_rate, momentum)
