"""Curves of one variable that carry a lesson: the binary cross-entropy of one sample against the
predicted probability (−ln p when y = 1, −ln(1 − p) when y = 0; the cross-entropy of the true
class is the first curve), and the sigmoid's saturation beside the derivatives of tanh and ReLU.

Every curve is symnn's own formula compiled by ``compile_numpy``: the loss is ``TERMS["bce"]`` of
``symnn.nn.losses``, the derivatives are the activation table's derived f′.
"""

from __future__ import annotations

import numpy as np
import sympy as sp

from ...lang import phrase
from ...nn.activations import activation_table
from ...nn.activations import alpha as ALPHA
from ...nn.activations import x as X
from ...nn.losses import TERMS
from ...numerics.compile import compile_numpy
from .figures import _given
from .labels import formula, function_name, math_number
from .picture import Picture, figure, plotted

P = np.linspace(0.001, 0.999, 999)
SATURATED = 3.0                    # seed 003: "the logistic function learns slowly for x > 3"
COMPARED = ("sigmoid", "tanh", "relu")
COLOURS = {"sigmoid": "#1f5fbf", "tanh": "#2b8a3e", "relu": "#d9480f"}
DEPTH, WIDTH = 10, 32
INIT = {"sigmoid": 1.0, "tanh": 1.0, "relu": 2.0}      # the weights' variance times the width (Xavier; He for ReLU)


def bce_curves(ps=P) -> dict:
    """y → L(p) for y = 1 and y = 0: symnn's BCE of one sample with the target substituted."""
    y, p = sp.symbols("y p", real=True)
    term = TERMS["bce"](y, p)
    return {k: np.broadcast_to(compile_numpy(term.subs(y, k), [p])(ps), ps.shape).astype(float) for k in (1, 0)}


def bce_picture(lang: str = "en", at=None) -> Picture:
    """L = −[y ln p + (1 − y) ln(1 − p)] against p for y = 1 and y = 0; ``at`` (p=a) marks both losses at a."""
    curves = bce_curves()
    y, p = sp.symbols("y p", real=True)
    marked = None if at is None else _given(at, ("p",))["p"]
    if marked is not None and not 0 < marked < 1:
        raise ValueError(f"p={marked} is not a probability strictly between 0 and 1")
    values = {} if marked is None else {k: float(v[0]) for k, v in bce_curves(np.array([marked])).items()}
    loss = formula(sp.Eq(sp.Symbol("L"), TERMS["bce"](y, p), evaluate=False), lang)
    title = phrase(lang, "plot.bce", loss=loss)
    legends = {k: phrase(lang, f"plot.bce.y{k}", loss=formula(TERMS["bce"](y, p).subs(y, k), lang)) for k in (1, 0)}

    def build():
        fig = figure(8, 5.4)
        ax = fig.subplots()
        for k, colour in ((1, "#1f5fbf"), (0, "#d9480f")):
            ax.plot(P, curves[k], color=colour, linewidth=2, label=legends[k])
            if marked is not None:
                ax.plot(marked, values[k], "o", color=colour)
                ax.annotate(f"$L = {math_number(values[k], lang, 3)}$", (marked, values[k]),
                            textcoords="offset points", xytext=(8, 4 if k else -14), color=colour)
        ax.annotate(phrase(lang, "plot.bce.wrong"), (0.03, 4.4), fontsize=9, color="#444")
        ax.set_ylim(0, 5)
        ax.set_xlim(0, 1)
        ax.set_xlabel(phrase(lang, "plot.bce.p"))
        ax.set_ylabel("$L$", rotation=0, labelpad=10)
        ax.set_title(title, fontsize=11)
        ax.grid(True, alpha=0.3)
        ax.legend(loc="upper center", fontsize=9)
        return fig

    return plotted(title, build, {"p": P, "curves": curves, "at": marked, "values": values}, lang)


def activation_functions() -> dict:
    """name → a function of an array giving (f, f′) for the sigmoid, tanh and ReLU, from the activation table."""
    rows = {a.name: (a.definition, d) for a, d in activation_table().rows if a.name in COMPARED}

    def compiled(name):
        function = compile_numpy(list(rows[name]), [X, ALPHA])
        return lambda xs: tuple(np.broadcast_to(c, np.shape(xs)).astype(float) for c in function(xs, 1.0))
    return {name: compiled(name) for name in COMPARED}


def derivative_curves(xs) -> dict:
    """name → (f(xs), f′(xs)) for the sigmoid, tanh and ReLU."""
    return {name: function(xs) for name, function in activation_functions().items()}


def layer_gradients(depth: int = DEPTH, width: int = WIDTH, batch: int = 64, seed: int = 0) -> dict:
    """name → (‖∂L/∂h_k‖ for k = 0 … depth, the inputs, the weights) of h_k = f(h_{k−1}W_k), L = Σ h_depth:
    the same random draws for every activation, scaled by its usual initialisation (INIT)."""
    rng = np.random.default_rng(seed)
    inputs = rng.normal(size=(batch, width))
    draws = [rng.normal(size=(width, width)) / np.sqrt(width) for _ in range(depth)]
    out = {}
    for name, function in activation_functions().items():
        weights = [np.sqrt(INIT[name]) * w for w in draws]
        h, slopes = inputs, []
        for w in weights:                           # forward: remember f′ at every layer
            h, slope = function(h @ w)
            slopes.append(slope)
        g, norms = np.ones_like(h), [np.ones(batch) * np.sqrt(width)]
        for w, slope in zip(reversed(weights), reversed(slopes)):     # backward: ∂L/∂h_{k−1} = (∂L/∂h_k ⊙ f′) W_kᵀ
            g = (g * slope) @ w.T
            norms.append(np.linalg.norm(g, axis=1))
        out[name] = (np.array([n.mean() for n in reversed(norms)]), inputs, weights)
    return out


