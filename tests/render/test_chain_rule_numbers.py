"""The chain rule through inner functions of several variables, with numbers put in as a teacher writes them.

Stewart §14.5 (the general chain rule): u = x⁴y + y²z³, x = rseᵗ, y = rs²e⁻ᵗ, z = r²s sin t, ∂u/∂s at
r = 2, s = 1, t = 0 is 192. The inner functions depend on r, s and t, so every derivative is partial;
the numbers go into each inner formula in the formula's own order (r·s·eᵗ = 2·1·1, never 1·2·1).
"""

from __future__ import annotations

import pytest
import sympy as sp

from symnn import render
from symnn.nn.vector_calculus import total_derivative

INNER = {"x": "r*s*exp(t)", "y": "r*s^2*exp(-t)", "z": "r^2*s*sin(t)"}


@pytest.fixture(scope="module")
def stewart():
    return total_derivative("x^4*y + y^2*z^3", INNER, "s", "r = 2, s = 1, t = 0")


def test_the_value_is_the_derivative_of_the_composed_function(stewart):
    r, s, t = sp.symbols("r s t")
    x, y, z = r * s * sp.exp(t), r * s**2 * sp.exp(-t), r**2 * s * sp.sin(t)
    assert sp.diff(x**4 * y + y**2 * z**3, s).subs({r: 2, s: 1, t: 0}) == stewart.value == 192


@pytest.mark.parametrize("lang, title, point", [
    ("en", "Partial derivatives of f", "At the point (r, s, t) = (2, 1, 0): x = r·s·eᵗ = 2·1·1 = 2, "
                                       "y = r·s^2·e⁻ᵗ = 2·1^2·1 = 2, z = r^2·s·sin(t) = 2^2·1·0 = 0"),
    ("ru", "Частные производные функции f", "В точке (r; s; t) = (2; 1; 0): x = r·s·eᵗ = 2·1·1 = 2, "
                                            "y = r·s^2·e⁻ᵗ = 2·1^2·1 = 2, z = r^2·s·sin(t) = 2^2·1·0 = 0"),
])
def test_numbers_follow_the_formula_and_derivatives_are_partial(stewart, lang, title, point):
    text = render(stewart, "text", lang=lang, detail="brief")
    assert title in text
    assert point in text.splitlines()
    assert "∂f/∂s = ∂f/∂x·∂x/∂s + ∂f/∂y·∂y/∂s + ∂f/∂z·∂z/∂s" in text
    assert "df/ds" not in text and "dx/ds" not in text
