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
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import sympy as sp

from ..calculus.functions import sigmoid
from ..calculus.parse import ParseError, bracket_depth, check_text, parse_expr_safe
from .characters import plain
from .latex import latex_to_text

MAX_LENGTH = 2000        # characters of one answer
MAX_BRACKETS = 150       # nesting of brackets
MAX_NODES = 2000         # parts of the parsed formula
MAX_COMPONENTS = 100     # of a vector

# heads an answer may contain; anything else (factorial, integrals, sets...) is refused
ALLOWED = (sp.Add, sp.Mul, sp.Pow, sp.Symbol, sp.Number, sp.NumberSymbol, sp.exp, sp.log,
           sp.sin, sp.cos, sp.tan, sp.cot, sp.sec, sp.csc, sp.asin, sp.acos, sp.atan, sp.acot,
           sp.sinh, sp.cosh, sp.tanh, sp.coth, sp.sech, sp.csch, sp.Abs, sp.Max, sp.Min, sp.Heaviside, sp.sign,
           sigmoid, sp.core.numbers.ImaginaryUnit, sp.core.numbers.Infinity, sp.core.numbers.NegativeInfinity)
DERIVATIVE = re.compile(r"'|∂|(?<![A-Za-z])(d|delta|Delta)[A-Za-z_0-9]*/(d|delta|Delta)")
SIGMA_PRIME = re.compile(r"\b(sigma|sigmoid)\s*(\^\s*\(\s*'\s*\)|')")
TRANSPOSE = re.compile(r"\^\s*(\(\s*T\s*\)|T)(?![A-Za-z0-9_])")
NUMBER = re.compile(r"[+-]?(\d+(?:\.\d*)?|\.\d+)(?:[eE]([+-]?\d+))?(%?)")
SCIENTIFIC = re.compile(r"([+-]?\d+(?:\.\d*)?)\s*\*\s*10\s*\*\*\s*\(?\s*([+-]?\d+)\s*\)?")
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

    @property
    def is_vector(self) -> bool:
        return isinstance(self.value, tuple)


def read_answer(text: str, *, expected_length: int | None = None, known=None, shorthand=None,
                natural_log: bool = True, russian_notation: bool = True, decimal_comma: bool = True) -> Answer:
    """Read ``text``. ``expected_length``: of the reference vector (None: a scalar);
    ``known``: the problem's symbol names (``wx`` is w·x); ``shorthand``: what a bare σ
    is applied to."""
    check_text(text, MAX_LENGTH, "answer")
    body = plain(text)
    if bracket_depth(body) > MAX_BRACKETS:
        raise ParseError(f"the answer is nested too deeply (at most {MAX_BRACKETS} brackets)")
    body = _stated_value(re.sub(r"^\s*(≈|\\approx|~)", "", body))
    notation = "latex" if re.search(r"\\.|[{}&]", body) else "text"
    uses_log10 = bool(re.search(r"\\lg\b|log_\{?\s*10|\blg\b", body))
    if _restates(body, notation):
        return Answer(text, None, notation, restates=True, uses_log10=uses_log10)
    parts, is_vector, is_set = _components(body, expected_length, decimal_comma)
    if len(parts) > MAX_COMPONENTS:
        raise ParseError(f"the answer has more than {MAX_COMPONENTS} components")
    settings = {"notation": notation, "known": known, "shorthand": shorthand, "natural_log": natural_log,
                "russian_notation": russian_notation, "decimal_comma": decimal_comma}
    read = [_read_one(part, **settings) for part in parts]
    value = tuple(expr for expr, _ in read) if is_vector else read[0][0]
    return Answer(text, value, notation, False, is_set, uses_log10, tuple(d for _, d in read))


def _restates(body: str, notation: str) -> bool:
    try:
        text = latex_to_text(body) if notation == "latex" else body
    except ParseError:
        text = body
    text = SIGMA_PRIME.sub("sigmaprime", text)
    return bool(DERIVATIVE.search(re.sub(r"[\s(){}]", "", text)))


def _stated_value(body: str) -> str:
    """``f'(x) = 2x`` and ``\\frac{d}{dx}(x^2) = 2x`` are graded on their last side; a chain
    ``a = b = c`` on its last part, when every side before it names what is computed."""
    sides = _top_level_split(body, "=")
    if len(sides) == 1:
        return body
    for side in sides[:-1]:
        if not side.strip() or not (_restates(side, "latex" if "\\" in side else "text")
                                    or re.fullmatch(r"\s*\\?[A-Za-z][\w{}\\^]*\s*(\(.*\))?\s*'*\s*", side)):
            raise ParseError("write the answer alone, or as one statement such as f'(x) = ...")
    return sides[-1]


