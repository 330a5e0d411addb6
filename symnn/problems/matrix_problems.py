"""The bank's matrix-form problems: the gradient as a matrix formula, derived by ``nn.matrix_form``.

The answer is the formula itself (∂L/∂W = Xᵀδ), written with letters that are matrices, so the
checker compares a student's formula with it on random matrices of the right shapes.

>>> from symnn.problems.solve import solve
>>> solve("dense-layer-grad").answer
Xᵀ*delta
"""

from __future__ import annotations

import re
from dataclasses import replace

from .bank import Problem


def matrix_options(data: dict, statement: dict | None = None) -> dict:
    """The checker's options of a matrix problem: its symmetric letters (A = Aᵀ: 2Ax and (A + Aᵀ)x are one answer),
    and whether it differentiates by a vector (x, w, a column W_2): then the gradient written as a row (2xᵀA) is
    the numerator layout of the same gradient; by a matrix (W, A) the transpose is another matrix, a slip; and its
    letters, those of its shapes and I (E), so that a glued XᵀXW reads as Xᵀ·X·W."""
    from ..nn.matrix_form import SPECS
    if "identity" in data:
        spec = SPECS[data["identity"]]
        symmetric, columns, shapes = data.get("symmetric") or spec.symmetric, spec.shapes[spec.wrt][1], spec.shapes
    else:
        from ..nn.matrix_shapes import read_shapes
        shapes = read_shapes(data["shapes"])
        symmetric, columns = data.get("symmetric", ()), shapes[data["wrt"]][1]
    # I, and E as Russian books write it, the identity matrix: letters too, not Euler's e
    letters = tuple(dict.fromkeys([*(name for name, shape in shapes.items() if shape != ("1", "1")), "I", "E"]))
    identity = () if "I" in shapes else tuple(name for name in ("I", "E") if name not in shapes)
    return {"by_vector": columns == "1", "letters": letters, "identity": identity, **({"symmetric": tuple(symmetric)} if symmetric else {}),
            **(_asked_through(spec.definitions, statement) if "identity" in data else {})}


def _asked_through(definitions, statement) -> dict:
    """The names and formulas of the identity's intermediates (a = XW), and those the statement asks the answer
    written through ("through $a$", «через $a$»): the same value in the raw letters (XᵀXW for Xᵀa) is then the
    right value in another form than asked."""
    text = " ".join((statement or {}).values())
    asked = tuple(name for name, _ in definitions
                  if re.search(rf"(?:through|in terms of|через|выразив его через)\s*\$\s*{re.escape(name)}\s*\$", text))
    return {"names": tuple(definitions), "through": asked} if asked else {}


def solve_matrix_gradient(problem: Problem):
    """``identity``: the name of a matrix-form problem (``nn.matrix_form.SPECS``); the answer is its
    gradient formula, every step checked entry by entry against the scalar form."""
    from ..nn.matrix_form import derive
    from .solve import Solution
    if "identity" not in problem.data:                    # the book's function of its letters, term by term
        from ..nn.matrix_expansion import expanded_gradient
        data = problem.data
        run = expanded_gradient(data["expr"], data["wrt"], data["shapes"], data.get("answer_name", "f"),
                                data.get("symmetric", ()))
        if not run.holds:
            raise ValueError("the gradient derived term by term differs from the scalar form's")
        return Solution(problem, run, run.answer)
    derivation = derive(problem.data["identity"], problem.data.get("layout", "row"))
    if not all(step.holds for step in derivation.steps):
        raise ValueError(f"problem {problem.id}: a step of the matrix derivation differs from the scalar form")
    if problem.data.get("find") == "minimizer":          # the normal equation XᵀXw = Xᵀy and w = (XᵀX)⁻¹Xᵀy
        from ..nn.matrix_solution import stationary_point
        point = stationary_point(derivation)
        if point is None:
            raise ValueError(f"problem {problem.id}: find = \"minimizer\" needs a gradient of the form M·w + r, "
                             f"and {problem.data['identity']}'s is not")
        return Solution(problem, replace(derivation, stationary=point), point.solution)
    return Solution(problem, derivation, derivation.answer)
