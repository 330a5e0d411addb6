r"""Beamer slides of a problem set, for a lecture: one problem per frame, a long solution
continued on the frames after it (never scaled down to fit), each frame ending between two whole
blocks (a paragraph, a chain, a table; a label with what it introduces; a sentence broken by a display) or
between the rows of a chain or a table that does not fit the room left (``slide_cuts``: a table between its groups of
rows, a chain of several equations only where one begins, one equation's derivation only when taller than a frame;
its tables set whole and readable, ``slide_tables``), a problem's last frame never a leftover of the one before (the
frames evened out), and the problem's picture where the course has one (the graph of a computational graph, the
activations, the optimizers' paths, a training run's loss).

The pictures are files beside the slides; ``pictures`` draws them (a plot the size the slide shows it, its words
readable projected), ``slides`` writes the LaTeX that includes them by name.
"""

from __future__ import annotations

import re

from ..lang import LANGUAGES, phrase
from ..render import render
from ..render.latex_setup import spelled
from ..render.solutions import definitions
from .documents import displays_in_paragraphs, plain_latex
from .pictures.picture import resized
from .slide_cuts import pieces, split
from .slide_heights import FRAME_HEIGHT, height
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
    from .pictures.optimizers import optimizers_pictures, rate_name
    # the problem's own start and rates, which the picture's title compares with its own
    etas = {step.optimizer.name: next(v for s, v in step.hyper.items() if s.name == rate_name(step.optimizer.name))
            for step in work.steps}
    return optimizers_pictures(lang, (work.steps[0].start, etas))      # a panel a frame: six are too small on one


def _picture_TrainingRun(work, lang, places=None):
    from .pictures.figures import loss_picture
    return loss_picture([work], lang)


# a slide's picture is shown in a box of the frame's line (307.3 pt) by 0.86 of its text height (269.1 pt; ``_frame``), in
# inches, and drawn that size, its words no smaller than 9 pt (read projected)
PICTURE_BOX, LEAST_PT = (307.3 / 72.27, 0.86 * 269.1 / 72.27), 9.0
# the kinds of work whose plots are drawn so (the optimizers' panels each on a frame of its own)
SHOWN_SIZE = ("ActivationTable", "TrainingRun", "OptimizerComparison")
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
            made = draw(solution.work, lang, places)
            if type(solution.work).__name__ in SHOWN_SIZE:
                made = [resized(one, PICTURE_BOX, LEAST_PT) for one in made] if isinstance(made, list) \
                    else resized(made, PICTURE_BOX, LEAST_PT)
            drawn[solution.problem.id] = made
        except (ImportError, RuntimeError, OSError):
            continue
    return drawn


# a slide's displays close to their text (\small sets the skips anew in every frame)
_TIGHT = r"\setlength{\abovedisplayskip}{3pt plus 1pt}\setlength{\belowdisplayskip}{3pt plus 1pt}"
# a block shorter than ``SHORT`` of a frame that would stand alone on the last frame of a problem may fill the frame
# before up to ``FULL_HEIGHT`` (estimated; the estimate of a frame so filled erred by up to 10 pt against the 250 pt a
# frame holds)
FULL_HEIGHT, SHORT = 240.0, 0.25
# a problem's last frame filled less than this much of a frame is a leftover of the one before (a line or two of a
# chain and the answer), evened out with the frames before it (``frames_of``)
LEFTOVER = 0.4


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
    # (and a paragraph that ends in a colon, a lead-in such as "The trained network's outputs:", goes with what it
    # introduces)
    for k in range(len(out) - 1, 0, -1):
        if out[k - 1].endswith(r"\end{align*}\par}") and (_GOES_ON.match(out[k]) or _LISTED.search(out[k - 1])) \
                or out[k - 1].endswith(":\\par}"):
            out[k - 1:k + 1] = [out[k - 1] + "\n" + out[k]]
    return out


# a row of a chain that ends in a big operator (a sum, a product with its limits), the printer's cut of a formula too
# wide for a page's line, and the row that goes on with its summand after a "·" the cut put there
_PARTED = re.compile(r"(\\(?:sum|prod)(?:_\{[^{}\n]*\}|_\w)?(?:\^\{[^{}\n]*\}|\^\w)?) \\\\\*?\n&\\quad (?:\\cdot )?")


def operators_kept(body: str) -> str:
    r"""``body`` with a sum or a product never parted from its summand at the end of a chain's row: the two rows one
    again (the slide's line is wider than the line the printer cut it for), the "·" of the cut left out.

    >>> print(operators_kept("x &= \\frac{1}{n} \\sum_{i=1}^{n} \\\\*\n&\\quad \\cdot (y_{i} - a),\\quad n = 4"))
    x &= \frac{1}{n} \sum_{i=1}^{n} (y_{i} - a),\quad n = 4
    """
    return _PARTED.sub(r"\1 ", body)


