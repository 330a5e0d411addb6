"""What a key says once: the sentences of a method and the explanations of rules that a derivation says the
first time it uses them, and not again later in the same key or deck.

A key passes the keys said by its earlier problems as the printer's ``defined`` setting (``solutions.definitions``
gives those of one solution, without printing it); a printer asks ``first_time`` before it says one.

>>> import sympy as sp
>>> from symnn.calculus.differentiate import diff_steps
>>> L = sp.Function("L")(sp.Symbol("w"))
>>> said_in(diff_steps(L + sp.Symbol("w") ** 2, "w"))
('title.unknown function',)
"""

from __future__ import annotations

import dataclasses

# the rules of a derivation in one variable said once per key: the derivative of a function given without a formula
ONCE_RULES = ("unknown function",)


def first_time(printer, key: str) -> bool:
    """True where ``key`` is said for the first time in the key (and the problem) the printer writes: it is then
    counted as said, so that the next ask of the same problem answers False too."""
    said = printer.__dict__.setdefault("_said_once", set())
    if key in said or key in printer._settings.get("defined", ()):
        return False
    said.add(key)
    return True


def _rules(work, depth: int = 0):
    """The rules of every derivation in ``work``: its steps, their substeps, a gradient's partials."""
    if type(work).__name__ == "Step":
        yield work.rule
    if depth > 8 or isinstance(work, (str, bytes, int, float)) or not (dataclasses.is_dataclass(work)
                                                                      or isinstance(work, (list, tuple))):
        return
    items = [getattr(work, field.name) for field in dataclasses.fields(work)] if dataclasses.is_dataclass(work) else work
    for item in items:
        yield from _rules(item, depth + 1)


def said_in(work) -> tuple[str, ...]:
    """The keys of what ``work`` says once per key: its method sentence and its rules' explanations (a matrix
    gradient, ``matrices.said_keys``), the hint of a rule said once (``ONCE_RULES``) in its derivations."""
    if type(work).__name__ in ("MatrixGradient", "ExpandedGradient"):
        from .matrices import said_keys
        return said_keys(work)
    return tuple(dict.fromkeys(f"title.{rule}" for rule in _rules(work) if rule in ONCE_RULES))
