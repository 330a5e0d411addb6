"""How document printers write staged programs and vector calculus: formula, numbers put in, value.

A mixin of DocumentPrinter: it uses the format hooks (line, strong, math, table, ...) and the
network printers' tables (``networks.NetworkPrinting``).
"""

from __future__ import annotations

import functools

import sympy as sp

from ..nn.vector_calculus import as_condition
from .board import InOrder, Minus, Times, Written
from .condition_terms import in_decimals, worked_lines
from .expansion import D
from .hessians import HessianPrinting
from .jacobians import DET_J, JacobianPrinting, _matrix
from .staged import Ratio, StagedPrinting
from .values import Shown, as_written, condition_written, given_exactly, rebuilt

# a name's first character that sorts after every letter
LAST = "\U0010ffff"


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


INDEX_FORM = Written(r"\frac{\partial f}{\partial x_{k}} = \sum_{j} (a_{kj} + a_{jk}) x_{j} + b_{k}",
                     "∂f/∂x_k = Σ_j (a_kj + a_jk) x_j + b_k")
ITERATES = Written(r"x_{k+1} = g(x_{k})", "x_(k+1) = g(x_k)")


class Chain(sp.Expr):
    """lo < u < hi (or ≤ when the last argument is false): |u| < c opened up."""

    def _latex(self, printer):
        lo, u, hi, strict = self.args
        op = "<" if strict else r"\leq"
        return f"{printer._print(lo)} {op} {printer._print(u)} {op} {printer._print(hi)}"

    def _sympystr(self, printer):
        lo, u, hi, strict = self.args
        op = "<" if strict else "≤"
        return f"{printer._print(lo)} {op} {printer._print(u)} {op} {printer._print(hi)}"


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
        """The set; sets in a Tuple are an intersection written out in their order, and with a third
        argument what it equals: a ∈ (0, 1) ∩ (0, 1/25) = (0, 1/25)."""
        latex = "\\" in union
        separator, cap, infinity = ("; " if russian else ", "), (r" \cap " if latex else " ∩ "), (r"\infty" if latex else "∞")

        def written(values, grouped: bool = False) -> str:
            if isinstance(values, sp.Tuple):          # (10, ∞) ∩ ((−∞, −2) ∪ (2, ∞)): a union in brackets
                return cap.join(written(piece, grouped=True) for piece in values.args)
            parts = values.args if isinstance(values, sp.Union) else (values,)
            text = union.join(_interval_text(part, printer, separator, infinity) for part in parts)
            return "(" + text + ")" if grouped and len(parts) > 1 else text
        return " = ".join(written(values) for values in self.args[1:])


def _interval_text(part, printer, separator: str, infinity: str) -> str:
    """(a, b) or [a, b], an infinite end as ``infinity`` (SymPy's text printer writes oo)."""
    if not isinstance(part, sp.Interval):
        return printer._print(part)
    def end(value) -> str:                                     # noqa: E306
        return ("-" if value.is_extended_negative else "") + infinity if value.is_infinite else printer._print(value)
    return ("(" if part.left_open else "[") + end(part.start) + separator + end(part.end) + (")" if part.right_open else "]")


def _scale_of_identity(A):
    """c for a matrix c·I, else None."""
    c = A[0, 0]
    return c if A.is_square and A == c * sp.eye(A.rows) else None


