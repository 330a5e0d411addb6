"""Paths on a loss surface: gradient descent for several learning rates (the points are
``one_step`` iterates, exact) and the zig-zag of unscaled features against standardised ones.
The optimizers' comparison is in ``optimizers``; both draw their surface with ``contours``.
"""

from __future__ import annotations

import numpy as np
import sympy as sp

from ...calculus.expressions import as_expr
from ...calculus.parse import parse_point
from ...lang import phrase
from ...nn.optimizers import descent
from ...numerics.compile import compile_numpy
from ...numerics.scaling import gradient_descent_path, steps_to_converge
from ...render.math import text_math
from .labels import formula, number, point
from .picture import Picture, figure, plotted

SURFACE = "(x^2 + 10*y^2)/2"        # the course's optimizers problem: curvatures 1 and 10
START = (1.0, 1.0)
# on SURFACE, gradient descent is stable for a learning rate below 2/10
RATES = (0.02, 0.1, 0.18, 0.205)
MAX_ZIGZAG_STEPS = 100_000


def behaviour(values: np.ndarray, path: np.ndarray) -> str:
    """How a descent went, from f along its path: divergent, zig-zagging, too slow, or good."""
    if values[-1] > values[0]:
        return "divergent"
    flips = np.sum(np.diff(np.sign(path[:, -1])) != 0)
    if flips > len(path) // 2:
        return "too large"
    return "too small" if values[-1] > 1e-2 * values[0] else "good"


def two_variables(expr):
    """f and its two variables in alphabetical order (x before y, w1 before w2)."""
    f = as_expr(expr)
    variables = sorted(f.free_symbols, key=lambda s: s.name)
    if len(variables) != 2:
        raise ValueError(f"a surface is drawn for a function of two variables; {text_math(f)} has {len(variables)}")
    return f, variables


def start_point(at, variables) -> tuple[float, float]:
    """The start as numbers in the order of ``variables``: from a tuple, or from x=1,y=2 (text or dict) by name."""
    if isinstance(at, str):
        at = parse_point(at)
    if not isinstance(at, dict):
        return tuple(float(c) for c in at)
    given = {str(name): value for name, value in at.items()}
    wanted = [str(v) for v in variables]
    if sorted(given) != sorted(wanted):
        raise ValueError(f"the start names {', '.join(given)}; the surface's variables are {', '.join(wanted)}")
    return tuple(float(given[name]) for name in wanted)


def function_title(f: sp.Expr, variables, lang: str) -> str:
    """$f(x, y) = …$ in math notation."""
    return formula(sp.Eq(sp.Function("f")(*variables), f, evaluate=False), lang)


