"""The bank's ``network`` problems: a network as the standard texts state it, trained by hand.

A teacher writes the layer sizes, the weight matrix and bias vector of every layer (or a number for
a whole layer, or a rule in j and k), the sample, the loss, the optimizer and what is asked:

    kind = "network"
    layers = [2, 2, 2]
    inputs = [0.05, 0.10]
    targets = [0.01, 0.99]
    weights = [[[0.15, 0.20], [0.25, 0.30]], [[0.40, 0.45], [0.50, 0.55]]]   # row j: the weights into neuron j
    biases = [0.35, 0.60]                 # per layer: a number for all its neurons, or a vector
    activation = "sigmoid"                # or one per layer: ["tanh", "sigmoid"]
    loss = "half-se"                      # half-se (Σ ½(y − o)²), mse (mean over the outputs), bce, ce
    learning_rate = 0.5
    steps = 1
    update_biases = false
    find = ["forward", "L", "dL/dw5", "updated", "L+"]

``find`` lists the answer in order: a neuron (h1, o2), the loss L, a gradient dL/dw5 of the first
step, a parameter after the last update (w5+), the loss after it (L+), or a group: ``forward``
(every neuron), ``gradients`` (every gradient of the first step), ``updated`` (every parameter the
optimizer moves, after the last update).

>>> from symnn.problems.solve import solve
>>> solution = solve("mazur-221")
>>> round(float(solution.answer[4]), 9)
0.298371109
"""

from __future__ import annotations

import sympy as sp

from .bank import Problem

GROUPS = ("forward", "gradients", "updated")
KEY_DIGITS = 30
SHORT = 40          # characters of an exact value a student could type (sigmoid(151/400))


def _shape_of(value):
    """(rows, columns) of a list of equal lists, else None."""
    if isinstance(value, list) and value and all(isinstance(row, list) for row in value):
        widths = {len(row) for row in value}
        return (len(value), widths.pop()) if len(widths) == 1 else None
    return None


def _layer_values(field: str, value, sizes) -> list[str]:
    """What is wrong with ``weights`` or ``biases`` for these layer sizes (empty when nothing is)."""
    if isinstance(value, (int, float, str)) and not isinstance(value, bool):
        return []
    if not isinstance(value, list) or len(value) != len(sizes) - 1:
        count = len(value) if isinstance(value, list) else 0
        return [f"{field}: expected one entry per layer ({len(sizes) - 1}), got {count}"]
    errors = []
    for layer, (entry, size, before) in enumerate(zip(value, sizes[1:], sizes), 1):
        if isinstance(entry, (int, float, str)) and not isinstance(entry, bool):
            continue
        if field == "biases":
            if not isinstance(entry, list) or len(entry) != size or any(isinstance(v, list) for v in entry):
                errors.append(f"biases: layer {layer} has {size} neurons, so its biases are a number or a "
                              f"list of {size} numbers")
        elif _shape_of(entry) != (size, before):
            shape = _shape_of(entry)
            found = "×".join(map(str, shape)) if shape else "not a matrix"
            errors.append(f"weights: layer {layer} is {found}; the layer sizes {sizes} need {size}×{before} "
                          f"(a row for each of its {size} neurons, a column for each of its {before} inputs)")
    return errors


def network_errors(entry: dict) -> list[str]:
    """What is wrong across the fields of a ``network`` problem (the field checks of schema passed)."""
    from ..nn.network import ACTIVATIONS, LOSSES, OUTPUTS
    from ..nn.optimizers import OPTIMIZERS
    sizes = entry["layers"]
    errors = _layer_values("weights", entry["weights"], sizes) + _layer_values("biases", entry.get("biases", 0), sizes)
    activation = entry.get("activation", "sigmoid")
    names = [activation] if isinstance(activation, str) else activation
    if not isinstance(activation, str) and len(names) != len(sizes) - 1:
        errors.append(f"activation: {len(names)} names for {len(sizes) - 1} layers")
    errors += [f"activation: unknown activation {name!r}; use one of {', '.join(ACTIVATIONS)}"
               for name in names if name not in ACTIVATIONS]
    for field, known, default in (("loss", LOSSES, "half-se"), ("output", OUTPUTS, "same"),
                                  ("optimizer", [n for n, o in OPTIMIZERS.items() if o.lookahead is None], "sgd")):
        if entry.get(field, default) not in known:
            errors.append(f"{field}: unknown {field} {entry[field]!r}; use one of {', '.join(known)}")
    for field, size, what in (("inputs", sizes[0], "inputs"), ("targets", sizes[-1], "outputs")):
        if field in entry and len(entry[field]) != size:
            errors.append(f"{field}: {len(entry[field])} numbers for {size} {what}")
    if errors:
        return errors
    network = _network(entry)
    for name in entry["find"]:
        if name not in GROUPS and not _known(network, name):
            errors.append(f"find: {name!r} is not a neuron (h1, o1), the loss L, a gradient (dL/dw1), a value "
                          f"after the updates (w1+, L+) or a group ({', '.join(GROUPS)})")
    return errors


