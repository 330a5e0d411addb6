"""Rich display in Jupyter for every object symnn returns, without the engine knowing its printers.

Each result class (a Step, a Gradient, a backprop run, a verdict, ...) derives from
``RichDisplay``, whose ``_repr_html_`` / ``_repr_markdown_`` / ``_repr_latex_`` ask the
printer that ``symnn.render`` registers here when it is imported (``import symnn`` in
a notebook imports it). Until a printer is registered they return None, and IPython
falls back to the plain ``repr``.
"""

from __future__ import annotations

from collections.abc import Callable

_printer: Callable[[object, str], str] | None = None


def register(printer: Callable[[object, str], str]) -> None:
    """Use ``printer(obj, format)`` (format: html, md, latex) for the notebook display of every result."""
    global _printer
    _printer = printer


class RichDisplay:
    """Notebook display through the registered printer: MathML HTML, Markdown with $…$, or LaTeX."""

    __slots__ = ()

    def _shown(self, format: str) -> str | None:
        return None if _printer is None else _printer(self, format)

    def _repr_html_(self) -> str | None:
        return self._shown("html")

    def _repr_markdown_(self) -> str | None:
        return self._shown("md")

    def _repr_latex_(self) -> str | None:
        return self._shown("latex")
