"""What a problem file says of its answer, checked against what the file itself knows, without SymPy.

A ``published`` or ``expected`` list must hold as many numbers as the answer has where its shape
follows from the file (one per variable of a gradient, rows × columns of a product, …); an
optimizer-step problem names an optimizer, its settings and its state as the optimizers do; a
matrix-identity problem names an identity the toolkit derives. Each error names the field.

>>> answer_errors({"kind": "gradient", "expr": "x*y", "wrt": "x, y", "published": [1, 2, 3]})
['published: 3 numbers, but the answer has 2 (one per variable of wrt: x, y)']
>>> answer_errors({"kind": "optimizer-step", "optimizer": "adam", "expr": "x^2", "wrt": "x", "at": [1],
...                "settings": {"lr": 0.1}})
['settings: adam has no setting lr; use eta, beta_1, beta_2, varepsilon']
"""

from __future__ import annotations

import re

from ..nn.matrix_shapes import of_determinant, read_shapes

# the names a file may use, kept here so a file is checked without SymPy; tests/problems/test_answer_schema.py
# holds them equal to the tables of nn.optimizers and nn.matrix_form
OPTIMIZER_SETTINGS = {
    "gd": ("eta",), "sgd": ("eta",), "minibatch": ("eta",), "momentum": ("eta", "alpha"),
    "momentum-delta": ("lambda", "alpha"), "momentum-cs231n": ("eta", "mu"), "momentum-d2l": ("eta", "beta"),
    "nesterov": ("eta", "alpha"),
    "adagrad": ("eta", "varepsilon"), "rmsprop": ("eta", "alpha", "varepsilon"),
    "adam-slide": ("eta", "beta_1", "beta_2", "varepsilon"), "adam": ("eta", "beta_1", "beta_2", "varepsilon"),
    "momentum-geron": ("eta", "beta"), "nesterov-geron": ("eta", "beta"), "adam-geron": ("eta", "beta_1", "beta_2", "varepsilon"),
}
OPTIMIZER_STATE = {
    "momentum": ("h",), "momentum-delta": ("dw",), "momentum-cs231n": ("v",), "momentum-d2l": ("v",), "nesterov": ("h",),
    "adagrad": ("G",), "rmsprop": ("G",), "adam-slide": ("h", "G"), "adam": ("h", "G"),
    "momentum-geron": ("m",), "nesterov-geron": ("m",), "adam-geron": ("m", "s"),
}
MATRIX_IDENTITIES = ("half-norm", "linear-regression", "two-layer", "two-layer-w2", "dense-layer", "dense-backward",
                     "quadratic-form", "symmetric-quadratic-form")
IN_COLUMNS = ("half-norm", "two-layer", "two-layer-w2", "dense-layer", "dense-backward")   # nn.matrix_form.ROW_LAYOUT


def _names(text) -> list[str]:
    """The names of ``"x, y, z"`` (wrt) or of ``"x=1, w1=2"`` (a point)."""
    return [part.partition("=")[0].strip() for part in text.split(",")] if isinstance(text, str) else []


def _size(rows) -> tuple[int, int]:
    """(rows, columns) of a matrix, or of a vector taken as one row."""
    return (len(rows), len(rows[0])) if isinstance(rows[0], list) else (1, len(rows))


def _gradient(entry):
    names = _names(entry["wrt"])
    return len(names), f"one per variable of wrt: {', '.join(names)}"


def _graph(entry):
    names = _names(entry["at"])
    return 1 + len(names), f"the output, then one derivative per variable of at: {', '.join(names)}"


def _forward(entry):
    return sum(entry["layers"][1:]), f"one value per neuron of layers {entry['layers']}"


def _delta_rule(entry):
    sizes = entry["layers"]
    neurons, parameters = sum(sizes[1:]), sum(a * b + b for a, b in zip(sizes, sizes[1:]))
    return neurons + 2 * parameters, (f"the delta of each neuron, then the gradient and the momentum step of each "
                                      f"weight and bias of layers {sizes}")


