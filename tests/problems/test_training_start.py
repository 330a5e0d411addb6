"""A training problem that starts from given weights and biases (problems.data_training), against
loops written by hand in NumPy from the same start.

The oracles share nothing with symnn but the start the problem states: Hagan's LMS rule
W ← W + 2αe·pᵀ for an ADALINE without a bias, and the course's 2-2-1 sigmoid network with
L = (y − ŷ)², each derivative written out, updated after every row.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from symnn.problems.bank import BankError, get_problem, load_bank
from symnn.problems.solve import answer_value, solve
from symnn.render import render


def lms(P, T, W, alpha, epochs):
    """Widrow and Hoff's LMS, one pattern at a time in order: a = W·p, e = t − a, W ← W + 2αe·pᵀ."""
    W = np.array(W, dtype=float)
    for _ in range(epochs):
        for p, t in zip(np.array(P, dtype=float), T):
            e = t - W @ p
            W = W + 2 * alpha * e * p
    return W


def test_hagan_s_lms_example_is_reproduced_from_its_zero_start():
    solution = solve("lms-apple-orange")
    oracle = lms([[1, -1, -1], [1, 1, -1]], [-1, 1], [0, 0, 0], alpha=0.2, epochs=1)
    assert np.allclose(answer_value(solution.answer), oracle, atol=1e-12)
    assert np.allclose(oracle, get_problem("lms-apple-orange").published, atol=1e-12)   # the book's W(2)
    assert [str(p) for p in solution.work.network.parameters()] == ["w1", "w2", "w3"]        # no bias


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def course_loop(X, y, start, eta, epochs):
    """Seed 002's loop for the 2-2-1 network from the given start (w1, w2, b1, w3, w4, b2, w5, w6, b3)."""
    w1, w2, b1, w3, w4, b2, w5, w6, b3 = start
    for _ in range(epochs):
        for x, t in zip(X, y):
            s1 = w1 * x[0] + w2 * x[1] + b1
            s2 = w3 * x[0] + w4 * x[1] + b2
            h1, h2 = sigmoid(s1), sigmoid(s2)
            s3 = w5 * h1 + w6 * h2 + b3
            o = sigmoid(s3)
            d = lambda s: sigmoid(s) * (1 - sigmoid(s))
            dL = -2 * (t - o)
            g1, g2, g3 = dL * w5 * d(s3) * d(s1), dL * w6 * d(s3) * d(s2), dL * d(s3)
            grads = np.array([g1 * x[0], g1 * x[1], g1, g2 * x[0], g2 * x[1], g2, g3 * h1, g3 * h2, g3])
            w1, w2, b1, w3, w4, b2, w5, w6, b3 = np.array([w1, w2, b1, w3, w4, b2, w5, w6, b3]) - eta * grads
    return dict(zip(("w1", "w2", "b1", "w3", "w4", "b2", "w5", "w6", "b3"), (w1, w2, b1, w3, w4, b2, w5, w6, b3)))


PROBLEM = """
[[problem]]
id = "own"
kind = "training"
statement.en = "Train."
"""


def _bank(tmp_path: Path, fields: str) -> Path:
    (tmp_path / "own.toml").write_text(PROBLEM + fields, encoding="utf-8")
    return tmp_path


XOR = "inputs = [[0, 0], [0, 1], [1, 0], [1, 1]]\ntargets = [0, 1, 1, 0]\nlayers = [2, 2, 1]\n"


def test_a_2_2_1_network_trains_from_the_given_matrices_as_the_loop_does(tmp_path):
    bank = _bank(tmp_path, XOR + """
learning_rate = 0.5
epochs = 50
batch = 1
weights = [[[0.15, 0.20], [0.25, 0.30]], [[0.40, 0.45]]]
biases = [[0.35, "1/3"], -0.6]
find = ["w1", "b2", "w5", "b3"]
tolerance = { absolute = 1e-6 }
""")
    solution = solve("own", bank)
    X, y = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float), np.array([0, 1, 1, 0], dtype=float)
    oracle = course_loop(X, y, (0.15, 0.20, 0.35, 0.25, 0.30, 1 / 3, 0.40, 0.45, -0.6), eta=0.5, epochs=50)
    assert np.allclose(answer_value(solution.answer), [oracle[n] for n in ("w1", "b2", "w5", "b3")], atol=1e-12)
    start = dict((str(p), v) for p, v in solution.work.start)
    assert start["b2"] == pytest.approx(1 / 3) and str(start["b2"]) == "1/3"       # kept exact for the key
    english, russian = render(solution, "text"), render(solution, "text", lang="ru")
    assert ("The weights and biases start from the values the problem gives (the table at the end lists them); "
            "nothing is drawn at random.") in english
    assert "Обучение начинается с весов и смещений, заданных в условии" in russian
    assert "random numbers drawn" not in english
    lines = english.splitlines()
    assert any(line.split()[:2] == ["b2", "1/3"] for line in lines), lines          # the start as given


def test_the_seed_does_not_move_a_given_start(tmp_path):
    fields = XOR + 'weights = 0.5\nbiases = 0\nepochs = 3\nfind = ["loss"]\ntolerance = { absolute = 0.01 }\n'
    losses = []
    for seed in (0, 7):
        (tmp_path / str(seed)).mkdir()
        losses.append(solve("own", _bank(tmp_path / str(seed), fields + f"seed = {seed}\n")).work.history)
    assert losses[0] == losses[1]


@pytest.mark.parametrize("fields, message", [
    (XOR + "weights = [[[0.1, 0.2], [0.3, 0.4]]]", "weights: expected one entry per layer (2), got 1"),
    (XOR + "weights = [[[0.1, 0.2, 0.5], [0.3, 0.4, 0.6]], [[0.5, 0.6]]]",
     "weights: layer 1 is 2×3; the layer sizes [2, 2, 1] need 2×2"),
    (XOR + "weights = 0.1\nbiases = [[0, 0, 0], 0]",
     "biases: layer 1 has 2 neurons, so its biases are a number or a list of 2 numbers"),
    (XOR + "biases = [0, 0]", "biases: a start is given by its weights"),
    (XOR + 'weights = 0.1\nbiases = "none"\nfind = ["b1"]\ntolerance = { absolute = 0.01 }',
     "find: 'b1' is not loss, predictions, accuracy or a weight or bias of the network"),
])
def test_a_start_of_the_wrong_shape_is_refused_with_the_field_named(tmp_path, fields, message):
    with pytest.raises(BankError) as refused:
        load_bank(_bank(tmp_path, fields + "\n"))
    assert str(refused.value).startswith("own.toml: problem own: " + message), str(refused.value)
