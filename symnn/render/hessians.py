"""How document printers write second-order work: the Hessian ∇²F entry by entry, the derivative along a
direction p (pᵀ∇F/‖p‖ and pᵀ∇²F p/‖p‖²) and Newton's step x_{k+1} = x_k − A_k⁻¹ g_k, every value with its
numbers put in.

A mixin of VectorPrinting (``render.vectors``): it uses the format hooks, ``put_in_point`` and the
optimizer tables' phrases.
"""

from __future__ import annotations

import re

import sympy as sp

from ..nn.optimizers import w_new
from .board import InOrder, Minus, Times, Written
from .expansion import D
from .jacobians import _worth_showing
from .values import SIGNIFICANT, WORK_DIGITS, as_written, given_exactly, rounded


class Over(sp.Expr):
    """a/b as written: a fraction in LaTeX, (a)/b in plain text."""

    def _latex(self, printer):
        return r"\frac{%s}{%s}" % (printer._print(self.args[0]), printer._print(self.args[1]))

    def _sympystr(self, printer):
        top, bottom = (printer._print(arg) for arg in self.args)
        top = f"({top})" if any(c in top for c in " +") else top
        bottom = f"({bottom})" if any(c in bottom for c in " +·*/") else bottom
        return f"{top}/{bottom}"


WIDE_ROW = 60       # characters of a row of ∇²F (in SymPy's writing) beyond which a page has no room for it


def _shaped(rows):
    """A matrix of rows, or the number a 1×1 matrix holds (one variable: f″ = 12x², not [12x²])."""
    rows = [list(row) for row in rows]
    return rows[0][0] if len(rows) == 1 and len(rows[0]) == 1 else sp.ImmutableMatrix(rows)


def _significant(value, digits: int):
    """``value`` rounded to ``digits`` significant digits, a decimal that keeps them all (0.005618); 0 stays 0."""
    return value if value == 0 else rounded(value, digits - 1 - int(sp.floor(sp.log(abs(value), 10))))


def _gives(value, shown) -> bool:
    """``value`` written to the places of the decimal ``shown`` is it (−0.024737 gives −0.0247); an exact ``shown`` is
    ``value`` itself."""
    if not shown.is_Float:
        return value == shown
    places = len(str(shown).partition(".")[2])
    return str(rounded(value, places)) == str(shown)


def _column(values):
    return _shaped([[v] for v in values])


