r"""A line that goes on with the derivation displayed above it ("= s₁ − 1 (written through the outputs)") is the
display's last row, not a paragraph of its own: as a paragraph it would start at the margin, its ``=`` far from
the column of ``=`` it continues.

>>> print(continued("\\begin{align*}\na &= b \\\\*\n&\\quad \\text{(chain rule)}\n\\end{align*}\n"
...                 "{\\leftskip=1.5em \\noindent $= c$ (written through the outputs)\\par}"))
\begin{align*}
a &= b \\*
&\quad \text{(chain rule)} \\
&= c \\*
&\quad \text{(written through the outputs)}
\end{align*}
>>> print(continued("\\begin{align*}\na &= b && \\text{(chain rule)}\n\\end{align*}\n{\\noindent $= c$ (written so)\\par}"))
\begin{align*}
a &= b && \text{(chain rule)} \\
&= c && \text{(written so)}
\end{align*}
"""

from __future__ import annotations

import re

# a display, then a paragraph of one formula that starts with "=" and a short remark in brackets
_CONTINUED = re.compile(r"\\begin\{align\*\}\n(?P<body>(?:(?!\\(?:begin|end)\{align\*\}).)*?)\n\\end\{align\*\}\n"
                        r"\{(?:\\leftskip=[\d.]+em )?\\noindent \$= (?P<formula>[^$]*)\$ \((?P<remark>[^()$]*)\)\\par\}", re.S)


def _row(match: re.Match) -> str:
    body, formula, remark = match.group("body", "formula", "remark")
    aside = r"&& \text{(" in body         # the remarks of its rows stand in a column at the right
    rows = [rf"&= {formula} && \text{{({remark})}}"] if aside else [rf"&= {formula}", rf"&\quad \text{{({remark})}}"]
    return "\\begin{align*}\n" + body + " \\\\\n" + " \\\\*\n".join(rows) + "\n\\end{align*}"   # a step: a page may end before it


def continued(text: str) -> str:
    """``text`` (LaTeX) with each line that continues the display above it set as that display's last row."""
    return _CONTINUED.sub(_row, text)
