"""The course's optimizers on one surface, each path by the optimizer's own equations (``Updater``).

Drawn together, the adaptive methods start along the same diagonal and momentum hides the
rest, so the default picture has three maps of related methods — momentum against plain
descent, the adaptive steps, the slide's Adam against Adam with bias correction — and f
along every path on a log scale, where all of them separate. Each optimizer gets the
learning rate that shows its character on this surface (its legend says which).
"""

from __future__ import annotations

from textwrap import fill

import numpy as np

from ...lang import phrase
from ...nn.optimizers import optimizer
from ...numerics.compile import compile_numpy
from ...numerics.paths import optimizer_path
from .labels import number, optimizer_name, point
from .picture import Picture, figure, plotted
from .surfaces import SURFACE, contours, function_title, start_point, two_variables

START = (-2.5, 1.0)
STEPS = 40
# η that shows each optimizer at its best and its character on SURFACE within STEPS steps
RATES = {"gd": 0.15, "momentum": 0.02, "nesterov": 0.02, "adagrad": 0.5, "rmsprop": 0.05, "adam-slide": 0.1, "adam": 0.1}
GROUPS = {"plot.momentum": ("gd", "momentum", "nesterov"), "plot.adaptive": ("adagrad", "rmsprop", "adam"),
          "plot.bias": ("adam-slide", "adam")}
COMPARED = tuple(dict.fromkeys(name for names in GROUPS.values() for name in names))
STYLE = {"gd": ("#555555", "o", "-"), "momentum": ("#d9480f", "s", "-"), "nesterov": ("#2b8a3e", "^", "--"),
         "adagrad": ("#1864ab", "D", "-"), "rmsprop": ("#ae3ec9", "v", "--"), "adam": ("#c2255c", "o", "-"),
         "adam-slide": ("#0b7285", "s", ":")}
FALLBACK_STYLE = ("#000000", ".", "-")


def _differs(problem, at, rates: dict) -> bool:
    """Whether a picture from ``at`` with ``rates`` is not the run of ``problem`` (its start, its rates by name)."""
    given, etas = problem
    return tuple(map(float, given)) != tuple(map(float, at)) or any(
        float(eta) != float(rates.get(name, eta)) for name, eta in etas.items())


def rate_name(name: str) -> str:
    """What the optimizer calls its learning rate: η, or λ in lecture 3's momentum."""
    return "lambda" if "lambda" in {str(s) for s in optimizer(name).defaults} else "eta"


def legend(name: str, eta: float, lang: str) -> str:
    """Momentum, η = 0.02: the optimizer's name and its learning rate."""
    return phrase(lang, f"plot.optimizer.{rate_name(name)}", name=optimizer_name(name, lang), eta=number(eta, lang))


def optimizers_pictures(lang: str = "en", problem=None) -> list[Picture]:
    """The default picture in panels, one a picture (a slide's: each map of a group, then f along every path), each
    drawn the size a slide shows it with its words readable projected (the six panels together are not)."""
    return [optimizers_picture(lang=lang, problem=problem, panel=key) for key in (*GROUPS, "f")]


def optimizers_picture(expr=SURFACE, at=START, names=None, steps: int = STEPS, eta: float | None = None,
                       lang: str = "en", problem=None, panel: str | None = None) -> Picture:
    """``names``: the optimizers drawn on one map (default: the three groups); ``eta``: one learning rate for
    all of them instead of each one's own; ``problem``: the start and the learning rates (by name) of the
    problem the picture is shown with: where the picture's differ, its title says so, and why; ``panel``: only
    that one of the panels (a group's key, or "f": f along every path), the title above it."""
    f, variables = two_variables(expr)
    at = start_point(at, variables)
    groups = dict(GROUPS) if names is None else {"plot.chosen": tuple(names)}
    drawn = tuple(dict.fromkeys(n for group in groups.values() for n in group))
    rates = {name: RATES.get(name, 0.1) if eta is None else eta for name in drawn}
    for name in drawn:
        optimizer(name)                     # an unknown name is one clear line, before anything is computed
    paths = {name: optimizer_path(name, f, variables, at, steps, **{rate_name(name): rates[name]}) for name in drawn}
    value = compile_numpy(f, variables)
    values = {name: np.array([float(value(*p)) for p in path]) for name, path in paths.items()}
    title = phrase(lang, "plot.optimizers", function=function_title(f, variables, lang), start=point(at, lang),
                   steps=steps)
    labels = {name: legend(name, rates[name], lang) for name in drawn}
    if problem is not None and _differs(problem, at, rates):
        given, etas = problem
        # (a slide's panel, 4.3 inches wide at 9 pt, holds about 65 characters a line; only the first says it)
        if panel in (None, next(iter(GROUPS))):
            title += "\n" + fill(phrase(lang, "plot.optimizers.other", given=point(given, lang), start=point(at, lang), steps=steps,
                                   eta=("; " if lang == "ru" else ", ").join(dict.fromkeys(number(v, lang) for v in etas.values()))),
                                 110 if panel is None else 62)

    def draw_path(ax, name, **extra):
        colour, marker, line = STYLE.get(name, FALLBACK_STYLE)
        return ax.plot(*extra.pop("xy"), marker=marker, linestyle=line, color=colour, markersize=3.5,
                       linewidth=1.3, label=labels[name], **extra)

    def build():
        maps = [key for key in groups if panel in (None, key)]
        if panel is not None:       # one panel, the size of a slide's box
            fig = figure(6.4, 4.8)
            axes = {panel: fig.subplots()}
        elif len(maps) > 1:       # the maps one above the other, f beside them
            fig = figure(12, 8)
            axes = fig.subplot_mosaic([[key, "f"] for key in maps], width_ratios=[1.25, 1])
        else:
            fig = figure(12, 4.8)
            axes = dict(zip([*maps, "f"], fig.subplots(1, 2)))
        fig.suptitle(title, fontsize=12 if panel is None else 9)
        for key in maps:
            ax, group = axes[key], groups[key]
            contours(ax, f, variables, [paths[n] for n in group], lang)
            for name in group:
                draw_path(ax, name, xy=paths[name].T)
            ax.plot(*at, "s", color="black", markersize=6)
            if key != "plot.chosen":
                ax.set_title(phrase(lang, key), fontsize=10)
            ax.legend(fontsize=8, loc="lower right")
        if "f" not in axes:
            return fig
        ax = axes["f"]
        for name in drawn:
            draw_path(ax, name, xy=(np.arange(len(values[name])), values[name]), markevery=4)
        ax.set_yscale("log")
        ax.set_xlabel(phrase(lang, "plot.step"))
        ax.set_ylabel("$f$", rotation=0, labelpad=10)
        ax.set_title(phrase(lang, "plot.values"), fontsize=10)
        ax.grid(True, which="major", alpha=0.3)
        if panel is None:
            ax.legend(fontsize=8, loc="lower left")
        else:           # on a panel of its own, its seven entries under the plot in two columns, not over the paths
            fig.legend(*ax.get_legend_handles_labels(), fontsize=8, loc="outside lower center", ncol=2,
                       handlelength=1.2, columnspacing=0.8)
        return fig

    return plotted(title, build, {"start": at, "rates": rates, "paths": paths, "values": values}, lang)
