"""Printers: one per format, each walking the same objects (Step, Gradient, Solution).

Above the engine, the bank and the checker, which it only reads: text, LaTeX,
Markdown, HTML and JSON, in every language of ``symnn.lang``.

>>> from symnn import diff_steps
>>> print(to_text(diff_steps("x^2", "x")))
Derivative: d/dx(x^2) = 2x
Power rule. Here n = 2. (x^n)' = n·x^(n-1)
   d/dx(x^2) = 2x
"""

from __future__ import annotations

import sys
import types

from ..calculus import display
from .html import HtmlPrinter
from .json import JsonPrinter
from .latex import LatexPrinter
from .markdown import MarkdownPrinter
from .text import TextPrinter

PRINTERS = {
    "text": TextPrinter,
    "latex": LatexPrinter,
    "md": MarkdownPrinter,
    "html": HtmlPrinter,
    "json": JsonPrinter,
}
FORMATS = tuple(PRINTERS)


def render(obj, format: str = "text", **settings) -> str:
    """``obj`` written in ``format`` (text, latex, md, html, json)."""
    if format not in PRINTERS:
        raise ValueError(f"unknown format {format!r}; use one of {', '.join(FORMATS)}")
    return PRINTERS[format](**settings).doprint(obj)


def to_text(obj, **settings) -> str:
    return TextPrinter(**settings).doprint(obj)


def to_latex(obj, **settings) -> str:
    return LatexPrinter(**settings).doprint(obj)


def to_markdown(obj, **settings) -> str:
    return MarkdownPrinter(**settings).doprint(obj)


def to_html(obj, **settings) -> str:
    return HtmlPrinter(**settings).doprint(obj)


def to_json(obj, **settings) -> str:
    return JsonPrinter(**settings).doprint(obj)


def _notebook(obj, format: str, lang: str = "en") -> str | None:
    """What a notebook shows for ``obj`` in ``lang``; None (the plain repr) for an object no printer knows."""
    try:
        return render(obj, format, lang=lang)
    except TypeError:
        return None


display.register(_notebook)


class _RenderPackage(types.ModuleType):
    """``symnn.render`` names this package and the ``render`` function at once (both are public),
    so the package can be called like the function."""

    def __call__(self, obj, format: str = "text", **settings) -> str:
        return render(obj, format, **settings)


sys.modules[__name__].__class__ = _RenderPackage
