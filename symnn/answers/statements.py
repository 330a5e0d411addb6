"""How an answer states its values: a chain ``a = b ≈ c`` (the value graded and the sides that must equal
it), parts named by labels (x = 1, y = 2; h_1 = 0,953), and whether a side names a quantity (f'(x), ∂L/∂w,
∇F, ŷ) rather than giving a value, or restates the derivative asked for."""

from __future__ import annotations

import re

from ..calculus.parse import FUNCTIONS, ParseError
from .labels import known_label
from .latex import latex_to_text
from .layout import closes_at_end, top_level_split
from .numbers import decimal_comma_numbers

DERIVATIVE = re.compile(r"'|∂|∇|(?<![A-Za-z])(d|delta|Delta)[A-Za-z_0-9]*/(d|delta|Delta)")
# σ'(u) alone: the derivative of σ named, not computed
SIGMA_PRIME_ALONE = re.compile(r"[-+]?(sigmaprime|sigmaprime\((?:[^()]|\([^()]*\))*\))")
SIGMA_PRIME = re.compile(r"\b(sigma|sigmoid)\s*(\^\s*\(\s*'\s*\)|')")


def restates(body: str, notation: str) -> bool:
    """The answer writes the derivative asked for (d/dx, ∂, ∇, a prime, σ'(u) alone), not its value."""
    try:
        text = latex_to_text(body) if notation == "latex" else body
    except ParseError:
        text = body
    text = SIGMA_PRIME.sub("sigmaprime", text)
    if SIGMA_PRIME_ALONE.fullmatch(re.sub(r"\s", "", text)):
        return True
    return bool(DERIVATIVE.search(re.sub(r"[\s(){}]", "", text.replace("sigmaprime", ""))))


def stated_value(body: str, known, labels=frozenset(), length=None) -> tuple[str, list, dict, tuple]:
    """A chain ``a = b ≈ c``: (the value graded, the other sides that must equal it, the labels of
    named components, the label written before each component as typed, or ()). A side that names
    what is computed (f'(x), ∂L/∂w, ∇F, y, one of the problem's ``labels``) is a label, not a value;
    a name the problem uses as a variable is not a label (``x = 6x`` states that x is 6x); ``length``: of the
    vector asked for, whose parts may share one value (w = b = 3.5)."""
    body = re.sub(r"\\approx(?![A-Za-z])", "≈", body)
    named = _named_components(body, known, labels, length)
    if named:
        return named
    sides = _bound_chain(_joined_relations(top_level_split(body, "=≈")))
    if len(sides) == 1:
        return body, [], {}, ()
    # x ≈ 0.99684 where the answer is the new x (an optimizer's step): the first side, the problem's label and a name
    # the value does not use, labels it; x = 6x states that x is 6x
    named = [_label(side, known, labels) or not i and known_label(side, labels) and _coordinate(side.replace("\\", ""), sides[-1])
             for i, side in enumerate(sides)]
    names = [side.strip() for side, label in zip(sides, named) if label]
    values = [side for side, label in zip(sides, named) if not label]
    if any(not side.strip() for side in sides) or not values:
        raise ParseError("statement")
    return values[-1], values[:-1], {}, tuple(names[:1])


