r"""Reading an answer or a reference: LaTeX, plain text or Unicode; a number, a formula,
a vector or a matrix. One reader for students and teachers, the API, the CLI and the bank.

Untrusted text never reaches ``eval``, ``sympify`` or ``parse_expr``: LaTeX is
translated from a whitelist into plain text (``answers.latex``), and plain text
is read by symnn's own parser (``calculus.parse``). Size, nesting and number
sizes are bounded before anything is evaluated. A typed decimal is kept exact
together with the places typed, since its rounding is what is checked.

>>> read_answer("0,9526").value, read_answer("0,9526").decimals     # decimal comma
(4763/5000, (4,))
>>> read_answer(r"\left(60; -162; 1\right)").value
(60, -162, 1)
>>> read_answer(r"f'(x) = 2x").value                                 # a stated derivative
2*x
>>> read_answer(r"\frac{d}{dx}(x^2)").restates                       # the question itself
True
>>> read_answer(r"Ответ: $0.(3)$.").value                            # wrapped, a repeating decimal
1/3
>>> a = read_answer(r"\frac{d}{dx}\sin(x^2) = \cos(x^2) = 2x\cos(x^2)", known={"x"})
>>> a.value, a.steps                                                 # every side of a chain is checked
(2*x*cos(x**2), (cos(x**2),))
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import sympy as sp

from ..calculus.functions import sigmoid
from ..calculus.notation import shown
from ..calculus.parse import FUNCTIONS, ParseError, bracket_depth, check_text, parse_expr_safe
from ..lang import LANGUAGES, phrase
from .characters import GREEK, latin_twins, plain
from .forms import TRANSPOSE, intervals, norms, piecewise_words, transposes
from .habits import glued_calls, labelled_parts, line_rows, spaced_rows
from .labels import known_label
from .latex import latex_to_text
from .layout import closes_at_end, components, matrix_shape, top_level_split
from .numbers import REPEATING, decimal_commas, repeating_value, typed_number, units_apart
from .wrappers import unwrap

MAX_LENGTH = 2000        # characters of one answer
MAX_BRACKETS = 150       # nesting of brackets
MAX_NODES = 2000         # parts of the parsed formula
MAX_COMPONENTS = 100     # of a vector

# heads an answer may contain; anything else (factorial, integrals, sets...) is refused
ALLOWED = (sp.Add, sp.Mul, sp.Pow, sp.Symbol, sp.Number, sp.NumberSymbol, sp.exp, sp.log,
           sp.sin, sp.cos, sp.tan, sp.cot, sp.sec, sp.csc, sp.asin, sp.acos, sp.atan, sp.acot,
           sp.sinh, sp.cosh, sp.tanh, sp.coth, sp.sech, sp.csch, sp.Abs, sp.Max, sp.Min, sp.Heaviside, sp.sign,
           sigmoid, sp.core.numbers.ImaginaryUnit, sp.core.numbers.Infinity, sp.core.numbers.NegativeInfinity,
           # piecewise functions and conditions: cases, H(x), [x > 0], 0 < a < 2
           sp.Piecewise, sp.functions.elementary.piecewise.ExprCondPair, sp.core.relational.Relational,
           sp.And, sp.Or, sp.logic.boolalg.BooleanAtom,
           # sums and products over an index with a bound n: Σ x_i is Sum(x[i], (i, 1, n))
           sp.Sum, sp.Product, sp.Indexed, sp.IndexedBase, sp.Tuple, sp.Idx)
DERIVATIVE = re.compile(r"'|∂|∇|(?<![A-Za-z])(d|delta|Delta)[A-Za-z_0-9]*/(d|delta|Delta)")
# σ'(u) alone: the derivative of σ named, not computed
SIGMA_PRIME_ALONE = re.compile(r"[-+]?(sigmaprime|sigmaprime\((?:[^()]|\([^()]*\))*\))")
SIGMA_PRIME = re.compile(r"\b(sigma|sigmoid)\s*(\^\s*\(\s*'\s*\)|')")
WRITTEN_TRANSPOSE = re.compile(r"\^\s*\{?\s*(\(\s*T\s*\)|T(?![0-9_])|\\top|\\intercal)|ᵀ")
@dataclass(frozen=True)
class Answer:
    """What was written, read: ``value`` is an expression or a tuple of them."""

    text: str
    value: object
    notation: str               # "latex" or "text"
    restates: bool = False      # writes the derivative asked for (d/dx, ∂, a prime), not its value
    is_set: bool = False        # written as a set {…}: order lost
    uses_log10: bool = False    # \lg, \log_{10} or lg(...)
    decimals: tuple = ()        # decimal places typed, per component (None: not a typed decimal)
    steps: tuple = ()           # the other sides of a chain a = b = c, each to be checked too: a whole
                                # value, or (index, value) for a side of one named component
    shape: tuple | None = None  # (rows, columns) of an answer written as a matrix
    notes: tuple = ()           # (phrase key, values) of how something was read, for the verdict
    labels: tuple = ()          # the name written before each component (x = 1, y = 2), when each has one, as
                                # typed; a vector's entries under one name are name#1, name#2 (W = [3 1]); a
                                # scalar's, its one label (L = 5.27)

    @property
    def is_vector(self) -> bool:
        return isinstance(self.value, tuple)


# NumPy's own message of a refused operation, without the name of its error
BROADCAST = re.compile(r"\s*operands could not be broadcast together\b.*", re.S | re.I)


def raised(text: str) -> str:
    """An error and its message, as Python prints it (ValueError: operands could not be broadcast …, the
    last line of a traceback) or as a student explains it (ошибка: формы разные), as the error's name
    alone, for the answer "NumPy refuses it"; NumPy's message alone is a ValueError; any other text
    as it is."""
    if BROADCAST.fullmatch(text):
        return "ValueError"
    lines = [line for line in text.strip().splitlines() if line.strip()]
    said = re.match(r"([^:,]*)[:,](.*)", lines[-1] if lines else "", re.S)    # error: … and error, … alike
    words = {word.strip() for lang in LANGUAGES for word in phrase(lang, "array.fails.words").split(",")}
    return said[1].strip() if said and said[2].strip() and said[1].strip().lower() in words else text


def has_transpose(text) -> bool:
    """The text writes a transpose (Xᵀ, X^T, X^\\top), or a formula has a transposed letter: its
    letters are matrices and vectors."""
    if isinstance(text, sp.Basic):
        return any(not s.is_commutative and s.name.endswith("ᵀ") for s in text.free_symbols)
    return isinstance(text, str) and bool(WRITTEN_TRANSPOSE.search(text))


def read_answer(text: str, *, expected_length: int | None = None, known=None, shorthand=None,
                natural_log: bool = True, russian_notation: bool = True, decimal_comma: bool = True,
                matrices: bool = False, labels=frozenset()) -> Answer:
    """Read ``text``. ``expected_length``: of the reference vector (None: a scalar);
    ``known``: the problem's symbol names (``wx`` is w·x); ``shorthand``: what a bare σ
    is applied to; ``matrices``: letters are matrices and vectors, and Xᵀ is a transpose
    (else a transpose is dropped: wᵀx of numbers is wx); ``labels``: the keys (``answers.labels``) of
    the names of the answer's parts, each a label wherever it stands (the loss = 5.27)."""
    try:
        return _read(text, expected_length, known, shorthand, natural_log, russian_notation, decimal_comma, matrices,
                     labels)
    except ParseError as error:
        if "text" in error.values:              # quote the answer as the student wrote it, not as it was rewritten
            raise ParseError(error.key, **{**error.values, "text": shown(text)}) from None
        raise


