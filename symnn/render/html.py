"""HTML fragments with ``\\(...\\)`` math for MathJax or KaTeX; prose escaped."""

from __future__ import annotations

import html

from .base import DocumentPrinter


class HtmlPrinter(DocumentPrinter):
    def inline(self, raw: str) -> str:
        return rf"\({html.escape(raw, quote=False)}\)"

    def escape(self, text: str) -> str:
        return html.escape(text, quote=False)

    def code(self, text: str) -> str:
        return f"<code>{html.escape(text, quote=False)}</code>"

    def strong(self, text: str) -> str:
        return f"<strong>{text}</strong>"

    def line(self, depth: int, text: str) -> str:
        return f'<div class="step" style="margin-left:{1.5 * depth:g}em">{text}</div>'

    def join(self, lines: list[str]) -> str:
        return '<div class="symnn">\n' + "\n".join(lines) + "\n</div>"

    def table(self, header, rows):
        head = "".join(f"<th>{cell}</th>" for cell in header)
        body = ["<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows]
        return ["<table>", f"<tr>{head}</tr>", *body, "</table>"]