def _named_components(body: str, known, problem_labels=frozenset(), length=None):
    """x = 1, y = 2 or h_1 = h_2 ≈ 0,953; o_1 = σ(h_2) ≈ 0,722: one component per label, the value
    its chain ends in, the chain's other sides as (component, side) steps, and the labels'
    components (a side may use another component's label: σ(h_2)); None when the body is not a
    list of named values."""
    separators = ";" if re.search(r"(?<!\\);", body) else ","
    parts = top_level_split(body, separators)
    if separators == ";":                     # a = 1; b = 2, c = 3: a comma before a label parts too
        parts = [piece for part in parts for piece in _comma_parts(part, known, problem_labels)]
    sides = _joined_relations(top_level_split(body, "=≈"))
    if len(sides) - 1 == length > 1 and not _entries(sides[-1].strip()) and all(      # w = b = 3.5: one value of two parts
            _label(side, known, problem_labels) and len(top_level_split(side, ",;")) == 1 and not _entries(side.strip())
            for side in sides[:-1]):
        return "(" + "; ".join([sides[-1].strip()] * (len(sides) - 1)) + ")", [], \
            {re.sub(r"[\s{}_\\]", "", side): k for k, side in enumerate(sides[:-1])}, tuple(side.strip() for side in sides[:-1])
    if len(parts) < 2:
        return None
    values, steps, names, written = [], [], {}, []
    chained = any(len(top_level_split(part, "=≈")) > 1 for part in parts)
    for part in parts:
        sides = _joined_relations(top_level_split(part, "=≈"))
        if len(sides) == 1 and chained and part.strip():      # f = 1 + e³ ≈ 21.09; (2e³; e³; e³): a bare value or vector
            if separators == "," and decimal_comma_numbers(body):
                return None                   # unless a comma may be a decimal one (w = 3,5)
            entries = _entries(part.strip()) or [part.strip()]
            values += entries
            written += [""] * len(entries)
            continue
        labels = 0
        while labels < len(sides) - 1 and (_label(sides[labels], known, problem_labels) or
                                           (not labels and _coordinate(sides[labels], sides[-1]))):
            labels += 1
        if len(sides) < 2 or not all(side.strip() for side in sides):
            return None
        if not labels:                        # −ln 0.1 = 2.303, −ln 0.5 = 0.693: a chain per component, no label,
            if separators == "," and decimal_comma_numbers(body):
                return None                   # unless a comma may be a decimal one (f'(x) = 0,5 = 1/2)
            steps += [(len(values), side) for side in sides[:-1]]
            written.append("")
            values.append(sides[-1].strip())
            continue
        value = sides[-1].strip()
        inner = _entries(value)
        between = [_entries(side.strip()) for side in sides[1:-1]]       # h = [tanh(0.1); …] ≈ [0.0997; …]: entry by entry
        if len(inner) > 1 and labels == 1 and all(len(side) == len(inner) for side in between):   # grad = (40.17, 20.09)
            steps += [(len(values) + i, entry) for side in between for i, entry in enumerate(side)]
            values += [part.strip() for part in inner]
            written += [f"{sides[0].strip()}#{k}" for k in range(1, len(inner) + 1)]       # W = [3 1]: W's entries
            continue
        for label in sides[:labels]:
            steps += [(len(values), side) for side in sides[labels:-1]]
            names[re.sub(r"[\s{}_\\]", "", label)] = len(values)
            written.append(label.strip())
            values.append(value)
    return "(" + "; ".join(values) + ")", steps, names, tuple(written)


# a vector transposed, (0.49, 0.25)^T, ^{\top}, or ᵀ (read as ^(T)): its entries are the vector's
_TRANSPOSED = re.compile(r"\s*(?:\^\s*\{?\s*(?:T|\(T\)|\\top|\\intercal)\s*\}?|ᵀ)\s*$")
# a vector in a LaTeX matrix environment: \begin{pmatrix} 0.49 \\ 0.25 \end{pmatrix}, one column or one row
_MATRIX = re.compile(r"\\begin\{([pbBvV]?matrix)\}(.*)\\end\{\1\}", re.S)


def _entries(value: str) -> list[str]:
    """The entries of a bracketed vector or matrix, row after row: [[1, 2], [3, 4]] is 1, 2, 3, 4 (as W = […]
    names W's entries in that order); a vector transposed, (1, 2)^T, and a vector of one column or one row in a
    LaTeX matrix environment too; [] for anything else; one entry for (a + b)."""
    bare = _TRANSPOSED.sub("", value)
    if bare != value:                          # (a + b)^T: one entry, a formula transposed, kept as written
        entries = _entries(bare)
        return entries if len(entries) > 1 else []
    matrix = _MATRIX.fullmatch(value)
    if matrix:
        rows = [[entry.strip() for entry in row.split("&")] for row in re.split(r"\\\\", matrix[2]) if row.strip()]
        return [entry for row in rows for entry in row] if len(rows) == 1 or all(len(row) == 1 for row in rows) else []
    if value[:1] not in "([" or not closes_at_end(value):
        return []
    inner = [part.strip() for part in top_level_split(value[1:-1], ";" if ";" in value else ",")]
    rows = [_entries(part) for part in inner] if len(inner) > 1 else []
    return [entry for part, row in zip(inner, rows) for entry in (row or [part])] if rows else inner


def _comma_parts(part: str, known, problem_labels) -> list[str]:
    """A part of a list apart by semicolons, split at each comma before a label and its = (h_2 = 0,9526,
    o_1 = 0,7216 is two parts; the decimal comma of 0,9526 is not before a label)."""
    pieces = top_level_split(part, ",")
    merged = [pieces[0]]
    for piece in pieces[1:]:
        sides = _joined_relations(top_level_split(piece, "=≈"))
        if len(sides) > 1 and (_label(sides[0], known, problem_labels) or _coordinate(sides[0], sides[-1])):
            merged.append(piece)
        else:
            merged[-1] += "," + piece
    return merged


def labelled_side(step, labels: dict, values, known=None):
    """A side that uses another component's label (o_1 = σ(h_2)), with that component's value put in; a name the
    problem gives a value of its own is that value (x of x = x − a·x = 0.5, the point's x, not the new x)."""
    if isinstance(step, tuple):                  # h_2 = 0.95, 0.72: a list is no side of one component's chain
        raise ParseError("statement")
    own = {re.sub(r"[_{}]", "", k) for k in (known or ())}
    return step.xreplace({s: values[labels[re.sub(r"_", "", s.name)]] for s in step.free_symbols
                          if re.sub(r"_", "", s.name) in labels and re.sub(r"_", "", s.name) not in own})