def _read(text, expected_length, known, shorthand, natural_log, russian_notation, decimal_comma, matrices,
          problem_labels=frozenset()) -> Answer:
    check_text(text, MAX_LENGTH, "answer")
    body, remark = _remark(unwrap(text), known)
    body, units = units_apart(body, known)
    body, twins = latin_twins(body)
    body = piecewise_words(re.sub(r"(?<!\w)и(?!\w)", " and ", re.sub(r"(?<!\w)или(?!\w)", " or ", body)))
    words = re.findall(r"[А-Яа-яЁё]{3,}", re.sub(r"\\(?:text\w*|mathrm|mbox|operatorname)\s*\{[^{}]*\}", "", body))
    if words:                            # "0,5 верно": words are not read, the answer is a formula (not "о" blamed)
        raise ParseError("words", words=", ".join(words))
    body = glued_calls(spaced_rows(line_rows(plain(body), decimal_comma), decimal_comma), decimal_comma)   # [1 2; 3 4]
    if decimal_comma:
        body = labelled_parts(body)                                      # w₁ = 3, w₂ = 0,2
    if matrices:
        body = re.sub(r"(?<![\w\\])([A-Z])'", r"\1^T", body)         # X' among matrices is Xᵀ (MATLAB's and many texts')
    if bracket_depth(body) > MAX_BRACKETS:
        raise ParseError("answer too deep", most=MAX_BRACKETS)
    body = re.sub(r"^\s*(≈|\\approx|~)", "", body)
    if decimal_comma:
        body = re.sub(r"(?<![\w.])(\d+),(\d*)(\(\d+\))", r"\1.\2\3", body)         # 0,(3): a repeating decimal
    notation = "latex" if re.search(r"\\.|[{}&]", body) else "text"
    uses_log10 = bool(re.search(r"\\lg\b|log_\{?\s*10|\blg\b", body))
    notes = ((("note.twins" if len(twins) > 1 else "note.twin"), {"letters": ", ".join(twins)}),) if twins else ()
    notes += (("note.remark", {"words": remark}),) if remark else ()
    notes += (("note.units", {"units": ", ".join(units)}),) if units else ()
    body, sides, labels, written = _stated_value(body, known, problem_labels)
    if _restates(body, notation):
        return Answer(text, None, notation, restates=True, uses_log10=uses_log10, notes=notes)
    settings = {"notation": notation, "known": known, "shorthand": shorthand, "natural_log": natural_log,
                "russian_notation": russian_notation, "decimal_comma": decimal_comma, "matrices": matrices}
    value, is_vector, is_set, decimals = _value(body, expected_length, settings)
    steps = tuple((side[0], _labelled(_value(side[1], None, settings)[0], labels, value, known)) if isinstance(side, tuple)
                  else _value(side, expected_length, settings)[0] for side in sides)
    notes += _ambiguities(body, notation, known)
    if is_vector and decimal_comma and ";" not in body and re.search(r",\s", body) and re.search(r"\d,\d", body):
        notes += (("note.decimal comma", {"numbers": ", ".join(re.findall(r"\d+,\d+", body))}),)   # (0,5, 1)
    named = written if len(written) == (len(value) if is_vector else 1) and all(written) else ()
    return Answer(text, value, notation, is_set=is_set, uses_log10=uses_log10, decimals=decimals, steps=steps,
                  notes=notes, shape=matrix_shape(body), labels=named)


