"""LaTeX fragments: every formula through ``sympy.latex``; prose escaped.

Steps are paragraphs indented by depth (not nested lists, which LaTeX limits
to four levels), so a derivation of any depth compiles.
"""

from __future__ import annotations

from .base import DocumentPrinter

# characters of prose that LaTeX treats specially, and the unicode the phrases use
ESCAPES = {"\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#",
           "_": r"\_", "{": r"\{", "}": r"\}", "~": r"\textasciitilde{}",
           "^": r"\textasciicircum{}", "σ": r"$\sigma$", "≠": r"$\neq$", "·": r"$\cdot$",
           "−": "$-$", "≤": r"$\leq$", "≥": r"$\geq$", "∂": r"$\partial$", "∇": r"$\nabla$", "×": r"$\times$"}


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
        return rf"\noindent\hspace*{{{1.5 * depth:g}em}}{text}\par"

    def table(self, header, rows):
        body = [" & ".join(row) + r" \\" for row in rows]
        return [r"\begin{tabular}{" + "l" * len(header) + "}", r"\hline", " & ".join(header) + r" \\",
                r"\hline", *body, r"\hline", r"\end{tabular}\par"]
