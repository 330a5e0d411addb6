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
from ..calculus.transpose import Determinant
from ..lang import LANGUAGES, phrase
from .characters import GREEK, latin_twins, plain
from .determinants import FUNCTIONS as DETERMINANT_CALLS
from .determinants import determinant_calls, determinants
from .entries import diagonal_forms, softmax_entries, whole_vectors
from .forms import TRANSPOSE, intervals, norms, piecewise_words, transposes
from .habits import colon_labels, glued_calls, grouped_digits, labelled_parts, line_rows, spaced_numbers, spaced_rows
from .latex import latex_to_text
from .layout import components, matrix_shape
from .numbers import REPEATING, decimal_comma_numbers, decimal_commas, repeating_value, typed_number, units_apart
from .statements import SIGMA_PRIME, labelled_side, restates, stated_value
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
           sp.Sum, sp.Product, sp.Indexed, sp.IndexedBase, sp.Tuple, sp.Idx, Determinant)
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
    label: str = ""             # the name written before a whole vector, as typed (x_1 = (0.49, 0.25))

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
                matrices: bool = False, labels=frozenset(), groups=None) -> Answer:
    """Read ``text``. ``expected_length``: of the reference vector (None: a scalar);
    ``known``: the problem's symbol names (``wx`` is w·x); ``shorthand``: what a bare σ
    is applied to; ``matrices``: letters are matrices and vectors, and Xᵀ is a transpose
    (else a transpose is dropped: wᵀx of numbers is wx); ``labels``: the keys (``answers.labels``) of
    the names of the answer's parts, each a label wherever it stands (the loss = 5.27); ``groups``: the keys of the
    names of groups of parts, with the name each stands for (``answers.labels.group_keys``)."""
    try:
        return _read(text, expected_length, known, shorthand, natural_log, russian_notation, decimal_comma, matrices,
                     labels, groups)
    except ParseError as error:
        if "text" in error.values:              # quote the answer as the student wrote it, not as it was rewritten
            raise ParseError(error.key, **{**error.values, "text": shown(text)}) from None
        raise


def _read(text, expected_length, known, shorthand, natural_log, russian_notation, decimal_comma, matrices,
          problem_labels=frozenset(), groups=None) -> Answer:
    check_text(text, MAX_LENGTH, "answer")
    body, remark = _remark(unwrap(text), known)
    body = colon_labels(body, groups or {})          # Метод Нестерова: (0,9; 0); …: a group's name, as its own (nesterov)
    body, units = units_apart(body, known)
    body, twins = latin_twins(body)
    body = piecewise_words(re.sub(r"(?<!\w)и(?!\w)", " and ", re.sub(r"(?<!\w)или(?!\w)", " or ", body)))
    words = re.findall(r"[А-Яа-яЁё]{3,}", re.sub(r"\\(?:text\w*|mathrm|mbox|operatorname)\s*\{[^{}]*\}", "", body))
    if words:                            # "0,5 верно": words are not read, the answer is a formula (not "о" blamed)
        raise ParseError("words", words=", ".join(words))
    body = spaced_numbers(plain(grouped_digits(body)), expected_length, decimal_comma)             # 0 1 1 0 of a vector of four
    body = glued_calls(spaced_rows(line_rows(body, decimal_comma), decimal_comma), decimal_comma)   # [1 2; 3 4]
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
    compared = COMPARED.fullmatch(body) if expected_length is None else None
    if compared:                          # 0.0452 < 0.25: the value found, compared with one the statement gives
        body, notes = compared[1], notes + (("note.comparison", {"value": compared[1].strip(), "other": compared[2]}),)
    notes += (("note.units", {"units": ", ".join(units)}),) if units else ()
    body, sides, labels, written = stated_value(body, known, problem_labels, expected_length)
    if restates(body, notation):
        return Answer(text, None, notation, restates=True, uses_log10=uses_log10, notes=notes)
    vectors = {m[1] for name in (known or ()) if expected_length for m in [re.fullmatch(r"([A-Za-z]+)_?\d+", str(name))] if m}
    settings = {"notation": notation, "known": known, "shorthand": shorthand, "natural_log": natural_log,
                "russian_notation": russian_notation, "decimal_comma": decimal_comma, "matrices": matrices,
                "vectors": frozenset(vectors) - set(map(str, known or ()))}      # s of s_1, s_2: s − onehot(1) is a vector
    value, is_vector, is_set, decimals = _value(body, expected_length, settings)
    steps = tuple((side[0], labelled_side(_value(side[1], None, settings)[0], labels, value, known)) if isinstance(side, tuple)
                  else _value(side, expected_length, settings)[0] for side in sides)
    notes += _ambiguities(body, notation, known)
    if is_vector and decimal_comma and ";" not in body and re.search(r",\s", body) and decimal_comma_numbers(body):
        notes += (("note.decimal comma", {"numbers": ", ".join(decimal_comma_numbers(body))}),)   # (0,5, 1)
    named = written if len(written) == (len(value) if is_vector else 1) and all(written) else ()
    whole = written[0] if is_vector and len(written) == 1 and not named else ""
    return Answer(text, value, notation, is_set=is_set, uses_log10=uses_log10, decimals=decimals, steps=steps,
                  notes=notes, shape=matrix_shape(body), labels=named, label=whole)


