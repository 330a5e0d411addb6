r"""Breaking a long LaTeX formula into the lines of an ``align*``, as a teacher would.

SymPy writes a formula on one line; TeX does not break a displayed formula at
all. A chain ``a = b = c`` becomes one row per side, aligned at ``=``, and a side
wider than the line is cut before a ``+`` or ``−``: at the top level if it can be,
otherwise inside the fewest ``\left( … \right)`` groups, which are closed with
``\right.`` at the end of the row and reopened with ``\left.`` on the next. Nothing
inside braces (a fraction's parts, an exponent) is ever cut.

>>> align_rows(r"f = a + b + c", width=8)
['f &= a + b', '&\\quad + c']
>>> width(r"\frac{a + b}{2} + x^{2}")
8.3
"""

from __future__ import annotations

import re

from .brackets import OPERATOR

# a display row holds about this many characters of math at the document's size
LINE_WIDTH = 62
_TOKEN = re.compile(r"\\[A-Za-z]+|\\.|[{}]|\s+|.", re.S)
_GROUP_OPEN = {"\\left", "\\bigl", "\\Bigl"}
_GROUP_CLOSE = {"\\right", "\\bigr", "\\Bigr"}
_COMMANDS_SHOWN_AS_WORDS = {"sin", "cos", "tan", "cot", "sec", "csc", "ln", "log", "exp", "max", "min", "sinh", "cosh",
                            "tanh", "arcsin", "arccos", "arctan", "det", "lim", "sum", "prod"}
# a command that begins a factor (a function applied to a bracket), where a product may be cut after a ``)``
_FACTOR_START = {"\\sigma", "\\tanh", "\\sin", "\\cos", "\\exp", "\\ln", "\\log", "\\operatorname"}
_INVISIBLE = {"left", "right", "displaystyle", "limits", "middle", "bigl", "bigr", "Bigl", "Bigr", "big", "Big"}


def tokens(raw: str) -> list[str]:
    return _TOKEN.findall(raw)


def _group(toks: list[str], i: int) -> tuple[list[str], int]:
    """The tokens of the braced group starting at ``toks[i]`` (or the single token there), and the index after it."""
    while i < len(toks) and toks[i].isspace():
        i += 1
    if i >= len(toks):
        return [], i
    if toks[i] != "{":
        return [toks[i]], i + 1
    depth, start = 0, i
    for j in range(i, len(toks)):
        depth += {"{": 1, "}": -1}.get(toks[j], 0)
        if depth == 0:
            return toks[start + 1:j], j + 1
    return toks[start + 1:], len(toks)


def _environment(toks: list[str], i: int) -> tuple[int, int]:
    """Where the ``\\end`` that closes the ``\\begin`` at ``toks[i]`` is, and the index after its name."""
    depth = 0
    for j in range(i, len(toks)):
        depth += {"\\begin": 1, "\\end": -1}.get(toks[j], 0)
        if depth == 0:
            return j, _group(toks, j + 1)[1]
    return len(toks), len(toks)


def _matrix_width(toks: list[str]) -> float:
    """A matrix is as wide as its widest row, its cells a quad apart."""
    rows, row = [], []
    for tok in toks:
        if tok == "\\\\":
            rows.append(row)
            row = []
        else:
            row.append(tok)
    rows.append(row)
    return max(_width(row) + 2 * row.count("&") for row in rows)


def _width(toks: list[str]) -> float:
    total, i = 0.0, 0
    while i < len(toks):
        tok = toks[i]
        i += 1
        if tok == "\\begin":
            name, start = _group(toks, i)
            end, i = _environment(toks, i - 1)
            # an array's position and its columns' spec ([t]{@{}l@{}}) are not set
            if "".join(name) == "array":
                start = _group(toks, start + 3 if toks[start:start + 1] == ["["] else start)[1]
            total += _matrix_width(toks[start:end])
            continue
        if tok.isspace() or tok in ("{", "}", "&", "\\\\"):
            continue
        if tok in ("^", "_"):
            group, i = _group(toks, i)
            total += 0.7 * _width(group)
        elif tok in ("\\frac", "\\dfrac", "\\tfrac"):       # a fraction as wide as its wider part
            top, i = _group(toks, i)
            bottom, i = _group(toks, i)
            total += max(_width(top), _width(bottom)) + 0.6
        elif tok in ("\\operatorname", "\\text", "\\mathrm", "\\mathbf", "\\textbf", "\\hat", "\\sqrt", "\\mathit"):
            group, i = _group(toks, i)
            total += _width(group) + (1 if tok == "\\sqrt" else 0)
        elif tok.startswith("\\") and tok[1:].isalpha():
            name = tok[1:]
            total += 0 if name in _INVISIBLE else 2 if name == "quad" else len(name) if name in _COMMANDS_SHOWN_AS_WORDS else 1
        elif tok in ("\\,", "\\ ", "\\;", "\\:"):
            total += 0.3
        elif tok in "+-=<>":
            total += 2
        else:
            total += 1
    return total


