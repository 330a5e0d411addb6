"""A network problem with weight decay (d2l §5.3: J = L + (λ/2)(‖W¹‖² + ‖W²‖²), the biases not penalised): the
gradients the key gives are central differences of J computed with NumPy, J is worked out with its numbers, each
weight's gradient adds λw (en and ru), an update steps along ∂J/∂w, and a bad λ is refused with the field named."""

from __future__ import annotations

import numpy as np
import pytest

from symnn import render
from symnn.problems.bank import BankError, load_bank
from symnn.problems.solve import solve

W1, B1 = np.array([[0.5, -1.0], [1.0, 0.5]]), np.array([0.25, -0.5])
W2, B2 = np.array([[1.0, -0.5]]), np.array([0.1])
X, Y, LAMBDA = np.array([1.0, 2.0]), np.array([1.0]), 0.1


def problem(**fields) -> str:
    data = {"id": '"decay"', "kind": '"network"', "layers": "[2, 2, 1]", "inputs": "[1, 2]", "targets": "[1]",
            "weights": "[[[0.5, -1], [1, 0.5]], [[1, -0.5]]]", "biases": "[[0.25, -0.5], 0.1]", "activation": '["tanh", "identity"]',
            "loss": '"half-se"', "weight_decay": "0.1", "steps": "0",
            "find": '["L", "J", "dL/dw1", "dL/dw4", "dL/dw6", "dL/db1"]',
            "statement.en": "'With weight decay $\\lambda = 0.1$ find $L$, $J$ and the gradients.'",
            "statement.ru": "'При затухании весов $\\lambda = 0{,}1$ найдите $L$, $J$ и градиенты.'", **fields}
    return "title.en = 'Decay'\ntitle.ru = 'Затухание'\n\n[[problem]]\n" + "".join(f"{k} = {v}\n" for k, v in data.items() if v)


@pytest.fixture(scope="module")
def bank(tmp_path_factory):
    folder = tmp_path_factory.mktemp("decay")
    (folder / "decay.toml").write_text(problem(), encoding="utf-8")
    return folder


def penalised(params: np.ndarray) -> float:
    """J of the 2-2-1 tanh network (weights w1..w6 and biases b1, b2, b3 flat, in symnn's order)."""
    w1, w2, b = params[:4].reshape(2, 2), params[4:6].reshape(1, 2), params[6:]
    o = w2 @ np.tanh(w1 @ X + b[:2]) + b[2]
    return float(0.5 * np.sum((o - Y) ** 2) + LAMBDA / 2 * (np.sum(w1 ** 2) + np.sum(w2 ** 2)))


def test_the_gradients_are_central_differences_of_the_penalised_loss(bank):
    answer = [float(v) for v in solve("decay", bank).answer]
    params = np.concatenate([W1.ravel(), W2.ravel(), B1, B2])
    h = 1e-6

    def slope(k):
        step = np.eye(len(params))[k] * h
        return (penalised(params + step) - penalised(params - step)) / (2 * h)
    o = W2 @ np.tanh(W1 @ X + B1) + B2
    assert answer[0] == pytest.approx(float(0.5 * np.sum((o - Y) ** 2)), abs=1e-9)        # L, without the penalty
    assert answer[1] == pytest.approx(penalised(params), abs=1e-9)                         # J
    # w1, w4, w6 and b1 (index 6 of the flat parameters): the bias gains nothing from the penalty
    assert answer[2:] == pytest.approx([slope(0), slope(3), slope(5), slope(6)], abs=1e-6)


@pytest.mark.parametrize("lang, lines", [
    # the penalty said, J worked with its numbers, λw in each weight's gradient, none in a bias's, ∂J/∂ in the answer
    ("en", ["Weight decay, λ = 0.1: the loss gains (λ/2) times the sum of the squared weights (the biases are not "
            "penalised), so the gradient of each weight w gains λ·w:",
            "J = L + (λ/2)·(w1^2 + w2^2 + w3^2 + w4^2 + w5^2 + w6^2) = 2.4219 + (0.1/2)·(0.5^2 + (-1)^2 + 1^2 + 0.5^2 + 1^2 + "
            "(-0.5)^2) ≈ 2.6094",
            "w6         δ_o1·h2 + λ·w6  (-2.2009)·0.9051 + 0.1·(-0.5)  ≈ -2.0421",
            "b1         δ_h1                                           ≈ -0.6172",
            "Answer: L ≈ 2.4219; J ≈ 2.6094; ∂J/∂w1 ≈ -0.5672; ∂J/∂w4 ≈ 0.4477; ∂J/∂w6 ≈ -2.0421; ∂J/∂b1 ≈ -0.6172"]),
    # Russian: the phrase, decimal commas and ';' between numbers
    ("ru", ["Затухание весов, λ = 0,1: к функции потерь добавляется (λ/2), умноженное на сумму квадратов весов (смещения "
            "не штрафуются), поэтому градиент каждого веса w получает слагаемое λ·w:",
            "J = L + (λ/2)·(w1^2 + w2^2 + w3^2 + w4^2 + w5^2 + w6^2) = 2,4219 + (0,1/2)·(0,5^2 + (-1)^2 + 1^2 + 0,5^2 + 1^2 + "
            "(-0,5)^2) ≈ 2,6094",
            "Ответ: L ≈ 2,4219; J ≈ 2,6094; ∂J/∂w1 ≈ -0,5672; ∂J/∂w4 ≈ 0,4477; ∂J/∂w6 ≈ -2,0421; ∂J/∂b1 ≈ -0,6172"]),
])
def test_the_key_works_out_the_penalty(bank, lang, lines):
    key = render(solve("decay", bank), "text", lang=lang, detail="brief").splitlines()
    assert all(line in key for line in lines), key


def test_an_update_steps_along_the_penalised_gradient(tmp_path):
    (tmp_path / "decay.toml").write_text(problem(steps="1", learning_rate="0.5", find='["w1+"]'), encoding="utf-8")
    gradient = float(solve("decay", _bank(tmp_path, steps="0", find='["dL/dw1"]')).answer[0])
    assert float(solve("decay", tmp_path).answer[0]) == pytest.approx(0.5 - 0.5 * gradient, abs=1e-12)


def _bank(tmp_path, **fields):
    folder = tmp_path / "other"
    folder.mkdir(exist_ok=True)
    (folder / "decay.toml").write_text(problem(**fields), encoding="utf-8")
    return folder


@pytest.mark.parametrize("value, said", [
    ("-0.1", "weight_decay: -0.1 is not λ"),               # a negative λ
    ('"a lot"', "weight_decay: 'a lot' is not λ"),         # text that is no number
    ("[0.1]", "weight_decay: expected a number"),          # a list
])
def test_a_bad_lambda_is_refused_with_the_field(tmp_path, value, said):
    (tmp_path / "decay.toml").write_text(problem(weight_decay=value), encoding="utf-8")
    with pytest.raises(BankError, match=said.replace("[", r"\[")):
        load_bank(tmp_path)


@pytest.mark.parametrize("fields, said", [
    ({"targets": "", "loss": "", "steps": "", "find": '["o1"]'}, "weight_decay: a network without targets"),  # no loss to add to
])
def test_weight_decay_where_it_cannot_be_keyed_is_refused(tmp_path, fields, said):
    (tmp_path / "decay.toml").write_text(problem(**fields), encoding="utf-8")
    with pytest.raises(BankError, match=said):
        load_bank(tmp_path)
