"""Perceptron problems: the error-driven rule of a hard-limit layer on given inputs (``nn.perceptron``).

A problem gives the inputs (one row p each), their targets, the start ``weights`` (a row for each
neuron) and, when the layer has them, ``biases``; ``transfer`` is hardlim (default) or hardlims. The
inputs are presented in turn until a whole pass changes nothing (at most ``epochs`` passes), or for
exactly ``presentations`` of them; ``learning_rate`` is η of W ← W + η·e·pᵀ (default 1). The answer is W, row by row, then b.
"""

from __future__ import annotations

from .bank import BankError, Problem


def solve_perceptron(problem: Problem):
    from ..nn.perceptron import perceptron_rule
    from .solve import Solution
    data = problem.data
    rows = lambda value: [v if isinstance(v, list) else [v] for v in value]
    biases = data.get("biases")
    try:
        run = perceptron_rule(rows(data["inputs"]), rows(data["targets"]), data["weights"],
                              None if biases in (None, "none") else biases, data.get("transfer", "hardlim"),
                              data.get("presentations"), data.get("epochs"), data.get("learning_rate", 1))
    except ValueError as error:
        raise BankError(f"problem {problem.id}: {error}") from None
    return Solution(problem, run, (*run.weights, *(run.bias if run.bias is not None else ())))