def width(raw: str) -> float:
    """About how many characters wide ``raw`` is when typeset (fractions as wide as their wider part)."""
    return round(_width(tokens(raw)), 1)


def _break_points(toks: list[str]) -> list[tuple[int, float, str]]:
    """(index, depth, what the next row starts with) of each place a row may end: before a
    ``+``/``-``, after the comma (in Russian, the semicolon) of a tuple, or between two factors of a
    product (the next row then starts with ``\\cdot``), outside every brace. ``depth`` counts the
    ``\\left`` groups open there; a product's break counts half a group more, so a sum is cut first,
    and a tuple's separator a quarter less, so its items are kept whole where they can be."""
    points, braces, opened, last, environments, parens = [], 0, [], "", 0, 0
    for i, tok in enumerate(toks):
        environments += {"\\begin": 1, "\\end": -1}.get(tok, 0)
        if tok.isspace() or environments or tok == "\\end":     # a matrix is never cut
            continue
        if braces == 0 and not opened and parens == 0 and _factor_ends(toks, i, last) and \
                (tok == "(" or tok in _FACTOR_START or last == ")" and tok.isalpha()):
            points.append((i, 0.5, "\\cdot "))      # between two factors: σ(…) (1 − σ(…)) cut before (1, (…) Xᵀ before X
        if braces == 0 and tok in "()" and toks[i - 1:i] not in (["\\left"], ["\\right"]):
            parens = max(parens + (1 if tok == "(" else -1), 0)    # plain brackets: cut inside only if need be
        if tok == "{":
            braces += 1
        elif tok == "}":
            braces -= 1
        elif braces == 0 and (tok in _GROUP_OPEN or tok == "\\frac") and last in (")", "]", "\\right") \
                and opened == [] and parens == 0:
            points.append((i, 0.5, "\\cdot "))
        if tok in _GROUP_OPEN:
            opened.append(i)
        elif tok in _GROUP_CLOSE:
            if opened:
                opened.pop()
        elif braces == 0 and tok in ",;" and (opened or parens):
            points.append((i + 1, len(opened) + parens - 0.25, ""))     # between a tuple's items: after the comma
        elif braces == 0 and i > 0 and tok in "+-":
            before = "".join(toks[:i]).rstrip()       # a sign after ≈ or · is the number's own (≈ −0.9526)
            if before and not before.endswith(("(", "[", "=", ",", "{", "\\left(", "+", "-", "\\approx", "\\cdot")):
                points.append((i, len(opened) + parens, ""))
        elif braces == 0 and i > 0 and tok == "\\approx" and not opened and not parens:
            points.append((i, 0, ""))                  # before ≈ as before =: the next row starts "≈ 0.2494"
        elif braces == 0 and i > 0 and tok == "\\cdot" and not opened and not parens:
            points.append((i, 0.5, ""))                # between two factors: the next row starts "· (1 − 0.5237)"
        last = tok if braces == 0 else last
    return points


def _factor_ends(toks: list[str], i: int, last: str) -> bool:
    """A factor of a product ends before ``toks[i]``: a closing bracket, or an exponent's or a fraction's
    closing brace (Xᵀ(W₂ᵀ ⊙ …)), but not an operator written in braces, which takes what follows: a function's
    name (\\operatorname{ReLU}(x)) or a derivative (\\frac{\\partial}{\\partial w}(…))."""
    if last == ")":
        return True
    before = "".join(toks[:i])
    return last == "}" and not re.search(r"\\(?:operatorname|mathrm|text|mathbf|boldsymbol)\s*\{[^{}]*\}\s*$", before) \
        and not re.search(r"\\frac\s*\{\s*(?:\\partial|d)\s*\}\s*\{(?:[^{}]|\{[^{}]*\})*\}\s*$", before)


