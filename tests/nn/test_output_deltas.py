"""The δ of an output simplified as books write it (σ with cross-entropy: ŷ − t; softmax with cross-entropy:
o_j − y_j): every side of the chain is ∂L/∂z by sympy.diff of the loss of the pre-activation, the key shows the
chain in English and Russian, and the gradients the key gives are central differences of the loss."""

from __future__ import annotations

import math
import random

import pytest
import sympy as sp

from symnn import render
from symnn.nn.output_deltas import simplified_delta, softmax_ce_delta
from symnn.problems.solve import solve

z, y, t = sp.symbols("z y t", real=True)
sigma = 1 / (1 + sp.exp(-z))


@pytest.mark.parametrize("loss, slope, simple", [
    # σ with binary cross-entropy: ŷ − t
    (-(t * sp.log(y) + (1 - t) * sp.log(1 - y)), y * (1 - y), y - t),
    # σ with −t ln ŷ alone: −t(1 − ŷ), the fraction cancelled all the same
    (-t * sp.log(y), y * (1 - y), t * y - t),
])
def test_each_side_is_the_derivative_by_the_sum(loss, slope, simple):
    sides = simplified_delta(sp.diff(loss, y), slope)
    assert sides[-1] == simple
    oracle = sp.diff(loss.subs(y, sigma), z)                    # ∂L/∂z, independent of the slope's form
    for z0, t0 in ((0.3, 1), (-1.2, 0), (2.0, 0.25)):
        expected = float(oracle.subs({z: z0, t: t0}))
        for side in sides:
            assert float(side.subs({y: sigma.subs(z, z0), t: t0})) == pytest.approx(expected, rel=1e-12)


@pytest.mark.parametrize("error, slope", [
    (y - t, y * (1 - y)),        # σ with ½(ŷ − t)²: the slope stays a factor, no fraction to cancel
    (y - t, sp.Integer(1)),      # identity output: δ = ŷ − t already
])
def test_a_delta_without_a_fraction_is_left_as_it_is(error, slope):
    assert simplified_delta(error, slope) is None


@pytest.mark.parametrize("n", [2, 3, 4])
def test_softmax_each_side_is_the_derivative_by_each_score(n):
    scores = sp.symbols(f"z1:{n + 1}", real=True)
    outs, targets = sp.symbols(f"o1:{n + 1}", real=True), sp.symbols(f"y1:{n + 1}", real=True)
    errors = tuple(-yk / ok for yk, ok in zip(targets, outs))            # ∂/∂o_k of −Σ y_k ln o_k
    total = sum(sp.exp(s) for s in scores)
    soft = [sp.exp(s) / total for s in scores]
    loss = -sum(yk * sp.log(sk) for yk, sk in zip(targets, soft))
    rng = random.Random(n)
    values = {s: rng.uniform(-2, 2) for s in scores}
    one_hot = {yk: int(k == 1) for k, yk in enumerate(targets)}
    shown = {o: float(sk.subs(values)) for o, sk in zip(outs, soft)}
    for j in range(n):
        sides = softmax_ce_delta(outs, errors, j)
        assert sides[-1] == outs[j] - targets[j]
        expected = float(sp.diff(loss, scores[j]).subs({**values, **one_hot}))
        for side in sides:
            assert float(side.subs({**shown, **one_hot})) == pytest.approx(expected, rel=1e-9)


def test_softmax_with_another_loss_is_left_as_it_is():
    outs, targets = sp.symbols("o1:3", real=True), sp.symbols("y1:3", real=True)
    errors = tuple(o - yk for o, yk in zip(outs, targets))              # ½Σ(o − y)²: not cross-entropy
    assert softmax_ce_delta(outs, errors, 0) is None


