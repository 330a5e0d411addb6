"""Gradient check: the analytic gradient against central differences (seed 001).

For every entry θ_k of every parameter, seed 001's central difference

    D(ε) = (L(θ + ε·e_k) − L(θ − ε·e_k)) / (2ε) = ∂L/∂θ_k + c·ε² + O(ε⁴)

is taken at ε and ε/2 and combined as (4·D(ε/2) − D(ε)) / 3, which cancels the
ε² term (Richardson extrapolation). With D alone, float64 rounding (≈1e-16/ε)
and truncation (≈ε²) meet near 1e-11 in absolute error, too much for a 1e-4
gradient to score 1e-7; the combination reaches about 1e-13 at ε = 2e-3.
``richardson=False`` gives the plain D(ε) with ε = 1e-5.

The relative error |a − n| / max(|a|, |n|) is read in the usual bands:
≤ 1e-7 good, up to 1e-4 suspicious (fine near a kink), ≥ 1e-2 wrong.
The denominator never falls below a floor: ``FLOOR`` (1e-8), or ``SCALE``
(1e-4) times the largest entry of the gradient being checked. An entry ten
thousand times smaller than the gradient's largest is known to the central
difference only to its rounding noise (≈1e-14 absolutely); measured against
itself that noise would read as a relative error of 1e-7 or worse, while a
real mistake in such an entry still shows up against the floor.

>>> import numpy as np
>>> from symnn.numerics.dense import DenseModel
>>> model = DenseModel([3, 4, 2], loss="half-se")
>>> rng = np.random.default_rng(0)
>>> params = model.init(rng)
>>> check = gradcheck(model.loss_and_gradient, params, rng.normal(size=(5, 3)), rng.normal(size=(5, 2)))
>>> check.verdict, check.worst < 1e-7
('good', True)
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import sympy as sp

from ..calculus.display import RichDisplay
from ..calculus.expressions import as_expr, as_symbol
from ..calculus.gradient import _point
from .compile import compile_numpy

EPSILON = 2e-3          # for the extrapolated difference
PLAIN_EPSILON = 1e-5    # for D(ε) alone: balances truncation (ε²) against rounding (1e-16/ε)
FLOOR = 1e-8
SCALE = 1e-4
BANDS = ((1e-7, "good"), (1e-4, "suspicious"), (1e-2, "doubtful"), (np.inf, "wrong"))


def relative_error(analytic: float, numeric: float, floor: float = FLOOR) -> float:
    return abs(analytic - numeric) / max(abs(analytic), abs(numeric), floor)


def band(error: float) -> str:
    return next(name for limit, name in BANDS if error <= limit)


@dataclass(frozen=True)
class GradRow:
    name: str                     # "w1", or "W1[0, 2]" for an entry of a matrix
    analytic: float
    numeric: float
    floor: float = FLOOR          # the smallest denominator of the relative error

    @property
    def error(self) -> float:
        return relative_error(self.analytic, self.numeric, self.floor)

    @property
    def verdict(self) -> str:
        return band(self.error)


@dataclass(frozen=True)
class GradCheck(RichDisplay):
    rows: tuple[GradRow, ...]
    epsilon: float
    richardson: bool

    @property
    def worst(self) -> float:
        return max((row.error for row in self.rows), default=0.0)

    @property
    def verdict(self) -> str:
        return band(self.worst)


def _entry_name(name: str, index: tuple, shape: tuple) -> str:
    return name if not shape else f"{name}[{', '.join(map(str, index))}]"


def gradcheck(loss_and_gradient, params: dict, *data, epsilon: float | None = None, richardson: bool = True,
              limit: int = 50) -> GradCheck:
    """Check ``loss_and_gradient(params, *data) -> (loss, grads)`` entry by entry.

    At most ``limit`` entries of each parameter are checked (spread evenly), so a
    64×32 matrix costs 100 loss evaluations, not 4096.
    """
    epsilon = epsilon or (EPSILON if richardson else PLAIN_EPSILON)
    _, grads = loss_and_gradient(params, *data)
    largest = max((float(np.max(np.abs(g))) for g in grads.values() if np.size(g)), default=0.0)
    floor = max(FLOOR, SCALE * largest)
    rows = []
    for name, value in params.items():
        value = np.asarray(value, dtype=float)
        indices = list(np.ndindex(value.shape))

        def central(index, step):   # D(step) for the entry at index
            shifted = {}
            for sign in (1, -1):
                moved = value.copy()
                moved[index] += sign * step
                shifted[sign] = loss_and_gradient({**params, name: moved if value.shape else moved[()]}, *data)[0]
            return (shifted[1] - shifted[-1]) / (2 * step)

        for index in indices[:: max(1, len(indices) // limit)][:limit]:
            numeric = (4 * central(index, epsilon / 2) - central(index, epsilon)) / 3 if richardson \
                else central(index, epsilon)
            analytic = float(np.asarray(grads[name])[index])
            rows.append(GradRow(_entry_name(name, index, value.shape), analytic, float(numeric), floor))
    return GradCheck(tuple(rows), epsilon, richardson)


# -- seed 001's formula on one function, exactly and in floating point

@dataclass(frozen=True)
class CentralDifference(RichDisplay):
    """A difference quotient D(ε) for f of one variable at a: its series in ε and a table. The central
    difference (f(a + ε) − f(a − ε))/(2ε) of seed 001 errs by c·ε² (c = f‴(a)/6); the forward
    difference (f(a + ε) − f(a))/ε and the backward (f(a) − f(a − ε))/ε err by c·ε (c = ±f″(a)/2)."""

    expr: object                 # f, with the other variables already substituted
    var: object
    at: object                   # a, exact
    derivative: object           # f'(a), exact
    series: object               # D(ε) = f'(a) + c·ε^order + …, from SymPy
    error_coefficient: object    # c
    rows: tuple                  # (ε, D(ε) in float64, |D(ε) − f'(a)|, |D(ε) − f'(a)|/ε^order)
    estimate: tuple | None = None   # (ε, D(ε)) exactly, for the ε a problem asks about
    scheme: str = "central"

    @property
    def order(self) -> int:
        """The power of ε in the leading error term: 2 for the central difference, 1 for a one-sided one."""
        return ORDERS[self.scheme]


# scheme -> the two points it takes (offsets from a in units of ε) and its divisor (in units of ε)
SCHEMES = {"central": ((1, -1), 2), "forward": ((1, 0), 1), "backward": ((0, -1), 1)}
ORDERS = {"central": 2, "forward": 1, "backward": 1}      # the power of ε in each scheme's error


def difference_quotient(f, var, a, step, scheme: str = "central"):
    """D(ε) = (f(a + pε) − f(a + qε))/(dε) for the scheme's offsets p, q and divisor d."""
    (p, q), d = SCHEMES[scheme]
    return (f.subs(var, a + p * step) - f.subs(var, a + q * step)) / (d * step)


