"""The gradient as the direction of fastest growth: f's level sets with ∇f drawn across them.

At every point of a grid an arrow is ∇f there, all to one scale, so the arrows shorten near the
minimum; at the marked point the gradient, the antigradient (the step of gradient descent,
w ← w − η∇f) and the tangent of the level set through it show that ∇f is at right angles to the
level sets. With ``surface`` the graph z = f(x, y) stands beside the map (seed 004's 3-D plot of
½(x² + y²)). Every arrow is the derivative symnn derives (``sympy.diff``), compiled by
``compile_numpy``.
"""

from __future__ import annotations

import numpy as np
import sympy as sp

from ...lang import phrase
from ...numerics.compile import compile_numpy
from .labels import formula, math_number, point
from .picture import Picture, figure, plotted
from .surfaces import function_title, start_point, two_variables

SURFACE = "(x^2 + y^2)/2"     # seed 004: ∇f(x, y) = (x, y), at (1, 2) the direction (1, 2)
AT = (1.0, 2.0)
ARROWS = 11                   # grid points along each axis


def level_line(value, f_numpy, at, reach: np.ndarray, resolution: int = 400) -> np.ndarray:
    """The level set {f = f(at)} through ``at`` as a polyline (the piece that passes nearest ``at``)."""
    from contourpy import contour_generator
    g1, g2 = (np.linspace(-r, r, resolution) for r in reach)
    G1, G2 = np.meshgrid(g1, g2)
    Z = np.broadcast_to(f_numpy(G1, G2), G1.shape).astype(float)
    lines = contour_generator(g1, g2, Z).lines(value)
    if not lines:
        return np.empty((0, 2))
    return min(lines, key=lambda line: np.min(np.linalg.norm(line - np.asarray(at), axis=1)))


def gradient_data(expr=SURFACE, at=AT) -> dict:
    """The numbers the picture draws: the grid, ∇f on it, and at ``at`` f, ∇f and the level line."""
    f, variables = two_variables(expr)
    at = start_point(at, variables)
    gradient = [sp.diff(f, v) for v in variables]
    exact = [g.subs(dict(zip(variables, (sp.nsimplify(c) for c in at)))) for g in gradient]
    f_numpy, grad_numpy = compile_numpy(f, variables), compile_numpy(gradient, variables)
    g_at = np.array([float(c) for c in exact])
    reach = max(2.5, 1.4 * float(np.abs(at).max()))
    ends = np.abs(np.array([np.add(at, g_at), np.subtract(at, g_at)])).max()
    if ends <= 2 * reach:               # the marked gradient fits at its true length when the map grows a little
        reach = max(reach, 1.08 * float(ends))
    reach = np.full(2, reach)
    g1, g2 = (np.linspace(-r, r, ARROWS) for r in reach)
    G1, G2 = np.meshgrid(g1, g2)
    U, V = (np.broadcast_to(np.asarray(c, dtype=float), G1.shape) for c in grad_numpy(G1, G2))
    value = float(f_numpy(*at))
    return {"f": f, "variables": variables, "gradient": gradient, "at": at, "reach": reach,
            "grid": (G1, G2), "field": (U, V), "value_at": value,
            "gradient_at": g_at, "exact_at": tuple(exact),
            "level": level_line(value, f_numpy, at, reach)}


def _arrow(ax, start, vector, colour, style, label):
    ax.annotate("", xy=start + vector, xytext=start, zorder=5,
                arrowprops=dict(arrowstyle="-|>", color=colour, linewidth=2.2, linestyle=style, mutation_scale=16))
    ax.plot([], [], color=colour, linewidth=2.2, linestyle=style, label=label)      # its legend entry


