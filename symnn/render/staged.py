"""The nodes of a computational graph or a staged program written as the statement writes them.

SymPy sorts the operands of a sum or a product its own way: the statement's a = x·w₁ and
f = 1 + c come back as w₁x and c + 1. Each sum and product of the statement's text is read
(in order, by symnn's safe parser) and a node whose operands are the same is written in
that order; a node the text does not spell out keeps SymPy's order.

``StagedPrinting``, a mixin of the document printers, writes the tables of a graph or a
program with these definitions, and adds up the contributions to a variable several nodes use
(∂f/∂x = a + ∂f/∂a·H(x − y) = 3 + 3·1 = 6): formula, numbers, value; a step on a program's inputs
(x⁺ = x + h·∂f/∂x = −2 + 0.01·(−4) = −2.04) and the forward pass after it.

>>> import sympy as sp
>>> x, w1 = sp.symbols("x w1", real=True)
>>> as_written(w1 * x, {}, written_chains("1 + exp(x*w1 + w0)")).args
(x, w1)
"""

from __future__ import annotations

import ast

import sympy as sp

from ..calculus.parse import ParseError, parse_expr_safe
from .one_form import column, remember
from .values import Shown, put_in

MAX_TEXT = 2000        # a longer formula keeps SymPy's order


def written_chains(text) -> list[tuple[type, tuple]]:
    """Every sum (its terms, a subtracted one negated) and every product (its factors) of ``text``, in order."""
    if not isinstance(text, str) or len(text) > MAX_TEXT:
        return []
    source = text.replace("^", "**")
    try:
        tree = ast.parse(source, mode="eval")
    except SyntaxError:
        return []
    chains = []
    inner = {id(node.left) for node in ast.walk(tree) if _kind(node) and _kind(node.left) == _kind(node)}
    for node in ast.walk(tree):
        kind = _kind(node)
        if kind is None or id(node) in inner:
            continue
        try:
            chains.append((kind, tuple(sign * parse_expr_safe(ast.get_source_segment(source, operand).replace("**", "^"))
                                       for operand, sign in _operands(node, kind, 1))))
        except (ParseError, ValueError, TypeError):
            continue
    return chains


def _kind(node):
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Sub)):
        return sp.Add
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mult):
        return sp.Mul
    return None


def _operands(node, kind, sign):
    if _kind(node) is not kind:
        return [(node, sign)]
    right = -sign if isinstance(node.op, ast.Sub) else sign
    return _operands(node.left, kind, sign) + [(node.right, right)]


def as_written(expr, composed: dict, chains) -> sp.Expr:
    """``expr`` (a node, in the names of the graph) with its operands in the order of the chain of the text
    that has the same operands once each node name is replaced by what it stands for (``composed``)."""
    if not isinstance(expr, (sp.Add, sp.Mul)):
        return expr
    operands = list(expr.args)
    # each operand as the text may write it: by what its node names stand for (x·w₁), or by the names (w + c)
    for full in ([sp.expand(operand.xreplace(composed)) for operand in operands], [sp.expand(o) for o in operands]):
        for kind, chain in chains:
            written = [sp.expand(term) for term in chain]
            if kind is not expr.func or len(written) != len(full) or sorted(map(str, written)) != sorted(map(str, full)):
                continue
            places = [str(term) for term in written]
            order = sorted(range(len(full)), key=lambda k: places.index(str(full[k])))
            return expr.func(*(operands[k] for k in order), evaluate=False)
    return expr


def written_form(expr, chains):
    """``expr`` with every sum and product in the order of the text (f = 1 + e^(x w₁ + w₀)), or None when
    the text does not spell out one of them."""
    if not expr.args or isinstance(expr, (sp.Number, sp.NumberSymbol)):
        return expr
    args = [written_form(arg, chains) for arg in expr.args]
    if None in args:
        return None
    order = list(range(len(args)))
    if isinstance(expr, (sp.Add, sp.Mul)) and not (isinstance(expr, sp.Mul) and expr.args[0] == -1):
        ordered = as_written(expr, {}, chains)
        if ordered is expr:
            return None
        order = [expr.args.index(arg) for arg in ordered.args]
    return expr.func(*(args[k] for k in order), evaluate=False)


