"""Printers walk symnn objects by class name, the way SymPy's printers do.

``_print(obj)`` looks for ``_print_<ClassName>`` along the class hierarchy.
Document formats (text, LaTeX, Markdown, HTML) share one layout of a
derivation and differ only in small hooks: how a formula, a line, a bold
title are written.
"""

from __future__ import annotations

import string

import sympy as sp

from ..calculus.differentiate import DERIVATIVES
from ..calculus.gradient import DIGITS
from ..calculus.steps import Step
from ..lang import LANGUAGES, PHRASES, phrase, rule_title
from .expansion import D, expansion
from .formulas import FORMULAS
from .math import latex_math
from .networks import NetworkPrinting, point_equation
from .numerics import NumericsPrinting

DETAILS = ("full", "brief")
# the steps a brief derivation keeps; the rest are folded into their parents
KEY_RULES = frozenset({"product", "quotient", "chain", "log differentiation", "higher order",
                       "max", "min", "table"})


class Printer:
    """Base printer: settings are declared; an unknown one is a TypeError."""

    # decimals: significant digits of the decimals shown beside exact values (None: the problem's own)
    _default_settings = {"lang": "en", "detail": "full", "decimals": None}

    partial = None   # write derivatives with ∂ (True), d (False), or decide per formula (None)

    def __init__(self, **settings):
        unknown = set(settings) - set(self._default_settings)
        if unknown:
            raise TypeError(f"unknown setting(s) for {type(self).__name__}: {', '.join(sorted(unknown))}")
        self._settings = {**self._default_settings, **settings}
        if self.lang not in LANGUAGES:
            raise ValueError(f"unknown language {self.lang!r}; use one of {', '.join(LANGUAGES)}")
        if self._settings["detail"] not in DETAILS:
            raise ValueError(f"unknown detail level {self._settings['detail']!r}; use full or brief")

    @property
    def lang(self) -> str:
        return self._settings["lang"]

    def doprint(self, obj) -> str:
        return self._print(obj)

    def _print(self, obj, **kwargs):
        for cls in type(obj).__mro__:
            method = getattr(self, f"_print_{cls.__name__}", None)
            if method is not None:
                return method(obj, **kwargs)
        return self.emptyPrinter(obj)

    def emptyPrinter(self, obj):
        raise TypeError(f"{type(self).__name__} cannot print a {type(obj).__name__}")

    # -- which steps a reader sees

    def shown_substeps(self, step: Step) -> list[Step]:
        if self._settings["detail"] == "full":
            return list(step.substeps)
        shown = []
        for sub in step.substeps:
            shown.extend([sub] if sub.rule in KEY_RULES else self.shown_substeps(sub))
        return shown

    # -- what a step says, independent of format

    def title(self, step: Step) -> str:
        return rule_title(self.lang, step.rule, order=step.order)

    def formula_values(self, step: Step) -> dict:
        """The formulas a rule's sentence refers to, as SymPy objects."""
        values = {"expr": step.expr, "var": step.var}
        if step.introduces:
            values["substitution"] = sp.Eq(*step.introduces[0], evaluate=False)
        if step.rule == "power":
            values["n"] = sp.Eq(sp.Symbol("n"), step.expr.exp, evaluate=False)
        if step.rule == "exponential":
            values["base"] = sp.Eq(sp.Symbol("a"), step.expr.base, evaluate=False)
        return values

    def why_template(self, step: Step) -> str | None:
        return PHRASES[self.lang].get(f"why.{step.rule}")

    def general_formula(self, step: Step):
        """The identity the rule applies: (latex, text) for structural rules, or a SymPy Eq."""
        if step.rule in FORMULAS:
            return FORMULAS[step.rule]
        function = _function_of(step)
        if function is not None:
            x = sp.Symbol("x")
            return sp.Eq(D(function(x), x), DERIVATIVES[function](x), evaluate=False)
        return None


def _restates(formula, step: Step) -> bool:
    """True when a function's table formula is this very step (d/dx sin x = cos x, in x)."""
    return isinstance(formula, sp.Eq) and str(formula.lhs.expr) == str(step.expr) \
        and str(formula.lhs.variables[0]) == str(step.var)


