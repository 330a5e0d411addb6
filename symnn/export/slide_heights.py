r"""How tall a block of a slide is, in points, estimated from its LaTeX: the slides are packed into frames
by it (``beamer.frames_of``), so it must neither run past a frame's room nor leave much of it empty.

A block is cut into its parts (prose, ``align*`` chains, tables) and each part counted in what makes its
height: the lines of its prose (the words set one after another on the slide's lines), the rows of a chain
(taller with a fraction, a fraction in a fraction, a matrix), the rows of a table (as tall as their
longest cell, a narrow column's cell set on several lines). The points each of these adds were measured:
every topic's slides, en and ru, were compiled with each block's box measured by TeX (``\setbox``, its
height and depth) and the weights below fitted to the measured heights (least squares, brief and full keys):
the estimate is within 3 pt of TeX on average and 22 pt at worst, where the old one erred by 11 pt on average
and 160 pt at worst (a table of wrapped cells).
"""

from __future__ import annotations

import math
import re

from ..render.breaking import width

# the height a frame's text has, in points: a 96 mm frame less its title holds 250 pt of \small text before TeX
# finds it overfull (measured with rules of each height); the estimate (``slide_heights``) errs by up to about 20 pt
# on a block, so a frame is filled to 18 pt less (every topic's frames, en and ru, brief and full, measured 245 pt
# at most)
FRAME_HEIGHT = 232.0
# how many characters of ``width`` fill a line of the slide's \small text, and how wide a space is
LINE_CHARACTERS, SPACE = 58.0, 0.6
# the characters an em of indent (``\leftskip``) takes from a line
EM = 2.0
# the points each counted thing adds (measured, see the module's text)
WEIGHTS = {
    "line": 11.2,            # a line of prose (\small on 12 pt)
    "line_fraction": 1.9,    # a line of prose with a fraction in it is this much taller
    "line_delimited": 2.7,   # and with a fraction between \left( and \right) this much more
    "chain": 2.5,            # a chain (align*): the room around it
    "chain_alone": 5.8,      # a chain with no text before it in its paragraph: the empty line above it
    "chain_row": 15.9,       # a row of a chain
    "chain_fraction": 10.6,  # a row of a chain with a fraction (set large) is this much taller
    "chain_nested": 4.7,     # and with a fraction in a fraction this much more
    "chain_limits": 6.8,     # a row of a chain with a sum's limits (set above and below it) is this much taller
    "chain_gap": 2.4,        # the half ex between two rows of a chain that a hint ends (``\\*[0.5ex]``)
    "matrix_row": 11.0,      # a matrix's row after its first
    "matrix_fraction": 5.0,  # a row of a matrix with fractions is this much taller (set, not fitted: a frame overran)
    "cases_row": 20.0,       # a row of cases on a line of prose after its first (set wider apart than a matrix's;
                             # set to a line alone with its cases, not fitted: several cases share a line in an answer)
    "table": 14.8,           # a table: the room around it and its rules
    "table_line": 11.7,      # a line of a table's row, in \small (a smaller font scales it)
    "table_tall": 4.6,       # an ex of a row's strut (``\rule[-1.1ex]{0pt}{3.4ex}``) above the line's 2.75 ex
    "table_nested": 8.0,     # a row with a fraction in a display-style one (micrograd's local derivatives) is this much
                             # taller (set, not fitted: four such rows measured 136 pt in \footnotesize, 102 estimated)
}
# the line of a table in a smaller type is this much lower than in \small
TABLE_SIZES = {r"\footnotesize": 11.0 / 12.0, r"\scriptsize": 9.5 / 12.0}
MATRIX_ROW = r"\symnnrow"
_MATRICES = ("matrix", "pmatrix", "bmatrix")

_PARTS = re.compile(r"(\\begin\{align\*\}.*?\\end\{align\*\}|\\begin\{tabular\}.*?\\end\{tabular\})", re.S)
_MATRIX = re.compile(r"\\begin\{([pb]?matrix|cases)\}(.*?)\\end\{\1\}", re.S)
_NESTED = re.compile(r"\\frac\{[^{}]*\\frac|\\frac\{[^{}]*\}\{[^{}]*\\frac|\\left\(\\frac.*?\\right\)\^")
_INDENT = re.compile(r"\\leftskip=([\d.]+)em")
_DELIMITED = re.compile(r"\\left[(\[|.](?:(?!\\right).)*\\frac")
_LIMITS = re.compile(r"\\(?:sum|prod)_")
_ROWS = re.compile(r"\\\\\*?(?:\[[^]]*\])?")
_UNSEEN = re.compile(r"\\(?:raggedright|noindent|par|centering|small|footnotesize|scriptsize|medskip|smallskip|"
                     r"strut|nopagebreak|allowbreak|postdisplaypenalty=\d+|leftskip=[\d.]+em)(?![a-zA-Z])")
_STRUT = re.compile(r"\\rule\[-?[\d.]+ex\]\{0pt\}\{([\d.]+)ex\}")
_NESTED_CELL = re.compile(r"\\dfrac\{[^&]*?\\frac")
_PARBOX = re.compile(r"\\parbox\[t\]\{([\d.]+)\\linewidth\}\{(.*)\}\s*$", re.S)


def matrix_rows(text: str, kinds: tuple = ("matrix", "pmatrix", "bmatrix", "cases")) -> list[int]:
    """The rows of each matrix (or cases) in ``text``, of the ``kinds`` given."""
    return [body.count("\\\\") + body.count(MATRIX_ROW) + 1 for kind, body in _MATRIX.findall(text) if kind in kinds]


