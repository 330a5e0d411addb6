"""Training on a teacher's own data: the fields of a ``training`` problem checked against each other,
and the data read from the file (inline rows, or a CSV file next to the problem file).

```toml
[[problem]]
id = "gender-train"
kind = "training"
data = "data/people.csv"                      # next to this file; or inputs = [[..], ..] and targets = [..]
columns = { inputs = ["weight", "height"], targets = "female" }
center = true                                 # minus each input column's mean, derived from the table
layers = [2, 2, 1]
optimizer = "sgd"
learning_rate = 0.1
epochs = 1000
batch = 1                                     # one row at a time, in the order of the table
predict = [[50, 168], [77, 173]]              # in the table's units (centred by the same means)
weights = [[[0.1, -0.2], [0.3, 0.4]], [[0.5, -0.6]]]   # a given start, as a network problem writes it
biases = [[0, 0], 0]                          # 0 when left out, "none" for a layer without; no seed drawn
find = ["predictions"]                        # and/or "loss" (the final training loss), "accuracy", "w1", …
```

Checked by name only (``nn.naming``) and read with the standard library: a bank file is checked
when it is read, without SymPy or NumPy.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path, PurePosixPath

FINDS = ("loss", "predictions", "accuracy")
ON_DATA = ("inputs", "targets", "data", "columns", "center", "layers", "activation", "loss", "output",
           "learning_rate", "settings", "batch", "shuffle", "predict", "find", "weights", "biases", "rule",
           "classes")
MAX_DATA_BYTES = 256 * 1024
MAX_PASSES = 200_000       # rows × epochs a bank problem trains on: a key is derived in seconds, not minutes


class DataError(ValueError):
    """A field of a training problem that cannot be used, with the field's name first."""


@dataclass(frozen=True)
class Table:
    """The rows a network trains on, as written (text, so that means stay exact)."""

    inputs: tuple[tuple[str, ...], ...]
    targets: tuple[tuple[str, ...], ...]
    input_names: tuple[str, ...] = ()        # the CSV's column names; () for rows given inline
    target_names: tuple[str, ...] = ()
    source: str = ""                         # the CSV file, as the problem names it
    labels: tuple = ()                       # (language, the inputs' and targets' names in it) of columns.labels


def _rows(value) -> list[list]:
    """Rows of numbers: a list of numbers is one column."""
    return [row if isinstance(row, list) else [row] for row in value]


def read_table(entry: dict, folder: Path | None) -> Table:
    """The data of a training problem: ``inputs`` and ``targets``, or the ``columns`` of the CSV ``data``."""
    if "data" not in entry:
        inputs, targets = _rows(entry["inputs"]), _rows(entry["targets"])
        if len(inputs) != len(targets):
            raise DataError(f"targets: {len(targets)} targets for {len(inputs)} rows of inputs")
        text = lambda rows: tuple(tuple(str(v) for v in row) for row in rows)
        for field, rows in (("inputs", inputs), ("targets", targets)):
            wrong = next((v for row in rows for v in row if not _is_number(str(v))), None)
            if wrong is not None:
                raise DataError(f"{field}: {wrong!r} is not a number")
        return Table(text(inputs), text(targets))
    header, rows = _read_csv(entry["data"], folder)
    columns = entry["columns"]
    names = {}
    for part in ("inputs", "targets"):
        wanted = columns[part] if isinstance(columns[part], list) else [columns[part]]
        missing = [name for name in wanted if name not in header]
        if missing:
            raise DataError(f"columns: {part}: no column {', '.join(map(repr, missing))} in {entry['data']} "
                            f"(its columns: {', '.join(header)})")
        names[part] = tuple(wanted)
    picked = {part: tuple(tuple(row[header.index(name)] for name in names[part]) for _, row in rows)
              for part in names}
    for number, row in rows:
        for name in (*names["inputs"], *names["targets"]):
            value = row[header.index(name)]
            if not _is_number(value):
                raise DataError(f"data: {entry['data']} line {number}, column {name!r}: {value!r} is not a number")
    labels = tuple((lang, tuple(names)) for lang, names in columns.get("labels", {}).items())
    return Table(picked["inputs"], picked["targets"], names["inputs"], names["targets"], entry["data"], labels)


def _is_number(text: str) -> bool:
    """A finite number as written: 168, -3, 0.5, 1e-3, 1/3."""
    try:
        Fraction(text.strip())
    except (ValueError, ZeroDivisionError):
        return False
    return True


