"""What a problem file may hold: every field, its type, and which kinds need it.

A file is checked whole when it is loaded, so a teacher's typo is one line,
``FILE: problem ID: field: what is wrong``, never a traceback later.

>>> problem_errors({"id": "p", "kind": "derivative", "statement": {"en": "…"}, "expr": 5, "wrt": "x"})
['expr: expected text, got int']
"""

from __future__ import annotations

from numbers import Real

from ..nn.naming import DATA_LOSS_NAMES
from .matrix_networks import FORMS, matrices_field
from .point_schema import ORDERED_POINTS, point_errors, point_field
from .slips import cross_check_errors

# what a residual-gradient problem may ask, in its order: r = Ax − b at the point, ∇f in x, ∇f at the point,
# and whether the point is the least-squares solution (a yes or no the key says; the checker grades the rest)
RESIDUAL_PARTS = ("residual", "formula", "gradient", "solution")

NUMBER = "number"


def _text(value):
    return None if isinstance(value, str) else f"expected text, got {type(value).__name__}"


def _one_of(names):
    """Text naming one of ``names`` (a loss, an optimizer): a name the bank does not know is refused here,
    when the file is read, with the names it does know."""
    def check(value):
        if not isinstance(value, str):
            return f"expected text, got {type(value).__name__}"
        return None if value in names else f"{value!r} is not one of {', '.join(names)}"
    return check


def _whole(value):
    return None if isinstance(value, int) and not isinstance(value, bool) else \
        f"expected a whole number, got {type(value).__name__}"


def _flag(value):
    return None if isinstance(value, bool) else f"expected true or false, got {type(value).__name__}"


def _number(value):
    """A number, or text that holds one (1/3 is exact only as text)."""
    ok = isinstance(value, str) or (isinstance(value, Real) and not isinstance(value, bool))
    return None if ok else f"expected a number, got {type(value).__name__}"


def _list_of(check, depth: int = 1):
    def validate(value):
        if not isinstance(value, list) or not value:
            return f"expected a non-empty list, got {type(value).__name__}"
        for item in value:
            problem = _list_of(check, depth - 1)(item) if depth > 1 else check(item)
            if problem:
                return f"an entry: {problem}"
        return None
    return validate


def _table_of(check):
    def validate(value):
        if not isinstance(value, dict):
            return f"expected a table, got {type(value).__name__}"
        for key, item in value.items():
            problem = check(item)
            if problem:
                return f"{key}: {problem}"
        return None
    return validate


def _languages(value):
    """Texts by language, en and ru: a misspelt key (statement.rus) would leave a key without its text."""
    problem = _table_of(_text)(value)
    unknown = sorted(set(value) - {"en", "ru"}) if problem is None else []
    return problem or (f"{', '.join(unknown)}: unknown language (en or ru)" if unknown else None)


def _tolerance(value):
    """How answers to the problem are compared (the numeric options of the checker)."""
    unknown = set(value) - TOLERANCES if isinstance(value, dict) else set()
    if unknown:
        return f"unknown setting {', '.join(sorted(unknown))}; use {', '.join(sorted(TOLERANCES))}"
    return _table_of(_number)(value)


TOLERANCES = {"absolute", "relative", "decimals", "sigfigs", "min_sigfigs"}


def _text_or_numbers(value):
    return None if isinstance(value, str) else _list_of(_number)(value)


def _anything(value):
    return None


def _vector_or_matrix(value):
    if isinstance(value, list) and value and all(isinstance(v, list) for v in value):
        return _list_of(_number, 2)(value)
    return _list_of(_number)(value)


def _assignment(value):
    """One step of a program: ``name = expression``, or ``name += expression`` (also -=, *=, /=)."""
    if not isinstance(value, str):
        return f"expected text name = expression, got {type(value).__name__}"
    name, sep, _ = value.partition("=")
    name = name.rstrip().removesuffix("+").removesuffix("-").removesuffix("*").removesuffix("/")
    return None if sep and name.strip().isidentifier() else f"expected name = expression, got {value!r}"


