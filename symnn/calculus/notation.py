"""Notation people type, made explicit before Python's parser sees it.

Works on the token list of ``tokenize``: ``|x|`` becomes abs(x); ``sin x``,
``sin 2x`` and ``exp x`` get their parentheses; ``tanh^2(x)`` and ``cos^2 x``
become (tanh(x))^2; a word made of the problem's own symbols is their product
(``wx`` is w·x when w and x are known), and one that splits in two ways is
refused with the question; a bare ``sigma`` stands for σ of the argument the
problem uses. ``^`` is a power and implicit products get their ``*``.

>>> explicit("sin x cos x + |x|")
'sin ( x ) * cos ( x ) + abs ( x )'
>>> explicit("tanh^2(x) + 2xy", known={"x", "y"})
'( tanh ( x ) ) ** 2 + 2 * x * y'
"""

from __future__ import annotations

import io
import keyword
import re
import tokenize
from typing import NamedTuple

from ..lang import PHRASES, phrase
from .greek import LETTERS, SYMPY_NAME

NAME, NUMBER, OP = tokenize.NAME, tokenize.NUMBER, tokenize.OP
SHORTHAND = "_shorthand_"      # σ with its argument implicit; only ever inserted here
SIGMAS = ("sigma", "sigmaprime")
GREEK_NAMES = {SYMPY_NAME[name] for name in LETTERS if name.islower()} | {"omicron"}
DECIMAL = re.compile(r"(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")     # not 0x10, 1_000, 2j


def shown(text: str) -> str:
    """The text quoted in a message, shortened, as typed: a LaTeX backslash stays one (repr would double it), a line
    break is written \\n; quoted as Python quotes it ('…', or "…" around a prime)."""
    text = text.strip()
    text = (text if len(text) <= 60 else text[:57] + "...").replace("\n", "\\n")
    quote = '"' if "'" in text and '"' not in text else "'"
    return quote + text + quote


def symbol_name(name: str) -> str:
    """A variable's name as symnn's expressions spell it: lambda (a Python keyword) is SymPy's lamda, λ;
    lambda_1 is lamda_1."""
    name = name.strip()
    return "lamda" + name[6:] if re.match(r"lambda(?![A-Za-z0-9])", name) else name


class Hint(NamedTuple):
    """A sentence added to a message: its key in the catalogues (phrases) and its values."""

    key: str
    values: dict


class ReaderError(ValueError):
    """Text that cannot be read. ``key`` names the sentence (``reader.KEY`` in the catalogues),
    so the reason reaches a reader in their own language; str() is the English sentence.
    A message that is not in the catalogues (a teacher's command-line mistake) is its own text."""

    def __init__(self, key: str, **values):
        self.key, self.values = key, values
        super().__init__(self.in_language("en"))

    def in_language(self, lang: str) -> str:
        if f"reader.{self.key}" not in PHRASES["en"]:
            return self.key
        values = {name: phrase(lang, value.key, **value.values) if isinstance(value, Hint) else
                  ("" if value is None else value) for name, value in self.values.items()}
        return phrase(lang, f"reader.{self.key}", **values)


class NotationError(ReaderError):
    """Text whose notation cannot be read; the message says how to write it."""


def construct(node) -> Hint:
    """A piece of Python syntax the reader refuses, named in the reader's language (``reader.construct.*``)."""
    key = f"reader.construct.{type(node).__name__.lower()}"
    return Hint(key if key in PHRASES["en"] else "reader.construct.other", {})


COMMAND_WORDS = re.compile(r"(?<![\\A-Za-z])(frac|dfrac|sqrt|cdot|times|left|right|hat|bar|mathbf|sum|partial)\s*[{(]")


SPACED_NUMBERS = re.compile(r"\s*[-+]?\d+(?:[.,]\d+)?(?:\s+[-+]?\d+(?:[.,]\d+)?)+\s*")   # 60 -162 1


