"""Paths on a loss surface: gradient descent for several learning rates (the points are
``one_step`` iterates, exact), the course's optimizers on one surface (their own equations,
through ``Updater``), and the zig-zag of unscaled features against standardised ones.
"""

from __future__ import annotations

import numpy as np
import sympy as sp

from ...calculus.expressions import as_expr
from ...lang import phrase
from ...nn.optimizers import descent
from ...numerics.compile import compile_numpy
from ...numerics.paths import optimizer_path
from ...numerics.scaling import gradient_descent_path, steps_to_converge
from ...render.math import text_math
from .picture import Picture, drawer, figure

SURFACE = "(x^2 + 10*y^2)/2"        # the course's optimizers problem: curvatures 1 and 10
START = (1.0, 1.0)
# on SURFACE, gradient descent is stable for a learning rate below 2/10
RATES = (0.02, 0.1, 0.18, 0.205)
COMPARED = ("gd", "momentum", "nesterov", "adagrad", "rmsprop", "adam")


def behaviour(values: np.ndarray, path: np.ndarray) -> str:
    """How a descent went, from f along its path: divergent, zig-zagging, too slow, or good."""
    if values[-1] > values[0]:
        return "divergent"
    flips = np.sum(np.diff(np.sign(path[:, -1])) != 0)
    if flips > len(path) // 2:
        return "too large"
    return "too small" if values[-1] > 1e-2 * values[0] else "good"


def _variables(f: sp.Expr):
    return sorted(f.free_symbols, key=lambda s: s.name)


def _contours(ax, f, variables, paths):
    """f's level sets over a box around the start and the paths that stay near it."""
    points = np.vstack([p[: max(2, len(p) // 3)] for p in paths])
    reach = np.clip(np.abs(points).max(axis=0) * 1.15, 0.5, 3)
    g1, g2 = (np.linspace(-r, r, 200) for r in reach)
    G1, G2 = np.meshgrid(g1, g2)
    Z = np.broadcast_to(compile_numpy(f, variables)(G1, G2), G1.shape)
    ax.contour(G1, G2, Z, levels=np.geomspace(max(Z.min(), 1e-3), Z.max(), 14), colors="#999", linewidths=0.6)
    ax.set_xlim(-reach[0], reach[0])
    ax.set_ylim(-reach[1], reach[1])
    ax.set_xlabel(str(variables[0]))
    ax.set_ylabel(str(variables[1]))


def _two_variables(expr):
    f = as_expr(expr)
    variables = _variables(f)
    if len(variables) != 2:
        raise ValueError(f"a surface is drawn for a function of two variables; {text_math(f)} has {len(variables)}")
    return f, variables


def descent_picture(expr=SURFACE, at=START, rates=RATES, steps: int = 25, lang: str = "en") -> Picture:
    f, variables = _two_variables(expr)
    value = compile_numpy(f, variables)
    paths, verdicts = {}, {}
    for rate in rates:
        iterates = descent("gd", f, variables, at, steps, eta=rate)
        path = np.array([[float(c) for c in at]] + [[float(c) for c in s.result] for s in iterates])
        paths[rate] = path
        verdicts[rate] = behaviour(np.array([value(*p) for p in path]), path)
    title = phrase(lang, "plot.descent", function=text_math(f), start=str(tuple(at)), steps=steps)

    def build():
        fig = figure(9, 7.5)
        fig.suptitle(title, fontsize=11)
        for ax, rate in zip(fig.subplots(2, 2).ravel(), rates):
            _contours(ax, f, variables, [paths[rate]])
            ax.plot(*paths[rate].T, "o-", color="#d9480f", markersize=3, linewidth=1.2)
            ax.plot(*paths[rate][0], "s", color="black")
            ax.set_title(phrase(lang, "plot.rate", rate=f"{rate:g}", behaviour=phrase(lang, f"plot.{verdicts[rate]}")),
                         fontsize=9)
        return fig

    return Picture(title, drawer(build), {"paths": paths, "behaviour": verdicts})


def optimizers_picture(expr=SURFACE, at=START, names=COMPARED, steps: int = 60, eta: float = 0.1,
                       lang: str = "en") -> Picture:
    f, variables = _two_variables(expr)
    paths = {name: optimizer_path(name, f, variables, at, steps, eta=eta) for name in names}
    title = phrase(lang, "plot.optimizers", function=text_math(f), start=str(tuple(at)), steps=steps) + f", η = {eta:g}"

    def build():
        fig = figure(7.5, 6)
        ax = fig.subplots()
        _contours(ax, f, variables, list(paths.values()))
        for name, path in paths.items():
            ax.plot(*path.T, ".-", label=name, markersize=3, linewidth=1.2)
        ax.plot(*np.asarray(at, dtype=float), "s", color="black")
        ax.set_title(title, fontsize=10)
        ax.legend(fontsize=8)
        return fig

    return Picture(title, drawer(build), {"paths": paths})


def zigzag_data(n: int = 40, seed: int = 0) -> dict:
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
                     "path": gradient_descent_path(X, target, rate, 30),
                     "steps": steps_to_converge(X, target, rate, 1e-6)}
    return out


def zigzag_picture(lang: str = "en") -> Picture:
    data = zigzag_data()
    title = phrase(lang, "plot.zigzag")

    def build():
        fig = figure(10, 4.8)
        fig.suptitle(title, fontsize=11)
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
            ax.set_xlabel("w₁")
            ax.set_ylabel("w₂")
            ax.set_title(phrase(lang, "plot.zigzag.panel", name=phrase(lang, f"plot.{name}"),
                                kappa=f"{run['kappa']:.3g}", steps=run["steps"]), fontsize=9)
        return fig

    return Picture(title, drawer(build), data)
