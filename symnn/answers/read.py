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
from ..calculus.parse import FUNCTIONS, ParseError, bracket_depth, check_text, parse_expr_safe
from .characters import latin_twins, plain
from .latex import latex_to_text
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
TRANSPOSE = re.compile(r"\^\s*(\(\s*T\s*\)|T)(?![0-9_])")
WRITTEN_TRANSPOSE = re.compile(r"\^\s*\{?\s*(\(\s*T\s*\)|T(?![0-9_])|\\top|\\intercal)|ᵀ")
NUMBER = re.compile(r"[+-]?(\d+(?:\.\d*)?|\.\d+)(?:[eE]([+-]?\d+))?(%?)")
SCIENTIFIC = re.compile(r"([+-]?\d+(?:\.\d*)?)\s*\*\s*10\s*(?:\*\*|\^)\s*\(?\s*([+-]?\d+)\s*\)?")
REPEATING = re.compile(r"(?<![\w.])(\d+)\.(\d*)\((\d+)\)")            # 0.(3), 0.1(6)
CONTINUED = re.compile(r"([+-]?\d+\.\d*?(\d))(\2?)(?:…|\.\.\.)")             # 0.333…, 3.14159...
MULTI_ARGUMENT = ("max", "min", "log", "Max", "Min")


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
    steps: tuple = ()           # the other sides of a chain a = b = c, each to be checked too
    shape: tuple | None = None  # (rows, columns) of an answer written as a matrix
    notes: tuple = ()           # (phrase key, values) of how something was read, for the verdict

    @property
    def is_vector(self) -> bool:
        return isinstance(self.value, tuple)


def has_transpose(text) -> bool:
    """The text writes a transpose (Xᵀ, X^T, X^\\top): its letters are matrices and vectors."""
    return isinstance(text, str) and bool(WRITTEN_TRANSPOSE.search(text))


def read_answer(text: str, *, expected_length: int | None = None, known=None, shorthand=None,
                natural_log: bool = True, russian_notation: bool = True, decimal_comma: bool = True,
                matrices: bool = False) -> Answer:
    """Read ``text``. ``expected_length``: of the reference vector (None: a scalar);
    ``known``: the problem's symbol names (``wx`` is w·x); ``shorthand``: what a bare σ
    is applied to; ``matrices``: letters are matrices and vectors, and Xᵀ is a transpose
    (else a transpose is dropped: wᵀx of numbers is wx)."""
    check_text(text, MAX_LENGTH, "answer")
    body, twins = latin_twins(unwrap(text))
    body = _piecewise_words(re.sub(r"(?<!\w)и(?!\w)", " and ", re.sub(r"(?<!\w)или(?!\w)", " or ", body)))
    body = plain(body)
    if bracket_depth(body) > MAX_BRACKETS:
        raise ParseError("answer too deep", most=MAX_BRACKETS)
    body = re.sub(r"^\s*(≈|\\approx|~)", "", body)
    if decimal_comma:
        body = re.sub(r"(?<![\w.])(\d+),(\d*)(\(\d+\))", r"\1.\2\3", body)         # 0,(3): a repeating decimal
    notation = "latex" if re.search(r"\\.|[{}&]", body) else "text"
    uses_log10 = bool(re.search(r"\\lg\b|log_\{?\s*10|\blg\b", body))
    notes = (("note.twins", {"letters": ", ".join(twins)}),) if twins else ()
    body, sides = _stated_value(body, known)
    if _restates(body, notation):
        return Answer(text, None, notation, restates=True, uses_log10=uses_log10, notes=notes)
    settings = {"notation": notation, "known": known, "shorthand": shorthand, "natural_log": natural_log,
                "russian_notation": russian_notation, "decimal_comma": decimal_comma, "matrices": matrices}
    value, is_vector, is_set, decimals = _value(body, expected_length, settings)
    steps = tuple(_value(side, expected_length, settings)[0] for side in sides)
    notes += _ambiguities(body, notation)
    return Answer(text, value, notation, is_set=is_set, uses_log10=uses_log10, decimals=decimals, steps=steps,
                  notes=notes, shape=_matrix_shape(body))