def typed_definitions(nodes, texts) -> list:
    """Each node's formula exactly as the program's line types it, nothing combined or simplified (2x + 2 + x,
    z·z), its names the nodes they refer to (c⁽²⁾ after c is assigned again); None for a line that is not a
    plain ``name = formula`` or that does not read as the node's own value."""
    if len(texts) != len(nodes):
        return [None] * len(nodes)
    current: dict = {}
    typed = []
    for node, text in zip(nodes, texts):
        name, equals, formula = str(text).partition("=")
        name, operator = (name[:-1].strip(), name.strip()[-1]) if name.strip()[-1:] in UPDATES else (name.strip(), "")
        typed.append(_typed(node, formula, current, name, operator) if equals and name.isidentifier() else None)
        current[sp.Symbol(name, real=True)] = node.name
    return typed


UPDATES = {"+": lambda a, b: sp.Add(a, b), "-": lambda a, b: sp.Add(a, sp.Mul(-1, b)),      # c += c + 1: c⁽²⁾ = c + c + 1
           "*": lambda a, b: sp.Mul(a, b), "/": lambda a, b: sp.Mul(a, sp.Pow(b, -1))}


def _typed(node, formula: str, current: dict, name: str, operator: str):
    if len(formula) > MAX_TEXT:
        return None
    try:
        with sp.evaluate(False):
            expr = parse_expr_safe(formula.strip()).xreplace(current)
            if operator:
                before = sp.Symbol(name, real=True)
                expr = UPDATES[operator](current.get(before, before), expr)
            expr = _flat(expr)
    except (ParseError, ValueError, TypeError):
        return None
    difference = _evaluated(expr) - node.expr          # the typed line must be the node's value, as built
    return expr if expr.free_symbols <= set(node.inputs) and (difference == 0 or sp.expand(difference) == 0) else None


def _flat(expr):
    """2x + 2 + x as one sum of three terms (the parser builds (2x + 2) + x) and d*2 as 2d, nothing evaluated."""
    if not expr.args or isinstance(expr, sp.Number):
        return expr
    args = [_flat(arg) for arg in expr.args]
    if isinstance(expr, (sp.Add, sp.Mul)):
        args = [part for arg in args for part in (arg.args if type(arg) is type(expr) else (arg,))]
    if isinstance(expr, sp.Mul):          # d*2 as 2d: a number leads its product
        args = sorted(args, key=lambda arg: not arg.is_number)
    return expr.func(*args, evaluate=False)


def _evaluated(expr):
    return expr.func(*(_evaluated(arg) for arg in expr.args)) if expr.args and not isinstance(expr, sp.Number) else expr


class Kept(sp.Expr):
    """A formula printed with its terms and factors in the order it was built (the statement's)."""

    def _print_kept(self, printer):
        order = printer._settings.get("order")
        printer._settings["order"] = "none"
        try:
            return printer._print(self.args[0])
        finally:
            printer._settings["order"] = order

    _latex = _sympystr = _print_kept


class Ratio(sp.Expr):
    """df/dt (total) or ∂f/∂x (partial), as a symbol of a formula."""

    def _latex(self, printer):
        top, bottom, partial = self.args
        d = r"\partial " if partial else "d "
        return r"\frac{%s%s}{%s%s}" % (d, printer._print(top), d, printer._print(bottom))

    def _sympystr(self, printer):
        top, bottom, partial = self.args
        d = "∂" if partial else "d"
        return f"{d}{printer._print(top)}/{d}{printer._print(bottom)}"


class HigherRatio(sp.Expr):
    """d²E/dw² (total) or ∂²E/∂w² (partial): a named function's derivative of an order above 1."""

    def _latex(self, printer):
        top, bottom, partial, order = self.args
        d = r"\partial" if partial else "d"
        return r"\frac{%s^{%s} %s}{%s %s^{%s}}" % (d, order, printer._print(top), d, printer._print(bottom), order)

    def _sympystr(self, printer):
        top, bottom, partial, order = self.args
        d = "∂" if partial else "d"
        return f"{d}^{order}{printer._print(top)}/{d}{printer._print(bottom)}^{order}"


ReLU = sp.Function("ReLU")          # max(0, u), where the program writes relu(u)


