"""The checks across the fields of a ``network`` problem: shapes for the layer sizes, known names.

By name only (``nn.naming``), without SymPy: a bank file is checked when it is read, and
``symnn problems`` starts without SymPy.
"""

from __future__ import annotations

from fractions import Fraction

GROUPS = ("forward", "gradients", "updated")     # what ``find`` may ask for as a whole


def _shape_of(value):
    """(rows, columns) of a list of equal lists, else None."""
    if isinstance(value, list) and value and all(isinstance(row, list) for row in value):
        widths = {len(row) for row in value}
        return (len(value), widths.pop()) if len(widths) == 1 else None
    return None


def layer_value_errors(field: str, value, sizes, shared: bool = False) -> list[str]:
    """What is wrong with ``weights`` or ``biases`` for these layer sizes (empty when nothing is); a layer
    whose bias is ``shared`` has one number."""
    if isinstance(value, (int, float, str)) and not isinstance(value, bool):
        return []
    if not isinstance(value, list) or len(value) != len(sizes) - 1:
        count = len(value) if isinstance(value, list) else 0
        return [f"{field}: expected one entry per layer ({len(sizes) - 1}), got {count}"]
    errors = []
    for layer, (entry, size, before) in enumerate(zip(value, sizes[1:], sizes), 1):
        if isinstance(entry, (int, float, str)) and not isinstance(entry, bool):
            continue
        if field == "biases" and shared:
            errors.append(f"biases: with shared_biases = true layer {layer} has one bias, so one number, "
                          f"not a list")
        elif field == "biases":
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
    """What is wrong across the fields of a ``network`` problem (the field checks of schema passed).
    Checked by name only (``nn.naming``): a bank file is read without SymPy."""
    from ..nn.naming import (
        LOOKAHEAD_OPTIMIZERS,
        LOSS_NAMES,
        OPTIMIZER_NAMES,
        OUTPUT_NAMES,
        SCORE_LOSS_NAMES,
        bias_modes,
        layer_names,
        neuron_names,
        parameter_names,
    )
    sizes, biases, shared = entry["layers"], entry.get("biases", 0), entry.get("shared_biases", False)
    errors = layer_value_errors("weights", entry["weights"], sizes) + layer_value_errors("biases", biases, sizes, shared)
    errors += activation_errors(entry.get("activation", "sigmoid"), sizes)
    stepping = [name for name in OPTIMIZER_NAMES if name not in LOOKAHEAD_OPTIMIZERS]
    for field, known, default in (("loss", LOSS_NAMES + SCORE_LOSS_NAMES, "half-se"), ("output", OUTPUT_NAMES, "same"),
                                  ("optimizer", stepping, "sgd")):
        if entry.get(field, default) not in known:
            errors.append(f"{field}: unknown {field} {entry[field]!r}; use one of {', '.join(known)}")
    for field, size, what in (("inputs", sizes[0], "inputs"), ("targets", sizes[-1], "outputs")):
        if field in entry and len(entry[field]) != size:
            errors.append(f"{field}: {len(entry[field])} numbers for {size} {what}")
    errors += score_loss_errors(entry)
    if "margin" in entry:
        errors += margin_errors(entry.get("loss", "half-se"), entry["margin"])
    errors += decay_errors(entry)
    if errors:
        return errors
    modes = bias_modes(biases, shared, len(sizes) - 1)
    if "targets" not in entry:
        return forward_only_errors(entry, [name for layer in layer_names(sizes, modes) for name, _, _ in layer])
    errors += optimizer_errors(entry.get("optimizer", "sgd"), entry.get("settings", {}), "momentum" in entry)
    neurons, parameters, L = neuron_names(sizes), parameter_names(sizes, modes), "L"
    for name in entry["find"]:
        known = (name in neurons or name in (L, L + "+") or name == "J" and "weight_decay" in entry or name.endswith("+") and name[:-1] in parameters | neurons
                 or name.startswith(f"d{L}/d") and name[len(L) + 3:] in parameters | neurons)
        if name not in GROUPS and not known:
            errors.append(f"find: {name!r} is not a neuron (h1, o1), the loss L, a gradient (dL/dw1, dL/do1), "
                          f"a value after the updates (w1+, o1+, L+) or a group ({', '.join(GROUPS)})")
    if entry.get("steps", 1) == 0:
        errors += [f"find: {name!r} asks for the network after the updates, but steps = 0 makes none"
                   for name in entry["find"] if name == "updated" or name.endswith("+")]
    biases = {bias for layer in layer_names(sizes, modes) for _, _, bias in layer if bias is not None}
    return errors or _length_errors(entry, len(neurons), parameters, biases)


def _length_errors(entry: dict, neurons: int, parameters: set, biases: set) -> list[str]:
    """A ``published`` or ``expected`` list holds one number for each name of ``find``, its groups spelled out."""
    moving = parameters if entry.get("update_biases", True) else parameters - biases
    sizes = {"forward": neurons, "gradients": len(parameters), "updated": len(moving) if entry.get("steps", 1) else 0}
    length = sum(sizes.get(name, 1) for name in entry["find"])
    errors = []
    for field in ("published", "expected"):
        value = entry.get(field)
        if isinstance(value, list) and all(not isinstance(v, list) for v in value) and len(value) != length:
            errors.append(f"{field}: {len(value)} numbers, but the answer has {length} (one for each name of find, "
                          f"{', '.join(n for n in GROUPS if n in entry['find']) or 'no group'} spelled out)")
    return errors


