"""A network problem without targets: a forward pass with given, unequal weights, no loss and no step,
against a forward pass in NumPy."""

import numpy as np
import pytest

from symnn.cli import main
from symnn.problems.bank import BankError, load_bank
from symnn.problems.solve import solve

XOR = """
[[problem]]
id = "xor"
kind = "network"
layers = [2, 2, 1]
inputs = [1, 1]
weights = [[[1, 1], [1, 1]], [[1, -2]]]
biases = [[0, -1], 0]
activation = ["relu", "identity"]
find = ["h1", "h2", "o1"]
statement.en = "Goodfellow's XOR network at x = (1, 1)."
"""

SIGMOID = """
[[problem]]
id = "three-two-two"
kind = "network"
layers = [3, 2, 2]
inputs = [0.5, -1, 2]
weights = [[[0.1, -0.2, 0.3], [0.4, 0.5, -0.6]], [[0.7, -0.8], [0.9, 1.0]]]
biases = [[0.1, -0.1], [0.2, 0]]
activation = "sigmoid"
find = ["forward"]
statement.en = "A forward pass."
"""


def bank(tmp_path, text: str) -> str:
    (tmp_path / "nets.toml").write_text(text, encoding="utf-8")
    return str(tmp_path)


def numpy_forward(x, layers, activations) -> list[float]:
    """Every neuron's value, layer by layer: a = f(W a + b)."""
    values, a = [], np.array(x, dtype=float)
    for (w, b), f in zip(layers, activations):
        a = f(np.array(w, dtype=float) @ a + np.array(b, dtype=float))
        values += list(a)
    return values


RELU, IDENTITY, SIGMOID_F = (lambda z: np.maximum(z, 0)), (lambda z: z), (lambda z: 1 / (1 + np.exp(-z)))


# (the problem's file, the id, the oracle's values of what find asks)
@pytest.mark.parametrize(("text", "problem", "oracle"), [
    # XOR with ReLU (Goodfellow 6.1): h = (2, 1), o = 0
    (XOR, "xor", numpy_forward([1, 1], [([[1, 1], [1, 1]], [0, -1]), ([[1, -2]], [0])], [RELU, IDENTITY])),
    # unequal sigmoid weights, a bias per neuron, every neuron asked (forward)
    (SIGMOID, "three-two-two", numpy_forward([0.5, -1, 2], [([[0.1, -0.2, 0.3], [0.4, 0.5, -0.6]], [0.1, -0.1]),
                                                           ([[0.7, -0.8], [0.9, 1.0]], [0.2, 0])], [SIGMOID_F] * 2)),
])
def test_the_answer_is_the_forward_pass(tmp_path, text, problem, oracle):
    answer = solve(load_bank(bank(tmp_path, text))[problem]).answer
    assert [float(v) for v in answer] == pytest.approx(oracle, abs=1e-12)


def test_the_key_shows_the_forward_pass_only(tmp_path, capsys):
    assert main(["solve", "xor", "--bank", bank(tmp_path, XOR)]) == 0
    printed = capsys.readouterr().out.splitlines()
    assert printed[1] == "Forward pass: 2-2-1 network, ReLU, identity"
    assert [line.split()[0] for line in printed[5:8]] == ["h1", "h2", "o1"]
    assert printed[8:] == ["Answer: h1 = 2; h2 = 1; o1 = 0"]       # no loss row, no deltas, no step


def test_it_is_checked_and_verified(tmp_path, capsys):
    folder = bank(tmp_path, XOR + "published = [2, 1, 0]\n")
    assert main(["check", "xor", "(2, 1, 0)", "--bank", folder]) == 0
    assert capsys.readouterr().out.startswith("Correct.")
    assert main(["problems", "--verify", "--bank", folder]) == 0


def test_in_matrix_form(tmp_path, capsys):
    assert main(["solve", "xor", "--bank", bank(tmp_path, XOR + 'form = "matrix"\n')]) == 0
    printed = capsys.readouterr().out
    assert "z_1 = W_1·x + b_1 = [1·1 + 1·1 + 0; 1·1 + 1·1 + (-1)] = [2; 1]" in printed and "δ" not in printed


# (a line added to the file, the error naming the field)
@pytest.mark.parametrize(("line", "error"), [
    # a loss needs a target
    ('loss = "mse"', "loss: a network without targets is a forward pass only, with no loss and no step; "
                     "give targets, or leave out loss"),
    # so does a step, even none
    ("steps = 0", "steps: a network without targets is a forward pass only, with no loss and no step; "
                  "give targets, or leave out steps"),
    ("learning_rate = 0.5", "learning_rate: a network without targets is a forward pass only, with no loss and no "
                            "step; give targets, or leave out learning_rate"),
    # find asks for the loss, a gradient or an update
    ('find = ["L"]', "find: 'L' needs targets; a network without them is a forward pass only, so find asks for its "
                     "neurons (h1, o1) or forward"),
    ('find = ["dL/dw1"]', "find: 'dL/dw1' needs targets; a network without them is a forward pass only, so find "
                          "asks for its neurons (h1, o1) or forward"),
    # the answer line names the neurons in the network's order
    ('find = ["h2", "h1"]', "find: name each neuron once, in the network's order (h1, h2, o1)"),
    # the published list against the answer's length
    ('find = ["forward"]\npublished = [2, 1]', "published: 2 numbers, but the answer has 3 (one for each name of find, "
                                               "forward spelled out)"),
])
def test_what_needs_targets_is_refused_naming_the_field(tmp_path, line, error):
    text = XOR.replace('find = ["h1", "h2", "o1"]\n', "") if line.startswith("find") else XOR
    with pytest.raises(BankError) as raised:
        load_bank(bank(tmp_path, text + line + "\n"))
    assert str(raised.value) == f"nets.toml: problem xor: {error}"


def test_with_targets_the_network_is_trained_as_before(tmp_path, capsys):
    text = XOR + 'targets = [0]\nloss = "mse"\nsteps = 0\n'
    assert main(["solve", "xor", "--bank", bank(tmp_path, text)]) == 0
    assert "Deltas" in capsys.readouterr().out