def saturation_picture(lang: str = "en", at="x=3") -> Picture:
    """Left: σ and σ′ with the saturated tails |x| > 3 shaded; right: σ′, tanh′ and ReLU′ side by side.
    ``at`` (x=a) marks the derivatives at a (by default x = 3, where σ′ ≈ 0.0452)."""
    xs = np.linspace(-8, 8, 801)
    curves = derivative_curves(xs)
    deep = layer_gradients()
    marked = None if at is None else _given(at, ("x",))["x"]
    values = {} if marked is None else {name: (float(f[0]), float(df[0]))
                                        for name, (f, df) in derivative_curves(np.array([marked])).items()}
    title = phrase(lang, "plot.saturation")
    x = formula(X, lang)
    short = {"sigmoid": r"\sigma", "tanh": r"\mathrm{" + function_name("tanh", lang) + "}", "relu": r"\mathrm{ReLU}"}
    names = {name: f"${short[name]}'(x)$ " + phrase(lang, f"plot.saturation.{name}") for name in COMPARED}

    def sigmoid_panel(ax):
        f, df = curves["sigmoid"]
        for side in (-1, 1):
            ax.axvspan(*sorted((side * SATURATED, side * 8)), color="#f1f3f5")
        ax.plot(xs, f, color="#1f5fbf", linewidth=2, label=r"$\sigma(x)$")
        ax.plot(xs, df, color="#d9480f", linewidth=2, linestyle="--", label=r"$\sigma'(x) = \sigma(x)(1 - \sigma(x))$")
        ax.axhline(0.25, color="#d9480f", linewidth=0.6, linestyle=":")
        ax.annotate(r"$\max\ \sigma' = \sigma'(0) = 1/4$", (-7.8, 0.265), fontsize=9, color="#d9480f")
        ax.annotate(phrase(lang, "plot.saturation.tail"), (SATURATED + 0.2, 0.55), fontsize=9, color="#444")
        if marked is not None:
            ax.plot(marked, values["sigmoid"][1], "o", color="#d9480f")
            ax.annotate(f"$\\sigma'({math_number(marked, lang)}) = {math_number(values['sigmoid'][1], lang, 3)}$",
                        (0.03, 0.55), xycoords="axes fraction", fontsize=10,
                        bbox=dict(boxstyle="round", facecolor="white", edgecolor="#bbb"))
        ax.set_ylim(-0.05, 1.05)
        ax.set_title(phrase(lang, "plot.saturation.sigmoid.panel"), fontsize=10)
        ax.legend(fontsize=9, loc="upper left")

    def compared_panel(ax):
        for name in COMPARED:
            df = curves[name][1].copy()
            df[1:][np.abs(np.diff(df)) > 0.5] = np.nan        # ReLU′ jumps at 0: no vertical line
            ax.plot(xs, df, color=COLOURS[name], linewidth=2, label=names[name])
            if marked is not None:
                ax.plot(marked, values[name][1], "o", color=COLOURS[name])
        if marked is not None:
            ax.annotate("\n".join(f"${short[n]}'({math_number(marked, lang)}) = {math_number(values[n][1], lang, 3)}$"
                                   for n in COMPARED),
                        (0.02, 0.6), xycoords="axes fraction", fontsize=9,
                        bbox=dict(boxstyle="round", facecolor="white", edgecolor="#bbb"))
        ax.set_ylim(-0.05, 1.15)
        ax.set_title(phrase(lang, "plot.saturation.compared"), fontsize=10)
        ax.legend(fontsize=9, loc="upper left")

    def depth_panel(ax):
        layers = np.arange(DEPTH + 1)
        for name in COMPARED:
            ax.plot(layers, deep[name][0], "o-", color=COLOURS[name], markersize=4,
                    label=phrase(lang, "plot.saturation.init", name=f"${short[name]}$",
                                 variance=f"${math_number(INIT[name], lang)}/n$"))
        ax.set_yscale("log")
        ax.set_xticks(layers)
        ax.set_xlabel(phrase(lang, "plot.saturation.layer"))
        ax.set_ylabel(r"$\|\partial L / \partial h_k\|$")
        ax.set_title(phrase(lang, "plot.saturation.depth", depth=DEPTH, width=WIDTH), fontsize=10)
        ax.grid(True, which="major", alpha=0.25)
        ax.legend(fontsize=8, loc="lower right")

    def build():
        fig = figure(16, 5)
        fig.suptitle(title, fontsize=12)
        left, right, deepest = fig.subplots(1, 3)
        sigmoid_panel(left)
        compared_panel(right)
        depth_panel(deepest)
        for ax in (left, right):
            ax.axhline(0, color="#bbb", linewidth=0.6)
            ax.axvline(0, color="#bbb", linewidth=0.6)
            ax.set_xlabel(x)
            ax.grid(True, alpha=0.25)
        return fig

    return plotted(title, build, {"x": xs, "curves": curves, "at": marked, "values": values, "depth": deep}, lang)