def _is_known_name(side: str, known) -> bool:
    """The side is a bare name the problem uses as a variable (x of x = 6x)."""
    return re.sub(r"[\s{}_\\]", "", side) in {re.sub(r"[_{}]", "", k) for k in (known or ())}


def _coordinate(name: str, value: str) -> bool:
    """x = 1 in x = 1, y = 2: a bare name, and a value without it."""
    return bool(re.fullmatch(r"\s*[A-Za-z]\w*\s*", name)) and not re.search(rf"\b{re.escape(name.strip())}\b", value)


# a relation of a condition, as text or LaTeX: <, ≤, <=, \le, \leq, \lt, \leqslant and the same the other way
RELATION = re.compile(r"<=|>=|≤|≥|<|>|\\(?:[lg]eq?(?:slant)?|[lg]t)(?![A-Za-z])")

PIECEWISE = re.compile(r"\b(?:if|else|for|when|otherwise)\b|&|\\begin|\\\\")


def _bound_chain(sides):
    """A condition whose last bound is a chain, α < 1/λ_max = 0.5 or 0 < a < 2/50 = 0.04: the condition with each
    side of the chain as its bound, so that the value graded is the condition with the chain's last side (a < 0.04)
    and the condition as first written (a < 2/50) is a side that must hold too; any other chain as it is."""
    relational = [k for k, side in enumerate(sides) if _last_relation(side)]
    if not relational or relational[-1] == len(sides) - 1:
        return sides
    k = relational[-1]
    head = _last_relation(sides[k])
    return sides[:k + 1] + [head + side for side in sides[k + 1:]]


def _last_relation(side: str) -> str | None:
    """The text of a condition up to and with its last relation outside brackets (0 < a < of 0 < a < 2/50), or None;
    None for a piecewise function's cases too (1 if x > 0 else 0, a cases environment)."""
    if PIECEWISE.search(side):
        return None
    found = None
    for match in RELATION.finditer(side):
        before = side[:match.start()]
        if sum(before.count(c) for c in "([{") == sum(before.count(c) for c in ")]}"):
            found = match
    return side[:found.end()] if found else None


def _joined_relations(sides):
    """Undo a split inside <=, >=, != and ==: they are relations, not the = of a chain."""
    joined = [sides[0]]
    for side in sides[1:]:
        if joined[-1].endswith(("<", ">", "!", "=")) or side.startswith("="):
            joined[-1] += "=" + side
        else:
            joined.append(side)
    return joined


def _label(side: str, known, labels=frozenset()) -> bool:
    """The side names a quantity (f'(x), MSE, grad F, ∇F, ŷ, w₆⁺, a name of the problem's ``labels``)
    rather than giving a value."""
    product = re.fullmatch(r"\s*([A-Za-z]\w*)\s*\((.*)\)\s*", side)
    if product and re.search(rf"(?<![A-Za-z]){re.escape(product[1])}(?![A-Za-z])", product[2]):
        return False                               # s(1-s): s times 1 − s, not s of 1 − s
    if known_label(side, labels) and not _is_known_name(side, known):
        return True
    notation = "latex" if re.search(r"\\.|[{}]", side) else "text"
    if restates(side, notation):
        return True
    try:
        text = latex_to_text(side) if notation == "latex" else side
    except ParseError:
        return False
    if re.fullmatch(r"\s*\(\s*([A-Za-z]\w*(?:\s*[,;]\s*[A-Za-z]\w*)+)\s*\)\s*", text):
        return True                                # (x, y) = (1, 2): a tuple of names names the values
    name = re.fullmatch(r"\s*(?:grad\s*|∇\s*|det\s+)?([A-Za-z]+)\s*(_\s*\w+)?\s*(\(\s*[\w./-]+(?:\s*[,;]\s*[\w./-]+)*\s*\))?\s*'*\s*"
                        r"(?:\^\s*[{(]?\s*\+\s*[})]?|\+|⁺)?\s*", text)          # w6+, w_6^+, L⁺: a value after a step                      # f(x), L(w, b): a name and its arguments, not s_i(1 − s_j)
    if not name:
        return False
    if (name[1] in FUNCTIONS or name[1] in ("sqrt", "exp", "ln", "log")) and name[3] is not None:
        return False                               # cos(x^2) is a value, not a name; H alone names H
    names = {re.sub(r"[_{}]", "", k) for k in (known or ())}
    if len(name[1]) > 1 and not name[2] and not name[3] and set(name[1]) <= {k for k in names if len(k) == 1}:
        return False                               # qz of the problem's q and z: the product q·z, not a name
    return (name[1] + re.sub(r"[\s_]", "", name[2] or "")) not in names
