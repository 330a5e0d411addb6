"""Where an optimizer goes on a surface: its iterates, by the same equations that train networks.

The optimizer's update equations are applied by ``Updater`` and the gradient of f is
compiled by ``compile_numpy``, so a path drawn is the path trained, step for step.

>>> path = optimizer_path("gd", "(x^2 + y^2)/2", "x, y", (1, 2), 2, eta=0.5)
>>> path.tolist()
[[1.0, 2.0], [0.5, 1.0], [0.25, 0.5]]
"""

from __future__ import annotations

import numpy as np
import sympy as sp

from ..calculus.expressions import as_expr
from ..calculus.parse import parse_symbols
from .compile import compile_numpy
from .updater import Updater

MAX_STEPS = 10_000


def optimizer_path(name: str, expr, variables, start, steps: int, **settings) -> np.ndarray:
    """The start and the ``steps`` points after it, one row each; a path that overflows stops there."""
    if not 0 < steps <= MAX_STEPS:
        raise ValueError(f"steps must be between 1 and {MAX_STEPS}, got {steps}")
    f = as_expr(expr)
    names = parse_symbols(variables) if isinstance(variables, str) else tuple(variables)
    symbols = [next((s for s in f.free_symbols if s.name == str(v)), sp.Symbol(str(v), real=True)) for v in names]
    gradient = compile_numpy([sp.diff(f, s) for s in symbols], symbols)
    updater = Updater(name, **settings)
    params = {str(s): float(c) for s, c in zip(symbols, start)}
    points = [list(params.values())]
    with np.errstate(over="ignore", invalid="ignore"):
        for _ in range(steps):
            look = updater.lookahead(params)
            grads = dict(zip(params, gradient(*look.values())))
            params = {k: float(v) for k, v in updater.step(params, grads).items()}
            if not all(np.isfinite(list(params.values()))):
                break
            points.append(list(params.values()))
    return np.array(points)
