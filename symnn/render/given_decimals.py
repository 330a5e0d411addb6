r"""A given number as its statement writes it: the inputs 0.05 and 0.10 of a worked example are 0.05 and 0.10
wherever its key restates them (the point, the numbers put in a formula), not 0.1, which the bank's data (a
float) keeps of it. A number the key computes keeps its own precision: only a decimal written with fewer digits
than the statement writes the same number is given the statement's trailing zeros.

>>> import sympy as sp
>>> decimals = written_decimals(r"the inputs $i_1 = 0.05$, $i_2 = 0.10$, the weights 0.40, 0.50 and $\eta = 0.5$")
>>> sorted(decimals.items())
[('0.1', '0.10'), ('0.4', '0.40')]
>>> sorted(str(f) for f in as_written(sp.Float("0.1", 1) * sp.Symbol("w") + sp.Float("0.4000", 4), decimals).atoms(sp.Float))
['0.10', '0.4000']
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

import sympy as sp

from .values import Shown

_DECIMAL = re.compile(r"(?<![\d.])\d+\.\d+(?![\d.])")


@lru_cache(maxsize=64)
def written_decimals(statement: str) -> dict:
    """{a decimal as SymPy writes it: as the statement writes it}, for each number it writes with trailing zeros
    and never without them (w₇ = 0.50 and η = 0.5 are one number written two ways: each stays as SymPy writes it)."""
    forms = {}
    for written in _DECIMAL.findall(statement or ""):
        number = Decimal(written)
        if number != number.to_integral_value():               # 2.0 is the whole number 2, written as a whole
            forms.setdefault(format(number.normalize(), "f"), set()).add(written)
    return {short: written.pop() for short, written in forms.items() if len(written) == 1 and short not in written}


def _written(number, decimals: dict):
    """``number`` (a Float) with the statement's digits where it is one of its decimals written shorter."""
    if isinstance(number, sp.Float):
        text = str(number)
        if text.lstrip("-") in decimals:
            written = ("-" if text.startswith("-") else "") + decimals[text.lstrip("-")]
            return sp.Float(written, len(Decimal(written).as_tuple().digits))
    return None


def as_written(expr, decimals: dict):
    """``expr`` with each Float, and each number put in (``Shown``), that the statement writes with trailing zeros
    as the statement writes it."""
    if not decimals or not isinstance(expr, sp.Basic):
        return expr
    mapping = {}
    for atom in expr.atoms(sp.Float, Shown):
        number = atom.number if isinstance(atom, Shown) else atom
        written = _written(number, decimals)
        if written is not None:
            mapping[atom] = Shown(sp.Symbol(atom.name.split("\x00")[0]), written) if isinstance(atom, Shown) else written
    return expr.xreplace(mapping) if mapping else expr
