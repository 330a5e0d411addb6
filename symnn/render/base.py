"""Printers walk symnn objects by class name, the way SymPy's printers do.

``_print(obj)`` looks for ``_print_<ClassName>`` along the class hierarchy.
Document formats (text, LaTeX, Markdown, HTML) share one layout of a
derivation and differ only in small hooks: how a formula, a line, a bold
title are written.
"""

from __future__ import annotations

import re
import string

import sympy as sp

from ..calculus.differentiate import DERIVATIVES
from ..calculus.steps import Step
from ..lang import LANGUAGES, PHRASES, catalogue, phrase, rule_title
from .chains import chain
from .expansion import D, expansion
from .formulas import FORMULAS
from .math import latex_math
from .matrices import MatrixPrinting
from .networks import NetworkPrinting, point_equation
from .numerics import NumericsPrinting
from .values import Shown, put_in, rebuilt, shown

DETAILS = ("full", "brief")
COURSE_NUMBER = re.compile(r"^\d+(\.\d+)*$")   # a problem id that is the course's own number (4.3), shown as such
# the steps a brief derivation keeps; the rest are folded into their parents
KEY_RULES = frozenset({"product", "quotient", "chain", "log differentiation", "higher order",
                       "max", "min", "table"})


def problem_label(problem_id: str, number, lang: str) -> str:
    """"Problem 3 (4.3)": its place on the sheet, and the course's own number where it has one; never a slug."""
    course = problem_id if COURSE_NUMBER.match(str(problem_id)) else None
    if number is None:
        return phrase(lang, "problem") + (f" {course}" if course else "")
    return f"{phrase(lang, 'problem')} {number}" + (f" ({course})" if course else "")


class Printer:
    """Base printer: settings are declared; an unknown one is a TypeError."""

    # decimals: significant digits of the decimals shown beside exact values (None: the problem's own)
    # number: the problem's place on its sheet, so a key's headings match the worksheet's
    _default_settings = {"lang": "en", "detail": "full", "decimals": None, "number": None}

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


