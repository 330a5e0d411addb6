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
from ..lang import LANGUAGES, PHRASES, phrase, rule_title, separator
from .arrays import ArrayPrinting
from .asked import AskedPrinting
from .data_training import DataTrainingPrinting
from .expansion import D, expansion
from .formulas import FORMULAS
from .math import latex_math
from .matrices import MatrixPrinting
from .matrix_networks import MatrixNetworkPrinting
from .name_chain import derivative_chain
from .networks import NetworkPrinting, point_equation
from .numerics import NumericsPrinting
from .one_form import one_form
from .perceptron import PerceptronPrinting
from .rewrite_hints import rewrite_hint
from .said import ONCE_RULES, first_time
from .solutions import SolutionPrinting
from .stated import defines, flat, noted
from .symbol_names import renamed_symbols
from .training_steps import TrainingStepsPrinting
from .values import Shown, put_in, rebuilt, shown
from .vectors import VectorPrinting
from .verdicts import VerdictPrinting

DETAILS = ("full", "brief")
# the steps a brief derivation keeps; the rest are folded into their parents
KEY_RULES = frozenset({"product", "quotient", "chain", "log differentiation", "higher order",
                       "max", "min", "table", "log rules"})


def _short(title: str) -> str:
    """A rule's title as a hint: without its parenthesis and its formula (chain rule; derivative of the exponential)."""
    return re.sub(r" \(.*\)$| \$[^$]*\$$", "", title)


class Printer:
    """Base printer: settings are declared; an unknown one is a TypeError."""

    # decimals: significant digits of the decimals shown beside exact values (None: the problem's own)
    # label: the heading a sheet gives a problem, so a key's match its worksheet's ("" when the sheet
    # sets it above the solution itself; None: the problem's own); defined: the signs a key has defined (H, δ_ij)
    _default_settings = {"lang": "en", "detail": "full", "decimals": None, "label": None, "defined": ()}

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


