r"""A table in LaTeX as a teacher sets it on a page: a ``tabular`` whenever one can be made to fit.

A table that fits the line at the text's size is set as it is. A wider one is set in smaller type
(``\small``, then ``\footnotesize``); wider still, it is split by columns into two tables that each
repeat the first column (the row's name); failing that, its widest columns wrap their cells in
narrow paragraphs (a table of three columns wraps before it splits). Only a table that none of this
fits comes back as ``None`` (the printer then writes it row by row). A slide's table is never split by columns
(``one_table``: its halves would fall on two frames): it is set in smaller type, its headers and then its
cells wrapped, and narrower space between its columns if need be. A row with a fraction is taller,
so that the fraction does not touch the rows around it; a fraction of powers (softmax) is set in
display style.

Widths are estimates in characters (``breaking.width`` for math, prose a little narrower); a
character of the estimate takes at most ``PT_PER_CHARACTER`` points at 11 pt (measured with pdflatex on
every table of the bank).

>>> table_lines(["x", "y"], [["$1$", "$2$"]], 483.7)[1:3]
['\\begin{tabular}{ll}', '\\hline']
>>> table_lines(["x", "y"], [["$1$", "$2$"]], 30) is None
True
"""

from __future__ import annotations

import re

from .breaking import prose_kept, tokens, width

# points a character of the estimate takes at 11 pt, at most (the widest of the bank's tables)
PT_PER_CHARACTER = 6.7
# a character of prose is narrower than one of math; a Cyrillic one less so
PROSE, CYRILLIC = 0.7, 0.85
# the sizes a table may be set in, with how wide they are against the text's 11 pt
SIZES = (("", 1.0), (r"\small", 10 / 11), (r"\footnotesize", 9 / 11))
# the space between two columns, in characters
GAP = 2
# a table of at most this many columns is wrapped rather than split (into two tables of a column each, its
# values alone in one of them), where it can be
WRAPPED_FIRST = 3
# a wrapped column is never narrower than this many characters
NARROWEST = 12
# a row with a fraction in it is opened by a strut this tall and deep, so that the fraction does not touch
# the rows around it (the other rows keep their height); a fraction of powers (softmax's e^z over a sum of
# them) is set in display style, its exponents readable, in a row taller still
FRACTION_STRUT = r"\rule[-1.1ex]{0pt}{3.4ex}"
DISPLAY_STRUT = r"\rule[-2ex]{0pt}{4.6ex}"
_POWERS_FRACTION = re.compile(r"\\frac(?=\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\^)")
# how a table's lines begin
TABLE_START = r"\medskip{\centering"
_DOLLAR = re.compile(r"(?<!\\)\$")
# where TeX may break a formula of a narrowed table's cell: after a binary +, - or \cdot (one with an operand
# before it; never after a relation, which the slides forbid, nor a sign)
_BINARY = re.compile(r"(?<=[\w})\]]) (?:[-+]|\\cdot) ")


def _prose_width(text: str) -> float:
    """Prose is narrower than math, Cyrillic letters (wider in the T2A fonts) a little less so."""
    cyrillic = sum(1 for char in text if "\u0400" <= char <= "\u04ff")
    return PROSE * (len(text) - cyrillic) + CYRILLIC * cyrillic


def cell_width(cell: str) -> float:
    """About how many characters wide ``cell`` (prose with ``$...$`` formulas) is when set."""
    parts = _DOLLAR.split(cell)
    if len(parts) % 2 == 0:
        return width(cell)
    return sum(width(part) if k % 2 else _prose_width(part) for k, part in enumerate(parts))


def _math_pieces(raw: str) -> list[str]:
    """``raw`` cut where TeX may break an inline formula: after a ``+``, ``-``, ``=`` or ``\\cdot`` that is
    outside every brace and every ``\\left ... \\right``."""
    pieces, current, depth = [], [], 0
    for tok in tokens(raw):
        current.append(tok)
        depth += {"{": 1, "}": -1, r"\left": 1, r"\right": -1}.get(tok, 0)
        if depth == 0 and tok in ("+", "-", "=", r"\cdot"):
            pieces.append("".join(current))
            current = []
    return [*pieces, "".join(current)]


