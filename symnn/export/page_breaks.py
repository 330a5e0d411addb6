r"""Page breaks of a printed answer key: an answer never opens a page alone.

An answer comes after the work that ends in it: a display, a table or a paragraph. LaTeX may break the
page right after either — amsmath puts ``\interdisplaylinepenalty`` after the last row of an ``align*``
too (a legal break before ``\postdisplaypenalty``), a table's ``\medskip`` is glue after a box, and a
longtable allows a break after its last rule and after its close — and then the answer opens the next page
by itself, or with one row of its work. So:

- the last ``TAIL`` rows of the work go with the answer: no break among them or after them (``_tail_kept``
  for displays, one or several in a row; ``_long_tail`` for a longtable); a tabular is one box, and
  ``\nopagebreak`` after it takes it along;
- a display breaks only between its steps, two rows at least on either side (``render.display_breaks``): one
  too short for that, and the label and the answer bound to it, go to the next page whole, by TeX's own page
  builder (the last legal break before them); nothing else ends a page short before a display (a guess at
  the block's height ended pages with room for it);
- a statement and an answer are never broken across pages (``whole_paragraphs``);
  a paragraph right after the answer (a note, "Here H is the Heaviside step") never opens a page without it;
- a line in bold (the heading of the work: "Compute the program at ...") never ends a page (``headings_kept``);
- a table never leaves one row alone on either side of a break (``rows_kept``, for a longtable: a tabular is
  one box), and the two halves of a table split by its columns, one set right under the other, never part
  (``tables_kept``); the line that introduces a longtable goes to the next page when what is left of this one
  does not hold it with the table's header and first two rows (``tables_kept``).

>>> body = "{\\noindent \\textbf{So}\n\\begin{align*}\nx &= 1 \\\\*\n&= 2\n\\end{align*}\\par}\n{\\noindent \\textbf{Answer:} $2$\\par}"
>>> print(answers_kept(body, "Answer"))
{\noindent \textbf{So}
{\postdisplaypenalty=10000
\begin{align*}
x &= 1 \\*
&= 2 \interdisplaylinepenalty=10000
\end{align*}}\par}
{\noindent \interlinepenalty=10000 \textbf{Answer:} $2$\par}
"""

from __future__ import annotations

import math
import re

from ..render.latex_tables import TABLE_START

# a longtable's introducing block taller than this many lines is not moved whole to the next page
MOST_LINES = 18
# a problem's heading, statement and opening paragraphs up to this many lines are never parted (``openings_kept``)
OPENING_LINES = 8
# the rows of the work that always travel with its answer to the next page
TAIL = 2
# a row of a display that goes on with the row above it (``render.display_breaks``)
_GOES_ON = "&\\quad"
# the text's line, in points (11 pt type)
LINE_PT = 13.6
# a statement or an answer up to this many lines is never broken across pages (a page holds about 50)
PAGE_LINES = 40
LONG_END = "\\end{longtable}}"
_GROUPED = "{\\postdisplaypenalty=10000"
_DISPLAY_END = re.compile(r"\\end\{align\*\}\}*(?:\\par\})?$")
_ROW_END = re.compile(r" \\\\\*?(\[[^]]*\])?$")
# a row of a display a page may break after (``\\`` not ``\\*``)
_FREE_ROW = re.compile(r" \\\\(\[[^]]*\])?$")
_TABLE_END = "\\end{tabular}\\par}\\medskip"
_PARAGRAPH = re.compile(r"\{(?:\\raggedright |\\leftskip=[\d.]+em )*\\noindent ")
_BOLD = re.compile(r"\{(?:\\raggedright )?\\noindent \\textbf\{(.*)\}\\par\}")
_LONG_START = re.compile(r"\{[^\n]*\\setlength\{\\LTpre\}")
# a page break before what follows when the page holds less than so many lines (see ``tables_kept``)
_CONDITIONAL = (r"\par\penalty10000\ifdim\dimexpr\pagegoal-\pagetotal\relax<%d\baselineskip"
                r"\ifdim\dimexpr\pagegoal-\pagetotal\relax>0pt\vfill\penalty-10000\fi\fi")
