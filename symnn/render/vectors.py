"""How document printers write staged programs and vector calculus: formula, numbers put in, value.

A mixin of DocumentPrinter: it uses the format hooks (line, strong, math, table, ...) and the
network printers' tables (``networks.NetworkPrinting``).
"""

from __future__ import annotations

import functools

import sympy as sp

from ..lang import separator
from .board import InOrder, Minus, Times, Written
from .conditions import ConditionPrinting
from .expansion import D
from .hessians import HessianPrinting
from .jacobians import JacobianPrinting, _matrix, det_of
from .one_form import column
from .order import by_variables
from .staged import Ratio, ReLU, StagedPrinting, shown_definitions
from .values import Shown, as_written, given_exactly, rebuilt

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


def _scale_of_identity(A):
    """c for a matrix c·I, else None."""
    c = A[0, 0]
    return c if A.is_square and A == c * sp.eye(A.rows) else None


class VectorPrinting(JacobianPrinting, HessianPrinting, StagedPrinting, ConditionPrinting):
    def vector_answer_names(self, work) -> list:
        """What each part of a program's or a chain rule's answer is: L, ∂L/∂x, …; ∂f/∂s, ∂f/∂t."""
        if type(work).__name__ == "ProgramPass":
            return [self.program_label(name) for name in work.asked]        # render.staged: f, ∂f/∂x, x⁺
        f = sp.Symbol("f")
        return [self.raw_math(Ratio(f, part.wrt, sp.true if part.partial else sp.false)) for part in work.parts]

    def nabla_f(self) -> str:
        """∇_x f where the statement writes the gradient so, else ∇ f."""
        return self.nabla_ratio(sp.Symbol("f"), sp.Symbol("x")) or f"{self.nabla} f"

    def vector_answer_label(self, work) -> str:
        """What a vector problem's answer is: ∇f, df/dt (at the point), (gⁿ)′(x₀)."""
        kind = type(work).__name__
        if kind == "TotalDerivative":
            return self.raw_math(Ratio(self.total_name(), work.wrt, sp.true if work.partial else sp.false))
        if kind == "IteratedMap":
            return self.raw_math(Slope(work.rows[0][1], work.n))
        if kind in ("NewtonStep", "NewtonRun", "OptimizerRun"):
            return self.iterate_label(work)           # render.hessians: x_1 of Newton's step, 𝐱_3 after three steps
        named = getattr(self, "jacobian_named", None)
        if kind == "Jacobian" and work.determinant is not None and named is not None \
                and len(named.args[0]) == len(work.functions) and len(named.args[1]) == len(work.variables):
            return self.raw_math(named)          # ∂(x, y)/∂(r, θ), where the statement asks it so
        if kind == "Jacobian":
            return self.raw_math(det_of(getattr(self, "notation", {}).get("J", "J")) if work.determinant is not None else sp.Symbol("J"))
        if kind == "HessianMatrix":
            return self.hessian_label()             # render.hessians: H, or the problem's answer_name
        return self.nabla_f()

    def residual_answer(self, run, problem) -> str:
        """A residual-gradient problem's answer, part by part as its ``find`` asks: r = Ax − b, ∇f in x, ∇f at the
        point (named by the point when the formula is asked too), and whether the point is the least-squares
        solution — yes exactly where ∇f vanishes, f being convex."""
        from ..problems.vector_problems import residual_parts
        parts, nabla = residual_parts(problem), self.nabla_f()
        at = nabla + self.raw_math(sp.Tuple(*run.point)) if "formula" in parts else nabla
        zero = run.values is not None and all(v == 0 for v in run.values)
        shown = {"residual": lambda: self.result("r", sp.Tuple(*run.residual)),
                 "formula": lambda: self.result(nabla + self.raw_math(sp.Tuple(*run.variables)),
                                                sp.Tuple(*(by_variables(g, run.variables) for g in run.gradient))),
                 "gradient": lambda: self.result(at, sp.Tuple(*run.values)),
                 "solution": lambda: self.plain("vec.residual.solution." + ("yes" if zero else "no"))}
        return self.escape("; ").join(shown[part]() for part in parts)

    def kept_relu_lines(self, nodes, texts, depth: int) -> list[str]:
        """ReLU(u) = u where u ≥ 0 for every value (ReLU(z·z)): said once before the backward pass, whose local
        derivative is then u's (∂h/∂z = 2z, not a step H(z²)·2z that appears from nowhere)."""
        lines = []
        for node, (shown, _) in zip(nodes, shown_definitions(nodes, texts)):
            for relu in sorted(shown.atoms(ReLU), key=sp.default_sort_key) if not node.expr.has(sp.Max) else ():
                if sp.Max(0, relu.args[0].doit()) == relu.args[0].doit():        # SymPy knows u ≥ 0 (z·z, x², |x|)
                    lines.append(self.line(depth, self.say("prog.relu.kept", relu=relu, inner=relu.args[0])))
        return lines

    def _print_ProgramPass(self, program, depth: int = 0) -> str:
        run, L = program.run, program.output
        given = self.escape(separator(self.lang)).join(self.equation(name, self.as_given(v)) for name, v in run.point)
        lines = [self.line(depth, self.strong(self.plain("prog.title") + " " + given if run.point     # at a = −4, b = 2
                                              else self.plain("prog.title.constants")))]     # constants alone: no point
        forward = self.forward_rows(run.graph.nodes, dict(run.values), program.texts)
        full = self._settings["detail"] == "full"         # brief: the tables alone say every assignment and total
        if full:
            lines += [self.line(depth + 1, row[1]) for row in forward]
        lines.append(self.line(depth, self.plain("prog.forward")))
        lines += self.table([self.plain("graph.node"), self.plain("graph.definition"), self.plain("delta.numbers"),
                             self.plain("graph.value")], forward)
        if program.derives:            # values alone: no backward pass to show
            lines += self.kept_relu_lines(run.graph.nodes, program.texts, depth)      # ReLU(z·z) = z·z before ∂h/∂z = 2z
            lines.append(self.line(depth, self.say("prog.backward", output=L)))
            lines += self.backward_lines(run, L, depth, program.needed_rows(), program.texts)
        if full and program.derives:
            lines.append(self.line(depth, self.say("prog.adjoints", output=L)))
            lines += self.table([self.plain("graph.node"), self.plain("graph.gradient")],
                                [[self.math(name), cell] for (name, _), cell in
                                 zip(program.adjoints, column(self, [value for _, value in program.adjoints], self.staged_value))])
        if program.step is not None:
            lines += self.input_step_lines(program, depth)    # render.staged: x⁺ = x + h·∂f/∂x, the forward pass after
        if not self.answer_follows:
            result = self.escape("; ").join(self.result(self.program_label(name), program.value(name))
                                            for name in program.asked)
            lines.append(self.line(depth, self.strong(self.plain("answer") + ":") + " " + result))
        return self.join(lines)

    def short_heading(self, title: str, depth: int, **values) -> str:
        """In a key, under the statement: the heading of the work short, its kind (``title.short``), the givens
        not written again; elsewhere "" (the full heading, with the function and its givens)."""
        return self.line(depth, self.strong(self.say(title + ".short", **values))) if self.answer_follows else ""

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
            # f in index form as the statement orders it: the terms of xᵀAx, then those of bᵀx
            xs = sp.Matrix(run.variables)
            parts = [part for part in (sp.expand((xs.T * run.A * xs)[0]), sp.expand((run.b.T * xs)[0])) if part != 0]
            index = self.say("vec.index", function=sp.Eq(f, InOrder(*parts), evaluate=False), formula=INDEX_FORM)
            S = _matrix((run.A + run.A.T).tolist())
            sides = (sp.MatAdd(sp.MatMul(sp.MatAdd(A, A.T, evaluate=False), x, evaluate=False), b, evaluate=False),
                     sp.MatAdd(sp.MatMul(S, column(run.point), evaluate=False), column(run.b), evaluate=False))
        lines = [self.short_heading("vec.quadratic.title", depth) or self.line(depth, self.strong(
                     self.say("vec.quadratic.title", function=sp.Eq(f, general, evaluate=False))) + " " + where),
                 self.line(depth, index)]
        point = dict(zip(run.variables, run.point))
        for var, partial, value in zip(run.variables, run.partials, run.answer):
            lines.append(self.line(depth + 1, self.worked(Ratio(f, var, sp.true), partial, point, value)))
        lines.append(self.line(depth, self.say("vec.matrix") + " " + self.inline(
            f"{self.nabla_f()} = " + " = ".join(self.raw_math(side, keep_order=True) for side in
                                                (*sides, *self._unless_answered(column(run.answer)))))))
        if not self.answer_follows:
            lines.append(self.line(depth, self.strong(self.plain("answer") + ":") + " "
                                   + self.result(self.nabla_f(), sp.Tuple(*run.answer))))
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
        lines = [self.short_heading("vec.residual.title", depth) or self.line(depth, self.strong(self.say(
            "vec.quadratic.title", function=sp.Eq(f, Written(scale_tex + r"\left\|Ax - b\right\|^{2}",
                                                              scale_text + "‖Ax - b‖^2"), evaluate=False))) + " " + where)]
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
            lines.append(self.line(depth + 1, self.inline(f"{self.nabla_f()} = " + " = ".join(
                self.raw_math(side, keep_order=True) for side in (
                    sp.MatMul(*[k] * (k != 1), A.T, r),
                    sp.MatMul(*[k] * (k != 1), _matrix(run.A.T.tolist()), column(run.residual), evaluate=False),
                    *self._unless_answered(column(run.answer)))))))
        if not self.answer_follows:
            lines.append(self.line(depth, self.strong(self.plain("answer") + ":") + " "
                                   + self.result(self.nabla_f(), sp.Tuple(*run.answer))))
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
        gradient = [by_variables(g, run.variables) for g in run.gradient]      # −x₁ + 5x₂ + 2, as the row reads
        last = (column(gradient),) if run.point else self._unless_answered(column(gradient))
        lines.append(self.line(depth + 1, self.inline(f"{self.nabla_f()} = " + " = ".join(
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

    def total_name(self) -> sp.Symbol:
        """The composite's name: h of h(t) = f(g(t)) where ``answer_name`` says so, else f itself."""
        return sp.Symbol(getattr(self, "function_named", None) or "f")

    def _total_title(self, run, depth: int) -> str:
        f = sp.Symbol("f")
        title = "vec.partial.title" if run.partial else "vec.total.title"    # x(s, t): partial derivatives
        return self.short_heading(title, depth) or self.line(depth, self.strong(self.say(title, function=sp.Eq(f, run.expr, evaluate=False)))
                         + " " + self.escape(", ").join(self.equation(x, xt) for x, xt in run.inner if x != xt))

    def _chain_lines(self, run, depth: int) -> list[str]:
        """The chain rule, its partial derivatives in x, y, … and the derivatives of the inner functions, the
        sum as written; without a point, the sum in t and its simplified form."""
        f, t, d = sp.Symbol("f"), run.wrt, sp.true if run.partial else sp.false
        self.partial = None
        lines = []
        total = Ratio(self.total_name(), t, d)      # dh/dt = ∂f/∂x·dx/dt + …, h(t) = f(x(t)) as answer_name says
        general = sp.Add(*(sp.Mul(Ratio(f, x, sp.true), Ratio(x, t, d), evaluate=False)
                           for x, _ in run.inner), evaluate=False)
        lines.append(self.line(depth, self.plain("vec.total.chain") + " " + self.inline(
            self.raw_math(total) + " = " + self.raw_math(general, keep_order=True))))
        for (x, xt), (df, dx) in zip(run.inner, run.terms):
            lines.append(self.line(depth + 1, self.equation(Ratio(f, x, sp.true), df) + self.escape(", ")
                                   + self.equation(Ratio(x, t, d), D(xt, t), dx)))
        sides = [self.raw_math(total), self.raw_math(InOrder(*(Times(df, dx) for df, dx in run.terms)))]
        # the formula in t (x = x(t), … put in, then simplified); at a point too where it is no longer than the sum in
        # x, y (df/dt = (1 − 3 sin²t) cos t, a function of t to read; not Stewart's four terms of sines and cosines)
        in_t = run.value is None or sp.count_ops(run.derivative) <= sp.count_ops(sp.Add(*(df * dx for df, dx in run.terms)))
        if in_t:
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
        d = sp.true if run.partial else sp.false
        total = self.raw_math(Ratio(self.total_name(), run.wrt, d))
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
        # a fraction of g and g′ as the statement writes its numbers: in decimals where it gives a = 1.5 (g(x) = −0.5x,
        # g′ = −0.5, not g(x) = −x/2 beside g′ = −0.5), else exact (g(x) = −x/2, g′ = −1/2)
        slope = self.in_stated_numbers(run.derivative)
        lines = [self.short_heading("vec.iterate.title", depth, n=sp.Integer(run.n)) or self.line(depth, self.strong(
                     self.say("vec.iterate.title", n=sp.Integer(run.n), function=sp.Eq(g(x), self.in_stated_numbers(run.map),
                                                                                      evaluate=False)))),
                 self.line(depth, self.say("vec.iterate.derivative", formula=sp.Eq(Slope(x, 1), slope)))]
        xs = [sp.Symbol(f"x_{k}") for k in range(run.n + 1)]
        total = Slope(xs[0], run.n)
        chain = sp.Mul(*(Slope(xk, 1) for xk in xs[:-1]), evaluate=False)
        lines.append(self.line(depth, self.say("vec.iterate.chain", iterates=ITERATES) + " " + self.inline(
            self.raw_math(total) + " = " + self.raw_math(chain, keep_order=True))))
        rows = [[self.math(sp.Integer(k)), self.value(xk), self.numbers(run.derivative, {x: xk}) if run.derivative.free_symbols
                 else self.math(slope), self.value(value)] for k, xk, value in run.rows]
        lines += self.table(["k", self.math(sp.Symbol("x_k")), self.math(Slope(sp.Symbol("x_k"), 1)),
                             self.plain("graph.value")], rows)
        # x_n = gⁿ(x₀) is not a factor of the chain and not asked: the table stops at x_{n−1}
        # the slopes as the table's values write them, each bracketed as a factor: (-0.5)·(-0.5)·… = -0.03125
        product = Times(*(self.in_stated_numbers(slope) for *_, slope in run.rows))
        chain = self.raw_math(total) + " = " + self.raw_math(product, keep_order=True)
        lines.append(self.line(depth, self.result(chain, run.answer)))
        return self.join(lines)
