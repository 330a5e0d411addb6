"""Hand-written NumPy backpropagation: the baseline the compiled models are tested and timed against.

Nothing here is derived; it is the code a person writes after the lecture,
with the same parameter dicts as the models so results can be compared
number for number. The sigmoid is the course's naive 1/(1 + e^(−z)); the
inputs used with it stay far from overflow.
"""

from __future__ import annotations

import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def net221_mse(params: dict, X: np.ndarray, Y: np.ndarray):
    """Seed 002's 2-2-1 sigmoid network with L = mean (y − o1)², vectorised over the batch."""
    p = params
    x1, x2, y = X[:, 0], X[:, 1], Y[:, 0]
    h1 = sigmoid(p["w1"] * x1 + p["w2"] * x2 + p["b1"])
    h2 = sigmoid(p["w3"] * x1 + p["w4"] * x2 + p["b2"])
    o1 = sigmoid(p["w5"] * h1 + p["w6"] * h2 + p["b3"])
    n = X.shape[0]
    d_o = -2 * (y - o1) * o1 * (1 - o1) / n           # ∂L/∂(sum_o1)
    d_h1 = d_o * p["w5"] * h1 * (1 - h1)
    d_h2 = d_o * p["w6"] * h2 * (1 - h2)
    grads = {"w1": d_h1 @ x1, "w2": d_h1 @ x2, "b1": d_h1.sum(),
             "w3": d_h2 @ x1, "w4": d_h2 @ x2, "b2": d_h2.sum(),
             "w5": d_o @ h1, "w6": d_o @ h2, "b3": d_o.sum()}
    return np.mean((y - o1) ** 2), grads


def dense_softmax_ce(params: dict, X: np.ndarray, Y: np.ndarray):
    """A sigmoid hidden layer and a softmax output with cross-entropy, for one-hot Y."""
    W1, b1, W2, b2 = params["W1"], params["b1"], params["W2"], params["b2"]
    n = X.shape[0]
    H = sigmoid(X @ W1 + b1)
    Z = H @ W2 + b2
    E = np.exp(Z - Z.max(axis=1, keepdims=True))
    P = E / E.sum(axis=1, keepdims=True)
    loss = -np.sum(Y * np.log(P)) / n
    D2 = (P - Y) / n
    D1 = (D2 @ W2.T) * H * (1 - H)
    return loss, {"W1": X.T @ D1, "b1": D1.sum(axis=0), "W2": H.T @ D2, "b2": D2.sum(axis=0)}


def sgd_221(params: dict, X: np.ndarray, Y: np.ndarray, epochs: int, learning_rate: float) -> dict:
    """Seed 002's training loop: one observation at a time, in order."""
    p = dict(params)
    for _ in range(epochs):
        for i in range(X.shape[0]):
            _, grads = net221_mse(p, X[i:i + 1], Y[i:i + 1])
            p = {k: p[k] - learning_rate * grads[k] for k in p}
    return p


def adam(params: dict, grads: dict, state: dict, t: int, eta=0.001, beta1=0.9, beta2=0.999, eps=1e-8) -> dict:
    """Kingma and Ba's Adam, one step; ``state`` holds (m, v) per parameter and is updated."""
    new = {}
    for k, g in grads.items():
        m, v = state.get(k, (0.0, 0.0))
        m = beta1 * m + (1 - beta1) * g
        v = beta2 * v + (1 - beta2) * g * g
        state[k] = (m, v)
        new[k] = params[k] - eta * (m / (1 - beta1 ** t)) / (np.sqrt(v / (1 - beta2 ** t)) + eps)
    return new
