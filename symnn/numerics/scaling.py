"""Why standardised features make gradient descent converge faster (seed 004).

Linear regression ŷ = w₀ + w₁x₁ + w₂x₂ with L(w) = (1/n)‖y − Xw‖² has the
constant Hessian H = (2/n)XᵀX. Gradient descent with learning rate 1/λ_max
shrinks the error along each eigenvector of H by (1 − λ/λ_max) per step, so the
slowest direction needs about κ·ln(1/tol) steps, κ = λ_max/λ_min. Features on
different scales (kilograms beside centimetres, far from 0) make κ huge; the
zig-zag of the course's picture is GD bouncing across the narrow valley.
Subtracting the means removes most of it; dividing by the deviations puts the
features on one scale. (Weight and height are strongly correlated, so even
standardised features leave κ in the hundreds: only decorrelating would reach 1.)

The data are the four people of seed 002, raw (weight in kg, height in cm),
and the target is 1 for a woman: a least-squares line through them.

>>> demo = scaling_demo()
>>> [row.name for row in demo.rows]
['raw', 'centred', 'standardised']
>>> demo.rows[0].steps > 100 * demo.rows[2].steps
True
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..calculus.display import RichDisplay

PEOPLE = np.array([[54.0, 168.0], [65.0, 185.0], [62.0, 179.0], [47.0, 152.0]])   # weight, height
WOMAN = np.array([1.0, 0.0, 0.0, 1.0])
TOLERANCE = 1e-6        # stop when ‖w − w*‖ ≤ tolerance·‖w*‖


@dataclass(frozen=True)
class ScalingRow:
    name: str
    condition: float          # κ = λ_max/λ_min of the Hessian
    learning_rate: float      # 1/λ_max
    steps: int                # gradient-descent steps to the tolerance
    predicted: float          # κ·ln(1/tolerance), the estimate from the eigenvalues


@dataclass(frozen=True)
class ScalingDemo(RichDisplay):
    rows: tuple[ScalingRow, ...]
    tolerance: float


def steps_to_converge(X, y, rate, tolerance, limit: int = 10 ** 12) -> int:
    """Steps of GD from w = 0 until ‖w − w*‖ ≤ tolerance·‖w*‖, counted exactly in the eigenbasis:
    w_k − w* = (I − rate·H)^k (w₀ − w*), so each eigen-component shrinks by (1 − rate·λ_i)^k."""
    n = len(y)
    H = 2 / n * X.T @ X
    eigenvalues, vectors = np.linalg.eigh(H)
    optimum = np.linalg.lstsq(X, y, rcond=None)[0]
    start = vectors.T @ (np.zeros(X.shape[1]) - optimum)
    factors = np.abs(1 - rate * eigenvalues)
    goal = tolerance * np.linalg.norm(optimum)

    def error(k):
        return np.linalg.norm(start * factors ** k)

    low, high = 0, 1
    while error(high) > goal:
        low, high = high, 2 * high
        if high > limit:
            return limit
    while high - low > 1:                    # the error falls with k: bisect for the first k below the goal
        middle = (low + high) // 2
        low, high = (middle, high) if error(middle) > goal else (low, middle)
    return high


def gradient_descent_path(X, y, rate, steps, start=None) -> np.ndarray:
    """GD on L(w) = (1/n)‖y − Xw‖² as the course writes it, w ← w − rate·(−2/n)Xᵀ(y − Xw):
    the start and every iterate, one row each."""
    w = np.zeros(X.shape[1]) if start is None else np.array(start, dtype=float)
    path = [w.copy()]
    for _ in range(steps):
        w = w - rate * (-2 / len(y)) * X.T @ (y - X @ w)
        path.append(w.copy())
    return np.array(path)


def gradient_descent(X, y, rate, steps) -> np.ndarray:
    """The same GD, iterated (for checking the count): the last iterate."""
    return gradient_descent_path(X, y, rate, steps)[-1]


def scaling_demo(features=PEOPLE, target=WOMAN, tolerance: float = TOLERANCE) -> ScalingDemo:
    centred = features - features.mean(axis=0)
    versions = (("raw", features), ("centred", centred), ("standardised", centred / features.std(axis=0)))
    rows = []
    for name, F in versions:
        X = np.column_stack([np.ones(len(F)), F])          # the bias trick: w₀ multiplies a column of 1
        eigenvalues = np.linalg.eigvalsh(2 / len(F) * X.T @ X)
        kappa = eigenvalues[-1] / eigenvalues[0]
        rate = 1 / eigenvalues[-1]
        rows.append(ScalingRow(name, kappa, rate, steps_to_converge(X, target, rate, tolerance),
                               kappa * np.log(1 / tolerance)))
    return ScalingDemo(tuple(rows), tolerance)