class HessianPrinting:
    def _raw(self, latex: str, text: str) -> str:
        """Raw math written by hand: LaTeX, or plain text for the text format (whose ∇ is a character)."""
        return latex if self.nabla.startswith("\\") else text

    def _F(self) -> str:
        return self.raw_math(sp.Symbol(self.function_name()))

    def _iterate(self, name: str, n: int) -> str:
        """x_0, g_0, A_0 of a Newton step; bold (𝐱_0) where the statement writes the vector bold, \\mathbf{x}_k,
        so that the iterate 𝐱_1 is not read as the coordinate x_1."""
        if rf"\mathbf{{{name}}}" not in getattr(self, "statement_text", ""):
            return self.raw_math(sp.Symbol(f"{name}_{n}"))
        bold = chr((0x1D41A - ord("a") if name.islower() else 0x1D400 - ord("A")) + ord(name))
        return self._raw(rf"\mathbf{{{name}}}_{{{n}}}", f"{bold}_{n}")

    def _hessian_name(self) -> str:
        return self._raw(r"\nabla^{2} " + self._F(), "∇²" + self._F())

    def _second_ratio(self, top: str, first, second) -> str:
        """∂²F/∂x₁², ∂²F/∂x₁∂x₂."""
        a, b = self.raw_math(first), self.raw_math(second)
        if first == second:
            return self._raw(r"\frac{\partial^{2} %s}{\partial %s^{2}}" % (top, a), f"∂²{top}/∂{a}²")
        return self._raw(r"\frac{\partial^{2} %s}{\partial %s \partial %s}" % (top, a, b), f"∂²{top}/∂{a}∂{b}")

    def _direction(self) -> tuple[str, str, str, str]:
        """p, pᵀ, ‖p‖ and ∇F as raw math."""
        p, F = self.raw_math(self._direction_letter()), self._F()
        return (p, self._raw(r"%s^{T}" % p, f"{p}ᵀ"), self._raw(r"\left\|%s\right\|" % p, f"‖{p}‖"),
                self._raw(r"\nabla " + F, "∇" + F))

    def _direction_letter(self):
        """p, bold as the statements write it, or the letter the notation gives it ({ p = "u" })."""
        return sp.Symbol("p") if "p" in getattr(self, "notation", {}) else Written(r"\mathbf{p}", "𝐩")

    def directional_names(self, run) -> list[str]:
        """What a directional derivative's answer is, part by part: pᵀ∇F/‖p‖, pᵀ∇²F p/‖p‖²."""
        p, pT, norm, nabla = self._direction()
        at = self._stated_point()                 # ∇F(𝐱*) where the statement writes the point, as it does
        nabla, name = nabla + at, self._hessian_name() + at
        names = {"slope": self._raw(r"\frac{%s %s}{%s}" % (pT, nabla, norm), f"{pT}{nabla}/{norm}"),
                 "second": self._raw(r"\frac{%s %s %s}{%s^{2}}" % (pT, name, p, norm), f"{pT}{name} {p}/{norm}²")}
        return [names[part] for part in run.find]

    def _stated_point(self) -> str:
        r"""(𝐱*) of the statement's ∇F(\mathbf{x}^*), as raw math of this format; "" where its ∇F names no point."""
        F = re.escape(self.function_name())
        found = re.search(r"\\nabla\s*%s\s*\(\s*(\\mathbf\{([A-Za-z])\}|([A-Za-z]))\s*(\^\s*\{?\*\}?|\^\{?\\ast\}?)?\s*\)" % F,
                          getattr(self, "statement_text", ""))
        if not found:
            return ""
        letter, star = found[2] or found[3], "^{*}" if found[4] else ""
        bold = bool(found[2])
        text = (chr((0x1D41A - ord("a") if letter.islower() else 0x1D400 - ord("A")) + ord(letter)) if bold else letter)
        return self._raw(r"\left(%s%s\right)" % (rf"\mathbf{{{letter}}}" if bold else letter, star), f"({text}{'*' if star else ''})")

    def _numbers(self, values, exact: bool = False) -> list:
        """Numbers as given (0.5), or exactly where the line is written exactly (1/2 beside √3/2)."""
        return [as_written(v, True, self.places()) if exact else self.as_given(v) for v in values]

    def hessian_lines(self, gradient, hessian, depth: int, answered: bool = False) -> list[str]:
        """∇²F: each entry the derivative of a component of ∇F (a mixed entry once, where it is first met: the matrix
        is symmetric), the matrix, and its value at the point with the constants given there put in too. Entries
        too long for a row of a matrix (Bishop's tanh unit) are put in one by one instead, and the matrix is its value
        unless an answer line (``answered``) writes it next."""
        self.partial = True
        F, name = self._F(), self._hessian_name()
        lines = [self.line(depth, self.strong(self.plain("hessian.title") + ":"))]
        full = self._settings["detail"] == "full"
        said = [(i, j) for i in range(hessian.matrix.rows) for j in range(hessian.matrix.cols)
                if j >= i or hessian.matrix[i, j] != hessian.matrix[j, i]]         # ∂²F/∂y∂x is ∂²F/∂x∂y, said in row x
        for i, j in said:
            v, w = gradient.variables[i], gradient.variables[j]
            lines.append(self.line(depth + 1, self.inline(" = ".join((
                self._second_ratio(F, v, w), self.raw_math(D(gradient.vector[i], w)), self.raw_math(hessian.matrix[i, j]))))))
            step = hessian.steps[i][j] if hessian.steps else None
            if full and step is not None and _worth_showing(step):
                lines.extend(self.step_lines(step, depth + 2, ""))
        if len(gradient.variables) > 1 and hessian.matrix == hessian.matrix.T:
            lines.append(self.line(depth + 1, self.plain("hessian.symmetric")))
        wide = any(sum(len(str(entry)) for entry in row) > WIDE_ROW for row in hessian.matrix.tolist())
        if not (answered and hessian.value is None) and not wide:     # the matrix, unless the answer line writes it next
            lines.append(self.line(depth, self.inline(f"{name} = " + self.raw_math(_shaped(hessian.matrix.tolist())))))
        if not hessian.matrix.free_symbols or hessian.value is None:
            return lines
        constants = getattr(gradient, "constants", ())         # x = 1, t = 1: given with the point
        point = {**dict(constants), **dict(hessian.point)}
        at = self.at_given(tuple({**dict(hessian.point), **dict(constants)}.items()), gradient.variables) + ":"
        value = self.raw_math(_shaped(hessian.value.tolist()))
        if wide:                                  # each entry said above, its numbers put in, then the matrix
            lines.append(self.line(depth, at))
            lines += [self.line(depth + 1, self.inline(" = ".join((
                self._second_ratio(F, gradient.variables[i], gradient.variables[j]),
                self.raw_math(self.put_in_point(hessian.matrix[i, j], point), numbers=True),
                self.raw_math(hessian.value[i, j]))))) for i, j in said]
            return lines + ([] if answered else [self.line(depth, self.inline(f"{name} = {value}"))])   # the answer says it
        numbers = _shaped([[self.put_in_point(entry, point) for entry in row] for row in hessian.matrix.tolist()])
        return lines + [self.line(depth, at + " " + self.inline(" = ".join((name, self.raw_math(numbers, numbers=True), value))))]

    def _print_HessianMatrix(self, run, depth: int = 0) -> str:
        """The Hessian asked for itself: ∇F derived, then ∇²F entry by entry (and at the point)."""
        follows, self.answer_follows = self.answer_follows, False     # ∇F is a step on the way, written out
        self.to_hessian = True                                          # not its value at the point: H's is asked
        try:
            lines = [self._print(run.gradient, depth=depth)]
        finally:
            self.answer_follows, self.to_hessian = follows, False
        return self.join(lines + self.hessian_lines(run.gradient, run.hessian, depth, answered=self.answer_follows))

    def hessian_label(self) -> str:
        """The Hessian's name in the answer: the problem's answer_name, else H."""
        return self.raw_math(sp.Symbol(getattr(self, "function_named", None) or "H"))

    def _dot(self, left, right, exact: bool = False):
        """p₁·g₁ + p₂·g₂ + …, the numbers as given."""
        return InOrder(*(Times(a, b) for a, b in zip(self._numbers(left, exact), self._numbers(right, exact))))

    def _print_DirectionalDerivative(self, run, depth: int = 0) -> str:
        lines = [self._print(run.gradient, depth=depth)]
        if run.hessian is not None:
            lines += self.hessian_lines(run.gradient, run.hessian, depth)
        p, pT, norm, nabla = self._direction()
        names = dict(zip(run.find, self.directional_names(run)))
        components = [sp.Symbol(f"p_{k}") for k in range(1, len(run.direction) + 1)]
        formula, given = sp.sqrt(sum(c ** 2 for c in components)), dict(zip(components, run.direction))
        # p = (√3/2, 1/2) given exactly: its length from the exact entries, √((√3/2)² + (1/2)²) = 1, not from 0.8660
        exact = given_exactly(run.direction)
        length = self.result(" = ".join((norm, self.raw_math(formula), self.raw_math(self.put_in_point(formula, given),
                                        keep_order=True, numbers=True))), run.norm) if exact else self.worked(norm, formula, given, run.norm)
        lines.append(self.line(depth, self.plain("directional.direction") + " " + self.inline(
            f"{p} = " + self.raw_math(sp.Tuple(*self._numbers(run.direction, exact)))) + self.escape(", ")
                               + self.plain("directional.length") + " " + length))
        if "slope" in run.find:
            lhs = names["slope"]
            numbers = self._dot(run.direction, run.gradient.values, exact)
            numbers = numbers if run.norm == 1 else Over(numbers, run.norm)
            lines.append(self.line(depth, self.strong(self.say("directional.slope", direction=self._direction_letter()) + ":") + " " + self.result(
                f"{lhs} = " + self.raw_math(numbers, numbers=True), run.slope)))
        if run.hessian is not None:
            name = self._hessian_name()
            rows = [self._dot(row, run.direction, exact) for row in run.hessian.value.tolist()]
            times = self._raw(f"{name} {p}", f"{name}·{p}")
            lines.append(self.line(depth, self.result(f"{times} = " + self.raw_math(sp.Tuple(*rows), numbers=True),
                                                      sp.Tuple(*run.hessian_times_p))))
            lhs = names["second"]
            numbers = self._dot(run.direction, run.hessian_times_p, exact)
            numbers = numbers if run.norm_squared == 1 else Over(numbers, run.norm_squared)
            lines.append(self.line(depth, self.strong(self.say("directional.second", direction=self._direction_letter()) + ":") + " " + self.result(
                f"{lhs} = " + self.raw_math(numbers, numbers=True), run.second)))
        return self.join(lines)

    def _print_NewtonStep(self, step, depth: int = 0) -> str:
        k = step.step_number - 1
        x_k, x_next, g_k, A_k = (self._iterate(name, n) for name, n in (("x", k), ("x", k + 1), ("g", k), ("A", k)))
        inverse = self._raw(r"%s^{-1}" % A_k, f"{A_k}⁻¹")
        rule = self.inline(f"{x_next} = {x_k} - {inverse} {g_k}" if self.nabla.startswith("\\") else
                           f"{x_next} = {x_k} - {inverse}{g_k}")
        lines = [self.line(depth, self.strong(self.plain("newton.title")) + ": " + rule + self.escape(", ")
                           + self.plain("newton.about"))]
        lines.append(self._print(step.gradient, depth=depth))
        lines += self.hessian_lines(step.gradient, step.hessian, depth)
        coordinates = self._numbers(step.start)
        at = self.raw_math(sp.Tuple(*coordinates)) if len(coordinates) > 1 else \
            self._raw(r"\left(%s\right)", "(%s)") % self.raw_math(coordinates[0])
        g_shown = self._numbers(step.gradient.values)            # g₀ as the gradient's line above writes it: −215.6
        g_value = sp.Tuple(*g_shown) if len(coordinates) > 1 else g_shown[0]
        gradient_at = self._raw(r"\nabla ", "∇") + self._F() + at
        hessian_at = f"{self._hessian_name()}{at}"
        lines.append(self.line(depth, self.inline(f"{g_k} = {gradient_at} = " + self.raw_math(g_value))
                               + self.escape(", ") + self.inline(f"{hessian_at} = {A_k} = "
                                                                  + self.raw_math(_shaped(step.A.tolist())))))
        # A⁻¹'s entries as the step's other numbers are written, on its own line and in the step alike: [0.5 0; 0 0.02]
        # beside x₀ = [0.5; 0.5], given in decimals; fractions beside whole numbers
        decimals = any(isinstance(self.as_given(v), sp.Float) for v in step.start)
        moved_shown = self._numbers(-c for c in step.change)
        entries = self._inverse_shown(step.inverse, g_shown, moved_shown) if decimals else step.inverse.tolist()
        lines.append(self.line(depth, self.plain("newton.inverse") + " " + self.inline(
            f"{inverse} = " + self.raw_math(_shaped(entries)))))
        start, g, moved = _column(self._numbers(step.start)), _column(g_shown), _column(moved_shown)
        numbers = Minus(start, Times(_shaped(entries), g))
        sides = [f"{x_next} = {x_k} - {inverse}{' ' if self.nabla.startswith(chr(92)) else ''}{g_k}",
                 self.raw_math(numbers, numbers=True), self.raw_math(Minus(start, moved), numbers=True)]
        result = sp.Tuple(*step.result) if len(step.result) > 1 else step.result[0]
        lines.append(self.line(depth, self.result(" = ".join(sides), result)))
        return self.join(lines)

    def _inverse_shown(self, inverse, g, moved) -> list:
        """A⁻¹'s entries in decimals with as many significant digits as make the product of the numbers shown, A⁻¹
        times g, give the step shown to its places: [(0.005618, −0.01348); …]·(−215.6, −88) = (−0.0247, …), where
        three digits, 0.00562 and −0.0135, would give −0.0237. As the course rounds where that is enough ([0.5, 0; 0, 0.02])."""
        for digits in range(SIGNIFICANT, WORK_DIGITS):
            entries = [self._numbers(row) if digits == SIGNIFICANT else [_significant(v, digits) for v in row]
                       for row in inverse.tolist()]
            exact = (sp.Matrix(m).applyfunc(lambda v: sp.Rational(str(v)) if v.is_Float else v) for m in (entries, g))
            if all(map(_gives, next(exact) * next(exact), moved)):     # the shown decimals multiplied exactly
                return entries
        return inverse.tolist()

    def iterate_label(self, work) -> str:
        """The point an optimizer's steps end at, as its rule names the iterate: x_1 after Newton's x_1 = x_0 − A_0⁻¹g_0
        (x_2 after two steps); 𝐱_3 after three steps of 𝐱_t = 𝐱_(t−1) − η∇f(𝐱_(t−1)), (x_3, y_3) for variables of their own."""
        last = work.steps[-1] if hasattr(work, "steps") else work
        if type(last).__name__ == "NewtonStep":
            return self._iterate("x", last.step_number)
        n = str(last.step_number)
        bold = self.vector_names(last)          # render.numerics: 𝐱_t where the variables are one vector's coordinates
        if bold:
            return self.raw_math(sp.Symbol(bold[w_new].name.replace("{t}", "{%s}" % n)))
        named = [self.at_step(v, n) for v in last.variables]
        return self.raw_math(named[0] if len(named) == 1 else sp.Tuple(*named))

    def _print_NewtonRun(self, run, depth: int = 0) -> str:
        """N Newton steps: the first worked in full, then each later step as a row (where it starts, the
        gradient there, where it ends), as an optimizer's run."""
        lines = [self.line(depth, self.strong(self.plain("opt.run.first"))), self._print(run.steps[0], depth=depth + 1)]
        return self.join(lines + self.later_steps([(step.step_number, step.start, step.gradient.values, step.result)
                                                   for step in run.steps[1:]], depth))
