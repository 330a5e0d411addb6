"""Symbolic reverse mode: the whole gradient of a network's loss, with named intermediates.

Differentiating the fully nested loss repeats the same inner derivatives for
every parameter (SymPy needs seconds at 16-16-1, growing like n³). Reverse
accumulation walks the named nodes once, from the loss back: the adjoint of a
node, δ_node = ∂L/∂node, is the sum over the nodes that use it of
δ_user · ∂user/∂node, and ∂L/∂p the same sum over the nodes that use p (its
own neuron; every output of a softmax layer). Every local derivative is small, so the cost grows linearly with the
number of connections.

>>> grad = reverse_gradient(Network([2, 2, 1]))
>>> grad.adjoints[0]
(delta_o1, 2*o1 - 2*y)
>>> grad.gradient[sp.Symbol("w1", real=True)]
delta_h1*h1*x1*(1 - h1)
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy as sp

from ..calculus.display import RichDisplay
from .network import Network


@dataclass(frozen=True)
class ReverseGradient(RichDisplay):
    """Adjoints δ_node = ∂L/∂node (in the order computed) and ∂L/∂p for every parameter."""

    network: Network
    adjoints: tuple[tuple[sp.Symbol, sp.Expr], ...]
    gradient: dict

    def at(self, point: dict) -> dict:
        """∂L/∂p for every parameter at a point (values of inputs, targets and parameters):
        a forward pass, then the adjoints in the order they were derived."""
        values = dict(point)
        for name, definition in self.network.definitions().items():
            values[name] = definition.xreplace(values)
        for adjoint, expr in self.adjoints:
            values[adjoint] = expr.xreplace(values)
        return {p: g.xreplace(values) for p, g in self.gradient.items()}


def delta(name: sp.Symbol) -> sp.Symbol:
    return sp.Symbol(f"delta_{name}", real=True)


def _local_derivative(network: Network, definition: sp.Expr, by_value: dict, wrt: sp.Symbol) -> sp.Expr:
    """∂node/∂wrt, written with the nodes' own names where their values appear (σ' = h(1 − h),
    a softmax's e^(z_j)/Σ = o_j)."""
    return network.through_outputs(sp.diff(definition, wrt).xreplace(by_value))


def reverse_gradient(network: Network) -> ReverseGradient:
    """∂L/∂p for every parameter p by reverse accumulation over the named nodes."""
    definitions = network.definitions()
    names = list(definitions)
    by_value = {definition: name for name, definition in definitions.items() if name != network.loss_symbol}
    users = {name: [] for name in (*names, *network.parameters())}   # the nodes that use each node and parameter
    for name, definition in definitions.items():
        for child in definition.free_symbols:
            if child in users:
                users[child].append(name)
    adjoint_of = {network.loss_symbol: sp.S.One}
    adjoints = []
    for name in reversed(names[:-1]):                 # every node but the loss, outputs first
        total = sp.Add(*(_scaled(adjoint_of[user], _local_derivative(network, definitions[user], by_value, name))
                         for user in users[name]))
        adjoints.append((delta(name), total))
        adjoint_of[name] = delta(name)
    gradient = {}
    for parameter in network.parameters():   # its own neuron; every output of a softmax layer
        gradient[parameter] = sp.Add(*(_scaled(adjoint_of[user], _local_derivative(network, definitions[user], by_value, parameter))
                                       for user in users[parameter]))
    return ReverseGradient(network, tuple(adjoints), gradient)


def _scaled(adjoint, local):
    return local if adjoint == 1 else adjoint * local
