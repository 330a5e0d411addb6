r"""Beamer slides of a problem set, for a lecture: one problem per frame, a long solution
continued on the frames after it (never scaled down to fit), each frame ending between two whole
blocks (a paragraph, a chain, a table; a label with what it introduces; a sentence broken by a display) or
between the rows of a chain or a table that does not fit the room left, at least three rows on either side of the
cut and a chain of several equations only where one begins (its tables set whole and readable, ``slide_tables``),
a problem's last frame never a scrap under a full one, and the problem's picture where the
course has one (the graph of a computational graph, the activations, the optimizers' paths,
a training run's loss).

The pictures are files beside the slides; ``pictures`` draws them, ``slides`` writes the LaTeX
that includes them by name.
"""

from __future__ import annotations

import re

from ..lang import LANGUAGES, phrase
from ..render import render
from ..render.latex_setup import spelled
from ..render.solutions import definitions
from .documents import displays_in_paragraphs, plain_latex
from .slide_heights import height
from .slide_tables import whole_tables
from .worksheets import headings

# the width the printer breaks a slide's displays to: the frame's text is 10.5 cm wide (the default 128 mm frame less
# its margins), in \small type (10 pt) where the printer counts characters of the 11 pt page (a display row of
# "= 1 · 0,5237 · (1 − 0,5237)" after a label was cut in two with a third of the line to spare)
TEXT_WIDTH = "11.5cm"

BEAMER_PREAMBLE = r"""\documentclass[11pt]{beamer}
\usepackage[T2A]{fontenc}
\usepackage[utf8]{inputenc}
\usepackage[%(babel)s]{babel}
\usepackage{amsmath,amssymb}
\usepackage{graphicx}
\setbeamertemplate{navigation symbols}{}
\setbeamerfont{frametitle}{size=\normalsize}
\allowdisplaybreaks
\setlength{\emergencystretch}{2em}
%% a formula in a sentence never breaks after its = (no "n =" or "L =" left at a line's end)
\relpenalty=10000
\title{%(title)s}
\subtitle{%(course)s}
\date{}
"""


def _picture_GraphPass(work, lang, places=None):
    from .pictures.graphs import graph_picture
    return graph_picture(work, lang, places, gates=False)     # a slide's height holds a deep graph's ranks


def _picture_ActivationTable(work, lang, places=None):
    from .pictures.figures import activations_pictures
    return activations_pictures(lang)        # thirteen panels are too small on one slide: a few on each


def _picture_OptimizerComparison(work, lang, places=None):
    from .pictures.optimizers import optimizers_picture, rate_name
    # the problem's own start and rates, which the picture's title compares with its own
    etas = {step.optimizer.name: next(v for s, v in step.hyper.items() if s.name == rate_name(step.optimizer.name))
            for step in work.steps}
    return optimizers_picture(lang=lang, problem=(work.steps[0].start, etas))


def _picture_TrainingRun(work, lang, places=None):
    from .pictures.figures import loss_picture
    return loss_picture([work], lang)


# the picture of each kind of work that has one, keyed by the work's class
PICTURES = {"GraphPass": _picture_GraphPass, "ActivationTable": _picture_ActivationTable,
            "OptimizerComparison": _picture_OptimizerComparison, "TrainingRun": _picture_TrainingRun}


def pictures(solutions: list, lang: str, decimals: int | None = None) -> dict:
    """The picture of each solution that has one (or the pictures, one a frame), by problem id, its numbers rounded as the slides round
    them (``decimals``, else the problem's own places, as ``worksheets.key_pictures`` rounds a key's). A
    picture that cannot be drawn here (no matplotlib, no graphviz) is left out: the slides are still whole
    without it."""
    drawn = {}
    for solution in solutions:
        draw = PICTURES.get(type(solution.work).__name__)
        if draw is None:
            continue
        try:
            places = decimals        # the values of the work: the reader's places, else the default
            drawn[solution.problem.id] = draw(solution.work, lang, places)
        except (ImportError, RuntimeError, OSError):
            continue
    return drawn


# a slide's displays close to their text (\small sets the skips anew in every frame)
_TIGHT = r"\setlength{\abovedisplayskip}{3pt plus 1pt}\setlength{\belowdisplayskip}{3pt plus 1pt}"
# the height a frame's text has, in points: a 96 mm frame less its title holds 250 pt of \small text before TeX
# finds it overfull (measured with rules of each height); the estimate (``slide_heights``) errs by up to about 20 pt
# on a block, so a frame is filled to 18 pt less (every topic's frames, en and ru, brief and full, measured 245 pt
# at most)
FRAME_HEIGHT = 232.0
# a block shorter than ``SHORT`` of a frame that would stand alone on the last frame of a problem may fill the frame
# before up to ``FULL_HEIGHT`` (estimated; the estimate of a frame so filled erred by up to 10 pt against the 250 pt a
# frame holds)
FULL_HEIGHT, SHORT = 238.0, 0.25
# a table or a chain that does not fit the room left on a frame is cut between its rows to fill it when that room is
# at least this much of a frame (a frame left half empty above a table set whole on the next wastes a slide)
FILL = 0.4


