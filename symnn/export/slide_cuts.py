r"""How a block too tall for the room left on a slide's frame is cut (``beamer.frames_of`` packs the pieces): a table
between its rows, its header repeated on each part, never inside a group of rows that name one thing; a chain
between its rows, where an equation begins when it holds several, and one equation's derivation only when it is
taller than a frame; at least three rows on either side of a cut where the rows allow, a last part of too few rows
evened out with the one before; else a block between its paragraphs.
"""

from __future__ import annotations

import re

from .slide_heights import FRAME_HEIGHT, cells, height

# a table or a chain that does not fit the room left on a frame is cut between its rows to fill it when that room is
# at least this much of a frame (a frame left half empty above a table set whole on the next wastes a slide)
FILL = 0.4
# a table of fewer rows than this is never cut when it fits a frame whole (``pieces``)
SHORT_TABLE = 8


def _opened(text: str) -> int:
    """How many braces ``text`` leaves open."""
    return len(re.findall(r"(?<!\\)\{", text)) - len(re.findall(r"(?<!\\)\}", text))


_STRUT = re.compile(r"^\\rule\[[^]]*\]\{0pt\}\{[^}]*\}")
_ROW_END = re.compile(r" \\\\\*?(?:\[[^]]*\])?$")
# a chain's row that goes on with the one above: the rest of a side cut in two, or the hint of the row above
_GOES_ON_ROW = "&\\quad "
# a table or a chain cut between its rows leaves at least this many rows on either side of a cut (a frame
# holding only a table's last row or two wastes a slide)
LEAST_ROWS = 3


def _runs(count: int, compose, capacity: float, room: float, starts: set | None = None) -> list[list[int]]:
    """``count`` rows cut into runs, each ``compose(run, first, last)`` no taller than a frame's ``capacity``,
    the first no taller than the ``room`` left on the frame it begins (a full frame instead if fewer than
    ``LEAST_ROWS`` rows fit that room); a run begins only at a row of ``starts`` where it can (default: any;
    a chain's row that goes on with the side above it, or holds its hint, never opens a frame); a last run
    of fewer than ``LEAST_ROWS`` rows takes rows from the one before it while that one keeps more and the
    last still fits."""
    starts = set(range(count)) if starts is None else starts
    for limit in (room, capacity):
        runs = [[]]
        for row in range(count):
            if runs[-1] and height(compose([*runs[-1], row], len(runs) == 1, False)) > (limit if len(runs) == 1
                                                                                       else capacity):
                cut = max((k for k, kept in enumerate(runs[-1]) if k and kept in starts), default=None)
                if row in starts or cut is None:
                    runs.append([])
                else:                   # back to the last row that may open a frame
                    runs[-1:] = [runs[-1][:cut], runs[-1][cut:]]
            runs[-1].append(row)
        # the last run closes the block (an answer kept with it): too tall so, it is cut at its last start
        cut = max((k for k, kept in enumerate(runs[-1]) if k and kept in starts), default=None)
        if cut and height(compose(runs[-1], len(runs) == 1, True)) > (limit if len(runs) == 1 else capacity):
            runs[-1:] = [runs[-1][:cut], runs[-1][cut:]]
        # (the room left holds too few rows, or only part of the first equation: the block begins a frame)
        if len(runs[0]) >= min(LEAST_ROWS, count) and (len(runs) == 1 or runs[1][0] in starts) or limit == capacity:
            break
    while len(runs) > 1 and len(runs[-1]) < LEAST_ROWS and len(runs[-2]) > len(runs[-1]) + 1:
        take = next((n for n in range(1, len(runs[-2]) - len(runs[-1])) if runs[-2][-n] in starts), None)
        moved = [*runs[-2][-(take or 1):], *runs[-1]]
        # (what closes the block, when it does not fit with the last run anyway, goes on after it: ``split``)
        closed = height(compose(runs[-1], len(runs) == 1, True)) <= capacity
        if take is None or height(compose(moved, len(runs) == 2, closed)) > capacity:
            break
        runs[-2:] = [runs[-2][:-take], moved]
    # a first or last run still of too few rows, of a block that fits a frame whole: the block is not cut (set whole on
    # a frame)
    if len(runs) > 1 and min(len(runs[0]), len(runs[-1])) < min(LEAST_ROWS, count) \
            and height(compose(list(range(count)), True, True)) <= capacity:
        return [list(range(count))]
    return runs