_CONTROL = re.compile(r"\\begin\{align\*\}|\\end\{align\*\}[}]*(?:\\par\})?|\{\\postdisplaypenalty=\d+|\\nopagebreak")


def answers_kept(body: str, answer: str, note: str | None = None) -> str:
    """``body`` with every answer (the paragraph headed ``answer``) kept on the page of the work before it, with
    at least the last ``TAIL`` rows of that work (``_tail_kept``, ``_long_tail``), and a statement or an answer
    shorter than a page never broken across two (``whole_paragraphs``); where ``note`` (the note's heading) is
    given, a paragraph right after an answer (a note, or a closing line) never opens a page without it."""
    head = re.compile(r"\{(?:\\raggedright |\\leftskip=[\d.]+em )*\\noindent \\textbf\{%s:\}" % re.escape(answer))
    lines = body.split("\n")
    # from the last answer up: the lines a display's group adds never move an answer not yet seen
    for k in reversed([k for k, line in enumerate(lines) if k and head.match(line)]):
        before = lines[k - 1]
        if before.endswith(_TABLE_END):
            lines[k - 1] = before[:-len("\\medskip")] + "\\nopagebreak\\medskip"
        elif before == LONG_END:
            _long_tail(lines, k - 1)
        elif _DISPLAY_END.search(before):
            _tail_kept(lines, k - 1)
        else:
            _line_tail_kept(lines, k)
    if note is not None:          # a note, or a line that closes the problem ("Here H is the Heaviside step …")
        lines = [line + ("\n\\nopagebreak" if head.match(line) and k + 1 < len(lines) and _PARAGRAPH.match(lines[k + 1]) else "")
                 for k, line in enumerate(lines)]
        lines = "\n".join(lines).split("\n")
    return "\n".join(whole_paragraphs(tables_kept(headings_kept(openings_kept(lines))), head))


def openings_kept(lines: list[str], most: float = OPENING_LINES) -> list[str]:
    r"""``lines`` with no page break between a problem's heading, its statement and the paragraphs that open its
    work (the shapes, the point, a first line of the work), up to about ``most`` lines, nor before the display or
    the table they lead to: a heading never ends a page without the work under it (a label that opens a display is
    kept with the display's first rows by LaTeX's ``\predisplaypenalty``). A longer opening may break after it.

    >>> openings_kept(["\\section*{Problem 1}", "{\\noindent Find $x$.\\par}", "\\nopagebreak",
    ...                "{\\noindent Shapes: $x$\\par}", "{\\noindent At $x = 1$:"])[4]
    '\\nopagebreak'
    """
    out: list[str] = []
    opening, total = False, 0.0
    for k, line in enumerate(lines):
        out.append(line)
        if line.startswith("\\section*{"):
            opening, total = True, 2.0                  # the heading and the skip above it
            continue
        if not opening or line == "\\nopagebreak":
            continue
        height, statement = _lines([line]), total == 2.0
        total += height
        following = lines[k + 1] if k + 1 < len(lines) else ""
        if not (_PARAGRAPH.match(line) and line.endswith("\\par}")) or total > most or not following.strip():
            opening = False                             # the work has begun (a display, a table), or is long
            continue
        # a line that sets the work up (the shapes, "where a = X W") is kept with what follows; a longer paragraph
        # is the work's first lines (two at least, with no widow nor club), and a page may end after it
        opening = statement or height <= 1
        if opening and following != "\\nopagebreak":
            out.append("\\nopagebreak")
    return out


