"""A derivation as a teacher writes it on the board: one chain of equalities.

    (x·e^(−x))' = e^(−x) + x·(e^(−x))'      product rule
                = e^(−x) − x·e^(−x)          chain rule
                = (1 − x)·e^(−x)             common factor

Each line takes every derivative still pending one rule further. A derivative a
reader sees at once — a constant, the variable, a power of it, a table function of
it, and sums and multiples of those — is not a line of its own: it is replaced by
its value in the line that needs it. The rule tree (``Step``) stays the source; this
only chooses which of its results are written down.

>>> import sympy as sp
>>> from symnn.calculus.differentiate import diff_steps
>>> x = sp.Symbol("x")
>>> [(line, rules) for line, rules in chain(diff_steps(x * sp.exp(-x), x))]
[(x*Derivative(exp(-x), x) + exp(-x), ['product']), (-x*exp(-x) + exp(-x), ['chain', 'exp']), ((1 - x)*exp(-x), ['rewrite.common factor'])]
>>> chain(diff_steps(5 * x**3 + 2, x))
[(15*x**2, ['power'])]
"""

from __future__ import annotations

import sympy as sp

from ..calculus.steps import Step
from .expansion import D, expansion

# rules whose use goes without saying in a hint
SILENT = frozenset({"constant", "variable", "sum", "constant multiple"})


def trivial(step: Step) -> bool:
    """A derivative a reader takes at a glance: no inner rule to apply, or a sum or multiple of such."""
    if not step.substeps:
        return True
    return step.rule in ("sum", "constant multiple") and all(trivial(sub) for sub in step.substeps)


def chain(step: Step) -> list[tuple[sp.Expr, list[str]]]:
    """The lines after ``d/dx(f) =``: each an expression and the rules that produced it."""
    pending: dict = {}

    def later(sub: Step):
        """The derivative of ``sub``, written out now if trivial, else left for the next line."""
        if trivial(sub):
            return sub.raw, _rules(sub)
        derivative = D(sub.expr, sub.var, sub.order)
        pending[derivative] = sub
        return derivative, []

    def one_level(st: Step):
        """``st``'s derivative with its rule applied once: (expression, rules used)."""
        if trivial(st):
            return st.raw, _rules(st)
        rules = [st.rule]
        if st.rule == "chain":
            (u, inner_expr), = st.introduces
            outer, inner = st.substeps
            written, used = later(inner)
            return outer.raw.subs(u, inner_expr) * written, rules + _rules(outer) + used
        middle = expansion(st)
        if middle is None:
            return st.raw, rules
        replacements = {}
        for sub in st.substeps:
            written, used = later(sub)
            replacements[D(sub.expr, sub.var, sub.order)] = written
            rules += used
        return _unmerged(middle, replacements), rules

    current, lines = None, []
    expr, rules = one_level(step)
    lines.append((expr, _unique(rules)))
    current = _merged(expr)
    if current != expr:                     # (x + 2y) + 2y, then x + 4y: like terms collected on a line of their own
        lines.append((current, ["rewrite.like terms"]))
    while pending:
        waiting = {d: st for d, st in pending.items() if current.has(d)}
        pending.clear()
        if not waiting:
            break
        rules, replacements = [], {}
        for derivative, st in waiting.items():
            replacements[derivative], used = one_level(st)
            rules += used
        current = _evaluated(current.xreplace(replacements))
        lines.append((current, _unique(rules)))
    if current != step.raw:
        lines.append((step.raw, []))
    for rewrite in step.rewrites:
        lines.append((rewrite.after, [f"rewrite.{rewrite.rule}"]))
    return lines


def _rules(step: Step) -> list[str]:
    return [step.rule, *(rule for sub in step.substeps for rule in _rules(sub))]


def _unique(rules: list[str]) -> list[str]:
    seen = []
    for rule in rules:
        if rule not in seen and rule not in SILENT:
            seen.append(rule)
    return seen


def _evaluated(expr):
    """Sums and products put together (1·e^x is e^x) while derivatives still to take stay unevaluated."""
    if isinstance(expr, sp.Derivative) or not expr.args:
        return expr
    args = [_evaluated(arg) for arg in expr.args]
    try:
        return expr.func(*args)
    except TypeError:
        return expr


def _unmerged(middle, replacements):
    """A rule's sum with its derivatives put in, each term evaluated on its own: (x + 2y)·1 + y·2 is written
    (x + 2y) + 2y, not x + 4y at once; a line changes by one rule, and only constants fold."""
    terms = [_evaluated(term.xreplace(replacements)) for term in sp.Add.make_args(middle)]
    terms = [term for term in terms if term != 0]
    merged = _evaluated(middle.xreplace(replacements))
    if len(terms) < 2 or len(sp.Add.make_args(merged)) >= sum(len(sp.Add.make_args(t)) for t in terms):
        return merged
    return sp.Add(*terms, evaluate=False)


def _merged(expr):
    """An unevaluated sum of ``_unmerged`` evaluated: its like terms collected."""
    return sp.Add(*expr.args) if expr.is_Add else expr