def _read_csv(name: str, folder: Path | None) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """The header and the rows (each with its line number) of a CSV file inside the bank's folder
    (a relative path, no ..)."""
    relative = PurePosixPath(name)
    if relative.is_absolute() or ".." in relative.parts or not name.lower().endswith(".csv"):
        raise DataError(f"data: expected a .csv file inside the bank's folder, such as data/people.csv, got {name!r}")
    if folder is None:
        raise DataError(f"data: {name} is read next to a problem file; this problem comes from none")
    path = folder / relative
    if not path.is_file() or not path.resolve().is_relative_to(folder.resolve()):
        raise DataError(f"data: no file {name} next to the problem file")
    try:
        with path.open("rb") as file:
            raw = file.read(MAX_DATA_BYTES + 1)
    except OSError:
        raise DataError(f"data: no file {name} next to the problem file") from None
    if len(raw) > MAX_DATA_BYTES:
        raise DataError(f"data: {name} is larger than {MAX_DATA_BYTES // 1024} KiB")
    try:
        lines = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    except (UnicodeDecodeError, csv.Error) as error:
        raise DataError(f"data: {name} is not a UTF-8 CSV file ({error})") from None
    numbered = [(number, [cell.strip() for cell in line]) for number, line in enumerate(lines, 1)
                if any(cell.strip() for cell in line)]                  # blank lines skipped, numbers kept
    if len(numbered) < 2:
        raise DataError(f"data: {name} needs a header line of column names and at least one row")
    (_, header), rows = numbered[0], numbered[1:]
    for number, row in rows:
        if len(row) != len(header):
            raise DataError(f"data: {name} line {number} has {len(row)} cells for {len(header)} columns")
    return header, rows


def training_errors(entry: dict, folder: Path | None = None) -> list[str]:
    """What is wrong across the fields of a ``training`` problem (the field checks of schema passed):
    a named ``task``, or data (inline or a CSV file, read from ``folder`` when it is given) whose
    shapes fit the layers, with names the toolkit knows."""
    given = [name for name in ON_DATA if name in entry]
    if "task" in entry:
        return [f"{name}: a training problem has a task or its own data, not both" for name in given[:1]]
    errors = _needed(entry)
    if errors:
        return errors
    errors = _names(entry)
    sizes = entry["layers"]
    if len(sizes) >= 2:
        errors += _start_errors(entry)
    try:
        table = read_table(entry, folder) if "inputs" in entry or folder is not None else None
    except DataError as error:
        return errors + [str(error)]
    if table is not None:
        for field, rows, size, what in (("inputs", table.inputs, sizes[0], "inputs"),
                                        ("targets", table.targets, sizes[-1], "outputs")):
            where = "columns" if table.source else field
            widths = {len(row) for row in rows}
            if widths != {size}:
                errors.append(f"{where}: {field} of {'/'.join(map(str, sorted(widths)))} numbers a row for "
                              f"layers {sizes} ({size} {what})")
        if entry.get("batch", 1) > len(table.inputs):
            errors.append(f"batch: {entry['batch']} rows in a batch, but the data has {len(table.inputs)}")
        epochs = entry.get("epochs", 100)
        if epochs * len(table.inputs) > MAX_PASSES:
            errors.append(f"epochs: {epochs} epochs of {len(table.inputs)} rows pass {epochs * len(table.inputs)} "
                          f"rows through the network; a bank problem passes at most {MAX_PASSES}")
    for number, row in enumerate(entry.get("predict", []), 1):
        if len(row) != sizes[0]:
            errors.append(f"predict: row {number} has {len(row)} numbers for {sizes[0]} inputs")
    finds = entry.get("find", ["predictions"] if "predict" in entry else ["loss"])
    decimals = [f for f in finds if f != "accuracy" and not (f == "predictions" and entry.get("rounded"))]
    from ..nn.naming import FULL_STEPS
    rows = len(entry["inputs"]) if isinstance(entry.get("inputs"), list) else None
    exact = "weights" in entry and entry.get("batch", 1) == 1 and not entry.get("shuffle") and rows is not None \
        and entry.get("epochs", 100) * rows <= FULL_STEPS          # worked by hand in fractions: exact numbers
    if "tolerance" not in entry and decimals and not exact:
        errors.append("tolerance: missing (a trained network's loss and outputs are decimals that the start and "
                      "the order of the sums move: say how close an answer must be, tolerance = { absolute = 0.01 })")
    linear = len(sizes) == 2 and sizes[-1] == 1 and entry.get("activation", "sigmoid") == "identity" \
        and entry.get("loss", "mse") == "mse" and entry.get("optimizer", "sgd") == "sgd"
    if "rule" in entry and not (exact and entry.get("batch") == 1 and linear):      # the LMS step is SGD's on (t − a)²
        errors.append('rule: "lms" is the rule of one linear neuron (layers = [n, 1], activation = "identity", '
                      'loss = "mse", optimizer = "sgd") trained from given weights, batch = 1, in the order of inline '
                      f'rows, at most {FULL_STEPS} steps: its key works each step by hand')
    return errors


