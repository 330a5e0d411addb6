"""A picture: drawn on demand as PNG or SVG, saved by its file's suffix, shown in a notebook."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

from .labels import figure_texts, localised_ticks

FORMATS = ("png", "svg", "pdf")
PLOTS_HINT = "pictures need matplotlib and graphviz (the Python package): pip install 'symnn[plots]'"
# no creation date or program version in the files, so the same picture gives the same bytes
_NO_DATES = {"png": {"Software": None}, "svg": {"Date": None, "Creator": None}, "pdf": {"CreationDate": None}}


class Picture:
    """``draw(format)`` gives the file's bytes; ``data`` holds the numbers the picture shows, and
    ``texts()`` every word and number written on it (titles, labels, legends, ticks, node labels)."""

    def __init__(self, title: str, draw: Callable[[str], bytes], data: dict, texts: Callable[[], list[str]]):
        self.title, self._draw, self.data, self._texts = title, draw, data, texts

    def texts(self) -> list[str]:
        return self._texts()

    def __repr__(self) -> str:
        return f"<Picture {self.title!r}>"

    def render(self, format: str = "png") -> bytes:
        if format not in FORMATS:
            raise ValueError(f"a picture is saved as {', '.join(FORMATS)}, not {format!r}")
        return self._draw(format)

    def save(self, path) -> Path:
        """Write the picture to ``path``, in the format its suffix names (.png, .svg or .pdf)."""
        path = Path(path)
        format = path.suffix.lstrip(".").lower()
        if format not in FORMATS:
            raise ValueError(f"{path.name}: name a .png, .svg or .pdf file")
        data = self.render(format)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        return path

    def _repr_png_(self) -> bytes:
        return self.render("png")

    def _repr_svg_(self) -> str:
        return self.render("svg").decode("utf-8")


def figure(width: float, height: float):
    """A matplotlib Figure, without pyplot (no global state, no window)."""
    try:
        from matplotlib.figure import Figure
    except ImportError:
        raise ImportError(PLOTS_HINT) from None
    return Figure(figsize=(width, height), layout="constrained")


def plotted(title: str, build: Callable[[], object], data: dict, lang: str) -> Picture:
    """A Picture of the matplotlib Figure ``build()`` makes, drawn afresh for every file, with the
    tick numbers written as ``lang`` writes numbers."""
    def figure_of():
        fig = build()
        localised_ticks(fig, lang)
        return fig

    def draw(format: str) -> bytes:
        buffer = io.BytesIO()
        figure_of().savefig(buffer, format=format, dpi=110, metadata=_NO_DATES[format])
        return buffer.getvalue()

    return Picture(title, draw, data, lambda: figure_texts(figure_of()))