def _equality(value):
    """One equality the statement asks to check, ``left = right``."""
    if not isinstance(value, str):
        return f"expected text left = right, got {type(value).__name__}"
    left, sep, right = value.partition("=")
    return None if sep and left.strip() and right.strip() and "=" not in right else f"expected left = right, got {value!r}"


def _comparison(value):
    """What a statement compares the answer with (problems.asked): another point (at), another function (expr),
    or another program (steps)."""
    if not isinstance(value, dict) or len(value) != 1 or set(value) - {"at", "expr", "steps"}:
        return "expected { at = \"x = 0\" }, { expr = \"...\" } or { steps = [...] }"
    (key, item), = value.items()
    return _list_of(_assignment)(item) if key == "steps" else _text(item)


def _array_rows(value, depth: int = 0):
    """Rows of numbers, nested at most four deep (a vector, a matrix, a tensor)."""
    if depth > 4:
        return "nested more than four levels deep"
    if not isinstance(value, list):
        return None if isinstance(value, Real) and not isinstance(value, bool) else \
            f"expected a number, got {type(value).__name__}"
    if not value:
        return "expected a non-empty list"
    return next((p for p in (_array_rows(item, depth + 1) for item in value) if p), None)


def _square(value):
    """A square matrix: rows of numbers, as many rows as columns."""
    problem = _list_of(_number, 2)(value)
    if problem:
        return problem
    return None if all(len(row) == len(value) for row in value) else \
        f"expected a square matrix, got {len(value)} rows of lengths {', '.join(str(len(r)) for r in value)}"


def _layer_values(value):
    """Per layer a matrix, a vector or a number (or a rule as text); or one number for every layer."""
    if not isinstance(value, list):
        return _number(value)
    return _list_of(lambda layer: _number(layer) if not isinstance(layer, list) else _vector_or_matrix(layer))(value)


def _text_or_texts(value):
    return None if isinstance(value, str) else _list_of(_text)(value)


_settings = _table_of(lambda v: _table_of(_number)(v) if isinstance(v, dict) else _number(v))
def _line_parameters(value):
    """``find`` of a least-squares line: w (the slope) and b (the intercept), each once, in the answer's order."""
    problem = _list_of(_text)(value)
    if problem:
        return problem
    unknown = [name for name in value if name not in ("w", "b")]
    if unknown:
        return (f"{unknown[0]!r} is not w (the slope) or b (the intercept); find names them as symnn does, "
                'and notation renames them (notation = { w = "D", b = "C" })')
    return None if len(set(value)) == len(value) else "w and b each once"


_network = {"activation": _text, "loss": _text, "weights": _number, "biases": _number}
# the key in matrix form: W·x + b, δ·aᵀ, W − η·∂L/∂W, the matrices named as the statement names them
_matrix_form = {"form": _one_of(FORMS), "matrices": matrices_field}

