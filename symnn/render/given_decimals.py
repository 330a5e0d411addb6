r"""A given number as its statement writes it: the inputs 0.05 and 0.10 of a worked example are 0.05 and 0.10
wherever its key restates them (the point, the numbers put in a formula), not 0.1, which the bank's data (a
float) keeps of it; a score given as 2.0 is 2.0, not 2. A number the key computes keeps its own precision: only a
decimal written with fewer digits than the statement writes the same number is given the statement's zeros.
Where the statement writes one number two ways (w₇ = 0.50 and η = 0.5), a value put in for a name it gives is
written as it gives that name (``named_decimals``), and any other as SymPy writes it.

>>> import sympy as sp
>>> decimals = written_decimals(r"the inputs $i_1 = 0.05$, $i_2 = 0.10$, the weights 0.40, 0.50 and $\eta = 0.5$")
>>> sorted(decimals.items())
[('0.1', '0.10'), ('0.4', '0.40')]
>>> sorted(str(f) for f in as_written(sp.Float("0.1", 1) * sp.Symbol("w") + sp.Float("0.4000", 4), decimals).atoms(sp.Float))
['0.10', '0.4000']
>>> sorted(named_decimals(r"$w_5, \ldots, w_8 = 0.40, 0.45, 0.50, 0.55$ with $\eta = 0.5$").items())
[('eta', '0.5'), ('w_5', '0.40'), ('w_6', '0.45'), ('w_7', '0.50'), ('w_8', '0.55')]
>>> written_decimals(r"the scores $s = (1.3, 4.9, 2.0)$ of $L_2$")
{'2': '2.0'}
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

import sympy as sp

from .values import Shown

_DECIMAL = re.compile(r"(?<![\d.])-?\d+\.\d+(?![\d.])")
_WHOLE = re.compile(r"(?<![\w.{^\\])\d+(?![\d.])")        # a whole number written as one: 2, not the 2 of L_2 or x^2
_MATH = re.compile(r"(?<!\\)\$([^$]*)\$")
_NAME = re.compile(r"([A-Za-z]+|\\[A-Za-z]+)_?\{?(\d*)\}?")


@lru_cache(maxsize=64)
def written_decimals(statement: str) -> dict:
    """{a decimal as SymPy writes it (2 for a whole number): as the statement writes it}, for each number it
    writes with trailing zeros and never without them (w₇ = 0.50 and η = 0.5 are one number written two ways: each
    stays as SymPy writes it, unless ``named_decimals`` knows it by its name)."""
    forms = {}
    for written in _DECIMAL.findall(statement or ""):
        number = Decimal(written.lstrip("-"))
        forms.setdefault(format(number.normalize(), "f"), set()).add(written.lstrip("-"))
    wholes = set(_WHOLE.findall(re.sub(r"\d+\.\d+", "", statement or "")))       # 2 where it writes 2 (not 2.0)
    for whole in wholes:
        forms.setdefault(whole, set()).add(whole)
    return {short: written.pop() for short, written in forms.items() if len(written) == 1 and short not in written}


@lru_cache(maxsize=64)
def named_decimals(statement: str) -> dict:
    """{a name as SymPy names its symbol (w_7, eta): the decimal the statement gives it}, from the statement's
    formulas that give names their numbers: $i_1 = 0.05$, $w_1, w_2 = 0.15, 0.20$, $w_5, \\ldots, w_8 = 0.40, …$."""
    named = {}
    for math in _MATH.findall(statement or ""):
        parts = [part.strip() for part in math.split("=")]
        if len(parts) != 2:
            continue
        names, numbers = [n.strip() for n in parts[0].split(",")], [n.strip() for n in parts[1].split(",")]
        if not all(_DECIMAL.fullmatch(n) for n in numbers):
            continue
        if len(names) == 3 and names[1] == r"\ldots":        # w_5, \ldots, w_8: the names between
            first, last = _NAME.fullmatch(names[0]), _NAME.fullmatch(names[2])
            if first and last and first[1] == last[1] and first[2] and last[2]:
                names = [f"{first[1]}_{k}" for k in range(int(first[2]), int(last[2]) + 1)]
        if len(names) == len(numbers) and all(_NAME.fullmatch(n) for n in names):
            for name, number in zip(names, numbers):
                letters, index = _NAME.fullmatch(name).groups()
                named[letters.lstrip("\\") + (f"_{index}" if index else "")] = number
    return named


def _written(number, decimals: dict, given: str | None = None):
    """``number`` (a Float, or a whole number the statement gives as a decimal) with the statement's digits where
    it is one of its decimals written shorter; ``given``: the decimal the statement gives the name it stands for."""
    if isinstance(number, (sp.Float, sp.Integer)) and not number.is_zero:
        text = str(number).lstrip("-")
        written = given if given is not None and Decimal(given) == abs(Decimal(str(number))) else decimals.get(text)
        if written is not None and written != text and (isinstance(number, sp.Float) or "." in written):
            written = ("-" if number < 0 else "") + written
            return sp.Float(written, len(Decimal(written).as_tuple().digits))
    return None


def _name(symbol) -> str:
    return symbol.name.split("\x00")[0]


def as_written(expr, decimals: dict, named: dict | None = None):
    """``expr`` with each Float, and each number put in (``Shown``), that the statement writes with trailing zeros
    as the statement writes it: by its name where the statement gives the name a number (``named``), and the
    numbers of a point (i₁, …, w₇) = (0.05, …, 0.50) each by its name."""
    named = named or {}
    if not (decimals or named) or not isinstance(expr, sp.Basic):
        return expr
    if isinstance(expr, sp.Eq) and isinstance(expr.lhs, sp.Tuple) and isinstance(expr.rhs, sp.Tuple) \
            and len(expr.lhs) == len(expr.rhs):
        values = [_written(v, decimals, named.get(_name(n)) if isinstance(n, sp.Symbol) else None) for n, v in zip(*expr.args)]
        return sp.Eq(expr.lhs, sp.Tuple(*(v if w is None else w for v, w in zip(expr.rhs, values))), evaluate=False)
    mapping = {}
    for atom in expr.atoms(sp.Float, Shown):
        number = atom.number if isinstance(atom, Shown) else atom
        written = _written(number, decimals, named.get(_name(atom)) if isinstance(atom, Shown) else None)
        if written is not None:
            mapping[atom] = Shown(sp.Symbol(_name(atom)), written) if isinstance(atom, Shown) else written
    for tuple_ in expr.atoms(sp.Tuple):     # (1.3, 4.9, 2.0): a whole number among given decimals, as given
        if any(isinstance(item, sp.Float) for item in tuple_):
            items = [_written(item, decimals) if isinstance(item, sp.Integer) else None for item in tuple_]
            if any(items):
                mapping[tuple_] = sp.Tuple(*(item if w is None else w for item, w in zip(tuple_, items)))
    return expr.xreplace(mapping) if mapping else expr
