r"""What surrounds an answer without being part of it: "Answer:" or "Ответ:" before it ("ответ" after it), math
delimiters (``$…$``, ``$$…$$``, ``\(…\)``, ``\[…\]``), a display environment (equation,
align, gather: its ``&`` and line breaks too), Markdown bold, a leading "=" and a trailing
full stop, a trailing "where f = …". Peeled off layer by layer; what is left is the formula.

>>> unwrap(r"Ответ: $6x$.")
'6x'
>>> unwrap(r"\begin{align*} f'(x) &= 2x \\ &= 2x \end{align*}")
"f'(x) = 2x = 2x"
>>> unwrap("**Answer:** (1, 2)")
'(1, 2)'
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

from ..calculus.parse import ParseError
from .macros import ANSWER_WORDS, ENVIRONMENTS

_WORDS = "|".join(sorted((re.escape(w) for w in ANSWER_WORDS), key=len, reverse=True))
# "Answer:", "**Ответ:**", "\text{Answer: }", "\textbf{Ответ.}": a word announcing the answer, then : . or a dash
PREFIX = re.compile(rf"^(?:\*\*|__)?\s*(?:\\(?:text|textbf|textrm|textit|mathrm|mbox)\s*\{{\s*)?(?:{_WORDS})"
                    rf"\s*[:.\-–—]?\s*\}}?\s*(?:\*\*|__)?\s*[:.\-–—]?\s*", re.IGNORECASE)
# "0,5 ответ", "0.5 (answer)", "w = 3,5 — ответ": the word announcing the answer after it
_AFTER = "|".join(sorted((re.escape(w) for w in ANSWER_WORDS if w != "ans"), key=len, reverse=True))
SUFFIX = re.compile(rf"(?<=\S)\s*[-–—,:]?\s+\(?\s*(?:{_AFTER})\s*\)?\s*[.!]?\s*$", re.IGNORECASE)
# "примерно 0,953", "approximately 0.953": the value is approximate (a decimal is checked as rounded anyway)
APPROXIMATELY = re.compile(r"^(?:примерно|приблизительно|около|approximately|approx\.?|about|roughly)\s+", re.IGNORECASE)
# what NumPy and PyTorch print around a number or an array: array([1., 2.]), np.float64(15.0), tensor(0.95)
PRINTED = re.compile(r"^(?:(?:np|numpy|torch)\.)?(?:array|float64|float32|float16|int64|int32|tensor)\((.*?)"
                     r"(?:,\s*(?:dtype|grad_fn|requires_grad)=[^()]*(?:\(\))?)*\)$", re.S)
# "6 [6]", "46.0 array([46.])", "[3.] 3": a number and NumPy's array of it, printed side by side
_NUMBER = r"[-+]?\d+(?:[.,]\d+|\.)?(?:e[-+]?\d+)?"
_ARRAY = rf"(?:(?:np\.)?array\()?\[\s*({_NUMBER})\s*\]\)?"
BESIDE = re.compile(rf"^(?:({_NUMBER})\s*[,;]?\s*{_ARRAY}|{_ARRAY}\s*[,;]?\s*({_NUMBER}))$", re.I)
# ", где f = …", ", where u = wx + b": a reminder of what a name stands for, after the answer
WHERE = re.compile(r"\s*[,;]?\s*(?:\\text\{\s*)?(?:где|where)\b.*$", re.IGNORECASE | re.S)
DELIMITERS = (("$$", "$$"), ("$", "$"), (r"\(", r"\)"), (r"\[", r"\]"), ("`", "`"))
DISPLAY = "|".join(re.escape(name) for name, kind in ENVIRONMENTS.items() if kind == "display")
ENVIRONMENT = re.compile(rf"^\\begin\{{({DISPLAY})\}}(.*)\\end\{{\1\}}$", re.S)


def unwrap(text: str) -> str:
    """The formula inside ``text``."""
    previous = None
    while text != previous:
        previous = text
        text = text.strip()
        text = PREFIX.sub("", text, count=1) if PREFIX.match(text) and PREFIX.sub("", text, count=1) else text
        text = APPROXIMATELY.sub("", text, count=1)
        text = SUFFIX.sub("", text, count=1) if SUFFIX.sub("", text, count=1).strip() else text
        text = WHERE.sub("", text)
        text = _delimited(text)
        text = _one_of_two(text)
        printed = PRINTED.match(text)
        if printed:
            text = printed[1]
        environment = ENVIRONMENT.match(text)
        if environment:
            text = _rows(environment[2])
        if text.endswith(".") and not text.endswith(".."):
            text = text[:-1]                         # a full stop ends the sentence, not the number
        if text.startswith("=") and not text.startswith("=="):
            text = text[1:]
    return text


def _one_of_two(text: str) -> str:
    """A number printed beside NumPy's array of it (``print(x, a)``: 6 [6], or rounded: 0.0452 [0.04517666]) is
    the number written first; two different numbers so printed are two answers, refused (ParseError) with both named."""
    beside = BESIDE.match(text)
    if beside is None:
        return text
    first, second = [n for n in beside.groups() if n is not None]
    a, b = sorted((Decimal(n.replace(",", ".").rstrip(".")) for n in (first, second)), key=lambda d: -d.as_tuple().exponent)
    if b.quantize(a, rounding=ROUND_HALF_UP) != a:          # one the other rounded: 0.0452 [0.04517666] is one value
        raise ParseError("two values", first=first, second=f"[{second}]")
    return first


def _rows(body: str) -> str:
    """The rows of an align: a row that starts with &= (or &≈) goes on from the row before; the
    others are separate statements, joined with ; (∂F/∂x = 60 \\ ∂F/∂y = −162: a vector)."""
    rows = []
    for row in re.split(r"\\\\", re.sub(r"\\(nonumber|notag)\b", " ", body)):
        if not row.strip():
            continue
        if rows and re.match(r"\s*&?\s*(=|\\approx|≈)", row):
            rows[-1] += " " + row
        else:
            rows.append(row)
    return "; ".join(re.sub(r"\s+", " ", row.replace("&", " ")).strip() for row in rows)


# $0$, $2.4$ or $a = 1$; $b = 2$ or $x$ и $y$: several formulas, each in its own dollars, apart by , ; and и
PIECES = re.compile(r"^\$[^$]+\$(?:\s*(?:,|;|and|и)?\s*\$[^$]+\$)+$")
PIECE = re.compile(r"\$([^$]+)\$")


def _delimited(text: str) -> str:
    """The inside of a formula wrapped whole in one pair of math delimiters; the formulas of a list of
    pieces each in its dollars, joined by their commas and semicolons (``and``, ``и`` as commas)."""
    if PIECES.fullmatch(text):
        joined = PIECE.sub(lambda m: m[1].strip(), text)
        return re.sub(r"\s+(?:and|и)\s+", ", ", joined)
    for opening, closing in DELIMITERS:
        if len(text) > len(opening) + len(closing) and text.startswith(opening) and text.endswith(closing):
            inner = text[len(opening):-len(closing)]
            if opening in ("$", "$$") and "$" in inner.replace(r"\$", ""):
                continue                             # $a$ and $b$: two formulas, not one
            return inner
    return text