def _open_groups(toks: list[str], end: int) -> int:
    """How many ``\\left<delim>`` groups are still open before ``toks[end]``."""
    opened = 0
    for tok in toks[:end]:
        if tok in _GROUP_OPEN:
            opened += 1
        elif tok in _GROUP_CLOSE and opened:
            opened -= 1
    return opened


# a last row narrower than this share of the line is an orphan: the rows are evened out instead
ORPHAN = 0.2
# a bracketed group of inline math up to this wide is kept on one line (wider, it may break inside)
KEPT_GROUP = 25
_DOLLAR = re.compile(r"(?<!\\)\$")


def kept_brackets(raw: str, most: float = KEPT_GROUP) -> str:
    """Inline math ``raw`` whose bracketed groups (a function's argument, a tuple) up to ``most``
    characters wide are braced, so that TeX never breaks a line inside them: σ(b + w₁x₁ + w₂x₂) stays
    whole, and a line breaks only at a ``+``, ``−`` or ``=`` outside every bracket.

    >>> kept_brackets(r"\\sigma(b + w x) + (1, 2)^{(3)} - \\ln(1 - p)")
    '\\\\sigma{(b + w x)} + {(1, 2)}^{(3)} - \\\\ln\\\\mathopen{}{(1 - p)}'
    """
    toks, opened, braces, pairs = tokens(raw), [], 0, []
    for i, tok in enumerate(toks):
        braces += {"{": 1, "}": -1}.get(tok, 0)
        if braces or toks[i - 1:i] in ([r"\left"], [r"\right"]):
            continue
        if tok == "(":
            opened.append(i)
        elif tok == ")" and opened:
            pairs.append((opened.pop(), i))
    wraps = []            # the outermost groups that are narrow enough (inside a wide one, its narrow ones)
    for start, end in sorted(pairs):
        if _width(toks[start:end + 1]) <= most and not any(a < start and end < b for a, b in wraps):
            wraps.append((start, end))
    for start, end in reversed(wraps):
        toks[end] += "}"
        toks[start] = "{" + toks[start]
    return _APPLIED_GROUP.sub(r"\1\\mathopen{}{(", "".join(toks))      # ln(10), not ln (10): see brackets.function_brackets


# an operator's braced argument: TeX sets an operator and an ordinary atom (the group) a thin space apart, and an
# operator and an opening atom tight, so an empty opening atom goes between them
_APPLIED_GROUP = re.compile(r"(%s(?:\^\{[^{}]*\})?) ?\{\(" % OPERATOR)


def prose_kept(text: str, most: float = KEPT_GROUP) -> str:
    """Prose whose ``$...$`` formulas are ``kept_brackets``."""
    parts = _DOLLAR.split(text)
    if len(parts) % 2 == 0:
        return text
    return "$".join(kept_brackets(part, most) if k % 2 else part for k, part in enumerate(parts))


def _cuts(toks: list[str], points: list, limit: float) -> list:
    """Where the greedy cut of ``toks`` into rows of at most ``limit`` falls (see ``split_long``)."""
    cuts, start = [], 0
    while _width(toks[start:]) > limit:
        later = [point for point in points if point[0] > start]
        if not later:
            break
        fitting = [point for point in later if _width(toks[start:point[0]]) <= limit]
        # a row of a lone small factor (½ of ½ · (… + …)) is no cut worth making while a wider one fits
        fitting = [point for point in fitting if _width(toks[start:point[0]]) >= ORPHAN * limit] or fitting
        if fitting:
            shallowest = min(depth for _, depth, _ in fitting)
            cut = max((point for point in fitting if point[1] == shallowest), key=lambda point: point[0])
        else:
            cut = later[0]
        cuts.append(cut)
        start = cut[0]
    return cuts


