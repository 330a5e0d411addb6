r"""The pictures of an answer key: the computational graph a statement asks to draw, saved beside the key and
set under the problem's statement, at the head of its work (``drawn``), its labels never smaller than a
footnote; in LaTeX a problem with a picture starts a new page when what is left of this one cannot hold its
heading, its statement and the picture at that size (``room_for``), so that the picture never leaves them alone
at a page's foot.

>>> print(room_for("key-1.pdf", 3), end="")
\par\sbox0{\includegraphics[draft]{key-1.pdf}}\dimen2=0.615\ht0\ifdim\dimen2<0.25\textheight\dimen2=0.25\textheight\fi
\ifdim\dimen2>0.9\textheight\dimen2=0.9\textheight\fi\advance\dimen2 by 8\baselineskip
\ifdim\dimexpr\pagegoal-\pagetotal\relax<\dimen2\ifdim\pagegoal<\maxdimen\newpage\fi\fi
"""

from __future__ import annotations

import math
from pathlib import Path

from ..lang import phrase

# the lines the picture's own sizing keeps free under it (``drawn``), and a heading's
_UNDER, _HEADING = 3, 2


def _graph(work, lang, places=None):
    from .pictures.graphs import graph_picture
    return graph_picture(work, lang, places)


# the smallest a picture's labels are set in a printed key, in points (a footnote's size)
LEAST_LABEL_PT = 8
# the largest, in points: the text's own size (a key is set in 11 pt)
MOST_LABEL_PT = 11
# the pictures a key draws, by the class of the work: the computational graph a statement asks to draw
KEY_PICTURES = {"GraphPass": _graph}


def key_pictures(solutions: list, lang: str, folder: Path, stem: str, suffix: str, decimals: int | None = None) -> dict:
    """The picture of each solution whose work is drawn in a key, saved in ``folder`` as ``stem-ID.suffix``
    (.pdf for LaTeX, .svg for HTML, .png for Markdown); file names by problem id, numbers rounded as the key
    rounds them (``decimals``, else the problem's own). A picture that cannot be drawn here (no graphviz) is
    left out: the key is still whole without it."""
    files = {}
    for solution in solutions:
        draw = KEY_PICTURES.get(type(solution.work).__name__)
        if draw is None:
            continue
        safe = "".join(c if c.isalnum() or c == "-" else "_" for c in solution.problem.id)
        try:
            places = decimals        # the values of the work: the reader's places, else the default
            files[solution.problem.id] = draw(solution.work, lang, places).save(folder / f"{stem}-{safe}.{suffix}").name
        except (ImportError, RuntimeError, OSError):
            continue
    return files


def drawn(file: str | None, format: str, lang: str) -> str:
    """The picture of a solution in the key's format (LaTeX: set under the statement, Markdown and HTML: under the
    solution); nothing without one."""
    if file is None:
        return ""
    alt = phrase(lang, "sheet.picture")
    if format == "tex":
        # as tall as the room left on the page (at most half a page), so that it does not leave a gap by moving
        # to the next page; with less than a quarter of a page left it goes there, half a page tall. Never so
        # small that its labels are under LEAST_LABEL_PT (box 0 holds it at its natural size, its labels LABEL_PT
        # tall; draft: measured, not embedded), nor larger than the text's, nor wider than the text
        from .pictures.graphs import LABEL_PT
        return ("\n\\par\\sbox0{\\includegraphics[draft]{%s}}\\dimen2=%.3f\\ht0\\dimen4=%.3f\\ht0"
                % (file, LEAST_LABEL_PT / LABEL_PT, MOST_LABEL_PT / LABEL_PT)
                + "\n\\dimen0=\\pagegoal\\advance\\dimen0 by -\\pagetotal\\advance\\dimen0 by -3\\baselineskip"
                "\n\\ifdim\\dimen0<0.25\\textheight\\dimen0=0.5\\textheight\\fi"
                "\n\\ifdim\\dimen0>0.5\\textheight\\dimen0=0.5\\textheight\\fi"
                "\n\\ifdim\\dimen0>\\dimen4\\dimen0=\\dimen4\\fi"
                "\n\\ifdim\\dimen0<\\dimen2\\dimen0=\\dimen2\\fi"
                "\n\\ifdim\\dimen0>0.9\\textheight\\dimen0=0.9\\textheight\\fi"
                "\n\\edef\\symnnroom{\\the\\dimen0}"
                "\n\\begin{center}\n\\includegraphics[width=\\linewidth,height=\\symnnroom,keepaspectratio]"
                f"{{{file}}}\n\\end{{center}}")
    if format == "md":
        return f"\n\n![{alt}]({file})"
    return f'\n<p><img src="{file}" alt="{alt}" style="max-width: 100%"></p>'


def room_for(file: str, statement: float) -> str:
    """LaTeX set before a problem's heading: a new page unless this one holds the heading, the statement (about
    ``statement`` lines) and the picture ``file`` as ``drawn`` sizes it at the least (its labels ``LEAST_LABEL_PT``,
    never under a quarter of the text's height, which ``drawn`` would move to the next page)."""
    from .pictures.graphs import LABEL_PT
    return ("\\par\\sbox0{\\includegraphics[draft]{%s}}\\dimen2=%.3f\\ht0"
            "\\ifdim\\dimen2<0.25\\textheight\\dimen2=0.25\\textheight\\fi\n"
            "\\ifdim\\dimen2>0.9\\textheight\\dimen2=0.9\\textheight\\fi\\advance\\dimen2 by %d\\baselineskip\n"
            "\\ifdim\\dimexpr\\pagegoal-\\pagetotal\\relax<\\dimen2\\ifdim\\pagegoal<\\maxdimen\\newpage\\fi\\fi\n"
            % (file, LEAST_LABEL_PT / LABEL_PT, _HEADING + math.ceil(statement) + _UNDER))