BANK = """[[problem]]
id = "logistic"
kind = "network"
layers = [2, 1]
inputs = [1, 2]
targets = [1]
weights = [[[0.5, -0.75]]]
biases = 0.25
activation = "sigmoid"
loss = "bce"
steps = 0
find = ["dL/dw1", "dL/dw2", "dL/db1"]
statement.en = 'Find the gradient of $L = -[t \\ln \\hat{y} + (1 - t)\\ln(1 - \\hat{y})]$ for $\\hat{y} = \\sigma(w^T x + b)$.'
statement.ru = 'Найдите градиент $L = -[t \\ln \\hat{y} + (1 - t)\\ln(1 - \\hat{y})]$ для $\\hat{y} = \\sigma(w^T x + b)$.'
notation = { y = "t", o1 = '\\hat{y}' }

[[problem]]
id = "two-classes"
kind = "network"
layers = [2, 2]
inputs = [1, -1]
targets = [0, 1]
weights = [[[0.5, 0.25], [-0.5, 1]]]
biases = 0
activation = "identity"
output = "softmax"
loss = "ce"
steps = 0
find = ["dL/db1", "dL/db2"]
statement.en = 'For the softmax outputs $o_1$, $o_2$ and targets $y_1$, $y_2$ find the gradient of the cross-entropy by the biases.'
statement.ru = 'Для выходов softmax $o_1$, $o_2$ и целей $y_1$, $y_2$ найдите градиент перекрёстной энтропии по смещениям.'
"""


@pytest.fixture(scope="module")
def bank(tmp_path_factory):
    folder = tmp_path_factory.mktemp("deltas")
    (folder / "deltas.toml").write_text("title.en = 'Deltas'\ntitle.ru = 'Дельты'\n\n" + BANK, encoding="utf-8")
    return folder


@pytest.mark.parametrize("problem_id, lang, lines", [
    # the binary case: ∂L/∂ŷ times σ′, the fractions cancelled, ŷ − t; the table's formula is ŷ − t
    ("logistic", "en", ["The δ of an output, its fractions cancelled: δ_ŷ = ((1 - t)/(1 - ŷ) - t/ŷ)·ŷ·(1 - ŷ) "
                        "= ŷ·(1 - t) - t·(1 - ŷ) = ŷ - t"]),
    ("logistic", "ru", ["δ выхода после сокращения дробей: δ_ŷ = ((1 - t)/(1 - ŷ) - t/ŷ)·ŷ·(1 - ŷ) "
                        "= ŷ·(1 - t) - t·(1 - ŷ) = ŷ - t"]),
    # softmax: each output through every output, the term k = j first, with the one-hot targets adding up to 1
    ("two-classes", "en", ["The δ of each output, through every output of the softmax, with y_1 + y_2 = 1:",
                           "   δ_o1 = -y_1·(1 - o_1) + o_1·y_2 = o_1·(y_1 + y_2) - y_1 = o_1 - y_1",
                           "   δ_o2 = o_2·y_1 - y_2·(1 - o_2) = o_2·(y_1 + y_2) - y_2 = o_2 - y_2"]),
    ("two-classes", "ru", ["δ каждого выхода — через все выходы softmax, при y_1 + y_2 = 1:",
                           "   δ_o1 = -y_1·(1 - o_1) + o_1·y_2 = o_1·(y_1 + y_2) - y_1 = o_1 - y_1"]),
])
def test_the_key_shows_the_delta_simplified(bank, problem_id, lang, lines):
    key = render(solve(problem_id, bank), "text", lang=lang, detail="brief").splitlines()
    assert all(line in key for line in lines), key


def test_the_table_writes_the_simple_delta(bank):
    key = render(solve("logistic", bank), "text", lang="en", detail="brief").splitlines()
    assert any(line.startswith("δ_ŷ") and " ŷ - t " in line for line in key), key


def _logistic_loss(w1, w2, b):
    p = 1 / (1 + math.exp(-(w1 * 1 + w2 * 2 + b)))
    return -math.log(p)                     # t = 1


def test_the_gradients_are_central_differences(bank):
    answer = [float(v) for v in solve("logistic", bank).answer]
    point, h = [0.5, -0.75, 0.25], 1e-6
    for k, value in enumerate(answer):
        up, down = list(point), list(point)
        up[k] += h
        down[k] -= h
        assert value == pytest.approx((_logistic_loss(*up) - _logistic_loss(*down)) / (2 * h), abs=1e-4)