# an answer whose first values the printer displayed, each row ending in a comma or a semicolon, and whose other values go
# on in the paragraph after the display
_HALF_DISPLAYED = re.compile(r"\n\\begin\{align\*\}\n\\text\{(\\textbf\{(?:%s):\})\}\\quad ((?:[^\n]*[;,] \\\\\*?(?:\[[^]\n]*\])?\n)*"
                             r"[^\n]*[;,])\n\\end\{align\*\}(\\par\})?\n\{\\raggedright \\noindent (?=\$)"
                             % "|".join(re.escape(phrase(lang, "answer")) for lang in LANGUAGES))
_LISTED_ROW = re.compile(r"^(.*?)([;,])(?: \\\\\*?(?:\[[^]]*\])?)?$")


def answers_in_one(body: str) -> str:
    r"""``body`` with an answer that lists its values set in one paragraph, never its first values displayed and the
    others in the paragraph after them: each displayed row a formula of the paragraph, as the others are (its first ``&`` the display's alignment).

    >>> print(answers_in_one("{\\noindent So\n\\begin{align*}\n\\text{\\textbf{Answer:}}\\quad a &= 1; \\\\*[0.5ex]\nb &= 2;\n"
    ...                      "\\end{align*}\\par}\n{\\raggedright \\noindent $c = 3$\\par}"))
    {\noindent So\par}
    {\raggedright \noindent \textbf{Answer:} $a = 1$; $b = 2$; $c = 3$\par}
    """
    def inline(match: re.Match) -> str:
        rows = [_LISTED_ROW.match(row).groups() for row in match.group(2).split("\n")]
        said = " ".join(f"${row.replace('&', '', 1).strip()}${mark}" for row, mark in rows)
        return f"{match.group(3) or ''}\n{{\\raggedright \\noindent {match.group(1)} {said} "
    return re.sub(r"\{\\noindent \\par\}\n", "", _HALF_DISPLAYED.sub(inline, body))


def frames_of(body: str, capacity: float = FRAME_HEIGHT) -> list[str]:
    """The blocks of ``body`` packed into frames in their order, a frame ending only between two blocks
    (or between the rows of a table or a chain taller than a frame); a last frame that holds a leftover (less than
    ``LEFTOVER`` of a frame) is evened out with the ones before: the blocks packed again into as many frames, each
    filled to less, the fullest packing whose continued frames hold no leftover kept (else the one whose emptiest
    continued frame is fullest; a first frame may hold the statement alone)."""
    frames = best = _packed(body, capacity)
    for less in range(4, int(capacity / 2), 4):
        if len(frames) < 2 or _emptiest(best) >= LEFTOVER * capacity:
            break
        packed = _packed(body, capacity - less)
        if len(packed) == len(frames) and _emptiest(packed) > _emptiest(best):
            best = packed
    return best


def _emptiest(frames: list[str]) -> float:
    """The height of the emptiest of ``frames`` after the first."""
    return min(map(height, frames[1:]))


def _packed(body: str, capacity: float) -> list[str]:
    """The blocks of ``body`` packed into frames of ``capacity`` (``frames_of``), the last two evened out."""
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
    while that leaves the fuller of the two less full, or the last holds a leftover (a continued frame of three lines under a full one reads
    as a scrap); a part of a chain or a table cut between frames (``cut``) stays where it is."""
    while len(frames) > 1 and len(frames[-2]) > 1 and frames[-2][-1] not in cut:
        before, last, tall = (sum(map(height, frames[-2])), sum(map(height, frames[-1])), height(frames[-2][-1]))
        # (a leftover on the last frame takes the block whenever it fits)
        if last + tall > capacity or max(before - tall, last + tall) >= max(before, last) and last >= LEFTOVER * capacity:
            break
        frames[-2:] = [frames[-2][:-1], [frames[-2][-1], *frames[-1]]]
    # a last frame still less than a third full (a chain's last product and the answer) takes the last rows of the
    # table or chain that ends the frame before, as many as even the two out
    if len(frames) > 1 and frames[-2][-1] not in cut and (last := sum(map(height, frames[-1]))) < capacity / 3:
        before, block = sum(map(height, frames[-2][:-1])), frames[-2][-1]
        # (the room that evens them, else more: a chain is cut only between its equations)
        for room in range(int((before + height(block) + last) / 2 - before), int(capacity - before), 4):
            parts = split(block, capacity, room)
            if len(parts) == 2 and height(parts[1]) + last <= capacity:
                frames[-2:] = [[*frames[-2][:-1], parts[0]], [parts[1], *frames[-1]]]
                break
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
        body = whole_tables(answers_in_one(operators_kept(displays_in_paragraphs(render(solution, "latex", lang=lang, width=TEXT_WIDTH, label="",
                                                          defined=defined, **(settings or {}))))))
        defined += definitions(solution, lang)      # a sign, a rule, a method: said once a deck, where first used
        frames.append(_frame(spelled(heading), body, files.get(solution.problem.id), phrase(lang, "export.continued")))
    return preamble + "\\begin{document}\n\\begin{frame}\n\\titlepage\n\\end{frame}\n\n" + "\n\n".join(frames) \
        + "\n\n\\end{document}\n"
