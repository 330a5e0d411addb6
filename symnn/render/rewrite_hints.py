"""The hint beside a rewritten line of a derivative, said in the line's own letter or one it does not use.

σ's hint e^(−z) = (1 − σ(z))/σ(z) takes the letter σ is applied to on the line (z of σ(z)(1 − σ(z))), so that no
letter appears from nowhere; where σ's argument is no single letter, a dummy that is none of the line's: never a,
which is Haykin's slope in φ(v) = 1/(1 + e^(−a·v)).
"""

from __future__ import annotations

import sympy as sp

from ..calculus.functions import sigmoid
from ..lang import phrase

SPARE = ("u", "z", "s", "t", "q", "r")        # dummy letters, the first the line does not use


def rewrite_hint(printer, rule: str, after) -> str:
    """The phrase of ``rule`` (LaTeX between dollars) for the line ``after``, its dummy letter ``u`` free in it."""
    expr = printer.renamed(after) if isinstance(after, sp.Basic) else after
    if isinstance(after, sp.Basic):
        arguments = {f.args[0] for f in expr.atoms(sigmoid)}
        if len(arguments) == 1 and isinstance(own := arguments.pop(), sp.Symbol):     # σ(z) on the line: e^(−z)
            return phrase(printer.lang, rule, u=sp.latex(own))
    used = {s.name for s in expr.free_symbols} | {s.name for s in after.free_symbols} if isinstance(after, sp.Basic) else set()
    return phrase(printer.lang, rule, u=next(letter for letter in SPARE if letter not in used))
