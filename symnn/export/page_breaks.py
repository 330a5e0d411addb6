r"""Page breaks of a printed answer key: an answer never opens a page alone.

An answer comes after the work that ends in it: a display or a table. LaTeX may break the page right
after either — amsmath leaves a legal break after the last row of an ``align*`` (its row depth is undone
by glue that follows the row's box, before ``\postdisplaypenalty``), and a table's ``\medskip`` is glue
after a box — and then the answer line opens the next page by itself. So:

- after a table, a ``\nopagebreak`` before the ``\medskip`` forbids that break;
- before a display that ends in the answer, a conditional page break (a penalty first, which makes TeX
  move what it has read onto the page, so that the page's height so far is known): when what is left of
  the page holds less than the display and the answer (but is not below nothing: then the page is already
  full, and TeX ends it at its best break before, without being told), the page ends before the paragraph that introduces the
  display, and the block starts the next one (only for a block of a few lines: a long derivation may
  break inside, as it does anywhere else).

>>> body = "{\\noindent \\textbf{So}\n\\begin{align*}\nx &= 1 \\\\*\n&= 2\n\\end{align*}\\par}\n{\\noindent \\textbf{Answer:} $2$\\par}"
>>> print(answers_kept(body, "Answer"))
\par\penalty10000\ifdim\dimexpr\pagegoal-\pagetotal\relax<5\baselineskip\ifdim\dimexpr\pagegoal-\pagetotal\relax>0pt\vfill\penalty-10000\fi\fi
{\noindent \textbf{So}
\begin{align*}
x &= 1 \\*
&= 2
\end{align*}\par}
{\noindent \textbf{Answer:} $2$\par}
"""

from __future__ import annotations

import math
import re

# a block taller than this many lines may break inside: moving it whole would leave most of a page empty
MOST_LINES = 18
_TABLE_END = "\\end{tabular}\\par}\\medskip"
_PARAGRAPH = re.compile(r"\{(?:\\raggedright |\\leftskip=[\d.]+em )*\\noindent ")
_CONTROL = re.compile(r"\\begin\{align\*\}|\\end\{align\*\}[}]*(?:\\par\})?|\{\\postdisplaypenalty=\d+|\\nopagebreak")


def answers_kept(body: str, answer: str) -> str:
    """``body`` with every answer (the paragraph headed ``answer``) kept on the page of the work before it."""
    head = re.compile(r"\{(?:\\raggedright |\\leftskip=[\d.]+em )*\\noindent \\textbf\{%s:\}" % re.escape(answer))
    lines = body.split("\n")
    for k in [k for k, line in enumerate(lines) if k and head.match(line)]:
        before = lines[k - 1]
        if before.endswith(_TABLE_END):
            lines[k - 1] = before[:-len("\\medskip")] + "\\nopagebreak\\medskip"
        elif re.search(r"\\end\{align\*\}\}*(?:\\par\})?$", before):
            start = _block_start(lines, k - 1)
            height = _lines(lines[start:k + 1])
            if start is not None and height <= MOST_LINES:
                lines[start] = (r"\par\penalty10000\ifdim\dimexpr\pagegoal-\pagetotal\relax<%d\baselineskip"
                                r"\ifdim\dimexpr\pagegoal-\pagetotal\relax>0pt\vfill\penalty-10000\fi\fi" "\n"
                                % math.ceil(height + 1)) + lines[start]
    return "\n".join(lines)


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
