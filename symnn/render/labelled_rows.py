r"""Rows of one display that begin with the same label ("Factor", "Множитель") start it at one place.

An ``align*`` sets the left side of each row flush right against its ``=``: the label in front of a narrow
formula would stand further right than the label in front of a wide one. Each labelled left side is set as wide
as the widest of them (a phantom of a one-column array holds the widest), the formula flush right in it, so the
labels line up at the left and the formulas still end at the ``=``.

>>> body = "\\text{F}\\quad a &= 1 \\\\*[0.5ex]\n\\text{F}\\quad bbb &= 2 \\\\[0.5ex]\nc &= 3"
>>> print(aligned_labels(body))
\text{F}\quad \hphantom{\begin{array}{@{}r@{}}\displaystyle a\\\displaystyle bbb\end{array}}\llap{$\displaystyle a$} &= 1 \\*[0.5ex]
\text{F}\quad \hphantom{\begin{array}{@{}r@{}}\displaystyle a\\\displaystyle bbb\end{array}}\llap{$\displaystyle bbb$} &= 2 \\[0.5ex]
c &= 3
"""

from __future__ import annotations

import re

_DISPLAY = re.compile(r"(\\begin\{align\*\}\n)(.*?)(\n\\end\{align\*\})", re.S)
# a row that begins with a label: \text{…}\quad, then its left side up to the row's first &
_LABELLED = re.compile(r"^(\\text\{(?:[^{}]|\{[^{}]*\})*\}\\quad )([^&\n]+?) ?&", re.M)


def aligned_labels(body: str) -> str:
    """``body`` (one display's rows) with the left sides of its rows of one label set equally wide."""
    found = list(_LABELLED.finditer(body))
    by_label: dict[str, list[str]] = {}
    for match in found:
        by_label.setdefault(match.group(1), []).append(match.group(2))
    for label, sides in by_label.items():
        if len(sides) < 2 or len(set(sides)) < 2:
            continue
        widest = r"\hphantom{\begin{array}{@{}r@{}}" + r"\\".join(r"\displaystyle " + s for s in sides) + r"\end{array}}"
        body = re.sub("^" + re.escape(label) + r"([^&\n]+?) ?&",
                      lambda m: label + widest + r"\llap{$\displaystyle " + m.group(1) + "$} &", body, flags=re.M)
    return body


def labels_lined_up(text: str) -> str:
    """``text`` (LaTeX) with the labelled rows of each display lined up (``aligned_labels``)."""
    return _DISPLAY.sub(lambda m: m.group(1) + aligned_labels(m.group(2)) + m.group(3), text)
