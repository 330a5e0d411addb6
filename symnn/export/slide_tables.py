r"""A slide's tables as a teacher projects them: each set whole on the frame's line, never split by its columns
(the printer splits a table too wide for a page's line into two tables that repeat its first column; their
halves would fall on two frames), never in type smaller than ``\footnotesize``, and never with a formula broken
inside a cell: a column of formulas keeps its cells on one line each, only a column of prose (a note) wraps, at
its spaces. A table that fits so by no estimate is shrunk by TeX to the line, and only as far as it must be (the
estimate of a table's width errs wide, so it is mostly shrunk little or not at all); a table taller than a frame
is cut between its rows, its header repeated (``beamer.pieces``).
"""

from __future__ import annotations

import re

from ..render.breaking import split_long, width
from ..render.latex_tables import TABLE_START, cell_width, one_table, wrapped_words
from .slide_heights import cells

# a frame's text is 307 pt wide: a table set on a slide has a line of 303 pt (a few points to spare for the
# estimate of its widths, which measured 5.9 to 6.6 pt a character on the bank's tables against the 6.7 it takes),
# in the sizes a frame's \small text (10 pt) and a smaller one give, each against the 11 pt text the widths are
# estimated for (\scriptsize was unreadable projected)
TABLE_LINE_PT = 303.0
TABLE_SIZES = (("", 10 / 11), (r"\footnotesize", 9 / 11))
# the characters between two columns of a table that fits a slide whole only so (0.45 of a page's: 3 pt each side)
TABLE_GAP = 0.9
# the lines and gaps a table is tried at in turn: the slide's line, then with less space between the columns, then
# wider lines (the estimate errs wide: a table a little wider than the line is shrunk by TeX a little)
_TRIES = ((TABLE_LINE_PT, 2), (TABLE_LINE_PT, TABLE_GAP), *((TABLE_LINE_PT * wider, TABLE_GAP) for wider in (1.1, 1.2, 1.35, 1.5)))
# a table's group on a slide breaks no formula of a cell at a binary operator (a relation never breaks, see the
# preamble); a table set to a line wider than the slide's is shrunk to the line if TeX finds it wider (``\width``: its
# own width; never enlarged)
# a table of inline fractions is set so on a line up to this much wider than the slide's (``slide_table``)
INLINE_WIDER = 1.1
SHRUNK = r"\resizebox{\ifdim\width>\linewidth\linewidth\else\width\fi}{!}{%"

# a table as the printer sets it: its header, and its rows (no rule among them)
_TABULAR = re.compile(r"%s[^\n]*\n\\begin\{tabular\}\{l+\}\n\\hline\n([^\n]*) \\\\\n\\hline\n"
                      r"((?:(?!\\hline\n)[^\n]*\n)+)\\hline\n\\end\{tabular\}\\par\}\\medskip" % re.escape(TABLE_START))
_SPLIT = re.compile(r"(%s)\n(%s)" % (_TABULAR.pattern, _TABULAR.pattern))
_STRUT = re.compile(r"^\\rule\[[^]]*\]\{0pt\}\{[^}]*\}")
_BOXED = re.compile(r"^\\parbox\[t\]\{[\d.]+\\linewidth\}\{\\raggedright\\strut (.*)\\strut\}$", re.S)
_MATH = re.compile(r"(?<!\\)\$[^$]*(?<!\\)\$")


def _cells_of(row: str) -> list[str]:
    """The cells of a table's row as the printer gave them: its strut and its cells' wrapping taken off (an ``&``
    inside a cell's formula, a case of ``cases``, is the formula's)."""
    row = _MATH.sub(lambda match: match.group(0).replace("&", "\0"), _STRUT.sub("", row))
    return [_BOXED.sub(r"\1", cell.strip()).replace("\0", "&") for cell in cells(row)]


def _table(header: str, body: str) -> tuple[list[str], list[list[str]]]:
    return _cells_of(header), [_cells_of(re.sub(r" \\\\$", "", row)) for row in body.strip().split("\n")]


