"""Shapes and values of letter formulas, against SymPy's own matrices."""

import random

import pytest
import sympy as sp

from symnn.calculus.functions import sigmoid
from symnn.calculus.transpose import Hadamard, Letter, SigmoidSlope, transposed
from symnn.nn.matrix_algebra import ShapeMismatch, concrete, shape_of, sizes_of

X, W, V, Y = (Letter(n) for n in ("X", "W", "V", "Y"))
SHAPES = {"X": ("n", "d"), "W": ("d", "k"), "V": ("k", "1"), "Y": ("n", "k")}


def _random_values(seed):
    rng = random.Random(seed)
    sizes = sizes_of(SHAPES)
    return {name: sp.Matrix(sizes[r], sizes[c], lambda i, j: rng.randint(-5, 5)) for name, (r, c) in SHAPES.items()}


@pytest.mark.parametrize("seed", range(3))
def test_values_are_sympys_matrix_algebra(seed):
    v = _random_values(seed)
    Xv, Wv, Vv, Yv = v["X"], v["W"], v["V"], v["Y"]
    assert concrete(transposed(X) * (X * W - Y), v) == Xv.T * (Xv * Wv - Yv)
    assert concrete(Hadamard(X * W, Y) * V, v) == (Xv * Wv).multiply_elementwise(Yv) * Vv
    slope = (Xv * Wv).applyfunc(lambda a: sigmoid(a) * (1 - sigmoid(a)))
    assert concrete(SigmoidSlope(X * W), v) == slope
    norm = transposed(V) * transposed(W) * transposed(X) * X * W * V                      # ‖XWV‖², 1×1: a number
    assert concrete(norm, v) == (Vv.T * Wv.T * Xv.T * Xv * Wv * Vv)[0, 0]


def test_shapes_and_the_product_that_does_not_fit():
    assert shape_of(transposed(X) * (X * W - Y), SHAPES) == ("d", "k")
    assert shape_of(transposed(V) * transposed(W) * transposed(X), SHAPES) == ("1", "n")
    with pytest.raises(ShapeMismatch) as caught:
        shape_of(X * W * transposed(Y) * V, SHAPES)
    assert (caught.value.left, caught.value.left_shape, caught.value.right, caught.value.right_shape) == \
        (X * W * transposed(Y), ("n", "n"), V, ("k", "1"))
    with pytest.raises(ShapeMismatch):
        shape_of(Hadamard(X * W, transposed(Y)), SHAPES)
