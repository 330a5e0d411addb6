"""Conditions as answers, written as a teacher writes them: |1 − a| < 1 opened up as −1 < 1 − a < 1, the
values it leaves as a ∈ (0, 2) (a ∈ (0; 2) in Russian), several conditions intersected, and the quantities a
condition is made of worked out first (``condition_terms``).

A mixin of DocumentPrinter: it uses the format hooks (line, strong, say, math, join, places).
"""

from __future__ import annotations

import functools

import sympy as sp

from ..nn.vector_calculus import as_condition
from .condition_terms import in_decimals, worked_lines
from .values import condition_written


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


class ConditionPrinting:
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
