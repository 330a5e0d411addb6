"""Figures of functions and of training: the activations with their derivatives, loss curves,
and a trained network's decision boundary. Every curve is symnn's own: f′ is the derivative
the table derived, compiled by ``compile_numpy``; a loss curve is the run's history; a
boundary is the trained model's prediction.
"""

from __future__ import annotations

import math

import numpy as np

from ...calculus.parse import parse_point
from ...lang import phrase
from ...nn.activations import activation_table
from ...nn.activations import alpha as ALPHA
from ...nn.activations import x as X
from ...numerics.compile import compile_numpy
from ...numerics.train import TrainingRun, load_data
from .labels import formula, math_number, number, optimizer_name
from .picture import Picture, figure, plotted

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


def _given(at, names: tuple[str, ...]) -> dict[str, float]:
    """A point given as text (x=1) or a dict, by name; it must name exactly ``names``."""
    at = parse_point(at) if isinstance(at, str) else at
    given = {str(name): float(value) for name, value in at.items()}
    if sorted(given) != sorted(names):
        raise ValueError(f"--at names {', '.join(given) or 'nothing'}; this picture takes {', '.join(names)}")
    return given


# a slide's picture of the activations shows at most this many panels (two rows of three): all thirteen in one
# picture are too small to read on a slide
SLIDE_PANELS = 6


