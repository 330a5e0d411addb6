"""Computational graphs: an expression staged into named nodes, run forward and backward.

Every operation becomes a node named a, b, c, d, g, ... (the output is f; no node is
e, which would read as Euler's number), as in the
course (seed 001): for f = 1 + e^(x·w1 + w0), a = x·w1, b = a + w0, c = e^b,
f = 1 + c. The forward pass fills in values; the backward pass multiplies each
node's local gradient by the gradient flowing into it (the upstream gradient)
and adds the contributions of every path: a max gate routes the gradient to
its larger input, a reused variable collects the sum.

>>> run = graph_pass("1 + exp(x*w1 + w0)", "x=1, w1=2, w0=1")
>>> [(str(n.name), n.expr) for n in run.graph.nodes]
[('a', w1*x), ('b', a + w0), ('c', exp(b)), ('f', c + 1)]
>>> dict(run.gradients)[sp.Symbol("x", real=True)]
2*exp(3)
"""

from __future__ import annotations

import string
from dataclasses import dataclass

import sympy as sp

from ..calculus.display import RichDisplay
from ..calculus.expressions import as_expr
from ..calculus.gradient import _point, exact_value
from ..calculus.parse import parse_point


@dataclass(frozen=True)
class Node:
    """One gate: ``name = expr``, where expr uses the names of its inputs."""

    name: sp.Symbol
    expr: sp.Expr
    inputs: tuple[sp.Symbol, ...]

    @property
    def gate(self) -> str:
        return type(self.expr).__name__.lower()


@dataclass(frozen=True)
class Graph:
    """The staged form of ``expr``: its variables and its nodes, output last."""

    expr: sp.Expr
    variables: tuple[sp.Symbol, ...]
    nodes: tuple[Node, ...]

    @property
    def output(self) -> Node:
        return self.nodes[-1]


@dataclass(frozen=True)
class BackwardRow:
    """∂f/∂input gets local · upstream from this node: one line of the backward table."""

    node: sp.Symbol
    input: sp.Symbol
    local: sp.Expr            # ∂node/∂input, in the names of the graph
    local_value: sp.Expr
    upstream: sp.Expr         # ∂f/∂node, already complete when this row runs
    contribution: sp.Expr     # local_value · upstream


@dataclass(frozen=True)
class GraphPass(RichDisplay):
    """A forward and a backward pass of a graph at a point."""

    graph: Graph
    point: tuple[tuple[sp.Symbol, sp.Expr], ...]
    values: tuple[tuple[sp.Symbol, sp.Expr], ...]       # every variable and node, forward
    rows: tuple[BackwardRow, ...]
    gradients: tuple[tuple[sp.Symbol, sp.Expr], ...]    # ∂f/∂v for every variable
    text: str = ""                                      # the expression as the statement wrote it, if given as text


def build_graph(expr) -> Graph:
    """Stage ``expr`` into nodes, children first; equal subexpressions share a node."""
    expr = as_expr(expr)
    variables: list[sp.Symbol] = []
    nodes: list[Node] = []
    named: dict[sp.Expr, sp.Symbol] = {}
    taken = {s.name for s in expr.free_symbols}
    # no node is named f (the output) or e (Euler's number)
    letters = (c for c in string.ascii_lowercase if c not in "ef" and c not in taken)

    def visit(sub):
        if sub.is_Symbol:
            if sub not in variables:
                variables.append(sub)
            return sub
        if sub.is_number:
            return sub
        if sub in named:
            return named[sub]
        args = [visit(arg) for arg in sub.args]
        inputs = tuple(dict.fromkeys(a for a in args if a.is_Symbol))
        name = sp.Symbol("f" if sub == expr and "f" not in taken else next(letters), real=True)
        nodes.append(Node(name, sub.func(*args), inputs))
        named[sub] = name
        return name

    visit(expr)
    if not nodes:   # the expression is a single variable
        raise ValueError("a graph needs at least one operation")
    return Graph(expr, tuple(variables), tuple(nodes))


def _simplified(value: sp.Expr) -> sp.Expr:
    """simplify, unless the exact numbers grow past what SymPy will print (ValueError)."""
    try:
        return sp.simplify(value)
    except ValueError:
        return value


def graph_pass(expr, at) -> GraphPass:
    """The forward and backward tables of ``expr`` (or a Graph) at the point ``at``.

    Variables are listed in the order the point names them (x, w1, w0 as in the course).
    """
    text = expr if isinstance(expr, str) else ""
    graph = expr if isinstance(expr, Graph) else build_graph(expr)
    if isinstance(at, str):
        at = parse_point(at)
    if isinstance(at, dict):
        order = [str(name) for name in at]
        ranked = sorted(graph.variables, key=lambda v: order.index(v.name) if v.name in order else len(order))
        graph = Graph(graph.expr, tuple(ranked), graph.nodes)
    point = _point(graph.expr, graph.variables, at)
    values = dict(point)
    for node in graph.nodes:                         # forward: each node from its inputs
        values[node.name] = exact_value(node.expr, values)
    upstream = {graph.output.name: sp.S.One}         # ∂f/∂f = 1
    rows = []
    for node in reversed(graph.nodes):               # backward: local gradient × upstream
        if node.name not in upstream:                # no path to the output (a program's other asked value): ∂f/∂node = 0
            continue
        for source in node.inputs:
            local = sp.diff(node.expr, source)
            local_value = exact_value(local, values)
            local = _as_written(local, node.expr)
            contribution = _simplified(local_value * upstream[node.name])
            rows.append(BackwardRow(node.name, source, local, local_value, upstream[node.name], contribution))
            upstream[source] = upstream.get(source, sp.S.Zero) + contribution   # paths add up
    gradients = tuple((v, upstream.get(v, sp.S.Zero)) for v in graph.variables)
    ordered = tuple((v, values[v]) for v in (*graph.variables, *(n.name for n in graph.nodes)))
    return GraphPass(graph, point, ordered, tuple(rows), gradients, text)


def _as_written(local, definition):
    """A local derivative that is a number times a sum of the node's definition, written so: for
    L = (h − y)², ∂L/∂h = 2(h − y) and ∂L/∂y = −2(h − y), not SymPy's 2h − 2y and −2h + 2y."""
    if not local.is_Add:
        return local
    for inner in sorted(definition.atoms(sp.Add), key=sp.count_ops, reverse=True):
        ratio = sp.cancel(local / inner)
        if ratio.is_number and ratio != 1:
            return sp.Mul(ratio, inner, evaluate=False)
    return local