def _joined(terms: list[str]) -> str:
    """Written terms as one sum: a + b, a − b for a term that opens with a minus."""
    text = terms[0]
    for term in terms[1:]:
        text += " - " + term[1:].lstrip() if term.startswith("-") else " + " + term
    return text


LONG_DENOMINATOR = 50       # a fraction with a larger denominator is shown as its decimal


def _long_fraction(exact) -> bool:
    """A fraction that reads better as its decimal: −2381/343, not 1/3 or 10/49."""
    return isinstance(exact, sp.Rational) and not exact.is_Integer and exact.q > LONG_DENOMINATOR


class StagedPrinting:
    """A mixin of the document printers: the tables of a graph or a program and the sums of contributions."""

    def staged_number(self, value):
        """A number of a graph's tables as it is put into a formula: exact when short, else its decimal."""
        exact, decimal = self.shown(value)
        return decimal if exact is None or decimal is not None and _long_fraction(exact) else exact

    def staged_value(self, value) -> str:
        """A value of a graph's tables: 3, 1/3 ≈ 0.3333, e³ ≈ 20.0855, but ≈ −6.9417 for −2381/343."""
        exact, decimal = self.shown(value)
        if decimal is not None and _long_fraction(exact):
            remember(self.forms, value, None)           # and so wherever the key writes it: g ≈ 24.7041 in the answer
            return self.inline(f"{self.approx} " + self.raw_math(decimal))
        ordered = self.__dict__.get("_in_order", {}).get(value)        # 3 + 1/(1 + e⁴), as n = x + s_y adds
        if ordered is not None and exact is not None and decimal is not None:
            return self.inline(self.raw_math(ordered, keep_order=True)) + " " + self.inline(f"{self.approx} " + self.raw_math(decimal))
        return self.value(value)

    def decimal_cell(self, value) -> str:
        """A value column's cell in its decimal alone (≈ 1.0217), or exact where it has no other form (2)."""
        exact, decimal = self.shown(value)
        return self.inline(f"{self.approx} " + self.raw_math(decimal)) if decimal is not None else self.staged_value(value)

    def staged_result(self, lhs: str, value) -> str:
        """``lhs`` (raw math) and its value, a long fraction only as its decimal (≈ 0.4958)."""
        exact, decimal = self.shown(value)
        if decimal is not None and _long_fraction(exact):
            return self.inline(lhs + f" {self.approx} " + self.raw_math(decimal))
        return self.result(lhs, value)

    def backward_lines(self, run, output, depth: int, needed=None, texts=()) -> list[str]:
        """The backward table (of the ``needed`` rows, else every row), then the sum of the contributions of
        every name that several nodes use: ∂f/∂x = a + ∂f/∂a·H(x − y) = 3 + 3·1 = 6 (formula, numbers, value).
        A row of the output's own node by an input that reaches it on other paths too is the local derivative of
        its formula, ∂(x·a)/∂x = a = 3: ∂f/∂x is the total, 6, in the sums and the answer (the local gradient of
        CS231n and micrograd)."""
        needed = run.rows if needed is None else needed
        own = dict(zip((node.name for node in run.graph.nodes), shown_definitions(run.graph.nodes, texts)))[output]
        values = [column(self, [getattr(row, part) for row in needed], self.staged_value, _long_fraction)     # in one form
                  for part in ("local_value", "upstream", "contribution")]
        # the output's own partial is written by its formula only where the input has other paths to the output too
        # (∂(x·a)/∂x = a while ∂f/∂x = 6); where it has none, the two are one, and a teacher writes ∂f/∂c
        paths = {name: sum(row.input == name for row in run.rows) for name in {row.input for row in run.rows}}
        rows = [[self.inline(self.local_ratio(own, row.input)) if row.node == output and paths[row.input] > 1
                 else self.ratio(row.node, row.input), self.math(row.local), *cells] for row, *cells in zip(needed, *values)]
        d = ".d" if getattr(self, "ordinary", False) else ""       # dy/d(node) in a chain of one variable, as stated
        lines = self.table([self.plain("graph.local"), self.plain("delta.formula"), self.plain("graph.value"),
                            self.plain(f"graph.upstream{d}", output=self.renamed(output)),     # e of e = c·d, not f
                            self.plain(f"graph.contribution{d}", output=self.renamed(output))], rows)
        uses: dict = {}
        for row in needed:
            uses.setdefault(row.input, []).append(row)
        sums = [(name, found) for name, found in uses.items() if len(found) > 1]
        if sums:
            lines.append(self.line(depth, self.plain("graph.sums")))
        for name, found in sums:
            formula = _joined([self.raw_math(self._contribution(row, output), keep_order=True,
                                             numbers=row.local.is_number or row.local.is_Symbol)   # ∂L/∂a · y
                           for row in found])
            numbers = _joined([self._contribution_numbers(row, output) for row in found])
            total = sp.Add(*(row.contribution for row in found))
            lines.append(self.line(depth + 1, self.staged_result(
                " = ".join((self.raw_ratio(output, name), formula, numbers)), total)))
        return lines

    def local_ratio(self, shown, wrt) -> str:
        """∂(x·a)/∂x: the partial derivative of a formula (``shown``: it and whether its order is kept) by one
        of its inputs, as raw math."""
        formula, kept = shown
        top = self.raw_math(formula, keep_order=kept)
        plain = not self.nabla.startswith("\\")
        if formula.is_Add or formula.is_Mul or plain and "/" in top:      # ∂(x·a)/∂x, ∂(1/h)/∂h; ∂(h - y)^2/∂h
            top = (r"\left(%s\right)" if self.nabla.startswith("\\") else "(%s)") % top
        elif top[:1].isalpha() and plain:
            top = " " + top                           # d tanh(b)/db, not dtanh(b)/db, where the statement writes d
        placeholder = sp.Symbol("PLACEHOLDER", real=True)
        ratio = self.raw_ratio(placeholder, wrt).replace(self.raw_math(placeholder), top, 1)
        return ratio.replace("∂ ", "∂", 1)

    @staticmethod
    def _contribution(row, output):
        """∂L/∂node · ∂node/∂input as formulas (the local gradient alone where the node is L itself)."""
        if row.node == output:
            return row.local
        upstream = Ratio(output, row.node, sp.true)
        return upstream if row.local == 1 else sp.Mul(upstream, row.local, evaluate=False)

    def _contribution_numbers(self, row, output) -> str:
        local = self.staged_number(row.local_value)
        if row.node == output:
            return self.raw_math(local, numbers=True)
        upstream = self.staged_number(row.upstream)
        if row.local == 1:
            return self.raw_math(upstream, numbers=True)
        return self.raw_math(sp.Mul(Shown(sp.Symbol("u"), upstream), Shown(sp.Symbol("v"), local), evaluate=False),
                             keep_order=True, numbers=True)

    def program_label(self, name: str) -> str:
        """What a part of a program's answer is, by the name ``find`` gives it: q, ∂f/∂x, x⁺ (raw math)."""
        if name.endswith("+"):                 # x⁺, x_1⁺ where the statement writes x_1
            return self.raw_math(sp.Symbol(f"{self.names.get(name[:-1], name[:-1])}^+"))
        if name.startswith("d") and "/d" in name:
            top, wrt = name[1:].split("/d", 1)
            return self.raw_ratio(sp.Symbol(top, real=True), sp.Symbol(wrt, real=True))
        return self.raw_math(sp.Symbol(name, real=True))

    def input_step_lines(self, program, depth: int) -> list[str]:
        """The step on the inputs, one row per input moved: x⁺ = x + h·∂f/∂x = −2 + 0.01·(−4) = −2.04 (a
        minus for gradient descent); then the forward pass at the new point."""
        step, L = program.step, program.output     # g, named as the statement names it (nn.programs)
        # the step is h, as Karpathy's guide writes it, unless the program has a node h (h = max(0, a)): then η
        names = {str(node.name) for node in program.run.graph.nodes} | {str(v) for v, *_ in step.moves}
        h = sp.Symbol("eta" if "h" in names else "h")
        sign = "" if step.ascent else "-"
        rows = []
        for variable, value, gradient, new in step.moves:
            formula = _joined([self.raw_math(variable), sign + self.raw_math(sp.Mul(h, Ratio(L, variable, sp.true),
                                                                               evaluate=False), keep_order=True)])
            numbers = _joined([self.raw_math(self.staged_number(value), numbers=True),
                               sign + self.raw_math(sp.Mul(Shown(h, self.staged_number(step.size)), Shown(sp.Symbol("g"), self.staged_number(
                                   gradient)), evaluate=False), keep_order=True, numbers=True)])
            rows.append([self.math(sp.Symbol(f"{self.names.get(variable.name, variable.name)}^+")), self.inline(formula),
                         self.inline(numbers),
                         self.staged_value(new)])
        moved = [v for v, *_ in step.moves]
        lines = [self.line(depth, self.say("prog.step.ascent" if step.ascent else "prog.step.descent",
                                           size=sp.Eq(h, self.staged_number(step.size), evaluate=False),
                                           names=moved[0] if len(moved) == 1 else sp.Tuple(*moved)))]
        lines += self.table([self.plain("prog.variable"), self.plain("delta.formula"), self.plain("delta.numbers"),
                             self.plain("graph.value")], rows)
        after = dict(step.after)
        lines.append(self.line(depth, self.plain("prog.after")))
        lines += self.table([self.plain("graph.node"), self.plain("graph.definition"), self.plain("delta.numbers"),
                             self.plain("graph.value")],
                            self.forward_rows(program.run.graph.nodes, after, program.texts))
        return lines

    def forward_rows(self, nodes, values: dict, texts) -> list[list[str]]:
        """Each node: its name, its definition and the numbers put in, as the program types it (z = 2x + 2 + x,
        h = ReLU(z·z), not 3x + 2 and z²) or else in the order of the statement's text (a = x·w₁, f = 1 + c;
        ReLU where the program writes relu), and its value."""
        rows, self._in_order = [], {}
        definitions = shown_definitions(nodes, texts)
        for node, (shown, kept) in zip(nodes, definitions):
            terms = [term.xreplace(values) for term in (shown.args if kept and shown.is_Add else ())]
            if terms and all(term.is_number for term in terms):     # a sum's exact value in its definition's order
                self._in_order[values[node.name]] = sp.Add(*terms, evaluate=False)
        numbers = [self.raw_math(put_in(self.renamed(shown), {self.renamed(k): v for k, v in values.items()}, self.places()),
                                 keep_order=kept, numbers=True) for shown, kept in definitions]
        column_values = [values[node.name] for node in nodes]
        exact_forms = [self.shown(value)[0] for value in column_values]
        if any(exact is not None and self.raw_math(exact) == put for exact, put in zip(exact_forms, numbers)):
            # a value whose exact form is its numbers (−ln(0.36) beside −ln(0.36)) says only ≈ 1.0217, and so
            # the whole column is in decimals: one form per column
            cells = [self.decimal_cell(value) for value in column_values]
        else:
            cells = column(self, column_values, self.staged_value, _long_fraction)      # in one form
        for node, (shown, kept), numbers_in, cell in zip(nodes, definitions, numbers, cells):
            rows.append([self.math(node.name), self.inline(self.raw_math(node.name) + " = " + self.raw_math(shown, keep_order=kept)),
                         self.inline(numbers_in), cell])
        return rows


def shown_definitions(nodes, texts) -> list[tuple[sp.Expr, bool]]:
    """Each node's formula as the forward table shows it, and whether its order is the text's (kept)."""
    chains = [chain for text in texts for chain in written_chains(text.split("=", 1)[-1].strip())]
    relu = any("relu(" in text.lower() for text in texts)
    typed = typed_definitions(nodes, texts)
    composed: dict = {}
    shown_list = []
    for node, as_typed in zip(nodes, typed):
        shown = as_typed if as_typed is not None else as_written(node.expr, composed, chains)
        if relu:
            with sp.evaluate(False):           # ReLU(z·z) stays as typed
                shown = shown.replace(lambda e: isinstance(e, sp.Max) and len(e.args) == 2 and 0 in e.args,
                                      lambda e: ReLU(*(arg for arg in e.args if arg != 0)))
        composed[node.name] = node.expr.xreplace(composed)
        shown_list.append((shown, shown is not node.expr))
    return shown_list