# kind -> (required fields, optional fields), each field -> its check
KINDS = {
    "gradient": ({"expr": _text, "wrt": _text}, {"at": _text_or_numbers, "functions": _list_of(_text)}),
    # compare: { at = "x = 0" } or { expr = "..." }; check: ["p_0 = sigmoid(y_0 - y_1)"] (problems.asked)
    "derivative": ({"expr": _text, "wrt": _text}, {"at": _text, "order": _whole, "compare": _comparison,
                                                   "check": _list_of(_equality)}),
    "graph": ({"expr": _text, "at": _text}, {}),
    "forward": ({"layers": _list_of(_whole), "at": _text}, {**_network, **_matrix_form}),
    "backprop": ({"layers": _list_of(_whole), "param": _text, "at": _text}, _network),
    "delta-rule": ({"layers": _list_of(_whole), "at": _text},
                   {**_network, "learning_rate": _number, "momentum": _number, "previous": _table_of(_number)}),
    "loss": ({"loss": _one_of(DATA_LOSS_NAMES), "y": _vector_or_matrix, "pred": _vector_or_matrix},
             # each: every sample's loss; gradient: ∂L/∂ŷ_i of the mean; margin: svm's Δ
             {"find": _one_of(("mean", "each", "gradient")), "margin": _number}),
    "product": ({"a": _vector_or_matrix, "b": _vector_or_matrix}, {"bias": _number}),
    # find: the line's parameters in the answer's order, by symnn's names (w the slope, b the intercept)
    "least-squares": ({"points": _list_of(_number, 2)}, {"method": _one_of(("normal-equation", "derivatives")),
                                                         "find": _line_parameters}),
    "convolution": ({"image": _list_of(_number, 2), "kernel": _list_of(_number, 2)}, {}),
    # an identity of the toolkit (minimizer: where ∇ = 0), or the book's own function of letters by a vector
    "matrix-identity": ({}, {"identity": _text, "find": _one_of(("gradient", "minimizer")), "expr": _text, "wrt": _text,
                             "shapes": _table_of(_text), "symmetric": _list_of(_text),
                             "layout": _one_of(("row", "column"))}),   # column: z = Wx
    "softmax-jacobian": ({}, {"n": _whole}),
    "softmax-nll": ({}, {"n": _whole, "true_class": _whole}),
    # a named task, or the teacher's own data (problems.data_schema)
    "training": ({}, {"task": _text, "rounded": _flag, "seed": _whole, "optimizer": _text, "epochs": _whole,
                      "inputs": _vector_or_matrix, "targets": _vector_or_matrix, "data": _text, "columns": _anything,
                      "center": _flag, "layers": _list_of(_whole), "activation": _text_or_texts, "loss": _text,
                      "output": _text, "learning_rate": _number, "settings": _table_of(_number), "batch": _whole,
                      "shuffle": _flag, "predict": _list_of(_number, 2), "find": _list_of(_text),
                      "weights": _layer_values, "biases": _layer_values, "rule": _one_of(("lms",)),
                      "classes": _anything}),    # the class names of the outputs (problems.data_schema)
    # optimizer = "newton": x_{k+1} = x_k − A_k⁻¹ g_k with the Hessian A_k (problems.answer_schema)
    # at: numbers in the order of wrt, or text naming each variable (problems.point_schema)
    "optimizer-step": ({"optimizer": _text, "expr": _text, "wrt": _text, "at": point_field},
                       {"settings": _settings, "state": _table_of(_list_of(_number)), "closed_form": _text,
                        "steps": _whole}),                      # N steps: the answer is the last iterate
    "optimizers": ({"optimizers": _list_of(_text), "expr": _text, "wrt": _text, "at": point_field},
                   {"settings": _settings}),
    "finite-difference": ({"expr": _text, "wrt": _text, "at": _text},
                          {"epsilon": _number, "scheme": _one_of(("central", "forward", "backward"))}),
    "activation-table": ({}, {}),
    # staged programs and vector calculus (problems.vector_problems)
    "program": ({"steps": _list_of(_assignment)},
                {"at": _text, "find": _list_of(_text), "step_size": _number, "direction": _one_of(("descent", "ascent")),
                 "update": _list_of(_text), "compare": _comparison, "check": _list_of(_equality), "formulas": _flag}),
    "vector-gradient": ({"matrix": _square, "at": _list_of(_number)}, {"vector": _list_of(_number)}),
    "residual-gradient": ({"matrix": _list_of(_number, 2), "vector": _list_of(_number)},
                          {"at": _list_of(_number), "scale": _number, "find": _list_of(_one_of(RESIDUAL_PARTS))}),
    "jacobian": ({"functions": _list_of(_text), "wrt": _text}, {"at": _text, "find": _one_of(("matrix", "determinant"))}),
    "total-derivative": ({"expr": _text, "inner": _table_of(_text), "wrt": _text}, {"at": _text}),
    "iterated-map": ({"map": _text, "wrt": _text, "n": _whole, "at": _number}, {}),
    "condition": ({"condition": _text_or_texts, "wrt": _text},            # a list: all must hold
                  {"given": _table_of(lambda v: _list_of(_number)(v) if isinstance(v, list) else _number(v)),
                   "define": _list_of(_assignment)}),                       # the quantities worked out first
    # the slope pᵀ∇F/‖p‖ along p, and with find = "second" pᵀ∇²F p/‖p‖² (problems.hessian_schema)
    "directional-derivative": ({"expr": _text, "wrt": _text, "at": _text_or_numbers, "direction": _list_of(_number)},
                               {"find": _text_or_texts}),
    # the Hessian ∇²F, at a point whose text may give the formula's other letters too (problems.hessian_schema)
    "hessian": ({"expr": _text, "wrt": _text}, {"at": _text_or_numbers}),
    # a network as the standard texts state it (problems.network_problems)
    # without targets, a forward pass only (problems.network_schema)
    "network": ({"layers": _list_of(_whole), "inputs": _list_of(_number), "weights": _layer_values, "find": _list_of(_text)},
                {"targets": _list_of(_number), "biases": _layer_values, "activation": _text_or_texts, "loss": _text, "output": _text,
                 "mean": _flag, "steps": _whole, "optimizer": _text, "learning_rate": _number,
                 "momentum": _number, "settings": _table_of(_number), "update_biases": _flag,
                 "shared_biases": _flag, "margin": _number, "weight_decay": _number, **_matrix_form}),
    # the perceptron rule on given inputs (problems.perceptron_problems): weights a row per neuron (or one row)
    "perceptron": ({"inputs": _vector_or_matrix, "targets": _vector_or_matrix, "weights": _vector_or_matrix},
                   {"biases": lambda v: None if v == "none" else _vector_or_matrix(v) if isinstance(v, list) else _number(v),
                    "transfer": _one_of(("hardlim", "hardlims")), "presentations": _whole, "epochs": _whole,
                    "learning_rate": _number}),
    # a NumPy question: named arrays (rows of numbers, or a NumPy call as text) and an expression over
    # them, read with ast against a whitelist and run (problems.array_problems)
    # shape: the statement asks for the result's shape too (the sheet leaves it a blank)
    "array": ({"expr": _text}, {"arrays": _table_of(lambda v: _array_rows(v) if isinstance(v, list) else _text(v)),
                                "shape": _flag}),
}
def _parameter(spec):
    if not isinstance(spec, dict) or len(set(spec) & {"range", "choices"}) != 1 or set(spec) - {"range", "choices", "exclude"}:
        return "expected { range = [LOW, HIGH] } or { choices = [...] } (and exclude = [...] with a range)"
    if "choices" in spec:
        return _list_of(_number)(spec["choices"])
    low_high = spec["range"]
    if not (isinstance(low_high, list) and len(low_high) == 2 and all(isinstance(v, int) and not isinstance(v, bool)
                                                                      for v in low_high) and low_high[0] < low_high[1]):
        return "range: expected [LOW, HIGH], whole numbers with LOW < HIGH"
    return _list_of(_whole)(spec["exclude"]) if "exclude" in spec else None


