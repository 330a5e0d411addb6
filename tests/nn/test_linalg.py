"""Exact linear algebra: products, least squares against the normal equation, convolution."""

import pytest
import sympy as sp

from symnn import render
from symnn.nn.linalg import convolve, matmul, normal_equation
from symnn.render import FORMATS


def test_least_squares_minimises_the_squared_error():
    # the gradient of Σ(w x + b − y)² is zero at the normal-equation solution
    points = [(1, 7), (-1, 0), (3, 14)]
    w, b = normal_equation(points).answer
    ws, bs = sp.symbols("w b")
    loss = sum((ws * x + bs - y) ** 2 for x, y in points)
    assert [sp.diff(loss, v).subs({ws: w, bs: b}) for v in (ws, bs)] == [0, 0]


def test_convolution_is_a_sliding_weighted_sum():
    image = [[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]]
    out = convolve(image, [[1, 0], [0, -1]]).answer
    assert out == sp.Matrix([[1 - 6, 2 - 7, 3 - 8], [5 - 10, 6 - 11, 7 - 12]])


def test_decimals_are_exact():
    assert matmul([0.1, 0.2], [[1], [1]]).answer == sp.Matrix([[sp.Rational(3, 10)]])


@pytest.mark.parametrize("call, message", [
    (lambda: matmul([1, 2], [[1, 2]]), "cannot multiply"),
    (lambda: normal_equation([(1, 1), (1, 2)]), "singular"),
    (lambda: convolve([[1]], [[1, 2], [3, 4]]), "larger than the image"),
])
def test_clear_errors(call, message):
    with pytest.raises(ValueError, match=message):
        call()


@pytest.mark.parametrize("format", FORMATS)
def test_renders(format):
    for lang in ("en", "ru"):
        assert render(normal_equation([(1, 7), (-1, 0), (3, 14)]), format, lang=lang).strip()


@pytest.mark.parametrize("rows", [
    [[3, -1], [4, 2]],
    [[2, 0, 1], [1, 3, 0], [0, 0, 4]],                   # the third row has two zeros: expanded along it
    [["1/2", 3, -2], [0, 5, 7], [-1, "2/3", 4]],
])
def test_a_determinant_by_cofactors_is_numpys(rows):
    import numpy as np

    from symnn.nn.linalg import cofactors
    det = cofactors(rows)
    numbers = np.array([[float(sp.Rational(v)) for v in row] for row in rows])
    assert float(det.value) == pytest.approx(np.linalg.det(numbers))
    zeros = [sum(1 for v in row if sp.Rational(v) == 0) for row in rows]
    assert det.row == zeros.index(max(zeros))
    # each minor is the matrix without the row and the column of its entry, and its determinant NumPy's
    for (sign, entry, minor, value), j in zip(det.terms, [j for j, v in enumerate(rows[det.row]) if sp.Rational(v) != 0]):
        assert sign == (-1) ** (det.row + j) and entry == sp.Rational(rows[det.row][j])
        rest = np.delete(np.delete(numbers, det.row, axis=0), j, axis=1)
        assert float(value) == pytest.approx(np.linalg.det(rest))


def test_a_determinant_keeps_the_textbooks_form():
    from symnn.nn.linalg import tidy
    rho, phi, theta = sp.symbols("rho phi theta", real=True)
    minor = -rho**2 * sp.sin(phi) * sp.cos(phi) * (sp.sin(theta)**2 + sp.cos(theta)**2)
    assert tidy(minor) == -rho**2 * sp.sin(phi) * sp.cos(phi)          # not −ρ² sin 2φ / 2


def test_a_determinant_of_a_matrix_that_is_not_square_is_refused():
    from symnn.nn.linalg import cofactors
    with pytest.raises(ValueError, match="square"):
        cofactors([[1, 2, 3], [4, 5, 6]])


def test_a_convolution_key_works_every_window_out():
    image = [[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]]
    text = render(convolve(image, [[1, 0], [0, -1]]), "text")
    # each output entry: its window of the image times the kernel, entry by entry, in reading order
    assert "O_11 = 1·1 + 2·0 + 5·0 + 6·(-1) = -5" in text
    assert "O_23 = 7·1 + 8·0 + 11·0 + 12·(-1) = -5" in text
    latex = render(convolve(image, [[1, 0], [0, -1]]), "latex")
    assert r"{O}_{1,2} &= 2 \cdot 1 + 3 \cdot 0 + 6 \cdot 0 + 7 \cdot (-1) = -5" in latex


def test_the_normal_equation_is_headed_in_the_statement_s_names(tmp_path):
    from symnn.problems.solve import solve
    (tmp_path / "l.toml").write_text('[[problem]]\nid = "ls"\nkind = "least-squares"\npoints = [[1, 1], [2, 3], [3, 2]]\n'
                                     "notation = { w = '\\beta_1', b = '\\beta_0' }\nstatement.en = 'Fit.'\n",
                                     encoding="utf-8")
    text = render(solve("ls", tmp_path), "text")
    assert "the normal equation (β_1, β_0)^T = (X^T X)^(-1) X^T y" in text
    assert text.endswith("Answer: β_1 = 0.5; β_0 = 1")       # slope 1/2, intercept 1, by hand: x̄ = 2, ȳ = 2
