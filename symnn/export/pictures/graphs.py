"""A computational graph drawn with graphviz, like micrograd's ``draw_dot``: every variable and
node as a box with its forward value and its gradient ∂f/∂(it), every gate as an oval between
its inputs and its node. The numbers are the graph pass's own (``symnn.nn.graph``).
"""

from __future__ import annotations

import sympy as sp

from ...nn.graph import GraphPass
from ...render.math import text_math
from .picture import PLOTS_HINT, Picture

DOT_HINT = "pictures of graphs need graphviz's dot program (Debian/Ubuntu: apt-get install graphviz; macOS: brew install graphviz)"
GATES = {"add": "+", "mul": "×", "pow": "^", "exp": "exp", "log": "ln", "sigmoid": "σ", "max": "max", "min": "min",
         "sin": "sin", "cos": "cos", "tanh": "tanh", "abs": "|·|"}


class DotMissing(FileNotFoundError):
    """graphviz's dot program is not installed."""


def _number(value: sp.Expr) -> str:
    """e³ ≈ 20.09: the exact value, and its decimal when they differ."""
    exact = text_math(value)
    if value.is_Integer or not value.is_number:
        return exact
    decimal = f"{float(value):.4g}"
    return decimal if exact == decimal else f"{exact} ≈ {decimal}"


def _record(text: str) -> str:
    """Text for a graphviz record field: its special characters escaped."""
    return "".join("\\" + c if c in "{}|<>\\\"" else c for c in text)


def node_gradients(run: GraphPass) -> dict:
    """∂f/∂(name) for every variable and node: f's is 1, a node's is the upstream of its rows."""
    gradients = {run.graph.output.name: sp.Integer(1)}
    gradients.update({row.node: row.upstream for row in run.rows})
    gradients.update(dict(run.gradients))
    return gradients


def graph_picture(run: GraphPass, lang: str = "en") -> Picture:
    values, gradients = dict(run.values), node_gradients(run)
    names = [*run.graph.variables, *(node.name for node in run.graph.nodes)]
    data = {"values": {str(n): values[n] for n in names}, "gradients": {str(n): gradients[n] for n in names}}

    def build():
        import graphviz
        dot = graphviz.Digraph(graph_attr={"rankdir": "LR", "fontname": "Helvetica"},
                               node_attr={"fontname": "Helvetica", "fontsize": "11"})
        for name in names:
            label = "{ %s | %s | ∂f = %s }" % (_record(str(name)), _record(_number(values[name])),
                                               _record(_number(gradients[name])))
            dot.node(str(name), label, shape="record")
        for k, node in enumerate(run.graph.nodes):
            gate = f"gate{k}"
            dot.node(gate, GATES.get(node.gate, node.gate), shape="ellipse")
            dot.edge(gate, str(node.name))
            for arg in node.expr.args:
                if arg.is_Symbol:
                    dot.edge(str(arg), gate)
                elif arg.is_number:
                    constant = f"const{k}_{len(dot.body)}"
                    dot.node(constant, _record(text_math(arg)), shape="plaintext")
                    dot.edge(constant, gate)
        return dot

    def draw(format: str) -> bytes:
        try:
            import graphviz
        except ImportError:
            raise ImportError(PLOTS_HINT) from None
        try:
            return build().pipe(format=format)
        except graphviz.ExecutableNotFound:
            raise DotMissing(DOT_HINT) from None

    return Picture(f"f = {text_math(run.graph.expr)}", draw, data)