def _line_tail_kept(lines: list[str], answer: int) -> None:
    r"""Where the work ends in a short paragraph ("The gradients of the terms added: …") after a display, that
    paragraph goes with the answer (``\nopagebreak`` between) and with the last ``TAIL`` steps of the display above
    it (``_tail_kept``): a page never opens with a line of text and the answer alone."""
    text = answer - 1 - (lines[answer - 1] == "\\nopagebreak")
    if text < 1 or not (_PARAGRAPH.match(lines[text]) and lines[text].endswith("\\par}")) or _lines([lines[text]]) > 3:
        return
    above = lines[text - 1]
    work = _DISPLAY_END.search(above) or above.endswith(_TABLE_END) or (_PARAGRAPH.match(above) and above.endswith("\\par}"))
    if not work:
        return
    if text == answer - 1:
        lines.insert(answer, "\\nopagebreak")
    if _DISPLAY_END.search(above):
        _tail_kept(lines, text - 1)
    elif above.endswith(_TABLE_END):                    # a table is one box: it goes along
        lines[text - 1] = above[:-len("\\medskip")] + "\\nopagebreak\\medskip"
    else:                                               # a line of text above: the two go together
        lines.insert(text, "\\nopagebreak")


def whole_paragraphs(lines: list[str], answer: re.Pattern) -> list[str]:
    r"""``lines`` with each statement (the paragraph under a problem's heading) and each answer (a paragraph
    ``answer`` matches) never broken across pages (``\interlinepenalty``, read when the paragraph is broken
    into lines, set within the paragraph's group), unless it is longer than ``PAGE_LINES``: no page holds it."""
    out = list(lines)
    for k, line in enumerate(lines):
        statement = k > 0 and lines[k - 1].split("\n")[-1].startswith("\\section*{")
        if (statement or answer.match(line)) and _PARAGRAPH.match(line) and line.endswith("\\par}") \
                and _lines([line]) <= PAGE_LINES:
            out[k] = line.replace("\\noindent ", "\\noindent \\interlinepenalty=10000 ", 1)
    return out


def headings_kept(lines: list[str]) -> list[str]:
    r"""``lines`` with ``\nopagebreak`` after each paragraph that is all in bold (the heading of a problem's
    work), so that it never ends a page: it goes on with the first lines of what it heads.

    >>> headings_kept(["{\\noindent \\textbf{Compute the program at $x = 1$}\\par}", "{\\noindent Forward pass:\\par}"])[1]
    '\\nopagebreak'
    """
    out = []
    for k, line in enumerate(lines):
        out.append(line)
        following = next((later for later in lines[k + 1:] if later.strip()), "\\nopagebreak")
        if _all_bold(line) and not following.startswith("\\nopagebreak"):
            out.append("\\nopagebreak")
    return out


def _all_bold(line: str) -> bool:
    """Whether ``line`` is a paragraph whose whole text is one ``\\textbf{...}``, not a bold word before text."""
    match = _BOLD.fullmatch(line)
    depth = 0
    for char in match.group(1) if match else "}":
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth < 0:
            return False
    return depth == 0


def rows_kept(rows: list[str]) -> list[str]:
    r"""The rows of a longtable, one a line, with no page break after the first nor before the last, nor after the
    last (``\\*``; its closing rule never opens a page alone): a break leaves at least two rows on either side of it.

    >>> rows_kept(["1 \\\\", "2 \\\\", "3 \\\\", "4 \\\\"])
    ['1 \\\\*', '2 \\\\', '3 \\\\*', '4 \\\\*']
    """
    rows = list(rows)
    for k in {0, len(rows) - 2, len(rows) - 1} - {-1}:
        rows[k] = _ROW_END.sub(r" \\\\*\1", rows[k])
    return rows