def _variants(value):
    """[problem.variants]: parameters, and templates of the problem's data fields and statements."""
    if not isinstance(value, dict):
        return f"expected a table, got {type(value).__name__}"
    unknown = set(value) - {"parameters", "data", "statement"}
    if unknown:
        return f"{', '.join(sorted(unknown))}: unknown (variants hold parameters, data and statement)"
    if not value.get("parameters"):
        return "parameters: missing (name = { range = [LOW, HIGH] } or { choices = [...] })"
    problem = _table_of(_parameter)(value["parameters"]) or _table_of(_text)(value.get("statement", {}))
    if problem:
        return problem
    return None if isinstance(value.get("data", {}), dict) else "data: expected a table of the problem's fields"


COMMON = {"id": lambda v: None if isinstance(v, (str, int, float)) and not isinstance(v, bool) else "expected text",
          "kind": _text, "statement": _languages, "note": _languages, "source": _text,
          # what a source prints (published), or a value the bank's author worked out that no source
          # prints (expected): cross-checks for the tests, never used to decide an answer; a value the
          # book misprints is marked, { value = 0.2910279, slip = "why" } (problems.slips)
          "published": lambda v: cross_check_errors(v, slips=True), "expected": lambda v: cross_check_errors(v, slips=False), "tolerance": _tolerance, "variants": _variants,
          # the names the statement defines (f = "sigmoid(alpha*x)"), which an answer may use; the
          # names it must be written through; the form of the answer, said in each language
          "names": _table_of(_text), "through": _list_of(_text), "answer_form": _languages,
          # how the statement writes what symnn names otherwise (LaTeX): notation = { f = "F", o1 = "y_{pred}" };
          # and the decimal places of the key's rounded values
          "notation": _table_of(_text), "decimals": _whole,
          # one name for an answer of several numbers, as the statement writes it: W(2) = (0.16, 0.96, −0.16)
          "answer_name": _text}