def _label_errors(columns: dict) -> list[str]:
    """``labels``: for a language, a name for each input column and then each target column, as a key in
    that language heads them (labels.ru = ["вес, кг", "рост, см", "девушка"])."""
    labels = columns.get("labels", {})
    count = sum(len(v) if isinstance(v, list) else 1 for k, v in columns.items() if k != "labels")
    if not isinstance(labels, dict):
        return ['columns: labels: expected { en = ["name", ...], ru = ["name", ...] }']
    return [f"columns: labels.{lang}: expected {count} names (the inputs, then the targets)"
            for lang, names in labels.items()
            if not isinstance(names, list) or len(names) != count or not all(isinstance(n, str) for n in names)]


def _needed(entry: dict) -> list[str]:
    """The fields training on data cannot do without, and the ones that go together."""
    errors = []
    if "data" in entry:
        errors += [f"{name}: a CSV file's rows are its data; give inputs and targets, or data and columns"
                   for name in ("inputs", "targets") if name in entry]
        if "columns" not in entry:
            errors.append('columns: missing (the CSV columns of the inputs and the targets: '
                          'columns = { inputs = ["x1", "x2"], targets = "y" })')
        elif not isinstance(entry["columns"], dict) or not {"inputs", "targets"} <= set(entry["columns"]) <= {
                "inputs", "targets", "labels"} or any(
                not (isinstance(v, str) or isinstance(v, list) and v and all(isinstance(n, str) for n in v))
                for k, v in entry["columns"].items() if k != "labels"):
            errors.append('columns: expected { inputs = ["name", ...], targets = "name" or ["name", ...] }')
        else:
            errors += _label_errors(entry["columns"])
    else:
        errors += [f"{name}: missing (a training problem needs a task, or inputs and targets, or a CSV data file)"
                   for name in ("inputs", "targets") if name not in entry]
        if "columns" in entry:
            errors.append("columns: names the columns of a CSV file; this problem has no data file")
    if "layers" not in entry:
        errors.append("layers: missing (the sizes of the network trained on the data, such as [2, 2, 1])")
    return errors


def _names(entry: dict) -> list[str]:
    """Activations, the loss, the output layer and the optimizer by the names the toolkit knows; what to find."""
    from ..nn.naming import LOSS_NAMES, OPTIMIZER_NAMES, OUTPUT_NAMES, bias_modes, parameter_names
    from .network_schema import activation_errors
    errors, sizes = [], entry["layers"]
    if len(sizes) < 2:
        errors.append(f"layers: expected the inputs and at least one layer of neurons, got {sizes}")
    errors += activation_errors(entry.get("activation", "sigmoid"), sizes)
    for field, known, default in (("loss", LOSS_NAMES, "mse"), ("output", OUTPUT_NAMES, "same"),
                                  ("optimizer", OPTIMIZER_NAMES, "sgd")):
        if entry.get(field, default) not in known:
            errors.append(f"{field}: unknown {field} {entry[field]!r}; use one of {', '.join(known)}")
    modes = bias_modes(entry.get("biases", 0), False, len(sizes) - 1)
    known = parameter_names(sizes, modes) if len(sizes) >= 2 else set()
    errors += [f"find: {name!r} is not {', '.join(FINDS)} or a weight or bias of the network (w1, b1, …)"
               for name in entry.get("find", []) if name not in FINDS and name not in known]
    if "predictions" in entry.get("find", []) and "predict" not in entry:
        errors.append("find: predictions need the inputs to predict for: predict = [[...], ...]")
    for field in ("epochs", "batch"):
        if entry.get(field, 1) < 1:
            errors.append(f"{field}: expected at least 1, got {entry[field]}")
    rate = entry.get("learning_rate", 1)
    if not isinstance(rate, str) and rate <= 0:
        errors.append(f"learning_rate: expected a positive number, got {rate}")
    return errors + _class_errors(entry.get("classes"), sizes[-1])


def _class_errors(classes, outputs: int) -> list[str]:
    """``classes``: per language, the name of each class the network tells, as the statement asks it
    (classes.en = ["man", "woman"]): of the output rounded to 0 and 1, or of each output (the largest wins)."""
    if classes is None:
        return []
    count = 2 if outputs == 1 else outputs
    if not isinstance(classes, dict) or not classes or any(
            not isinstance(names, list) or len(names) != count or not all(isinstance(n, str) and n for n in names)
            for names in classes.values()):
        return [f'classes: expected {{ en = [...], ru = [...] }}, {count} names in each '
                f'({"the class of an output rounded to 0, then to 1" if outputs == 1 else "one for each output"})']
    return []


def _start_errors(entry: dict) -> list[str]:
    """A given start: ``weights`` (and ``biases``, 0 when left out) shaped as a ``network`` problem's."""
    from .network_schema import layer_value_errors
    if "weights" not in entry:
        return ["biases: a start is given by its weights (weights = [...], one entry per layer), "
                "the biases with them"] if "biases" in entry else []
    sizes = entry["layers"]
    return layer_value_errors("weights", entry["weights"], sizes) + layer_value_errors("biases", entry.get("biases", 0), sizes)
