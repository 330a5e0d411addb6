"""The fields of a Hessian problem, of a directional-derivative problem and of Newton's method against each other:
a point and a direction with as many components as variables, what ``find`` may ask, and no hyperparameters or state for Newton's step
(``problems.schema`` checks each field alone first; ``problems.answer_schema`` names the optimizer).

>>> directional_errors({"kind": "directional-derivative", "expr": "x*y", "wrt": "x, y", "at": [1, 2], "direction": [1]})
['direction: expected 2 components, one for each of x, y, got 1']
"""

from __future__ import annotations

from .answer_schema import _names

FINDS = ("slope", "second")      # as nn.hessians.FINDS: read here without SymPy, as every check of a file is

# what an optimizer-step problem may not give for Newton's method, and why
NOT_FOR_NEWTON = {"settings": "Newton's method has no hyperparameters: its step is −A⁻¹g",
                  "state": "Newton's method keeps no state between steps",
                  "closed_form": "is compared with a per-coordinate method, not with Newton's method"}


def _coordinates(entry: dict, field: str, variables) -> list[str]:
    value = entry.get(field)
    if not isinstance(value, list) or len(value) == len(variables):
        return []
    return [f"{field}: expected {len(variables)} components, one for each of "
            f"{', '.join(map(str, variables))}, got {len(value)}"]


def hessian_errors(entry: dict) -> list[str]:
    """What is wrong with a Hessian problem's fields taken together: a point's list with a number per variable
    (a text point names them, and may give the formula's other letters too).

    >>> hessian_errors({"kind": "hessian", "expr": "x^2*y", "wrt": "x, y", "at": [1, 2, 3]})
    ['at: expected 2 components, one for each of x, y, got 3']
    """
    return _coordinates(entry, "at", _names(entry["wrt"]))


def directional_errors(entry: dict) -> list[str]:
    """What is wrong with a directional-derivative problem's fields taken together."""
    variables = _names(entry["wrt"])
    errors = _coordinates(entry, "at", variables) + _coordinates(entry, "direction", variables)
    if all(str(c).strip() in ("0", "0.0") for c in entry["direction"]):
        errors.append("direction: the zero vector has no direction")
    find = entry.get("find", "slope")
    asked = [find] if isinstance(find, str) else find
    if any(part not in FINDS for part in asked) or len(set(asked)) != len(asked):
        errors.append(f"find: expected {' or '.join(map(repr, FINDS))} (or both, in a list), got {find!r}")
    return errors


def newton_errors(entry: dict) -> list[str]:
    """What is wrong with an optimizer-step problem whose optimizer is Newton's method."""
    variables = _names(entry["wrt"])
    return _coordinates(entry, "at", variables) + [f"{field}: {why}" for field, why in NOT_FOR_NEWTON.items()
                                                   if field in entry]
