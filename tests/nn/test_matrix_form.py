"""Matrix-form gradients against the scalar form, entry by entry."""

import pytest

from symnn import render, solve
from symnn.nn.matrix_form import IDENTITIES, Claim, _scalar_gradient, check_identity, symbolic_matrix
from symnn.render import FORMATS


@pytest.mark.parametrize("name", IDENTITIES)
def test_the_course_formulas_hold(name):
    check = check_identity(name)
    assert all(c.holds for c in check.claims if c.name == "course")


def test_the_slide_formula_is_caught():
    slide = {c.name: c for c in check_identity("two-layer").claims}["slide"]
    assert not slide.holds and slide.value.shape == (1, 2) and slide.scalar.shape == (2, 2)


def test_the_delta_one_layer_down_needs_the_activation_slope():
    claims = {c.name: c for c in check_identity("dense-backward").claims}
    assert claims["course"].holds and not claims["without f'"].holds


def test_a_wrong_formula_of_the_right_shape_is_caught():
    # ½‖XW‖²: twice the right gradient has the right shape but wrong entries
    X, W = symbolic_matrix("x", 2, 3), symbolic_matrix("w", 3, 2)
    loss = sum(v ** 2 for v in X * W) / 2
    assert not Claim("doubled", "", 2 * X.T * (X * W), _scalar_gradient(loss, W)).holds
    assert Claim("right", "", X.T * (X * W), _scalar_gradient(loss, W)).holds


def test_unknown_identity():
    with pytest.raises(ValueError, match="unknown matrix identity"):
        check_identity("trace-trick")


@pytest.mark.parametrize("format", FORMATS)
def test_renders(format):
    for lang in ("en", "ru"):
        assert render(solve("two-layer-grad"), format, lang=lang).strip()