def wrapped_words(text: str, characters: float) -> list[str]:
    """``text`` cut between words into lines at most ``characters`` wide as set (``cell_width``: a formula as
    wide as it looks, not as long as its LaTeX); a line of one long word is longer; a ``$...$`` formula is one
    word. The lines are as even as so many lines can be: a last line of a word or two ("$b = x$)" under a full
    line) is evened out with the ones before it (the lines cut to the narrowest width that gives no more of them).

    >>> wrapped_words("(the total: the contributions of both uses of $x$ add)", 35)
    ['(the total: the contributions', 'of both uses of $x$ add)']
    """
    words: list[str] = []
    for word in text.split():
        if words and len(_DOLLAR.findall(words[-1])) % 2:
            words[-1] += " " + word
        else:
            words.append(word)

    def lines_of(most: float) -> list[str]:
        lines = [""]
        for word in words:
            if lines[-1] and cell_width(f"{lines[-1]} {word}") > most:
                lines.append("")
            lines[-1] = f"{lines[-1]} {word}".strip()
        return lines

    lines, most = lines_of(characters), characters
    while len(lines) > 1 and most > characters / 2 and len(lines_of(most - 1)) == len(lines):
        most -= 1
    return lines_of(most)


def least_width(cell: str) -> float:
    """About how narrow ``cell`` can be made by wrapping it: its widest word or unbreakable piece of math."""
    parts = _DOLLAR.split(prose_kept(cell))
    if len(parts) % 2 == 0:
        return width(cell)
    widths = [width(piece) for part in parts[1::2] for piece in _math_pieces(part)]
    widths += [PROSE * len(word) for part in parts[::2] for word in part.split()]
    return max(widths, default=0.0)


def _size(total: float, characters: float) -> tuple[str, float] | None:
    """The largest size at which a table ``total`` characters wide fits a line of ``characters``."""
    return next(((command, scale) for command, scale in SIZES if total * scale <= characters), None)


def raised(cell: str) -> str:
    r"""A cell whose fractions of powers (softmax: e^{z_1} over e^{z_1} + e^{z_2}) are in display style.

    >>> print(raised(r"$\frac{e^{z_{1}}}{e^{z_{1}} + e^{z_{2}}}$ and $\frac{1}{2}$"))
    $\dfrac{e^{z_{1}}}{e^{z_{1}} + e^{z_{2}}}$ and $\frac{1}{2}$
    """
    return _POWERS_FRACTION.sub(r"\\dfrac", cell)


def _strut(row: list[str]) -> str:
    """The strut a row of fractions opens with (none for a row without)."""
    if any(r"\dfrac" in text for text in row):
        return DISPLAY_STRUT
    return FRACTION_STRUT if any(r"\frac" in text for text in row) else ""


def _tabular(header: list[str], rows: list[list[str]], size: str, boxes: dict[int, float] | None = None,
             heads: dict[int, float] | None = None, gap: float = GAP) -> list[str]:
    """The lines of one centred tabular in ``size``; ``boxes``: the columns whose cells wrap, with
    their width as a fraction of the line; ``heads``: the columns whose header alone wraps; ``gap``: the
    characters between two columns, if not the usual ones."""
    boxes = boxes or {}

    def cell(k: int, text: str, wrapped: dict = boxes) -> str:
        if k not in wrapped:
            return text
        return r"\parbox[t]{%.3f\linewidth}{\raggedright\strut %s\strut}" % (wrapped[k], prose_kept(text))

    rows = [[raised(text) for text in row] for row in rows]
    body = [_strut(row) + " & ".join(cell(k, text) for k, text in enumerate(row)) + r" \\" for row in rows]
    setup = size if gap == GAP else size + r"\setlength{\tabcolsep}{%gpt}" % (gap * PT_PER_CHARACTER / 2)
    # centred in a group, not a center environment, whose list penalty invites a page break above it
    return [TABLE_START + setup, r"\begin{tabular}{" + "l" * len(header) + "}", r"\hline",
            " & ".join(cell(k, text, {**boxes, **(heads or {})}) for k, text in enumerate(header)) + r" \\", r"\hline", *body, r"\hline", r"\end{tabular}\par}\medskip"]


