"""Staged programs: a list of assignments, run forward and backward as a computational graph.

A program is what a small autograd engine records: ``q = x + y; f = q*z``, or a neuron with
a ReLU gate and a squared error, ``a = w1*x1 + w2*x2; h = max(0, a); L = (h - y)^2``. Each
assignment is a node whose inputs are the variables and earlier nodes it names; the last one
is the output. A name may be used by several steps and assigned again (``c += c + 1``, as in
micrograd): each new value is a new node, c, c⁽²⁾, c⁽³⁾, … (``version_name``), so the graph stays a
graph; the output's last value keeps the name the statement gives it (g⁽¹⁾ = f/2, g = g⁽¹⁾ + 10/f).

The backward pass is the graph's (``nn.graph``): local gradient × upstream, and the
contributions to a name used twice add up. Every node also gets its total ∂L/∂node.

A step on the inputs moves each variable along its gradient by ``step_size`` h, up (x⁺ = x + h·∂L/∂x,
as Karpathy's "Hacker's guide" nudges a circuit's output up) or down (x⁺ = x − h·∂L/∂x, gradient
descent), and runs the program forward again at the new point.

>>> run = program_pass(["q = x + y", "f = q*z"], "x = -2, y = 5, z = -4", step_size="0.01", ascent=True)
>>> [(str(n), v) for n, v in run.adjoints]
[('f', 1), ('q', -4), ('x', -4), ('y', -4), ('z', 3)]
>>> run.value("f+")
-28981/2500
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

import sympy as sp

from ..calculus.display import RichDisplay
from ..calculus.gradient import exact_number, exact_value
from ..calculus.parse import CONSTANTS, parse_expr_safe, parse_point, parse_symbols, symbol_name
from .graph import Graph, GraphPass, Node, graph_pass

ASSIGNMENT = re.compile(r"^\s*([A-Za-z_]\w*)\s*([-+*/]?)=(?!=)(.*)$", re.DOTALL)
VERSION = re.compile(r"^(.+?)(?:\^\{?\((\d+)\)\}?|('+))$")      # c^{(2)}, c^(2), or c' as older banks wrote it


def version_name(name: str, k: int) -> str:
    """The name of the k-th value of a program's variable: c, then c^{(2)}, c^{(3)}, ... (c⁽²⁾ in text).

    Not a prime (c′ reads as a derivative in a calculus course) and not a subscript (c₂ would clash with a
    name the program may use itself, c2 or c_2, printed the same): a program's names are identifiers, so
    no name of its own can contain ^{(k)}. A superscript in parentheses is how the course numbers layers
    (a^{(l)}) and optimization texts number iterates (x^{(k)}), the k-th value of one quantity."""
    return name if k == 1 else f"{name}^{{({k})}}"


def base_name(name: str) -> tuple[str, int]:
    """("c", 2) for c^{(2)} (also c^(2) and c′ as older banks wrote it); ("c", 1) for c."""
    match = VERSION.match(name)
    if match is None:
        return name, 1
    return match[1], int(match[2]) if match[2] else len(match[3]) + 1


OPERATORS = {"+": sp.Add, "-": lambda a, b: a - b, "*": sp.Mul, "/": lambda a, b: a / b}


GROUPS = ("forward", "gradients", "updated")     # what a problem's ``find`` may ask for as a whole


class ProgramError(ValueError):
    """An assignment that cannot be read, or a name updated (c += …) before it has a value."""


@dataclass(frozen=True)
class InputStep:
    """One step of size h on the inputs along the gradient: x⁺ = x + h·∂L/∂x (ascent) or x − h·∂L/∂x."""

    size: sp.Expr
    ascent: bool
    moves: tuple[tuple[sp.Symbol, sp.Expr, sp.Expr, sp.Expr], ...]   # (variable, value, ∂L/∂variable, new value)
    after: tuple[tuple[sp.Symbol, sp.Expr], ...]                      # every variable and node at the new point


@dataclass(frozen=True)
class ProgramPass(RichDisplay):
    """The assignments, their forward and backward passes, and ∂L/∂name for every name."""

    steps: tuple[tuple[sp.Symbol, sp.Expr], ...]       # name = expr, each new value of a name numbered, c^{(2)}
    run: GraphPass
    adjoints: tuple[tuple[sp.Symbol, sp.Expr], ...]    # every node (output first), then every variable
    texts: tuple[str, ...] = ()                        # the assignments as the program writes them
    step: InputStep | None = None                      # a step on the inputs, when one is asked for
    asked: tuple[str, ...] = ()                        # what a problem asks (f, df/dx, x+, f+), in order

    @property
    def output(self) -> sp.Symbol:
        return self.steps[-1][0]

    @property
    def result_name(self) -> str:
        """The output as the program names it: g (its last value when g += … makes new nodes)."""
        base = base_name(self.output.name)[0]
        return self.output.name if sp.Symbol(base, real=True) in self.run.graph.variables else base   # x += …: x⁽²⁾

    def symbol(self, name: str) -> sp.Symbol:
        """A variable or node by its name in the tables: c, then c^{(2)}, c^{(3)} (or c^(2), c′ as older banks
        wrote them) for the new values of c; the output's own name (g, after g⁽¹⁾ = f/2) is the output."""
        name = symbol_name(name)
        if name == self.result_name:
            return self.output
        known = [v for v, _ in self.run.values]
        base, k = base_name(name)
        versions = [s for s in known if base_name(s.name)[0] == base]     # in order: the variable, then the nodes
        chosen = [s for s in known if s.name == name] or versions[k - 1:k]
        if not chosen:
            raise ProgramError(f"{name!r} is not a variable or a node of the program ({', '.join(s.name for s in known)})")
        return chosen[0]

    def value(self, name: str) -> sp.Expr:
        """A quantity by the name a problem asks for it: q (a value of the forward pass), dL/dx (∂L/∂x,
        the output's gradient by a variable or a node), x+ and L+ (a value after the step on the inputs)."""
        kind, symbol, wrt = self.part(name)
        if kind == "gradient":
            return dict(self.adjoints)[wrt]
        if kind == "after":
            return dict(self.step.after)[symbol]
        return dict(self.run.values)[symbol]

    def part(self, name: str) -> tuple[str, sp.Symbol, sp.Symbol | None]:
        """("value", q, None), ("gradient", L, x) or ("after", x, None): what a name of ``find`` stands for."""
        if name.endswith("+"):
            if self.step is None:
                raise ProgramError(f"{name!r} is a value after a step on the inputs, and no step_size is given")
            return "after", self.symbol(name[:-1]), None
        if name.startswith("d") and "/d" in name:
            top, wrt = name[1:].split("/d", 1)
            if top not in (self.result_name, self.output.name):
                raise ProgramError(f"{name!r}: the gradients are of the output {self.result_name}, "
                                   f"d{self.result_name}/d…")
            return "gradient", self.output, self.symbol(wrt)
        return "value", self.symbol(name), None

    @property
    def derives(self) -> bool:
        """Whether the key needs the backward pass: a gradient is asked, or a step moves the inputs along one. A
        program asked for values alone (a learning-rate schedule's η at several t) is its forward pass."""
        return self.step is not None or any(self.part(name)[0] == "gradient" for name in self.asked)

    def needed_rows(self) -> tuple:
        """The backward rows on a path from the output to a variable whose gradient is asked or that the step
        moves (∂a/∂x₁ is not needed when only ∂L/∂w₁ is asked); every row when no gradient is asked."""
        wanted = {str(self.part(name)[2]) for name in self.asked if self.part(name)[0] == "gradient"}
        wanted |= {str(variable) for variable, *_ in self.step.moves} if self.step else set()
        if not wanted:
            return self.run.rows
        needed, grown = set(wanted), True
        while grown:                                   # a node is needed when an edge from it leads to a needed name
            grown = False
            for row in self.run.rows:
                if str(row.input) in needed and str(row.node) not in needed:
                    needed.add(str(row.node))
                    grown = True
        return tuple(row for row in self.run.rows if str(row.input) in needed)

    def expanded(self, find) -> tuple[str, ...]:
        """The names of ``find`` with its groups spelled out: forward (every node; an earlier value of the
        output's own name, g⁽¹⁾ before g += …, is left out), gradients (∂L/∂ of every variable),
        updated (every variable the step moves, after it)."""
        nodes = [n for n, _ in self.steps if n == self.output or base_name(n.name)[0] != self.result_name]   # g is the output's
        groups = {"forward": [n.name for n in nodes],
                  "gradients": [f"d{self.result_name}/d{v}" for v, _ in self.run.gradients],
                  "updated": [f"{v}+" for v, *_ in self.step.moves] if self.step else []}
        names = tuple(n for name in find for n in groups.get(name, [name]))
        return tuple(self._canonical(name) for name in names)     # an unknown name is refused here, by name

    def _canonical(self, name: str) -> str:
        """A name of ``find`` as the tables write it: c^{(2)} for c^(2) or c′ (dg/dc^{(2)} likewise)."""
        kind, symbol, wrt = self.part(name)
        if kind == "gradient":
            return f"d{self.result_name}/d{wrt.name}"
        return symbol.name + ("+" if kind == "after" else "")