def row_side(row: str) -> str:
    """The left side of a chain's row (empty on a row that goes on with the equation above it)."""
    return row.split("&", 1)[0].strip()


def _cut_rows(lines: list[str], first: int, last: int, head: list[str], tail: list[str], capacity: float,
              room: float) -> list[str]:
    """``lines`` cut between their rows ``lines[first:last]`` into blocks that fit a frame (``_runs``), each
    under ``head`` (a table's start and header) and closed by ``tail``; the lines before the rows go with
    the first block, the lines after them (the close and what is kept with it) with the last."""
    before, after, rows = lines[:first], lines[last:], lines[first:last]
    chain = tail[0].startswith(r"\end{align*}")

    def compose(run: list[int], opening: bool, end: bool) -> str:
        kept = [rows[k] for k in run]
        if chain and not end:
            kept = [*kept[:-1], _ROW_END.sub("", kept[-1])]
        return "\n".join([*(before if opening else head), *kept, *(after if end else tail)])

    starts = {k for k, row in enumerate(rows) if not (chain and row.startswith(_GOES_ON_ROW))}
    # a table's rows of one group (a parameter's velocity and its new value, each row naming it in the first column, or
    # a row going on under an empty first cell) are never cut apart
    firsts = [_STRUT.sub("", cells(row)[0]).strip() for row in rows]
    starts -= set() if chain else {k for k in range(1, len(rows)) if firsts[k] in ("", firsts[k - 1])}
    # a chain of several equations (each a left side and its steps) is cut only where an equation begins; its first
    # row begins one whatever its side (a derivation ∂/∂w(…) = … = … before ∇E = (…) is one equation)
    equations = {k for k in starts if row_side(rows[k]) or k == 0}
    starts = equations if chain and len(equations) > 1 else starts
    # one equation's derivation (a left side and its steps) is cut mid-chain only when it is taller than a frame (a
    # whole frame's height, also when the frames are packed to less to even them out)
    if chain and len(equations) <= 1 and height(compose(list(range(len(rows))), True, True)) <= max(capacity, FRAME_HEIGHT):
        return [compose(list(range(len(rows))), True, True)]
    runs = _runs(len(rows), compose, capacity, room, starts)
    lead = before[:-len(head)] if not chain and before[-len(head):] == head else []
    # (a lead-in, the paragraph ending in a colon that introduces the table, stays with it)
    lead = lead[:next((k for k in range(len(lead) - 1, -1, -1) if lead[-1].endswith(":\\par}") and lead[k].startswith("{")
                       and _opened("\n".join(lead[k:])) == 0), len(lead))]
    if len(runs) > 1 and len(runs[0]) < min(LEAST_ROWS, len(rows)) and lead:
        # a table whose first part would hold a row or two under what leads to it: the lead alone, the table after it
        return ["\n".join(lead), *_cut_rows(lines[len(lead):], first - len(lead), last - len(lead), head, tail, capacity,
                                            capacity)]
    # a last part of too few rows (a table's last row alone on a frame): the rows cut again into as many parts, each
    # filled to less, while that gives the last part more rows
    for less in range(8, int(capacity / 2), 8):
        if len(runs) < 2 or len(runs[-1]) >= LEAST_ROWS:
            break
        packed = _runs(len(rows), compose, capacity - less, min(room, capacity - less), starts)
        if len(packed) > len(runs):
            break
        runs = packed if len(packed[-1]) > len(runs[-1]) else runs
    return [compose(run, k == 0, k == len(runs) - 1) for k, run in enumerate(runs)]


