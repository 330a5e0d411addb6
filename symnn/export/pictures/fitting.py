"""Under- and overfitting (seed 003): polynomials of growing degree fitted to ten noisy points of
sin 2πx, their training and validation errors, and the learning curve of the most complex one.

The data are drawn with a fixed seed: ten training points at equal steps on [0, 1] and a hundred
validation points, both sin 2πx plus normal noise of σ = 0.3 (Bishop's example). A fit is the
least-squares polynomial; the learning curve is gradient descent (``gradient_descent_path``, the
course's w ← w + η·(2/n)Xᵀ(y − Xw)) on the degree-9 polynomial written in Legendre polynomials,
η = 1/λ_max, where the training error falls to 0 while the validation error turns and grows.
"""

from __future__ import annotations

import numpy as np
from numpy.polynomial import Polynomial, legendre

from ...calculus.parse import parse_point
from ...lang import phrase
from ...numerics.scaling import gradient_descent_path
from .labels import math_number, number
from .picture import Picture, figure, plotted

SEED = 4                 # a sample where both turns are plain to see; every seed shows them (the tests try ten)
TRAIN, VALIDATION, NOISE = 10, 100, 0.3
DEGREES = range(10)      # degree 9 passes through all ten training points
SHOWN = (1, 3, 9)        # underfit, about right, overfit
EPOCHS = 3000
COLOURS = {1: "#1864ab", 3: "#2b8a3e", 9: "#d9480f"}
# a marked point's errors: in a box above the curves, with an arrow to the point
BOX = dict(textcoords="axes fraction", xytext=(0.5, 0.7), ha="center", fontsize=9, arrowprops=dict(arrowstyle="->"),
           bbox=dict(boxstyle="round", facecolor="white", edgecolor="#bbb"))


def truth(x):
    return np.sin(2 * np.pi * x)


def _mse(prediction, target) -> float:
    return float(np.mean((prediction - target) ** 2))


def fitting_data(seed: int = SEED, epochs: int = EPOCHS) -> dict:
    """The points, every degree's fit and errors, and the learning curve of degree 9 by gradient descent."""
    rng = np.random.default_rng(seed)
    x = np.linspace(0, 1, TRAIN)
    y = truth(x) + rng.normal(0, NOISE, TRAIN)
    xv = rng.uniform(0, 1, VALIDATION)
    yv = truth(xv) + rng.normal(0, NOISE, VALIDATION)
    fits = {d: Polynomial.fit(x, y, d) for d in DEGREES}
    errors = {"train": np.array([_mse(fits[d](x), y) for d in DEGREES]),
              "validation": np.array([_mse(fits[d](xv), yv) for d in DEGREES])}
    top = max(DEGREES)
    A, Av = legendre.legvander(2 * x - 1, top), legendre.legvander(2 * xv - 1, top)
    rate = 1 / np.linalg.eigvalsh(2 / TRAIN * A.T @ A)[-1]
    path = gradient_descent_path(A, y, rate, epochs)
    curve = {"train": np.array([_mse(A @ w, y) for w in path]), "validation": np.array([_mse(Av @ w, yv) for w in path])}
    return {"seed": seed, "x": x, "y": y, "x_validation": xv, "y_validation": yv, "fits": fits, "errors": errors,
            "rate": rate, "weights": path, "curve": curve,
            "best_degree": int(np.argmin(errors["validation"])), "best_epoch": int(np.argmin(curve["validation"]))}


def _error(value: float, lang: str) -> str:
    """An error as a teacher writes it: 0 where the fit passes through the points (10⁻²⁷ is rounding)."""
    return number(0.0 if value < 1e-12 else value, lang, 3)


def _marks(at, epochs: int) -> dict:
    """--at degree=k, epoch=k or both: what to mark."""
    given = parse_point(at) if isinstance(at, str) else dict(at)
    given = {str(name): value for name, value in given.items()}
    if not given or set(given) - {"degree", "epoch"}:
        raise ValueError(f"--at names {', '.join(given) or 'nothing'}; this picture takes degree, epoch or both")
    marks = {name: int(value) for name, value in given.items()}
    if not min(DEGREES) <= marks.get("degree", 0) <= max(DEGREES):
        raise ValueError(f"degree={marks['degree']} is not one of the degrees drawn (0 to {max(DEGREES)})")
    if not 0 <= marks.get("epoch", 0) <= epochs:
        raise ValueError(f"epoch={marks['epoch']} is not one of the epochs drawn (0 to {epochs})")
    return marks


