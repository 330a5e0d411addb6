"""A point given as text for the kinds that take its coordinates in the order of ``wrt``: an optimizer-step
(or optimizers) problem may write ``at = "x1 = 0.5, x2 = 0.5"`` as a gradient problem does, or
``at = [0.5, 0.5]``; the text names each variable of ``wrt`` once, in any order, and is read as the list.

>>> point_errors({"wrt": "x1, x2", "at": "x2 = 1, x1 = 0.5"}), in_wrt_order("x2 = 1, x1 = 0.5", "x1, x2")
([], ['0.5', '1'])
>>> point_errors({"wrt": "x1, x2", "at": "x1 = 0.5, y = 1"})
['at: y is not a variable of wrt (x1, x2)', 'at: no value of x2']
"""

from __future__ import annotations

from numbers import Real

from .answer_schema import _names

ORDERED_POINTS = ("optimizer-step", "optimizers")      # kinds whose at is a list in the order of wrt


def point_field(value):
    """``at`` of an ORDERED_POINTS kind: numbers in the order of wrt, or text naming each variable."""
    if isinstance(value, str) and value.strip():
        return None
    if isinstance(value, list) and value and all(isinstance(v, (str, Real)) and not isinstance(v, bool) for v in value):
        return None
    return (f"expected a list of numbers in the order of wrt, e.g. at = [0.5, 0.5], or text naming each variable "
            f"of wrt, e.g. at = \"x1 = 0.5, x2 = 0.5\"; got {value!r}")


def _pairs(text: str) -> list[tuple[str, str]]:
    return [(name.strip(), value.strip()) for name, _, value in (part.partition("=") for part in text.split(","))]


def point_errors(entry: dict) -> list[str]:
    """What is wrong with a text ``at`` against ``wrt``: a part that is not name = value, a name that is not a
    variable of wrt or is given twice, a variable without a value (a list is checked elsewhere)."""
    at, variables = entry.get("at"), _names(entry.get("wrt"))
    if not isinstance(at, str):
        return []
    errors, seen = [], []
    for part, (name, value) in zip(at.split(","), _pairs(at)):
        if "=" not in part or not name or not value:
            errors.append(f"at: expected name = value, got {part.strip()!r}")
        elif name not in variables:
            errors.append(f"at: {name} is not a variable of wrt ({', '.join(variables)})")
        elif name in seen:
            errors.append(f"at: {name} is given twice")
        seen.append(name)
    return errors + [f"at: no value of {name}" for name in variables if name not in seen]


def in_wrt_order(at: str, wrt: str) -> list[str]:
    """The values of a text point (checked by ``point_errors``) in the order of wrt, as the bank's lists hold them."""
    values = dict(_pairs(at))
    return [values[name] for name in _names(wrt)]


def with_ordered_point(kind: str, data: dict) -> dict:
    """A problem's data with a text ``at`` of an ORDERED_POINTS kind read as its list (a variant's filled
    template too); any other data as it is."""
    if kind in ORDERED_POINTS and isinstance(data.get("at"), str):
        return {**data, "at": in_wrt_order(data["at"], data["wrt"])}
    return data
