"""The perceptron rule with a learning rate η (Mitchell's and Russell and Norvig's w ← w + η(t − o)x):
a hand-written NumPy loop as the oracle, exact strings of the rule in the statement's letters (en, ru),
and a bad rate refused naming the field."""

from __future__ import annotations

import numpy as np
import pytest

from symnn import render
from symnn.nn.perceptron import perceptron_rule
from symnn.problems.bank import BankError
from symnn.problems.solve import solve

OR_INPUTS, OR_TARGETS = [[0, 0], [0, 1], [1, 0], [1, 1]], [0, 1, 1, 1]


def numpy_perceptron(inputs, targets, w, b, rate):
    """Passes over the rows in order until one changes nothing: o = [w·x + b ≥ 0], w += η(t − o)x, b += η(t − o)."""
    w, b = np.array(w, dtype=float), float(b)
    while True:
        changed = False
        for x, t in zip(np.array(inputs, dtype=float), targets):
            error = t - (1.0 if w @ x + b >= 0 else 0.0)
            w, b = w + rate * error * x, b + rate * error
            changed = changed or error != 0
        if not changed:
            return w, b


@pytest.mark.parametrize("rate, start, bias", [
    (0.25, [0.1, -0.3], -0.2),       # Mitchell's η = 0.25: the weights move by quarters
    (1, [0, 0], 0),                  # the default rule, η = 1
    (0.1, [-0.45, 0.2], 0.33),       # no net input lands on 0 in floating point
])
def test_the_rule_with_a_rate_matches_a_numpy_loop(rate, start, bias):
    run = perceptron_rule(OR_INPUTS, OR_TARGETS, [start], [bias], rate=rate)
    w, b = numpy_perceptron(OR_INPUTS, OR_TARGETS, start, bias, rate)
    assert run.converged
    assert np.allclose([float(v) for v in run.weights], w) and np.isclose(float(run.bias[0]), b)


BANK = r'''[[problem]]
id = "or-rate"
kind = "perceptron"
inputs = [[0, 0], [0, 1], [1, 0], [1, 1]]
targets = [0, 1, 1, 1]
weights = [[0.1, -0.3]]
biases = [-0.2]
learning_rate = 0.25
notation = { b = "w_0", t = "y", a = "o" }
statement.en = 'Train a perceptron on OR with $w_i \leftarrow w_i + \eta (y - o) x_i$, $\eta = 0.25$.'
statement.ru = 'Обучите перцептрон на OR по правилу $w_i \leftarrow w_i + \eta (y - o) x_i$, $\eta = 0{,}25$.'

[[problem]]
id = "or-bad-rate"
kind = "perceptron"
inputs = [[0, 0], [1, 1]]
targets = [0, 1]
weights = [[0, 0]]
learning_rate = -1
statement.en = 'Train.'
statement.ru = 'Обучите.'
'''


@pytest.fixture
def bank(tmp_path):
    (tmp_path / "p.toml").write_text(BANK, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("lang, line", [
    ("en", "The perceptron rule: n = W·p + w_0, o = hardlim(n), e = y - o; after each input W ← W + η·e·p^T "
           "and w_0 ← w_0 + η·e (an error-driven rule, not a gradient step); η = 0.25"),
    ("ru", "Правило обучения перцептрона: n = W·p + w_0, o = hardlim(n), e = y - o; после каждого входа "
           "W ← W + η·e·p^T и w_0 ← w_0 + η·e (правило коррекции по ошибке, а не шаг градиентного спуска); η = 0,25")])
def test_the_rule_is_written_in_the_statement_letters_with_its_rate(bank, lang, line):
    text = render(solve("or-rate", bank), "text", lang=lang, detail="brief")
    assert text.splitlines()[1] == line and "b ←" not in text


def test_a_rate_that_is_not_a_positive_number_is_refused_naming_the_field(bank):
    with pytest.raises(BankError, match=r"problem or-bad-rate: learning_rate: expected a positive number"):
        solve("or-bad-rate", bank)
