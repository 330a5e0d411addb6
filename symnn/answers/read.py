"""Reading a student's answer: LaTeX or plain text, a number, a formula or a vector.

Untrusted text never reaches ``eval``, ``sympify`` or ``parse_expr``: plain text
goes through symnn's whitelist parser, LaTeX through latex2sympy2 (a grammar,
no code). Size, nesting and number sizes are bounded before anything is
evaluated, so ``10^{10^{10^{10}}}`` is refused at once.

>>> read_answer("0,9526").value                 # decimal comma
0.952600000000000
>>> read_answer(r"\\left(60; -162; 1\\right)").value
(60, -162, 1)
>>> read_answer(r"\\sigma'(x)").restates      # a prime restates the question
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import sympy as sp

from ..calculus.functions import sigmoid
from ..calculus.parse import MAX_EXPONENT, ParseError, check_text, parse_expr_safe
from .latex import read_latex

MAX_LENGTH = 2000        # characters of one answer
MAX_BRACKETS = 25        # nesting of brackets, checked before parsing (the LaTeX parser is slow on deep input)
MAX_NODES = 2000         # parts of the parsed formula
MAX_COMPONENTS = 100     # of a vector

# heads an answer may contain; anything else (factorial, integrals, sets...) is refused
ALLOWED = (sp.Add, sp.Mul, sp.Pow, sp.Symbol, sp.Number, sp.NumberSymbol, sp.exp, sp.log,
           sp.sin, sp.cos, sp.tan, sp.cot, sp.sec, sp.csc, sp.asin, sp.acos, sp.atan, sp.acot,
           sp.sinh, sp.cosh, sp.tanh, sp.coth, sp.Abs, sp.Max, sp.Min, sp.Heaviside, sp.sign,
           sigmoid, sp.Derivative, sp.Tuple, sp.core.numbers.ImaginaryUnit)
RESTATES = re.compile(r"'|\\prime|\\partial|∂|\\frac\s*\{\s*d\s*\}|\bd\s*/\s*d[a-z]")
TRANSPOSE = re.compile(r"\^\s*(\{\s*(T|\\top)\s*\}|T(?![A-Za-z])|\\top)")   # w^T: a transpose, not a power
DECIMAL_COMMA = re.compile(r"^\s*-?\d+,\d+\s*$")
OPENERS = {"(": ")", "[": "]", "{": "}"}


@dataclass(frozen=True)
class Answer:
    """What a student wrote, read: ``value`` is an expression or a tuple of them."""

    text: str
    value: object
    notation: str               # "latex" or "text"
    restates: bool = False      # contains a prime or a ∂: the question, not an answer
    is_set: bool = False        # written as a set {…}: order lost
    uses_log10: bool = False    # \lg, \log_{10} or lg(...)
    decimals: tuple = ()        # decimal places typed, per component (None: not a decimal)

    @property
    def is_vector(self) -> bool:
        return isinstance(self.value, tuple)


def read_answer(text: str, *, expected_length: int | None = None, natural_log: bool = True,
                russian_notation: bool = True, decimal_comma: bool = True) -> Answer:
    """Read ``text``; ``expected_length`` (of the reference vector) resolves ``(0,5, 1,2)``."""
    _check_bounds(text)
    restates = restates_question(text)
    uses_log10 = bool(re.search(r"\\lg|log_\{?10|\blg\s*\(", text))
    notation = "latex" if "\\" in text or "{" in text else "text"
    body, is_vector, is_set = _unwrap(text.strip())
    if is_vector:
        parts = _split_components(body, expected_length, decimal_comma)
        if len(parts) > MAX_COMPONENTS:
            raise ParseError(f"the answer has more than {MAX_COMPONENTS} components")
        read = [_read_one(p, notation, natural_log, russian_notation, decimal_comma) for p in parts]
        value = tuple(expr for expr, _ in read)
    else:
        read = [_read_one(body, notation, natural_log, russian_notation, decimal_comma)]
        value = read[0][0]
    return Answer(text, value, notation, restates, is_set, uses_log10, tuple(d for _, d in read))


def restates_question(text: str) -> bool:
    """A prime or a ∂ in the answer: it writes the derivative asked for, not its value.

    Checked on the text, since latex2sympy2 silently drops primes: σ'(x) reads as σ(x).
    """
    return bool(RESTATES.search(text))


def _check_bounds(text) -> None:
    check_text(text, MAX_LENGTH, "answer")
    depth = deepest = 0
    for char in text:
        if char in "([{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in ")]}":
            depth -= 1
    if deepest > MAX_BRACKETS:
        raise ParseError(f"the answer is nested too deeply (at most {MAX_BRACKETS} brackets)")


def _unwrap(text):
    """'(a, b)', '[a; b]', '[[a, b], [c, d]]', '\\begin{pmatrix}a\\\\b\\end{pmatrix}' -> body, is_vector, is_set
    (a matrix is read row by row, as a vector of its entries)."""
    text = re.sub(r"\\left\s*([(\[]|\\\{)", r"\1", text)
    text = re.sub(r"\\right\s*([)\]]|\\\})", r"\1", text)
    matrix = re.fullmatch(r"\\begin\{([pbv]?matrix)\}(.*)\\end\{\1\}", text, flags=re.S)
    if matrix:
        cells = [c for row in matrix[2].split(r"\\") for c in row.split("&") if c.strip()]
        return ";".join(cells), True, False
    if text.startswith(r"\{") and text.endswith(r"\}"):
        return text[2:-2], True, True
    if text[:1] in "([" and _closes_at_end(text):
        inner = text[1:-1]
        rows = _top_level_split(inner, ",;")
        if rows != [inner]:
            if all(_is_bracketed_list(row.strip()) for row in rows):   # [[1, 2], [3, 4]]: row by row
                return ";".join(cell for row in rows for cell in _top_level_split(row.strip()[1:-1], ",;")), True, False
            return inner, True, False
    return text, False, False


def _is_bracketed_list(text) -> bool:
    return text[:1] in "([" and _closes_at_end(text) and _top_level_split(text[1:-1], ",;") != [text[1:-1]]


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
        if depth == 0 and char in separators:
            parts.append(text[start:i])
            start = i + 1
    return parts + [text[start:]]


def _split_components(body, expected_length, decimal_comma):
    if ";" in body:
        return _top_level_split(body, ";")
    parts = _top_level_split(body, ",")
    if (decimal_comma and expected_length and len(parts) == 2 * expected_length
            and all(re.fullmatch(r"\s*-?\d+", a) and re.fullmatch(r"\d+\s*", b)
                    for a, b in zip(parts[::2], parts[1::2]))):
        return [f"{a},{b}" for a, b in zip(parts[::2], parts[1::2])]   # (0,5, 1,2)
    return parts


def _read_one(text, notation, natural_log, russian_notation, decimal_comma):
    """One component: (expression, decimal places typed or None)."""
    if decimal_comma and DECIMAL_COMMA.match(text):
        text = text.replace(",", ".")
    text = TRANSPOSE.sub("", text).strip()
    typed = re.fullmatch(r"-?\d*\.(\d+)", text)
    decimals = len(typed[1]) if typed else None
    if re.fullmatch(r"-?\d+(\.\d+)?\s*\\?%", text):
        text = f"({text.rstrip('%').rstrip(chr(92)).strip()})/100"
    if not text:
        raise ParseError("a component of the answer is empty")
    if notation == "latex":
        expr = read_latex(text, natural_log=natural_log, russian_notation=russian_notation)
    else:
        expr = _read_text(text)
    return evaluate(expr), decimals


def _read_text(text):
    expr = parse_expr_safe(text.replace("%", "/100"))
    if re.search(r"\d\.\d", text) and expr.is_number:
        return sp.Float(sp.N(expr, 30), 15)   # a typed decimal stays a decimal (its rounding matters)
    return expr


def evaluate(expr):
    """Evaluate a parsed (possibly unevaluated) formula bottom-up, within bounds."""
    nodes = sum(1 for _ in sp.preorder_traversal(expr))
    if nodes > MAX_NODES:
        raise ParseError(f"the answer is too large (at most {MAX_NODES} parts)")
    return _evaluate(expr)


def _evaluate(expr):
    if not isinstance(expr, ALLOWED):
        raise ParseError(f"{type(expr).__name__} is not allowed in an answer")
    if not expr.args or isinstance(expr, sp.Derivative):
        return expr
    args = [_evaluate(arg) for arg in expr.args]
    if isinstance(expr, sp.Pow) and all(a.is_number for a in args) and abs(args[1]) > MAX_EXPONENT:
        raise ParseError(f"the power is too large (exponents up to {MAX_EXPONENT})")
    return expr.func(*args)