def _fraction_rows(text: str) -> int:
    """The rows of the matrices in ``text`` that have a fraction in them."""
    return sum(body.replace(MATRIX_ROW, "\\\\").count("\\\\") + 1 for kind, body in _MATRIX.findall(text)
               if kind in _MATRICES and r"\frac" in body)


def _words(text: str) -> list[str]:
    """``text`` cut where a line may end: at the spaces of its prose (a formula in ``$...$`` is kept whole)."""
    words, current, math_mode = [], [], False
    for char in text:
        if char == "$":
            math_mode = not math_mode
        if char.isspace() and not math_mode:
            if current:
                words.append("".join(current))
            current = []
        else:
            current.append(char)
    if current:
        words.append("".join(current))
    return words


def lines(text: str, characters: float | None = None) -> int:
    """How many lines ``text`` (prose, with formulas) fills when its words are set one after another on
    lines ``characters`` wide, a word that does not fit going to the next line (0 when nothing shows)."""
    characters = characters or LINE_CHARACTERS
    count, filled = 0, 0.0
    for word in _words(_UNSEEN.sub(" ", text)):
        wide = width(word.replace("$", ""))
        if wide == 0:
            continue
        if count == 0 or filled + SPACE + wide > characters:
            count += max(1, math.ceil(wide / characters))
            filled = wide - characters * (math.ceil(wide / characters) - 1)
        else:
            filled += SPACE + wide
    return count


def cells(row: str) -> list[str]:
    """The cells of a table's ``row`` (split at the ``&`` outside braces)."""
    cells, depth, current = [], 0, []
    for char in row:
        depth += {"{": 1, "}": -1}.get(char, 0)
        if char == "&" and depth == 0:
            cells.append("".join(current))
            current = []
        else:
            current.append(char)
    return [*cells, "".join(current)]


def _table(part: str, size: float, counts: dict) -> None:
    """Count a table's rows: each as many lines as its tallest cell (a ``\\parbox`` cell wraps to its
    column's width), taller on a tall strut (the printer sets a row with a fraction on one)."""
    counts["table"] += 1
    body = part.split("\n", 1)[1] if "\n" in part else ""
    for row in _ROWS.split(body.replace("\\hline", "")):
        if not row.strip() or row.strip().startswith(r"\end{tabular}"):
            continue
        tallest = 1
        for cell in cells(row):
            boxed = _PARBOX.search(cell.strip())
            if boxed:
                tallest = max(tallest, lines(boxed.group(2), float(boxed.group(1)) * LINE_CHARACTERS / size))
        tallest = max([tallest, *matrix_rows(row)])
        counts["table_line"] += size * tallest
        strut = _STRUT.search(row)
        counts["table_tall"] += max(float(strut.group(1)) - 2.75, 0) if strut else 0
        counts["table_nested"] += bool(_NESTED_CELL.search(row))


def _chain(part: str, counts: dict) -> None:
    """Count a chain's rows: taller with a fraction (set large), a fraction in it, a matrix, a gap after."""
    counts["chain"] += 1
    kept = re.sub(r"\\begin\{([pb]?matrix|cases)\}.*?\\end\{\1\}", lambda m: m.group(0).replace("\\\\", MATRIX_ROW),
                  part, flags=re.S)
    counts["chain_gap"] += len(re.findall(r"\\\\\*?\[0\.5ex\]", kept))
    for row in _ROWS.split(kept):
        if not row.strip() or row.strip() in (r"\begin{align*}", r"\end{align*}"):
            continue
        counts["chain_row"] += 1
        matrices = max(matrix_rows(row), default=0)
        counts["chain_fraction"] += r"\frac" in row and matrices < 2       # a matrix is taller than a fraction
        counts["chain_nested"] += bool(_NESTED.search(row)) and matrices < 2
        counts["chain_limits"] += bool(_LIMITS.search(row))
        counts["matrix_row"] += max(matrices - 1, 0)
        counts["matrix_fraction"] += _fraction_rows(row)


def counts(block: str) -> dict:
    """What makes ``block``'s height, counted: its lines of prose, its chains and their rows, its tables and
    theirs (the keys of ``WEIGHTS``)."""
    found = dict.fromkeys(WEIGHTS, 0.0)
    size = next((scale for name, scale in TABLE_SIZES.items() if name in block), 1.0)
    before = ""
    for part in _PARTS.split(block):
        if part.startswith(r"\begin{align*}"):
            _chain(part, found)
            # a chain that opens its paragraph has an empty line above it
            found["chain_alone"] += lines(re.split(r"\\par\b", before)[-1]) == 0
        elif part.startswith(r"\begin{tabular}"):
            _table(part, size, found)
        elif part.strip():
            for paragraph in re.split(r"\\par\b", part):
                indent = _INDENT.search(paragraph)
                found["line"] += lines(paragraph, LINE_CHARACTERS - EM * float(indent.group(1)) if indent else None)
                found["line_fraction"] += min(paragraph.count(r"\frac"), lines(paragraph))
                found["line_delimited"] += min(len(_DELIMITED.findall(paragraph)), lines(paragraph))
                found["matrix_row"] += sum(rows - 1 for rows in matrix_rows(paragraph, _MATRICES))   # each on a line
                found["cases_row"] += sum(rows - 1 for rows in matrix_rows(paragraph, ("cases",)))
                found["matrix_fraction"] += _fraction_rows(paragraph)
        before = part
    return found


def height(block: str) -> float:
    """About how tall ``block`` is on a slide, in points (the measured weight of each thing counted)."""
    return sum(WEIGHTS[name] * count for name, count in counts(block).items())
