"""The bank's staged programs and vector problems: each solver reads its fields and derives the answer.

A program's answer is what ``find`` asks (by default L followed by ∂L/∂v for every variable, as a
graph's; with ``step_size``, the inputs and the output after a step along the gradient); a vector gradient's
is the vector; a Jacobian's the matrix; a total derivative's and an iterated map's one number
(or formula); a condition's the condition itself (0 < a < 2), which the checker compares as a set;
a directional derivative's the slope and the second derivative along p that ``find`` asks (``nn.hessians``),
a Hessian's the matrix ∇²F (at the point, if one is given), and Newton's method's (an optimizer-step with ``optimizer = "newton"``) the last iterate.

>>> from symnn.problems.solve import solve
>>> solve("gd-convergence").answer
0 < a < 2
"""

from __future__ import annotations

import dataclasses

from .bank import BankError, Problem


def _solution(problem: Problem, work, answer):
    from .solve import Solution
    return Solution(problem, work, answer)


def solve_program(problem: Problem):
    """``steps`` (assignments ``name = expr``) and ``at``: the forward and backward tables; ``step_size``,
    ``direction`` and ``update``: a step on the inputs; ``find``: the parts of the answer, in order."""
    from ..nn.programs import program_pass
    data = problem.data
    run = program_pass(data["steps"], data.get("at", ""), step_size=data.get("step_size"),
                       ascent=data.get("direction", "descent") == "ascent", update=data.get("update"),
                       find=data.get("find"))
    parts = tuple(run.value(name) for name in run.asked)
    return _solution(problem, run, parts if len(parts) > 1 else parts[0])       # one part asked: a number


def solve_vector_gradient(problem: Problem):
    """``matrix`` A, optional ``vector`` b and ``at``: ∇(xᵀAx + bᵀx) at the point."""
    from ..nn.vector_calculus import quadratic_gradient
    data = problem.data
    run = quadratic_gradient(data["matrix"], data.get("vector"), data["at"])
    return _solution(problem, run, run.answer)


def solve_residual_gradient(problem: Problem):
    """``matrix`` A (m×n), ``vector`` b, optional ``scale`` c (1, or 1/2 for ½‖Ax − b‖²) and ``at`` x:
    ∇c‖Ax − b‖² = 2c·Aᵀ(Ax − b), in x and at the point. ``find`` (``residual_parts``) asks for more: the answer
    is the parts it names, one after the other (r₁, r₂, r₃, ∂f/∂x₁, ∂f/∂x₂)."""
    from ..nn.vector_calculus import residual_gradient
    data = problem.data
    run = residual_gradient(data["matrix"], data["vector"], data.get("at"), data.get("scale", 1))
    if "find" not in data:
        return _solution(problem, run, run.answer)
    parts = {"residual": run.residual, "formula": run.gradient, "gradient": run.values or ()}
    run = dataclasses.replace(run, asked=residual_parts(problem))       # a brief key works only the parts asked
    return _solution(problem, run, tuple(v for part in run.asked for v in parts.get(part, ())))


def residual_parts(problem: Problem) -> tuple:
    """What a residual-gradient problem asks, in order: its ``find``, else ∇f at the point (or in x, without one).
    A part at the point (residual, gradient, solution) needs ``at``."""
    data = problem.data
    parts = tuple(data.get("find") or (("gradient",) if data.get("at") is not None else ("formula",)))
    if data.get("at") is None and set(parts) - {"formula"}:
        raise BankError(f"problem {problem.id}: find: {', '.join(sorted(set(parts) - {'formula'}))} "
                        "need the point (at = [...])")
    return parts


def solve_jacobian(problem: Problem):
    """``functions`` (the components), ``wrt``, optional ``at`` and ``find`` (``matrix``, or ``determinant``:
    det J, as in a change of variables): the Jacobian matrix or its determinant."""
    from ..nn.vector_calculus import jacobian
    data = problem.data
    run = jacobian(data["functions"], data["wrt"], data.get("at"), data.get("find", "matrix"))
    return _solution(problem, run, run.answer)


def solve_total_derivative(problem: Problem):
    """``expr`` f(x, y, …), ``inner`` (x = x(t), …), ``wrt`` t and optional ``at``: df/dt; with several
    variables in ``wrt`` (x = x(s, t), …) the gradient (∂f/∂s, ∂f/∂t)."""
    from ..nn.vector_calculus import chain_gradient
    data = problem.data
    run = chain_gradient(data["expr"], data["inner"], data["wrt"], data.get("at"))
    return _solution(problem, run, run.answer)


def solve_iterated_map(problem: Problem):
    """``map`` g, ``wrt`` x, ``n`` and ``at`` x₀: (gⁿ)′(x₀) through the iterates."""
    from ..nn.vector_calculus import iterated_map
    data = problem.data
    run = iterated_map(data["map"], data["wrt"], data["n"], data["at"])
    return _solution(problem, run, run.answer)


def solve_condition_problem(problem: Problem):
    """``condition`` (one comparison, a list of them, or comparisons joined by ``and``) and ``wrt``: the
    values of the variable for which all hold, as a condition; a condition that cannot be solved is
    refused naming the problem and the field."""
    from ..nn.condition_terms import solve_defined_condition
    from ..nn.vector_calculus import solve_condition
    data = problem.data
    try:
        run = solve_defined_condition(data["condition"], data["wrt"], data.get("given", {}), data.get("define", ())) \
            if "given" in data or "define" in data else solve_condition(data["condition"], data["wrt"])
    except ValueError as error:
        raise BankError(f"problem {problem.id}: condition: {error}") from error
    return _solution(problem, run, run.answer)


def solve_directional(problem: Problem):
    """``expr``, ``wrt``, ``at`` and ``direction`` p, optional ``find`` ("slope", "second" or both): the slope
    pᵀ∇F/‖p‖ and the second derivative pᵀ∇²F p/‖p‖² along p at the point, in the order asked."""
    from ..nn.hessians import directional_derivative
    data = problem.data
    find = data.get("find", "slope")
    run = directional_derivative(data["expr"], data["wrt"], data["at"], data["direction"],
                                 (find,) if isinstance(find, str) else tuple(find))
    return _solution(problem, run, run.answer)


def solve_hessian(problem: Problem):
    """``expr``, ``wrt`` and optional ``at`` (values in the order of wrt, or text that may give the formula's other
    letters too): the Hessian ∇²F, the gradient derived first, at the point if one is given."""
    from ..nn.hessians import hessian_matrix
    data = problem.data
    try:
        run = hessian_matrix(data["expr"], data["wrt"], data.get("at"))
    except ValueError as error:
        raise BankError(f"problem {problem.id}: {error}") from error
    return _solution(problem, run, run.answer)


def solve_newton(problem: Problem):
    """An ``optimizer-step`` with ``optimizer = "newton"``: x_{k+1} = x_k − A_k⁻¹ g_k from ``at``, ``steps`` times
    (one by default); the answer is the last iterate. Newton's method has no hyperparameters and no state."""
    from ..nn.hessians import newton_descent
    data = problem.data
    run = newton_descent(data["expr"], data["wrt"], data["at"], data.get("steps", 1))
    return _solution(problem, run.steps[0] if len(run.steps) == 1 else run, run.result)
