r"""Beamer slides of a problem set, for a lecture: one problem per frame, a long solution
continued on the frames after it (``allowframebreaks``), and the problem's picture where the
course has one (the graph of a computational graph, the activations, the optimizers' paths,
a training run's loss).

The pictures are files beside the slides; ``pictures`` draws them, ``slides`` writes the LaTeX
that includes them by name.
"""

from __future__ import annotations

from ..lang import phrase
from ..render import render
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
\setbeamertemplate{frametitle continuation}{\ifnum\insertcontinuationcount>1 (%(continued)s)\fi}
\setbeamerfont{frametitle}{size=\normalsize}
\allowdisplaybreaks
\setlength{\emergencystretch}{2em}
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


def _frame(title: str, body: str, picture: str | None) -> str:
    shown = "" if picture is None else \
        "\n\\framebreak\n\\begin{center}\n\\includegraphics[width=\\linewidth,height=0.85\\textheight,keepaspectratio]{%s}\n" \
        "\\end{center}" % picture
    return (f"\\begin{{frame}}[allowframebreaks]{{{title}}}\n\\small{_TIGHT}\n" + body.strip() + shown
            + "\n\\end{frame}")


def slides(solutions: list, lang: str, title: str, settings: dict | None = None, files: dict | None = None,
           course: str | None = None) -> str:
    """The slides (LaTeX for pdflatex): a title frame, then a frame per problem, its solution written
    with the printer ``settings`` (detail, decimals) to the slide's width; ``files``: the picture
    file of a problem, by id, included after its solution; ``course``: under the title."""
    files = files or {}
    other = "russian" if lang == "en" else "english"
    babel = f"{other},{'russian' if lang == 'ru' else 'english'}"
    preamble = BEAMER_PREAMBLE % {"babel": babel, "title": plain_latex(title),
                                  "course": plain_latex(course or phrase(lang, "sheet.course")),
                                  "continued": phrase(lang, "export.continued")}
    frames = []
    for heading, solution in zip(headings([s.problem for s in solutions], lang), solutions):
        body = render(solution, "latex", lang=lang, width=TEXT_WIDTH, label="", **(settings or {}))
        frames.append(_frame(spelled(heading), body, files.get(solution.problem.id)))
    return preamble + "\\begin{document}\n\\begin{frame}\n\\titlepage\n\\end{frame}\n\n" + "\n\n".join(frames) \
        + "\n\n\\end{document}\n"
