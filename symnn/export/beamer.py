r"""Beamer slides of a problem set, for a lecture: one problem per frame, a long solution
continued on the frames after it (never scaled down to fit), each frame ending between two whole
blocks (a paragraph, a chain, a table; a label with what it introduces) or between the rows of a
chain or a table taller than a frame, and the problem's picture where the
course has one (the graph of a computational graph, the activations, the optimizers' paths,
a training run's loss).

The pictures are files beside the slides; ``pictures`` draws them, ``slides`` writes the LaTeX
that includes them by name.
"""

from __future__ import annotations

import re

from ..lang import phrase
from ..render import render
from ..render.latex_setup import spelled
from ..render.solutions import key_places
from .documents import displays_in_paragraphs, plain_latex
from .slide_heights import height
from .worksheets import headings

# the slides' text width (the default 128 mm frame less its margins); the printer breaks lines to it
TEXT_WIDTH = "10.5cm"

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
    return graph_picture(work, lang, places)


def _picture_ActivationTable(work, lang, places=None):
    from .pictures.figures import activations_picture
    return activations_picture(lang)


def _picture_OptimizerComparison(work, lang, places=None):
    from .pictures.optimizers import optimizers_picture
    return optimizers_picture(lang=lang)


def _picture_TrainingRun(work, lang, places=None):
    from .pictures.figures import loss_picture
    return loss_picture([work], lang)


# the picture of each kind of work that has one, keyed by the work's class
PICTURES = {"GraphPass": _picture_GraphPass, "ActivationTable": _picture_ActivationTable,
            "OptimizerComparison": _picture_OptimizerComparison, "TrainingRun": _picture_TrainingRun}


def pictures(solutions: list, lang: str, decimals: int | None = None) -> dict:
    """The picture of each solution that has one, by problem id, its numbers rounded as the slides round
    them (``decimals``, else the problem's own places, as ``worksheets.key_pictures`` rounds a key's). A
    picture that cannot be drawn here (no matplotlib, no graphviz) is left out: the slides are still whole
    without it."""
    drawn = {}
    for solution in solutions:
        draw = PICTURES.get(type(solution.work).__name__)
        if draw is None:
            continue
        try:
            places = decimals if decimals is not None else key_places(solution.problem)
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


def blocks(body: str) -> list[str]:
    """``body`` (the printer's LaTeX) cut into its blocks, each a paragraph, a display or a table as a
    whole; a block preceded by ``\nopagebreak`` (a label and what it introduces) is one with it."""
    out, current, glue = [], [], False
    for line in body.strip().split("\n"):
        if line == r"\nopagebreak":
            glue = True
            continue
        if not current and glue and out:
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
    return out


def _opened(text: str) -> int:
    """How many braces ``text`` leaves open."""
    return len(re.findall(r"(?<!\\)\{", text)) - len(re.findall(r"(?<!\\)\}", text))


_ROW_END = re.compile(r" \\\\\*?(?:\[[^]]*\])?$")


def _cut_rows(lines: list[str], first: int, last: int, head: list[str], tail: list[str], capacity: float) -> list[str]:
    """``lines`` cut between their rows ``lines[first:last]`` into blocks no taller than ``capacity``, each
    under ``head`` (a table's start and header) and closed by ``tail``; the lines before the rows go with
    the first block, the lines after them (the close and what is kept with it) with the last."""
    before, after = lines[:first], lines[last:]
    out, chunk = [], []
    for row in lines[first:last]:
        if chunk and height("\n".join([*(head if out else before), *chunk, row, *tail])) > capacity:
            out.append(chunk)
            chunk = []
        chunk.append(row)
    out.append(chunk)
    cut = []
    for k, rows in enumerate(out):
        end = k == len(out) - 1
        if tail[0].startswith(r"\end{align*}") and not end:
            rows = [*rows[:-1], _ROW_END.sub("", rows[-1])]
        cut.append("\n".join([*(head if k else before), *rows, *(after if end else tail)]))
    return cut


def pieces(block: str, capacity: float = FRAME_HEIGHT) -> list[str]:
    """``block`` as it is when it fits a frame; a taller table cut between its rows (each part under the
    table's header) and a taller chain between its rows, so that each part fits a frame."""
    if height(block) <= capacity:
        return [block]
    lines = block.split("\n")
    if r"\begin{tabular}" in block:
        start = next(k for k, line in enumerate(lines) if line.startswith(r"\begin{tabular}"))
        end = next(k for k, line in enumerate(lines) if line.startswith(r"\end{tabular}"))
        if start and lines[start + 3] == r"\hline" and lines[end - 1] == r"\hline":
            # the table's start, its columns and its header between rules; its last rule and its close
            return _cut_rows(lines, start + 4, end - 1, lines[start - 1:start + 4], lines[end - 1:end + 1], capacity)
    if r"\begin{align*}" in lines:
        start = lines.index(r"\begin{align*}")
        end = next(k for k in range(start, len(lines)) if lines[k].startswith(r"\end{align*}"))
        # a chain in the paragraph of its label, or kept with its answer, is in a group: each part is
        opened = _opened("\n".join(lines[:start]))
        return _cut_rows(lines, start + 1, end, ["{" * opened + lines[start]], [lines[end][:len(r"\end{align*}")] + "}" * opened],
                         capacity)
    return [block]


def frames_of(body: str, capacity: float = FRAME_HEIGHT) -> list[str]:
    """The blocks of ``body`` packed into frames in their order, a frame ending only between two blocks
    (or between the rows of a table or a chain taller than a frame)."""
    frames, room = [[]], capacity
    for block in (piece for whole in blocks(body) for piece in pieces(whole, capacity)):
        tall = height(block)
        if frames[-1] and tall > room:
            frames.append([])
            room = capacity
        frames[-1].append(block)
        room -= tall
    return ["\n".join(frame) for frame in frames]


def _frame(title: str, body: str, picture: str | None, continued: str) -> str:
    """A problem's frames: its solution over as many frames as it fills (the later ones titled as
    continued), never scaled down, and its picture on a frame of its own, as large as the frame's room."""
    parts = [f"\\small{_TIGHT}\n{part.strip()}" for part in frames_of(body)]
    if picture is not None:
        parts.append("\\centering\n\\includegraphics[width=\\linewidth,height=0.86\\textheight,"
                     "keepaspectratio]{%s}" % picture)
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
    frames = []
    for heading, solution in zip(headings([s.problem for s in solutions], lang), solutions):
        body = displays_in_paragraphs(render(solution, "latex", lang=lang, width=TEXT_WIDTH, label="", **(settings or {})))
        frames.append(_frame(spelled(heading), body, files.get(solution.problem.id), phrase(lang, "export.continued")))
    return preamble + "\\begin{document}\n\\begin{frame}\n\\titlepage\n\\end{frame}\n\n" + "\n\n".join(frames) \
        + "\n\n\\end{document}\n"