class VectorPrinting(JacobianPrinting, HessianPrinting, StagedPrinting):
    def vector_answer_names(self, work) -> list:
        """What each part of a program's or a chain rule's answer is: L, ∂L/∂x, …; ∂f/∂s, ∂f/∂t."""
        if type(work).__name__ == "ProgramPass":
            return [self.program_label(name) for name in work.asked]        # render.staged: f, ∂f/∂x, x⁺
        f = sp.Symbol("f")
        return [self.raw_math(Ratio(f, part.wrt, sp.true if part.partial else sp.false)) for part in work.parts]

    def vector_answer_label(self, work) -> str:
        """What a vector problem's answer is: ∇f, df/dt (at the point), (gⁿ)′(x₀)."""
        kind = type(work).__name__
        if kind == "TotalDerivative":
            return self.raw_math(Ratio(sp.Symbol("f"), work.wrt, sp.true if work.partial else sp.false))
        if kind == "IteratedMap":
            return self.raw_math(Slope(work.rows[0][1], work.n))
        if kind == "Jacobian":
            return self.raw_math(DET_J if work.determinant is not None else sp.Symbol("J"))
        return f"{self.nabla} f"

    def residual_answer(self, run, problem) -> str:
        """A residual-gradient problem's answer, part by part as its ``find`` asks: r = Ax − b, ∇f in x, ∇f at the
        point (named by the point when the formula is asked too), and whether the point is the least-squares
        solution — yes exactly where ∇f vanishes, f being convex."""
        from ..problems.vector_problems import residual_parts
        parts, nabla = residual_parts(problem), f"{self.nabla} f"
        at = nabla + self.raw_math(sp.Tuple(*run.point)) if "formula" in parts else nabla
        zero = run.values is not None and all(v == 0 for v in run.values)
        shown = {"residual": lambda: self.result("r", sp.Tuple(*run.residual)),
                 "formula": lambda: self.result(nabla + self.raw_math(sp.Tuple(*run.variables)), sp.Tuple(*run.gradient)),
                 "gradient": lambda: self.result(at, sp.Tuple(*run.values)),
                 "solution": lambda: self.plain("vec.residual.solution." + ("yes" if zero else "no"))}
        return self.escape("; ").join(shown[part]() for part in parts)

    def _print_ProgramPass(self, program, depth: int = 0) -> str:
        run, L = program.run, program.output
        lines = [self.line(depth, self.strong(self.say("prog.title", point=self.point(run.point)) if run.point
                                              else self.plain("prog.title.constants")))]     # constants alone: no point
        forward = self.forward_rows(run.graph.nodes, dict(run.values), program.texts)
        full = self._settings["detail"] == "full"         # brief: the tables alone say every assignment and total
        if full:
            lines += [self.line(depth + 1, row[1]) for row in forward]
        lines.append(self.line(depth, self.plain("prog.forward")))
        lines += self.table([self.plain("graph.node"), self.plain("graph.definition"), self.plain("delta.numbers"),
                             self.plain("graph.value")], forward)
        lines.append(self.line(depth, self.say("prog.backward", output=L)))
        lines += self.backward_lines(run, L, depth, program.needed_rows(), program.texts)
        if full:
            lines.append(self.line(depth, self.say("prog.adjoints", output=L)))
            lines += self.table([self.plain("graph.node"), self.plain("graph.gradient")],
                                [[self.math(name), self.staged_value(value)] for name, value in program.adjoints])
        if program.step is not None:
            lines += self.input_step_lines(program, depth)    # render.staged: x⁺ = x + h·∂f/∂x, the forward pass after
        if not self.answer_follows:
            result = self.escape("; ").join(self.result(self.program_label(name), program.value(name))
                                            for name in program.asked)
            lines.append(self.line(depth, self.strong(self.plain("answer") + ":") + " " + result))
        return self.join(lines)

    def _print_QuadraticGradient(self, run, depth: int = 0) -> str:
        self.partial = True
        x, f = sp.MatrixSymbol("x", len(run.variables), 1), sp.Symbol("f")
        A, b = sp.MatrixSymbol("A", *run.A.shape), sp.MatrixSymbol("b", run.b.rows, 1)
        column = lambda values: _matrix([[v] for v in values])   # noqa: E731
        scale = _scale_of_identity(run.A) if not any(run.b) else None
        if scale is not None:             # c·xᵀx, as the statement writes it: ∇(c xᵀx) = 2c x
            general, where = sp.MatMul(scale, x.T, x), self.equation(x, column(run.point))
            index = self.say("vec.index.square", function=sp.Eq(f, run.expr, evaluate=False),
                             formula=sp.Eq(Ratio(f, sp.Symbol("x_k"), sp.true), 2 * scale * sp.Symbol("x_k")))
            sides = (sp.MatMul(2 * scale, x), sp.MatMul(2 * scale, column(run.point), evaluate=False))
        else:
            general = InOrder(sp.MatMul(x.T, A, x), sp.MatMul(b.T, x))
            where = (self.equation(A, _matrix(run.A.tolist())) + self.escape(", ")
                     + self.equation(b, column(run.b)) + self.escape(", ") + self.equation(x, column(run.point)))
            index = self.say("vec.index", function=sp.Eq(f, run.expr, evaluate=False), formula=INDEX_FORM)
            S = _matrix((run.A + run.A.T).tolist())
            sides = (sp.MatAdd(sp.MatMul(sp.MatAdd(A, A.T, evaluate=False), x, evaluate=False), b, evaluate=False),
                     sp.MatAdd(sp.MatMul(S, column(run.point), evaluate=False), column(run.b), evaluate=False))
        lines = [self.line(depth, self.strong(self.say("vec.quadratic.title", function=sp.Eq(f, general, evaluate=False)))
                           + " " + where),
                 self.line(depth, index)]
        point = dict(zip(run.variables, run.point))
        for var, partial, value in zip(run.variables, run.partials, run.answer):
            lines.append(self.line(depth + 1, self.worked(Ratio(f, var, sp.true), partial, point, value)))
        lines.append(self.line(depth, self.say("vec.matrix") + " " + self.inline(
            f"{self.nabla} f = " + " = ".join(self.raw_math(side, keep_order=True) for side in
                                             (*sides, *self._unless_answered(column(run.answer)))))))
        if not self.answer_follows:
            lines.append(self.line(depth, self.strong(self.plain("answer") + ":") + " "
                                   + self.result(f"{self.nabla} f", sp.Tuple(*run.answer))))
        return self.join(lines)

    def _print_ResidualGradient(self, run, depth: int = 0) -> str:
        """∇(c‖Ax − b‖²) = 2c·Aᵀ(Ax − b) = 2c·AᵀAx − 2c·Aᵀb in x, with the numbers; at a point through r = Ax − b."""
        self.partial = True
        m, n = run.A.shape
        x, f = sp.MatrixSymbol("x", n, 1), sp.Symbol("f")
        A, b, r = sp.MatrixSymbol("A", m, n), sp.MatrixSymbol("b", m, 1), sp.MatrixSymbol("r", m, 1)
        column = lambda values: _matrix([[v] for v in values])   # noqa: E731
        k = 2 * run.scale                                 # ∇ of c‖Ax − b‖² is 2c·Aᵀ(Ax − b)
        scale_tex, scale_text = ("", "") if run.scale == 1 else (sp.latex(run.scale) + " ", sp.sstr(run.scale))
        times_tex, times_text = ("", "") if k == 1 else (sp.latex(k) + " ", sp.sstr(k))
        where = self.equation(A, _matrix(run.A.tolist())) + self.escape(", ") + self.equation(b, column(run.b))
        if run.point:
            where += self.escape(", ") + self.equation(x, column(run.point))
        lines = [self.line(depth, self.strong(self.say("vec.quadratic.title", function=sp.Eq(
            f, Written(scale_tex + r"\left\|Ax - b\right\|^{2}", scale_text + "‖Ax - b‖^2"), evaluate=False)))
            + " " + where)]
        # ∇f in x where it is asked, or there is no point, or the key is full; else r and 2c·Aᵀr at the point alone
        if not run.point or not run.asked or "formula" in run.asked or self._settings["detail"] == "full":
            lines += self.residual_general(run, x, k, (times_tex, times_text), depth)
        if run.point:                      # at the point, through the residual: r = Ax − b, then 2c·Aᵀr
            lines.append(self.line(depth, self.say("gradient.at", point=self.point(tuple(zip(run.variables, run.point))))
                                   + ":"))
            lines.append(self.line(depth + 1, self.inline(" = ".join(self.raw_math(side, keep_order=True) for side in (
                r, Minus(sp.MatMul(A, x), b),
                Minus(sp.MatMul(_matrix(run.A.tolist()), column(run.point), evaluate=False), column(run.b)),
                column(run.residual))))))
            lines.append(self.line(depth + 1, self.inline(f"{self.nabla} f = " + " = ".join(
                self.raw_math(side, keep_order=True) for side in (
                    sp.MatMul(*[k] * (k != 1), A.T, r),
                    sp.MatMul(*[k] * (k != 1), _matrix(run.A.T.tolist()), column(run.residual), evaluate=False),
                    *self._unless_answered(column(run.answer)))))))
        if not self.answer_follows:
            lines.append(self.line(depth, self.strong(self.plain("answer") + ":") + " "
                                   + self.result(f"{self.nabla} f", sp.Tuple(*run.answer))))
        return self.join(lines)

    def residual_general(self, run, x, k, times, depth: int) -> list[str]:
        """∇(c‖Ax − b‖²) in x (k = 2c): the chain rule through the residual, then 2c·Aᵀ(Ax − b) = 2c·AᵀAx − 2c·Aᵀb
        with the numbers."""
        times_tex, times_text = times
        column = lambda values: _matrix([[v] for v in values])   # noqa: E731
        lines = [self.line(depth, self.say("vec.residual", formula=Written(
            r"\frac{\partial f}{\partial x_{k}} = \sum_{i} %sr_{i} a_{ik}, \quad r = Ax - b" % times_tex,
            f"∂f/∂x_k = Σ_i {times_text + ' ' if times_text else ''}r_i a_ik, r = Ax - b")))]
        normal, rhs = (k * run.A.T * run.A), (k * run.A.T * run.b)
        general = [Written(times_tex + r"A^{T} (A x - b)", times_text + "A^T(Ax - b)"),
                   Written(times_tex + r"A^{T} A x - " + times_tex + r"A^{T} b",
                           times_text + "A^T A x - " + times_text + "A^T b"),
                   Minus(sp.MatMul(_matrix(normal.tolist()), x, evaluate=False), column(rhs))]
        last = (column(run.gradient),) if run.point else self._unless_answered(column(run.gradient))
        lines.append(self.line(depth + 1, self.inline(f"{self.nabla} f = " + " = ".join(
            [self.raw_math(side, keep_order=True) for side in general] + [self.raw_math(side) for side in last]))))
        return lines

    def _print_ChainGradient(self, run, depth: int = 0) -> str:
        lines = [self._total_title(run.parts[0], depth)]
        for part in run.parts:
            lines += self._chain_lines(part, depth)
        if run.parts[0].value is not None:              # the inner variables at the point once, then each value
            lines.append(self._inner_at_point(run.parts[0], depth))
            lines += [self._chain_value(part, depth + 1) for part in run.parts]
        return self.join(lines)

    def _print_TotalDerivative(self, run, depth: int = 0) -> str:
        lines = [self._total_title(run, depth), *self._chain_lines(run, depth)]
        if run.value is not None:
            lines += [self._inner_at_point(run, depth), self._chain_value(run, depth + 1)]
        return self.join(lines)

    def _total_title(self, run, depth: int) -> str:
        f = sp.Symbol("f")
        title = "vec.partial.title" if run.partial else "vec.total.title"    # x(s, t): partial derivatives
        return self.line(depth, self.strong(self.say(title, function=sp.Eq(f, run.expr, evaluate=False)))
                         + " " + self.escape(", ").join(self.equation(x, xt) for x, xt in run.inner if x != xt))

    def _chain_lines(self, run, depth: int) -> list[str]:
        """The chain rule, its partial derivatives in x, y, … and the derivatives of the inner functions, the
        sum as written; without a point, the sum in t and its simplified form."""
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
        sides = [self.raw_math(total), self.raw_math(InOrder(*(Times(df, dx) for df, dx in run.terms)))]
        if run.value is None:                            # the formula in t: x = x(t), … put in, then simplified
            along = dict(run.inner)
            in_wrt = self.raw_math(InOrder(*(Times(df.xreplace(along), dx) for df, dx in run.terms)))
            sides += [in_wrt] * (in_wrt != sides[-1]) + [self.raw_math(v) for v in self._unless_answered(run.derivative)]
        lines.append(self.line(depth, self.inline(" = ".join(sides))))
        return lines

    def _inner_at_point(self, run, depth: int) -> str:
        """At the point t = 0: x = sin 2t = sin(2·0) = 0, y = cos t = 1 — the inner variables found first."""
        point = dict(run.point)
        where = []
        for x, value in run.at_inner:
            formula = dict(run.inner)[x]
            numbers = self.put_in_point(formula, point)
            sides = [x, formula] + [numbers] * (self.raw_math(numbers, numbers=True) not in
                                                (self.raw_math(formula), self.raw_math(value)))
            where.append(self.inline(" = ".join([*(self.raw_math(side, numbers=side is numbers) for side in sides),
                                                 self.raw_math(self.staged_number(value))])))
        text = self.say("gradient.at", point=self.point(run.point))
        return self.line(depth, text + (": " + self.escape(", ").join(where) if where else ":"))

    def _chain_value(self, run, depth: int) -> str:
        """df/dt = the chain rule's form with the numbers put in (= its value, unless the answer says it)."""
        f, d = sp.Symbol("f"), sp.true if run.partial else sp.false
        total = self.raw_math(Ratio(f, run.wrt, d))
        known, point = {**dict(run.at_inner), **dict(run.point)}, dict(run.point)
        # ∂f/∂x with x, y, … put in; dx/dt by its value at the point: (2·0·1 + 3·1⁴)·2 + (0² + 12·0·1³)·0
        numbers = InOrder(*(Times(self.put_in_point(df, known), Shown(sp.Symbol("d"), self.staged_number(
            sp.simplify(dx.xreplace(point))))) for df, dx in run.terms))
        sides = [total, self.raw_math(numbers, numbers=True)]
        return self.line(depth, self.result(" = ".join(sides), run.value))      # the value too: the line ends in it

    def _unless_answered(self, value) -> tuple:
        """The last side of the work's last line: a line of numbers ends in its value, even where the answer
        right below says it again (a teacher writes … = 28, then the answer)."""
        return (value,)

    def put_in_point(self, formula, point: dict):
        """``formula`` with the point's numbers put in, a function of them by its value:
        (1 − 3 sin²t) cos t at t = π/4 as (1 − 3·(√2/2)²)·√2/2; s t²(3s + 2t) as 1·2²·(3·1 + 2·2)."""
        # a function's value stands where the function stood: r·s·eᵗ at r = 2, s = 1, t = 0 is 2·1·1, not
        # 1·2·1 — a Shown symbol named to sort after every letter, as a function sorts after the symbols
        # a point given exactly (θ = π/3) has every number of the line exact: cos(π/3) as 1/2 beside √3/2, not 0.5
        exact = given_exactly(point.values())
        number_of = functools.partial(as_written, exact=True, places=self.places()) if exact else self.staged_number
        mapping = {atom: Shown(sp.Symbol(LAST + str(atom)), number_of(atom.xreplace(point)))
                   for atom in formula.atoms(sp.Function) if atom.free_symbols and atom.free_symbols <= set(point)}
        for name, value in point.items():          # √2/2 for x is a group of its own: (√2/2)²
            number = number_of(value)
            mapping[name] = Shown(name, number) if number.is_Atom else sp.UnevaluatedExpr(number)
        numbers = rebuilt(formula, mapping)      # a value alone needs no brackets: cos θ as 1/2, not (1/2)
        return numbers.number if isinstance(numbers, Shown) and not numbers.number.is_negative else numbers

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
        # x_n = gⁿ(x₀) is not a factor of the chain and not asked: the table stops at x_{n−1}
        # the slopes as the table's values write them, each bracketed as a factor: (-0.5)·(-0.5)·… = -0.03125
        product = Times(*(self.as_given(slope) for *_, slope in run.rows))
        chain = self.raw_math(total) + " = " + self.raw_math(product, keep_order=True)
        lines.append(self.line(depth, self.result(chain, run.answer)))
        return self.join(lines)

    def _print_ConditionSolution(self, run, depth: int = 0) -> str:
        """The condition and, unless the answer follows, the values it leaves: the result is said once.
        Several conditions: each with the values it leaves, then the values all of them leave."""
        written = functools.partial(condition_written, places=self.places()) if in_decimals(run) else lambda c: c  # ε > 0.5
        stated = run.written or (run.condition,) if not run.parts else run.written or tuple(r for r, _ in run.parts)
        if not run.parts:                 # the comparison as the statement writes it: |1 − a| < 1, not |a − 1| < 1
            lines = [self.line(depth, self.strong(self.say("vec.condition.title", var=run.var, condition=stated[0])))]
            if run.work:                  # the quantities it is made of worked out, then it on the variable alone
                lines += worked_lines(self, run, depth + 1)
            opened = _opened(run.numeric[0] if run.work else stated[0])
            if opened is not None:
                lines.append(self.line(depth + 1, self.math(opened)))
            if not self.answer_follows:
                lines.append(self.line(depth, self.say("vec.condition.set", set=written(Membership(run.var, run.solution_set)),
                                                       condition=written(run.answer))))
            return self.join(lines)
        lines = [self.line(depth, self.strong(self.say("vec.condition.title all", var=run.var)))]
        if run.work:                      # the quantities worked out, then each condition on the variable alone
            lines, stated = lines + worked_lines(self, run, depth + 1, relations=False), run.numeric
        for relation, (_, values) in zip(stated, run.parts):
            opened, shown = _opened(relation), written(as_condition(values, run.var))
            lines.append(self.line(depth + 1, self.say("vec.condition.part", condition=relation, values=shown)
                                   if opened is None else
                                   self.say("vec.condition.part opened", condition=relation, opened=opened, values=shown)))
        sets = written(Membership(run.var, sp.Tuple(*(values for _, values in run.parts)), run.solution_set))
        lines.append(self.line(depth, self.say("vec.condition.all", set=sets) if self.answer_follows else
                               self.say("vec.condition.all set", set=sets, condition=written(run.answer))))
        return self.join(lines)


def _opened(relation):
    """|u| < c opened up as −c < u < c, the step to the interval; None for another comparison."""
    if isinstance(relation, (sp.StrictLessThan, sp.LessThan)) and isinstance(relation.lhs, sp.Abs) \
            and relation.rhs.is_number:
        return Chain(-relation.rhs, relation.lhs.args[0], relation.rhs, sp.true if relation.rel_op == "<" else sp.false)
    return None
