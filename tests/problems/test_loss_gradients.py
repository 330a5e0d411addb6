"""The gradient of a loss on data by each prediction (``find = "gradient"``): exact values against central
differences of the mean loss, the key's lines as exact strings, and the bank's refusals."""

from __future__ import annotations

import math

import pytest

from symnn import render
from symnn.nn.losses import loss_value, with_gradient
from symnn.nn.naming import GRADIENT_LOSSES
from symnn.problems.bank import BankError, load_bank
from symnn.problems.solve import solve

# the loss of one sample, written again here in plain Python, and how the samples are combined
ONE = {"mse": lambda y, p: (y - p) ** 2, "mae": lambda y, p: abs(y - p), "rmse": lambda y, p: (y - p) ** 2,
       "mape": lambda y, p: 100 * abs((y - p) / y), "bce": lambda y, p: -(y * math.log(p) + (1 - y) * math.log(1 - p)),
       "hinge": lambda y, p: max(0.0, 1 - y * p)}
DATA = {"bce": ([1, 0, 1], [0.9, 0.2, 0.6]), "hinge": ([1, -1, 1, -1], [2.5, -0.4, 0.3, 1.2])}


def mean_loss(name, y, pred):
    mean = sum(ONE[name](a, b) for a, b in zip(y, pred)) / len(y)
    return math.sqrt(mean) if name == "rmse" else mean


@pytest.mark.parametrize("name", GRADIENT_LOSSES)
def test_the_gradient_is_the_slope_of_the_mean_loss(name):
    # away from kinks every ∂L/∂ŷ_i agrees with (L(ŷ + εe_i) − L(ŷ − εe_i))/2ε
    y, pred = DATA.get(name, ([1.1, 2, 1.7], [1, 1.7, 1.5]))
    run = with_gradient(loss_value(name, y, pred))
    eps = 1e-6
    for i in range(len(y)):
        up, down = list(pred), list(pred)
        up[i] += eps
        down[i] -= eps
        slope = (mean_loss(name, y, up) - mean_loss(name, y, down)) / (2 * eps)
        assert float(run.gradient[i]) == pytest.approx(slope, rel=1e-6, abs=1e-8)


@pytest.mark.parametrize("lang, lines", [
    ("en", ["The gradient by each prediction: ∂L/∂y_i = -t_i·H(1 - t_i·y_i)/n",
            "1  1    1     -1·H(1 - 1·1)/4         0",           # on the kink: the subgradient 0
            "3  1    0.3   -1·H(1 - 1·0.3)/4       -0.25",
            "2  -1   -0.4  1·H(1 - (-1)·(-0.4))/4  0.25",               # −t_i = 1 at t_i = −1, not −(−1)
            "Answer: ∂L/∂y = (0, 0.25, -0.25, 0.25)"]),
    ("ru", ["Градиент по каждому предсказанию: ∂L/∂y_i = -t_i·H(1 - t_i·y_i)/n",
            "3  1    0,3   -1·H(1 - 1·0,3)/4       -0,25",
            "Ответ: ∂L/∂y = (0; 0,25; -0,25; 0,25)"]),
])
def test_the_key_works_each_sample_in_the_statements_letters(lang, lines):
    printed = render(solve("hinge-gradient"), "text", lang=lang, detail="brief").splitlines()
    assert all(line in printed for line in lines)
    assert any(line.startswith(("Where 1 - t_i·y_i = 0 the hinge has a kink", "Там, где 1 - t_i·y_i = 0")) for line in printed)


def test_no_kink_note_where_no_sample_sits_on_one():
    run = with_gradient(loss_value("hinge", [1, -1], [2.5, -0.4]))
    assert "kink" not in render(run, "text", lang="en")


@pytest.mark.parametrize("loss, rows, message", [
    ("svm", "y = [[1, 0], [0, 1]]\npred = [[1, 2], [3, 4]]", "the gradient by the class scores is in a network problem"),
    ("ce", "y = [[1, 0], [0, 1]]\npred = [[0.5, 0.5], [0.2, 0.8]]", "not ce"),
])
def test_a_loss_without_a_gradient_by_the_predictions_is_refused(tmp_path, loss, rows, message):
    (tmp_path / "g.toml").write_text(f"[[problem]]\nid = 'g'\nkind = 'loss'\nloss = '{loss}'\nfind = 'gradient'\n{rows}\n"
                                     "statement.en = 's'\n", encoding="utf-8")
    with pytest.raises(BankError, match=message):
        load_bank(tmp_path)