def read_step(text: str, assigned=()) -> tuple[str, str, sp.Expr]:
    """``"h = max(0, a)"`` -> ("h", "", Max(0, a)); ``"c += 1"`` -> ("c", "+", 1), read by symnn's safe
    parser. A name in ``assigned`` is a variable even where it is also a constant (e, pi)."""
    match = ASSIGNMENT.match(text) if isinstance(text, str) else None
    if match is None:
        raise ProgramError(f"expected name = expression, got {str(text).strip()!r}")
    name, operator, formula = match.groups()
    name = parse_symbols(name)[0].name                   # refuses keywords and function names; lambda is λ
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
        symbol, k = sp.Symbol(name, real=True), 1
        while symbol in taken:                           # a new value of the name: c, c^{(2)}, c^{(3)}, ...
            k += 1
            symbol = sp.Symbol(version_name(name, k), real=True)
        inputs = tuple(sorted(expr.free_symbols, key=lambda s: (s not in variables, str(s))))
        nodes.append(Node(symbol, expr, inputs))
        current[name] = symbol
    nodes = _output_named(nodes, variables)
    composed = nodes[-1].expr
    for node in reversed(nodes[:-1]):                    # the output written in the variables alone
        composed = composed.xreplace({node.name: node.expr})
    return Graph(composed, tuple(variables), tuple(nodes))


