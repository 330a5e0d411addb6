"""A network problem stated in matrix form (form = "matrix") is worked in matrix form: W·x + b entry by entry,
δ_l = (W_(l+1)ᵀ·δ_(l+1)) ⊙ f′, ∂L/∂W = δ·aᵀ, W⁺ = W − η·∂L/∂W. Exact strings of the printed key, and every
matrix of the key against an independent oracle: NumPy's products of the same matrices, and each gradient
∂L/∂W against central differences of the loss computed by NumPy."""

from __future__ import annotations

import json

import numpy as np
import pytest

from symnn import render, solve
from symnn.problems.bank import Problem
from symnn.problems.schema import problem_errors

FC_EN = """\
Forward pass in matrix form: 3-2-1 network, sigmoid
   x⃗ = [1; 2; 3]
   W_h = [(1, 0, -1); (0.5, 1, 0)]
   h⃗_t = W_h·x⃗ = [1·1 + 0·2 + (-1)·3; 0.5·1 + 1·2 + 0·3] = [-2; 2.5]
   h⃗ = σ(h⃗_t) = [σ(-2); σ(2.5)] ≈ [0.1192; 0.9241]
   W_y = (1, -1)
   y⃗_t = W_y·h⃗ = 1·0.1192 + (-1)·0.9241 ≈ -0.8049
   y⃗ = σ(y⃗_t) = σ(-0.8049) ≈ 0.3090
Answer: h⃗ = [σ(-2); σ(2.5)] ≈ [0.1192; 0.9241]; y ≈ 0.3090"""

FC_RU = """\
Прямой проход в матричной форме: сеть 3-2-1, сигмоида
   x⃗ = [1; 2; 3]
   W_h = [(1; 0; -1); (0,5; 1; 0)]
   h⃗_t = W_h·x⃗ = [1·1 + 0·2 + (-1)·3; 0,5·1 + 1·2 + 0·3] = [-2; 2,5]
   h⃗ = σ(h⃗_t) = [σ(-2); σ(2,5)] ≈ [0,1192; 0,9241]
   W_y = (1; -1)
   y⃗_t = W_y·h⃗ = 1·0,1192 + (-1)·0,9241 ≈ -0,8049
   y⃗ = σ(y⃗_t) = σ(-0,8049) ≈ 0,3090
Ответ: h⃗ = [σ(-2); σ(2,5)] ≈ [0,1192; 0,9241]; y ≈ 0,3090"""


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def as_array(matrix) -> np.ndarray:
    return np.array(matrix.tolist(), dtype=float)


@pytest.mark.parametrize("lang, expected", [
    # the statement's names (W_h, h⃗_t with its arrow, y⃗_t), each product entry by entry (a brief key without the
    # given matrices)
    ("en", FC_EN),
    # Russian: decimal commas, the heading and the answer in Russian
    ("ru", FC_RU),
], ids=["en", "ru"])
@pytest.mark.parametrize("detail", ["brief", "full"])
def test_the_fc_equations_key_in_matrix_form(lang, expected, detail):
    lines = render(solve("fc-equations"), "text", lang=lang, detail=detail).splitlines()
    if detail == "brief":        # a brief key leaves the given x, W_h and W_y to the statement
        expected = "\n".join(line for line in expected.split("\n") if line.split(" = ")[0].strip() not in ("x⃗", "W_h", "W_y"))
    assert "\n".join(lines[1:1 + len(expected.split("\n"))]) == expected


@pytest.mark.parametrize("line", [
    # the forward pass: W_1·x + b_1 entry by entry, then tanh of those sums, tanh(−0.1), then the linear output o
    "   z_1 = W_1·x + b_1 = [0.1·1 + 0.2·(-1) + 0; (-0.3)·1 + 0.4·(-1) + 0.1] = [-0.1; -0.6]",
    "   h = tanh(z_1) = [tanh(-0.1); tanh(-0.6)] ≈ [-0.0997; -0.5370]",
    "   o = W_2·h + b_2 = 0.5·(-0.0997) + (-0.6)·(-0.5370) + 0.1 ≈ 0.3724",
    "   L = (1/2)·(y - o)^2 = (1/2)·(0.5 - 0.3724)^2 ≈ 0.00814",
    # the backward pass as the course writes it in matrices, at its four places
    "   δ_2 = o - y = 0.3724 - 0.5 ≈ -0.1276",
    "   ∂L/∂W_2 = δ_2·hᵀ = ((-0.1276)·(-0.0997), (-0.1276)·(-0.5370)) ≈ (0.0127, 0.0685)",
    "   δ_1 = (W_2ᵀ·δ_2) ⊙ (1 - h ⊙ h) = [0.5·(-0.1276)·(1 - (-0.0997)^2); "
    "(-0.6)·(-0.1276)·(1 - (-0.5370)^2)] ≈ [-0.0632; 0.0545]",
    "   ∂L/∂b_1 = δ_1 ≈ [-0.0632; 0.0545]",
    # the update, and the loss after it
    "   W_1⁺ = W_1 - η·∂L/∂W_1 = [(0.1 - 0.1·(-0.0632), 0.2 - 0.1·0.0632); ((-0.3) - 0.1·0.0545, "
    "0.4 - 0.1·(-0.0545))] ≈ [(0.1063, 0.1937); (-0.3054, 0.4054)]",
    "   b_2⁺ = b_2 - η·∂L/∂b_2 = 0.1 - 0.1·(-0.1276) ≈ 0.1128",
    "   L⁺ = (1/2)·(y - o⁺)^2 = (1/2)·(0.5 - 0.4053)^2 ≈ 0.00448",
])
def test_the_tanh_step_key_in_matrix_form(line):
    assert line in render(solve("tanh-221-step"), "text", detail="brief").splitlines()


