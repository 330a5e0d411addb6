"""A table that an answer key has set already, for an earlier problem, is not set again.

Problems of one topic often share a network and its data (a textbook's 2-2-2 network stepped
once, then asked for its error, then with shared biases): their forward pass, deltas and gradients
are the same tables word for word. In a brief key the later problems say where the table is
instead of repeating it (``The same table as in Problem 1.``); a full key repeats everything.
"""

from __future__ import annotations

import html
import re

from ..lang import phrase
from ..render.latex import TABLE_BLOCK, LatexPrinter

# a table as each format of a key sets it
TABLES = {
    "tex": TABLE_BLOCK,
    "md": re.compile(r"(?m)^\|.*\|\n(?:^\|.*\|(?:\n|$))+"),
    "html": re.compile(r'<div class="table"><table>.*?</table></div>\n?', re.S),
}


def _reference(format: str, text: str) -> str:
    if format == "tex":
        return r"{\noindent " + LatexPrinter().escape(text) + r"\par}" + "\n"
    if format == "md":
        return text + "\n"
    return f'<div class="step">{html.escape(text)}</div>\n'


def shown_once(parts: list[str], numbers: list[str], format: str, lang: str) -> list[str]:
    """``parts`` (the solutions of a key, in order, numbered ``numbers``) with each table that an earlier
    part set word for word replaced by a line naming that problem."""
    pattern = TABLES.get(format)
    if pattern is None:
        return parts
    first: dict[str, str] = {}
    out = []
    for part, number in zip(parts, numbers):
        def once(match: re.Match, number=number) -> str:
            table = match.group(0)
            if table in first and first[table] != number:
                return _reference(format, phrase(lang, "key.same_table", number=first[table]))
            first.setdefault(table, number)
            return table
        out.append(pattern.sub(once, part))
    return out