def hint(text: str) -> Hint | None:
    """The likely fix for text that cannot be read: a bracket left open, an operator at the end,
    a LaTeX command without its backslash, two operators in a row, numbers with spaces between them."""
    if SPACED_NUMBERS.fullmatch(text):
        return Hint("reader.hint.spaces", {})
    opened, closed = text.count("(") + text.count("{") + text.count("["), \
        text.count(")") + text.count("}") + text.count("]")
    if opened > closed:
        return Hint("reader.hint.close", {})
    if closed > opened:
        return Hint("reader.hint.open", {})
    command = COMMAND_WORDS.search(text)
    if command:
        return Hint("reader.hint.command", {"name": command[1]})
    if re.search(r"[-+*/^]\s*$", text):
        return Hint("reader.hint.operator", {})
    pair = re.search(r"[+*/^]\s*[*/^]|[-+]\s*[*/^]", text)
    if pair and "**" not in pair[0]:
        return Hint("reader.hint.operators", {"pair": pair[0].replace(" ", "")})
    return None


def unreadable(text: str) -> tuple[str, dict]:
    """The key and values of the error for text that cannot be read: a bracket left open is said alone (no
    "no formula" before it), anything else as no formula, with the likely fix."""
    found = hint(text)
    if found is not None and found.key == "reader.hint.close":
        return "bracket not closed", {}
    return "syntax", {"text": shown(text), "hint": found}


def explicit(text: str, functions=frozenset(("sin", "cos", "tanh", "abs", "exp", "sigma", "sigmaprime")),
             known=None, shorthand: bool = False, unknown_functions=()) -> str:
    """Python source for ``text``; ``functions``: names that take an argument."""
    try:
        raw = list(tokenize.generate_tokens(io.StringIO(text).readline))
    except (tokenize.TokenError, SyntaxError, IndentationError):
        key, values = unreadable(text)
        raise NotationError(key, **values) from None
    tokens = []
    for tok in raw:
        if tok.type in (tokenize.NEWLINE, tokenize.NL, tokenize.ENDMARKER, tokenize.INDENT, tokenize.DEDENT):
            continue
        if tok.type == tokenize.ERRORTOKEN and tok.string == "…" or tok.string == "...":
            raise NotationError("ellipsis")             # (2.9, −1, …): terms left out, not a value
        if tok.type == tokenize.ERRORTOKEN and not tok.string.isspace():
            raise NotationError("unexpected character", char=repr(tok.string), text=shown(text))
        if tok.type == tokenize.COMMENT:
            raise NotationError("unexpected character", char="'#'", text=shown(text))
        if tok.type == tokenize.ERRORTOKEN:
            continue
        if tok.string == SHORTHAND:
            raise NotationError("variable name", name=tok.string)
        if tok.type == NUMBER and re.fullmatch(r"(\d+\.?\d*|\.\d+)[jJ]", tok.string):
            tokens += [(NUMBER, tok.string[:-1]), (NAME, tok.string[-1])]     # 162j is 162·j (a unit vector), not Python's complex
            continue
        if tok.type == NUMBER and not DECIMAL.fullmatch(tok.string):
            raise NotationError("decimal digits", number=tok.string)
        string = "lamda" if tok.string == "lambda" else "**" if tok.string == "^" else tok.string
        tokens.append((tok.type, string))
    tokens = _bars(tokens)
    if known is not None:
        tokens = _split_words(tokens, known, functions)
    tokens = _shorthand(tokens, functions, shorthand)
    tokens = _applications(tokens, set(functions) | set(unknown_functions))
    return _join(tokens, set(functions) | set(unknown_functions), {str(k) for k in known or ()})


def _bars(tokens):
    """|x| -> abs(x): a bar opens where an operand may start, else it closes."""
    out, depth = [], 0
    for i, (kind, string) in enumerate(tokens):
        if string != "|":
            out.append((kind, string))
            continue
        previous = out[-1] if out else None
        opens = previous is None or (previous[0] == OP and previous[1] not in (")", "]")) and previous[1] != "|"
        if opens or depth == 0:
            out += [(NAME, "abs"), (OP, "(")]
            depth += 1
        else:
            out.append((OP, ")"))
            depth -= 1
    if depth:
        raise NotationError("lone bar")
    return out


