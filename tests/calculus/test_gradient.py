"""Gradients at a point: exact values, every partial derivation verified."""

import pytest
import sympy as sp

from symnn import diff_steps, gradient_steps, value_at
from symnn.calculus.parse import ParseError

x, y, z = sp.symbols("x y z", real=True)


def test_partials_are_verified_derivations():
    gradient = gradient_steps(x * y + y * z ** 2 + sp.cos(z) / x, [x, y, z])
    assert gradient.vector == (y - sp.cos(z) / x ** 2, x + z ** 2, 2 * y * z - sp.sin(z) / x)
    for step in gradient.partials:
        assert not step.failures()


@pytest.mark.parametrize("at", [
    "x=2, y=1/3, z=0",                                   # text
    {"x": 2, "y": sp.Rational(1, 3), "z": 0},            # a mapping by name
    {x: 2, y: "1/3", z: 0},                              # a mapping by symbol, values as text
    (2, sp.Rational(1, 3), 0),                           # coordinates in the order of the variables
])
def test_point_forms_give_exact_values(at):
    gradient = gradient_steps("5x^3 + 3/y^2 + sin(z)", "x, y, z", at=at)
    assert gradient.values == (60, -162, 1)


def test_a_float_point_is_taken_at_its_decimal_value():
    # 0.5 is exactly 1/2; a float such as 1/3 = 0.333... stays the decimal it is
    assert gradient_steps("x^2", "x", at={"x": 0.5}).values == (1,)


def test_default_variables_are_all_free_symbols_by_name():
    assert gradient_steps("z*x + y").variables == (x, y, z)


def test_undefined_value_is_nan():
    assert gradient_steps("1/x", "x", at="x=0").values == (sp.nan,)


def test_value_at_a_point():
    assert value_at(diff_steps("exp(3x)", "x"), "x=0").value == 3


@pytest.mark.parametrize("at, message", [
    ("x=1", "no value for y"),
    ((1, 2, 3), "3 coordinates for 2 variables"),
    ({"x": "y", "y": 1}, "not a number"),
])
def test_bad_points(at, message):
    with pytest.raises(ParseError, match=message):
        gradient_steps("x*y", "x, y", at=at)


def test_values_given_with_the_point_for_other_symbols_are_constants():
    # a ridge loss in w and b with its data x, y and λ given with the point: put in, not dropped
    g = gradient_steps("(w*x + b - y)^2 + lamda*w^2", "w, b", "w = 1, b = 0.5, x = 2, y = 3, lamda = 0.1")
    w, b, x, y, lam = 1, 0.5, 2, 3, 0.1
    by_hand = (2 * (w * x + b - y) * x + 2 * lam * w, 2 * (w * x + b - y))
    assert [float(v) for v in g.values] == pytest.approx(by_hand)


def test_a_value_for_a_name_the_formula_does_not_have_is_an_error():
    with pytest.raises(ParseError, match="q, which the formula does not have"):
        gradient_steps("x + 2*y", "x, y", "x = 5, y = 10, q = 1")
