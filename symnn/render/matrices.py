"""How document printers write a gradient in matrix form: the loss, the shapes, the steps backwards
with the shape of every factor, the check against the scalar form, and the course's wrong formulas.

A mixin of DocumentPrinter: it uses the format hooks (line, strong, inline, raw_math, say, ...).
"""

from __future__ import annotations

import re

import sympy as sp

from ..calculus.transpose import Hadamard, Letter, SigmoidSlope, transposed
from ..lang import PHRASES, phrase, separator
from .matrix_expansion import ExpansionPrinting, expansion_keys
from .said import first_time
from .stated import stated_formula


class Shaped(sp.Expr):
    """A formula and its shape: X ∈ ℝ^{n×d}; a 1×1 one is a number, X ∈ ℝ."""

    def _latex(self, printer):
        formula, rows, cols = self.args
        space = r"\mathbb{R}" if (rows, cols) == (sp.Integer(1), sp.Integer(1)) else \
            r"\mathbb{R}^{%s \times %s}" % (printer._print(rows), printer._print(cols))
        return r"%s \in %s" % (printer._print(formula), space)

    def _sympystr(self, printer):
        formula, rows, cols = self.args
        space = "ℝ" if (rows, cols) == (sp.Integer(1), sp.Integer(1)) else f"ℝ^({rows}×{cols})"
        return f"{printer._print(formula)} ∈ {space}"


class Grouped(sp.Expr):
    """A formula in parentheses: the quantity of ∂L/∂(XW₁)."""

    def _latex(self, printer):
        return r"\left(%s\right)" % printer._print(self.args[0])

    def _sympystr(self, printer):
        return f"({printer._print(self.args[0])})"


class NormSquared(sp.Expr):
    """‖R‖², or R² of a number."""

    coefficient_first = True          # ½‖a‖², as a statement writes it (render.order.fraction_times_sum)

    def _latex(self, printer):
        inner, is_number = self.args
        return (r"\left(%s\right)^{2}" if is_number else r"\left\|%s\right\|^{2}") % printer._print(inner)

    def _sympystr(self, printer):
        inner, is_number = self.args
        return (f"({printer._print(inner)})^2" if is_number else f"‖{printer._print(inner)}‖^2")


class Transposed(sp.Expr):
    """(…)ᵀ of a formula that is not a letter: (∂L/∂Xᵀ)ᵀ."""

    is_commutative = False

    def _latex(self, printer):
        return r"\left(%s\right)^{T}" % printer._print(self.args[0])

    def _sympystr(self, printer):
        return f"({printer._print(self.args[0])})ᵀ"


class Partial(sp.Expr):
    """∂top/∂bottom of matrices: it does not commute with the matrices around it."""

    is_commutative = False

    def _latex(self, printer):
        top, bottom = self.args
        return r"\frac{\partial %s}{\partial %s}" % (printer._print(top), printer._print(bottom))

    def _sympystr(self, printer):
        top, bottom = self.args
        return f"∂{printer._print(top)}/∂{printer._print(bottom)}"


class Implied(sp.Expr):
    """Equations each following from the one before: a ⇒ b ⇒ c."""

    def _latex(self, printer):
        return r" \;\Rightarrow\; ".join(printer._print(a) for a in self.args)

    def _sympystr(self, printer):
        return " ⇒ ".join(printer._print(a) for a in self.args)


class Sizes(sp.Expr):
    """The sizes a check used: n = 2, d = 3 (n = 2; d = 3 in Russian, whose comma is a decimal one)."""

    def _latex(self, printer):
        return separator(printer._settings.get("lang", "en")).join(
            r"%s = %s" % (printer._print(n), printer._print(v)) for n, v in zip(self.args[::2], self.args[1::2]))

    def _sympystr(self, printer):
        return separator(printer._settings.get("lang", "en")).join(f"{n} = {v}" for n, v in zip(self.args[::2], self.args[1::2]))


def shaped(formula, shape) -> Shaped:
    rows, cols = (sp.Integer(1), sp.Integer(1)) if shape is None else \
        (sp.Integer(int(s)) if s.isdigit() else sp.Symbol(s) for s in shape)
    return Shaped(formula, rows, cols)


