"""Rich display in Jupyter for every object symnn returns, without the engine knowing its printers.

Each result class (a Step, a Gradient, a backprop run, a verdict, ...) derives from
``RichDisplay``, whose ``_repr_html_`` / ``_repr_markdown_`` / ``_repr_latex_`` ask the
printer that ``symnn.render`` registers here when it is imported (``import symnn`` in
a notebook imports it). Until a printer is registered they return None, and IPython
falls back to the plain ``repr``.

A notebook shows every result in one language, ``set_lang`` (English by default); a result
made with ``lang=`` (``symnn.solve("4.3", lang="ru")``) keeps its own.

>>> set_lang("ru"); display_lang()
'ru'
>>> set_lang("en")
"""

from __future__ import annotations

from collections.abc import Callable

from ..lang import LANGUAGES

_printer: Callable[..., str] | None = None
_session = {"lang": "en"}
_OWN = "_symnn_lang"              # where a result keeps a language of its own


def register(printer: Callable[..., str]) -> None:
    """Use ``printer(obj, format, lang=...)`` (format: html, md, latex) for the notebook display of every result."""
    global _printer
    _printer = printer


def _known(lang: str) -> str:
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; use one of {', '.join(LANGUAGES)}")
    return lang


def set_lang(lang: str) -> None:
    """Show every result in ``lang`` (en, ru) from now on: its sentences, names and numbers."""
    _session["lang"] = _known(lang)


def display_lang() -> str:
    """The language results are shown in when they have none of their own."""
    return _session["lang"]


def shown_in(result, lang: str):
    """``result`` (or each result of a tuple) shown in ``lang`` whatever the session's language; returned."""
    _known(lang)
    for item in result if isinstance(result, tuple) else (result,):
        if isinstance(item, RichDisplay) and hasattr(item, "__dict__"):
            object.__setattr__(item, _OWN, lang)   # beside a frozen dataclass's fields, not one of them
    return result


class RichDisplay:
    """Notebook display through the registered printer: MathML HTML, Markdown with $…$, or LaTeX."""

    __slots__ = ()

    def _shown(self, format: str) -> str | None:
        if _printer is None:
            return None
        return _printer(self, format, lang=getattr(self, _OWN, None) or _session["lang"])

    def _repr_html_(self) -> str | None:
        return self._shown("html")

    def _repr_markdown_(self) -> str | None:
        return self._shown("md")

    def _repr_latex_(self) -> str | None:
        return self._shown("latex")
