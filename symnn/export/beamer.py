r"""Beamer slides of a problem set, for a lecture: one problem per frame, a long solution
continued on the frames after it, each frame ending between two whole blocks (a paragraph, a
chain, a table; a label with what it introduces), and the problem's picture where the
course has one (the graph of a computational graph, the activations, the optimizers' paths,
a training run's loss).

The pictures are files beside the slides; ``pictures`` draws them, ``slides`` writes the LaTeX
that includes them by name.
"""

from __future__ import annotations

import math
import re

from ..lang import phrase
from ..render import render
from ..render.breaking import width
from ..render.latex_setup import spelled
from .documents import plain_latex
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
%% a frame's text scaled down, as a whole, when it is taller than the frame's room (beamer's own shrink
%% reports a box too wide on every frame it shrinks)
\newsavebox{\symnnbox}
\newlength{\symnnroom}
\newenvironment{fitted}{\begin{lrbox}{\symnnbox}\begin{minipage}[b]{\textwidth}}{\end{minipage}\end{lrbox}%%
  \setlength{\symnnroom}{\dimexpr\textheight-3em\relax}%%
  \ifdim\dimexpr\ht\symnnbox+\dp\symnnbox\relax>\symnnroom
    \resizebox{!}{\symnnroom}{\usebox{\symnnbox}}\else\usebox{\symnnbox}\fi}
\title{%(title)s}
\subtitle{%(course)s}
\date{}
"""


def _picture_GraphPass(work, lang):
    from .pictures.graphs import graph_picture
    return graph_picture(work, lang)


def _picture_ActivationTable(work, lang):
    from .pictures.figures import activations_picture
    return activations_picture(lang)


def _picture_OptimizerComparison(work, lang):
    from .pictures.optimizers import optimizers_picture
    return optimizers_picture(lang=lang)


def _picture_TrainingRun(work, lang):
    from .pictures.figures import loss_picture
    return loss_picture([work], lang)


# the picture of each kind of work that has one, keyed by the work's class
PICTURES = {"GraphPass": _picture_GraphPass, "ActivationTable": _picture_ActivationTable,
            "OptimizerComparison": _picture_OptimizerComparison, "TrainingRun": _picture_TrainingRun}


def pictures(solutions: list, lang: str) -> dict:
    """The picture of each solution that has one, by problem id. A picture that cannot be drawn
    here (no matplotlib, no graphviz) is left out: the slides are still whole without it."""
    drawn = {}
    for solution in solutions:
        draw = PICTURES.get(type(solution.work).__name__)
        if draw is None:
            continue
        try:
            drawn[solution.problem.id] = draw(solution.work, lang)
        except (ImportError, RuntimeError, OSError):
            continue
    return drawn


# a slide's displays close to their text (\small sets the skips anew in every frame)
_TIGHT = r"\setlength{\abovedisplayskip}{3pt plus 1pt}\setlength{\belowdisplayskip}{3pt plus 1pt}"
# the height a frame's text has, in points (a 96 mm frame less its title and margins), and how much more
# a frame may hold, scaled down to fit (the estimate runs up to a fifth short): a slide set at 10 pt
# stays readable on a screen at two thirds of its size
FRAME_HEIGHT, FULLEST = 236.0, 1.35
# a last frame filled less than this share of a frame joins the one before it, shrunk to fit
SHORT_END = 0.35
# the height of a line of \small text, and how many characters of the estimate (``width``) fill the slide's line
LINE_PT, LINE_CHARACTERS = 12.0, 50.0
# a row with a fraction in it is this much taller
FRACTION_PT = 7.0


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


def height(block: str) -> float:
    """About how tall ``block`` is on a slide, in points: its rows (taller with fractions) and lines."""
    total = 0.0
    for kind in re.split(r"(\\begin\{align\*\}.*?\\end\{align\*\}|\\begin\{tabular\}.*?\\end\{tabular\})", block, flags=re.S):
        if kind.startswith((r"\begin{align*}", r"\begin{tabular}")):
            rows = re.split(r"\\\\\*?(?:\[[^]]*\])?", kind)
            total += 8 + sum(LINE_PT + (FRACTION_PT if r"\frac" in row else 0) for row in rows)
        elif kind.strip():
            total += LINE_PT * max(1, math.ceil(width(kind) / LINE_CHARACTERS))
    return total


def frames_of(body: str, capacity: float = FRAME_HEIGHT * FULLEST) -> list[str]:
    """The blocks of ``body`` packed into frames in their order, a frame ending only between two blocks."""
    frames, room = [[]], capacity
    for block in blocks(body):
        tall = height(block)
        if frames[-1] and tall > room:
            frames.append([])
            room = capacity
        frames[-1].append(block)
        room -= tall
    if len(frames) > 1 and capacity - room < SHORT_END * capacity:
        last = frames.pop()
        frames[-1] += last
    return ["\n".join(frame) for frame in frames]


def _frame(title: str, body: str, picture: str | None, continued: str) -> str:
    """A problem's frames: its solution over as few frames as it fills (the later ones titled as
    continued), each scaled down if it is still too full (``fitted``), and its picture on a frame of its own."""
    parts = [f"\\begin{{fitted}}\\small{_TIGHT}\n{part.strip()}\n\\end{{fitted}}" for part in frames_of(body)]
    if picture is not None:
        parts.append("\\begin{center}\n\\includegraphics[width=\\linewidth,height=0.8\\textheight,"
                     "keepaspectratio]{%s}\n\\end{center}" % picture)
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
        body = render(solution, "latex", lang=lang, width=TEXT_WIDTH, label="", **(settings or {}))
        frames.append(_frame(spelled(heading), body, files.get(solution.problem.id), phrase(lang, "export.continued")))
    return preamble + "\\begin{document}\n\\begin{frame}\n\\titlepage\n\\end{frame}\n\n" + "\n\n".join(frames) \
        + "\n\n\\end{document}\n"
