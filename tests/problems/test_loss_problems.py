"""Losses on data (seeds 000 and 003): the bank's keys against the course's own NumPy code."""

import numpy as np
import pytest

from symnn.problems.solve import answer_value, solve


def mean_absolute_percentage_error(y, pred):
    return 100 * np.mean(np.abs(y - pred) / y)


def binary_cross_entropy(y, pred):          # seed 003, its labels Cat = 1 and the first column of pred
    y = np.array([1 if el == "Cat" else 0 for el in y])
    pred = np.array([el[0] for el in pred])
    CE = -y * np.log(pred) - (1 - y) * np.log(1 - pred)
    return CE.mean()


def test_mape_on_the_table_of_seed_003():
    value = mean_absolute_percentage_error(np.array([1.1, 2, 1.7]), np.array([1, 1.7, 1.5]))
    assert answer_value(solve("mape").answer) == pytest.approx(value, rel=1e-15)


def test_bce_over_n_samples():
    y, p = np.array([1, 0, 1, 1, 0]), np.array([0.9, 0.2, 0.6, 0.75, 0.4])
    value = -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))
    assert answer_value(solve("bce-n").answer) == pytest.approx(value, rel=1e-15)


def test_the_course_s_binary_cross_entropy_on_dogs_and_cats_is_its_cross_entropy():
    y = ["Dog", "Cat", "Cat", "Dog"]
    pred = [[.1, .9], [.9, .1], [.8, .2], [.35, .65]]
    value = binary_cross_entropy(y, pred)
    assert answer_value(solve("bce-dog-cat").answer) == pytest.approx(value, rel=1e-15)
    assert answer_value(solve("ce").answer) == pytest.approx(value, rel=1e-15)
    assert value == pytest.approx(solve("bce-dog-cat").problem.published, rel=1e-15)


def test_a_loss_the_bank_does_not_know_is_refused_when_the_file_is_read():
    from symnn.problems.schema import problem_errors
    entry = {"id": "huber", "kind": "loss", "loss": "huber", "y": [1, 0], "pred": [0.5, 0.5],
             "statement": {"en": "x", "ru": "x"}}
    assert problem_errors(entry) == ["loss: 'huber' is not one of mse, mae, rmse, mape, bce, ce, hinge, svm, softmax-ce"]