FUNCTION_OF_POWER = re.compile(r"\b(sin|cos|tan|cot|tg|ctg|sinh|cosh|tanh|th|exp|ln|log|sigma)\s+([A-Za-z0-9_.]+)\s*\^\s*"
                               r"(\(\s*[^()]*\)|[A-Za-z0-9.]+)")
FRACTION_TIMES = re.compile(r"(?<![\w.)])(\d+)\s*/\s*(\d+)\s*([A-Za-z][A-Za-z0-9_]*|\()")


def _ambiguities(body: str, notation: str) -> tuple:
    """Notes on what could be read two ways, saying how it was read: sin x^2 is sin(x²), 1/2x is x/2."""
    try:
        text = latex_to_text(body) if notation == "latex" else body
    except ParseError:
        return ()
    notes = []
    for match in FUNCTION_OF_POWER.finditer(text):
        power = match[3].strip("() ")
        notes.append(("note.function of power", {"written": match[0].strip(), "read": f"{match[1]}({match[2]}^{power})"}))
    for match in FRACTION_TIMES.finditer(text):
        notes.append(("note.fraction times", {"written": match[0].strip(), "read": f"({match[1]}/{match[2]})·{match[3]}"}))
    return tuple(notes)


def _value(body, expected_length, settings):
    """(value, is a vector, is a set, decimal places per component) of one formula or vector."""
    parts, is_vector, is_set = _components(body, expected_length, settings["decimal_comma"])
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


def _stated_value(body: str, known) -> tuple[str, list[str]]:
    """A chain ``a = b = c``: (the value graded, the other sides that must equal it). A side
    that names what is computed (f'(x), ∂L/∂w, ∇F, y) is a label, not a value; a name the
    problem uses as a variable is not a label (``x = 6x`` states that x is 6x)."""
    sides = _joined_relations(_top_level_split(re.sub(r"\\approx\b", "≈", body), "=≈"))
    if len(sides) == 1:
        return body, []
    values = [side for side in sides if not _label(side, known)]
    if any(not side.strip() for side in sides) or not values:
        raise ParseError("statement")
    return values[-1], values[:-1]


CASE_WORDS = re.compile(r"\s+(?:при|if|for|если|when)\s+")
OTHERWISE_WORDS = re.compile(r"\s+(?:иначе|otherwise|else|в остальных случаях)\s*$")


def _piecewise_words(body: str) -> str:
    """1 при x > 0, 0 при x ≤ 0 (or 1 if x > 0, 0 otherwise): piecewise((1, x > 0), (0, x <= 0))."""
    if not CASE_WORDS.search(body) or "\\" in body:
        return body
    pieces = []
    for piece in _top_level_split(body, ",;"):
        value, *condition = CASE_WORDS.split(piece.strip(), maxsplit=1)
        if not condition:
            value, found = OTHERWISE_WORDS.subn("", value)
            if not found:
                return body
            condition = ["otherwise"]
        pieces.append(f"({value.strip()}, {condition[0].strip()})")
    return "piecewise(" + ", ".join(pieces) + ")"


def _joined_relations(sides):
    """Undo a split inside <=, >=, != and ==: they are relations, not the = of a chain."""
    joined = [sides[0]]
    for side in sides[1:]:
        if joined[-1].endswith(("<", ">", "!", "=")) or side.startswith("="):
            joined[-1] += "=" + side
        else:
            joined.append(side)
    return joined


def _label(side: str, known) -> bool:
    """The side names a quantity (f'(x), MSE, grad F, ∇F, ŷ) rather than giving a value."""
    notation = "latex" if re.search(r"\\.|[{}]", side) else "text"
    if _restates(side, notation):
        return True
    try:
        text = latex_to_text(side) if notation == "latex" else side
    except ParseError:
        return False
    name = re.fullmatch(r"\s*(?:grad\s*|∇\s*)?([A-Za-z]+)\s*(_\s*\w+)?\s*(\(.*\))?\s*'*\s*", text)
    if not name:
        return False
    if name[1] in FUNCTIONS or name[1] in ("sqrt", "exp", "ln", "log"):
        return False                               # cos(x^2) is a value, not a name
    names = {re.sub(r"[_{}]", "", k) for k in (known or ())}
    return (name[1] + re.sub(r"[\s_]", "", name[2] or "")) not in names


