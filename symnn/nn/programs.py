"""Staged programs: a list of assignments, run forward and backward as a computational graph.

A program is what a small autograd engine records: ``q = x + y; f = q*z``, or a neuron with
a ReLU gate and a squared error, ``a = w1*x1 + w2*x2; h = max(0, a); L = (h - y)^2``. Each
assignment is a node whose inputs are the variables and earlier nodes it names; the last one
is the output. Variables may be used by several nodes; a name is assigned once.

The backward pass is the graph's (``nn.graph``): local gradient × upstream, and the
contributions to a name used twice add up. Every node also gets its total ∂L/∂node.

>>> run = program_pass(["q = x + y", "f = q*z"], "x = -2, y = 5, z = -4")
>>> [(str(n), v) for n, v in run.adjoints]
[('f', 1), ('q', -4), ('x', -4), ('y', -4), ('z', 3)]
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy as sp

from ..calculus.display import RichDisplay
from ..calculus.parse import parse_expr_safe, parse_point, parse_symbols
from .graph import Graph, GraphPass, Node, graph_pass


class ProgramError(ValueError):
    """An assignment that cannot be read, or a program that is not a graph (a name assigned twice)."""


@dataclass(frozen=True)
class ProgramPass(RichDisplay):
    """The assignments, their forward and backward passes, and ∂L/∂name for every name."""

    steps: tuple[tuple[sp.Symbol, sp.Expr], ...]       # name = expr, as the program writes them
    run: GraphPass
    adjoints: tuple[tuple[sp.Symbol, sp.Expr], ...]    # every node (output first), then every variable

    @property
    def output(self) -> sp.Symbol:
        return self.steps[-1][0]


def read_step(text: str) -> tuple[sp.Symbol, sp.Expr]:
    """``"h = max(0, a)"`` -> (h, Max(0, a)), read by symnn's safe parser."""
    name, sep, formula = text.partition("=")
    if not sep or formula.startswith("="):
        raise ProgramError(f"expected name = expression, got {text.strip()!r}")
    (symbol,) = parse_symbols(name)
    return symbol, parse_expr_safe(formula)


def build_program(steps) -> Graph:
    """The graph of the assignments: one node per step; the variables are the names no step assigns."""
    if not steps:
        raise ProgramError("a program needs at least one assignment")
    assigned: dict[sp.Symbol, sp.Expr] = {}
    nodes, variables = [], []
    for name, expr in (read_step(s) if isinstance(s, str) else s for s in steps):
        if name in assigned or name in variables:
            raise ProgramError(f"{name} is assigned after it is used or assigned; give the new value a new name")
        for symbol in sorted(expr.free_symbols, key=str):
            if symbol not in assigned and symbol not in variables:
                variables.append(symbol)
        inputs = tuple(sorted(expr.free_symbols, key=lambda s: (s not in variables, str(s))))
        nodes.append(Node(name, expr, inputs))
        assigned[name] = expr
    composed = nodes[-1].expr
    for node in reversed(nodes[:-1]):                 # the output written in the variables alone
        composed = composed.xreplace({node.name: node.expr})
    return Graph(composed, tuple(variables), tuple(nodes))


def program_pass(steps, at) -> ProgramPass:
    """The forward and backward tables of the program ``steps`` (texts ``name = expr``) at ``at``."""
    graph = build_program(steps)
    if isinstance(at, str):
        at = parse_point(at)
    missing = [str(v) for v in graph.variables if v not in at]
    if missing:
        raise ProgramError(f"no value for {', '.join(missing)}")
    run = graph_pass(graph, at)
    totals = {graph.output.name: sp.S.One}           # ∂L/∂L = 1; each row adds its contribution
    for row in run.rows:
        totals[row.input] = totals.get(row.input, sp.S.Zero) + row.contribution
    names = [n.name for n in reversed(graph.nodes)] + list(run.graph.variables)
    adjoints = tuple((name, totals.get(name, sp.S.Zero)) for name in names)
    return ProgramPass(tuple((n.name, n.expr) for n in graph.nodes), run, adjoints)