def gradient_picture(expr=SURFACE, at=AT, surface: bool = False, lang: str = "en") -> Picture:
    """``at``: the point whose gradient, antigradient and level set are drawn; ``surface``: the 3-D graph too."""
    data = gradient_data(expr, at)
    f, variables, at = data["f"], data["variables"], np.array(data["at"])
    g_at, reach = data["gradient_at"], data["reach"]
    f_numpy = compile_numpy(f, variables)
    name = function_title(f, variables, lang)
    title = phrase(lang, "plot.gradient", function=name)
    x, y = (formula(v, lang) for v in variables)
    labels = {"arrow": phrase(lang, "plot.gradient.arrow", point=point(at, lang), gradient=point(g_at, lang)),
              "anti": phrase(lang, "plot.gradient.anti"),
              "level": phrase(lang, "plot.gradient.level", value=math_number(data["value_at"], lang)),
              "field": phrase(lang, "plot.gradient.field")}
    # the marked arrows are the gradient itself when they fit the map, else shortened to a third of it (and say so)
    length = float(np.linalg.norm(g_at))
    fits = np.abs(np.array([at + g_at, at - g_at])).max() <= reach[0]
    shown = g_at if fits or length == 0 else g_at * (reach[0] / 3 / length)
    if not fits:
        labels["arrow"] += phrase(lang, "plot.gradient.shortened")

    def map_panel(ax):
        f1, f2 = (np.linspace(-r, r, 300) for r in reach)
        F1, F2 = np.meshgrid(f1, f2)
        Z = np.broadcast_to(f_numpy(F1, F2), F1.shape).astype(float)
        levels = np.unique(np.quantile(Z, np.linspace(0.03, 0.97, 14)))     # as many lines near the point as far off
        ax.contour(F1, F2, Z, levels=levels, colors="#9a9a9a", linewidths=0.7, negative_linestyles="solid")
        G1, G2 = data["grid"]
        U, V = data["field"]
        ax.quiver(G1, G2, U, V, color="#7f9cc9", angles="xy", width=0.004, label=labels["field"])
        if len(data["level"]):
            ax.plot(*data["level"].T, color="black", linewidth=1.8, label=labels["level"])
        if length:
            _arrow(ax, at, shown, "#d9480f", "-", labels["arrow"])
            _arrow(ax, at, -shown, "#2b8a3e", "--", labels["anti"])
        ax.plot(*at, "o", color="black", markersize=6, zorder=6,
                label=None if length else phrase(lang, "plot.gradient.zero", point=point(at, lang)))
        ax.set_xlim(-reach[0], reach[0])
        ax.set_ylim(-reach[1], reach[1])
        ax.set_aspect("equal")
        ax.set_xlabel(x)
        ax.set_ylabel(y, rotation=0, labelpad=8)
        return ax.get_legend_handles_labels()

    def surface_panel(ax):
        ax.computed_zorder = False          # the marks lie on the surface: draw them over it
        f1, f2 = (np.linspace(-r, r, 60) for r in reach)
        F1, F2 = np.meshgrid(f1, f2)
        Z = np.broadcast_to(f_numpy(F1, F2), F1.shape).astype(float)
        floor = float(Z.min())
        ax.contour(F1, F2, Z, levels=10, zdir="z", offset=floor, colors="#777", linewidths=0.6, zorder=0,
                   negative_linestyles="solid")
        ax.plot_surface(F1, F2, Z, cmap="viridis", alpha=0.6, linewidth=0, rstride=2, cstride=2, zorder=1)
        level = data["level"]
        if len(level):
            ax.plot(level[:, 0], level[:, 1], np.full(len(level), data["value_at"]), color="black", linewidth=1.8, zorder=4)
        if length:              # the way up along the surface, in the gradient's direction
            t = np.linspace(0, 1, 40)[:, None]
            way = at + t * shown
            heights = np.broadcast_to(f_numpy(way[:, 0], way[:, 1]), t[:, 0].shape)
            ax.plot(way[:, 0], way[:, 1], heights, color="#d9480f", linewidth=2.6, zorder=5)
            ax.scatter([way[-1, 0]], [way[-1, 1]], [heights[-1]], color="#d9480f", marker="^", s=60, zorder=6)
        ax.scatter([at[0]], [at[1]], [data["value_at"]], color="black", s=30, zorder=6)
        ax.set_xlabel(x)
        ax.set_ylabel(y)
        ax.set_title(phrase(lang, "plot.gradient.surface"), fontsize=10)

    def build():
        fig = figure(12.5, 6.6) if surface else figure(7, 8)
        fig.suptitle(title, fontsize=12)
        if surface:
            handles, texts = map_panel(fig.add_subplot(1, 2, 1))
            surface_panel(fig.add_subplot(1, 2, 2, projection="3d"))
        else:
            handles, texts = map_panel(fig.subplots())
        fig.legend(handles, texts, loc="outside lower center", ncol=2 if surface else 1, fontsize=9)
        return fig

    return plotted(title, build, data, lang)