def activations_picture(lang: str = "en", at=None, names: list[str] | None = None) -> Picture:
    """Every activation f and its derived f′ (or those of ``names``), in a grid as square as they fill; ``at``
    (x=a) marks f(a) and f′(a) on every panel."""
    curves = activation_curves()
    curves = curves if names is None else {name: curves[name] for name in names}
    columns = min(4, math.ceil(math.sqrt(len(curves))))      # a square grid, or a row wider (4: 2 × 2; 5, 6: 2 × 3)
    rows = -(-len(curves) // columns)
    marked = None if at is None else _given(at, ("x",))["x"]
    values = {} if marked is None else {name: (float(f[0]), float(df[0]))
                                        for name, (f, df) in activation_curves(np.array([marked])).items()}
    title = phrase(lang, "plot.activations")
    x = formula(X, lang)

    def build():
        fig = figure(10, 9.4 if rows > 2 else 6.6)
        fig.suptitle(title, fontsize=12)
        axes = fig.subplots(rows, columns, sharex=True, squeeze=False).ravel()
        for ax, (name, (f, df)) in zip(axes, curves.items()):
            ax.axhline(0, color="#bbb", linewidth=0.6)
            ax.axvline(0, color="#bbb", linewidth=0.6)
            ax.plot(XS, f, color="#1f5fbf", linewidth=1.6)
            ax.plot(XS, df, color="#d9480f", linewidth=1.4, linestyle="--")
            heading = phrase(lang, f"plot.activation.{name}")
            if name in DRAWN_ALPHA:
                heading += f" ($\\alpha = {math_number(DRAWN_ALPHA[name], lang)}$)"
            if marked is not None:
                ax.plot([marked, marked], values[name], "o", color="black", markersize=4)
                heading += "\n" + phrase(lang, "plot.at", f=number(values[name][0], lang, 3),
                                          df=number(values[name][1], lang, 3))
            ax.set_title(heading, fontsize=9)
            ax.set_ylim(-1.6, 4.1)
            ax.tick_params(labelsize=7)
        for ax in axes[len(curves) - columns:len(curves)]:     # the lowest panel of each column
            ax.set_xlabel(x, labelpad=1)
            ax.xaxis.set_tick_params(labelbottom=True)
        for ax in axes[len(curves):]:
            ax.set_visible(False)
        return fig

    return plotted(title, build, {"x": XS, "curves": curves, "at": marked, "values": values}, lang)


def activations_pictures(lang: str = "en", most: int = SLIDE_PANELS) -> list[Picture]:
    """The activations in pictures of at most ``most`` panels each, as even as they can be (13: 4, 5 and 4),
    one a slide."""
    names = list(activation_curves())
    parts = -(-len(names) // most)
    bounds = [round(k * len(names) / parts) for k in range(parts + 1)]
    return [activations_picture(lang, names=names[a:b]) for a, b in zip(bounds, bounds[1:])]


def loss_picture(runs: list[TrainingRun], lang: str = "en", at=None) -> Picture:
    """The training loss after every epoch, one curve per run, on a log scale; ``at`` (epoch=k) marks epoch k."""
    data = {phrase(lang, "plot.run", task=phrase(lang, f"plot.task.{run.task.name}"),
                   optimizer=optimizer_name(run.optimizer, lang)): np.array(run.history) for run in runs}
    epoch = None if at is None else int(_given(at, ("epoch",))["epoch"])
    if epoch is not None and not 1 <= epoch <= min(len(h) for h in data.values()):
        raise ValueError(f"epoch={epoch} is not one of the epochs drawn (1 to {min(len(h) for h in data.values())})")
    title = phrase(lang, "plot.loss")

    def build():
        fig = figure(7.5, 4.6)
        ax = fig.subplots()
        for label, history in data.items():
            line, = ax.plot(np.arange(1, len(history) + 1), history, label=label, linewidth=1.5)
            if epoch is not None:
                ax.plot(epoch, history[epoch - 1], "o", color=line.get_color())
                ax.annotate(f"$L = {math_number(history[epoch - 1], lang, 3)}$",
                            (epoch, history[epoch - 1]), textcoords="offset points", xytext=(6, 6))
        ax.set_yscale("log")
        ax.set_xlabel(phrase(lang, "plot.epoch"))
        ax.set_ylabel("$L$", rotation=0, labelpad=10)
        ax.set_title(title)
        ax.grid(True, which="both", alpha=0.3)
        ax.legend()
        return fig

    return plotted(title, build, {"history": data, "at": epoch}, lang)


def boundary_picture(run: TrainingRun, lang: str = "en", resolution: int = 200, at=None) -> Picture:
    """The trained network's output over the plane of its two inputs, the 0.5 level drawn, and the data;
    ``at`` (x1=…, x2=…) marks a point with the network's output there."""
    data = load_data(run.task.name, run.seed)
    if data.X.shape[1] != 2:
        raise ValueError(f"a decision boundary is drawn for a network of two inputs; {run.task.name} has {data.X.shape[1]}")
    low, high = data.X.min(axis=0), data.X.max(axis=0)
    margin = 0.25 * (high - low)
    g1, g2 = (np.linspace(a - m, b + m, resolution) for a, b, m in zip(low, high, margin))
    grid = np.column_stack([c.ravel() for c in np.meshgrid(g1, g2)])
    output = np.asarray(run.model.predict(run.params, grid), dtype=float).reshape(resolution, resolution)
    marked = None if at is None else tuple(_given(at, ("x1", "x2"))[k] for k in ("x1", "x2"))
    marked_output = None if marked is None else float(np.ravel(run.model.predict(run.params, np.array([marked])))[0])
    title = phrase(lang, "plot.boundary", task=phrase(lang, f"plot.task.{run.task.name}"))

    def build():
        fig = figure(5.8, 5)
        ax = fig.subplots()
        shading = ax.contourf(g1, g2, output, levels=np.linspace(0, 1, 11), cmap="RdBu_r", alpha=0.75)
        ax.contour(g1, g2, output, levels=[0.5], colors="black", linewidths=1.5)
        labels = data.Y.ravel()
        ax.scatter(data.X[:, 0], data.X[:, 1], c=labels, cmap="RdBu_r", vmin=0, vmax=1, edgecolors="black", s=70)
        if marked is not None:
            ax.plot(*marked, "X", color="black", markersize=10)
            ax.annotate(r"$\hat{y} = " + math_number(marked_output, lang, 3) + "$", marked,
                        textcoords="offset points", xytext=(8, 8))
        fig.colorbar(shading, ax=ax, label=r"$\hat{y}$")
        ax.set_xlabel("$x_1$")
        ax.set_ylabel("$x_2$", rotation=0, labelpad=8)
        ax.set_title(title, fontsize=10)
        return fig

    return plotted(title, build, {"x1": g1, "x2": g2, "output": output, "X": data.X, "Y": data.Y,
                                  "at": marked, "output_at": marked_output}, lang)