def fitting_picture(lang: str = "en", at=None, seed: int = SEED, epochs: int = EPOCHS) -> Picture:
    """``at``: degree=k draws the fit of degree k and marks its errors; epoch=k marks the learning curve at k."""
    data = fitting_data(seed, epochs)
    marks = {} if at is None else _marks(at, epochs)
    data["at"] = marks
    title = phrase(lang, "plot.fitting")
    errors, curve = data["errors"], data["curve"]
    legend = {"train": phrase(lang, "plot.fitting.train"), "validation": phrase(lang, "plot.fitting.validation")}
    style = {"train": ("#1864ab", "o", "-"), "validation": ("#d9480f", "s", "--")}

    def fits_panel(ax):
        grid = np.linspace(0, 1, 400)
        ax.plot(grid, truth(grid), color="#888", linestyle=":", linewidth=1.5, label=phrase(lang, "plot.fitting.truth"))
        degrees = [*SHOWN, *([marks["degree"]] if "degree" in marks and marks["degree"] not in SHOWN else [])]
        for d in degrees:
            colour = COLOURS.get(d, "black")
            ax.plot(grid, data["fits"][d](grid), color=colour, linewidth=2 if d == marks.get("degree") else 1.5,
                    label=phrase(lang, f"plot.fitting.degree.{d}" if d in SHOWN else "plot.fitting.degree", degree=d))
        ax.scatter(data["x_validation"], data["y_validation"], s=10, color="#d9480f", alpha=0.35,
                   label=phrase(lang, "plot.fitting.validation.points"))
        ax.scatter(data["x"], data["y"], s=45, facecolor="white", edgecolor="black", zorder=5,
                   label=phrase(lang, "plot.fitting.train.points"))
        ax.set_ylim(-1.9, 1.9)
        ax.set_xlabel("$x$")
        ax.set_ylabel("$y$", rotation=0, labelpad=8)
        ax.set_title(phrase(lang, "plot.fitting.fits"), fontsize=10)
        return ax.get_legend_handles_labels()

    def degree_panel(ax):
        for part in ("train", "validation"):
            colour, marker, line = style[part]
            ax.plot(list(DEGREES), errors[part], marker=marker, linestyle=line, color=colour, label=legend[part])
        best = data["best_degree"]
        ax.axvline(best, color="#888", linewidth=0.8, linestyle=":")
        ax.annotate(phrase(lang, "plot.fitting.under"), (0.03, 0.92), xycoords="axes fraction", fontsize=9)
        ax.annotate(phrase(lang, "plot.fitting.over"), (0.97, 0.92), xycoords="axes fraction", fontsize=9, ha="right")
        if "degree" in marks:
            d = marks["degree"]
            ax.plot([d, d], [errors["train"][d], errors["validation"][d]], "D", color="black", markersize=5)
            ax.annotate(phrase(lang, "plot.fitting.errors", train=_error(errors["train"][d], lang),
                               validation=_error(errors["validation"][d], lang)),
                        (d, errors["validation"][d]), **BOX)
        ax.set_xticks(list(DEGREES))
        ax.set_ylim(0, 1.25 * max(errors["validation"].max(), errors["train"].max()))
        ax.set_xlabel(phrase(lang, "plot.fitting.degree.axis"))
        ax.set_ylabel(phrase(lang, "plot.fitting.mse"))
        ax.set_title(phrase(lang, "plot.fitting.by.degree", best=best), fontsize=10)
        ax.legend(fontsize=8, loc="center right")

    def curve_panel(ax):
        epochs_axis = np.arange(len(curve["train"]))
        for part in ("train", "validation"):
            colour, _, line = style[part]
            ax.plot(epochs_axis[1:], curve[part][1:], linestyle=line, color=colour, linewidth=1.8, label=legend[part])
        best = data["best_epoch"]
        ax.axvline(best, color="#888", linewidth=0.8, linestyle=":")
        ax.plot(best, curve["validation"][best], "o", color="#d9480f")
        ax.annotate(phrase(lang, "plot.fitting.stop", epoch=best), (best, curve["validation"][best]),
                    textcoords="offset points", xytext=(8, -16), fontsize=9)
        if "epoch" in marks:
            k = marks["epoch"]
            ax.plot([k, k], [curve["train"][k], curve["validation"][k]], "D", color="black", markersize=5)
            ax.annotate(phrase(lang, "plot.fitting.errors", train=_error(curve["train"][k], lang),
                               validation=_error(curve["validation"][k], lang)),
                        (k, curve["validation"][k]), **BOX)
        ax.set_xscale("log")
        ax.set_ylim(0, 1.25 * curve["validation"][1:].max())
        ax.set_xlabel(phrase(lang, "plot.epoch"))
        ax.set_ylabel(phrase(lang, "plot.fitting.mse"))
        ax.set_title(phrase(lang, "plot.fitting.curve"), fontsize=10)
        ax.legend(fontsize=8, loc="upper left", title=f"$\\eta = 1/\\lambda_{{\\max}} = {math_number(data['rate'], lang, 3)}$",
                  title_fontsize=9, alignment="left")

    def build():
        fig = figure(15, 5.8)
        fig.suptitle(title, fontsize=12)
        left, middle, right = fig.subplots(1, 3)
        handles, texts = fits_panel(left)
        fig.legend(handles, texts, loc="outside lower center", ncol=4, fontsize=8)
        degree_panel(middle)
        curve_panel(right)
        return fig

    return plotted(title, build, data, lang)