def _canonical(name: str) -> str:
    """x1, x_1 and x_{1} are one name."""
    return re.sub(r"^([A-Za-z]+)_?(\d+)$", r"\1_\2", name)


def _split_words(tokens, known, functions):
    """A word that is not a known symbol, made of known symbols, is their product."""
    names = {_canonical(k) for k in known}
    out = []
    for kind, string in tokens:
        if kind != NAME or _canonical(string) in names or string in functions or keyword.iskeyword(string):
            out.append((kind, string))
            continue
        readings = [] if string in GREEK_NAMES else _readings(string, names | set(functions) | {"e"})
        if len(readings) > 1:
            options = ", ".join("*".join(r) for r in readings[:3])
            raise NotationError("ambiguous word", word=string, options=options)
        parts = readings[0] if readings else [string]
        for j, part in enumerate(parts):
            if j and parts[j - 1] not in functions:       # xcos(y) is x·cos(y); sinx is sin(x)
                out.append((OP, "*"))
            out.append((NAME, part))
    return out


def _readings(word: str, names: set, depth: int = 0) -> list[list[str]]:
    """Every way to write ``word`` as known names one after another (at most a few)."""
    if not word:
        return [[]]
    if depth > 12:
        return []
    found = []
    for end in range(1, len(word) + 1):
        head = word[:end]
        if _canonical(head) in names or (head in names):
            for rest in _readings(word[end:].lstrip("_"), names, depth + 1):
                found.append([head, *rest])
                if len(found) > 3:
                    return found
    return found


def _shorthand(tokens, functions=SIGMAS, insert: bool = True):
    """A bare sigma (no argument) is σ of the problem's argument (``insert``); so is σ(1 − σ)'s outer σ.
    Where the problem names something sigma itself (``functions`` leaves it out), a bare σ is that name,
    and σ applied to something else (σ(2z)) is still the function."""
    out = []
    i = 0
    while i < len(tokens):
        kind, string = tokens[i]
        if kind == NAME and string in SIGMAS:
            after = _after_power(tokens, i + 1)               # σ^2(x) is σ(x)^2, not a bare σ squared
            following = tokens[after][1] if after < len(tokens) else None
            bare = following != "(" or _bare_sigma_inside(tokens, after)
            if bare and insert and string in functions:
                out += [(NAME, string), (OP, "("), (NAME, SHORTHAND), (OP, ")")]
                i += 1
                continue
            if not bare and string == "sigma" and string not in functions:
                out.append((NAME, "sigmoid"))
                i += 1
                continue
        out.append((kind, string))
        i += 1
    return out


def _after_power(tokens, i) -> int:
    """The index after an exponent ``** n`` or ``** (n)`` written on a function name, if any."""
    if i < len(tokens) and tokens[i][1] == "**":
        if i + 1 < len(tokens) and tokens[i + 1][0] == NUMBER:
            return i + 2
        if i + 1 < len(tokens) and tokens[i + 1][1] == "(":
            return _matching(tokens, i + 1) + 1
    return i


def _bare_sigma_inside(tokens, open_index) -> bool:
    close = _matching(tokens, open_index)
    inner = tokens[open_index + 1:close]
    return any(k == NAME and s in SIGMAS and (j + 1 >= len(inner) or inner[j + 1][1] != "(")
               for j, (k, s) in enumerate(inner))


def _matching(tokens, open_index) -> int:
    depth = 0
    for j in range(open_index, len(tokens)):
        depth += tokens[j][1] in ("(", "[")
        depth -= tokens[j][1] in (")", "]")
        if depth == 0:
            return j
    raise NotationError("bracket not closed")


