"""The blanks of an optimizer's answer, the point its steps end at: one per coordinate, named as the problem
names its variables (x_1, x_2; θ_1, θ_2 where its notation writes them so), as its statement's "coordinates along
x_1 and x_2" says; one step, several (an optimizer's run) or Newton's alike."""

from __future__ import annotations

import sympy as sp


def point_labels(work, problem, lang) -> tuple:
    r"""LaTeX names of the coordinates of the point ``work`` ends at: x_{1}, x_{2} for x1, x2, \theta_1 where the
    problem's notation writes x1 so."""
    last = work.steps[-1] if hasattr(work, "steps") else work      # a run ends where its last step does
    notation = problem.data.get("notation") or {}
    return tuple(notation.get(str(v)) or sp.latex(sp.Symbol(str(v))) for v in getattr(last, "variables", ()))
