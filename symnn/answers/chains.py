"""The sides of a chain a = b = c: each must equal the answer, the last side. A side may be the formula before
the problem's point is put in (∇F = (y, x + 4y) = (10, 45)), a decimal computed from rounded numbers on the way
(0.9526 · 0.2494 ≈ 0.2376), or, for a vector, one formula in the vector's name (∇f = 4x = (4, −8, 12)), put in
entry by entry at the point x = (x₁, x₂, x₃); a formula in names the point does not give (2Ax) is not checked."""

from __future__ import annotations

import sympy as sp

from .compare import canonical_name, compare_scalar
from .shown_values import readable


def chain_checked(ref, ref_places, answer, options, say, verdict):
    """A chain is right only when every side is: the verdict on the first side that is not, or ``verdict``
    (with a note naming a side that could not be evaluated). A side of a named component is held to that
    component."""
    unchecked = []
    for step in answer.steps:
        if isinstance(step, tuple) and len(step) == 2 and isinstance(step[0], int) and isinstance(ref, tuple):
            index, side = step
            holds = _side_holds(ref[index], ref_places[index], side, answer.decimals[index], options)
        elif isinstance(ref, tuple) and isinstance(step, sp.Basic) and step.free_symbols:
            side, values = step, vector_at_point(step, len(ref), options)   # ∇f = 4x = (4, −8, 12)
            if values is None:
                unchecked.append(readable(side))
                continue
            holds = all(_side_holds(r, p, v, d, options) for r, p, v, d in zip(ref, ref_places, values, answer.decimals))
            if not holds:
                shown = "(" + ("; " if options.lang == "ru" else ", ").join(readable(v) for v in values) + ")"
                return type(verdict)(False, 0.0, (say("check.wrong"), say("check.chain step at point", step=readable(side),
                                                                            value=shown)), "chain", answer)
        else:
            side = step
            holds = isinstance(side, tuple) == isinstance(ref, tuple) and (
                all(_side_holds(r, p, v, d, options) for r, p, v, d in zip(ref, ref_places, side, answer.decimals))
                if isinstance(side, tuple) else _side_holds(ref, ref_places[0], side, answer.decimals[0], options))
        if not holds:
            return type(verdict)(False, 0.0, (say("check.wrong"), say("check.chain step", step=readable(side))), "chain",
                                 answer)
    if unchecked:
        return type(verdict)(verdict.correct, verdict.score, verdict.feedback +
                             (say("note.chain unchecked", steps=", ".join(unchecked)),), verdict.decided_by, answer,
                             verdict.components)
    return verdict


def vector_at_point(side, length: int, options):
    """The entries of a formula in a vector's name at the problem's point, where the point gives the vector's
    entries (x = (x₁, …, xₙ) for 4x, with n the answer's length): 4x at (1, −2, 3) is (4, −8, 12); a name of
    one number (x₁) is that number in every entry; None when the formula has a name the point does not give
    (A of 2Ax, or no point at all)."""
    point = {canonical_name(str(name), options.index_names): value for name, value in options.point}
    entries = {}
    for symbol in side.free_symbols:
        name = canonical_name(symbol.name, options.index_names)
        names = [f"{name}_{k}" for k in range(1, length + 1)]
        if all(n in point for n in names):
            entries[symbol] = [point[n] for n in names]
        elif name in point:
            entries[symbol] = [point[name]] * length
        else:
            return None
    return tuple(side.xreplace({s: values[k] for s, values in entries.items()}) for k in range(length))


def _side_holds(ref, ref_place, side, final_places, options) -> bool:
    """A side of a chain holds when it equals the expected value; when it is the formula before the
    problem's point is put in (∇F = (y, x + 4y) = (10, 45)); or, for a side computed from rounded
    numbers on the way to a decimal (0.9526 · 0.2494 ≈ 0.2376), when it is within one unit of the
    last place the answer was given to."""
    if not isinstance(side, sp.Basic):
        return False
    if compare_scalar(ref, side, options, None, ref_place)[0]:
        return True
    point = {canonical_name(str(name), options.index_names): value for name, value in options.point}
    names = {s: canonical_name(s.name, options.index_names) for s in side.free_symbols}
    if point and names and set(names.values()) <= set(point):
        return compare_scalar(ref, side.xreplace({s: point[n] for s, n in names.items()}), options, None, ref_place)[0]
    if side.is_number and final_places is not None and ref.is_number:
        return bool(abs(sp.N(side - ref, 30)) <= sp.Rational(1, 10 ** final_places))
    return False
