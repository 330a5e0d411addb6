"""Formulas written as on the blackboard, in the order given, never re-sorted by SymPy: a fixed
formula, a sum, a sum with signs, a difference and a product.

>>> import sympy as sp
>>> x, y = sp.symbols("x y")
>>> sp.sstr(Times(2*x*y + 3*y**4, 2*sp.cos(2*x)))
'(2*x*y + 3*y**4)*2*cos(2*x)'
>>> sp.sstr(Signed(sp.Integer(1), x, sp.Integer(-1), y))
'x - y'
"""

from __future__ import annotations

import sympy as sp


class Written(sp.Expr):
    """A fixed formula of the blackboard, given as LaTeX and as plain text."""

    fixed_text = True          # its arguments are the two texts, not formulas: nothing is put into them

    def __new__(cls, latex: str, text: str):
        return super().__new__(cls, sp.Symbol(latex), sp.Symbol(text))

    def _latex(self, printer):
        return self.args[0].name

    def _sympystr(self, printer):
        return self.args[1].name


class InOrder(sp.Expr):
    """A sum written in the order given: xᵀAx + bᵀx as the blackboard has it."""

    def _latex(self, printer):
        return _signed_sum(printer._print(term) for term in self.args)

    def _sympystr(self, printer):
        return _signed_sum(printer._print(term) for term in self.args)


def _signed_sum(terms) -> str:
    """The terms joined by their signs: x₁² + 3x₂² + x₁ − x₂, not … + -x₂ for a term or a sum that starts with −."""
    out = ""
    for term in terms:
        out += term if not out else f" - {term[1:].lstrip()}" if term.startswith("-") else f" + {term}"
    return out


class Times(sp.Expr):
    """a·b with the factors in the order given, a sum or a negative factor in parentheses:
    (2xy + 3y⁴)·2cos 2t, as the chain rule is written."""

    def _latex(self, printer):
        last = len(self.args) - 1
        return r" \cdot ".join(_grouped(printer, f, k < last, r"\left(%s\right)") for k, f in enumerate(self.args))

    def _sympystr(self, printer):
        last = len(self.args) - 1
        return "*".join(_grouped(printer, f, k < last, "(%s)", slash=True) for k, f in enumerate(self.args))


def _grouped(printer, factor, inside: bool, brackets: str, slash: bool = False) -> str:
    """A factor of Times: a sum, a negative factor, and a product followed by another factor in brackets; in
    a line of text a fraction too, whose slash would divide by what follows: (1/2)·13, not 1/2·13."""
    text = printer._print(factor)
    alone = not isinstance(factor, (sp.Add, InOrder)) and not (factor.is_number and factor.is_negative) \
        and not (isinstance(factor, sp.Mul) and (inside or factor.could_extract_minus_sign())) \
        and not (slash and inside and isinstance(factor, sp.Rational) and not factor.is_Integer)
    return text if alone else brackets % text


class Minus(sp.Expr):
    """a − b written as it stands (SymPy would write a + (−b))."""

    def _latex(self, printer):
        return f"{printer._print(self.args[0])} - {printer._print(self.args[1])}"

    def _sympystr(self, printer):
        return f"{printer._print(self.args[0])} - {printer._print(self.args[1])}"


class Signed(sp.Expr):
    """± a ± b …, the terms in the order given: Signed(1, a, −1, b) is a − b (a determinant by cofactors)."""

    def _latex(self, printer):
        return self._joined(printer)

    def _sympystr(self, printer):
        return self._joined(printer)

    def _joined(self, printer) -> str:
        pairs = list(zip(self.args[::2], self.args[1::2]))
        text = ""
        for k, (sign, term) in enumerate(pairs):
            mark = ("-" if sign < 0 else "") if k == 0 else (" - " if sign < 0 else " + ")
            text += mark + printer._print(term)
        return text