def _output_named(nodes: list[Node], variables: list) -> list[Node]:
    """The output's last value named as the statement names it (g, its gradients ∂g/∂a) and the earlier
    values of its name numbered from 1 (g⁽¹⁾ = f/2, g = g⁽¹⁾ + 10/f); unchanged when the name is also an
    input of the program (x += 1: the input keeps x, the output is x⁽²⁾)."""
    base, k = base_name(nodes[-1].name.name)
    if k == 1 or sp.Symbol(base, real=True) in variables:
        return nodes
    renames = {sp.Symbol(base, real=True): sp.Symbol(f"{base}^{{(1)}}", real=True),
               nodes[-1].name: sp.Symbol(base, real=True)}
    return [Node(node.name.xreplace(renames), node.expr.xreplace(renames),
                 tuple(s.xreplace(renames) for s in node.inputs)) for node in nodes]


def program_pass(steps, at, step_size=None, ascent: bool = False, update=None, find=None) -> ProgramPass:
    """The forward and backward tables of the program ``steps`` (texts ``name = expr``) at ``at``; with
    ``step_size``, a step on the variables of ``update`` (every variable by default) along the gradient
    (``ascent``) or against it, and the forward pass at the new point; ``find``: what is asked, by name
    (by default the output and its gradient by every variable)."""
    graph = build_program(steps)
    if isinstance(at, str):
        at = parse_point(at) if at.strip() else {}      # a program of constants alone has no point
    missing = [str(v) for v in graph.variables if v not in at]
    if missing:
        raise ProgramError(f"no value for {', '.join(missing)}")
    run = graph_pass(graph, at)
    totals = {graph.output.name: sp.S.One}           # ∂L/∂L = 1; each row adds its contribution
    for row in run.rows:
        totals[row.input] = totals.get(row.input, sp.S.Zero) + row.contribution
    names = [n.name for n in reversed(graph.nodes)] + list(run.graph.variables)
    adjoints = tuple((name, totals.get(name, sp.S.Zero)) for name in names)
    step = None if step_size is None else input_step(run, _size(step_size), ascent, update)
    program = ProgramPass(tuple((n.name, n.expr) for n in graph.nodes), run, adjoints, tuple(steps), step)
    return replace(program, asked=program.expanded(find or (program.result_name, "gradients")))


def _size(step_size) -> sp.Expr:
    try:
        return exact_number(step_size)
    except ValueError:
        raise ProgramError(f"step_size: {step_size!r} is not a number") from None


def input_step(run: GraphPass, size, ascent: bool, update=None) -> InputStep:
    """x⁺ = x ± h·∂L/∂x for each variable of ``update`` (names; every variable when None), the others kept,
    then every node again at the new point."""
    variables = [v for v, _ in run.gradients]
    names = [v.name for v in variables] if update is None else list(update)
    unknown = [n for n in names if n not in {v.name for v in variables}]
    if unknown:
        raise ProgramError(f"update: {', '.join(unknown)} is not a variable of the program "
                           f"({', '.join(v.name for v in variables)})")
    sign = 1 if ascent else -1
    point, moves = dict(run.point), []
    for variable, gradient in run.gradients:
        if variable.name in names:
            new = point[variable] + sign * size * gradient
            moves.append((variable, point[variable], gradient, new))
            point[variable] = new
    values = dict(point)
    for node in run.graph.nodes:                          # forward again at the new point
        values[node.name] = exact_value(node.expr, values)
    after = tuple((v, values[v]) for v in (*variables, *(n.name for n in run.graph.nodes)))
    return InputStep(size, ascent, tuple(moves), after)
