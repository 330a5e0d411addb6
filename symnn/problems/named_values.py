"""The named quantities of a solved problem, for the checker: where its values are taken (the point: the inputs
of a program or a graph, t of a total derivative, x₀ of an iterated map) and what the problem computes from
them (a program's nodes, x = cos t at t = π/4, the iterates x_k, a network's neurons and weights). A side of an
answer's chain written in these names (∂f/∂z = q = 3, df/dt = 2xy(−sin t) + x² cos t = −√2/4) is evaluated with
them (``answers.chains``).

>>> from symnn.problems.solve import solve
>>> given_values(solve("program-add-mul"))
(((x, -2), (y, 5), (z, -4)), ((q, 3), (f, -12)))
>>> given_values(solve("total-derivative"))
(((t, pi/4),), ((x, sqrt(2)/2), (y, sqrt(2)/2)))
"""

from __future__ import annotations


def given_values(solution) -> tuple[tuple, tuple]:
    """(the point, the values computed from it), each as (symbol, exact value) pairs; ((), ()) for a problem
    whose work names none. A name a program assigns several times (c, then c += …) has no one value and
    is left out."""
    work = solution.work
    kind = type(work).__name__
    if kind == "MatrixNetwork":                   # a network in matrices: the run inside names the values
        work, kind = work.run, type(work.run).__name__
    if kind == "ProgramPass":
        return _once(work.run.point, work.run.values)
    if kind == "GraphPass":
        return _once(work.point, work.values)
    if kind == "ChainGradient":                   # ∂f/∂s, ∂f/∂t: one point and one inner map for both parts
        work, kind = work.parts[0], "TotalDerivative"
    if kind == "TotalDerivative" and work.point:  # x = x(t), … at t
        return tuple(work.point), tuple((name, inner.xreplace(dict(work.point))) for name, inner in work.inner)
    if kind == "IteratedMap":                     # x₀ = x and the iterates x_k = g(x_{k−1})
        iterates = [x for _, x, _ in work.rows] + [work.last]
        return ((work.var, iterates[0]),), tuple((f"{work.var.name}_{k}", x) for k, x in enumerate(iterates))
    if kind == "ConditionSolution":               # a condition's given and defined names (λ_max = 2 of α < 1/λ_max)
        return (), tuple((row.name, row.value) for row in work.work if row.name.is_Symbol and row.value.is_number)
    if kind == "DirectionalDerivative":
        return tuple(work.gradient.point), ()
    if kind == "OptimizerStep":                   # the start and the step's hyperparameters (η, or a by the notation)
        return tuple(zip(work.variables, work.start)), _renamed(tuple(work.hyper.items()), solution.problem)
    if kind == "NetworkTraining" and work.steps:  # the first step's inputs, weights, neurons and loss, and η
        first = work.steps[0]
        return (), tuple(first.point) + tuple(first.forward) + _renamed(tuple(work.hyper), solution.problem)
    if hasattr(work, "network") and hasattr(work, "forward") and hasattr(work, "point"):
        return (), tuple(work.point) + tuple(work.forward)      # inputs, weights and neurons: too many for a point
    return (), ()


def _renamed(pairs, problem) -> tuple:
    """(name, value) pairs under the names the problem's notation gives them (eta as a); a notation that is not a
    plain name (w_{56}) leaves the name as it is."""
    notation = problem.data.get("notation", {})
    plain = {name: text for name, text in notation.items() if isinstance(text, str) and text.isidentifier()}
    return tuple((plain.get(str(name), str(name)), value) for name, value in pairs)


def _once(point, values) -> tuple[tuple, tuple]:
    """The point and the other values of a pass, without the names a program gives several values."""
    from ..nn.programs import base_name
    bases = [base_name(str(name))[0] for name, _ in values]
    once = {name for name, _ in values if bases.count(base_name(str(name))[0]) == 1}
    inputs = {name for name, _ in point}
    return (tuple((name, value) for name, value in point if name in once),
            tuple((name, value) for name, value in values if name in once and name not in inputs))