_FRACTION = re.compile(r"\\[dt]?frac\s*\{")


def _closing(text: str, start: int) -> int:
    """Where the brace opened at ``text[start]`` closes."""
    depth = 0
    for k in range(start, len(text)):
        depth += {"{": 1, "}": -1}.get(text[k], 0) if text[k - 1] != "\\" else 0
        if depth == 0:
            return k
    return len(text) - 1


# a part of a derivative's fraction: ∂f, d b
_DIFFERENTIAL = re.compile(r"^(?:\\partial|d)\s*(?=[a-zA-Z\\])")


def _operand(part: str, leibniz: bool = False) -> str:
    """A fraction's part as an operand of ``/``: in brackets when it is a sum, a product or a quotient at its top
    level (outside its braces and brackets), a derivative's ``\\partial f`` (and, in a derivative ``leibniz``
    writes with d above and below, ``d b``) being one thing."""
    top, depth = "", 0
    for char in (_DIFFERENTIAL.sub("d", part.strip()) if leibniz else re.sub(r"\\partial\s*", "d", part.strip())):
        depth += 1 if char in "{([" else -1 if char in "})]" else 0
        top += char if depth == 0 and char not in "})]" else ""
    return f"({part.strip()})" if re.search(r"[-+/\s]|\\cdot|\\times", top) else part.strip()


def inline_fractions(cell: str) -> str:
    r"""``cell`` with each fraction written on its line, ``a/b``, its parts bracketed where they must be: a table's
    row of stacked fractions is set tall and its digits small, unreadable projected.

    >>> inline_fractions(r"$\frac{e^{-z}}{(1 + e^{-z})^{2}} \approx 0.1966$ and $\frac{\partial f}{\partial a_{1}} = \frac{a + b}{2 c}$")
    '$e^{-z}/(1 + e^{-z})^{2} \\approx 0.1966$ and $\\partial f/\\partial a_{1} = (a + b)/(2 c)$'
    """
    match = _FRACTION.search(cell)
    if match is None:
        return cell
    above = _closing(cell, match.end() - 1)
    opened = cell.index("{", above + 1)
    below = _closing(cell, opened)
    leibniz = all(_DIFFERENTIAL.match(part.strip()) for part in (cell[match.end():above], cell[opened + 1:below]))
    return (cell[:match.start()] + _operand(inline_fractions(cell[match.end():above]), leibniz) + "/"
            + _operand(inline_fractions(cell[opened + 1:below]), leibniz) + inline_fractions(cell[below + 1:]))


# a line of a broken cell that goes on with the formula above begins with its operator, set as a binary one
_GOES_ON = re.compile(r"^(?:\\left\. )?(?:[-+=]|\\cdot|\\times|\\approx)")


def stacked(cell: str, most: float) -> str:
    r"""``cell`` on lines at most ``most`` characters wide where it is wider: cut between its words and formulas, a
    formula wider than a line where a display's row is cut (``split_long``: before a ``+`` or ``−``, a ``·`` or ``≈``
    outside every bracket first, inside one only if need be); the lines a column aligned at their left, the first
    on the row's baseline, each line after it beginning with the operator it goes on with.

    >>> print(stacked(r"$0.59 \cdot {(1 - 0.59)} \cdot (0.13 \cdot 0.4 + {(-0.03)} \cdot 0.5)$", 30))
    $\begin{array}[t]{@{}l@{}}0.59 \cdot {(1 - 0.59)} \\ {}\cdot (0.13 \cdot 0.4 + {(-0.03)} \cdot 0.5)\end{array}$
    >>> print(stacked(r"$h_{t}$ = $(0.1, \  1)$, $G_{t}$ = $(0.001, \  0.1)$", 16))
    $\begin{array}[t]{@{}l@{}}h_{t}\text{~=~}(0.1, \ 1)\text{,} \\ G_{t}\text{~=~}(0.001, \ 0.1)\end{array}$
    """
    if not _MATH.search(cell) or cell_width(cell) <= most:
        return cell
    words = [piece for word in _words(cell) for piece in _cut(word, most)]
    lines = wrapped_words(" ".join(words), most)
    if len(lines) == 1:
        return cell
    lines = [_as_math(line) for line in lines]
    lines[1:] = ["{}" + line if _GOES_ON.match(line) else line for line in lines[1:]]
    return r"$\begin{array}[t]{@{}l@{}}" + r" \\ ".join(lines) + r"\end{array}$"


