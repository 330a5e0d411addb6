"""How formulas are written: LaTeX through ``sympy.latex``, plain text through SymPy's str printer.

Both follow the course's habits: derivatives keep their parentheses,
``sigmoid`` is σ, the Heaviside step is H, and Russian text writes tg, ctg, th,
arctg.

>>> import sympy as sp
>>> x = sp.Symbol("x")
>>> latex_math(sp.Derivative(sp.tan(x) ** 2, x), "ru")
'\\\\frac{d}{d x}\\\\left(\\\\operatorname{tg}^{2}{\\\\left(x \\\\right)}\\\\right)'
>>> text_math(sp.Derivative(x ** 3, x) * 5)
'5*d/dx(x^3)'
"""

from __future__ import annotations

import re

import sympy as sp
from sympy.printing.latex import LatexPrinter
from sympy.printing.precedence import PRECEDENCE
from sympy.printing.str import StrPrinter

from ..lang import names


def _renamed(text: str, lang: str, kind: str, pattern: str, template: str) -> str:
    """Function names written as ``lang`` writes them (``tg`` for tan); ``pattern`` has a NAME slot."""
    table = names(lang, kind)
    if not table:
        return text
    alternatives = "|".join(sorted(map(re.escape, table), key=len, reverse=True))
    return re.sub(pattern.replace("NAME", alternatives), lambda m: template % table[m[1]], text)


def _is_partial(printer, expr) -> bool:
    partial = printer._settings.get("partial")
    return len(expr.expr.free_symbols) > 1 if partial is None else partial


class _Latex(LatexPrinter):
    _default_settings = {**LatexPrinter._default_settings, "partial": None}

    def _print_Derivative(self, expr):
        body = self._print(expr.expr)
        symbol = r"\partial" if _is_partial(self, expr) else "d"
        order = sum(count for _, count in expr.variable_count)
        var = self._print(expr.variables[0])
        if order == 1:
            return r"\frac{%s}{%s %s}\left(%s\right)" % (symbol, symbol, var, body)
        return r"\frac{%s^{%d}}{%s %s^{%d}}\left(%s\right)" % (symbol, order, symbol, var, order, body)

    def _print_Heaviside(self, expr, exp=None):
        power = "" if exp is None else "^{%s}" % exp
        return r"H%s\left(%s\right)" % (power, self._print(expr.args[0]))

    def _print_Mul(self, expr):
        try:
            return super()._print_Mul(expr)
        except ValueError:      # SymPy's fraction() can fail on a power such as 3^(−Max(4, ln x)): no fraction then
            return r" \cdot ".join(self.parenthesize(factor, PRECEDENCE["Mul"]) for factor in expr.as_ordered_factors())


class _Text(StrPrinter):
    _default_settings = {**StrPrinter._default_settings, "partial": None, "full_prec": False}

    def _print_Derivative(self, expr):
        symbol = "∂" if _is_partial(self, expr) else "d"
        order = sum(count for _, count in expr.variable_count)
        var = self._print(expr.variables[0])
        if order == 1:
            return f"{symbol}/{symbol}{var}({self._print(expr.expr)})"
        return f"{symbol}^{order}/{symbol}{var}^{order}({self._print(expr.expr)})"

    def _print_sigmoid(self, expr):
        return f"σ({self._print(expr.args[0])})"

    def _print_Heaviside(self, expr):
        return f"H({self._print(expr.args[0])})"

    def _print_Piecewise(self, expr):
        pieces = [f"{self._print(e)} if {self._print(c)}" if c is not sp.true else f"{self._print(e)} otherwise"
                  for e, c in expr.args]
        return "{" + "; ".join(pieces) + "}"

    def _print_Equality(self, expr):
        return f"{self._print(expr.lhs)} = {self._print(expr.rhs)}"

    def _print_MatrixBase(self, expr):
        return "[" + ", ".join("[" + ", ".join(self._print(v) for v in expr.row(i)) + "]"
                               for i in range(expr.rows)) + "]"

    def _print_Transpose(self, expr):
        return f"{self._print(expr.arg)}^T"


def latex_math(expr, lang: str = "en", partial: bool | None = None, keep_order: bool = False) -> str:
    """LaTeX for an expression, with the function names of ``lang``.

    ``partial`` writes every derivative with ∂ (True) or d (False); by default
    ∂ is used when the differentiated expression has several variables.
    ``keep_order`` prints terms and factors in the order they were built.
    """
    settings = {"inv_trig_style": "full", "ln_notation": True, "partial": partial, "order": "none" if keep_order else None}
    text = _Latex(settings).doprint(expr)
    return _renamed(text, lang, "latex", r"\\(NAME)(?![a-z])", r"\operatorname{%s}")


def text_math(expr, lang: str = "en", partial: bool | None = None, keep_order: bool = False) -> str:
    """One-line plain text for an expression (``^`` for powers, as people type)."""
    settings = {"partial": partial, "order": "none" if keep_order else None}
    text = _Text(settings).doprint(expr).replace("**", "^").replace("\\Delta ", "Δ")
    text = re.sub(r"\blamda\b", "λ", text)
    return _renamed(text, lang, "text", r"\b(NAME)\(", "%s(")
