"""How document printers write staged programs and vector calculus: formula, numbers put in, value.

A mixin of DocumentPrinter: it uses the format hooks (line, strong, math, table, ...) and the
network printers' tables (``networks.NetworkPrinting``).
"""

from __future__ import annotations

import sympy as sp

from .expansion import D


def _matrix(rows) -> sp.ImmutableMatrix:
    return sp.ImmutableMatrix(rows)


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


class Slope(sp.Expr):
    """g′(x_k), or (gⁿ)′(x₀) of the n-th iterate when n is given."""

    def __new__(cls, at, n):
        return super().__new__(cls, at, sp.Integer(n))

    def _latex(self, printer):
        at, n = self.args
        g = "g" if n == 1 else r"\left(g^{%s}\right)" % printer._print(n)
        return r"%s^{\prime}\left(%s\right)" % (g, printer._print(at))

    def _sympystr(self, printer):
        at, n = self.args
        g = "g" if n == 1 else f"(g^{printer._print(n)})"
        return f"{g}'({printer._print(at)})"


class Written(sp.Expr):
    """A fixed formula of the blackboard, given as LaTeX and as plain text."""

    def __new__(cls, latex: str, text: str):
        return super().__new__(cls, sp.Symbol(latex), sp.Symbol(text))

    def _latex(self, printer):
        return self.args[0].name

    def _sympystr(self, printer):
        return self.args[1].name


INDEX_FORM = Written(r"\frac{\partial f}{\partial x_{k}} = \sum_{j} (a_{kj} + a_{jk}) x_{j} + b_{k}",
                     "∂f/∂x_k = Σ_j (a_kj + a_jk) x_j + b_k")
JACOBIAN_ENTRY = Written(r"J_{ij} = \frac{\partial f_{i}}{\partial x_{j}}", "J_ij = ∂f_i/∂x_j")
RESIDUAL_FORM = Written(r"\frac{\partial f}{\partial x_{k}} = \sum_{i} 2 r_{i} a_{ik}, \quad r = Ax - b",
                        "∂f/∂x_k = Σ_i 2 r_i a_ik, r = Ax - b")
ITERATES = Written(r"x_{k+1} = g(x_{k})", "x_(k+1) = g(x_k)")


class InOrder(sp.Expr):
    """A sum written in the order given: xᵀAx + bᵀx as the blackboard has it."""

    def _latex(self, printer):
        return " + ".join(printer._print(term) for term in self.args)

    def _sympystr(self, printer):
        return " + ".join(printer._print(term) for term in self.args)


class Minus(sp.Expr):
    """a − b written as it stands (SymPy would write a + (−b))."""

    def _latex(self, printer):
        return f"{printer._print(self.args[0])} - {printer._print(self.args[1])}"

    def _sympystr(self, printer):
        return f"{printer._print(self.args[0])} - {printer._print(self.args[1])}"


class Membership(sp.Expr):
    """a ∈ (0, 2): a variable and the set of its values, intervals written as people write them
    (a ∈ (0; 2) in Russian, where the comma is the decimal point)."""

    def _latex(self, printer):
        russian = printer._settings.get("decimal_separator") == "comma"
        return r"%s \in %s" % (printer._print(self.args[0]), self._intervals(printer, russian, r" \cup "))

    def _sympystr(self, printer):
        russian = printer._settings.get("lang") == "ru"
        return f"{printer._print(self.args[0])} ∈ " + self._intervals(printer, russian, " ∪ ")

    def _intervals(self, printer, russian: bool, union: str) -> str:
        values = self.args[1]
        parts = values.args if isinstance(values, sp.Union) else (values,)
        return union.join(_interval_text(part, printer, "; " if russian else ", ") for part in parts)


def _interval_text(part, printer, separator: str) -> str:
    if not isinstance(part, sp.Interval):
        return printer._print(part)
    return ("(" if part.left_open else "[") + printer._print(part.start) + separator + printer._print(part.end) \
        + (")" if part.right_open else "]")


def _worth_showing(step) -> bool:
    """A derivation with a product, quotient or chain rule in it; a one-rule entry is said by its result."""
    return step.rule in ("product", "quotient", "chain") or any(_worth_showing(sub) for sub in step.substeps)


