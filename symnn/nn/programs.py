"""Staged programs: a list of assignments, run forward and backward as a computational graph.

A program is what a small autograd engine records: ``q = x + y; f = q*z``, or a neuron with
a ReLU gate and a squared error, ``a = w1*x1 + w2*x2; h = max(0, a); L = (h - y)^2``. Each
assignment is a node whose inputs are the variables and earlier nodes it names; the last one
is the output. A name may be used by several steps and assigned again (``c += c + 1``, as in
micrograd): each new value is a new node, primed (c, c′, c″, …), so the graph stays a graph.

The backward pass is the graph's (``nn.graph``): local gradient × upstream, and the
contributions to a name used twice add up. Every node also gets its total ∂L/∂node.

>>> run = program_pass(["q = x + y", "f = q*z"], "x = -2, y = 5, z = -4")
>>> [(str(n), v) for n, v in run.adjoints]
[('f', 1), ('q', -4), ('x', -4), ('y', -4), ('z', 3)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import sympy as sp

from ..calculus.display import RichDisplay
from ..calculus.parse import CONSTANTS, parse_expr_safe, parse_point, parse_symbols
from .graph import Graph, GraphPass, Node, graph_pass

ASSIGNMENT = re.compile(r"^\s*([A-Za-z_]\w*)\s*([-+*/]?)=(?!=)(.*)$", re.DOTALL)
OPERATORS = {"+": sp.Add, "-": lambda a, b: a - b, "*": sp.Mul, "/": lambda a, b: a / b}


class ProgramError(ValueError):
    """An assignment that cannot be read, or a name updated (c += …) before it has a value."""


@dataclass(frozen=True)
class ProgramPass(RichDisplay):
    """The assignments, their forward and backward passes, and ∂L/∂name for every name."""

    steps: tuple[tuple[sp.Symbol, sp.Expr], ...]       # name = expr, each new value of a name primed
    run: GraphPass
    adjoints: tuple[tuple[sp.Symbol, sp.Expr], ...]    # every node (output first), then every variable
    texts: tuple[str, ...] = ()                        # the assignments as the program writes them

    @property
    def output(self) -> sp.Symbol:
        return self.steps[-1][0]


def read_step(text: str, assigned=()) -> tuple[str, str, sp.Expr]:
    """``"h = max(0, a)"`` -> ("h", "", Max(0, a)); ``"c += 1"`` -> ("c", "+", 1), read by symnn's safe
    parser. A name in ``assigned`` is a variable even where it is also a constant (e, pi)."""
    match = ASSIGNMENT.match(text) if isinstance(text, str) else None
    if match is None:
        raise ProgramError(f"expected name = expression, got {str(text).strip()!r}")
    name, operator, formula = match.groups()
    parse_symbols(name)                                  # refuses keywords and function names
    aliases = {f"program_name_{n}": n for n in assigned if n in CONSTANTS}
    for alias, constant in aliases.items():              # e assigned by the program is not Euler's e
        formula = re.sub(rf"(?<![\w.]){re.escape(constant)}(?!\w)", alias, formula)
    expr = parse_expr_safe(formula)
    return name, operator, expr.xreplace({sp.Symbol(a, real=True): sp.Symbol(n, real=True) for a, n in aliases.items()})


def build_program(steps) -> Graph:
    """The graph of the assignments: one node per step; the variables are the names used before any step
    assigns them."""
    if not steps:
        raise ProgramError("a program needs at least one assignment")
    current: dict[str, sp.Symbol] = {}                   # each name's latest value
    nodes: list[Node] = []
    variables: list[sp.Symbol] = []
    for text in steps:
        name, operator, expr = read_step(text, current)
        expr = expr.xreplace({sp.Symbol(n, real=True): symbol for n, symbol in current.items()})
        for symbol in sorted(expr.free_symbols, key=str):
            if symbol not in current.values() and symbol not in variables:
                variables.append(symbol)
        if operator:
            if name not in current and sp.Symbol(name, real=True) not in variables:
                raise ProgramError(f"{name} {operator}= … comes before {name} has a value")
            expr = OPERATORS[operator](current.get(name, sp.Symbol(name, real=True)), expr)
        taken = {n.name for n in nodes} | set(variables)
        symbol = sp.Symbol(name, real=True)
        while symbol in taken:                           # a new value of the name: c, c', c'', ...
            symbol = sp.Symbol(symbol.name + "'", real=True)
        inputs = tuple(sorted(expr.free_symbols, key=lambda s: (s not in variables, str(s))))
        nodes.append(Node(symbol, expr, inputs))
        current[name] = symbol
    composed = nodes[-1].expr
    for node in reversed(nodes[:-1]):                    # the output written in the variables alone
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
    return ProgramPass(tuple((n.name, n.expr) for n in graph.nodes), run, adjoints, tuple(steps))