def product_operands(a, b) -> tuple[list, list]:
    """``a`` and ``b`` of a product as NumPy's ``a @ b`` reads them: a flat ``b`` with as many numbers as
    ``a`` has columns is a column vector (A·b for a matrix A, the dot product for a flat ``a``); any other
    flat list is one row."""
    if b and not isinstance(b[0], list) and _size(a)[1] == len(b):
        return a, [[v] for v in b]
    return a, b


def _product_shape(entry):
    a, b = product_operands(entry["a"], entry["b"])
    (rows, _), (_, columns) = _size(a), _size(b)
    return rows, columns, "the rows of a by the columns of b"


def _convolution_shape(entry):
    (h, w), (kh, kw) = _size(entry["image"]), _size(entry["kernel"])
    return h - kh + 1, w - kw + 1, "the image's size less the kernel's, plus one"


def _jacobian_shape(entry):
    if entry.get("find") == "determinant":
        return None
    return len(entry["functions"]), len(_names(entry["wrt"])), "one row per function, one column per variable of wrt"


def _line(entry):
    find = entry.get("find", ["w", "b"])
    return len(find), f"one per name of find: {', '.join(find)}" if "find" in entry else "the slope w and the intercept b"


def _finds(entry):
    find = entry.get("find", "slope")
    parts = [find] if isinstance(find, str) else find
    return len(parts), f"one per part of find: {', '.join(parts)}"


# kind -> (rows, columns, why) of an answer that is a matrix (None: not one), which a value may give
# flat or as its rows
def _hessian_shape(entry):
    n = len(_names(entry["wrt"]))
    return n, n, "one row and one column per variable of wrt"


SHAPES = {"product": _product_shape, "convolution": _convolution_shape, "jacobian": _jacobian_shape,
          "hessian": _hessian_shape}


def _matrix(shape):
    def length(entry):
        rows, columns, why = shape(entry)
        return rows * columns, f"{rows} × {columns}: {why}"
    return length


def _coordinates(entry) -> int:
    """How many coordinates ``at`` has: a list's entries, or the names of a point given as text."""
    return len(_names(entry["at"])) if isinstance(entry["at"], str) else len(entry["at"])


def _point(entry):
    return _coordinates(entry), "one per coordinate of at"


def _optimizers(entry):
    count = len(entry["optimizers"]) * _coordinates(entry)
    return count, f"one point of {_coordinates(entry)} coordinates per optimizer"


def _jacobian(entry):
    if entry.get("find") == "determinant":
        return 1, "the determinant, a single number"
    return _matrix(_jacobian_shape)(entry)


def _one(entry):
    return 1, "a single number"


def _loss(entry):
    if entry.get("find") in ("each", "gradient"):
        return len(entry["y"]), f"one per example (find = {entry['find']})"
    return _one(entry)


def _residual(entry):
    """Each part ``find`` asks, one after the other: r has a number per row of matrix, ∇f (in x or at the point)
    one per column; the yes or no of ``solution`` is no number."""
    rows, columns = len(entry["matrix"]), len(entry["matrix"][0])
    sizes = {"residual": rows, "formula": columns, "gradient": columns}
    parts = entry.get("find") or ["gradient"]
    return sum(sizes.get(part, 0) for part in parts), "one per row of matrix for the residual, one per column for ∇f"


def _finite_difference(entry):
    if "epsilon" in entry:
        return 2, "the estimate D(ε), then the derivative it estimates"
    return _one(entry)


