"""Figures of functions and of training: the activations with their derivatives, loss curves,
and a trained network's decision boundary. Every curve is symnn's own: f′ is the derivative
the table derived, compiled by ``compile_numpy``; a loss curve is the run's history; a
boundary is the trained model's prediction.
"""

from __future__ import annotations

import numpy as np

from ...lang import catalogue, phrase
from ...nn.activations import activation_table
from ...nn.activations import alpha as ALPHA
from ...nn.activations import x as X
from ...numerics.compile import compile_numpy
from ...numerics.train import TrainingRun, load_data
from .picture import Picture, drawer, figure

# the parameter α where an activation has one: the value drawn
DRAWN_ALPHA = {"prelu": 0.25, "rrelu": 0.1}
XS = np.linspace(-4, 4, 401)


def activation_curves(xs=XS) -> dict:
    """name → (f(xs), f′(xs)), from the activation table's definitions and derived derivatives."""
    curves = {}
    for activation, derivative in activation_table().rows:
        a = DRAWN_ALPHA.get(activation.name, 1.0)
        f, df = compile_numpy([activation.definition, derivative], [X, ALPHA])(xs, a)
        curves[activation.name] = (np.broadcast_to(f, xs.shape).astype(float), np.broadcast_to(df, xs.shape).astype(float))
    return curves


def activations_picture(lang: str = "en") -> Picture:
    curves = activation_curves()
    titles = catalogue(lang)["activations"]

    def build():
        fig = figure(10, 9)
        fig.suptitle(phrase(lang, "plot.activations"), fontsize=11)
        axes = fig.subplots(4, 4, sharex=True).ravel()
        for ax, (name, (f, df)) in zip(axes, curves.items()):
            ax.axhline(0, color="#bbb", linewidth=0.6)
            ax.axvline(0, color="#bbb", linewidth=0.6)
            ax.plot(XS, f, color="#1f5fbf", linewidth=1.6)
            ax.plot(XS, df, color="#d9480f", linewidth=1.4, linestyle="--")
            note = f" (α = {DRAWN_ALPHA[name]:g})" if name in DRAWN_ALPHA else ""
            ax.set_title(titles.get(name, name) + note, fontsize=9)
            ax.set_ylim(-1.6, 4.1)
            ax.tick_params(labelsize=7)
        for ax in axes[len(curves):]:
            ax.set_visible(False)
        return fig

    return Picture(phrase(lang, "plot.activations"), drawer(build), {"x": XS, "curves": curves})


def loss_picture(runs: list[TrainingRun], lang: str = "en") -> Picture:
    """The training loss after every epoch, one curve per run, on a log scale."""
    data = {f"{run.task.name}, {run.optimizer}": np.array(run.history) for run in runs}

    def build():
        fig = figure(7, 4.2)
        ax = fig.subplots()
        for label, history in data.items():
            ax.plot(np.arange(1, len(history) + 1), history, label=label, linewidth=1.5)
        ax.set_yscale("log")
        ax.set_xlabel(phrase(lang, "plot.epoch"))
        ax.set_ylabel("L")
        ax.set_title(phrase(lang, "plot.loss"))
        ax.grid(True, which="both", alpha=0.3)
        ax.legend()
        return fig

    return Picture(phrase(lang, "plot.loss"), drawer(build), {"history": data})


def boundary_picture(run: TrainingRun, lang: str = "en", resolution: int = 200) -> Picture:
    """The trained network's output over the plane of its two inputs, the 0.5 level drawn, and the data."""
    data = load_data(run.task.name, run.seed)
    if data.X.shape[1] != 2:
        raise ValueError(f"a decision boundary is drawn for a network of two inputs; {run.task.name} has {data.X.shape[1]}")
    low, high = data.X.min(axis=0), data.X.max(axis=0)
    margin = 0.25 * (high - low)
    g1, g2 = (np.linspace(a - m, b + m, resolution) for a, b, m in zip(low, high, margin))
    grid = np.column_stack([c.ravel() for c in np.meshgrid(g1, g2)])
    output = np.asarray(run.model.predict(run.params, grid), dtype=float).reshape(resolution, resolution)
    title = phrase(lang, "plot.boundary", task=run.task.name)

    def build():
        fig = figure(5.5, 4.8)
        ax = fig.subplots()
        shading = ax.contourf(g1, g2, output, levels=np.linspace(0, 1, 11), cmap="RdBu_r", alpha=0.75)
        ax.contour(g1, g2, output, levels=[0.5], colors="black", linewidths=1.5)
        labels = data.Y.ravel()
        ax.scatter(data.X[:, 0], data.X[:, 1], c=labels, cmap="RdBu_r", vmin=0, vmax=1, edgecolors="black", s=70)
        fig.colorbar(shading, ax=ax, label="y")
        ax.set_xlabel("x₁")
        ax.set_ylabel("x₂")
        ax.set_title(title, fontsize=10)
        return fig

    return Picture(title, drawer(build), {"x1": g1, "x2": g2, "output": output, "X": data.X, "Y": data.Y})
