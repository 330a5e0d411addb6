"""A sum in brackets that is a transpose prints as that sum transposed, (1 − y)ᵀ, never 1 − yᵀ, which reads as the
number 1 minus a row; text and LaTeX, exact strings."""

from __future__ import annotations

import pytest

from symnn.calculus.transpose import Letter, transposed
from symnn.render.math import latex_math, text_math

y, a, b, v, X, w = (Letter(n) for n in ("y", "a", "b", "v", "X", "w"))


# (expr, text, LaTeX)
@pytest.mark.parametrize("expr, text, latex", [
    # (1 − y)ᵀv: a number minus a vector, transposed
    (transposed(1 - y) * v, "(1 - y)ᵀ·v", r"(1 - y)^{T} v"),
    # a sign in front of the product: −(1 − y)ᵀv
    (-transposed(1 - y) * v, "-(1 - y)ᵀ·v", r"- (1 - y)^{T} v"),
    # two letters: (a − b)ᵀv
    (transposed(a - b) * v, "(a - b)ᵀ·v", r"(a - b)^{T} v"),
    # a product inside: (Xw − y)ᵀ(Xw − y)
    (transposed(X * w - y) * (X * w - y), "(X·w - y)ᵀ·(X·w - y)", r"(X w - y)^{T} (X w - y)"),
    # a sum with as many transposes either way stays as it is: (a + bᵀ)v
    ((a + transposed(b)) * v, "(a + bᵀ)·v", r"(a + b^{T}) v"),
    # a sum not in brackets stays as it is: 1 − yᵀ
    (transposed(1 - y), "1 - yᵀ", r"1 - y^{T}"),
])
def test_a_transposed_sum_keeps_its_brackets(expr, text, latex):
    assert text_math(expr) == text
    assert latex_math(expr) == latex