def contours(ax, f, variables, paths, lang: str = "en"):
    """f's level sets over a box around the start and the paths that stay near it, to scale."""
    points = np.vstack([p[: max(2, len(p) // 3)] for p in paths])
    reach = np.clip(np.abs(points).max(axis=0) * 1.15, 0.5, 3)
    g1, g2 = (np.linspace(-r, r, 200) for r in reach)
    G1, G2 = np.meshgrid(g1, g2)
    Z = np.broadcast_to(compile_numpy(f, variables)(G1, G2), G1.shape)
    ax.contour(G1, G2, Z, levels=np.geomspace(max(Z.min(), 1e-3), Z.max(), 14), colors="#999", linewidths=0.6)
    ax.set_xlim(-reach[0], reach[0])
    ax.set_ylim(-reach[1], reach[1])
    ax.set_aspect("equal")
    ax.set_xlabel(formula(variables[0], lang))
    ax.set_ylabel(formula(variables[1], lang), rotation=0, labelpad=8)


def descent_picture(expr=SURFACE, at=START, rates=RATES, steps: int = 25, lang: str = "en") -> Picture:
    f, variables = two_variables(expr)
    at = start_point(at, variables)
    value = compile_numpy(f, variables)
    paths, verdicts = {}, {}
    for rate in rates:
        iterates = descent("gd", f, variables, at, steps, eta=rate)
        path = np.array([list(at)] + [[float(c) for c in s.result] for s in iterates])
        paths[rate] = path
        verdicts[rate] = behaviour(np.array([value(*p) for p in path]), path)
    title = phrase(lang, "plot.descent", function=function_title(f, variables, lang), start=point(at, lang),
                   steps=steps)

    def build():
        fig = figure(9, 8.4)
        fig.suptitle(title, fontsize=12)
        for ax, rate in zip(fig.subplots(2, 2).ravel(), rates):
            contours(ax, f, variables, [paths[rate]], lang)
            ax.plot(*paths[rate].T, "o-", color="#d9480f", markersize=3, linewidth=1.2)
            ax.plot(*paths[rate][0], "s", color="black")
            ax.set_title(phrase(lang, "plot.rate", rate=number(rate, lang),
                                behaviour=phrase(lang, f"plot.{verdicts[rate]}")), fontsize=10)
        return fig

    return plotted(title, build, {"start": at, "paths": paths, "behaviour": verdicts}, lang)


def _steps_to_converge(X, y, rate, start) -> int:
    """GD steps from ``start`` until ‖w − w*‖ ≤ 10⁻⁶‖w*‖ (from w = 0 counted exactly by ``steps_to_converge``)."""
    if not np.any(start):
        return steps_to_converge(X, y, rate, 1e-6)
    optimum = np.linalg.lstsq(X, y, rcond=None)[0]
    w = np.array(start, dtype=float)
    for k in range(MAX_ZIGZAG_STEPS):
        if np.linalg.norm(w - optimum) <= 1e-6 * np.linalg.norm(optimum):
            return k
        w = w + rate * 2 / len(y) * X.T @ (y - X @ w)
    return MAX_ZIGZAG_STEPS


def zigzag_data(n: int = 40, seed: int = 0, start=(0.0, 0.0)) -> dict:
    """Two uncorrelated features, one about ten times the other's scale (kilograms beside metres),
    and a linear target; GD with step 1.8/λ_max on L(w) = (1/n)‖y − Xw‖², unscaled and standardised."""
    rng = np.random.default_rng(seed)
    features = rng.normal(size=(n, 2)) * np.array([10.0, 1.0])
    features -= features.mean(axis=0)
    target = features @ np.array([0.3, 2.0]) + 0.1 * rng.normal(size=n)
    target -= target.mean()
    out = {}
    for name, X in (("raw", features), ("standardised", features / features.std(axis=0))):
        eigenvalues = np.linalg.eigvalsh(2 / n * X.T @ X)
        rate = 1.8 / eigenvalues[-1]
        out[name] = {"X": X, "y": target, "rate": rate, "kappa": eigenvalues[-1] / eigenvalues[0],
                     "path": gradient_descent_path(X, target, rate, 30, start),
                     "steps": _steps_to_converge(X, target, rate, start)}
    return out


def zigzag_picture(lang: str = "en", at=None) -> Picture:
    """``at``: where both descents start (w1, w2), 0 by default."""
    w1, w2 = sp.symbols("w1 w2")
    start = (0.0, 0.0) if at is None else start_point(at, (w1, w2))
    data = zigzag_data(start=start)
    title = phrase(lang, "plot.zigzag", start=point(start, lang))

    def build():
        fig = figure(10, 5.2)
        fig.suptitle(title, fontsize=12)
        for ax, (name, run) in zip(fig.subplots(1, 2), data.items()):
            X, y, path = run["X"], run["y"], run["path"]
            optimum = np.linalg.lstsq(X, y, rcond=None)[0]
            reach = np.abs(np.vstack([path, optimum])).max(axis=0) * 1.3 + 1e-9
            g1, g2 = np.linspace(-reach[0], reach[0], 200), np.linspace(-reach[1], reach[1], 200)
            W1, W2 = np.meshgrid(g1, g2)
            residual = y[:, None, None] - X[:, 0, None, None] * W1 - X[:, 1, None, None] * W2
            loss = (residual ** 2).mean(axis=0)
            ax.contour(W1, W2, loss, levels=np.geomspace(loss.min() + 1e-6, loss.max(), 15), colors="#999", linewidths=0.6)
            ax.plot(*path.T, "o-", color="#d9480f", markersize=3, linewidth=1.2)
            ax.plot(*optimum, "*", color="black", markersize=10)
            ax.set_xlabel(formula(w1, lang))
            ax.set_ylabel(formula(w2, lang), rotation=0, labelpad=8)
            ax.set_title(phrase(lang, "plot.zigzag.panel", name=phrase(lang, f"plot.{name}"),
                                kappa=number(run["kappa"], lang, 3), steps=run["steps"]), fontsize=10)
        return fig

    return plotted(title, build, data, lang)
