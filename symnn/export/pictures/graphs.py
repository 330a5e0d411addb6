"""A computational graph drawn with graphviz, like micrograd's ``draw_dot``: every variable and
node as a box with its formula and forward value (c = eᵇ = e³ ≈ 20.09) above its gradient
(∂f/∂c = 1), every gate as an oval between its inputs and its node (on a slide, no gates: the box's formula says
the operation). The numbers are the graph
pass's own (``symnn.nn.graph``). The graph runs left to right or top to bottom, whichever
gives the picture the shape of a slide.
"""

from __future__ import annotations

import math
from html import escape

import sympy as sp

from ...lang import phrase
from ...nn.graph import GraphPass
from ...render.staged import shown_definitions, written_chains, written_form
from ...render.values import shown
from .labels import function_name, unicode_math
from .picture import PLOTS_HINT, Picture

DOT_HINT = "pictures of graphs need graphviz's dot program (Debian/Ubuntu: apt-get install graphviz; macOS: brew install graphviz)"
GATES = {"add": "+", "mul": "×", "pow": "^", "exp": "exp", "log": "ln", "sigmoid": "σ", "max": "max", "min": "min",
         "sin": "sin", "cos": "cos", "tanh": "tanh", "abs": "|·|"}
SHORT = 12          # an exact value up to this many characters is shown beside its decimal
SLIDE = 4 / 3       # the width : height the layout aims at
# close ranks and nodes and small gates, so that the boxes' text is as large as the room allows
SPACING = {"ranksep": "0.2", "nodesep": "0.3"}
# the size of the boxes' and the gates' text, in points at the picture's natural size (its smallest text)
LABEL_PT = 13
GATE = {"shape": "ellipse", "margin": "0.03,0.01", "height": "0.3", "fontsize": str(LABEL_PT)}


class DotMissing(FileNotFoundError):
    """graphviz's dot program is not installed."""


def value_text(value: sp.Expr, lang: str = "en", places: int | None = None) -> str:
    """= e³ ≈ 20.0855: the exact value when it is short, its decimal when it is not a whole number, rounded
    as the key rounds it (``places``: the problem's or the reader's; None: the default, 4).

    >>> value_text(sp.exp(3)), value_text(sp.exp(3), "ru", 2), value_text(sp.Rational(1, 2))
    ('= e³ ≈ 20.0855', '= e³ ≈ 20,09', '= 1/2 ≈ 0.5')
    """
    value = sp.sympify(value, strict=True)       # an integer or a SymPy number, never text
    exact = unicode_math(value, lang)
    if value.is_Integer or not value.is_number:
        return f"= {exact}"
    written, decimal = shown(value, places)      # as the key writes it: 0.5 whole, e³ ≈ 20.0855
    decimal = unicode_math(written if decimal is None else decimal, lang)
    if exact == decimal:
        return f"= {exact}"
    return f"= {exact} ≈ {decimal}" if len(exact) <= SHORT else f"≈ {decimal}"


def node_gradients(run: GraphPass) -> dict:
    """∂f/∂(name) for every variable and node: f's is 1, a node's is the upstream of its rows."""
    gradients = {run.graph.output.name: sp.Integer(1)}
    gradients.update({row.node: row.upstream for row in run.rows})
    gradients.update(dict(run.gradients))
    return gradients


def node_labels(run: GraphPass, lang: str = "en", places: int | None = None) -> dict[str, tuple[str, str]]:
    """name → (its formula and value, its gradient), as the boxes show them, rounded to ``places``."""
    values, gradients = dict(run.values), node_gradients(run)
    output = unicode_math(run.graph.output.name, lang)
    labels = {}
    for name in run.graph.variables:
        labels[str(name)] = (f"{unicode_math(name, lang)} {value_text(values[name], lang, places)}",)
    # each node's formula in the order the statement writes it (a = x·w₁, as the key's table), not SymPy's
    for node, (written, _) in zip(run.graph.nodes, shown_definitions(run.graph.nodes, (run.text,))):
        labels[str(node.name)] = (f"{unicode_math(node.name, lang)} = {unicode_math(written, lang)} "
                                  f"{value_text(values[node.name], lang, places)}",)
    for name in (*run.graph.variables, *(node.name for node in run.graph.nodes)):
        derivative = f"∂{output}/∂{unicode_math(name, lang)}"
        labels[str(name)] += (f"{derivative} {value_text(gradients[name], lang, places)}",)
    return labels