def _matrix_shape(body: str):
    """(rows, columns) when the answer is written as a matrix of several rows and columns, else None."""
    text = re.sub(r"\\left\s*[(\[]|\\right\s*[)\]]", lambda m: m[0][-1], body.strip())
    text = re.sub(r"^[\[(]\s*(\\begin\{([pbB]?matrix)\}.*\\end\{\2\})\s*[\])]$", r"\1", text, flags=re.S)
    matrix = re.fullmatch(r"\\begin\{([pbB]?matrix)\}(.*)\\end\{\1\}", text, flags=re.S)
    if matrix:
        rows = [row.split("&") for row in matrix[2].split(r"\\") if row.strip()]
    elif text[:1] in "([" and _closes_at_end(text) and \
            all(_is_bracketed_list(row.strip()) for row in _top_level_split(text[1:-1], ",;")):
        rows = [_top_level_split(row.strip()[1:-1], ",;") for row in _top_level_split(text[1:-1], ",;")]
    else:
        return None
    shape = (len(rows), max(len(row) for row in rows)) if rows else None
    return shape if shape and min(shape) > 1 else None


def _components(body: str, expected_length, decimal_comma):
    """(parts, is_vector, is_set): brackets, pmatrix, a set, angle brackets, a transposed
    vector, or commas alone where a vector is expected; a 1×1 matrix is its entry."""
    text = re.sub(r"\\left\s*([(\[|.]|\\\{|\\langle)|\\right\s*([)\]|.]|\\\}|\\rangle)",
                  lambda m: (m[1] or m[2]).replace(".", ""), body.strip())
    text = re.sub(r"\\(langle|rangle)", lambda m: "(" if m[1] == "langle" else ")", text)
    if expected_length is not None:
        text = re.sub(r"(\)|\]|\\end\{[pbBv]?matrix\})\s*\^\s*(\{\s*(T|\\top)\s*\}|T|\\top)\s*$", r"\1", text)
    text = re.sub(r"^[\[(]\s*(\\begin\{([pbB]?matrix)\}.*\\end\{\2\})\s*[\])]$", r"\1", text, flags=re.S)   # [matrix]
    row = re.fullmatch(r"\[\s*([+-]?\d+\.?\d*(?:[eE][+-]?\d+)?(?:\s+[+-]?\d+\.?\d*(?:[eE][+-]?\d+)?)+)\s*\]", text)
    if row:
        return row[1].split(), True, False                                  # [60. -162. 1.]: as NumPy prints it
    matrix = re.fullmatch(r"\\begin\{([pbB]?matrix)\}(.*)\\end\{\1\}", text, flags=re.S)
    if re.search(r"\\begin\{vmatrix\}", text):
        raise ParseError("vmatrix")
    if matrix:
        cells = [c for row in matrix[2].split(r"\\") for c in row.split("&") if c.strip()]
        return cells, len(cells) != 1 or expected_length is not None, False
    if text.startswith(r"\{") and text.endswith(r"\}"):
        return _split(text[2:-2], expected_length, decimal_comma), True, True
    if text.startswith("<") and text.endswith(">"):
        text = "(" + text[1:-1] + ")"
    if text[:1] == "[" and re.search(r"[<>]|\\[lg]e|\\[lg]eq", text):
        return [text], False, False                                         # [x > 0]: Iverson's bracket
    if text[:1] in "([" and _closes_at_end(text):
        inner = text[1:-1]
        rows = _top_level_split(inner, ",;")
        if all(_is_bracketed_list(row.strip()) for row in rows):          # [[1, 2], [3, 4]]: row by row
            cells = [c for row in rows for c in _top_level_split(row.strip()[1:-1], ",;")]
            return cells, len(cells) != 1 or expected_length is not None, False
        parts = _split(inner, expected_length, decimal_comma)
        if len(parts) == 2 and not parts[1].strip():
            return parts[:1], expected_length is not None, False           # (σ(9),): a vector of one, as Python prints it
        if len(parts) > 1 or (expected_length is not None and text[0] == "["):
            return parts, True, False
        if text[0] == "[":
            return parts, False, False                                      # [5]: a 1×1 matrix is its entry
    parts = _split(text, expected_length, decimal_comma)
    return parts, len(parts) > 1, False