class DocumentPrinter(MatrixPrinting, NetworkPrinting, NumericsPrinting, Printer):
    """A derivation as numbered, indented lines; subclasses supply the hooks."""

    # ---- hooks
    def raw_math(self, expr, keep_order: bool = False, numbers: bool = False) -> str:
        """A formula without delimiters; LaTeX unless the format says otherwise."""
        return latex_math(self.renamed(expr), self.lang, self.partial, keep_order, numbers)

    def renamed(self, expr):
        """``expr`` with the symbols and functions the problem writes otherwise (o1 as y_pred, f as F)."""
        if not self.names or not isinstance(expr, sp.Basic):
            return expr
        symbols = {s: sp.Symbol(self.names[s.name], **s.assumptions0) for s in expr.free_symbols
                   if isinstance(s, sp.Symbol) and s.name in self.names}
        functions = {f: sp.Function(self.names[f.func.__name__])(*f.args) for f in expr.atoms(sp.core.function.AppliedUndef)
                     if f.func.__name__ in self.names}
        return rebuilt(expr, {**symbols, **functions}, into_derivatives=True)

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
    # ---- numbers as a teacher writes them (see values.py)
    def places(self) -> int | None:
        """Decimal places of rounded values: the reader's setting, else the problem's own, else the default."""
        return self._settings["decimals"] if self._settings["decimals"] is not None else self._problem_places

    _problem_places = None

    def shown(self, value):
        """(exact, decimal) of a number, a tuple of numbers or anything else (exact, None)."""
        if isinstance(value, tuple):
            value = sp.Tuple(*value)
        if isinstance(value, sp.Tuple):
            pairs = [self.shown(item) for item in value]
            if all(decimal is None for _, decimal in pairs):
                return sp.Tuple(*(exact for exact, _ in pairs)), None
            decimals = sp.Tuple(*(exact if decimal is None else decimal for exact, decimal in pairs))
            exact = None if any(e is None for e, _ in pairs) else sp.Tuple(*(e for e, _ in pairs))
            return exact, decimals
        if isinstance(value, sp.Basic) and not isinstance(value, sp.MatrixBase) and value.is_number:
            return shown(value, self.places())
        return value, None

    def value(self, value) -> str:
        """A value as it stands in a table or after "=": exact, exact ≈ decimal, or ≈ decimal."""
        exact, decimal = self.shown(value)
        if decimal is None:
            return self.math(exact)
        approx = self.inline(f"{self.approx} " + self.raw_math(decimal))
        return approx if exact is None else self.math(exact) + " " + approx

    def result(self, lhs: str, value) -> str:
        """``lhs`` (raw math) followed by its value: "= v", "= v ≈ d" or "≈ d"."""
        exact, decimal = self.shown(value)
        if exact is None:
            return self.inline(lhs + f" {self.approx} " + self.raw_math(decimal))
        text = lhs + " = " + self.raw_math(exact)
        return self.inline(text if decimal is None else text + f" {self.approx} " + self.raw_math(decimal))

    def worked(self, lhs, formula, values: dict, value) -> str:
        """lhs = formula = the formula with numbers put in = value (≈ decimal): a computation shown whole."""
        sides = [self.raw_math(lhs) if isinstance(lhs, sp.Basic) else lhs]
        if formula is not None and formula.free_symbols:
            sides.append(self.raw_math(formula))
            formula = self.renamed(formula)
            values = {self.renamed(name): value for name, value in values.items()}
            numbers = put_in(formula, values, self.places())
            if all(isinstance(s, Shown) for s in numbers.free_symbols) \
                    and not isinstance(numbers, Shown):
                written = self.raw_math(numbers, numbers=True)
                exact, decimal = self.shown(value)
                if written not in (self.raw_math(exact) if exact is not None else None, self.raw_math(decimal)):
                    sides.append(written)
        return self.result(" = ".join(sides), value)

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

    def chain_lines(self, step: Step, depth: int, label: bool = False) -> list[str]:
        """d/dx(f) = … = … : one line per rule applied, each with a short hint of the rules it used."""
        lines = []
        for k, (expr, rules) in enumerate(chain(step)):
            hints = [phrase(self.lang, rule) if rule.startswith("rewrite.") else
                     re.sub(r" \(.*\)$", "", rule_title(self.lang, rule, order=step.order)) for rule in rules[:2]]
            hint = " (" + self.escape("; ".join(hint.lower() if self.lang == "en" else hint[:1].lower() + hint[1:]
                                                 for hint in hints)) + ")" if hints else ""
            if k == 0:
                text = self.inline(self.raw_math(D(step.expr, step.var, step.order)) + " = " + self.raw_math(expr))
                if label:
                    text = self.strong(self.escape(phrase(self.lang, "derivative"))) + ": " + text
            else:
                text = self.equation(expr, lead=True)
            lines.append(self.line(depth, text + hint))
        return lines

    def _print_Step(self, step: Step, depth: int = 0) -> str:
        self.partial = len(step.expr.free_symbols) > 1
        if self._settings["detail"] == "brief":
            return self.join(self.chain_lines(step, depth, label=True))
        headline = self.strong(self.escape(phrase(self.lang, "derivative"))) + ": " \
            + self.equation(D(step.expr, step.var, step.order), step.result)
        return self.join([self.line(depth, headline), *self.step_lines(step, depth, "")])

    def derivation_lines(self, step: Step, depth: int) -> list[str]:
        """A derivative's derivation under its heading: the rule tree (full), or one chain of equalities (brief)."""
        if self._settings["detail"] == "brief":
            return self.chain_lines(step, depth)
        return self.step_lines(step, depth, "")

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
        variables, name = gradient.variables, self.function_name()
        F = sp.Symbol(name)
        self.partial = True
        nabla = f"{self.nabla} {self.raw_math(F)}"
        definition = self.inline(f"{nabla} = " + self.raw_tuple([self.raw_ratio(F, v) for v in variables]))
        lines = [self.line(depth, self.strong(self.escape(phrase(self.lang, "gradient.of")) + ":") + " "
                           + definition + self.escape(", ") + self.equation(F, gradient.expr))]
        for var, step in zip(variables, gradient.partials):
            lines.append(self.line(depth, self.strong(self.say("partial", var=var))))
            lines.extend(self.derivation_lines(step, depth + 1))
        if not (self.answer_follows and not gradient.point):
            lines.append(self.line(depth, self.inline(f"{nabla} = " + self.raw_math(sp.Tuple(*gradient.vector)))))
        if gradient.point:
            where = self.point(gradient.point)
            text = self.say("gradient.at", point=where) + ": " + self.worked(
                nabla, sp.Tuple(*gradient.vector), dict(gradient.point), sp.Tuple(*gradient.values))
            lines.append(self.line(depth, text))
        return self.join(lines)

    def point(self, point) -> sp.Eq:
        """(x, y) = (2, 0.5): a point with its coordinates as this printer shows numbers (0.5, not 1/2)."""
        def written(value):
            exact, decimal = self.shown(value)
            return exact if exact is not None else decimal
        return point_equation(tuple((name, written(value)) for name, value in point))

    def raw_tuple(self, items: list[str]) -> str:
        """Written items (raw math) as a tuple, separated as the reader's language separates numbers."""
        return r"\left(" + ("; " if self.lang == "ru" else ", ").join(items) + r"\right)"

    def _print_ValueAt(self, evaluated, depth: int = 0) -> str:
        where = self.point(evaluated.point)
        lhs = D(evaluated.work.expr, evaluated.work.var, evaluated.work.order)
        text = self.say("gradient.at", point=where) + ": " + self.worked(
            lhs, evaluated.work.result, dict(evaluated.point), evaluated.value)
        return self.join([self._print(evaluated.work, depth=depth), self.line(depth, text)])

    def _print_Solution(self, solution, depth: int = 0) -> str:
        """The statement, the work, one labelled answer, and the bank's remark on the course's own text."""
        problem, answer = solution.problem, solution.answer
        self._problem_places = problem.data.get("decimals")
        self.names = problem.data.get("notation", {})
        exact = sp.Tuple(*answer) if isinstance(answer, tuple) and len(answer) > 1 else \
            answer[0] if isinstance(answer, tuple) else answer
        if isinstance(exact, sp.MatrixBase) and exact.shape == (1, 1):
            exact = exact[0, 0]              # a 1×1 product is the number it holds
        label = problem_label(problem.id, self._settings["number"], self.lang) + "."
        lines = [self.line(depth, self.strong(self.escape(label)) + " " + self.rich_text(problem.text(self.lang)))]
        self.answer_follows = True          # the work leaves its final line to the answer below
        lines.append(self._print(solution.work, depth=depth))
        self.answer_follows = False
        items = self.answer_items(solution.work, answer)
        if items is not None:
            shown = self.escape("; ").join(
                self.escape(prefix + ": " if prefix else "")
                + (self.result(lhs, value) if lhs is not None else self.value(value)) for prefix, lhs, value in items)
        else:
            lhs = self.answer_label(solution.work)
            shown = self.value(exact) if lhs is None else self.result(lhs, exact)
        lines.append(self.line(depth, self.strong(self.escape(phrase(self.lang, "answer") + ":")) + " " + shown))
        note = problem.note.get(self.lang)
        if note:
            lines.append(self.line(depth, self.strong(self.escape(phrase(self.lang, "note") + ".")) + " "
                                   + self.rich_text(note)))
        return self.join(lines)

    answer_follows = False
    names: dict = {}

    def answer_label(self, work) -> str | None:
        """What the answer is, as raw math (∂L/∂w₁, ∇F(2, 1/3, 0), MSE), or None when the work does not say."""
        kind = type(work).__name__
        if kind == "Step":
            return self.raw_math(D(work.expr, work.var, work.order))
        if kind == "ValueAt":
            return self.raw_math(D(work.work.expr, work.work.var, work.work.order)) + self.at_point(work.point)
        if kind == "Gradient":
            name = f"{self.nabla} {self.raw_math(sp.Symbol(self.function_name()))}"
            return name + (self.raw_math(sp.Tuple(*(value for _, value in work.point))) if work.point else "")
        if kind == "Backprop":
            return self.raw_ratio(work.network.loss_symbol, work.parameter)
        if kind == "MatrixGradient":
            return self.raw_ratio(work.loss, work.wrt)
        if kind == "DeltaRule":
            first, last = work.gradients[0][0], work.gradients[-1][0]
            L = sp.Symbol("L")
            return r"\left(%s, \ldots, %s\right)" % (self.raw_ratio(L, first), self.raw_ratio(L, last))
        return None

    def answer_items(self, work, answer) -> list | None:
        """An answer of several parts as (label, value) pairs, each part named (h₁ = …; ∂L/∂w₁ = …), or None."""
        kind = type(work).__name__
        parts = tuple(answer) if isinstance(answer, (tuple, sp.Tuple)) else (answer,)
        if kind == "ForwardPass":
            names = [name for name, _ in work.forward]
        elif kind == "DeltaRule":
            L = sp.Symbol("L")
            names = [self.raw_ratio(L, p) for p, *_ in work.gradients]
        elif kind == "GraphPass":
            f = work.graph.nodes[-1].name
            names = [f] + [self.raw_ratio(f, v) for v, _ in work.gradients]
        elif kind == "OptimizerStep":
            names = list(work.variables)
        elif kind == "OptimizerComparison":
            return [(self.method(step.optimizer.name), None, sp.Tuple(*step.result)) for step in work.steps]
        elif kind == "ActivationTable" and len(work.rows) == len(parts):
            names = catalogue(self.lang)["activations"]
            return [(names.get(act.name, act.name), self.raw_math(sp.Symbol("f'(x)")), value)
                    for (act, _), value in zip(work.rows, parts)]
        elif kind == "TrainingRun" and len(work.predictions) == len(parts):
            return [(self.question(q), None, value) for q, value in zip(work.predictions, parts)]
        else:
            return None
        if len(names) != len(parts):
            return None
        return [("", name if isinstance(name, str) else self.raw_math(name), value) for name, value in zip(names, parts)]

    def question(self, key: str) -> str:
        """A training task's question in the reader's language: a woman (−7, −3); (0, 1) for XOR's 0 xor 1."""
        if f"train.{key}" in PHRASES[self.lang]:
            return phrase(self.lang, f"train.{key}")
        return "(" + key.replace(" xor ", "; " if self.lang == "ru" else ", ") + ")" if " xor " in key else key

    def function_name(self) -> str:
        """The name of the function of a gradient, as the problem writes it (F) or f."""
        return self.names.get("f", "f")

    def at_point(self, point) -> str:
        """ at the point, as a subscript bar: |_(x = 2, y = 1/3)."""
        where = ", ".join(self.raw_math(sp.Eq(name, value, evaluate=False)) for name, value in point)
        return r"\Big|_{%s}" % where

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
