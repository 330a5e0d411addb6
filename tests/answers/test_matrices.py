"""Matrix formulas compared on random matrices: the shapes a reference implies, entrywise products."""

import pytest
import sympy as sp

from symnn import check_answer
from symnn.answers.matrices import same_matrices
from symnn.answers.shapes import letter_shapes
from symnn.calculus.functions import sigmoid
from symnn.calculus.transpose import Hadamard, SigmoidSlope

A, X, W, Wt, Xt, a, d = (sp.Symbol(n, commutative=False) for n in ("A", "X", "W", "Wᵀ", "Xᵀ", "a", "delta"))
y = sp.Symbol("y", real=True)


@pytest.mark.parametrize("reference, shapes", [
    (Xt * a, {"X": (2, 3), "a": (2, 4)}),                              # Xᵀa: X and a share their rows
    (Hadamard(d * Wt, SigmoidSlope(A)), {"A": (2, 3), "W": (3, 4), "delta": (2, 4)}),
    ((y - sigmoid(X * W) * a) * Xt, {"W": (2, 3), "X": (1, 2), "a": (3, 1)}),   # y a number: σ(XW)a is 1×1
])
def test_the_shapes_a_reference_implies(reference, shapes):
    assert letter_shapes(reference) == shapes


def test_a_reference_with_no_consistent_shapes():
    assert letter_shapes(Hadamard(X, X * X * Wt) + sp.Symbol("b", commutative=False) ** -1 * X) is None


@pytest.mark.parametrize("answer, expected", [
    (d * Wt * sigmoid(A) * (1 - sigmoid(A)), (True, "matrices")),      # * or nothing for ⊙, σ′ written out
    (sigmoid(A) * (1 - sigmoid(A)) * d * Wt, (True, "matrices")),      # the entrywise product turned round
    (d * Wt, (False, "matrices")),                                     # σ′(A) missing
    (Wt * d * sigmoid(A) * (1 - sigmoid(A)), (False, "shape")),       # the product in the wrong order
])
def test_an_entrywise_product_written_as_people_write_it(answer, expected):
    assert same_matrices(Hadamard(d * Wt, SigmoidSlope(A)), answer) == expected


def test_the_square_convention_still_decides_when_the_reference_fits_it():
    # a reference typed by a teacher: X n×n, w and y columns; 2XᵀXw − 2Xᵀy multiplied out is the same
    verdict = check_answer("2X^T(Xw - y)", "2X^TXw - 2X^Ty")
    assert verdict.correct and verdict.decided_by == "matrices"
    assert not check_answer("2X^T(Xw - y)", "2X(Xw - y)").correct


def test_a_number_plus_a_matrix_is_entrywise_only_beside_a_function():
    # 1 − σ(A) is entrywise (above); 1 + δWᵀ is not a formula of matrices
    assert same_matrices(Hadamard(d * Wt, SigmoidSlope(A)), Hadamard(d * Wt + 1, SigmoidSlope(A))) == (False, "shape")


@pytest.mark.parametrize("problem, answer, lang, said", [
    ("graph-matrix", "X a", "en", "The transpose of X is missing."),
    # the gradient by w written as a row is its numerator layout (accepted, see test_book_forms); a slip of the
    # row form is named as one of the column's
    ("linreg-matrix-grad", "2/n (y - Xw)^T X", "en", "The sign is wrong: the answer is the negative of the correct one."),
    ("linreg-matrix-grad", "-2 X^T (y - Xw)", "ru", "Пропущен множитель 1/n."),
    ("linreg-matrix-grad", "2/n X^T (y - Xw)", "en", "The sign is wrong: the answer is the negative of the correct one."),
    ("dense-layer-backward", r"\delta W_2^T", "ru", "Пропущен множитель σ'(A)."),
    ("two-layer-grad", r"-(y - \sigma(XW_1)W_2) X^T W_2^T", "en", "The factor σ'(X·W_1) is missing."),
    # the normal equation's solution for the gradient: not "a transpose is missing"
    ("linreg-matrix-grad", "(X^T X)^{-1} X^T y", "en", "It inverts a matrix, as the point where the gradient is zero "
                                                      "does (such as (XᵀX)⁻¹Xᵀy): the question asks for the gradient itself."),
    ("linreg-matrix-grad", "w = (X^TX)^(-1) X^T y", "ru", "В ответе обращается матрица, как в точке, где градиент равен "
                                                         "нулю (например, (XᵀX)⁻¹Xᵀy); а спрашивается сам градиент."),
])
def test_a_common_slip_in_a_matrix_formula_is_named(problem, answer, lang, said):
    from symnn.answers.check import check_bank_answer
    verdict = check_bank_answer(problem, answer, timeout=10, lang=lang)
    assert not verdict.correct and verdict.feedback[1:] == (said,)


def test_a_formula_with_no_common_slip_says_only_that_it_is_wrong():
    from symnn.answers.check import check_bank_answer
    assert check_bank_answer("graph-matrix", "X X^T W", timeout=10).feedback == ("Not correct.",)     # XXᵀW: no slip