def central_difference(expr, var, at, epsilons=(1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-8),
                       epsilon=None, scheme: str = "central") -> CentralDifference:
    """``at``: the point (every variable); only ``var`` moves. ``epsilon``: one step whose estimate
    D(ε) is worked exactly (0.01 is 1/100). ``scheme``: central, forward or backward."""
    f = as_expr(expr)
    var = as_symbol(var, f)
    point = dict(_point(f, sorted(f.free_symbols, key=str), at))
    a = point.pop(var)
    f = f.xreplace(point)
    eps = sp.Symbol("varepsilon", positive=True)
    order = ORDERS[scheme]
    series = sp.series(difference_quotient(f, var, a, eps, scheme), eps, 0, 4 if scheme == "central" else 2)
    derivative = sp.diff(f, var).subs(var, a)
    # the leading error term: c = f'''(a)/3! for the central difference, ±f''(a)/2! for a one-sided one
    sign = -1 if scheme == "backward" else 1
    coefficient = sp.simplify(sign * sp.diff(f, var, order + 1).subs(var, a) / sp.factorial(order + 1))
    numeric = compile_numpy(f, [var])
    exact = float(sp.N(derivative, 30))
    (p, q), d = SCHEMES[scheme]
    rows = []
    for e in epsilons:
        value = float((numeric(float(a) + p * e) - numeric(float(a) + q * e)) / (d * e))
        rows.append((e, value, abs(value - exact), abs(value - exact) / e ** order))
    estimate = None
    if epsilon is not None:
        step = sp.nsimplify(epsilon)
        estimate = (step, difference_quotient(f, var, a, step, scheme))
    return CentralDifference(f, var, a, derivative, series, coefficient, tuple(rows), estimate, scheme)
