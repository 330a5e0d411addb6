"""The pictures of single lessons, by name, with the limits a command line keeps: the gradient across
level sets, the cross-entropy curves, the sigmoid's saturation, under- and overfitting, batch,
mini-batch and stochastic descent, and one neuron's update. Each module is imported only when its picture is drawn.
"""

from __future__ import annotations

LESSONS = ("gradient", "bce", "saturation", "fitting", "batches", "neuron")
MAX_FITTING_EPOCHS = 20_000     # the learning curve: a 10 × 10 system, fast
MAX_BATCH_EPOCHS = 50           # SGD takes n steps a pass, each a Python call


def _within(what: str, value, low, high) -> None:
    if not low <= value <= high:
        raise ValueError(f"{what} must be between {low} and {high}, got {value}")


def lesson_picture(kind: str, expr=None, at=None, lang: str = "en", surface: bool = False, epochs: int | None = None,
                   seed: int | None = None, eta: float | None = None):
    """The picture ``symnn plot KIND`` draws for one of ``LESSONS``; ``at`` is a point of it for every kind."""
    if kind == "gradient":
        from .gradient import AT, SURFACE, gradient_picture
        return gradient_picture(expr or SURFACE, at or AT, surface, lang)
    if kind == "bce":
        from .curves import bce_picture
        return bce_picture(lang, at)
    if kind == "saturation":
        from .curves import saturation_picture
        return saturation_picture(lang, at or "x=3")
    if kind == "fitting":
        from . import fitting
        epochs = epochs or fitting.EPOCHS
        _within("--epochs", epochs, 1, MAX_FITTING_EPOCHS)
        return fitting.fitting_picture(lang, at, fitting.SEED if seed is None else seed, epochs)
    if kind == "batches":
        from . import batches
        epochs, eta = epochs or batches.EPOCHS, batches.ETA if eta is None else eta
        _within("--epochs", epochs, 1, MAX_BATCH_EPOCHS)
        _within("--eta", eta, 0.001, 1)
        return batches.batches_picture(lang, at, epochs, seed or 0, eta)
    if kind == "neuron":
        from .neuron import RATE, neuron_picture
        rate = RATE if eta is None else eta
        _within("--eta", rate, 0.001, 10)
        return neuron_picture(lang, at, rate)
    raise ValueError(f"no picture {kind!r}; the lessons' pictures are {', '.join(LESSONS)}")