# "0.0215 (approx)", "0,953 (примерно)": a remark in words after the answer
REMARK = re.compile(r"(.*\S)\s*\(\s*((?:[^\W\d_]{3,}\.?\s*)+)\)\s*", re.S)


def _remark(body: str, known) -> tuple[str, str | None]:
    """(the answer without a trailing remark in brackets, the remark or None): a word of three letters
    or more that names nothing the problem or the reader knows (not (alpha), not (sin), not (wx))."""
    match = REMARK.fullmatch(body)
    if not match or re.search(r"\\[A-Za-z]*$", match[1]):
        return body, None
    names = set(FUNCTIONS) | set(GREEK.values()) | {"sqrt", "exp", "ln", "log", "abs", "lg", "sigma"} | set(known or ())
    words = re.findall(r"[^\W\d_]+", match[2])
    if not all(char.isalpha() for word in words for char in word):
        return body, None                          # (XW₁): a subscript is no letter of a word
    if any(word in names or word.lower() in names or (known and set(word) <= set(known)) for word in words):
        return body, None
    return match[1], f"({match[2].strip()})"


FUNCTION_OF_POWER = re.compile(r"\b(sin|cos|tan|cot|tg|ctg|sinh|cosh|tanh|th|exp|ln|log|sigma)\s+([A-Za-z0-9_.]+)\s*\^\s*"
                               r"(\(\s*[^()]*\)|[A-Za-z0-9.]+)")
GLUED_FUNCTION = re.compile(r"(?<![A-Za-z\\])(sin|cos|tan|cot|tg|ctg|tanh|th|exp|ln|log|sigma)([A-Za-z])(?![A-Za-z(])")
FRACTION_TIMES = re.compile(r"(?<![\w.)])(\d+)\s*/\s*(\d+)\s*([A-Za-z][A-Za-z0-9_]*|\()")


def _ambiguities(body: str, notation: str, known=None) -> tuple:
    """Notes on what could be read two ways, saying how it was read: sin x^2 is sin(x²), 1/2x is x/2,
    sinx (x a name of the problem) is sin(x)."""
    try:
        text = latex_to_text(body) if notation == "latex" else body
    except ParseError:
        return ()
    notes = []
    for match in FUNCTION_OF_POWER.finditer(text):
        power = match[3].strip("() ")
        notes.append(("note.function of power", {"written": match[0].strip(), "read": f"{match[1]}({match[2]}^{power})"}))
    for match in GLUED_FUNCTION.finditer(text):
        if match[2] in (known or ()):
            notes.append(("note.glued function", {"written": match[0], "read": f"{match[1]}({match[2]})"}))
    for match in FRACTION_TIMES.finditer(text):
        notes.append(("note.fraction times", {"written": match[0].strip(), "read": f"({match[1]}/{match[2]})·{match[3]}"}))
    return tuple(notes)


def _value(body, expected_length, settings):
    """(value, is a vector, is a set, decimal places per component) of one formula or vector."""
    parts, is_vector, is_set = components(body, expected_length, settings["decimal_comma"])
    if len(parts) > MAX_COMPONENTS:
        raise ParseError("components", most=MAX_COMPONENTS)
    read = [_read_one(part, **settings) for part in parts]
    value = tuple(expr for expr, _ in read) if is_vector else read[0][0]
    return value, is_vector, is_set, tuple(d for _, d in read)


