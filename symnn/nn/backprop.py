"""Backpropagation of one parameter: the chain rule along every path from the loss.

Seed 002 writes dL/dw1 = dL/dy_pred · dy_pred/dh1 · dh1/dw1. Here every factor is
the derivative of one named node by one of its inputs, derived step by step
from the node's definition and evaluated after a forward pass; a parameter
that reaches the loss along several paths gets their sum.

>>> run = backprop(Network([2, 2, 1]), "w1", "x1=-2, x2=-1, y=1", weights=1, biases=0)
>>> [[str(f.node) + "/" + str(f.wrt) for f in p.factors] for p in run.paths]
[['L/o1', 'o1/h1', 'h1/w1']]
>>> round(float(run.value), 4)
0.0215
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import sympy as sp

from ..calculus.differentiate import diff_steps
from ..calculus.display import RichDisplay
from ..calculus.gradient import exact_number, exact_value
from ..calculus.parse import ParseError, parse_point
from ..calculus.steps import Step
from .network import Network


@dataclass(frozen=True)
class Factor:
    """∂node/∂wrt, derived from the node's definition, and its value at the point."""

    node: sp.Symbol
    wrt: sp.Symbol
    step: Step
    local: sp.Expr     # the result in the names of the nodes: ∂h1/∂w1 = x1·h1·(1 − h1)
    value: sp.Expr


@dataclass(frozen=True)
class Path:
    """One route from the loss to the parameter: the product of its factors."""

    factors: tuple[Factor, ...]

    @property
    def value(self) -> sp.Expr:
        return sp.Mul(*(f.value for f in self.factors))


@dataclass(frozen=True)
class ForwardPass(RichDisplay):
    """A network's nodes, each from the ones before it, at a point."""

    network: Network
    point: tuple[tuple[sp.Symbol, sp.Expr], ...]
    forward: tuple[tuple[sp.Symbol, sp.Expr], ...]

    @property
    def outputs(self) -> tuple[sp.Expr, ...]:
        """The value of every neuron, layer by layer (the loss left out)."""
        values = dict(self.forward)
        return tuple(values[n.name] for n in self.network.neurons())


@dataclass(frozen=True)
class Backprop(RichDisplay):
    network: Network
    parameter: sp.Symbol
    point: tuple[tuple[sp.Symbol, sp.Expr], ...]       # inputs, targets and parameters
    forward: tuple[tuple[sp.Symbol, sp.Expr], ...]     # every node, in order, exactly
    paths: tuple[Path, ...]

    @property
    def value(self) -> sp.Expr:
        return sp.Add(*(path.value for path in self.paths))


def network_point(network: Network, at, weights=None, biases=None, need_targets=True) -> dict:
    """Values of inputs, targets and parameters: ``at`` (text or a mapping), and
    ``weights``/``biases`` for every weight/bias it does not name."""
    given = parse_point(at) if isinstance(at, str) else dict(at or {})
    point = {network.symbol(str(k)): exact_number(v) for k, v in given.items()}
    for neuron in network.neurons():
        for w in neuron.weights:
            if w not in point and weights is not None:
                point[w] = exact_number(weights)
        if neuron.bias is not None and neuron.bias not in point and biases is not None:
            point[neuron.bias] = exact_number(biases)
    needed = [*network.inputs, *(network.targets if need_targets else ()), *network.parameters()]
    missing = [str(s) for s in needed if s not in point]
    if missing:
        raise ParseError(f"no value for {', '.join(missing)}")
    return point


def forward_values(network: Network, point: dict) -> dict:
    """Each node's exact value from the values before it."""
    values = dict(point)
    for name, definition in network.definitions().items():
        if name == network.loss_symbol and not all(t in point for t in network.targets):
            continue
        values[name] = exact_value(definition, values)
    return values


def _ordered_point(network: Network, point: dict):
    return tuple((s, point[s]) for s in (*network.inputs, *network.targets, *network.parameters()) if s in point)


def forward_pass(network: Network, at, weights=None, biases=None) -> ForwardPass:
    """The forward pass at ``at`` (targets optional: without them the loss is left out)."""
    point = network_point(network, at, weights, biases, need_targets=False)
    values = forward_values(network, point)
    forward = tuple((name, values[name]) for name in network.definitions() if name in values)
    return ForwardPass(network, _ordered_point(network, point), forward)


def backprop(network: Network, parameter, at, weights=None, biases=None) -> Backprop:
    """∂L/∂parameter by the chain rule along every path, with each factor derived and evaluated."""
    parameter = network.symbol(str(parameter)) if not isinstance(parameter, sp.Symbol) else parameter
    if parameter not in network.parameters():
        raise ValueError(f"{parameter} is not a parameter of {network!r}")
    point = network_point(network, at, weights, biases)
    values = forward_values(network, point)
    definitions = network.definitions()
    by_name = {definition: name for name, definition in definitions.items() if name != network.loss_symbol}

    @functools.cache
    def reaches(node) -> bool:   # does the parameter influence this node?
        definition = definitions[node]
        return parameter in definition.free_symbols or any(
            reaches(child) for child in definition.free_symbols if child in definitions)

    def paths_from(node) -> list[list[Factor]]:
        definition = definitions[node]
        found = []
        for child in sorted(definition.free_symbols, key=str):
            if child == parameter or (child in definitions and reaches(child)):
                step = diff_steps(definition, child)
                local = network.through_outputs(step.result.xreplace(by_name))
                factor = Factor(node, child, step, local, exact_value(step.result, values))
                tails = [[]] if child == parameter else paths_from(child)
                found.extend([factor, *tail] for tail in tails)
        return found

    paths = tuple(Path(tuple(p)) for p in paths_from(network.loss_symbol))
    forward = tuple((name, values[name]) for name in definitions)
    return Backprop(network, parameter, _ordered_point(network, point), forward, paths)
