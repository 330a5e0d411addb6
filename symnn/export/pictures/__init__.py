"""The course's pictures, drawn from the numbers symnn derives.

``graph`` draws a computational graph with graphviz (each node's formula, forward value
and gradient, like micrograd's ``draw_dot``); the others are matplotlib figures: the
activations with their derivatives, gradient-descent paths for several learning
rates, the optimizers on one surface (``optimizers``), training loss curves, decision
boundaries, the zig-zag of unscaled features, the gradient across level sets (with the
surface in 3-D), the cross-entropy curves, the sigmoid's saturation, under- and overfitting,
batch, mini-batch and stochastic descent, and one neuron's update. Each returns a ``Picture``, which
saves itself as PNG, SVG or PDF and shows itself in a notebook; ``Picture.data`` holds
the numbers drawn and ``Picture.texts()`` the words and numbers written, which
``labels`` puts in math notation and in the picture's language.
"""

from __future__ import annotations

from .picture import Picture

KINDS = ("graph", "activations", "descent", "optimizers", "loss", "boundary", "zigzag", "gradient", "bce",
         "saturation", "fitting", "batches", "neuron")

__all__ = ["Picture", "KINDS"]
