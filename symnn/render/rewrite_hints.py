"""The hint beside a rewritten line of a derivative, said with a letter the line does not use.

σ's hint e^(−u) = (1 − σ(u))/σ(u) takes a dummy letter that is none of the line's: never a, which is Haykin's
slope in φ(v) = 1/(1 + e^(−a·v)).
"""

from __future__ import annotations

import sympy as sp

from ..lang import phrase

SPARE = ("u", "z", "s", "t", "q", "r")        # dummy letters, the first the line does not use


def rewrite_hint(printer, rule: str, after) -> str:
    """The phrase of ``rule`` (LaTeX between dollars) for the line ``after``, its dummy letter ``u`` free in it."""
    expr = printer.renamed(after) if isinstance(after, sp.Basic) else after
    used = {s.name for s in expr.free_symbols} | {s.name for s in after.free_symbols} if isinstance(after, sp.Basic) else set()
    return phrase(printer.lang, rule, u=next(letter for letter in SPARE if letter not in used))