def tables_kept(lines: list[str]) -> list[str]:
    r"""``lines`` with a tabular set right above another table (its other half: a table split by its columns)
    kept on the same page (``\nopagebreak`` after the box; a longtable above one is not bound: its other half
    has a header of its own, and binding it would need that whole table's room, see ``_long_tail``); a display
    that introduces a table (its first row "At the point …", the table its values) bound to it, its last
    ``TAIL`` rows never parted from the table (``_tail_kept``: a tabular is one box; a longtable's first two rows
    are bound, ``rows_kept``); and before the line or the display that introduces a longtable a conditional
    page break: a longtable may break after its header's place (a penalty before ``\LTpre``), leaving the line
    alone at the page's foot, unless the page holds the line, the header and two rows (for a display, only when
    it cannot break: a longer one's last rows are not moved without its first)."""
    lines = list(lines)
    for k in reversed(range(len(lines) - 1)):
        if _DISPLAY_END.search(lines[k]) and _table_start(lines[k + 1]):
            _tail_kept(lines, k)
    out = list(lines)
    for k, line in enumerate(lines[:-1]):
        if line.endswith(_TABLE_END) and _table_start(lines[k + 1]):
            out[k] = line[:-len("\\medskip")] + "\\nopagebreak\\medskip"
        if not _LONG_START.match(lines[k + 1]) or k < 2:
            continue
        if line == "\\nopagebreak" and _PARAGRAPH.match(lines[k - 1]):
            start, end = _with_kept(lines, k - 1), k
        elif _DISPLAY_END.search(line) and not any(_FREE_ROW.search(row) for row in lines[_block_start(lines, k):k]):
            start, end = _with_kept(lines, _block_start(lines, k)), k + 1
        else:
            continue
        head = lines.index("\\endhead", k)
        height = _lines([*lines[start:end], *lines[head - 2:head + 3]]) + 2     # the rules and the skip above
        if height <= MOST_LINES:
            out[start] = _CONDITIONAL % math.ceil(height) + "\n" + out[start]
    return out


def _table_start(line: str) -> bool:
    """Whether ``line`` begins a table: a tabular (its skip and group) or a longtable (its group)."""
    return line.startswith(TABLE_START) or bool(_LONG_START.match(line))


def _with_kept(lines: list[str], start: int) -> int:
    """Where a block that begins at ``lines[start]`` begins with the paragraphs kept with it (the statement, a
    heading of the work; ``\\nopagebreak`` between) and the problem's heading above them."""
    while start > 1 and lines[start - 1] == "\\nopagebreak" and _PARAGRAPH.match(lines[start - 2]) \
            and lines[start - 2].endswith("\\par}"):
        start -= 2
    if start > 0 and lines[start - 1].startswith("\\section*{"):
        start -= 1
    return start


def _tail_kept(lines: list[str], end: int) -> tuple[int, int]:
    r"""No page break among the last ``TAIL`` rows of the displays that end at ``lines[end]`` (one display, or
    several that follow one another) nor after them; returns the line that begins the earliest display so
    kept, and where ``lines[end]`` is now (a display closed in a group of its own adds a line above it).

    Inside a display a row's ``\\`` becomes ``\\*``. After a display's last row amsmath puts
    ``\interdisplaylinepenalty`` (a legal break even under ``\postdisplaypenalty=10000``): that row sets it to
    10000 within its cell, for itself only. A display with a display after it is closed in a group that sets
    ``\postdisplaypenalty=10000``. A table the displays sum up is a box: ``\nopagebreak`` after it takes it along."""
    need, shift, last = TAIL, 0, end
    while True:
        begin = next(k for k in range(end, -1, -1) if lines[k].startswith("\\begin{align*}"))
        rows = list(range(begin + 1, end))
        lines[rows[-1]] += r" \interdisplaylinepenalty=10000"
        kept = _last_steps(lines, rows, need)
        for row in kept[:-1]:
            lines[row] = _ROW_END.sub(r" \\\\*\1", lines[row])
        if lines[begin - 1] != _GROUPED:
            lines[end] = lines[end].replace("\\end{align*}", "\\end{align*}}", 1)
            lines.insert(begin, _GROUPED)
            shift += 1
        else:
            begin -= 1
        need -= sum(not lines[row].startswith(_GOES_ON) for row in rows)
        previous = lines[begin - 1] if begin > 0 else ""
        # the work above: the display's, or, past the line that labels a display of fewer rows ("A variable used by
        # several nodes collects…"), the table that line sums up: a short tail never opens a page without it
        above = begin - 1 - bool(need > 0 and _PARAGRAPH.match(previous) and not previous.endswith("\\par}"))
        if need > 0 and above >= 0 and lines[above].endswith(_TABLE_END):
            lines[above] = lines[above][:-len("\\medskip")] + "\\nopagebreak\\medskip"
        elif need > 0 and above >= 0 and lines[above] == LONG_END:
            _long_tail(lines, above, last + shift + 1)
        if need <= 0 or not _DISPLAY_END.search(previous):
            return begin, last + shift
        end = begin - 1