def _split(body, expected_length, decimal_comma):
    """The components of a vector written without brackets, minding decimal commas."""
    if re.search(r"(?<!\\);", body):
        return _top_level_split(body, ";")
    parts = _top_level_split(body, ",")
    if len(parts) == 1 or not decimal_comma:
        return parts
    if expected_length is None and len(parts) == 2 and parts[0][-1:].isdigit() and parts[1][:1].isdigit():
        return [body]                                                       # 0,5 and 0,5x: a decimal comma
    if (expected_length and len(parts) == 2 * expected_length
            and all(re.fullmatch(r"\s*[+-]?\d+", a) and re.fullmatch(r"\d+\s*", b)
                    for a, b in zip(parts[::2], parts[1::2]))):
        return [f"{a},{b}" for a, b in zip(parts[::2], parts[1::2])]       # (0,5, 1,2)
    return parts


def _is_bracketed_list(text) -> bool:
    return text[:1] in "([" and _closes_at_end(text)


def _closes_at_end(text) -> bool:
    """True when the bracket that opens text closes at its last character."""
    depth = 0
    for i, char in enumerate(text):
        depth += char in "([{"
        depth -= char in ")]}"
        if depth == 0:
            return i == len(text) - 1
    return False


def _top_level_split(text, separators):
    """Split at separators outside brackets, braces and environments."""
    parts, depth, start = [], 0, 0
    for i, char in enumerate(text):
        depth += char in "([{" or text.startswith("\\begin{", i)
        depth -= char in ")]}" or text.startswith("\\end{", i)
        if depth == 0 and char in separators and not (char == "," and text[i - 1:i] == "\\"):
            parts.append(text[start:i])
            start = i + 1
    return parts + [text[start:]]


def _read_one(part, *, notation, known, shorthand, natural_log, russian_notation, decimal_comma, matrices=False):
    """One component: (exact expression, decimal places typed or None)."""
    text = latex_to_text(part, natural_log=natural_log, russian_notation=russian_notation) \
        if notation == "latex" else part
    text = SIGMA_PRIME.sub("sigmaprime", text)
    if known is None or "T" not in {str(k) for k in known}:      # w^T x: a transpose, unless T is a variable
        text = _transposes(text) if matrices else TRANSPOSE.sub(" ", text)
    if decimal_comma:
        text = _decimal_commas(text)
    text = _intervals(_norms(text)).replace(";", ",").strip()      # max(0; x): the decimal-comma habit
    if not text:
        raise ParseError("empty component")
    typed = _typed_number(text)
    if typed is not None:
        return typed
    text = REPEATING.sub(lambda m: f"({_repeating(m)})", text)
    expr = parse_expr_safe(text.replace("%", "/100"), symbols=known, shorthand=shorthand, matrices=matrices)
    return evaluate(expr), None


INTERVAL = re.compile(r"([\[(])\s*([^,;()\[\]]+?)\s*[,;]\s*([^,;()\[\]]+?)\s*([\])])")
MEMBERSHIP = re.compile(r"([A-Za-z_]\w*)\s+in\s+(interval_\w+\([^()]*\)(?:\s*∪\s*interval_\w+\([^()]*\))*)")


def _intervals(text: str) -> str:
    """a ∈ (0; 2] is a in interval_oc(0, 2); a ∈ I ∪ J is (a in I) or (a in J)."""
    if not re.search(r"\bin\b", text):
        return text
    text = re.sub(r"\bin\s*" + INTERVAL.pattern, lambda m: "in interval_" + ("c" if m[1] == "[" else "o") +
                  ("c" if m[4] == "]" else "o") + f"({m[2]}, {m[3]})", text)
    text = re.sub(r"∪\s*" + INTERVAL.pattern, lambda m: "∪ interval_" + ("c" if m[1] == "[" else "o") +
                  ("c" if m[4] == "]" else "o") + f"({m[2]}, {m[3]})", text)
    return MEMBERSHIP.sub(lambda m: "(" + " or ".join(f"({m[1]} in {i.strip()})" for i in m[2].split("∪")) + ")", text)