def pieces(block: str, capacity: float = FRAME_HEIGHT, room: float | None = None) -> list[str]:
    """``block`` as it is when it fits the ``room`` left on the frame it begins (or, when that room is less than
    ``FILL`` of a frame, a frame); else a table cut between its rows (each part under the table's header) and a
    chain between its rows, so that each part fits a frame, the first that room."""
    room = capacity if room is None else room
    tall = height(block)
    # (a short table that fits a frame whole is set whole on the next: its few rows read as one, never parted 3/4)
    short = r"\begin{align*}" not in block and _table_rows(block) < SHORT_TABLE and tall <= capacity
    return [block] if tall <= (room if room >= FILL * capacity else capacity) or short else split(block, capacity, room)


def _table_rows(block: str) -> int:
    """How many rows the table of ``block`` has (none when it has no table): the lines between its header's rule
    and its last."""
    lines = block.split("\n")
    start = next((k for k, line in enumerate(lines) if line.startswith(r"\begin{tabular}")), None)
    return 0 if start is None else next(k for k, line in enumerate(lines) if line.startswith(r"\end{tabular}")) - start - 5


def split(block: str, capacity: float, room: float) -> list[str]:
    """``block`` cut between its rows (a table's or a chain's) so that each part fits a frame, the first the
    ``room`` given; a block of neither, or one whose first rows do not fit that room, as it is; a block taller
    than a frame that its rows do not cut, between its paragraphs (an answer listing its values, each displayed)."""
    parts = _cut_at_rows(block, capacity, room)
    return [piece for k, part in enumerate(parts)
            for piece in (_by_paragraphs(part, capacity, room if k == 0 else capacity) if height(part) > capacity else [part])]


def _by_paragraphs(block: str, capacity: float, room: float) -> list[str]:
    """``block`` cut between its paragraphs so that each part fits a frame, the first the ``room`` given."""
    out = [[]]
    for group in _groups(block):
        if out[-1] and height("\n".join([*out[-1], group])) > (room if len(out) == 1 else capacity):
            out.append([])
        out[-1].append(group)
    return ["\n".join(part) for part in out]


def _groups(block: str) -> list[str]:
    """The paragraphs of ``block``: its lines cut where every brace and environment opened is closed."""
    out, current = [], []
    for line in block.split("\n"):
        current.append(line)
        text = "\n".join(current)
        if _opened(text) == 0 and text.count(r"\begin{") == text.count(r"\end{"):
            out.append(text)
            current = []
    return out + (["\n".join(current)] if current else [])


def _cut_at_rows(block: str, capacity: float, room: float) -> list[str]:
    """``block`` cut between the rows of its table or its first chain (``split``)."""
    lines = block.split("\n")
    if r"\begin{tabular}" in block:
        start = next(k for k, line in enumerate(lines) if line.startswith(r"\begin{tabular}"))
        end = next(k for k, line in enumerate(lines) if line.startswith(r"\end{tabular}"))
        if start and lines[start + 3] == r"\hline" and lines[end - 1] == r"\hline":
            # the table's start, its columns and its header between rules; its last rule and its close
            return _cut_rows(lines, start + 4, end - 1, lines[start - 1:start + 4], lines[end - 1:end + 1], capacity,
                             room)
    if r"\begin{align*}" in lines:
        start = lines.index(r"\begin{align*}")
        end = next(k for k in range(start, len(lines)) if lines[k].startswith(r"\end{align*}"))
        # a chain in the paragraph of its label, or kept with its answer, is in a group: each part is
        opened = _opened("\n".join(lines[:start]))
        return _cut_rows(lines, start + 1, end, ["{" * opened + lines[start]], [lines[end][:len(r"\end{align*}")] + "}" * opened],
                         capacity, room)
    return [block]