class DocumentPrinter(AskedPrinting, MatrixNetworkPrinting, ArrayPrinting, DataTrainingPrinting, PerceptronPrinting, TrainingStepsPrinting, SolutionPrinting, VerdictPrinting, MatrixPrinting, NetworkPrinting, NumericsPrinting,
                     VectorPrinting, Printer):
    """A derivation as numbered, indented lines; subclasses supply the hooks."""

    # ---- hooks
    def raw_math(self, expr, keep_order: bool = False, numbers: bool = False) -> str:
        """A formula without delimiters; LaTeX unless the format says otherwise."""
        expr = noted(self, self.renamed(expr), numbers or keep_order)        # a sum as the statement writes it
        return latex_math(expr, self.lang, self.partial, keep_order, numbers, self.written, self.arguments)

    def renamed(self, expr):
        """``expr`` with the symbols and functions the problem writes otherwise (o1 as y_pred, f as F)."""
        expr = sp.ImmutableMatrix(expr) if isinstance(expr, sp.MatrixBase) else expr     # a Jacobian's entries too
        if not self.names or not isinstance(expr, sp.Basic):
            return expr
        try:
            free = expr.atoms(sp.Symbol)           # with the variable of ∂/∂w₁(Y − y), which is not free
        except AttributeError:         # a display object built on plain numbers (a determinant's ±1 signs)
            return expr
        symbols = renamed_symbols(free, self.names, getattr(self, "notation", {}))     # and δ_o1 as δ_{a^2} (o1 = "a^2")
        matrices = {m: sp.MatrixSymbol(self.names[m.name], *m.shape) for m in expr.atoms(sp.MatrixSymbol)
                    if m.name in self.names}          # the product kx of k and x, not AB
        matrices.update({b: sp.IndexedBase(self.names[b.name]) for b in expr.atoms(sp.IndexedBase)
                         if b.name in self.names})    # a loss's y_i, ŷ_i as the statement's t_i, y_i
        expr = rebuilt(expr, {**symbols, **matrices}, into_derivatives=True)
        functions = {f: sp.Function(self.names[f.func.__name__])(*f.args) for f in expr.atoms(sp.Function)
                     if f.func.__name__ in self.names}        # L(w) as the statement names it; sigmoid as S
        return rebuilt(expr, functions, into_derivatives=True) if functions else expr

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

    # ---- numbers as a teacher writes them (see values.py)
    def places(self) -> int | None:
        """Decimal places of rounded values: the reader's setting, else in the answer the places its problem asks
        for (``answering``), else the course's default (None: four places, at least three significant digits).
        The work keeps the default whatever the answer asks, so that each line can be checked by hand from
        the line before: −0.0559 in a table, E_total ≈ 0.298371109 in the answer asked to nine places."""
        if self._settings["decimals"] is not None:
            return self._settings["decimals"]
        return self._problem_places if self.answering else None

    _problem_places = None
    answering = False         # while the answer line is written
    forms = None              # while a key is written: each number's form, as it was first written (render.one_form)
    rounded_alone = False     # while a column is written in decimals alone (render.one_form.column)
    to_hessian = False        # while ∇F is written as the way to its Hessian: ∇F at the point is not asked

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
        if isinstance(value, (int, float)) and not isinstance(value, bool):       # a Python number, as SymPy's
            value = sp.Float(value) if isinstance(value, float) else sp.Integer(value)
        if isinstance(value, sp.Basic) and not isinstance(value, sp.MatrixBase) and value.is_number:
            return one_form(self.forms, value, shown(value, self.places()), self.places(), self.rounded_alone)    # render.one_form
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

    def worked(self, lhs, formula, values: dict, value, at_point: bool = False) -> str:
        """lhs = formula = the formula with numbers put in = value (≈ decimal): a computation shown whole.
        An ``lhs`` named at its point, ∇F(2, 1/3, 0), is a number: the formula in its variables is not its side."""
        sides = [self.raw_math(lhs) if isinstance(lhs, sp.Basic) else lhs]
        if formula is not None and formula.free_symbols:
            sides.extend([] if at_point else [self.raw_math(formula)])
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

    def prose(self, text: str) -> str:
        """Words with ``$...$`` formulas (a phrase of the catalogue): the words escaped, the formulas typeset."""
        parts = re.split(r"(?<!\\)\$", text)
        if len(parts) % 2 == 0:               # an unpaired dollar is a dollar
            return self.escape(text)
        return "".join(self.rich_text(f"${part}$") if k % 2 else self.escape(part) for k, part in enumerate(parts))

    def sentence(self, template: str, **values) -> str:
        """Fill a phrase: its prose is escaped for the format, its formulas typeset."""
        out = []
        for literal, field, _, _ in string.Formatter().parse(template):
            out.append(self.prose(literal))
            if field is not None:
                out.append(self.math(values[field]))
        return "".join(out)

    def say(self, key: str, **values) -> str:
        return self.sentence(PHRASES[self.lang][key], **values)

    def chain_rows(self, step: Step) -> list[tuple[sp.Expr, str]]:
        """The chain of a derivative: each expression with the short hint of the rules that gave it ('' if none)."""
        rows = []
        for expr, rules in derivative_chain(step, self.defined, self.function_named):
            hints = [rewrite_hint(self, rule, expr) if rule.startswith("rewrite.") else _short(rule_title(self.lang, rule, order=step.order))
                     for rule in rules[:2] if rule not in ONCE_RULES or first_time(self, f"title.{rule}")]    # said once a key
            expr = self.by_name(expr)             # y where the statement defines y = σ(…); a line said twice once
            if not rows or rows[-1][0] != expr:
                rows.append((expr, "; ".join(hint[:1].lower() + hint[1:] for hint in hints)))
        return rows

    def chain_lines(self, step: Step, depth: int, label: bool = False) -> list[str]:
        """d/dx(f) = … = … : one line per rule applied, each with a short hint of the rules it used."""
        lines = []
        for k, (expr, hint) in enumerate(self.chain_rows(step)):
            hint = " (" + self.prose(hint) + ")" if hint else ""
            if k == 0:
                text = self.inline(self.chain_head(step) + " = " + self.raw_math(expr))
                if label:
                    text = self.strong(self.escape(phrase(self.lang, "derivative"))) + ": " + text
            else:
                text = self.equation(expr, lead=True)
            lines.append(self.line(depth, text + hint))
        return lines

    def _print_Step(self, step: Step, depth: int = 0) -> str:
        self.partial = len(step.expr.free_symbols) > 1 and not getattr(self, "ordinary", False)     # f(x) = …: d/dx
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
        head = self.strong(self.prose(f"{number} " * bool(number) + self.title(step) + "."))
        template = self.why_template(step)
        if template:
            head += " " + self.sentence(template, **self.formula_values(step))
        formula = self.general_formula(step)
        if formula is not None and not _restates(formula, step):
            raw = self.raw_math(formula) if isinstance(formula, sp.Basic) else self.formula_text(formula)
            head += " " + self.inline(raw)
        lines = [self.line(depth, head)]
        lhs = D(step.expr, step.var, step.order)
        children = [c for c in self.shown_substeps(step) if c.rule not in ONCE_RULES or first_time(self, f"title.{c.rule}")]  # once a key
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
                                   + self.prose(rewrite_hint(self, f"rewrite.{rewrite.rule}", rewrite.after)) + ")"))
        return lines

    def _print_Gradient(self, gradient, depth: int = 0) -> str:
        variables, name = gradient.variables, self.function_name()
        F = sp.Symbol(name)
        self.partial = True
        nabla = f"{self.nabla} {self.raw_math(F)}"
        definition = self.inline(f"{nabla} = " + self.raw_tuple([self.raw_ratio(F, v) for v in variables]))
        own = {flat(latex_math(self.renamed(s))) for s in gradient.expr.free_symbols}     # F in the statement: not again
        lines = [self.line(depth, self.strong(self.escape(phrase(self.lang, "gradient.of")) + ":") + " " + definition + (
            "" if defines(self.statement_text, self.raw_math(F), own) else self.escape(", ") + self.as_stated(F, gradient.expr)))]
        for var, step in zip(variables, gradient.partials):
            lines.append(self.line(depth, self.strong(self.say("partial", var=var))))
            lines.extend(self.derivation_lines(step, depth + 1))
        if not (self.answer_follows and not gradient.point):
            lines.append(self.line(depth, self.inline(f"{nabla} = " + self.raw_math(sp.Tuple(*gradient.vector)))))
        if gradient.point and not self.to_hessian:
            where = self.point(gradient.point)
            constants = getattr(gradient, "constants", ())         # x = 2, λ = 0.1: given with the point
            given = "".join(self.escape(", ") + self.equation(name, self.as_given(value)) for name, value in constants)
            text = self.say("gradient.at", point=where) + given + ": " + self.worked(
                self.answer_label(gradient), sp.Tuple(*gradient.vector), {**dict(constants), **dict(gradient.point)},
                sp.Tuple(*gradient.values), at_point=True)
            lines.append(self.line(depth, text))
        return self.join(lines)

    def point(self, point) -> sp.Eq:
        """(x, y) = (2, 0.5): a point with its coordinates as this printer shows numbers (0.5, not 1/2)."""
        return point_equation(tuple((name, self.as_given(value)) for name, value in point))

    def as_given(self, value):
        """A number as this printer shows it in a statement of data: 0.5, not 1/2; 1/3 stays."""
        exact, decimal = self.shown(value)
        return exact if exact is not None else decimal

    def raw_tuple(self, items: list[str]) -> str:
        """Written items (raw math) as a tuple, separated as the reader's language separates numbers."""
        return r"\left(" + separator(self.lang).join(items) + r"\right)"