FILE_FIELDS = {"topic": _text, "title": _languages, "source": _text, "problem": _anything}


def problem_errors(entry: dict, folder=None) -> list[str]:
    """What is wrong with one [[problem]] table (empty when nothing is); ``folder``: where the files
    it names are read (a training problem's CSV data)."""
    if not isinstance(entry, dict):
        return [f"expected a table, got {type(entry).__name__}"]
    missing = [name for name in ("id", "kind", "statement") if name not in entry]
    errors = [f"has no {', '.join(missing)}"] if missing else []
    kind = entry.get("kind")
    if isinstance(kind, str) and kind not in KINDS:
        errors.append(f"kind: unknown kind {kind!r}; known kinds: {', '.join(KINDS)}")
    required, optional = KINDS.get(kind, ({}, {}))
    errors += [f"{name}: missing (a {kind} problem needs it)" for name in required if name not in entry]
    checks = {**COMMON, **required, **optional}
    for name, value in entry.items():
        if name not in checks:
            errors.append(f"{name}: unknown field" + (f" for a {kind} problem" if kind in KINDS else ""))
        elif (problem := checks[name](value)) is not None:
            errors.append(f"{name}: {problem}")
    if kind == "network" and not errors:   # the fields against each other: shapes for the layer sizes
        from .network_schema import network_errors
        errors += network_errors(entry)
    if kind in ("forward", "network") and not errors:      # form = "matrix" against the other fields
        from .matrix_networks import matrix_form_errors
        errors += matrix_form_errors(entry)
    if kind == "training" and not errors:
        from .data_schema import training_errors
        errors += training_errors(entry, folder)
    if kind == "loss" and not errors:      # rows of one length, one-hot rows of a loss on scores, the margin
        from .network_schema import loss_errors
        errors += loss_errors(entry)
    if kind == "program" and not errors:   # find and update against the program's names
        from .program_schema import program_errors
        errors += program_errors(entry)
    if kind == "directional-derivative" and not errors:     # the direction and the point against wrt, find
        from .hessian_schema import directional_errors
        errors += directional_errors(entry)
    if kind == "hessian" and not errors:     # a point's list against wrt
        from .hessian_schema import hessian_errors
        errors += hessian_errors(entry)
    if kind in ORDERED_POINTS and not errors:     # a point given as text names each variable of wrt once
        errors += point_errors(entry)
    if kind == "array" and not errors:     # the expressions read with ast (not run): the whitelist, the names
        from .array_problems import array_errors
        errors += array_errors(entry)
    if "notation" in entry and not errors:      # no two quantities printed by one name
        from .notation_schema import notation_errors
        errors += notation_errors(entry)
    if not errors:                         # published values and named choices against the file (answer_schema)
        from .answer_schema import answer_errors
        errors += answer_errors(entry)
    return errors


def file_errors(content: dict) -> list[str]:
    errors = [f"{name}: unknown field (a file holds topic, title, source and [[problem]] tables)"
              for name in content if name not in FILE_FIELDS]
    errors += [f"{name}: {problem}" for name, check in FILE_FIELDS.items()
               if name in content and (problem := check(content[name])) is not None]
    if not isinstance(content.get("problem", []), list):
        errors.append("problem: expected [[problem]] tables")
    return errors