def _columns(header: list[str], rows: list[list[str]], keep: list[int]) -> tuple[list[str], list[list[str]]]:
    """The columns ``keep`` of the table; in the second half of a split (``keep`` from the first column on to a
    later one), only the rows that have something in it: a row's name before nothing says nothing."""
    second = len(keep) > 1 and keep[1] != 1
    return [header[k] for k in keep], [[row[k] for k in keep] for row in rows
                                       if not second or any(row[k].strip() for k in keep[1:])]


def _split(header, rows, widths, characters) -> list[str] | None:
    """Two tables, each with the first column and a run of the others, both fitting; the split whose
    smaller type is the largest, and of those the most even."""
    best = None
    for k in range(2, len(header)):
        left, right = list(range(k)), [0, *range(k, len(header))]
        sizes = [_size(sum(widths[j] for j in part), characters) for part in (left, right)]
        if None in sizes:
            continue
        rank = (min(scale for _, scale in sizes), -abs(sum(widths[j] for j in left) - sum(widths[j] for j in right)))
        if best is None or rank > best[0]:
            best = (rank, [(part, size) for part, (size, _) in zip((left, right), sizes)])
    if best is not None:
        return [line for part, size in best[1] for line in _tabular(*_columns(header, rows, part), size)]
    return None


def _split_wrapped(header, rows, widths, characters) -> list[str] | None:
    """Two tables as ``_split`` makes them, each fitting as it is or with wrapped cells."""
    for k in range(2, len(header)):
        parts = [_sized(*_columns(header, rows, part), [widths[j] for j in part], characters)
                 or _wrapped(*_columns(header, rows, part), [widths[j] for j in part], characters)
                 for part in (list(range(k)), [0, *range(k, len(header))])]
        if None not in parts:
            return parts[0] + parts[1]
    return None


def _sized(header, rows, widths, characters) -> list[str] | None:
    size = _size(sum(widths), characters)
    return None if size is None else _tabular(header, rows, size[0])


def _wrapped(header, rows, widths, characters) -> list[str] | None:
    """The table in the smallest type with its widest columns' cells wrapped, sharing what the other
    columns leave of the line in proportion to their widths."""
    command, scale = SIZES[-1]
    room = characters / scale
    order = sorted(range(len(header)), key=lambda k: -widths[k])
    for n in range(1, len(header)):
        wide = order[:n]
        left = room - sum(widths[k] for k in order[n:]) - GAP * n
        natural = sum(widths[k] - GAP for k in wide)
        shares = {k: left * (widths[k] - GAP) / natural for k in wide}
        least = {k: max(max(least_width(row[k]) for row in rows), NARROWEST) for k in wide}
        if left > 0 and all(least[k] <= share < widths[k] for k, share in shares.items()):
            boxes = {k: share * scale / characters for k, share in shares.items()}
            return _tabular(header, rows, command, boxes)
    return None


def fits(header: list[str], rows: list[list[str]], line_pt: float) -> bool:
    """True when the table is one tabular on a line ``line_pt`` points wide (in smaller type if need be),
    neither split by columns nor with wrapped cells."""
    widths = [max(cell_width(cell) for cell in column) + GAP for column in zip(header, *rows)]
    return _size(sum(widths), line_pt / PT_PER_CHARACTER) is not None


def table_lines(header: list[str], rows: list[list[str]], line_pt: float) -> list[str] | None:
    """The LaTeX lines of a table on a line ``line_pt`` points wide, or None if no tabular fits it."""
    characters = line_pt / PT_PER_CHARACTER
    widths = [max(cell_width(cell) for cell in column) + GAP for column in zip(header, *rows)]
    ways = (_sized, _wrapped, _split) if len(header) <= WRAPPED_FIRST else (_sized, _split, _wrapped)
    return next((lines for way in (*ways, _split_wrapped) if (lines := way(header, rows, widths, characters))), None)