def _applications(tokens, functions):
    """sin x -> sin(x); cos^2 x and cos^2(x) -> (cos(x))^2."""
    out, i = [], 0
    while i < len(tokens):
        if tokens[i][0] == NAME and tokens[i][1] in functions:
            call, i = _application(tokens, i, functions)
            out += call
        else:
            out.append(tokens[i])
            i += 1
    return out


def _application(tokens, i, functions):
    """The function named at i applied to its argument: (tokens, index after it)."""
    name = tokens[i][1]
    power, j = None, i + 1
    if j < len(tokens) and tokens[j][1] == "**":
        power, j = _exponent(tokens, j + 1)
    argument, j = _argument(tokens, j, functions, name)
    call = [(NAME, name), (OP, "("), *argument, (OP, ")")]
    return ([(OP, "("), *call, (OP, ")"), (OP, "**"), *power] if power else call), j


def _exponent(tokens, j):
    """The n of sin^n: a number, or a parenthesised number."""
    if j < len(tokens) and tokens[j][0] == NUMBER:
        return [tokens[j]], j + 1
    if j < len(tokens) and tokens[j][1] == "(":
        close = _matching(tokens, j)
        inner = tokens[j + 1:close]
        if [s for _, s in inner] in (["-", "1"], ["-1"]):
            raise NotationError("inverse power")
        if len(inner) == 1 and inner[0][0] == NUMBER:
            return [inner[0]], close + 1
    raise NotationError("function power")


def _argument(tokens, j, functions, name):
    """The tokens of the argument: a bracketed group, or the run of juxtaposed operands
    that follows (sin 2x, sin x^2; stops at + - * / , and at the next function)."""
    if j < len(tokens) and tokens[j][1] == "(":
        close = _matching(tokens, j)
        return _applications(tokens[j + 1:close], functions), close + 1
    run = []
    while j < len(tokens):
        kind, string = tokens[j]
        if kind == NAME and string in functions:
            if run:
                break
            inner, j = _application(tokens, j, functions)
            run += inner
            continue
        if kind in (NAME, NUMBER) and not keyword.iskeyword(string):
            run.append(tokens[j])
            j += 1
            if j < len(tokens) and tokens[j][1] == "**":
                power, j = _power_operand(tokens, j + 1, functions)
                run += [(OP, "**"), *power]
            continue
        break
    if not run:
        raise NotationError("needs argument", name=name)
    return run, j


def _power_operand(tokens, j, functions):
    if j < len(tokens) and tokens[j][1] == "(":
        close = _matching(tokens, j)
        return _applications(tokens[j:close + 1], functions), close + 1
    if j < len(tokens) and tokens[j][1] == "-" and j + 1 < len(tokens):
        return [tokens[j], tokens[j + 1]], j + 2
    if j < len(tokens):
        return [tokens[j]], j + 1
    raise NotationError("no exponent")


def _join(tokens, functions, known=frozenset()) -> str:
    out = []
    previous = None
    for kind, string in tokens:
        if previous is not None and _implicit_product(previous, (kind, string), functions, known):
            out.append("*")
        out.append(string)
        previous = (kind, string)
    return " ".join(out)


def _implicit_product(left, right, functions, known=frozenset()) -> bool:
    ends_operand = left[0] == NUMBER or left[1] in (")", "]") or (left[0] == NAME and not keyword.iskeyword(left[1]))
    starts_operand = right[0] in (NAME, NUMBER) or right[1] == "("
    if not (ends_operand and starts_operand) or keyword.iskeyword(right[1]):
        return False
    if left[0] == NUMBER and right[0] == NUMBER:
        return False
    # f(x) is a call when f is a known function, a product when f is a variable
    # such as x, w1, x_2, θ or the problem's own Φ; any other word before "(" is read as an unknown function
    if left[0] == NAME and right[1] == "(":
        word = left[1]
        return word not in functions and (word in GREEK_NAMES or word.lower() in GREEK_NAMES and word in known
                                          or not (word.isalpha() and len(word) > 1)
                                          or word in known and re.fullmatch(r"[A-Za-z](?:hat|bar|tilde)", word))   # ŷ(1 − ŷ)
    return True