def _norms(text: str) -> str:
    """‖w‖, ‖w‖₂ and ||w|| of a scalar are |w|; the norm's index is dropped."""
    text = re.sub(r"\|\|", "‖", text)
    previous = None
    while previous != text:
        previous = text
        text = re.sub(r"‖([^‖]*)‖(\s*_\s*\(?\s*[0-9A-Za-z]\s*\)?\s*)?", r"abs(\1)", text, count=1)
    if "‖" in text:
        raise ParseError("lone norm")
    return text


def _transposes(text: str) -> str:
    """Aᵀ and (Xw)ᵀ, written A^(T) and (Xw)^(T), as transpose(A) and transpose(Xw)."""
    while match := TRANSPOSE.search(text):
        end = len(text[:match.start()].rstrip())
        if text[end - 1:end] in (")", "]"):
            depth, start = 0, end - 1
            while start >= 0:
                depth += text[start] in ")]"
                depth -= text[start] in "(["
                if depth == 0:
                    break
                start -= 1
        else:
            name = re.search(r"[A-Za-z][A-Za-z0-9_]*$", text[:end])
            start = name.start() if name else -1
        if start < 0:
            raise ParseError("transpose operand")
        text = f"{text[:start]} transpose({text[start:end]}) {text[match.end():]}"
    return text


def _decimal_commas(text: str) -> str:
    """0,5 -> 0.5, except between the arguments of max, min and log."""
    out, stack = [], []
    for i, char in enumerate(text):
        if char == "(":
            word = re.search(r"([A-Za-z]+)\s*$", text[:i])
            stack.append(word[1] if word else "")
        elif char == ")" and stack:
            stack.pop()
        if (char == "," and 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit()
                and not (stack and stack[-1] in MULTI_ARGUMENT)):
            char = "."
        out.append(char)
    return "".join(out)


def _repeating(match) -> sp.Rational:
    """0.1(6) = 1/6: the whole part, the digits before the period, and the period."""
    whole, head, period = match[1], match[2], match[3]
    return sp.Rational(whole + "." + (head or "0")) if not period.strip("0") else \
        sp.Rational(int(whole + head + period) - int(whole + head), (10 ** len(period) - 1) * 10 ** len(head))


def _typed_number(text: str):
    """A number as typed (12.50, 3e-4, 95.26 %, 1.5·10^-3, 0.(3), 0.333…): (exact value, decimal
    places), or None. A decimal that goes on (…) repeats its last digit when typed twice (0.1666…
    is 1/6), else it is the decimal as far as it was typed."""
    text = text.replace(" ", "")
    sign = -1 if text.startswith("-") else 1
    repeating = REPEATING.fullmatch(text.lstrip("+-"))
    if repeating:
        return sign * _repeating(repeating), None
    continued = CONTINUED.fullmatch(text)
    if continued:
        if continued[3]:
            digits = continued[1].lstrip("+-")
            whole, _, tail = digits.partition(".")
            value = _repeating(re.match(r"(\d+)\.(\d*)\((\d+)\)", f"{whole}.{tail[:-1]}({tail[-1]})"))
            return sign * value, None
        text = continued[1]
    scientific = SCIENTIFIC.fullmatch(text)
    if scientific:
        text = f"{scientific[1]}e{scientific[2]}"
    match = NUMBER.fullmatch(text)
    if not match:
        return None
    mantissa = match[1]
    exponent = int(match[2] or 0) - (2 if match[3] else 0)
    if abs(exponent) > 400:
        raise ParseError("number range")
    places = len(mantissa.partition(".")[2]) - exponent
    value = sp.Rational(mantissa) * sp.Rational(10) ** exponent * (-1 if text.startswith("-") else 1)
    return value, places if "." in mantissa or exponent else None


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