def _cut(word: str, most: float) -> list[str]:
    """A formula wider than ``most`` cut into formulas (``split_long``) where that cuts outside every bracket (a line
    that opens a bracket another closes reads badly in a narrow cell); else, and any other word, as it is."""
    if not _MATH.fullmatch(word) or width(word[1:-1]) <= most:
        return [word]
    rows = split_long(word[1:-1], most)
    return [f"${row}$" for row in rows] if all(row.count("(") == row.count(")") and r"\left." not in row for row in rows) else [word]


def _words(cell: str) -> list[str]:
    """The words of ``cell``: cut at its spaces outside its formulas, a relation between two formulas kept with both
    (``$h_{t}$ = $(0.1, 1)$,`` one word)."""
    parts = re.split(r"((?<!\\)\$[^$]*(?<!\\)\$)", re.sub(r"(?<=\$) (=|\\approx) (?=\$)", r"~\1~", cell))
    return "".join(part if k % 2 else re.sub(r"\s+", "\0", part) for k, part in enumerate(parts)).strip("\0").split("\0")


def _as_math(line: str) -> str:
    """A line of words and formulas as one formula: each formula as it is, the words between them as text."""
    parts = re.split(r"((?<!\\)\$[^$]*(?<!\\)\$)", line)
    return "".join(part[1:-1] if k % 2 else r"\text{%s}" % part if part else "" for k, part in enumerate(parts))


def _prose(cell: str) -> bool:
    """True when ``cell`` is a sentence rather than a formula: two words or more outside its formulas."""
    return len(_MATH.sub(" ", cell).split()) >= 2


def slide_table(header: list[str], rows: list[list[str]]) -> str:
    """The table's LaTeX on a slide (``_slide_table``); a table that fits the slide's line only shrunk, whose columns of
    prose (notes) make it so wide, is set without them, each note a paragraph under it that names its row
    (``_noted``)."""
    whole = _slide_table(header, rows)
    return (_noted(header, rows) or whole) if SHRUNK in whole else whole


def _noted(header: list[str], rows: list[list[str]]) -> str | None:
    """The table without its columns of prose (every cell a sentence or empty, never the first), set unshrunk on the
    slide's line, and each of their notes after it, a paragraph headed by its row's first cell (and the column's
    header where there are two such columns); None when there are none, or the table is shrunk even so."""
    notes = [k for k in range(1, len(header)) if all(_prose(row[k]) or not row[k].strip() for row in rows)]
    if not notes or len(notes) == len(header) - 1:
        return None
    kept = [k for k in range(len(header)) if k not in notes]
    table = _slide_table([header[k] for k in kept], [[row[k] for k in kept] for row in rows])
    if SHRUNK in table:
        return None
    said = [r"{\raggedright \noindent \textit{%s}%s: %s\par}" % (row[0].strip(), f" ({header[k]})" if len(notes) > 1 else "",
                                                                   row[k].strip())
            for row in rows for k in notes if row[k].strip()]
    return "\n".join([table, *said])