# kind -> how many numbers its answer holds, and why; a kind not here has an answer whose size the
# file does not say simply (a network's find, a program, a training run, an array expression)
LENGTHS = {
    "gradient": _gradient, "graph": _graph, "forward": _forward, "backprop": _one, "delta-rule": _delta_rule,
    "loss": _loss, "product": _matrix(_product_shape), "least-squares": _line,
    "convolution": _matrix(_convolution_shape), "optimizer-step": _point, "optimizers": _optimizers, "finite-difference": _finite_difference,
    "vector-gradient": _point, "residual-gradient": _residual, "jacobian": _jacobian, "total-derivative": _gradient,
    "iterated-map": _one, "derivative": _one, "directional-derivative": _finds, "hessian": _matrix(_hessian_shape),
}


# a number written as text, "0.30", to keep the places a book prints (TOML reads 0.30 as 0.3)
DECIMAL = re.compile(r"-?\d+(?:\.\d+)?")


def _count(value) -> int | None:
    """How many numbers a published value holds (nested lists flattened); None for text (a formula)."""
    if isinstance(value, str):
        return 1 if DECIMAL.fullmatch(value.strip()) else None
    if isinstance(value, list):
        counts = [_count(item) for item in value]
        return None if None in counts else sum(counts)
    if isinstance(value, dict):            # a book's slip, { value = ..., slip = "why" } (problems.slips)
        return _count(value["value"])
    return 1


def _values_errors(entry) -> list[str]:
    kind = entry.get("kind")
    counts = {name: _count(entry[name]) for name in ("published", "expected") if name in entry}
    if kind not in LENGTHS or (kind == "derivative" and "at" not in entry) or \
            all(count is None for count in counts.values()):
        return []
    expected, why = LENGTHS[kind](entry)
    errors = []
    for name, count in counts.items():
        if count is not None and count != expected:
            numbers = "1 number" if count == 1 else f"{count} numbers"
            errors.append(f"{name}: {numbers}, but the answer has {expected} ({why})")
        elif count is not None and kind in SHAPES and SHAPES[kind](entry) and _rows(entry[name]) is not None:
            rows, columns, why = SHAPES[kind](entry)
            lengths = _rows(entry[name])
            if lengths != [columns] * rows:
                written = " and ".join(sorted({str(n) for n in lengths}, key=int))
                some = f"{len(lengths)} row" + ("s" if len(lengths) > 1 else "")
                errors.append(f"{name}: {some} of {written}, but the answer is {rows} × {columns} ({why})")
    return errors


def _rows(value) -> list[int] | None:
    """The lengths of the rows of a value written as rows of numbers ([[1, 2], [3, 4]]), else None."""
    if isinstance(value, list) and all(isinstance(row, list) and not any(isinstance(v, list) for v in row)
                                       for row in value):
        return [len(row) for row in value]
    return None


def _unknown(field: str, names, allowed, what: str) -> list[str]:
    unknown = sorted(set(names) - set(allowed))
    if not unknown:
        return []
    return [f"{field}: {what} {', '.join(unknown)}; " + (f"use {', '.join(allowed)}" if allowed else "it has none")]


def _optimizer_errors(entry) -> list[str]:
    name = entry["optimizer"]
    if name == "newton":          # the Hessian's step (nn.hessians): no settings, no state, no closed form
        from .hessian_schema import newton_errors
        return newton_errors(entry) + _steps_errors(entry)
    if name not in OPTIMIZER_SETTINGS:
        return [f"optimizer: unknown optimizer {name!r}; use one of {', '.join(OPTIMIZER_SETTINGS)}, or newton"]
    return (_unknown("settings", entry.get("settings", {}), OPTIMIZER_SETTINGS[name], f"{name} has no setting") +
            _unknown("state", entry.get("state", {}), OPTIMIZER_STATE.get(name, ()), f"{name} keeps no state") +
            _steps_errors(entry))


def _steps_errors(entry) -> list[str]:
    """N steps of one optimizer start from no state, and a closed form is of one step."""
    steps, alone = entry.get("steps", 1), [field for field in ("state", "closed_form") if field in entry]
    if steps < 1:
        return ["steps: expected 1 or more"]
    if steps > 1 and alone:
        return [f"steps: {steps} steps start with no state and have no closed form; leave out {' and '.join(alone)}, "
                "or take steps = 1"]
    return []


