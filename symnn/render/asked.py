"""How document printers write what a statement asks besides the graded answer (``problems.asked``): the
other side of a comparison and the ratio, the equalities it asks to check, the gradients in the variables.
Each is worked in the body and said again in the answer line.

A mixin of DocumentPrinter: it uses the format hooks (line, inline, raw_math, say, plain, worked, result).
"""

from __future__ import annotations

import math
import re

import sympy as sp

from .expansion import D
from .staged import Kept, written_chains, written_form
from .values import PLACES, Shown, put_in, rounded

LONG_EXACT = 8          # a ratio whose exact form has more operations is given by its decimal alone


class AskedPrinting:
    def asked_lines(self, solution, depth: int, first: bool) -> list[str]:
        """The lines of what is asked besides the answer: the equalities of names before the work (``first``),
        the rest after it."""
        self._compared_with = solution.work
        return [self._print(part, depth=depth) for part in solution.asked
                if (type(part).__name__ == "Identity") == first]

    def asked_answers(self, solution) -> list[str]:
        """What the answer line says of each: p₀ = σ(y₀ − y₁), σ′(3)/σ′(0) ≈ 0.1807, the checks that hold."""
        said = []
        for part in solution.asked:
            kind = type(part).__name__
            if kind == "Identity":
                said.append(self.equation(part.name, part.forms[-1]))
            elif kind == "Checked":
                said.append(self.plain("asked.holds") + " " + ", ".join(
                    self.inline(self.program_label(name) + " = " + self.raw_math(
                        Kept(written_form(formula, written_chains(text)) or formula)))
                    for name, _, formula, _, text in part.rows))
            elif kind == "Compared" and type(part.work).__name__ == "ProgramPass":
                said.append(self.plain("asked.for") + " " + self.equation(part.work.output, part.work.run.graph.expr)
                            + self.escape(": ") + self.escape("; ").join(
                                self.staged_result(self.program_label(name), other) + ("" if ratio is None else self.escape("; ")
                                + self.plain("asked.ratio") + " " + self.ratio_result(ratio, mine=mine, other=other))
                                for name, mine, other, ratio in part.ratios))
            elif kind == "Compared" and part.ratios[0][3] is not None:
                _, mine, other, ratio = part.ratios[0]
                said.append(self.ratio_result(ratio, self.compared_label(solution.work, part.work), mine, other, with_operands=False))
        return said

    def asked_labels(self, solution, items):
        """Answer items (prefix, label, value) with each gradient asked in the variables written so: ∂L/∂p₁ = −1/p₁."""
        formulas = {self.program_label(name): formula for part in solution.asked if type(part).__name__ == "InInputs"
                    for name, formula in part.rows}
        if not formulas or items is None:
            return items
        return [(prefix, label + " = " + self.raw_math(formulas[label]) if label in formulas else label, value, *after)
                for prefix, label, value, *after in items]

    def compared_label(self, mine, other) -> str:
        """answer/other as raw math: σ′(3)/σ′(0), the two labels of the key over each other."""
        top, bottom = self.answer_label(mine), self.answer_label(other)
        if self.approx == r"\approx":                  # LaTeX
            return r"\frac{%s}{%s}" % (top, bottom)
        wrap = lambda text: f"({text})" if any(c in text for c in " +-/") else text       # noqa: E731
        return wrap(top) + "/" + wrap(bottom)

    def ratio_result(self, ratio, label: str | None = None, mine=None, other=None, with_operands: bool = True) -> str:
        """A ratio as raw math: label = mine/other = exact ≈ decimal; numbers as the key has shown them before,
        rounded as the key rounds, and then the quotient as precise as they are (label ≈ 0.0452/0.25 ≈ 0.181, which
        the exact 0.18071 and the shown numbers' 0.1808 both round to); formulas as they are; a long exact form only
        by its decimal. ``with_operands`` False: the label and the value alone, as the answer line says it."""
        sides, rough = [label] if label is not None else [], False
        if mine is not None:
            operands = (mine, other)
            if mine.is_number and other.is_number:
                pairs = [self.shown(v) for v in operands]
                operands, rough = [exact if decimal is None else decimal for exact, decimal in pairs], \
                    any(decimal is not None for _, decimal in pairs)
            top, bottom = (self.raw_math(v) for v in operands)
            if with_operands and self.approx == r"\approx":              # LaTeX
                sides.append(r"\frac{%s}{%s}" % (top, bottom))
            elif with_operands:     # (the answer line: the label and its value alone, as precise as the work's)
                sides.append("/".join(f"({s})" if any(c in s for c in " +-/·") else s for s in (top, bottom)))
        exact, decimal = self.shown(ratio)
        if rough:                   # rounded operands: the line is an approximation, σ′(3)/σ′(0) ≈ 0.0452/0.25 ≈ 0.181
            value = exact if decimal is None else decimal
            if ratio.is_number and ratio != 0:
                value = self._as_precise_as(ratio, [d for _, d in pairs if d is not None])
            return self.inline(f" {self.approx} ".join(sides + [self.raw_math(value)]))
        if decimal is not None and exact is not None and sp.count_ops(exact) > LONG_EXACT:
            return self.inline(" = ".join(sides) + f" {self.approx} " + self.raw_math(decimal))
        return self.result(" = ".join(sides), ratio)

    def _as_precise_as(self, ratio, rounded_operands) -> sp.Float:
        """A quotient to as many significant digits as its least precise rounded operand: 1/0.0188 ≈ 53.2, which
        both the exact quotient (53.243) and that of the numbers shown (53.191) round to, not 53.2434."""
        digits = min(len(re.sub(r"\D", "", self.raw_math(d)).lstrip("0")) for d in rounded_operands)
        magnitude = math.floor(math.log10(abs(float(ratio))))
        return rounded(ratio, min(max(digits - 1 - magnitude, 0), self.places() or PLACES))

    def _print_Compared(self, compared, depth: int = 0) -> str:
        other, kind = compared.work, type(compared.work).__name__
        if kind in ("ValueAt", "Step"):
            if kind == "ValueAt":           # the same derivative at the other point, worked as the answer's
                first = self.say("asked.at", point=self.point(other.point)) + " " + self.worked_at(other)
            else:                           # another function's derivative, by the same variable
                first = self.plain("asked.compare") + " " + self.inline(self.answer_label(other) + " = "
                                                                        + self.raw_math(other.result))
            (_, mine, value, ratio), = compared.ratios
            if ratio is None:
                return self.line(depth, first)
            label = self.compared_label(self._compared_with, other)
            return self.join([self.line(depth, first), self.line(depth, self.plain("asked.ratio.is") + " "
                                                                 + self.ratio_result(ratio, label, mine, value))])
        lines = [self.line(depth, self.say("asked.program", function=sp.Eq(other.output, other.run.graph.expr)))]
        follows, self.answer_follows = self.answer_follows, True      # its values are said below, not as an answer
        lines.append(self._print(other, depth=depth))
        self.answer_follows = follows
        lines += [self.line(depth, self.plain("asked.ratio.of") + " " + self.inline(self.program_label(name))
                            + self.escape(": ") + self.ratio_result(ratio, mine=mine, other=value))
                  for name, mine, value, ratio in compared.ratios if ratio is not None]
        return self.join(lines)

    def worked_at(self, value_at) -> str:
        """σ′(0) = σ(0)·(1 − σ(0)) = 0.25: a value whose label holds its point is worked with the point's numbers
        only; σ′(0) = σ(x)·(1 − σ(x)) would make σ′(0) a function of x."""
        values = {self.renamed(name): value for name, value in value_at.point}
        numbers = put_in(self.renamed(value_at.work.result), values, self.places())
        sides = [self.answer_label(value_at)]
        if numbers.free_symbols and not isinstance(numbers, Shown):
            written = self.raw_math(numbers, numbers=True)
            exact, decimal = self.shown(value_at.value)
            if written not in (self.raw_math(exact) if exact is not None else None, self.raw_math(decimal)):
                sides.append(written)
        return self.result(" = ".join(sides), value_at.value)

    _compared_with = None          # the work whose answer a comparison divides (set by asked_lines)

    def _print_Identity(self, identity, depth: int = 0) -> str:
        return self.line(depth, self.equation(identity.name, *identity.forms))

    def _print_Checked(self, checked, depth: int = 0) -> str:
        lines = [self.line(depth, self.plain("asked.check"))]
        for name, value, formula, _, text in checked.rows:       # the key's value, then the formula with its numbers
            formula = written_form(formula, written_chains(text)) or formula          # x₁₁a₁ + x₂₁a₂, as typed
            numbers = put_in(formula, dict(checked.values), self.places())
            sides = [self.program_label(name), self.raw_math(self.staged_number(value)), self.raw_math(Kept(formula))]
            if not isinstance(numbers, Shown):             # ∂f/∂a₁ = 4 = a₁: a letter's value is said once
                sides += [self.raw_math(Kept(numbers), numbers=True), self.raw_math(self.staged_number(value))]
            lines.append(self.line(depth + 1, self.inline(" = ".join(sides))))
        return self.join(lines)

    def _print_InInputs(self, formulas, depth: int = 0) -> str:
        derivatives = ", ".join(self.inline(self.program_label(name) + " = " + self.raw_math(formula))
                                for name, formula in formulas.rows)
        return self.line(depth, self.say("asked.inputs", formula=sp.Eq(formulas.output, formulas.composed)) + " "
                         + derivatives)

    def _print_ValueAt(self, evaluated, depth: int = 0) -> str:
        # σ′(3) = σ(3)·(1 − σ(3)) ≈ 0.0452: named at its point, or d²/dx²(x³) = 6·2 after "at x = 2", never
        # a function of x set equal to its value (d/dx σ(x) = σ(x)·(1 − σ(x)) = σ(3)·…)
        work, where = evaluated.work, self.say("gradient.at", point=self.point(evaluated.point)) + ": "
        lhs = D(work.expr, work.var, work.order)
        text = where + (self.worked(lhs, work.result, dict(evaluated.point), evaluated.value, at_point=True)
                        if self.answer_label(evaluated) == self.raw_math(lhs) + self.at_point(evaluated.point)
                        else self.worked_at(evaluated))
        return self.join([self._print(evaluated.work, depth=depth), self.line(depth, text)])
