"""The quantities a condition is made of, worked out before it is solved: name = formula = numbers = value.

A vector is worked entry by entry, (1 − 0.1·3, 1 − 0.1·4) = (0.7, 0.6), and its length as
√((0.7 − 1)² + (0.6 − 1)²): ``condition_terms.unfolded`` with each name's value put in as it is shown.
"""

from __future__ import annotations

import sympy as sp

from ..nn.condition_terms import unfolded
from .values import Shown, shown


def _as_shown(printer, symbol, value):
    """A value put in for ``symbol``: a number as the key writes it, a vector entry by entry."""
    def one(name, number):
        exact, decimal = shown(number, printer.places())
        return Shown(name, exact if decimal is None or exact is not None and exact.is_Rational else decimal)
    if isinstance(value, sp.Tuple):
        return sp.Tuple(*(one(sp.Symbol(f"{symbol.name}{k}"), v) for k, v in enumerate(value)))
    return one(symbol, value)


def in_decimals(run) -> bool:
    """The condition's data are decimals (η = 0.1 given): its fractions are then written as decimals too (ε > 0.5);
    from whole numbers a fraction stays one (0 < α < 1/25 from the eigenvalues 2 and 50)."""
    return any(row.formula is None and any(not number.is_Integer for number in sp.sympify(row.value, strict=True).atoms(sp.Rational))
               for row in run.work)


def worked_lines(printer, run, depth: int, relations: bool = True) -> list[str]:
    """Each defined name and each side of the condition that uses names: name = formula = numbers = value."""
    given, lines = {}, []
    for row in run.work:
        if row.formula is not None:
            sides = [printer.raw_math(row.name)]
            if row.formula != row.name:
                sides.append(printer.raw_math(row.formula))
            sides.append(printer.raw_math(unfolded(row.formula, given), numbers=True))
            lines.append(printer.line(depth, printer.result(" = ".join(sides), row.value)))
        if isinstance(row.name, sp.Symbol):
            given[row.name] = _as_shown(printer, row.name, row.value)
    for relation in run.numeric if relations else ():          # 0.5 < ε: the values as the lines above write them
        sides = [side if side.free_symbols else _as_shown(printer, sp.Symbol("c"), side) for side in relation.args]
        lines.append(printer.line(depth, printer.math(relation.func(*sides, evaluate=False))))
    return lines
