"""The bank's matrix-form problems: the gradient as a matrix formula, derived by ``nn.matrix_form``.

The answer is the formula itself (∂L/∂W = Xᵀδ), written with letters that are matrices, so the
checker compares a student's formula with it on random matrices of the right shapes.

>>> from symnn.problems.solve import solve
>>> solve("dense-layer-grad").answer
Xᵀ*delta
"""

from __future__ import annotations

from .bank import Problem


def solve_matrix_gradient(problem: Problem):
    """``identity``: the name of a matrix-form problem (``nn.matrix_form.SPECS``); the answer is its
    gradient formula, every step checked entry by entry against the scalar form."""
    from ..nn.matrix_form import derive
    from .solve import Solution
    derivation = derive(problem.data["identity"])
    if not all(step.holds for step in derivation.steps):
        raise ValueError(f"problem {problem.id}: a step of the matrix derivation differs from the scalar form")
    return Solution(problem, derivation, derivation.answer)
