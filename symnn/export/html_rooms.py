"""The room an HTML worksheet leaves for an answer, shaped as ``answer_forms`` shapes it on paper: a line to write
on after "Your answer:" for a number, two for a formula, a labelled line per part (f = ____, ∂f/∂x = ____), a yes/no
box per claim, a grid of blanks for a matrix, a framed box where the statement asks to draw a graph, and lines
for a comparison it asks for.

>>> from symnn.export.answer_forms import AnswerForm
>>> html_room(AnswerForm("number"), "en")
'<div class="room"><p class="line"><span>Your answer:</span><span class="blank"></span></p></div>'
"""

from __future__ import annotations

import html

from ..lang import phrase
from ..render.html import HtmlPrinter
from .answer_forms import AnswerForm


def _line(label: str = "") -> str:
    """A line to write on after ``label`` (HTML)."""
    return f'<p class="line">{f"<span>{label}</span>" if label else ""}<span class="blank"></span></p>'


def _math(printer, latex: str) -> str:
    return printer.rich_text(f"${latex}$")


def _parts(form: AnswerForm, lang: str, printer) -> list[str]:
    """The labelled lines of an answer of several parts."""
    if form.groups:
        return [html.escape(name) + ": " + "".join(_line(_math(printer, f"{c} =")) for c in coordinates)
                for name, coordinates in form.groups]
    if form.labels:
        return [_line(_math(printer, f"{label} =")) for label in form.labels]
    if form.names:
        return [_line(html.escape(name) + ":") for name in form.names]
    return [_line(f"{k})") for k in range(1, form.count + 1)]


def html_room(form: AnswerForm, lang: str) -> str:
    """The room for the answer of ``form`` on an HTML worksheet, and for what the statement asks besides it."""
    printer, here = HtmlPrinter(lang=lang), html.escape(phrase(lang, "sheet.answer.here"))
    yes, no = html.escape(phrase(lang, "sheet.yes")), html.escape(phrase(lang, "sheet.no"))
    drawn = [f'<p>{html.escape(phrase(lang, "sheet.room.drawing"))}</p><div class="box"></div>'] if "drawing" in form.also else []
    if form.kind == "number":
        rows = [_line(here)]
    elif form.kind == "formula":
        rows = [_line(here), _line()]
    elif form.kind == "claims":
        rows = [f'<p class="line">{k}. ☐ {yes} ☐ {no}</p>' for k in range(1, form.count + 1)]
    elif form.kind == "matrix":
        cells = "".join("<tr>" + '<td><span class="blank"></span></td>' * form.shape[1] + "</tr>" for _ in range(form.shape[0]))
        rows = [f"<p>{here}</p>", f'<table class="grid">{cells}</table>']
    else:
        rows = [f"<p>{here}</p>", *_parts(form, lang, printer)]
    more = {"shape": _line(html.escape(phrase(lang, "sheet.room.shape"))),
            "solution": f'<p class="line">{html.escape(phrase(lang, "sheet.room.solution"))} ☐ '
                        f'{html.escape(phrase(lang, "sheet.room.yes"))} ☐ {html.escape(phrase(lang, "sheet.room.no"))}</p>',
            "comparison": _line(html.escape(phrase(lang, "sheet.room.comparison"))) + _line()}
    return '<div class="room">' + "".join([*drawn, *rows, *(more[part] for part in form.also if part in more)]) + "</div>"
