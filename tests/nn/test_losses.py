"""Loss values on the course's data, exact, against the published numbers."""

import pytest
import sympy as sp

from symnn import render, solve
from symnn.nn.losses import loss_formula, loss_value, predictions, targets
from symnn.render import FORMATS


@pytest.mark.parametrize("problem_id", ["5.1", "mae", "mse", "rmse", "ce"])
def test_published_values(problem_id):
    solution = solve(problem_id)
    assert float(solution.answer) == pytest.approx(solution.problem.published, abs=5e-7)


def test_values_are_exact():
    assert solve("mse").answer == sp.Rational(7, 150)
    assert solve("rmse").answer == sp.sqrt(42) / 30
    assert solve("5.1").answer == 15


def test_mse_gradient_by_prediction():
    y, p = targets(3), predictions(3)
    gradient = sp.diff(loss_formula("mse", 3), p[0])
    assert sp.simplify(gradient - 2 * (p[0] - y[0]) / 3) == 0


def test_bce_on_one_sample():
    value = loss_value("bce", [1], ["0.9"]).value
    assert value == -sp.log(sp.Rational(9, 10))


def test_mismatched_data_is_refused():
    with pytest.raises(ValueError, match="3 targets for 2 predictions"):
        loss_value("mse", [1, 2, 3], [1, 2])
    with pytest.raises(ValueError, match="unknown loss"):
        loss_formula("huber", 2)


@pytest.mark.parametrize("format", FORMATS)
def test_renders(format):
    for lang in ("en", "ru"):
        assert render(solve("ce"), format, lang=lang).strip()