def _function_of(step: Step):
    for function in DERIVATIVES:
        if type(step.expr) is function and step.rule == function.__name__.lower():
            return function
    return None


class DocumentPrinter(NetworkPrinting, NumericsPrinting, Printer):
    """A derivation as numbered, indented lines; subclasses supply the hooks."""

    # ---- hooks
    def raw_math(self, expr, keep_order: bool = False) -> str:
        """A formula without delimiters; LaTeX unless the format says otherwise."""
        return latex_math(expr, self.lang, self.partial, keep_order)

    def inline(self, raw: str) -> str:
        raise NotImplementedError

    def escape(self, text: str) -> str:
        return text

    def rich_text(self, text: str) -> str:
        """A bank statement, prose with ``$...$`` LaTeX, as this format shows it (as written by default)."""
        return text

    def code(self, text: str) -> str:
        """A piece of program text."""
        return self.escape(text)

    def strong(self, text: str) -> str:
        return text

    def line(self, depth: int, text: str) -> str:
        return "   " * depth + text

    def join(self, lines: list[str]) -> str:
        return "\n".join(lines)

    def formula_text(self, pair) -> str:
        """The raw form of a FORMULAS entry for this format."""
        return pair[0]

    nabla = r"\nabla"
    approx = r"\approx"

    # ---- shared layout
    def decimals(self, exact) -> str:
        """' ≈ 0.333' beside exact numbers that are not all integers; '' otherwise."""
        if isinstance(exact, sp.MatrixBase):
            return ""   # matrices of the course are integral or shown exactly
        items = exact.args if isinstance(exact, sp.Tuple) else (exact,)
        if not all(v.is_number for v in items) or all(v.is_Integer for v in items):
            return ""
        decimals = [v.evalf(DIGITS) for v in items]
        approximate = sp.Tuple(*decimals) if isinstance(exact, sp.Tuple) else decimals[0]
        return " " + self.inline(f"{self.approx} " + self.raw_math(approximate))

    def math(self, expr) -> str:
        return self.inline(self.raw_math(expr))

    def equation(self, *sides, lead: bool = False) -> str:
        body = " = ".join(self.raw_math(side) for side in sides)
        return self.inline(("= " if lead else "") + body)

    def sentence(self, template: str, **values) -> str:
        """Fill a phrase: its prose is escaped for the format, its formulas typeset."""
        out = []
        for literal, field, _, _ in string.Formatter().parse(template):
            out.append(self.escape(literal))
            if field is not None:
                out.append(self.math(values[field]))
        return "".join(out)

    def say(self, key: str, **values) -> str:
        return self.sentence(PHRASES[self.lang][key], **values)

    def _print_Step(self, step: Step, depth: int = 0) -> str:
        self.partial = len(step.expr.free_symbols) > 1
        headline = self.strong(self.escape(phrase(self.lang, "derivative"))) + ": " \
            + self.equation(D(step.expr, step.var, step.order), step.result)
        return self.join([self.line(depth, headline), *self.step_lines(step, depth, "")])

    def step_lines(self, step: Step, depth: int, number: str) -> list[str]:
        head = self.strong(self.escape(f"{number} " * bool(number) + self.title(step) + "."))
        template = self.why_template(step)
        if template:
            head += " " + self.sentence(template, **self.formula_values(step))
        formula = self.general_formula(step)
        if formula is not None and not _restates(formula, step):
            raw = self.raw_math(formula) if isinstance(formula, sp.Basic) else self.formula_text(formula)
            head += " " + self.inline(raw)
        lines = [self.line(depth, head)]
        lhs = D(step.expr, step.var, step.order)
        children = self.shown_substeps(step)
        middle = expansion(step)
        if not children and middle is None:
            lines.append(self.line(depth + 1, self.equation(lhs, step.raw)))
        else:
            if middle is not None:
                lines.append(self.line(depth + 1, self.inline(
                    self.raw_math(lhs) + " = " + self.raw_math(middle, keep_order=True))))
            for i, child in enumerate(children, 1):
                lines.extend(self.step_lines(child, depth + 1, f"{number}{i}."))
            lines.append(self.line(depth + 1, self.escape(phrase(self.lang, "so")) + " "
                                   + self.equation(lhs, step.raw)))
        for rewrite in step.rewrites:
            lines.append(self.line(depth + 1, self.equation(rewrite.after, lead=True) + " ("
                                   + self.escape(phrase(self.lang, f"rewrite.{rewrite.rule}")) + ")"))
        return lines

    def _print_Gradient(self, gradient, depth: int = 0) -> str:
        variables = gradient.variables
        f = sp.Function("f")(*variables)
        self.partial = True
        definition = self.inline(f"{self.nabla} f = " + self.raw_math(sp.Tuple(*(D(f, v) for v in variables))))
        lines = [self.line(depth, self.strong(self.escape(phrase(self.lang, "gradient.of")) + ":") + " "
                           + definition + ", " + self.equation(f, gradient.expr))]
        for var, step in zip(variables, gradient.partials):
            lines.append(self.line(depth, self.strong(self.say("partial", var=var))))
            lines.extend(self.step_lines(step, depth + 1, ""))
        lines.append(self.line(depth, self.inline(f"{self.nabla} f = " + self.raw_math(sp.Tuple(*gradient.vector)))))
        if gradient.point:
            where = point_equation(gradient.point)
            values = sp.Tuple(*gradient.values)
            text = self.say("gradient.at", point=where) + ": " + self.inline(
                f"{self.nabla} f = " + self.raw_math(values)) + self.decimals(values)
            lines.append(self.line(depth, text))
        return self.join(lines)

    def _print_ValueAt(self, evaluated, depth: int = 0) -> str:
        where = point_equation(evaluated.point)
        lhs = D(evaluated.work.expr, evaluated.work.var, evaluated.work.order)
        text = self.say("gradient.at", point=where) + ": " + self.equation(lhs, evaluated.value) \
            + self.decimals(evaluated.value)
        return self.join([self._print(evaluated.work, depth=depth), self.line(depth, text)])

    def _print_Solution(self, solution, depth: int = 0) -> str:
        problem, answer = solution.problem, solution.answer
        exact = sp.Tuple(*answer) if isinstance(answer, tuple) else answer
        lines = [self.line(depth, self.strong(self.escape(f"{phrase(self.lang, 'problem')} {problem.id}.")) + " "
                           + self.rich_text(problem.text(self.lang))),
                 self._print(solution.work, depth=depth)]
        text = self.strong(self.escape(phrase(self.lang, "answer") + ":")) + " " + self.math(exact) \
            + self.decimals(exact)
        lines.append(self.line(depth, text))
        if problem.published is not None:
            published = self.escape(f"{phrase(self.lang, 'published')}: {problem.published}.")
            note = problem.note.get(self.lang)
            lines.append(self.line(depth, published + (" " + self.escape(note) if note else "")))
        return self.join(lines)

    def _print_Verdict(self, verdict, depth: int = 0) -> str:
        """The checker's verdict: its first sentence in bold, the rest as written, and the answer as read."""
        first, *rest = verdict.feedback or ("",)
        lines = [self.line(depth, self.strong(self.escape(first)))]
        lines += [self.line(depth, self.escape(sentence)) for sentence in rest]
        if verdict.answer is not None and verdict.answer.value is not None:
            value = verdict.answer.value
            shown = sp.Tuple(*value) if isinstance(value, tuple) else value
            lines.append(self.line(depth, self.escape(phrase(self.lang, "check.read") + ": ") + self.math(shown)))
        return self.join(lines)

    def _print_DerivationVerdict(self, verdict, depth: int = 0) -> str:
        """A checked derivation: the verdict, then each line, marked ✓ (follows), ✗ (does not), ? (cannot
        be read), ≔ (a definition) or · (words), with the number of its line in the pasted text."""
        first, *rest = verdict.feedback
        lines = [self.line(depth, self.strong(self.escape(first)))] + [self.line(depth, self.escape(s)) for s in rest]
        for check in verdict.lines:
            mark = {"prose": "·", "definition": "≔", "unreadable": "?"}.get(check.kind, "✓" if check.follows else "✗")
            lines.append(self.line(depth + 1, self.escape(f"{mark} {check.number}: {check.text.strip()}")))
        return self.join(lines)
