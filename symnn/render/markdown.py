"""Markdown with ``$...$`` math (CommonMark with GitHub's tables, Jupyter, pandoc): steps as nested lists.

A derivation's lines are paragraphs (depth 0) and list items (depth 1 and deeper). CommonMark
reads a line that follows a list item without a blank line as part of that item, so every
paragraph and every table stands between blank lines. A formula alone on its line is a
display formula (``$$…$$``), an item of its own at depth 1 (every step is an item) or inside the item above
it deeper, spaced as Jupyter spaces equations;
formulas joined in prose by ``=`` are one formula, and a ``|`` inside a table's formula
cannot end the cell.

>>> print(MarkdownPrinter().join(["- a step", "**Next part**", "- its step"]), end="")
- a step
<BLANKLINE>
**Next part**
<BLANKLINE>
- its step
>>> keep_together(r"$\\frac{\\partial L}{\\partial w}$ = $2 w$ $\\approx 0.5$")
'$\\\\frac{\\\\partial L}{\\\\partial w} = 2 w \\\\approx 0.5$'
"""

from __future__ import annotations

import re

from .base import DocumentPrinter
from .words import upright_statement

# prose characters CommonMark could read as markup (emphasis, HTML, code, math, cells); a bracket
# is left alone: a link needs a target, and Jupyter would read \[ as display math
_MARKUP = re.compile(r"([\\`*_<>$|])")
_MATH = r"(?<!\\)\$((?:[^$\\]|\\.)+)(?<!\\)\$"
# two formulas side by side, joined by a relation or an operation written between them in prose
_JOINED = re.compile(_MATH + r" *(=|·|\+|≈) *" + _MATH)
_BESIDE = re.compile(_MATH + r" +\$(?=\\approx |= )")
_ALONE = re.compile(_MATH)
_SIGN = {"=": "=", "·": r"\cdot", "+": "+", "≈": r"\approx"}
_BAR = re.compile(r"(\\(?:left|right|big|Big|bigg|Bigg))?(\\?)\| ?")


# a function written with a bare argument, \sin {z} as LaTeX's printer groups it: \sin z, the same typeset
# (the braces stay where a letter follows them: \sin {\theta}r)
_BARE_ARGUMENT = re.compile(r"(\\(?:a?(?:sin|cos|tan|cot)h?|arc(?:sin|cos|tan)|sec|csc|ln|log|exp|operatorname\{[a-z]+\}))"
                            r" \{((?:[\w.,]|\{,\}|\\[A-Za-z]+)+(?: (?:[\w.]|\\[A-Za-z]+)+)?)\}(?![\w])")
_SPACED = re.compile(r"([,;]) *\\  *")     # (2, \  1/3): SymPy's space after a tuple's comma, which TeX's comma has


def tidy_math(math: str) -> str:
    r"""A formula as one types it in Markdown: \sin z, not \sin {z}; (2, \frac{1}{3}, 0), not (2, \  \frac{1}{3}, \  0).

    >>> tidy_math(r"\sin {z} + \ln {0.9} \cdot \cos {2 t} + \operatorname{tg} {\theta} = \left(2, \  \frac{1}{3}; \  0\right)")
    '\\sin z + \\ln 0.9 \\cdot \\cos 2 t + \\operatorname{tg} \\theta = \\left(2, \\frac{1}{3}; 0\\right)'
    """
    return _SPACED.sub(r"\1 ", _BARE_ARGUMENT.sub(r"\1 \2", math))


def keep_together(text: str) -> str:
    """``$a$ = $b$`` as ``$a = b$``: an equals sign never stands outside the formula."""
    while True:
        joined = _JOINED.sub(lambda m: f"${m[1]} {_SIGN[m[2]]} {m[3]}$", text, count=1)
        joined = _BESIDE.sub(lambda m: f"${m[1]} ", joined, count=1)
        if joined == text:
            return text
        text = joined


def _cell(text: str) -> str:
    """A table cell whose formulas write | and \\| as \\vert and \\Vert, which a table's cell splitting cannot see."""
    def bars(match):
        return (match[1] or "") + (r"\Vert " if match[2] else r"\vert ")
    return re.sub(_MATH, lambda m: "$" + _BAR.sub(bars, m[1]).rstrip() + "$", keep_together(text))


def _kind(line: str) -> str:
    """What a Markdown line is: blank, list (an item or its indented continuation), table or paragraph."""
    if not line.strip():
        return "blank"
    if line.startswith(" ") or line.startswith("- "):
        return "list"
    return "table" if line.startswith("|") else "paragraph"


class MarkdownPrinter(DocumentPrinter):
    def inline(self, raw: str) -> str:
        return f"${raw}$"

    def doprint(self, obj) -> str:
        """The key; in its formulas the narrow space between a number's groups of digits (10 000) as TeX writes it,
        ``10\\,000``, as the statement does, which every renderer of Markdown's TeX reads."""
        parts = re.split(r"(?<!\\)(\$+)", super().doprint(obj))
        inside, out = False, []
        for part in parts:
            if part.startswith("$"):
                inside = not inside if len(part) in (1, 2) else inside
            out.append(tidy_math(part.replace("\u202f", r"\,")) if inside and not part.startswith("$") else part)
        return "".join(out)

    def escape(self, text: str) -> str:
        return _MARKUP.sub(r"\\\1", text)

    def code(self, text: str) -> str:
        return f"`{text}`"

    def rich_text(self, text: str) -> str:
        """A bank statement as written, its program text (``$\\texttt{…}$``) as code spans."""
        return self.statement_code(upright_statement(text, getattr(self, "notation", {})))     # render.words

    def strong(self, text: str) -> str:
        return f"**{text}**"

    def line(self, depth: int, text: str) -> str:
        text = keep_together(text)
        if _ALONE.fullmatch(text):   # displayed, with space around it: a step of its own (an item, as every step is), or
            if depth == 1:           # under the step it belongs to
                return f"- ${text}$"
            return f"{'  ' * (depth - 1)}${text}$" if depth else f"${text}$\n"
        return f"{'  ' * (depth - 1)}- {text}" if depth else f"{text}\n"

    def join(self, lines: list[str]) -> str:
        """The lines as blocks: a blank line wherever a paragraph, a list or a table begins or ends."""
        out: list[str] = []
        for line in "\n".join(lines).split("\n"):
            kind, last = _kind(line), _kind(out[-1]) if out else "blank"
            if kind != "blank" and last != "blank" and (kind != last or kind == "paragraph"):
                out.append("")
            if kind != "blank" or last != "blank":
                out.append(line)
        return "\n".join(out).strip("\n") + "\n"

    def table(self, header, rows):
        return ["", "| " + " | ".join(map(_cell, header)) + " |", "|" + "---|" * len(header),
                *("| " + " | ".join(map(_cell, row)) + " |" for row in rows), ""]
