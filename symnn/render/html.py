"""HTML fragments with the math as presentation MathML, which browsers lay out
natively (no JavaScript, no network); prose escaped. A wide formula is cut into pieces a line
may wrap between (``wrapping``), and a formula alone on its line is set large but at the left, as
every line of a derivation is.

Every formula is first written in LaTeX through ``sympy.latex`` (as in every other
format) and then converted by latex2mathml and mended (``mathml``), so the HTML shows
exactly what the LaTeX shows. A formula alone on its line is a block; formulas joined by
an equals sign are one formula, and a formula keeps the punctuation after it on its line.
"""

from __future__ import annotations

import html
import re

from .arrays import STATEMENT_CODE
from .base import DocumentPrinter
from .breaking import sides, split_long, width
from .mathml import mathml
from .words import upright_statement

__all__ = ["HtmlPrinter", "mathml", "keep_together"]

_DOLLAR = re.compile(r"(?<!\\)\$")
_OPEN = '<math xmlns="http://www.w3.org/1998/Math/MathML" display="inline"><mrow>'
# two formulas side by side, joined by a relation or an operation written between them in prose
_JOINED = re.compile(r"</mrow></math>\s*(=|·|\+|≈)\s*" + re.escape(_OPEN))
_BESIDE = re.compile(r"</mrow></math>\s*" + re.escape(_OPEN) + r"(?=<mo>[=≈]</mo>)")
BLOCK_SPACE = "0.6em"
# a formula wider than this many characters of math may wrap between its pieces
WRAP = 40     # above and below a formula shown on its own line
_PUNCTUATED = re.compile(r"(\(?<math\b(?:(?!<math\b).)*?</math>[.,;:!?)]+)")


def keep_together(text: str) -> str:
    """One ``<math>`` for ``<math>a</math> = <math>b</math>``, and a formula that never wraps
    away from the full stop or comma after it (a lone period on a phone's next line)."""
    text = _JOINED.sub(lambda m: f"</mrow><mo>{m[1]}</mo><mrow>", text)
    text = _BESIDE.sub("</mrow><mrow>", text)
    return _PUNCTUATED.sub(r'<span class="nowrap" style="white-space:nowrap">\1</span>', text)


def wrapping(raw: str, characters: float = WRAP) -> str:
    """``raw`` as MathML a line may wrap: a formula wider than ``characters`` becomes pieces cut as a
    LaTeX display is (at a top-level ``=``, then before a ``+`` or ``−``, between a tuple's items),
    with a place to wrap between them, so that a long answer is never hidden behind a scroll bar
    or cut off on paper."""
    if width(raw) <= characters:
        return mathml(raw)
    pieces = []
    for k, side in enumerate(sides(raw)):
        if side:          # a formula may start with its = (the next line of a chain)
            cut = split_long(side, characters)
            pieces += [("= " if k and not j else "") + piece for j, piece in enumerate(cut)]
    return "<wbr>".join(mathml(piece) for piece in pieces)


class HtmlPrinter(DocumentPrinter):
    def inline(self, raw: str) -> str:
        return wrapping(raw)

    def escape(self, text: str) -> str:
        return html.escape(text, quote=False)

    def rich_text(self, text: str) -> str:
        """A bank statement: prose with ``$...$`` LaTeX, each formula made MathML (program text as code)."""
        codes, text = [], upright_statement(text, getattr(self, "notation", {}))     # render.words
        text = STATEMENT_CODE.sub(lambda m: codes.append(m[1]) or f"CODE{len(codes) - 1}CODE", text)
        parts = _DOLLAR.split(text)
        prose = "".join(mathml(part) if k % 2 else self.escape(part.replace(r"\$", "$")) for k, part in enumerate(parts))
        return keep_together(re.sub(r"CODE(\d+)CODE", lambda m: self.code(codes[int(m[1])]), prose))

    def code(self, text: str) -> str:
        return f"<code>{html.escape(text, quote=False)}</code>"

    def strong(self, text: str) -> str:
        return f"<strong>{text}</strong>"

    def line(self, depth: int, text: str) -> str:
        text = keep_together(text)
        space = ""
        if text.startswith("<math") and text.endswith("</math>") and text.count("<math") == 1:
            # set large as a display, but at the left like every other line of a derivation
            text = text.replace('display="inline"', 'display="inline" displaystyle="true"', 1)
            space = f";margin-block:{BLOCK_SPACE}"   # a notebook's output has no page style to space them
        elif depth == 0 and text.startswith("<strong>"):
            space = f";margin-top:{BLOCK_SPACE}"     # a part's heading (a partial derivative, the answer)
        return f'<div class="step" style="margin-left:{1.5 * depth:g}em{space}">{text}</div>'

    def join(self, lines: list[str]) -> str:
        return '<div class="symnn">\n' + "\n".join(lines) + "\n</div>"

    def table(self, header, rows):
        head = "".join(f"<th>{cell}</th>" for cell in header)
        body = ["<tr>" + "".join(f"<td>{keep_together(cell)}</td>" for cell in row) + "</tr>" for row in rows]
        return ['<div class="table"><table>', f"<tr>{head}</tr>", *body, "</table></div>"]
