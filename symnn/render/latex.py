r"""LaTeX fragments built on amsmath: every formula through ``sympy.latex``; prose escaped.

A line of a derivation is a paragraph indented by its depth (``\leftskip``, not
nested lists, which LaTeX limits to four levels), so a derivation of any depth
compiles and a long sentence wraps under its own indent. A formula standing on
its own line, or too wide to sit in a sentence, is displayed as an ``align*``
aligned at ``=`` and broken into rows that fit the line (``breaking``).
"""

from __future__ import annotations

import re

from .base import DocumentPrinter
from .breaking import align_rows, width

# characters of prose that LaTeX treats specially, and the unicode the phrases use
ESCAPES = {"\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#",
           "_": r"\_", "{": r"\{", "}": r"\}", "~": r"\textasciitilde{}",
           "^": r"\textasciicircum{}", "σ": r"$\sigma$", "≠": r"$\neq$", "·": r"$\cdot$",
           "−": "$-$", "≤": r"$\leq$", "≥": r"$\geq$", "∂": r"$\partial$", "∇": r"$\nabla$", "×": r"$\times$"}
# a formula wider than this (in characters) leaves the sentence for a display of its own
INLINE_WIDTH = 36
# a table wider than this (in characters, with the gaps between columns) is written row by row
TABLE_WIDTH = 80
_DOLLAR = re.compile(r"(?<!\\)\$")


def display(raw: str) -> str:
    """``raw`` as an ``align*``, one row per side or piece that fits the line."""
    return "\\begin{align*}\n" + " \\\\\n".join(align_rows(raw)) + "\n\\end{align*}"


def paragraph(depth: int, text: str) -> str:
    indent = rf"\leftskip={1.5 * depth:g}em " if depth else ""
    return "{" + indent + r"\noindent " + text + r"\par}"


class LatexPrinter(DocumentPrinter):
    def inline(self, raw: str) -> str:
        return f"${raw}$"

    def escape(self, text: str) -> str:
        return "".join(ESCAPES.get(char, char) for char in text)

    def code(self, text: str) -> str:
        return rf"\texttt{{{self.escape(text)}}}"

    def strong(self, text: str) -> str:
        return rf"\textbf{{{text}}}"

    def line(self, depth: int, text: str) -> str:
        """Prose as indented paragraphs; a formula alone on the line, or a wide one, displayed."""
        parts = _DOLLAR.split(text)
        if len(parts) % 2 == 0:        # an odd number of $: not ours to take apart
            return paragraph(depth, text)
        alone = len(parts) == 3 and not parts[0].strip() and not parts[2].strip()
        out, prose = [], ""
        for k, part in enumerate(parts):
            if k % 2 == 0:
                prose += part
            elif alone or width(part) > INLINE_WIDTH:
                if prose.strip():
                    out.append(paragraph(depth, prose.strip()))
                after = parts[k + 1]
                stop = after[:1] if after[:1] in ",.;:" else ""
                parts[k + 1] = after[len(stop):]
                out.append(display(part + stop))
                prose = ""
            else:
                prose += f"${part}$"
        if prose.strip():
            out.append(paragraph(depth, prose.strip()))
        return "\n".join(out)

    def table(self, header, rows):
        """A tabular when it fits the line; wider, each row becomes a short block of "column: value" lines."""
        if sum(max(width(cell) for cell in column) + 2 for column in zip(header, *rows)) <= TABLE_WIDTH:
            body = [" & ".join(row) + r" \\" for row in rows]
            return [r"\begin{center}", r"\begin{tabular}{" + "l" * len(header) + "}", r"\hline",
                    " & ".join(header) + r" \\", r"\hline", *body, r"\hline", r"\end{tabular}", r"\end{center}"]
        blocks = []
        for row in rows:
            blocks.append(paragraph(1, self.strong(f"{header[0]}: {row[0]}")))
            blocks += [self.line(2, f"{name}: {cell}") for name, cell in zip(header[1:], row[1:]) if cell.strip()]
        return blocks
