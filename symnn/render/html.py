"""HTML fragments with the math as presentation MathML, which browsers lay out
natively (no JavaScript, no network); prose escaped.

Every formula is first written in LaTeX through ``sympy.latex`` (as in every other
format) and then converted by latex2mathml, so the HTML shows exactly what the
LaTeX shows. A formula alone on its line is a block.
"""

from __future__ import annotations

import html
import re

from latex2mathml.converter import convert

from .base import DocumentPrinter

_DOLLAR = re.compile(r"(?<!\\)\$")


def mathml(raw: str, block: bool = False) -> str:
    r"""``raw`` LaTeX as a ``<math>`` element.

    >>> mathml("x^{2}")
    '<math xmlns="http://www.w3.org/1998/Math/MathML" display="inline"><mrow><msup><mi>x</mi><mrow><mn>2</mn></mrow></msup></mrow></math>'
    """
    return convert(raw, display="block" if block else "inline")


class HtmlPrinter(DocumentPrinter):
    def inline(self, raw: str) -> str:
        return mathml(raw)

    def escape(self, text: str) -> str:
        return html.escape(text, quote=False)

    def rich_text(self, text: str) -> str:
        """A bank statement: prose with ``$...$`` LaTeX, each formula made MathML."""
        parts = _DOLLAR.split(text)
        return "".join(mathml(part) if k % 2 else self.escape(part.replace(r"\$", "$")) for k, part in enumerate(parts))

    def code(self, text: str) -> str:
        return f"<code>{html.escape(text, quote=False)}</code>"

    def strong(self, text: str) -> str:
        return f"<strong>{text}</strong>"

    def line(self, depth: int, text: str) -> str:
        if text.startswith("<math") and text.endswith("</math>") and text.count("<math") == 1:
            text = text.replace('display="inline"', 'display="block"', 1)
        return f'<div class="step" style="margin-left:{1.5 * depth:g}em">{text}</div>'

    def join(self, lines: list[str]) -> str:
        return '<div class="symnn">\n' + "\n".join(lines) + "\n</div>"

    def table(self, header, rows):
        head = "".join(f"<th>{cell}</th>" for cell in header)
        body = ["<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows]
        return ['<div class="table"><table>', f"<tr>{head}</tr>", *body, "</table></div>"]
