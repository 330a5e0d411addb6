"""An optimizer comparison in brief: each method's step as a row of one table (the gradient it takes, each state
it keeps and the new point, both coordinates in one cell), checked against NumPy; and the picture shown with it
saying where its start and rates are not the problem's."""

from __future__ import annotations

import numpy as np
import pytest

from symnn import render
from symnn.problems.solve import solve


def numpy_first_step(name: str, point, gradient, eta=0.1, alpha=0.9, beta1=0.9, beta2=0.999, eps=1e-8):
    """One step from zero state, written with NumPy from the methods' papers: the states and the new point."""
    g = np.asarray(gradient, float)
    if name in ("momentum", "nesterov"):                 # h = αh + ηg, w = w − h
        h = eta * g
        return [h], point - h
    if name == "adagrad":                                # G = G + g², w = w − ηg/√(G + ε)
        G = g ** 2
        return [G], point - eta * g / np.sqrt(G + eps)
    if name == "rmsprop":                                # G = αG + (1 − α)g²
        G = (1 - alpha) * g ** 2
        return [G], point - eta * g / np.sqrt(G + eps)
    h, G = (1 - beta1) * g, (1 - beta2) * g ** 2
    if name == "adam-slide":                             # no bias correction
        return [h, G], point - eta * h / np.sqrt(G + eps)
    hat, Hat = h / (1 - beta1), G / (1 - beta2)          # Adam: ĥ = h/(1 − β₁), Ĝ = G/(1 − β₂) at t = 1
    return [h, G, hat, Hat], point - eta * hat / (np.sqrt(Hat) + eps)


def test_each_method_s_row_is_numpy_s_step():
    solution = solve("optimizers")
    for step in solution.work.steps:
        number, start, gradient, end, states = step.row
        point = np.array([float(c) for c in start])
        assert np.allclose([float(c) for c in gradient], [point[0], 10 * point[1]])      # ∇ of (x² + 10y²)/2
        expected_states, expected_end = numpy_first_step(step.optimizer.name, point, [point[0], 10 * point[1]])
        assert number == 1 and np.allclose([float(c) for c in end], expected_end), step.optimizer.name
        assert np.allclose([[float(c) for c in s] for s in states], expected_states), step.optimizer.name


@pytest.mark.parametrize("lang, coordinate, rows", [
    ("en", "Coordinate x", ["Momentum              (1, 10)       h_t = (0.1, 1)", "Nesterov momentum     (1, 10)       h_t = (0.1, 1)"]),
    ("ru", "Координата x", ["Метод моментов      (1; 10)       h_t = (0,1; 1)", "Метод Нестерова     (1; 10)       h_t = (0,1; 1)"]),
])
def test_in_brief_the_methods_are_rows_of_one_table_not_a_block_per_coordinate(lang, coordinate, rows):
    brief = render(solve("optimizers"), "text", lang=lang, detail="brief")
    assert coordinate not in brief
    # momentum and Nesterov take the same step from zero state: two rows all the same, neither left out
    assert all(row in brief for row in rows)
    assert coordinate in render(solve("optimizers"), "text", lang=lang, detail="full")      # the full key works it out


def test_the_slides_and_the_key_show_every_method_s_row():
    tex = render(solve("optimizers"), "latex", lang="en", detail="brief")
    assert all(f"{name} & $(1, \\  10)$" in tex for name in ("Momentum", "Nesterov momentum", "AdaGrad", "RMSprop", "Adam"))


@pytest.mark.parametrize("lang, words", [("en", "Not the problem’s start (1, 1) and step η = 0.1"),
                                         ("ru", "Не точка задачи (1; 1) и шаг η = 0,1")])
def test_the_picture_says_it_starts_elsewhere_than_the_problem(lang, words):
    pytest.importorskip("matplotlib")
    from symnn.export.pictures.optimizers import RATES, START, optimizers_picture
    assert words in optimizers_picture(lang=lang, problem=((1, 1), {"momentum": 0.1, "adam": 0.1})).title
    # the problem's own start and rates: nothing to say
    same = optimizers_picture(lang=lang, problem=(START, {"momentum": RATES["momentum"]}))
    assert "\n" not in same.title
