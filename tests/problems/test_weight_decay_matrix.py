"""A network problem with weight_decay in form = "matrix": each weight matrix's gradient is ∂J/∂W = δaᵀ + λW (the
biases not penalised), the step W⁺ = W − η∂J/∂W. Oracle: the forward and backward pass in NumPy; the key's lines in
English and Russian; the checker on the key's answer."""

from __future__ import annotations

import numpy as np
import pytest

from symnn.answers.check import check_answer, check_bank_answer
from symnn.problems.solve import question_options, solve
from symnn.render import render

LAMBDA, ETA = 0.01, 0.1


def numpy_step():
    """The 2-2-1 tanh network of weight-decay-matrix-step by hand: J = ½(y − o)² + (λ/2)(‖W_1‖² + ‖W_2‖²)."""
    W1, b1 = np.array([[0.1, 0.2], [-0.3, 0.4]]), np.array([0, 0.1])
    W2, b2 = np.array([[0.5, -0.6]]), np.array([0.1])
    x, y = np.array([1.0, -1.0]), np.array([0.5])
    h = np.tanh(W1 @ x + b1)
    o = W2 @ h + b2
    d2 = o - y
    d1 = (W2.T @ d2) * (1 - h * h)
    gW1, gW2 = np.outer(d1, x) + LAMBDA * W1, np.outer(d2, h) + LAMBDA * W2
    return [gW1, d1, gW2, d2, W1 - ETA * gW1, b1 - ETA * d1, W2 - ETA * gW2, b2 - ETA * d2]


def in_answer_order(values) -> list:
    """The key's order, neuron by neuron: the weights into a neuron, then its bias; the gradients, then the updates."""
    gW1, gb1, gW2, gb2, W1, b1, W2, b2 = values
    return [v for W, b in ((gW1, gb1), (gW2, gb2), (W1, b1), (W2, b2)) for j in range(len(b)) for v in (*W[j], b[j])]


def test_the_key_agrees_with_numpy():
    answer = solve("weight-decay-matrix-step").answer
    expected = np.array(in_answer_order(numpy_step()))
    assert np.allclose(np.array(answer, dtype=float), expected, atol=1e-12)


@pytest.mark.parametrize("lang, lines", [
    ("en", ["Weight decay, λ = 0.01:", "∂J/∂W_1 = δ_1·xᵀ + λ·W_1 = ", "W_2⁺ = W_2 - η·∂J/∂W_2 = ", "Answer: ∂J/∂W_1 ≈ "]),
    ("ru", ["Затухание весов, λ = 0,01:", "∂J/∂W_1 = δ_1·xᵀ + λ·W_1 = ", "Ответ: ∂J/∂W_1 ≈ "]),
])
def test_the_key_writes_lambda_w_in_each_weight_gradient(lang, lines):
    text = render(solve("weight-decay-matrix-step"), "text", lang=lang, detail="brief")
    for line in lines:
        assert line in text, text
    assert "∂J/∂W_2 = δ_2·hᵀ + λ·W_2" in text


@pytest.mark.parametrize("lang, start", [
    # the sentence of λ is followed by the objective it speaks of, its numbers put in: ‖W‖² = the entries squared, summed
    ("en", "J = L + (λ/2)·(‖W_1‖^2 + ‖W_2‖^2) = 0.00814 + (0.01/2)·(0.3 + 0.61) ≈ "),
    ("ru", "J = L + (λ/2)·(‖W_1‖^2 + ‖W_2‖^2) = 0,00814 + (0,01/2)·(0,3 + 0,61) ≈ "),
])
def test_the_key_writes_the_objective_j_after_lambda(lang, start):
    text = render(solve("weight-decay-matrix-step"), "text", lang=lang, detail="brief")
    lines = text.splitlines()
    decay = next(i for i, line in enumerate(lines) if line.startswith(("Weight decay", "Затухание весов")))
    assert lines[decay + 1].startswith(start), text
    W1, b1, W2, b2 = np.array([[0.1, 0.2], [-0.3, 0.4]]), np.array([0, 0.1]), np.array([0.5, -0.6]), 0.1
    o = W2 @ np.tanh(W1 @ np.array([1.0, -1.0]) + b1) + b2
    J = (0.5 - o) ** 2 / 2 + LAMBDA / 2 * ((W1 ** 2).sum() + (W2 ** 2).sum())
    assert float(lines[decay + 1].removeprefix(start).replace(",", ".")) == pytest.approx(J, rel=5e-3)


def test_a_gradient_without_the_decay_is_not_right():
    """The scalar key's numbers in the statement's names: ∂L/∂W without λW is refused."""
    solution = solve("weight-decay-matrix-step")
    values = numpy_step()
    values[0] = values[0] - LAMBDA * np.array([[0.1, 0.2], [-0.3, 0.4]])       # λW_1 left out
    typed = ", ".join(f"{v:.6f}" for v in in_answer_order(values))
    assert check_answer(solution.answer, typed, **question_options(solution.problem)).correct is False
    right = ", ".join(f"{v:.6f}" for v in in_answer_order(numpy_step()))
    assert check_answer(solution.answer, right, **question_options(solution.problem)).correct is True


@pytest.mark.parametrize("top", ["J", "L"])
def test_the_gradients_are_read_by_their_labels_with_j_or_l(top):
    """The key labels them ∂J/∂W_1; a student may write dJ/dW_1 or dL/dW_1, as in the scalar key."""
    gW1, gb1, gW2, gb2, W1, b1, W2, b2 = numpy_step()

    def row(a):
        return "(" + ", ".join(f"{v:.6f}" for v in a.ravel()) + ")"
    typed = (f"d{top}/dW_1 = [{row(gW1[0])}, {row(gW1[1])}]; d{top}/db_1 = {row(gb1)}; d{top}/dW_2 = {row(gW2)}; "
             f"d{top}/db_2 = {gb2[0]:.6f}; W_1 = [{row(W1[0])}, {row(W1[1])}]; b_1 = {row(b1)}; W_2 = {row(W2)}; b_2 = {b2[0]:.6f}")
    verdict = check_bank_answer("weight-decay-matrix-step", typed)
    assert verdict.correct is True, verdict.feedback