def _is_neuron(network, name: str) -> bool:
    return name in {str(n.name) for n in network.neurons()}


def _known(network, name: str) -> bool:
    parameters = {str(p) for p in network.parameters()}
    L = str(network.loss_symbol)
    return (_is_neuron(network, name) or name in (L, L + "+") or name.endswith("+") and name[:-1] in parameters
            or name.startswith(f"d{L}/d") and name[len(L) + 3:] in parameters)


def _network(data):
    from ..nn.network import Network
    loss = data.get("loss", "half-se")
    return Network(data["layers"], data.get("activation", "sigmoid"), loss, data.get("output", "same"),
                   mean=data.get("mean", loss == "mse"))


def _entry(value, j: int, k: int):
    """A weight or bias given as a number, or as a rule in j (the neuron) and k (the input)."""
    from ..calculus.gradient import exact_number
    from ..calculus.parse import parse_expr_safe
    if isinstance(value, str):
        rule = parse_expr_safe(value)
        return exact_number(rule.subs({sp.Symbol("j", real=True): j, sp.Symbol("k", real=True): k,
                                       sp.Symbol("j"): j, sp.Symbol("k"): k}))
    return exact_number(value)


def network_point(network, data) -> dict:
    """Inputs, targets, and every weight and bias by name, from the problem's lists."""
    point = {f"x{i}": v for i, v in enumerate(data["inputs"], 1)}
    targets = [str(t) for t in network.targets]
    point.update(dict(zip(targets, data.get("targets", ()))))
    weights, biases = data["weights"], data.get("biases", 0)
    for l, layer in enumerate(network.layers):
        matrix = weights[l] if isinstance(weights, list) else weights
        vector = biases[l] if isinstance(biases, list) else biases
        for j, neuron in enumerate(layer):
            for k, w in enumerate(neuron.weights):
                point[str(w)] = _entry(matrix[j][k] if isinstance(matrix, list) else matrix, j + 1, k + 1)
            point[str(neuron.bias)] = _entry(vector[j] if isinstance(vector, list) else vector, j + 1, 0)
    return point


def asked(run, find) -> tuple[str, ...]:
    """The names of ``find`` with its groups spelled out."""
    L = str(run.network.loss_symbol)
    groups = {"forward": [str(n.name) for n in run.network.neurons()],
              "gradients": [f"d{L}/d{p}" for p, *_ in run.steps[0].gradients] if run.steps else [],
              "updated": [f"{p}+" for p, _ in run.steps[-1].updates] if run.steps else []}
    return tuple(n for name in find for n in groups.get(name, [name]))


def solve_network(problem: Problem):
    """Every field above: the forward pass, the backward pass and ``steps`` updates; the answer is
    what ``find`` asks, in its order."""
    from dataclasses import replace

    from ..nn.sgd_steps import train_steps
    from .solve import Solution
    data = problem.data
    network = _network(data)
    run = train_steps(network, network_point(network, data), steps=data.get("steps", 1),
                      optimizer=data.get("optimizer", "sgd"), learning_rate=data.get("learning_rate"),
                      momentum=data.get("momentum"), settings=data.get("settings"),
                      update_biases=data.get("update_biases", True))
    names = asked(run, data["find"])
    run = replace(run, asked=names)
    return Solution(problem, run, tuple(_keyed(run.value(name)) for name in names))


def _keyed(value):
    """The answer's value: exact where a student could type it, else to KEY_DIGITS digits (the work stays exact)."""
    short = len(sp.sstr(value)) <= SHORT
    return value if value.is_Rational or short else sp.Float(sp.N(value, KEY_DIGITS), KEY_DIGITS)
