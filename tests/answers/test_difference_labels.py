"""A finite-difference answer's parts by their labels, D(0.01) and ∂f/∂x, in either order. The values are
computed here: the central difference (f(x + ε) − f(x − ε))/(2ε) with math.exp, the derivative by sympy.diff."""

from __future__ import annotations

import math

import pytest
import sympy as sp

from symnn.answers.check import check_bank_answer

X = sp.Symbol("x")
F = 1 + sp.exp(2 * X + 1)                                                   # f = 1 + e^(x·w1 + w0), w1 = 2, w0 = 1
DF = float(sp.diff(F, X).subs(X, 1))                                        # 2e³ ≈ 40.1711
f = lambda x: 1 + math.exp(2 * x + 1)                                       # noqa: E731
D = (f(1.01) - f(0.99)) / (2 * 0.01)                                        # ≈ 40.1738
d, df = f"{D:.4f}", f"{DF:.4f}"
MATCHED_EN = "The components were matched by their labels, in the order D(0.01), ∂f/∂x."
MATCHED_RU = "Компоненты сопоставлены по подписям, в порядке D(0,01), ∂f/∂x."


@pytest.mark.parametrize("answer, lang, correct, said", [
    # the student's report: the derivative first, labelled, was called swapped
    (f"∂f/∂x = {df}, D(0.01) = {d}", "en", True, ("Correct.", MATCHED_EN)),
    (f"∂f/∂x = {df}, D(0.01) = {d}", "ru", True, ("Верно.", MATCHED_RU)),
    # D without its argument, and a chain with ≈
    (f"∂f/∂x = {df}, D = {d}", "en", True, ("Correct.", MATCHED_EN)),
    (f"df/dx = 2e^3 ≈ {df}; D(0.01) ≈ {d}", "en", True, ("Correct.", MATCHED_EN)),
    # Russian decimal commas and f'(x)
    (f"f'(x) = {df}; D(0,01) = {d}".replace(".", ","), "ru", True, ("Верно.", MATCHED_RU)),
    # the key's order, labelled or not
    (f"D(0.01) = {d}, ∂f/∂x = {df}", "en", True, ("Correct.",)),
    (f"{d}, {df}", "en", True, ("Correct.",)),
    # unlabelled in the other order: swapped, each part by its name
    (f"{df}, {d}", "en", False, ("Not correct.", "Components 1 (D(0.01)) and 2 (∂f/∂x) are swapped.")),
    # the labels on the wrong values: each labelled value is checked as what it names
    (f"∂f/∂x = {d}, D(0.01) = {df}", "en", False, ("Not correct.",)),
])
def test_difference_labels(answer, lang, correct, said):
    verdict = check_bank_answer("finite-diff", answer, lang=lang)
    assert verdict.correct is correct, verdict.feedback
    assert verdict.feedback[:len(said)] == said, verdict.feedback