def _restates(body: str, notation: str) -> bool:
    """The answer writes the derivative asked for (d/dx, ∂, ∇, a prime, σ'(u) alone), not its value."""
    try:
        text = latex_to_text(body) if notation == "latex" else body
    except ParseError:
        text = body
    text = SIGMA_PRIME.sub("sigmaprime", text)
    if SIGMA_PRIME_ALONE.fullmatch(re.sub(r"\s", "", text)):
        return True
    return bool(DERIVATIVE.search(re.sub(r"[\s(){}]", "", text.replace("sigmaprime", ""))))


def _stated_value(body: str, known, labels=frozenset()) -> tuple[str, list, dict, tuple]:
    """A chain ``a = b ≈ c``: (the value graded, the other sides that must equal it, the labels of
    named components, the label written before each component as typed, or ()). A side that names
    what is computed (f'(x), ∂L/∂w, ∇F, y, one of the problem's ``labels``) is a label, not a value;
    a name the problem uses as a variable is not a label (``x = 6x`` states that x is 6x)."""
    body = re.sub(r"\\approx(?![A-Za-z])", "≈", body)
    named = _named_components(body, known, labels)
    if named:
        return named
    sides = _joined_relations(top_level_split(body, "=≈"))
    if len(sides) == 1:
        return body, [], {}, ()
    names = [side.strip() for side in sides if _label(side, known, labels)]
    values = [side for side in sides if not _label(side, known, labels)]
    if any(not side.strip() for side in sides) or not values:
        raise ParseError("statement")
    return values[-1], values[:-1], {}, tuple(names[:1])


def _named_components(body: str, known, problem_labels=frozenset()):
    """x = 1, y = 2 or h_1 = h_2 ≈ 0,953; o_1 = σ(h_2) ≈ 0,722: one component per label, the value
    its chain ends in, the chain's other sides as (component, side) steps, and the labels'
    components (a side may use another component's label: σ(h_2)); None when the body is not a
    list of named values."""
    separators = ";" if re.search(r"(?<!\\);", body) else ","
    parts = top_level_split(body, separators)
    if separators == ";":                     # a = 1; b = 2, c = 3: a comma before a label parts too
        parts = [piece for part in parts for piece in _comma_parts(part, known, problem_labels)]
    if len(parts) < 2:
        return None
    values, steps, names, written = [], [], {}, []
    for part in parts:
        sides = _joined_relations(top_level_split(part, "=≈"))
        labels = 0
        while labels < len(sides) - 1 and (_label(sides[labels], known, problem_labels) or
                                           (not labels and _coordinate(sides[labels], sides[-1]))):
            labels += 1
        if len(sides) < 2 or not all(side.strip() for side in sides):
            return None
        if not labels:                        # −ln 0.1 = 2.303, −ln 0.5 = 0.693: a chain per component, no label,
            if separators == "," and re.search(r"\d,\d", body):
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


def _entries(value: str) -> list[str]:
    """The entries of a bracketed vector or matrix, row after row: [[1, 2], [3, 4]] is 1, 2, 3, 4 (as W = […]
    names W's entries in that order); [] for anything else; one entry for (a + b)."""
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


def _labelled(step, labels: dict, values, known=None):
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
    if _restates(side, notation):
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
    return (name[1] + re.sub(r"[\s_]", "", name[2] or "")) not in names


def _read_one(part, *, notation, known, shorthand, natural_log, russian_notation, decimal_comma, matrices=False):
    """One component: (exact expression, decimal places typed or None)."""
    text = latex_to_text(part, natural_log=natural_log, russian_notation=russian_notation) \
        if notation == "latex" else part
    text = SIGMA_PRIME.sub("sigmaprime", text)
    if known is None or "T" not in {str(k) for k in known}:      # w^T x: a transpose, unless T is a variable
        text = transposes(text) if matrices else TRANSPOSE.sub(" ", text)
    if decimal_comma:
        text = decimal_commas(text)
    text = intervals(norms(text)).replace(";", ",").strip()      # max(0; x): the decimal-comma habit
    if not text:
        raise ParseError("empty component")
    typed = typed_number(text)
    if typed is not None:
        return typed
    text = REPEATING.sub(lambda m: f"({repeating_value(m)})", text)
    expr = parse_expr_safe(text.replace("%", "/100"), symbols=known, shorthand=shorthand, matrices=matrices)
    return evaluate(expr), None


def evaluate(expr):
    """Check a parsed formula holds only what an answer may: allowed heads, bounded size."""
    nodes = 0
    for node in sp.preorder_traversal(expr):
        nodes += 1
        if nodes > MAX_NODES:
            raise ParseError("answer too large", most=MAX_NODES)
        if not isinstance(node, ALLOWED):
            raise ParseError("not in answers", what=type(node).__name__)
    return expr