def one_table(header: list[str], rows: list[list[str]], line_pt: float, sizes: tuple = SIZES,
              gap: float = GAP, kept: frozenset = frozenset()) -> list[str] | None:
    """The table as one tabular on a line ``line_pt`` points wide, never split by columns (a slide's table,
    whose halves would go to two frames): in the largest of ``sizes`` (each a command and its width against
    the text's) that it fits as it is or with its headers wrapped, else with its cells wrapped too in the
    largest size after the first that it fits so; ``gap``: the characters between two columns (fewer than a
    page's leave more to the cells); ``kept``: the columns whose cells are never wrapped; None when nothing fits."""
    characters = line_pt / PT_PER_CHARACTER
    for size in sizes:
        if lines := _narrowed(header, rows, characters, size, gap, cells=False):
            return lines
    return next((lines for size in sizes[1:] if (lines := _narrowed(header, rows, characters, size, gap, kept=kept))), None)


def _narrowed(header, rows, characters, size: tuple[str, float], gap: float = GAP, cells: bool = True,
              kept: frozenset = frozenset()) -> list[str] | None:
    """The table in ``size`` made as narrow as it must be to fit the line: first its headers wrapped (each to
    its column's cells, or its longest word), then, if need be, its columns' cells wrapped too, each column
    given back as much of its width as the line leaves, in proportion to what wrapping took from it; None
    when even every column at its longest word is too wide (or, unless ``cells``, when cells must wrap)."""
    room = (characters - gap * len(header)) / size[1]         # the space between columns is not scaled
    natural = [max(cell_width(cell) for cell in column) for column in zip(header, *rows)]
    body = [max(cell_width(cell) for cell in column) for column in zip(*rows)]
    least = [max(_unbroken(cell) for cell in column) for column in zip(header, *rows)]
    least = [max(narrow, body[k]) if k in kept else narrow for k, narrow in enumerate(least)]    # a kept column whole
    whole = [max(wide, narrow) for wide, narrow in zip(body, least)]      # the cells whole, the headers wrapped
    if sum(least) > room or (not cells and sum(whole) > room):
        return None
    low, high = (whole, natural) if sum(whole) <= room else (least, whole)
    high = [max(wide, narrow) for wide, narrow in zip(high, low)]      # (an estimate of a piece may exceed the whole's)
    share = min(1.0, (room - sum(low)) / ((sum(high) - sum(low)) or 1.0))
    given = [a + share * (b - a) for a, b in zip(low, high)]
    boxes = {k: wide * size[1] / characters for k, wide in enumerate(given) if wide < body[k] - 0.01}
    heads = {k: wide * size[1] / characters for k, wide in enumerate(given)
             if k not in boxes and wide < natural[k] - 0.01}
    return _tabular(header, rows, size[0], boxes, heads, gap)


def _unbroken(cell: str) -> float:
    """About how narrow ``cell`` can be made by wrapping it where TeX surely may: at its prose's spaces and after
    a binary operator of a formula outside every brace."""
    parts = _DOLLAR.split(prose_kept(cell))
    if len(parts) % 2 == 0:
        return width(cell)
    # a word, which must fit its box whole, counted a tenth wider (a Cyrillic one measured 0.8 pt too wide so)
    widths = [1.1 * _prose_width(word) for part in parts[::2] for word in part.split()]
    for part in parts[1::2]:
        if r"\begin{" in part:          # an environment (cases, a matrix) is set whole, never broken in a line
            widths.append(width(part))
            continue
        pieces, current = [], ""
        for piece in _BINARY.split(part):
            current += (" + " if current else "") + piece       # the operator's own width is alike for all three
            if current.count("{") == current.count("}") and current.count(r"\left") == current.count(r"\right"):
                pieces.append(current)
                current = ""
        widths += [width(piece) for piece in [*pieces, current] if piece]
    return min(max(widths, default=0.0), cell_width(cell))     # wrapping never makes a cell wider