def test_the_answer_names_each_matrix_as_the_statement():
    # w3 of the scalar work is row 2, column 1 of W_1: its gradient and its new value are entries of ∂L/∂W_1 and
    # W_1⁺, each matrix whole; a single number (b_2, L) by its own name
    answer = render(solve("tanh-221-step"), "text", lang="ru").splitlines()[-1]
    assert "∂L/∂W_1 ≈ [(-0,0632; 0,0632); (0,0545; -0,0545)]; ∂L/∂b_1 ≈ [-0,0632; 0,0545];" in answer
    assert answer.endswith("W_2⁺ ≈ (0,4987; -0,6069); b_2⁺ ≈ 0,1128; L⁺ ≈ 0,00448")
    assert "w3" not in answer and "b_(1,1)" not in answer and "(W_1)_21" not in answer


def test_the_fc_matrices_against_numpy():
    work = solve("fc-equations").work
    W_h, W_y, x = np.array([[1, 0, -1], [0.5, 1, 0]]), np.array([[1, -1]]), np.array([1, 2, 3])
    hidden, output = work.values({**dict(work.point), **dict(work.forward)})
    assert hidden.biases is None and output.biases is None        # the statement writes none: biases = 0
    np.testing.assert_allclose(as_array(hidden.weights), W_h)
    np.testing.assert_allclose(as_array(hidden.sums).ravel(), W_h @ x)
    np.testing.assert_allclose(as_array(hidden.outputs).ravel(), sigmoid(W_h @ x))
    np.testing.assert_allclose(as_array(output.sums).ravel(), W_y @ sigmoid(W_h @ x))
    np.testing.assert_allclose(as_array(output.outputs).ravel(), sigmoid(W_y @ sigmoid(W_h @ x)))


def tanh_loss(W1, b1, W2, b2, x=np.array([1.0, -1.0]), y=0.5):
    return float(np.sum(0.5 * (y - (W2 @ np.tanh(W1 @ x + b1) + b2)) ** 2))


def central(f, A, eps=1e-6) -> np.ndarray:
    """∂f/∂A entry by entry, by central differences."""
    out = np.zeros_like(A)
    for index in np.ndindex(A.shape):
        up, down = A.copy(), A.copy()
        up[index] += eps
        down[index] -= eps
        out[index] = (f(up) - f(down)) / (2 * eps)
    return out


def test_the_tanh_step_matrices_against_numpy_and_central_differences():
    work = solve("tanh-221-step").work
    W1, b1 = np.array([[0.1, 0.2], [-0.3, 0.4]]), np.array([0.0, 0.1])
    W2, b2, eta = np.array([0.5, -0.6]), np.array([0.1]), 0.1
    step = work.run.steps[0]
    first, second = work.values({**dict(step.point), **dict(step.forward)})
    h = np.tanh(W1 @ np.array([1.0, -1.0]) + b1)
    np.testing.assert_allclose(as_array(first.outputs).ravel(), h)
    np.testing.assert_allclose(as_array(second.outputs).ravel(), W2 @ h + b2)
    g1, g2 = work.gradients(step)
    oracle = {"W1": central(lambda A: tanh_loss(A, b1, W2, b2), W1), "b1": central(lambda v: tanh_loss(W1, v, W2, b2), b1),
              "W2": central(lambda v: tanh_loss(W1, b1, v, b2), W2), "b2": central(lambda v: tanh_loss(W1, b1, W2, v), b2)}
    np.testing.assert_allclose(as_array(g1.weights), oracle["W1"], atol=1e-9)
    np.testing.assert_allclose(as_array(g1.biases).ravel(), oracle["b1"], atol=1e-9)
    np.testing.assert_allclose(as_array(g2.weights).ravel(), oracle["W2"], atol=1e-9)
    np.testing.assert_allclose(as_array(g2.biases).ravel(), oracle["b2"], atol=1e-9)
    # δ_1 = (W_2ᵀ δ_2) ⊙ (1 − h ⊙ h) with NumPy's own δ_2 = o − y
    d2 = W2 @ h + b2 - 0.5
    np.testing.assert_allclose(as_array(g1.deltas).ravel(), W2 * d2 * (1 - h * h), atol=1e-12)
    np.testing.assert_allclose(as_array(g1.new_weights), W1 - eta * oracle["W1"], atol=1e-9)
    np.testing.assert_allclose(as_array(g2.new_biases).ravel(), b2 - eta * oracle["b2"], atol=1e-9)