def _comparison_errors(entry) -> list[str]:
    unknown = [name for name in entry["optimizers"] if name not in OPTIMIZER_SETTINGS]
    if unknown:
        return [f"optimizers: unknown optimizer {', '.join(map(repr, unknown))}; use {', '.join(OPTIMIZER_SETTINGS)}"]
    errors = []
    for name, settings in entry.get("settings", {}).items():
        if name not in entry["optimizers"]:
            errors.append(f"settings: {name} is not one of the problem's optimizers ({', '.join(entry['optimizers'])})")
        elif isinstance(settings, dict):
            errors += _unknown(f"settings.{name}", settings, OPTIMIZER_SETTINGS[name], f"{name} has no setting")
    return errors


def _identity_errors(entry) -> list[str]:
    """An identity of the toolkit (and its layout), or the book's own function: expr, wrt and shapes."""
    own = [name for name in ("expr", "wrt", "shapes") if name in entry]
    if "identity" in entry and own:
        return [f"{own[0]}: a matrix-identity problem names an identity or gives expr, wrt and shapes, not both"]
    if "identity" not in entry:
        missing = [name for name in ("expr", "wrt", "shapes") if name not in entry]
        if missing:
            return [f"{missing[0]}: missing (a matrix-identity problem needs identity, or expr, wrt and shapes)"]
        errors = [f"{name}: only for an identity" for name in ("find", "layout") if name in entry]
        errors += [f"symmetric: {letter} has no shape in shapes" for letter in entry.get("symmetric", ())
                   if letter not in entry["shapes"]]
        wrt = entry["wrt"]
        try:
            shapes = read_shapes(entry["shapes"])
        except ValueError as error:
            return errors + [str(error)]
        if wrt not in shapes:
            return errors + [f"wrt: {wrt} has no shape in shapes"]
        # ∇ by a vector or a matrix; by a symmetric one only of det (∇ ln det X = X⁻¹)
        if shapes[wrt] == ("1", "1") or (wrt in entry.get("symmetric", ()) and not of_determinant(entry["expr"], wrt)):
            return errors + [f"wrt: {wrt} is {'a number' if wrt not in entry.get('symmetric', ()) else 'symmetric'}; "
                             f"differentiate by a vector ({wrt} = \"n\") or a matrix that is not symmetric ({wrt} = \"m x n\")"]
        return errors
    name = entry["identity"]
    if "symmetric" in entry:
        return ["symmetric: only for expr, wrt and shapes (the identity symmetric-quadratic-form has its A = Aᵀ)"]
    if name not in MATRIX_IDENTITIES:
        return [f"identity: unknown identity {name!r}; use one of {', '.join(MATRIX_IDENTITIES)}"]
    if entry.get("layout") == "column" and name not in IN_COLUMNS:
        return [f"layout: {name} is written with column vectors already; layout = \"column\" is for {', '.join(IN_COLUMNS)}"]
    return []


def _product_errors(entry) -> list[str]:
    """b has as many rows as a has columns (a flat b: as many numbers, or a flat a of one column)."""
    (_, columns), (rows, width) = (_size(m) for m in product_operands(entry["a"], entry["b"]))
    return [] if columns == rows else [f"b: a {rows}×{width} matrix cannot multiply a, which has {columns} columns; "
                                       f"b needs {columns} rows, or is a flat list of {columns} numbers"]


NAMED = {"product": _product_errors, "optimizer-step": _optimizer_errors, "optimizers": _comparison_errors, "matrix-identity": _identity_errors}


def answer_errors(entry: dict) -> list[str]:
    """What is wrong with a problem's names and published values, for an entry whose fields have
    the right types (``schema.problem_errors`` has checked them)."""
    named = NAMED.get(entry.get("kind"))
    return (named(entry) if named else []) + _values_errors(entry)