def _slide_table(header: list[str], rows: list[list[str]]) -> str:
    """The table's LaTeX on a slide: in the larger of ``TABLE_SIZES`` it fits whole (its headers wrapped if need
    be), else with its prose columns wrapped, else with less space between its columns, else on a line a little
    wider (shrunk by TeX to the slide's); else in ``\\footnotesize`` as it is, shrunk to the line (``_set``)."""
    kept = frozenset(k for k, column in enumerate(zip(*rows)) if not all(_prose(cell) for cell in column if cell.strip()))
    # its fractions written on the line (a row of stacked fractions is tall, its digits small), its formulas broken
    # into lines if need be (``_broken``), unless even so the table is wider than the slide's line where the stacked
    # ones fit it
    inline = [[inline_fractions(cell) for cell in row] for row in rows]
    fit, line, lines = _set(header, inline, kept)
    if line != TABLE_LINE_PT:
        fit, line, lines = _broken(header, inline, kept) or (fit, line, lines)
    # (the inline ones are kept on a line a tenth wider, which TeX shrinks little or not at all: a stacked fraction in a
    # table's row is smaller still, and the row taller)
    stacked = _set(header, rows, kept) if inline != rows and (line or 1e9) > TABLE_LINE_PT * INLINE_WIDER else (fit,)
    if stacked[0] < fit:
        fit, line, lines = stacked
    lines[0] += r"\binoppenalty=10000"                       # the line that opens the table's group
    if line != TABLE_LINE_PT or r"\begin{array}[t]" in "\n".join(lines):                                # set wider than the slide's line: shrunk to it if need be
        lines[0] += SHRUNK
        closing = next(k for k, line in enumerate(lines) if line.startswith(r"\end{tabular}"))
        lines[closing] = lines[closing].replace(r"\end{tabular}", r"\end{tabular}}", 1)
    return "\n".join(lines)


def _broken(header: list[str], rows: list[list[str]], kept: frozenset) -> tuple | None:
    """The table fitting the slide's line (``_TRIES``' first two) with the formulas of its cells ``stacked`` on lines as
    wide as they may be, narrowed a character at a time (the widest cells broken first); else fitting a line a tenth
    wider so (the estimate errs wide: TeX shrinks such a table little or not at all); None when none fits so."""
    widest = max((cell_width(row[k]) for row in rows for k in kept), default=0.0)
    tried = [[[stacked(cell, most) if k in kept else cell for k, cell in enumerate(row)] for row in rows]
             for most in range(int(widest), 7, -1)]
    for most in (TABLE_LINE_PT, TABLE_LINE_PT * 1.1):
        for broken in tried:
            fit, line, lines = _set(header, broken, kept)
            if line is not None and line <= most:
                return fit, line, lines
    return None


def _set(header: list[str], rows: list[list[str]], kept: frozenset) -> tuple[tuple[int, bool], float | None, list[str]]:
    """How the table fits (the first of ``_TRIES`` it fits, in the smaller size or not: less is larger on the slide),
    the line it is set to and its lines (``slide_table``)."""
    for rank, (line, gap) in enumerate(_TRIES):
        if lines := one_table(header, rows, line, TABLE_SIZES, gap, kept=kept):
            return (rank, r"\footnotesize" in lines[0]), line, lines
    return (len(_TRIES), True), None, one_table(header, rows, 1e9, TABLE_SIZES[1:])


def _joined(match: re.Match) -> str:
    """Two tables that are one split by its columns (the same first column, row by row; the second may leave out
    the rows it has nothing for) as one table again, as the printer would set it on a line wide enough
    (``slide_tables`` sets it for the slide); else the two."""
    (head, rows), (more, rest) = _table(match.group(2), match.group(3)), _table(match.group(5), match.group(6))
    firsts, given = [row[0] for row in rows], {row[0]: row[1:] for row in rest}
    kept = [first for first in firsts if first in given]
    if head[0] != more[0] or kept != [row[0] for row in rest] or len(set(firsts)) != len(firsts) or \
            any(len(row) != len(head) for row in rows) or any(len(row) != len(more) for row in rest):
        return match.group(0)
    return "\n".join(one_table(head + more[1:], [row + given.get(row[0], [""] * (len(more) - 1)) for row in rows], 1e9,
                                (("", 1.0),)))


def whole_tables(body: str) -> str:
    """``body`` with each table the printer split by columns (two tables for a page's line) joined again and
    every table set for a slide (``slide_table``): a slide's table is never cut by its columns, whose halves
    would fall on two frames, nor its formulas broken in its cells."""
    return _TABULAR.sub(lambda match: slide_table(*_table(match.group(1), match.group(2))), _SPLIT.sub(_joined, body))