def _components(body: str, expected_length, decimal_comma):
    """(parts, is_vector, is_set): brackets, pmatrix, a set, angle brackets, a transposed
    vector, or commas alone where a vector is expected; a 1×1 matrix is its entry."""
    text = re.sub(r"\\left\s*([(\[|.]|\\\{|\\langle)|\\right\s*([)\]|.]|\\\}|\\rangle)",
                  lambda m: (m[1] or m[2]).replace(".", ""), body.strip())
    text = re.sub(r"\\(langle|rangle)", lambda m: "(" if m[1] == "langle" else ")", text)
    if expected_length is not None:
        text = re.sub(r"(\)|\]|\\end\{[pbBv]?matrix\})\s*\^\s*(\{\s*(T|\\top)\s*\}|T|\\top)\s*$", r"\1", text)
    matrix = re.fullmatch(r"\\begin\{([pbB]?matrix)\}(.*)\\end\{\1\}", text, flags=re.S)
    if re.search(r"\\begin\{vmatrix\}", text):
        raise ParseError("a vmatrix is a determinant; write a vector as (a, b) or with pmatrix")
    if matrix:
        cells = [c for row in matrix[2].split(r"\\") for c in row.split("&") if c.strip()]
        return cells, len(cells) != 1 or expected_length is not None, False
    if text.startswith(r"\{") and text.endswith(r"\}"):
        return _split(text[2:-2], expected_length, decimal_comma), True, True
    if text.startswith("<") and text.endswith(">"):
        text = "(" + text[1:-1] + ")"
    if text[:1] in "([" and _closes_at_end(text):
        inner = text[1:-1]
        rows = _top_level_split(inner, ",;")
        if all(_is_bracketed_list(row.strip()) for row in rows):          # [[1, 2], [3, 4]]: row by row
            cells = [c for row in rows for c in _top_level_split(row.strip()[1:-1], ",;")]
            return cells, len(cells) != 1 or expected_length is not None, False
        parts = _split(inner, expected_length, decimal_comma)
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
    if expected_length is None and all(a[-1:].isdigit() and b[:1].isdigit() for a, b in zip(parts, parts[1:])):
        return [body]                                                       # 0,5 and 0,5x: decimal commas
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
    parts, depth, start = [], 0, 0
    for i, char in enumerate(text):
        depth += char in "([{"
        depth -= char in ")]}"
        if depth == 0 and char in separators and not (char == "," and text[i - 1:i] == "\\"):
            parts.append(text[start:i])
            start = i + 1
    return parts + [text[start:]]


def _read_one(part, *, notation, known, shorthand, natural_log, russian_notation, decimal_comma):
    """One component: (exact expression, decimal places typed or None)."""
    text = latex_to_text(part, natural_log=natural_log, russian_notation=russian_notation) \
        if notation == "latex" else part
    text = SIGMA_PRIME.sub("sigmaprime", text)
    if known is None or "T" not in {str(k) for k in known}:
        text = TRANSPOSE.sub("", text)                 # w^T x: a transpose, unless T is a variable
    if decimal_comma:
        text = _decimal_commas(text)
    text = text.strip()
    if not text:
        raise ParseError("a component of the answer is empty")
    typed = _typed_number(text)
    if typed is not None:
        return typed
    expr = parse_expr_safe(text.replace("%", "/100"), symbols=known, shorthand=shorthand)
    return evaluate(expr), None


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


def _typed_number(text: str):
    """A number as typed (12.50, 3e-4, 95.26 %, 1.5·10^-3): (exact value, decimal places), or None."""
    text = text.replace(" ", "")
    scientific = SCIENTIFIC.fullmatch(text)
    if scientific:
        text = f"{scientific[1]}e{scientific[2]}"
    match = NUMBER.fullmatch(text)
    if not match:
        return None
    mantissa = match[1]
    exponent = int(match[2] or 0) - (2 if match[3] else 0)
    if abs(exponent) > 400:
        raise ParseError("the number is too large or too small to work with exactly")
    places = len(mantissa.partition(".")[2]) - exponent
    value = sp.Rational(mantissa) * sp.Rational(10) ** exponent * (-1 if text.startswith("-") else 1)
    return value, places if "." in mantissa or exponent else None


def evaluate(expr):
    """Check a parsed formula holds only what an answer may: allowed heads, bounded size."""
    nodes = 0
    for node in sp.preorder_traversal(expr):
        nodes += 1
        if nodes > MAX_NODES:
            raise ParseError(f"the answer is too large (at most {MAX_NODES} parts)")
        if not isinstance(node, ALLOWED):
            raise ParseError(f"{type(node).__name__} is not allowed in an answer")
    return expr