# a number compared with another, as a problem that says "compare it with σ′(0) = 0.25" is answered
COMPARED = re.compile(r"\s*([-+−]?\d+(?:[.,]\d+)?\s*)((?:<|>|<=|>=|≤|≥|\\[lg]e?q?)\s*[-+−]?\d+(?:[.,]\d+)?)\s*")


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
GLUED_FUNCTION = re.compile(r"(?<![A-Za-z\\])(sin|cos|tan|cot|tg|ctg|tanh|th|exp|ln|log|sigma)([A-Za-z])(?![A-Za-z(]|\s*(?:\^\s*\(?\d+\)?\s*)?\()")       # tanh(u), tanh²(u): the function
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
    if not is_vector and isinstance(read[0][0], tuple):         # (1 − 0.5)·(1, 2): a vector worked out, its entries
        read, is_vector = [(entry, None) for entry in read[0][0]], True
    value = tuple(expr for expr, _ in read) if is_vector else read[0][0]
    return value, is_vector, is_set, tuple(d for _, d in read)


def _read_one(part, *, notation, known, shorthand, natural_log, russian_notation, decimal_comma, matrices=False,
              vectors=frozenset()):
    """One component: (exact expression, decimal places typed or None); ``vectors``: the letters of the vectors of
    a vector answer (s of s_1, s_2, …), which s − onehot(1) writes whole."""
    text = latex_to_text(part, natural_log=natural_log, russian_notation=russian_notation) \
        if notation == "latex" else part
    text = whole_vectors(text, vectors)                                               # s − onehot(1): s_j − onehot(1)_j
    text = softmax_entries(SIGMA_PRIME.sub("sigmaprime", diagonal_forms(text)))     # softmax(o)_j, diag(s) − ssᵀ: entries
    if known is None or "T" not in {str(k) for k in known}:      # w^T x: a transpose, unless T is a variable
        text = transposes(text, known) if matrices else TRANSPOSE.sub(" ", text)
    if decimal_comma:
        text = decimal_commas(text)
    text = intervals(norms(text)).replace(";", ",").strip()      # max(0; x): the decimal-comma habit
    if not text:
        raise ParseError("empty component")
    typed = typed_number(text)
    if typed is not None:
        return typed
    text = REPEATING.sub(lambda m: f"({repeating_value(m)})", text)
    if matrices:                                                 # det X of a matrix letter: det(X), a number
        text = determinant_calls(text)
    expr = parse_expr_safe(text.replace("%", "/100"), DETERMINANT_CALLS if matrices else (), symbols=known,
                           shorthand=shorthand, matrices=matrices, vectors=True)
    expr = determinants(expr) if matrices and not isinstance(expr, tuple) else expr
    return (tuple(map(evaluate, expr)) if isinstance(expr, tuple) else evaluate(expr)), None


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
