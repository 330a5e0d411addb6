r"""LaTeX display blocks in a pasted derivation: where each one is, where its rows break, and
the markup a row carries besides its formula.

A block is a display environment (align*, gather, equation with split, …); its rows, split at
``\\`` outside braces and inner environments (a matrix or cases keeps its own), are lines of the
derivation, and an ``\intertext{…}`` between them is words. Nothing here reads the words
(``grading.prose`` does) or numbers the rows (``grading.pasted`` does).

>>> text = "\\begin{align*}\na &= b \\\\\n&= c\n\\end{align*}"
>>> start, body_start, body_end, end = next_block(text, 0)
>>> [(text[a:b], words) for a, b, words in row_cuts(text, body_start, body_end)]
[('\\\\', False)]
>>> alignment_removed("a &= \\begin{matrix} 1 & 2 \\end{matrix}")
'a  = \\begin{matrix} 1 & 2 \\end{matrix}'
"""

from __future__ import annotations

import re

# display environments whose rows are lines of the derivation (a row starting with &= goes on)
DISPLAY = ("align", "align*", "aligned", "alignat", "alignat*", "gather", "gather*", "gathered", "equation",
           "equation*", "split", "eqnarray", "eqnarray*", "multline", "multline*", "flalign", "flalign*",
           "displaymath", "math")
_BEGIN = re.compile(r"\\begin\s*\{(" + "|".join(re.escape(d) for d in DISPLAY) + r")\}")
ENVIRONMENT = re.compile(r"\\(begin|end)\s*\{([A-Za-z*]+)\}")
# what a row of a block carries besides its formula
ROW_MARKUP = re.compile(r"\\(?:nonumber|notag)\b|\\(?:label|tag\*?)\s*\{[^{}]*\}")
_BREAK = re.compile(r"\\\\\*?(\s*\[[^\]]*\])?")           # \\, \\*, \\[4pt]
_INTERTEXT = re.compile(r"\\(?:short)?intertext\s*\{")


def next_block(text: str, position: int):
    """(start, body start, body end, end) of the next display environment, or None."""
    begin = _BEGIN.search(text, position)
    if begin is None:
        return None
    depth = 0
    for m in ENVIRONMENT.finditer(text, begin.start()):
        depth += 1 if m[1] == "begin" else -1
        if depth == 0:
            return begin.start(), begin.end(), m.start(), m.end()
    return begin.start(), begin.end(), len(text), len(text)        # not closed: to the end


def row_cuts(text: str, start: int, end: int) -> list[tuple[int, int, bool]]:
    r"""Where the rows of a block's body ``text[start:end]`` break: (start, end, words) of each
    \\ outside braces and inner environments (a matrix or cases keeps its own) and of each
    \intertext{…}, whose words are a line of prose."""
    cuts, depth, braces, i = [], 0, 0, start
    while i < end:
        if text.startswith("\\begin", i) or text.startswith("\\end", i):
            m = ENVIRONMENT.match(text, i)
            if m and m[2] not in DISPLAY:
                depth += 1 if m[1] == "begin" else -1
            i = m.end() if m else i + 1
            continue
        intertext = _INTERTEXT.match(text, i)
        if intertext and depth == 0 and braces == 0:
            close = closing_brace(text, intertext.end() - 1)
            cuts.append((i, close, True))
            i = close
            continue
        char = text[i]
        if char == "\\" and text.startswith("\\\\", i):
            if depth == 0 and braces == 0:
                after = _BREAK.match(text, i, end)
                cuts.append((i, after.end(), False))
                i = after.end()
                continue
            i += 2
            continue
        if char == "\\":
            i += 2
            continue
        braces += {"{": 1, "}": -1}.get(char, 0)
        i += 1
    return cuts


def alignment_removed(row: str) -> str:
    """The row without its alignment marks & (those of a matrix or cases inside it stay)."""
    out, depth, i = [], 0, 0
    while i < len(row):
        m = ENVIRONMENT.match(row, i) if row.startswith("\\", i) else None
        if m:
            if m[2] not in DISPLAY:
                depth += 1 if m[1] == "begin" else -1
            out.append(m[0])
            i = m.end()
            continue
        if row[i] == "\\":
            out.append(row[i:i + 2])
            i += 2
            continue
        if row[i] != "&" or depth > 0:
            out.append(row[i])
        else:
            out.append(" ")
        i += 1
    return "".join(out)


def closing_brace(text: str, opening: int) -> int:
    """The index after the brace group that opens at ``text[opening]`` (or the end)."""
    depth = 0
    for i in range(opening, len(text)):
        if text[i] == "\\":
            continue
        if text[i - 1:i] == "\\":
            continue
        depth += {"{": 1, "}": -1}.get(text[i], 0)
        if depth == 0:
            return i + 1
    return len(text)