class VectorPrinting:
    def _print_ProgramPass(self, program, depth: int = 0) -> str:
        run, L = program.run, program.output
        lines = [self.line(depth, self.strong(self.say("prog.title", point=self.point(run.point))))]
        lines += [self.line(depth + 1, self.equation(name, expr)) for name, expr in program.steps]
        lines.append(self.line(depth, self.plain("prog.forward")))
        values = dict(run.values)
        forward = [[self.math(node.name), self.equation(node.name, node.expr), self.numbers(node.expr, values),
                    self.value(values[node.name])] for node in run.graph.nodes]
        lines += self.table([self.plain("graph.node"), self.plain("graph.definition"), self.plain("delta.numbers"),
                             self.plain("graph.value")], forward)
        lines.append(self.line(depth, self.say("prog.backward", output=L)))
        backward = [[self.ratio(row.node, row.input), self.math(row.local), self.math(row.local_value),
                     self.value(row.upstream), self.value(row.contribution)] for row in run.rows]
        lines += self.table([self.plain("graph.gradient"), self.plain("graph.local"), self.plain("graph.value"),
                             self.plain("graph.upstream"), self.plain("graph.contribution")], backward)
        lines.append(self.line(depth, self.say("prog.adjoints", output=L)))
        lines += self.table([self.plain("graph.node"), self.plain("graph.gradient")],
                            [[self.math(name), self.value(value)] for name, value in program.adjoints])
        if not self.answer_follows:
            result = ", ".join(self.result(self.raw_ratio(L, v), g) for v, g in run.gradients)
            lines.append(self.line(depth, self.strong(self.say("prog.result", output=L) + ":") + " " + result))
        return self.join(lines)

    def _print_QuadraticGradient(self, run, depth: int = 0) -> str:
        self.partial = True
        x, f = sp.MatrixSymbol("x", len(run.variables), 1), sp.Symbol("f")
        A, b = sp.MatrixSymbol("A", *run.A.shape), sp.MatrixSymbol("b", run.b.rows, 1)
        general = InOrder(sp.MatMul(x.T, A, x), sp.MatMul(b.T, x))
        lines = [self.line(depth, self.strong(self.say("vec.quadratic.title", function=sp.Eq(f, general, evaluate=False))) + " "
                           + self.equation(A, _matrix(run.A.tolist())) + self.escape(", ")
                           + self.equation(b, _matrix(run.b.tolist())) + self.escape(", ")
                           + self.equation(x, _matrix([[v] for v in run.point])))]
        lines.append(self.line(depth, self.say("vec.index", function=sp.Eq(f, run.expr, evaluate=False), formula=INDEX_FORM)))
        point = dict(zip(run.variables, run.point))
        for var, partial, value in zip(run.variables, run.partials, run.answer):
            lines.append(self.line(depth + 1, self.worked(Ratio(f, var, sp.true), partial, point, value)))
        S = _matrix((run.A + run.A.T).tolist())
        formula = sp.MatAdd(sp.MatMul(sp.MatAdd(A, A.T, evaluate=False), x, evaluate=False), b, evaluate=False)
        numbers = sp.MatAdd(sp.MatMul(S, _matrix([[v] for v in run.point]), evaluate=False),
                            _matrix(run.b.tolist()), evaluate=False)
        lines.append(self.line(depth, self.say("vec.matrix") + " " + self.inline(
            f"{self.nabla} f = " + " = ".join(self.raw_math(side, keep_order=True) for side in
                                             (formula, numbers, _matrix([[v] for v in run.answer]))))))
        lines.append(self.line(depth, self.plain("vec.check")))
        if not self.answer_follows:
            lines.append(self.line(depth, self.strong(self.plain("answer") + ":") + " "
                                   + self.result(f"{self.nabla} f", sp.Tuple(*run.answer))))
        return self.join(lines)

    def _print_ResidualGradient(self, run, depth: int = 0) -> str:
        self.partial = True
        m, n = run.A.shape
        x, f = sp.MatrixSymbol("x", n, 1), sp.Symbol("f")
        A, b, r = sp.MatrixSymbol("A", m, n), sp.MatrixSymbol("b", m, 1), sp.MatrixSymbol("r", m, 1)
        column = lambda values: _matrix([[v] for v in values])   # noqa: E731
        lines = [self.line(depth, self.strong(self.say("vec.quadratic.title", function=sp.Eq(
            f, Written(r"\left\|Ax - b\right\|^{2}", "‖Ax - b‖^2"), evaluate=False))) + " "
            + self.equation(A, _matrix(run.A.tolist())) + self.escape(", ") + self.equation(b, column(run.b))
            + self.escape(", ") + self.equation(x, column(run.point)))]
        lines.append(self.line(depth, self.say("vec.residual", formula=RESIDUAL_FORM)))
        lines.append(self.line(depth + 1, self.inline(" = ".join(self.raw_math(side, keep_order=True) for side in (
            r, Minus(sp.MatMul(A, x), b),
            Minus(sp.MatMul(_matrix(run.A.tolist()), column(run.point), evaluate=False), column(run.b)),
            column(run.residual))))))
        lines.append(self.line(depth + 1, self.inline(f"{self.nabla} f = " + " = ".join(
            self.raw_math(side, keep_order=True) for side in (
                sp.MatMul(2, A.T, r), sp.MatMul(2, _matrix(run.A.T.tolist()), column(run.residual), evaluate=False),
                column(run.answer))))))
        lines.append(self.line(depth, self.plain("vec.check")))
        if not self.answer_follows:
            lines.append(self.line(depth, self.strong(self.plain("answer") + ":") + " "
                                   + self.result(f"{self.nabla} f", sp.Tuple(*run.answer))))
        return self.join(lines)

    def _print_Jacobian(self, run, depth: int = 0) -> str:
        self.partial = True
        J = sp.Symbol("J")
        components = _matrix([[f] for f in run.functions])
        lines = [self.line(depth, self.strong(self.say("vec.jacobian.title", function=components,
                                                       variables=sp.Tuple(*run.variables), entry=JACOBIAN_ENTRY)))]
        for i, f in enumerate(run.functions, 1):
            for var, entry in zip(run.variables, run.matrix.row(i - 1)):
                lines.append(self.line(depth + 1, self.equation(sp.Symbol(f"J_{i}{run.variables.index(var) + 1}"),
                                                                D(f, var), entry)))
                step = run.steps[i - 1][run.variables.index(var)] if run.steps else None
                if step is not None and _worth_showing(step) and self._settings["detail"] == "full":
                    lines.extend(self.step_lines(step, depth + 2, ""))
        lines.append(self.line(depth, self.equation(J, _matrix(run.matrix.tolist()))))
        if run.value is not None:
            lines.append(self.line(depth, self.say("gradient.at", point=self.point(run.point)) + ": "
                                   + self.equation(J, _matrix(run.value.tolist()))))
        return self.join(lines)

    def _print_ChainGradient(self, run, depth: int = 0) -> str:
        lines = [self._total_title(run.parts[0], depth)]
        for part in run.parts:
            lines += self._chain_lines(part, depth)
        return self.join(lines)

    def _print_TotalDerivative(self, run, depth: int = 0) -> str:
        return self.join([self._total_title(run, depth), *self._chain_lines(run, depth)])

    def _total_title(self, run, depth: int) -> str:
        f = sp.Symbol("f")
        return self.line(depth, self.strong(self.say("vec.total.title", function=sp.Eq(f, run.expr, evaluate=False)))
                         + " " + self.escape(", ").join(self.equation(x, xt) for x, xt in run.inner if x != xt))

    def _chain_lines(self, run, depth: int) -> list[str]:
        f, t, d = sp.Symbol("f"), run.wrt, sp.true if run.partial else sp.false
        self.partial = None
        lines = []
        total = Ratio(f, t, d)
        general = sp.Add(*(sp.Mul(Ratio(f, x, sp.true), Ratio(x, t, d), evaluate=False)
                           for x, _ in run.inner), evaluate=False)
        lines.append(self.line(depth, self.plain("vec.total.chain") + " " + self.inline(
            self.raw_math(total) + " = " + self.raw_math(general, keep_order=True))))
        for (x, xt), (df, dx) in zip(run.inner, run.terms):
            lines.append(self.line(depth + 1, self.equation(Ratio(f, x, sp.true), df) + self.escape(", ")
                                   + self.equation(Ratio(x, t, d), D(xt, t), dx)))
        product = sp.Add(*(sp.Mul(df, dx, evaluate=False) for df, dx in run.terms), evaluate=False)
        lines.append(self.line(depth, self.inline(" = ".join((self.raw_math(total), self.raw_math(product, keep_order=True),
                                                              self.raw_math(run.derivative))))))
        if run.value is not None:
            lines.append(self.line(depth, self.say("gradient.at", point=self.point(run.point)) + ": "
                                   + self.result(self.raw_math(total) + " = " + self.raw_math(run.derivative), run.value)))
        return lines

    def _print_IteratedMap(self, run, depth: int = 0) -> str:
        g, x = sp.Function("g"), run.var
        self.partial = False
        lines = [self.line(depth, self.strong(self.say("vec.iterate.title", n=sp.Integer(run.n),
                                                       function=sp.Eq(g(x), run.map, evaluate=False)))),
                 self.line(depth, self.say("vec.iterate.derivative", formula=sp.Eq(Slope(x, 1), run.derivative)))]
        xs = [sp.Symbol(f"x_{k}") for k in range(run.n + 1)]
        total = Slope(xs[0], run.n)
        chain = sp.Mul(*(Slope(xk, 1) for xk in xs[:-1]), evaluate=False)
        lines.append(self.line(depth, self.say("vec.iterate.chain", iterates=ITERATES) + " " + self.inline(
            self.raw_math(total) + " = " + self.raw_math(chain, keep_order=True))))
        rows = [[self.math(sp.Integer(k)), self.value(xk), self.numbers(run.derivative, {x: xk}), self.value(slope)]
                for k, xk, slope in run.rows]
        lines += self.table(["k", self.math(sp.Symbol("x_k")), self.math(Slope(sp.Symbol("x_k"), 1)),
                             self.plain("graph.value")], rows)
        lines.append(self.line(depth, self.equation(xs[-1], run.last)))
        product = sp.Mul(*(slope for *_, slope in run.rows), evaluate=False)
        lines.append(self.line(depth, self.result(self.raw_math(total) + " = " + self.raw_math(product, keep_order=True),
                                                  run.answer)))
        return self.join(lines)

    def _print_ConditionSolution(self, run, depth: int = 0) -> str:
        lines = [self.line(depth, self.strong(self.say("vec.condition.title", var=run.var, condition=run.condition))),
                 self.line(depth, self.say("vec.condition.set", set=Membership(run.var, run.solution_set))),
                 self.line(depth, self.say("vec.condition.answer", condition=run.answer))]
        return self.join(lines)