def deep_problem(**changes) -> Problem:
    """A 2-3-2-1 network of sigmoid, ReLU and a linear output, shared biases in the middle layer."""
    data = {"layers": [2, 3, 2, 1], "inputs": [0.5, -1], "targets": [0.25], "shared_biases": False,
            "weights": [[[0.2, -0.4], [0.7, 0.1], [-0.3, 0.5]], [[0.6, -0.2, 0.4], [-0.5, 0.3, 0.8]], [[1.5, -0.7]]],
            "biases": [[0.1, -0.1, 0.2], [0.05, -0.05], 0.3], "activation": ["sigmoid", "relu", "identity"],
            "loss": "half-se", "learning_rate": 0.2, "find": ["forward", "L", "gradients", "updated", "L+"],
            "form": "matrix", "matrices": {"outputs": ["a", "r", "yhat"]}, **changes}
    return Problem("deep", "network", "t", {"en": "…", "ru": "…"}, data)


def test_a_deeper_network_in_matrix_form_against_central_differences():
    work = solve(deep_problem()).work
    data = deep_problem().data
    Ws = [np.array(W, dtype=float) for W in data["weights"]]
    bs = [np.array(b, dtype=float).ravel() for b in data["biases"]]
    x, y = np.array(data["inputs"]), data["targets"][0]
    acts = [sigmoid, lambda z: np.maximum(0, z), lambda z: z]

    def loss(Ws, bs):
        a = x
        for W, b, f in zip(Ws, bs, acts):
            a = f(W @ a + b)
        return 0.5 * (y - a[0]) ** 2
    step = work.run.steps[0]
    for l, g in enumerate(work.gradients(step)):
        def by_W(A, l=l):
            return loss([A if k == l else W for k, W in enumerate(Ws)], bs)

        def by_b(v, l=l):
            return loss(Ws, [v if k == l else b for k, b in enumerate(bs)])
        np.testing.assert_allclose(as_array(g.weights), central(by_W, Ws[l]), atol=1e-8)
        np.testing.assert_allclose(as_array(g.biases).ravel(), central(by_b, bs[l]), atol=1e-8)
    text = render(solve(deep_problem()), "text", detail="brief")
    # the layers named as the problem names them; ReLU's slope H(z) as its value 0 or 1
    assert "   δ_2 = (W_3ᵀ·δ_3) ⊙ H(z_2) = [1.5·0.7086·1; (-0.7)·0.7086·1] ≈ [1.0628; -0.4960]" in text
    assert "   r = max(0, z_2) ≈ [0.4857; 0.0999]" in text
    assert "   δ_3 = ŷ - y = 0.9586 - 0.25 ≈ 0.7086" in text        # ŷ: one character, as in notes and statements


@pytest.mark.parametrize("format", ["text", "latex", "md", "html", "json"])
@pytest.mark.parametrize("lang", ["en", "ru"])
@pytest.mark.parametrize("problem_id", ["fc-equations", "tanh-221-step"])
def test_every_format_and_language(problem_id, format, lang):
    out = render(solve(problem_id), format, lang=lang, detail="brief")
    for artefact in ("**2", "Abs(", "True", "sigmoid(", "Matrix(", "\\left(\\right)"):     # JSON gives SymPy's forms too
        assert format == "json" or artefact not in out.replace("**Answer", "").replace("**Ответ", "")
    if format == "json":
        work = json.loads(out)["work"]
        assert work["form"] == "matrix" and "work" in work
    if format == "latex":          # the product entry by entry, in the statement's names
        assert r"W_{h} \vec{x} = \left(\begin{matrix}1 \cdot 1 + 0 \cdot 2 + (-1) \cdot 3" in out \
            if problem_id == "fc-equations" else r"\left(W^{T}_{2}" not in out
    if lang == "ru" and format == "text":
        assert "0,5" in out and "0.5" not in out.split("Ответ")[0].split("\n", 1)[1]