# a paragraph that goes on with the sentence before it: it begins with no capital, formula, group or bold label
# (a small letter, a dash, a comma go on)
_GOES_ON = re.compile(r"\{(?:\\raggedright |\\leftskip=[\d.]+em )*\\noindent (?![A-ZА-ЯЁ{$]|\\textbf)")
_ANSWER = re.compile(r"\{(?:\\raggedright |\\leftskip=[\d.]+em )*\\noindent \\textbf\{(?:%s):\}"
                     % "|".join(re.escape(phrase(lang, "answer")) for lang in LANGUAGES))
_LISTED = re.compile(r"[,;]\n\\end\{align\*\}\\par\}$")


def blocks(body: str) -> list[str]:
    """``body`` (the printer's LaTeX) cut into its blocks, each a paragraph, a display or a table as a
    whole; a block preceded by ``\nopagebreak`` (a label and what it introduces) is one with it, and so is an
    answer with the work before it (a table or a chain is cut between its rows, not from its answer)."""
    out, current, glue = [], [], False
    for line in body.strip().split("\n"):
        if line == r"\nopagebreak":
            glue = True
            continue
        if not current and (glue or _ANSWER.match(line)) and out:
            current = [out.pop()]
        current.append(line)
        glue = False
        text = "\n".join(current)
        opened = text.count(r"\begin{") - text.count(r"\end{")
        braces = len(re.findall(r"(?<!\\)\{", text)) - len(re.findall(r"(?<!\\)\}", text))
        if opened == 0 and braces == 0:
            out.append(text)
            current = []
    if current:
        out.append("\n".join(current))
    # a sentence the printer broke by a display (its formula set on a line of its own, its paragraph ended
    # there) goes on in the next paragraph: the two are one block, never cut mid-sentence
    # (a display whose last row ends in a comma or a semicolon: an answer that lists its values goes on too)
    for k in range(len(out) - 1, 0, -1):
        if out[k - 1].endswith(r"\end{align*}\par}") and (_GOES_ON.match(out[k]) or _LISTED.search(out[k - 1])):
            out[k - 1:k + 1] = [out[k - 1] + "\n" + out[k]]
    return out


def _opened(text: str) -> int:
    """How many braces ``text`` leaves open."""
    return len(re.findall(r"(?<!\\)\{", text)) - len(re.findall(r"(?<!\\)\}", text))


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
    of fewer than ``LEAST_ROWS`` rows takes rows from the one before it while that one keeps as many and the
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
    while len(runs) > 1 and len(runs[-1]) < LEAST_ROWS and len(runs[-2]) > LEAST_ROWS:
        take = next((n for n in range(1, len(runs[-2]) - LEAST_ROWS + 1) if runs[-2][-n] in starts), None)
        moved = [*runs[-2][-(take or 1):], *runs[-1]]
        if take is None or height(compose(moved, len(runs) == 2, True)) > capacity:
            break
        runs[-2:] = [runs[-2][:-take], moved]
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
    # a chain of several equations (each a left side and its steps) is cut only where an equation begins; its first
    # row begins one whatever its side (a derivation ∂/∂w(…) = … = … before ∇E = (…) is one equation)
    equations = {k for k in starts if row_side(rows[k]) or k == 0}
    starts = equations if chain and len(equations) > 1 else starts
    runs = _runs(len(rows), compose, capacity, room, starts)
    return [compose(run, k == 0, k == len(runs) - 1) for k, run in enumerate(runs)]


def pieces(block: str, capacity: float = FRAME_HEIGHT, room: float | None = None) -> list[str]:
    """``block`` as it is when it fits the ``room`` left on the frame it begins (or, when that room is less than
    ``FILL`` of a frame, a frame); else a table cut between its rows (each part under the table's header) and a
    chain between its rows, so that each part fits a frame, the first that room."""
    room = capacity if room is None else room
    return [block] if height(block) <= (room if room >= FILL * capacity else capacity) else _cut(block, capacity, room)


def _cut(block: str, capacity: float, room: float) -> list[str]:
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
    """``block`` cut between the rows of its table or its first chain (``_cut``)."""
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