def _last_steps(lines: list[str], rows: list[int], steps: int) -> list[int]:
    r"""The last ``steps`` steps of a display's ``rows`` (their line numbers): a row that begins ``&\quad`` (the hint
    under a step, the rest of a long one) goes on with the row above it and is no step of its own, so a tail is never
    one step and its hint."""
    kept: list[int] = []
    for row in reversed(rows):
        if steps <= 0:
            break
        kept.insert(0, row)
        steps -= not lines[row].startswith(_GOES_ON)
    return kept


def _long_tail(lines: list[str], end: int, upto: int | None = None) -> None:
    r"""A longtable that ends in the answer: its last ``TAIL`` rows never parted (``\\*``), and no break after
    its last rule (longtable's ``\hline`` allows one, at ``-\@lowpenalty``) nor after its close (the penalty the
    preamble patches into ``\endlongtable``): ``\symnnkept``, defined in the preamble, forbids both. What follows
    it up to line ``upto`` (default: the answer, the line after it) goes with its last rows."""
    last = end - 2                                      # the last row, above the rule: \hline, \end{longtable}}
    for row in range(last - TAIL + 1, last + 1):        # the last row with its rule too
        lines[row] = _ROW_END.sub(r" \\\\*\1", lines[row])
    start = next(k for k in range(end, -1, -1) if lines[k].startswith("{") and "\\LTpre" in lines[k])
    lines[start] = "{\\symnnkept " + lines[start][1:]
    # the answer's room, taken inside the table and given back after it: where the page cannot hold the last rows
    # and the answer, TeX finds it out while the table is still being set, and longtable ends the page itself,
    # setting the header again above the rows it carries over (a break TeX went back to after the table had
    # ended would carry them over without it)
    room = (_lines(lines[end + 1:(end + 1 if upto is None else upto) + 1]) + 1) * LINE_PT
    lines[end - 1] += "\n\\noalign{\\penalty10000\\vskip%.1fpt}" % room
    lines[end] += "\\nobreak\\vskip-%.1fpt" % room


def _block_start(lines: list[str], end: int) -> int | None:
    """The line that opens the paragraph a display ending at ``end`` is set in: its label's line, or the
    display itself (with the group that sets its penalty)."""
    begin = next((k for k in range(end, -1, -1) if lines[k].startswith("\\begin{align*}")), None)
    if begin is None:
        return None
    if begin and lines[begin - 1].startswith("{\\postdisplaypenalty"):
        begin -= 1
    label = begin - 1
    return label if label >= 0 and _PARAGRAPH.match(lines[label]) and not lines[label].endswith("\\par}") else begin



def paragraph_lines(part: str) -> float:
    """About how many lines the first paragraph of ``part`` (a solution's LaTeX: its statement) takes."""
    return _lines([part.split("\\par}\n", 1)[0]])


def _lines(block: list[str]) -> float:
    """About how many lines of text ``block`` takes: a row of a display one line, a matrix's row more, a
    fraction more than a line, a long paragraph several."""
    total = 0.0
    for line in block:
        if _CONTROL.fullmatch(line):
            continue
        matrix_rows = max((cell.count("\\\\") + 1 for cell in re.findall(r"\\begin\{[pbv]?matrix\}(.*?)\\end\{", line)),
                          default=1)
        text = re.sub(r"\\[A-Za-z]+|[{}$]", "", line)
        tall = 1.6 if "\\frac" in line else 1.0
        total += max(1.3 * matrix_rows if matrix_rows > 1 else tall, math.ceil(len(text) / 95))
    return total