@pytest.mark.parametrize("changes, error", [
    # only forward and network problems have a matrix form
    ({"kind": "perceptron"}, None),
    # one name per layer
    ({"matrices": {"weights": ["W_1"]}}, "matrices: weights names 1 layers; the network has 3"),
    ({"matrices": {"colours": ["W"]}}, "matrices: colours: unknown (matrices names input, weights, biases, sums, "
                                       "outputs, deltas)"),
    # the step it writes is SGD's
    ({"optimizer": "adam"}, 'optimizer: form = "matrix" writes the step of sgd, gd, not adam'),
    ({"form": "table"}, "form: 'table' is not one of scalar, matrix"),
])
def test_the_bank_refuses_a_matrix_form_it_cannot_write(changes, error):
    entry = {"id": "deep", "kind": "network", "statement": {"en": "…"}, **deep_problem().data}
    entry.update(changes)
    errors = problem_errors(entry)
    if error is None:      # a perceptron problem knows neither field
        assert "form: unknown field for a perceptron problem" in errors
    else:
        assert error in errors


def test_a_long_run_in_matrix_form_shows_the_loss_before_each_later_step():
    # eight steps: the first in matrices, the others as the loss before each (as the scalar key shows them)
    data = {"layers": [2, 2, 1], "inputs": [1, -1], "targets": [0.5], "weights": [[[0.1, 0.2], [-0.3, 0.4]], [[0.5, -0.6]]],
            "biases": [[0, 0.1], 0.1], "activation": ["tanh", "identity"], "loss": "half-se", "learning_rate": 0.1,
            "steps": 8, "find": ["L", "L+"], "form": "matrix"}
    lines = render(solve(Problem("long", "network", "t", {"en": "…"}, data)), "text", detail="brief").splitlines()
    assert "Steps 2 to 8 are worked in the same way, with 50-digit decimals; the loss before the step:" in lines
    assert "2     ≈ 0.00448" in lines           # L⁺ of one step (tanh-221-step) is the loss before the second
    assert lines[-1] == "Answer: L ≈ 0.00814; L⁺ ≈ 0.0000674"


SOFTMAX = {"layers": [2, 3], "inputs": [1, -1], "targets": [0, 1, 0], "weights": [[[0.2, -0.5], [1.5, 1.3], [0, 0.25]]],
           "biases": "none", "activation": "identity", "loss": "softmax-ce", "find": ["L", "dL/dw1"],
           "form": "matrix", "matrices": {"weights": ["W"], "outputs": ["s"]}}


@pytest.mark.parametrize("changes, lang, lines", [
    # the class scores named s by the statement: the loss and the output's δ in s_1, s_2, s_3, not o1, o2, o3;
    # s = Wx = (0.7, 0.2, −0.25), L = ln Σ e^(s_j) − s_2
    ({}, "en", ["Training by hand in matrix form: 2-3 network, activations by layer: identity; "
                "loss L = ln(e^(s_1) + e^(s_2) + e^(s_3)) - s_2",
                "   L = ln(e^(s_1) + e^(s_2) + e^(s_3)) - s_2 = ln(e^(0.7) + e^(0.2) + e^(-0.25)) - 0.2 ≈ 1.1898"]),
    ({}, "ru", ["   L = ln(e^(s_1) + e^(s_2) + e^(s_3)) - s_2 = ln(e^(0,7) + e^(0,2) + e^(-0,25)) - 0,2 ≈ 1,1898"]),
    # after a step, the scores s⁺ in the loss L⁺
    ({"steps": 1, "learning_rate": 0.5}, "en",
     ["   L⁺ = ln(e^(s_1⁺) + e^(s_2⁺) + e^(s_3⁺)) - s_2⁺ = ln(e^(0.1983) + e^(0.8957) + e^(-0.4440)) - 0.8957 ≈ 0.5652"]),
])
def test_the_outputs_named_by_the_problem_name_the_loss(changes, lang, lines):
    problem = Problem("softmax", "network", "t", {"en": "…", "ru": "…"}, {**SOFTMAX, **changes})
    printed = render(solve(problem), "text", lang=lang, detail="brief").splitlines()
    for line in lines:
        assert line in printed
    assert not any("o1" in line or "o2" in line for line in printed)
    # the oracle: NumPy's softmax cross-entropy of the scores Wx, class 2
    s = np.array([[0.2, -0.5], [1.5, 1.3], [0, 0.25]]) @ np.array([1.0, -1.0])
    assert float(solve(problem).answer[0]) == pytest.approx(np.log(np.exp(s).sum()) - s[1])