def _box(lines: tuple[str, str]) -> str:
    """A graphviz HTML label: the formula and value above the gradient."""
    top, bottom = (escape(line) for line in lines)
    return (f'<<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="3">'
            f'<TR><TD>{top}</TD></TR><TR><TD BGCOLOR="#fff4e6">{bottom}</TD></TR></TABLE>>')


def graph_picture(run: GraphPass, lang: str = "en", places: int | None = None, gates: bool = True) -> Picture:
    """The graph of ``run``, its values rounded to ``places`` as its key rounds them; without ``gates``, each
    node's inputs point at its box, whose formula says the operation (half the ranks: on a slide, whose
    height limits a deep graph, the text is half again as large)."""
    values, gradients = dict(run.values), node_gradients(run)
    names = [*run.graph.variables, *(node.name for node in run.graph.nodes)]
    data = {"values": {str(n): values[n] for n in names}, "gradients": {str(n): gradients[n] for n in names}}
    labels = node_labels(run, lang, places)
    point = ("; " if lang == "ru" else ", ").join(f"{unicode_math(v, lang)} = {unicode_math(c, lang)}"
                                                  for v, c in run.point)
    written = written_form(run.graph.expr, written_chains(run.text))          # f as the statement writes it
    function = f"f = {unicode_math(run.graph.expr if written is None else written, lang)}"
    title = phrase(lang, "plot.graph", function=function, point=point)
    end = title.index(function) + len(function)
    heading = title if gates else title[:end] + "\\n" + title[end:].lstrip()     # on a slide: the point on a line of its own
    constants = []

    def build(rankdir: str):
        import graphviz
        dot = graphviz.Digraph(graph_attr={"rankdir": rankdir, "fontname": "DejaVu Sans", "label": heading,
                                           "labelloc": "t", "fontsize": "14", **SPACING},
                               node_attr={"fontname": "DejaVu Sans", "fontsize": str(LABEL_PT)}, edge_attr={"arrowsize": "0.7"})
        constants.clear()
        for name in names:
            dot.node(str(name), _box(labels[str(name)]), shape="plaintext")
        for k, node in enumerate(run.graph.nodes):
            gate = f"gate{k}" if gates else str(node.name)
            if gates:
                dot.node(gate, function_name(GATES.get(node.gate, node.gate), lang), **GATE)
                dot.edge(gate, str(node.name))
            for j, arg in enumerate(node.expr.args):
                if arg.is_Symbol:
                    dot.edge(str(arg), gate)
                elif arg.is_number:
                    constant = unicode_math(arg, lang)
                    constants.append(constant)
                    dot.node(f"const{k}_{j}", escape(constant), shape="plaintext")
                    dot.edge(f"const{k}_{j}", gate)
        return dot

    def shaped():
        """The layout, left to right or top to bottom, whose width : height is nearer a slide's."""
        def misfit(dot):
            width, height = map(float, dot.pipe(format="plain").split(b"\n")[0].split()[2:4])
            return abs(math.log(width / height / SLIDE))
        return min((build(rankdir) for rankdir in ("LR", "TB")), key=misfit)

    def draw(format: str) -> bytes:
        try:
            import graphviz
        except ImportError:
            raise ImportError(PLOTS_HINT) from None
        try:
            return shaped().pipe(format=format)
        except graphviz.ExecutableNotFound:
            raise DotMissing(DOT_HINT) from None

    def texts() -> list[str]:
        build("LR")
        return [title, *(line for name in names for line in labels[str(name)]),
                *(function_name(GATES.get(node.gate, node.gate), lang) for node in run.graph.nodes if gates), *constants]

    return Picture(title, draw, data, texts)