def quantity(expr):
    return expr if expr.is_Symbol else Grouped(expr)


def rule_key(step, run) -> str:
    """The phrase of the rule a step applies: ``matrix.rule.product``, ``matrix.rule.loss half``, …"""
    if step.rule == "uses":               # x and xᵀ of xᵀAx: the contributions add (and Aᵀ = A)
        return "matrix.rule.uses symmetric" if run.symmetric else "matrix.rule.uses"
    if step.rule == "loss" and run.form == "norm":   # ∂(c‖r‖²)/∂r = 2c·r: twice r, or r itself when c = 1/2
        key = "matrix.rule.loss number" if run.residual_shape in (None, ("1", "1")) else "matrix.rule.loss"
        return key + " half" if 2 * run.scale == 1 else key
    if step.rule == "product" and step.via and step.via[0] is not None:
        upstream, _, _, _, product = step.via
        whole = dict(run.definitions).get(upstream, upstream)
        return "matrix.rule.product in sum" if isinstance(whole, sp.Add) and product in whole.args else "matrix.rule.product"
    return f"matrix.rule.{step.rule}"


def _use_key(step, run) -> str | None:
    """The explanation of one use of x in xᵀAx: the row xᵀ, the column x; None for the step folded into them."""
    return "matrix.use.row" if step.rule == "transpose" else \
        "matrix.use.column" if step.rule == "product" and step.quantity == run.wrt else None


def one_line(run) -> bool:
    """Whether the gradient is written in one line (where it is zero is asked): one product after the loss."""
    return run.stationary is not None and len(run.steps) == 2 and run.steps[0].rule == "loss" \
        and bool(run.steps[1].via) and run.steps[1].via[3] == 1


def said_keys(run) -> tuple[str, ...]:
    """What a gradient in matrices says once per key, in order (``render.said``): the method ("backwards, one rule
    per operation"), each rule's explanation; of a term-by-term one, each identity it writes the norms with and
    the sentence that collects the terms."""
    if type(run).__name__ == "ExpandedGradient":
        return expansion_keys(run)
    if one_line(run):
        return ()
    uses = any(step.rule == "uses" for step in run.steps)
    keys = [_use_key(step, run) if uses and step.rule != "uses" else rule_key(step, run) for step in run.steps]
    return tuple(dict.fromkeys(["matrix.backwards", *(key for key in keys if key)]))