def split_long(raw: str, limit: float) -> list[str]:
    """``raw`` cut into pieces of at most ``limit`` characters where it can be (see the module's note);
    a last piece shorter than ``ORPHAN`` of the line (a tuple's last item alone on its row) is avoided by
    cutting as evenly as the same number of pieces allows."""
    toks = tokens(raw)
    points = _break_points(toks)
    cuts = _cuts(toks, points, limit)
    orphan = bool(cuts) and _width(toks[cuts[-1][0]:]) < limit * ORPHAN
    low, high = limit / (len(cuts) + 1), limit
    while orphan and high - low > 0.5:      # the narrowest rows that are still no more of them
        middle = (low + high) / 2
        tried = _cuts(toks, points, middle)
        starts = [0, *(cut[0] for cut in tried)]
        fits = all(_width(toks[a:b]) <= middle for a, b in zip(starts, [*starts[1:], len(toks)]))
        if len(tried) == len(cuts) and fits and _depths(tried) <= _depths(cuts):
            cuts, high = tried, middle
        else:
            low = middle
    bounds = [(0, ""), *((i, lead) for i, _, lead in cuts)]
    ends = [i for i, _ in bounds[1:]] + [len(toks)]
    out = []
    for n, ((a, lead), b) in enumerate(zip(bounds, ends)):
        text = lead + "".join(toks[a:b]).strip()
        if n > 0 and "".join(toks[:a]).rstrip().endswith((",", ";")):
            text = _unary_sign(text)
        if n > 0:
            text = r"\left. " * _open_groups(toks, a) + text
        if n < len(ends) - 1:
            text += r" \right." * _open_groups(toks, b)
        out.append(text)
    return out


def _unary_sign(text: str) -> str:
    r"""A row that goes on with a tuple's next item, a negative number: its sign braced, ``{-}2.02``. An align*
    cell begins with an empty atom, after which a bare ``-`` is a binary minus, spaced off its number as
    "− 2.02"; braced, it is the number's own sign.

    >>> _unary_sign(r"\  -2.02, \  -0.2319)")
    '\\  {-}2.02, \\  -0.2319)'
    """
    return re.sub(r"^((?:\\ |\s)*)-", r"\1{-}", text)


def _depths(cuts: list) -> float:
    return sum(depth for _, depth, _ in cuts)


def sides(raw: str) -> list[str]:
    """``a = b = c`` -> ['a', 'b', 'c'], cutting only at an ``=`` outside every group."""
    toks = tokens(raw)
    cuts, braces, groups = [], 0, 0
    for i, tok in enumerate(toks):
        braces += {"{": 1, "}": -1}.get(tok, 0)
        groups += 1 if tok in _GROUP_OPEN else -1 if tok in _GROUP_CLOSE else 0
        if tok == "=" and braces == 0 and groups == 0:
            cuts.append(i)
    bounds = [-1, *cuts, len(toks)]
    return ["".join(toks[a + 1:b]).strip() for a, b in zip(bounds, bounds[1:])]


def align_rows(raw: str, width: float = LINE_WIDTH) -> list[str]:
    """The rows of an ``align*`` showing ``raw``: one row if it fits, else one per side, long sides cut.

    The columns of an ``align*`` are as wide as their widest cell, so a left side beside
    the first ``=`` narrows every row below it; a wide left side gets a row of its own.
    """
    parts = sides(raw)
    first, rest = parts[0], parts[1:]
    if _width(tokens(raw)) <= width:
        return [f"{first} &= " + " = ".join(rest)] if rest else [raw]
    if not rest:
        pieces = split_long(first, width)
        return ["&" + pieces[0]] + [r"&\quad " + piece for piece in pieces[1:]]
    left = _width(tokens(first))
    if left <= width / 3:
        budget = width - left - 3
        rows = [first + " &= "]
    else:
        budget = width - 3
        lead = split_long(first, budget)
        rows = ["&" + lead[0]] + [r"&\quad " + piece for piece in lead[1:]] + ["&= "]
    for k, side in enumerate(rest):
        pieces = split_long(side, budget)
        if k > 0:
            rows.append("&= ")
        rows[-1] += pieces[0]
        rows += [r"&\quad " + piece for piece in pieces[1:]]
    return rows
