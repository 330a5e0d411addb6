"""A bank note says what its key does not (a check, a pitfall, the meaning), never the answer again: the exact
notes in English and Russian, and every fact they state checked against NumPy, SymPy or a hand-written loop."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp

from symnn import render
from symnn.problems.solve import solve

NOTES = {
    ("two-layer-grad", "en"): "Note. A check by shapes: ∂L/∂W_1 must have the shape of W_1, d × h; here X^T is d × 1 and "
    "the entrywise product after it is 1 × h, so their product is d × h. The slide slips in the last factor: the "
    "derivative of XW_1 by W_1 brings in the input X, not W_1.",
    ("two-layer-grad", "ru"): "Примечание. Проверка по размерам: ∂L/∂W_1 должна иметь размер W_1, то есть d × h; здесь "
    "X^T имеет размер d × 1, а поэлементное произведение после него — размер 1 × h, так что их произведение имеет "
    "размер d × h. Ошибка слайда — в последнем множителе: производная XW_1 по W_1 даёт вход X, а не W_1.",
    ("linreg-grad", "en"): "Note. Both are one formula if the bias is the weight of a constant input x_0 = 1: "
    "∂L/∂w_j = 2(\u0177 - y)x_j, the error times the input the weight multiplies. A check of the sign: for \u0177 > y "
    "and x > 0 both derivatives are positive, so a step against the gradient lowers w and b, and \u0177 with them.",
    ("linreg-grad", "ru"): "Примечание. Если считать смещение весом постоянного входа x_0 = 1, обе производные — одна "
    "формула ∂L/∂w_j = 2(\u0177 - y)x_j: ошибка, умноженная на вход при этом весе. Проверка знака: при \u0177 > y и "
    "x > 0 обе производные положительны, поэтому шаг против градиента уменьшает w и b, а вместе с ними и \u0177.",
    ("least-squares-half", "en"): "Note. A zero gradient is enough here because f is convex: A^T A is positive "
    "definite (the columns of A are independent), so x\u0302 is the only minimum. A pitfall: with 1/2 in front the "
    "factor 2 of the derivative of ‖Ax - b‖^2 cancels, so ∇ f = A^T(Ax - b), not 2A^T(Ax - b).",
    ("least-squares-half", "ru"): "Примечание. Нулевого градиента здесь достаточно, потому что f выпукла: матрица "
    "A^T A положительно определена (столбцы A линейно независимы), поэтому x\u0302 — единственная точка минимума. "
    "Частая ошибка: множитель 1/2 сокращает двойку из производной ‖Ax - b‖^2, так что ∇ f = A^T(Ax - b), "
    "а не 2A^T(Ax - b).",
    ("mazur-221-shared-biases", "en"): "Note. For comparison: the example itself leaves the biases at b_1 = 0.35 and "
    "b_2 = 0.60, and its error after the step is 0.291027774; moving the shared biases as well lowers the error further.",
    ("mazur-221-shared-biases", "ru"): "Примечание. Для сравнения: в самом примере смещения остаются равными b_1 = 0,35 "
    "и b_2 = 0,60, и ошибка после шага равна 0,291027774; если сдвигать и общие смещения, ошибка становится ещё меньше.",
}


@pytest.mark.parametrize("problem_id, lang", list(NOTES))
def test_the_note_says_what_the_key_does_not(problem_id, lang):
    printed = render(solve(problem_id), "text", lang=lang, detail="brief").splitlines()
    assert printed[-1] == NOTES[problem_id, lang]
    answer = next(line for line in printed if line.startswith(("Answer:", "Ответ:")))
    # the note does not write the answer again: none of the answer's formulas or numbers after the label
    parts = [part.strip() for part in answer.split(":", 1)[1].replace("≈", ";").split(";") if len(part.strip()) > 4]
    assert not any(part in printed[-1] for part in parts)


def test_the_two_layer_gradient_has_the_shape_of_w1_and_is_the_derivative():
    # X 1×d, W₁ d×h, W₂ h×1: Xᵀ (d×1) times W₂ᵀ ⊙ σ′(XW₁) (1×h) is d×h; central differences agree with it
    rng = np.random.default_rng(0)
    d, h = 3, 4
    X, W1, W2, y = rng.normal(size=(1, d)), rng.normal(size=(d, h)), rng.normal(size=(h, 1)), 0.7
    s = lambda z: 1 / (1 + np.exp(-z))                                   # noqa: E731
    loss = lambda W: 0.5 * (y - (s(X @ W) @ W2)[0, 0]) ** 2              # noqa: E731
    A = X @ W1
    grad = -(y - (s(A) @ W2)[0, 0]) * X.T @ (W2.T * s(A) * (1 - s(A)))
    assert grad.shape == W1.shape == (d, h)
    eps, numeric = 1e-6, np.zeros_like(W1)
    for j in range(d):
        for k in range(h):
            E = np.zeros_like(W1)
            E[j, k] = eps
            numeric[j, k] = (loss(W1 + E) - loss(W1 - E)) / (2 * eps)
    assert np.allclose(grad, numeric, atol=1e-8)


def test_linear_regression_signs():
    # for ŷ = wx + b > y and x > 0: ∂L/∂w = 2(ŷ − y)x > 0 and ∂L/∂b = 2(ŷ − y) > 0 (sympy.diff of (wx + b − y)²)
    w, x, b, y = sp.symbols("w x b y", real=True)
    L = (w * x + b - y) ** 2
    at = {w: 2, x: 3, b: 1, y: 4}                 # ŷ = 7 > y = 4, x = 3 > 0
    assert sp.diff(L, w).subs(at) == 18 and sp.diff(L, b).subs(at) == 6


def test_least_squares_half_is_convex():
    # AᵀA positive definite: its eigenvalues (4 and 6) are positive, A has rank 2
    A = np.array([[2, 0], [-1, 1], [0, 2]])
    assert np.linalg.matrix_rank(A) == 2
    assert np.allclose(sorted(np.linalg.eigvalsh(A.T @ A)), [4, 6])


def test_the_shared_biases_lower_the_error_after_the_step():
    # a hand-written loop over Mazur's 2-2-2 network, η = 0.5: biases left as they are, then shared and moved
    sigma = lambda z: 1 / (1 + np.exp(-z))                               # noqa: E731
    i, t = np.array([0.05, 0.10]), np.array([0.01, 0.99])
    W1, W2 = np.array([[0.15, 0.20], [0.25, 0.30]]), np.array([[0.40, 0.45], [0.50, 0.55]])

    def error(W1, W2, b1, b2):
        out = sigma(W2 @ sigma(W1 @ i + b1) + b2)
        return 0.5 * float(((t - out) ** 2).sum())

    h = sigma(W1 @ i + 0.35)
    o = sigma(W2 @ h + 0.60)
    do = (o - t) * o * (1 - o)
    dh = (W2.T @ do) * h * (1 - h)
    W1n, W2n = W1 - 0.5 * np.outer(dh, i), W2 - 0.5 * np.outer(do, h)
    frozen = error(W1n, W2n, 0.35, 0.60)
    shared = error(W1n, W2n, 0.35 - 0.5 * dh.sum(), 0.60 - 0.5 * do.sum())
    assert f"{frozen:.9f}" == "0.291027774" and f"{shared:.9f}" == "0.285750887" and shared < frozen