class MatrixPrinting(ExpansionPrinting):
    def _print_MatrixGradient(self, run, depth: int = 0) -> str:
        L = run.loss
        is_number = run.residual_shape in (None, ("1", "1"))
        function = run.residual if run.form == "scalar" else NormSquared(run.residual, sp.true if is_number else sp.false)
        name, formula = self.raw_math(L), self.raw_math(run.scale * function)
        # the title names what is asked, ∂L/∂W, where the statement has just given the loss's formula; else the formula
        named = self.raw_ratio(L, run.wrt) if stated_formula(name, formula, getattr(self, "stated", ())) else f"{name} = {formula}"
        lines = [self.line(depth, self.strong(self.plain(run.title) + ":") + " " + self.inline(named))]
        if run.definitions:
            lines.append(self.line(depth, self.plain("matrix.where") + " "
                                   + ", ".join(self.equation(n, f) for n, f in run.definitions)))
        symmetric = [self.math(sp.Eq(Letter(name), transposed(Letter(name)), evaluate=False)) for name in run.symmetric]
        lines.append(self.line(depth, self.plain("matrix.shapes") + " "
                               + ", ".join([self.math(shaped(letter, shape)) for letter, shape in run.shapes] + symmetric)))
        if run.stationary is not None and self._gradient_line(run, depth) is not None:
            return self._stationary_lines(run, lines, depth)     # where the gradient is zero: what is asked
        if first_time(self, "matrix.backwards"):     # the method once a key, from the loss or from the function
            lines.append(self.line(depth, self.plain("matrix.backwards" if run.form == "norm" else "matrix.backwards.function")))
        uses = sum(step.rule == "uses" for step in run.steps)
        for k, step in enumerate(run.steps):
            if uses and step.rule != "uses":        # xᵀAx: the contribution of each use of x, labelled as such
                line = self._matrix_use(step, run, depth + 1)
                if line is not None:
                    lines.append(line)
                continue
            applied = self._applied(step, run)       # the rule in the problem's own letters: −Xᵀ·∂MSE/∂(y − X·w)
            sides = [self.raw_ratio(L, quantity(step.quantity)), *([self.raw_math(applied)] * (applied is not None)),
                     *([self.raw_math(step.total)] * (step.total is not None)), self.raw_math(step.gradient)]
            if step.rule == "transpose":        # (∂f/∂xᵀ)ᵀ = (xᵀAᵀ)ᵀ = Ax: the use of xᵀ, as a gradient by x
                before = run.steps[k - 1]
                sides = [self.raw_math(Transposed(Partial(L, before.quantity))), self.raw_math(Transposed(before.gradient)),
                         self.raw_math(step.gradient)]
            if step.name is not None:
                sides.append(self.raw_math(step.name))
            elif step.quantity == run.wrt and self.stated_name(run) is not None:     # … = δ_prev, as the statement names it
                sides.append(self.raw_math(self.stated_name(run)))
            lines.append(self.ruled_step(depth + 1, " = ".join(sides), self._rule(step, run)))
            if self._settings["detail"] == "brief":
                continue                                 # brief: the steps without the shapes of their factors
            result = self.plain("matrix.result") + " " + self.math(shaped(step.gradient, step.shape))
            if len(step.factors) > 1:
                result = self.plain("matrix.factors") + " " + ", ".join(self.math(shaped(f, s)) for f, s in step.factors) \
                    + "; " + result
            lines.append(self.line(depth + 2, result))
        sizes = Sizes(*(x for name, size in run.sizes for x in (sp.Symbol(name), sp.Integer(size))))
        # how the steps were verified is for the full view; a key (brief) states the mathematics only,
        # unless a step failed, which a reader must always be told
        if self._settings["detail"] == "full" or not all(s.holds for s in run.steps):
            verdict = "matrix.checked" if all(s.holds for s in run.steps) else "matrix.not checked"
            lines.append(self.line(depth, self.say(verdict, sizes=sizes)))
        if getattr(self, "answer_follows", False):
            return self.join(lines)               # the course's wrong formulas stand in the answer, by the right one
        for wrong in run.wrong:
            if wrong.source == "symmetric only":
                lines.append(self.line(depth, self._only_symmetric(wrong, run)))
                continue
            lines.append(self.line(depth, self.strong(self.plain(f"matrix.source.{wrong.source}") + ":") + " "
                                   + self.inline(self.asked_name(run) + " = " + self.raw_math(wrong.formula))
                                   + " — " + self._reason(wrong)))
        if not getattr(self, "answer_follows", False):
            lines.append(self.line(depth, self.strong(self.plain("answer") + ":") + " "
                                   + self.inline(self.asked_name(run) + " = " + self.raw_math(run.answer))))
        return self.join(lines)

    def _gradient_line(self, run, depth: int):
        """The gradient in one line, when the problem asks where it is zero: ∂MSE/∂w = −Xᵀ·(2(y − X·w)/n) =
        −2Xᵀ·(y − X·w)/n, the gradient by the residual times the factor of w transposed; None for a gradient
        that is not one product after the loss (it is then derived step by step)."""
        if not one_line(run):
            return None
        outer, (_, numbers, left, _, _) = run.steps[0], run.steps[1].via
        sides = [self.raw_ratio(run.loss, run.wrt), self.raw_math(numbers * transposed(left) * Grouped(outer.gradient)),
                 self.raw_math(run.answer)]
        why = self.say("matrix.gradient.why", loss=run.scale * NormSquared(run.residual, sp.false),
                       residual=outer.quantity, outer=outer.gradient, factor=numbers * left, wrt=run.wrt)
        return self.line(depth, self.plain("matrix.gradient") + " " + self.inline(" = ".join(sides)) + " — " + why)

    def _stationary_lines(self, run, lines, depth: int) -> str:
        """Where the gradient is zero: the gradient in one line, then −(2/n)Xᵀ(y − Xw) = 0 ⇒ XᵀXw − Xᵀy = 0 ⇒
        XᵀXw = Xᵀy, the normal equation, and w = (XᵀX)⁻¹Xᵀy where XᵀX is invertible."""
        point, wrt = run.stationary, run.wrt
        lines.append(self._gradient_line(run, depth))
        steps = Implied(sp.Eq(run.answer, 0, evaluate=False), sp.Eq(sp.Add(point.lhs, -point.rhs), 0, evaluate=False),
                        sp.Eq(point.lhs, point.rhs, evaluate=False))
        lines.append(self.line(depth, self.plain("matrix.zero") + " " + self.math(steps)))
        lines.append(self.line(depth, self.say("matrix.invertible", matrix=point.matrix) + " "
                               + self.inline(self.raw_math(wrt) + " = " + self.raw_math(point.solution))))
        if not getattr(self, "answer_follows", False):
            lines.append(self.line(depth, self.strong(self.plain("answer") + ":") + " "
                                   + self.inline(self.raw_math(wrt) + " = " + self.raw_math(point.solution))))
        return self.join(lines)

    def stated_name(self, run):
        r"""The name the statement gives the gradient asked, δ_prev of "$\delta_{prev} = \frac{\partial L}{\partial A}$"
        (a Symbol), or None where it gives none."""
        ratio = r"\\frac\{\\partial\s*%s\}\{\\partial\s*%s\}" % (re.escape(str(run.loss)), re.escape(str(run.wrt)))
        found = re.search(r"\\?([A-Za-z]+(?:_\{?\w+\}?)?)\s*=\s*" + ratio, getattr(self, "statement_text", ""))
        return sp.Symbol(found.group(1).replace("{", "").replace("}", "")) if found else None

    def asked_name(self, run) -> str:
        """∂L/∂A, and the statement's name for it before: δ_prev = ∂L/∂A (the answer's, the wrong formula's label)."""
        named = self.stated_name(run)
        return (self.raw_math(named) + " = " if named is not None else "") + self.raw_ratio(run.loss, run.wrt)

    def ruled_step(self, depth: int, raw: str, rule: str) -> str:
        """A step of a derivation in matrices, ``raw`` (math) and the ``rule`` it applies (prose): one line,
        "∂f/∂a = a — the loss: …" (a display printer sets the formula displayed)."""
        return self.line(depth, self.inline(raw) + (" — " + rule if rule else ""))

    def wrong_beside_answer(self, run, noted: bool = False) -> str:
        """What follows the right formula in a key's answer: each wrong formula of the course (the slide's, 2Ax,
        δW₂ᵀ without σ′) and why it is wrong, so that the two stand side by side: "; on the slide: ∂L/∂W₁ = … — wrong: …";
        only "— wrong" where the problem's note (``noted``), just below the answer, says why."""
        parts = []
        for wrong in run.wrong if run.stationary is None else ():     # the slides' gradients, not its zero
            if wrong.source == "symmetric only":
                parts.append(self.escape("; ") + self._only_symmetric(wrong, run))
                continue
            source = phrase(self.lang, f"matrix.source.{wrong.source}")
            parts.append(self.escape("; " + source[:1].lower() + source[1:] + ": ")
                         + self.inline(self.asked_name(run) + " = " + self.raw_math(wrong.formula))
                         + " — " + (self.plain("matrix.wrong") if noted else self._reason(wrong)))
        return "".join(parts)

    def _matrix_use(self, step, run, depth: int):
        """One use of x in xᵀAx and what it adds to ∂f/∂x: through the first x (the row xᵀ), (xᵀAᵀ)ᵀ = Ax;
        through the second, (xᵀA)ᵀ = Aᵀx. The gradient by the row xᵀ is folded into the first (None)."""
        x = run.wrt
        if step.rule == "transpose":
            row = transposed(step.gradient)                      # xᵀAᵀ, the gradient by the row xᵀ
            raw = self.raw_math(Transposed(row)) + " = " + self.raw_math(step.gradient)
            why = self.say("matrix.use.row", letter=x, row=transposed(x), form=transposed(x) * Grouped(step.gradient),
                           gradient=sp.Eq(Transposed(step.gradient), row, evaluate=False))
            why = " — " + why if first_time(self, "matrix.use.row") else ""       # the explanation once a key
            return self.line(depth, self.say("matrix.use.first", letter=x) + " " + self.inline(raw) + why)
        if step.rule == "product" and step.quantity == x:
            left = transposed(step.gradient)                     # xᵀA, the factor on the left of x
            raw = self.raw_math(Transposed(left)) + " = " + self.raw_math(step.gradient)
            why = " — " + self.say("matrix.use.column", letter=x, form=Grouped(left) * x) \
                if first_time(self, "matrix.use.column") else ""
            return self.line(depth, self.say("matrix.use.second", letter=x) + " " + self.inline(raw) + why)
        return None

    def _applied(self, step, run):
        """A step's rule written with the problem's letters, between ∂L/∂(quantity) and its result: the loss
        ∂(‖a‖²/2)/∂a; a product, −Xᵀ·∂MSE/∂(y − X·w) (the other factors transposed, each on its side); σ entry by
        entry, ∂L/∂σ(XW₁) ⊙ σ′(XW₁). None when there is nothing to write between them."""
        if step.rule == "loss" and run.form == "norm":
            is_number = sp.true if run.residual_shape in (None, ("1", "1")) else sp.false
            return Partial(Grouped(run.scale * NormSquared(run.residual, is_number)), quantity(run.residual))
        if step.rule == "product" and step.via and step.via[0] is not None:
            upstream, numbers, left, right, _ = step.via
            return numbers * transposed(left) * Partial(run.loss, quantity(upstream)) * transposed(right)
        if step.rule == "entrywise" and step.via and step.via[0] is not None:
            return Hadamard(Partial(run.loss, quantity(step.via[0])), SigmoidSlope(step.quantity))
        return None

    def _rule(self, step, run) -> str:
        """The rule a step applies, in words (no letters of a general formula that could clash with the problem's):
        its explanation the first time a key uses it, later its name alone (a product XW), or nothing."""
        key, values = rule_key(step, run), {}
        if step.rule == "uses":
            values = {"letter": step.quantity, **({"symmetric": sp.Eq(Letter(run.symmetric[0]), transposed(
                Letter(run.symmetric[0])), evaluate=False)} if run.symmetric else {})}
        elif key.startswith("matrix.rule.product"):
            upstream, _, _, _, product = step.via
            values = {"product": product, "sum": dict(run.definitions).get(upstream, upstream)}
        if first_time(self, key):
            return self.say(key, **values)
        again = key + ".again"              # said before in this key: the rule named, not explained again
        return self.say(again, **values) if again in PHRASES[self.lang] else ""

    def _only_symmetric(self, wrong, run) -> str:
        """2Ax beside (A + Aᵀ)x: not wrong, but right only for a symmetric A: "2Ax is right only when A = Aᵀ"."""
        square = [letter for letter, shape in run.shapes if shape[0] == shape[1] != "1"
                  and letter in wrong.formula.free_symbols]
        return self.say("matrix.only symmetric", formula=wrong.formula,
                        symmetric=sp.Eq(square[0], transposed(square[0]), evaluate=False))

    def _reason(self, wrong) -> str:
        key = f"matrix.wrong.{wrong.reason}"
        if wrong.reason in ("product shape", "result shape"):
            (left, left_shape), (right, right_shape) = wrong.parts
            return self.say(key, left=shaped(left, left_shape), right=shaped(right, right_shape))
        if wrong.reason == "missing factor":
            return self.say(key, factor=wrong.parts[0][0])
        return self.escape(phrase(self.lang, key))
