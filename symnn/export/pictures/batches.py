"""Batch, mini-batch and stochastic gradient descent (seed 004) on one linear regression: their paths
over the loss's level sets and the loss against the work done.

The data are drawn with a fixed seed: y = 1 + 2x + noise at a hundred points. The loss is the
course's L(w) = (1/n)Σ(y_i − w₀ − w₁x_i)²; the gradient of one sample's term is ``sympy.diff``'s,
compiled by ``compile_numpy``, and averaged over the m samples of a step; every method steps with
the same equations (``Updater``) and the same η. All three get the same budget: a few passes over
the data, that is the same number of one-sample gradients computed. Batch GD spends n of them on
a step (O(n)), SGD one (O(1)), mini-batch m, each pass in a fresh random order.
"""

from __future__ import annotations

import numpy as np
import sympy as sp

from ...lang import phrase
from ...numerics.compile import compile_numpy
from ...numerics.updater import Updater
from .labels import formula, number, optimizer_name, point
from .picture import Picture, figure, plotted
from .surfaces import start_point

N, SEED, ETA, EPOCHS, MINIBATCH = 100, 0, 0.1, 5, 10
START = (-2.0, -1.0)
TRUE = (1.0, 2.0)                 # y = 1 + 2x + noise
METHODS = ("gd", "minibatch", "sgd")
STYLE = {"gd": ("#1f1f1f", "o", "-"), "minibatch": ("#1864ab", None, "-"), "sgd": ("#d9480f", None, "-")}
W0, W1, XI, YI = sp.symbols("w0 w1 x_i y_i", real=True)


def regression_data(seed: int = SEED, n: int = N) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    x = rng.normal(0, 1, n)
    return x, TRUE[0] + TRUE[1] * x + rng.normal(0, 0.5, n)


def batch_sizes(n: int) -> dict:
    return {"gd": n, "minibatch": MINIBATCH, "sgd": 1}


def descend(method: str, x, y, start, eta: float, epochs: int, rng) -> tuple[np.ndarray, list]:
    """The iterates of one method over ``epochs`` passes, and the sample order of every pass."""
    term = (YI - W0 - W1 * XI) ** 2                       # one sample's loss
    gradient = compile_numpy([sp.diff(term, W0), sp.diff(term, W1)], [W0, W1, XI, YI])
    updater = Updater(method, eta=eta)
    m = batch_sizes(len(x))[method]
    params, path, orders = {"w0": start[0], "w1": start[1]}, [list(start)], []
    for _ in range(epochs):
        order = np.arange(len(x)) if method == "gd" else rng.permutation(len(x))
        orders.append(order)
        for first in range(0, len(x), m):
            rows = order[first:first + m]
            g0, g1 = (np.mean(np.broadcast_to(g, rows.shape)) for g in gradient(params["w0"], params["w1"], x[rows], y[rows]))
            params = {k: float(v) for k, v in updater.step(params, {"w0": g0, "w1": g1}).items()}
            path.append([params["w0"], params["w1"]])
    return np.array(path), orders


def loss(w: np.ndarray, x, y) -> np.ndarray:
    """L(w) = (1/n)Σ(y_i − w₀ − w₁x_i)² for every row of w."""
    w = np.atleast_2d(w)
    return ((y[None, :] - w[:, :1] - w[:, 1:] * x[None, :]) ** 2).mean(axis=1)


def batches_data(start=START, eta: float = ETA, epochs: int = EPOCHS, seed: int = SEED) -> dict:
    x, y = regression_data(seed)
    rng = np.random.default_rng(seed + 1)
    runs = {}
    for method in METHODS:
        path, orders = descend(method, x, y, start, eta, epochs, rng)
        m = batch_sizes(len(x))[method]
        runs[method] = {"path": path, "orders": orders, "batch": m, "loss": loss(path, x, y),
                        "work": np.minimum(np.arange(len(path)) * m, epochs * len(x))}
    optimum = np.linalg.lstsq(np.column_stack([np.ones_like(x), x]), y, rcond=None)[0]
    return {"x": x, "y": y, "start": tuple(start), "eta": eta, "epochs": epochs, "runs": runs, "optimum": optimum}


def batches_picture(lang: str = "en", at=None, epochs: int = EPOCHS, seed: int = SEED, eta: float = ETA) -> Picture:
    """``at`` (w0=…, w1=…): where the three descents start."""
    start = START if at is None else start_point(at, (W0, W1))
    data = batches_data(start, eta, epochs, seed)
    runs, n = data["runs"], len(data["x"])
    title = phrase(lang, "plot.batches", n=n, eta=number(eta, lang))
    labels = {method: phrase(lang, f"plot.batches.{method}", name=optimizer_name(method, lang), m=run["batch"],
                             steps=len(run["path"]) - 1) for method, run in runs.items()}

    def paths_panel(ax):
        points = np.vstack([run["path"] for run in runs.values()] + [data["optimum"]])
        low, high = points.min(axis=0), points.max(axis=0)
        pad = 0.15 * (high - low) + 0.2
        g0, g1 = np.linspace(low[0] - pad[0], high[0] + pad[0], 160), np.linspace(low[1] - pad[1], high[1] + pad[1], 160)
        G0, G1 = np.meshgrid(g0, g1)
        Z = loss(np.column_stack([G0.ravel(), G1.ravel()]), data["x"], data["y"]).reshape(G0.shape)
        ax.contour(G0, G1, Z, levels=np.geomspace(Z.min() * 1.02, Z.max(), 14), colors="#aaa", linewidths=0.6)
        for method in reversed(METHODS):            # batch GD drawn last, on top
            colour, marker, line = STYLE[method]
            ax.plot(*runs[method]["path"].T, color=colour, marker=marker, linestyle=line, markersize=5,
                    linewidth=1.6 if method == "gd" else 0.9, alpha=1 if method == "gd" else 0.85, label=labels[method])
        ax.plot(*data["start"], "s", color="black", markersize=7)
        ax.plot(*data["optimum"], "*", color="black", markersize=13)
        ax.set_xlabel(formula(W0, lang))
        ax.set_ylabel(formula(W1, lang), rotation=0, labelpad=8)
        ax.set_title(phrase(lang, "plot.batches.paths", start=point(data["start"], lang)), fontsize=10)
        ax.set_aspect("equal")
        handles, texts = ax.get_legend_handles_labels()
        return handles[::-1], texts[::-1]          # in the order of METHODS

    def cost_panel(ax):
        for method in METHODS:
            colour, marker, line = STYLE[method]
            ax.plot(runs[method]["work"], runs[method]["loss"], color=colour, marker=marker, linestyle=line,
                    markersize=5, linewidth=1.6 if method == "gd" else 1)
        ax.axhline(loss(data["optimum"], data["x"], data["y"])[0], color="black", linestyle=":", linewidth=1)
        for k in range(1, epochs + 1):
            ax.axvline(k * n, color="#ddd", linewidth=0.8, zorder=0)
        ax.set_yscale("log")
        ax.set_xlabel(phrase(lang, "plot.batches.work"))
        ax.set_ylabel("$L(w)$", rotation=0, labelpad=18)
        ax.set_title(phrase(lang, "plot.batches.cost", epochs=epochs), fontsize=10)
        ax.grid(True, which="major", axis="y", alpha=0.3)

    def build():
        fig = figure(12, 6.2)
        fig.suptitle(title, fontsize=12)
        left, right = fig.subplots(1, 2)
        handles, texts = paths_panel(left)
        cost_panel(right)
        fig.legend(handles, texts, loc="outside lower center", ncol=1, fontsize=9)
        return fig

    return plotted(title, build, data, lang)