def optimizer_errors(optimizer: str, settings: dict, momentum: bool) -> list[str]:
    """``settings`` names hyperparameters of the optimizer, and ``momentum`` is given to one that has it."""
    from ..nn.naming import MOMENTUM_OPTIMIZERS
    from .answer_schema import OPTIMIZER_SETTINGS
    known = OPTIMIZER_SETTINGS[optimizer]
    errors = [f"settings: {optimizer} has no setting {name!r}; its settings: {', '.join(known)}"
              for name in settings if name not in known]
    if momentum and optimizer not in MOMENTUM_OPTIMIZERS:
        errors.append(f"momentum: {optimizer} has no momentum; the optimizers with one: {', '.join(MOMENTUM_OPTIMIZERS)}")
    return errors


# what only a network with targets has: its loss, and the steps that lower it
TRAINING_FIELDS = ("loss", "margin", "mean", "steps", "optimizer", "learning_rate", "momentum", "settings", "update_biases",
                   "weight_decay")


def forward_only_errors(entry: dict, neurons) -> list[str]:
    """A network without ``targets`` is a forward pass only: no loss, no step, and ``find`` asks for neurons."""
    errors = [f"{field}: a network without targets is a forward pass only, with no loss and no step; "
              f"give targets, or leave out {field}" for field in TRAINING_FIELDS if field in entry]
    errors += [f"find: {name!r} needs targets; a network without them is a forward pass only, so find asks for "
               f"its neurons (h1, o1) or forward" for name in entry["find"] if name not in (*neurons, "forward")]
    asked = [neurons.index(name) for name in entry["find"] if name in neurons]
    if not errors and asked != sorted(set(asked)):       # the key's answer names the neurons in the network's order
        errors.append(f"find: name each neuron once, in the network's order ({', '.join(neurons)})")
    return errors or _length_errors(entry, len(neurons), set(), set())


def score_loss_errors(entry: dict) -> list[str]:
    """A loss on raw scores (softmax-ce, svm) takes the scores of the output layer as they are, and the
    correct class as a target of 1 among 0s."""
    from ..nn.naming import SCORE_LOSS_NAMES
    loss = entry.get("loss")
    if loss not in SCORE_LOSS_NAMES:
        return []
    if entry.get("output", "same") != "same":
        return [f"output: the loss {loss} takes the raw scores of the output layer, so no output = "
                f"{entry['output']!r} (softmax-ce applies the softmax itself)"]
    targets = entry.get("targets", [])
    if len(targets) < 2 or sorted(targets) != [0] * (len(targets) - 1) + [1]:
        return [f"targets: the loss {loss} needs two classes or more, the correct one 1 and every other 0, "
                f"got {targets}"]
    return []


def decay_errors(entry: dict) -> list[str]:
    """``weight_decay`` is λ of J = L + (λ/2)Σ w² (d2l §5.3): a number, 0 or more."""
    if "weight_decay" not in entry:
        return []
    value = entry["weight_decay"]
    try:
        number = Fraction(value.replace(" ", "")) if isinstance(value, str) else value
    except (ValueError, ZeroDivisionError):
        number = None
    if number is None or number < 0:
        return [f"weight_decay: {value!r} is not λ of J = L + (λ/2)Σ w², a number 0 or more (such as 0.01 or \"1/100\")"]
    return []


def margin_errors(loss: str, margin) -> list[str]:
    """The margin Δ belongs to the svm loss, and is a positive number."""
    from ..nn.score_rows import margin_error
    if loss != "svm":
        return [f"margin: only the svm loss has a margin Δ, not {loss}"]
    return [error for error in (margin_error(margin),) if error]


def loss_errors(entry: dict) -> list[str]:
    """A ``loss`` problem's fields against each other: one-hot rows and rows of scores of one length for a loss
    on scores (svm, softmax-ce), rows of one length for ce, and the margin of svm."""
    from ..nn.naming import GRADIENT_LOSSES, SCORE_LOSS_NAMES
    from ..nn.score_rows import score_rows_errors
    loss = entry["loss"]
    errors = margin_errors(loss, entry["margin"]) if "margin" in entry else []
    if loss in SCORE_LOSS_NAMES or loss == "ce":
        errors += score_rows_errors(entry["y"], entry["pred"], one_hot=loss != "ce")
    if entry.get("find") == "gradient" and loss not in GRADIENT_LOSSES:
        errors.append(f"find: the gradient by the predictions is worked for {', '.join(GRADIENT_LOSSES)}, not {loss}"
                      + (" (the gradient by the class scores is in a network problem with loss = \"" + loss + "\")"
                         if loss in SCORE_LOSS_NAMES else ""))
    return errors


def activation_errors(activation, sizes) -> list[str]:
    """One activation name for every layer, or one per layer of neurons, each a name the toolkit knows."""
    from ..nn.naming import ACTIVATION_NAMES
    names = [activation] if isinstance(activation, str) else activation
    errors = [f"activation: {len(names)} names for {len(sizes) - 1} layers"] \
        if not isinstance(activation, str) and len(names) != len(sizes) - 1 else []
    return errors + [f"activation: unknown activation {name!r}; use one of {', '.join(ACTIVATION_NAMES)}"
                     for name in names if name not in ACTIVATION_NAMES]
