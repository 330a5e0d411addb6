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

    def __init__(self, title: str, draw: Callable[[str], bytes], data: dict, texts: Callable[[], list[str]],
                 figure: Callable[[], object] | None = None):
        self.title, self._draw, self.data, self._texts, self.figure = title, draw, data, texts, figure

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

    return Picture(title, draw, data, lambda: figure_texts(figure_of()), figure_of)


def resized(picture: Picture, box: tuple[float, float], least: float) -> Picture:
    """``picture`` (a plotted one; another as it is) drawn to fit ``box`` with words of ``least`` points (``shown``)."""
    if picture.figure is None:
        return picture
    build = picture.figure

    def figure_of():
        return shown(build(), box, least)

    def draw(format: str) -> bytes:
        buffer = io.BytesIO()
        figure_of().savefig(buffer, format=format, dpi=110, metadata=_NO_DATES[format])
        return buffer.getvalue()

    return Picture(picture.title, draw, picture.data, lambda: figure_texts(figure_of()), figure_of)


def shown(fig, box: tuple[float, float], least: float):
    """``fig`` made the size it is shown at in a ``box`` (width, height in inches; its shape kept), so that a point of
    its type is a point where it is shown, and every word of it (titles, labels, ticks, legends) at least ``least``
    points: a figure drawn large and shrunk to a slide's box had ticks of 3 pt, unreadable projected."""
    from matplotlib.text import Text
    width, height = fig.get_size_inches()
    scale = min(box[0] / width, box[1] / height)
    fig.set_size_inches(width * scale, height * scale)
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            labels = axis.get_ticklabels()
            if labels and labels[0].get_fontsize() < least:
                axis.set_tick_params(labelsize=least)
    for text in fig.findobj(Text):
        text.set_fontsize(max(text.get_fontsize(), least))
    if fig._suptitle is not None:            # a title longer than the figure is now wide goes on over two lines
        fig._suptitle.set_wrap(True)
    return fig
