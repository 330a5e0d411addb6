"""The geometry of one neuron's update (seed 003): a sigmoid neuron y = σ(ω₀ + ω·x) is the line
ω₀ + ω·x = 0 with the normal ω; one gradient step on E² = (Y − y)² from a misclassified example
moves ω by δω = 2λ(Y − y)y(1 − y)x and ω₀ by δω₀ = 2λ(Y − y)y(1 − y). When Y = 1 and y ≪ 1 the
normal turns towards x and ω₀ grows; when Y = 0 and y ~ 1 everything is the other way round.

The step is symnn's: ``sympy.diff`` of E² compiled by ``compile_numpy``, w ← w − λ∇E².
"""

from __future__ import annotations

import numpy as np
import sympy as sp

from ...lang import phrase
from ...numerics.compile import compile_numpy
from .figures import _given
from .labels import number, point
from .picture import Picture, figure, plotted

OMEGA, OMEGA0 = (-1.0, 1.0), 0.0      # the neuron before the step: the line x₂ = x₁ through 0
EXAMPLE = (2.0, 0.5)                   # on the side where y = σ(−1.5) ≈ 0.18
RATE = 1.5                             # λ, large enough to see one step
REACH = 3.0
W0, W1, W2, X1, X2, Y = sp.symbols("w0 w1 w2 x1 x2 Y", real=True)


def error_gradient():
    """∇E² over (ω₀, ω₁, ω₂) for E² = (Y − σ(ω₀ + ω₁x₁ + ω₂x₂))², compiled; and y itself."""
    y = 1 / (1 + sp.exp(-(W0 + W1 * X1 + W2 * X2)))
    error = (Y - y) ** 2
    arguments = [W0, W1, W2, X1, X2, Y]
    return compile_numpy([sp.diff(error, w) for w in (W0, W1, W2)], arguments), compile_numpy(y, arguments)


def update(x, target: float, rate: float = RATE, omega=OMEGA, omega0: float = OMEGA0) -> dict:
    """One step w ← w − λ∇E² of the neuron on the example (x, target)."""
    gradient, output = error_gradient()
    weights = (omega0, *omega)
    y = float(output(*weights, *x, target))
    g = np.array([float(c) for c in gradient(*weights, *x, target)])
    after = np.array(weights) - rate * g
    return {"x": np.array(x, dtype=float), "Y": target, "y": y, "gradient": g, "delta": after - weights,
            "before": np.array(weights), "after": after}


def _line(ax, weights, **style):
    """The line ω₀ + ω₁x₁ + ω₂x₂ = 0 across the square, and its normal ω from the point nearest 0."""
    w0, w1, w2 = weights
    ts = np.linspace(-2 * REACH, 2 * REACH, 2)
    foot = -w0 * np.array([w1, w2]) / (w1 ** 2 + w2 ** 2)        # the line's point nearest the origin
    along = np.array([-w2, w1]) / np.hypot(w1, w2)
    ax.plot(*(foot[:, None] + along[:, None] * ts), **style)
    ax.annotate("", xy=foot + np.array([w1, w2]), xytext=foot,
                arrowprops=dict(arrowstyle="-|>", color=style["color"], linewidth=1.8, mutation_scale=14))


def neuron_picture(lang: str = "en", at=None, rate: float = RATE) -> Picture:
    """``at`` (x1=…, x2=…): the example of the left panel; the right one is its mirror −x with Y = 0."""
    x = np.array(EXAMPLE if at is None else [_given(at, ("x1", "x2"))[k] for k in ("x1", "x2")])
    steps = {1: update(x, 1.0, rate), 0: update(-x, 0.0, rate)}
    title = phrase(lang, "plot.neuron", rate=number(rate, lang)) + "\n" + phrase(lang, "plot.neuron.rule")

    def panel(ax, run):
        grid = np.linspace(-REACH, REACH, 200)
        G1, G2 = np.meshgrid(grid, grid)
        w0, w1, w2 = run["before"]
        ax.contourf(G1, G2, 1 / (1 + np.exp(-(w0 + w1 * G1 + w2 * G2))), levels=np.linspace(0, 1, 11),
                    cmap="RdBu_r", alpha=0.25)
        _line(ax, run["before"], color="#555", linestyle="--", linewidth=1.5,
              label=phrase(lang, "plot.neuron.before"))
        _line(ax, run["after"], color="#d9480f", linestyle="-", linewidth=2, label=phrase(lang, "plot.neuron.after"))
        colour = "#c92a2a" if run["Y"] == 1 else "#1864ab"
        ax.plot(*run["x"], "o", color=colour, markersize=10, markeredgecolor="black",
                label=phrase(lang, "plot.neuron.example", x=point(run["x"], lang), Y=int(run["Y"]),
                             y=number(run["y"], lang, 3)))
        ax.plot([], [], " ", label=phrase(lang, "plot.neuron.delta", omega=point(run["delta"][1:], lang),
                                          omega0=number(run["delta"][0], lang, 3)))
        way = "towards" if run["Y"] > run["y"] else "away"
        ax.set_title(phrase(lang, f"plot.neuron.{way}", Y=int(run["Y"]), y=number(run["y"], lang, 3)), fontsize=10)
        ax.set_xlim(-REACH, REACH)
        ax.set_ylim(-REACH, REACH)
        ax.set_aspect("equal")
        ax.set_xlabel("$x_1$")
        ax.set_ylabel("$x_2$", rotation=0, labelpad=8)
        ax.legend(fontsize=8, loc="lower right", framealpha=0.92)

    def build():
        fig = figure(12, 6.2)
        fig.suptitle(title, fontsize=12)
        for ax, target in zip(fig.subplots(1, 2), (1, 0)):
            panel(ax, steps[target])
        return fig

    return plotted(title, build, {"rate": rate, "steps": steps}, lang)