def frames_of(body: str, capacity: float = FRAME_HEIGHT) -> list[str]:
    """The blocks of ``body`` packed into frames in their order, a frame ending only between two blocks
    (or between the rows of a table or a chain taller than a frame)."""
    frames, room, rooms, cut = [[]], capacity, [], set()
    for whole in blocks(body):
        for block in (parts := pieces(whole, capacity, room if frames[-1] else capacity)):
            if len(parts) > 1:
                cut.update(parts)
            room = _placed(frames, rooms, block, room, capacity)
    # a short last block alone on its frame (an answer, a note) goes on the frame before, into the margin the
    # estimate keeps, when it fits the height a frame holds
    if len(frames) > 1 and len(frames[-1]) == 1 and capacity - room < SHORT * capacity \
            and capacity - room <= rooms[-1] + FULL_HEIGHT - FRAME_HEIGHT:
        frames[-2:] = [frames[-2] + frames[-1]]
    return ["\n".join(frame) for frame in balanced(frames, capacity, cut)]


def _placed(frames: list[list[str]], rooms: list[float], block: str, room: float, capacity: float) -> float:
    """Put ``block`` on the last frame, or on a new one when it does not fit the ``room`` left; the room left after it."""
    tall = height(block)
    if frames[-1] and tall > room:
        frames.append([])
        rooms.append(room)
        room = capacity
    frames[-1].append(block)
    return room - tall


def balanced(frames: list[list[str]], capacity: float = FRAME_HEIGHT, cut: set = frozenset()) -> list[list[str]]:
    """The last two frames of a problem evened out: the blocks at the end of the one before go to the last
    while that leaves the fuller of the two less full (a continued frame of three lines under a full one reads
    as a scrap); a part of a chain or a table cut between frames (``cut``) stays where it is."""
    while len(frames) > 1 and len(frames[-2]) > 1 and frames[-2][-1] not in cut:
        before, last, tall = (sum(map(height, frames[-2])), sum(map(height, frames[-1])), height(frames[-2][-1]))
        if last + tall > capacity or max(before - tall, last + tall) >= max(before, last):
            break
        frames[-2:] = [frames[-2][:-1], [frames[-2][-1], *frames[-1]]]
    # a last frame still less than a third full (a chain's last product and the answer) takes the last rows of the
    # table or chain that ends the frame before, as many as even the two out
    if len(frames) > 1 and frames[-2][-1] not in cut and (last := sum(map(height, frames[-1]))) < capacity / 3:
        before, block = sum(map(height, frames[-2][:-1])), frames[-2][-1]
        parts = _cut(block, capacity, (before + height(block) + last) / 2 - before)
        if len(parts) == 2 and height(parts[1]) + last <= capacity:
            frames[-2:] = [[*frames[-2][:-1], parts[0]], [parts[1], *frames[-1]]]
    return frames


def _frame(title: str, body: str, picture: str | list[str] | None, continued: str) -> str:
    """A problem's frames: its solution over as many frames as it fills (the later ones titled as
    continued), never scaled down, and each of its pictures on a frame of its own, as large as the frame's room."""
    parts = [f"\\small{_TIGHT}\n{part.strip()}" for part in frames_of(body)]
    for file in [] if picture is None else [picture] if isinstance(picture, str) else picture:
        parts.append("\\centering\n\\includegraphics[width=\\linewidth,height=0.86\\textheight,"
                     "keepaspectratio]{%s}" % file)
    return "\n\n".join(f"\\begin{{frame}}{{{title if k == 0 else f'{title} ({continued})'}}}\n{part}\n\\end{{frame}}"
                         for k, part in enumerate(parts))


def slides(solutions: list, lang: str, title: str, settings: dict | None = None, files: dict | None = None,
           course: str | None = None) -> str:
    """The slides (LaTeX for pdflatex): a title frame, then a frame per problem, its solution written
    with the printer ``settings`` (detail, decimals) to the slide's width; ``files``: the picture
    file of a problem, by id, included after its solution; ``course``: under the title."""
    files = files or {}
    other = "russian" if lang == "en" else "english"
    babel = f"{other},{'russian' if lang == 'ru' else 'english'}"
    preamble = BEAMER_PREAMBLE % {"babel": babel, "title": plain_latex(title),
                                  "course": plain_latex(course or phrase(lang, "sheet.course"))}
    frames, defined = [], ()
    for heading, solution in zip(headings([s.problem for s in solutions], lang), solutions):
        body = whole_tables(displays_in_paragraphs(render(solution, "latex", lang=lang, width=TEXT_WIDTH, label="",
                                                          defined=defined, **(settings or {}))))
        defined += definitions(solution, lang)      # a sign, a rule, a method: said once a deck, where first used
        frames.append(_frame(spelled(heading), body, files.get(solution.problem.id), phrase(lang, "export.continued")))
    return preamble + "\\begin{document}\n\\begin{frame}\n\\titlepage\n\\end{frame}\n\n" + "\n\n".join(frames) \
        + "\n\n\\end{document}\n"
