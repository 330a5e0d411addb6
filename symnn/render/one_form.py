"""One number, one written form in a key: the form its work first wrote it in.

SymPy writes a value in the form its arithmetic leaves: tanh(−1/10) as −tanh(1/10) (it takes the minus out of
an odd function), e⁻¹/(1 + e⁻¹)² and e/(1 + e)² as two expressions of one number. A key that wrote
h = tanh(−0.1) in its work answers h = tanh(−0.1) too, and a gradient written e/(1 + e)² ≈ 0.1966 in one
column is not ≈ 0.1966 alone in the next. So, while a key is written, each irrational exact value is looked up
by its number (to ``values.WORK_DIGITS`` digits): its first appearance fixes its form, exact or decimal only, and
every later one is written so. An exact form too long to show is first tried in a cheap common form (over
one denominator, factored), in which it may be short. A column of a table is written one way too: where some
of its values are too long to write exactly (≈ 0.5996) and others are not (1 − tanh(2)² ≈ 0.0707), each is
written as its decimal alone (``column``); exact numbers (1, −2) stay as they are.

>>> import sympy as sp
>>> forms = {}
>>> remember(forms, sp.tanh(sp.Rational(-1, 10)), sp.tanh(sp.Float("-0.1", 1), evaluate=False))
>>> one_form(forms, sp.tanh(sp.Rational(-1, 10)), (-sp.tanh(sp.Float("0.1", 1)), sp.Float("-0.099668", 5)))
(tanh(-0.1), -0.099668)
>>> one_form(forms, sp.exp(-1) / (1 + sp.exp(-1)) ** 2, (None, sp.Float("0.1966", 4)))
(E/(1 + E)**2, 0.1966)
>>> one_form(forms, sp.E / (1 + sp.E) ** 2, (sp.E / (1 + sp.E) ** 2, sp.Float("0.1966", 4)))[0] == sp.E / (1 + sp.E) ** 2
True
"""

from __future__ import annotations

import sympy as sp

from .values import _evaluated, decimal_arguments, is_short

COMMON = 12         # a value of at most this many operations is tried in a common form when it is not short


def _key(value) -> str | None:
    """The number an exact value is, as a key; None for a whole number or a decimal (one form each)."""
    if not isinstance(value, sp.Basic) or not value.is_number or value.is_Integer or value.has(sp.Float, sp.I):
        return None
    return str(_evaluated(value))


def remember(forms: dict | None, value, form) -> None:
    """Note that the work wrote ``value`` as ``form`` (tanh(−0.1) for SymPy's −tanh(1/10); None: as its decimal
    alone, as a graph's table writes the fraction 2421/98), unless it was noted."""
    key = None if forms is None else _key(value)
    if key is not None:
        forms.setdefault(key, form)


def _common(value):
    """``value`` over one denominator, or factored, where that is short: e⁻¹/(1 + e⁻¹)² is e/(1 + e)²; else None.
    A value of decimals put in (e^(−1.65)/(e^(−1.65) + e^(1.65))) is left as its work writes it."""
    if sp.count_ops(value) > COMMON or any(not q.is_Integer for q in value.atoms(sp.Rational)):
        return None
    for form in (sp.together(value), sp.factor(value)):
        if form != value and is_short(form):
            return form
    return None


def one_form(forms: dict | None, value, pair: tuple, places: int | None = None, rounded: bool = False) -> tuple:
    """(exact, decimal) of ``value`` in the form of its first appearance in the key (``forms``, None: no key);
    ``rounded``: in a column written in decimals, the decimal alone."""
    exact, decimal = pair
    if rounded and decimal is not None:
        return None, decimal
    key = None if forms is None or decimal is None else _key(value)
    if key is None or value.is_Rational and key not in forms:     # a fraction: kept as it is unless noted
        return pair
    if key not in forms:
        common = _common(value) if exact is None else None
        forms[key] = exact if common is None else decimal_arguments(common, places)
    return forms[key], decimal


def column(printer, values, cell, long=lambda exact: False) -> list[str]:
    """The cells ``cell(value)`` of a table's column of ``values``, in one form: each value that has a decimal
    written as exact ≈ decimal, or, where one of them is too long to write exactly (or is ``long``, as a cell
    writes it), as ≈ decimal alone."""
    pairs = [(None if exact is None or long(exact) else exact, decimal) for exact, decimal in map(printer.shown, values)]
    both = any(exact is not None and decimal is not None for exact, decimal in pairs)
    alone = any(exact is None and decimal is not None for exact, decimal in pairs)
    printer.rounded_alone = both and alone
    try:
        return [cell(value) for value in values]
    finally:
        printer.rounded_alone = False
