"""The softmax's derivatives in the forms books write them, in each problem's own letters: the Jacobian as the
matrix diag(s) − ssᵀ (equal entry by entry to s_i(δ_ij − s_j)), and the gradient of −ln s_c as the entry formula
softmax(y)_j − onehot(c)_j or its entries written out, where y are the logits of the softmax-nll kind; with the
statement's letters where its notation renames them (p = softmax(z)). The oracle is NumPy: the Jacobian and the
gradient at random logits, against the matrix form worked out the same way. One case per row, a comment each."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from symnn.answers.check import check_bank_answer

LETTERS = Path(__file__).parents[1] / "render" / "letters_bank"      # p = softmax(z), classes renamed


def test_the_matrix_form_is_the_jacobian():
    """diag(s) − ssᵀ is the softmax's Jacobian, by central differences at random logits (the oracle of the cases)."""
    y = np.random.default_rng(0).normal(size=3)
    softmax = lambda v: np.exp(v) / np.exp(v).sum()       # noqa: E731
    s, h = softmax(y), 1e-6
    numeric = np.column_stack([(softmax(y + h * e) - softmax(y - h * e)) / (2 * h) for e in np.eye(3)])
    assert np.allclose(np.diag(s) - np.outer(s, s), numeric, atol=1e-8)
    gradient = np.array([(-np.log(softmax(y + h * e)[0]) + np.log(softmax(y - h * e)[0])) / (2 * h) for e in np.eye(3)])
    assert np.allclose(s - np.eye(3)[0], gradient, atol=1e-8)      # softmax(y) − onehot(1)


@pytest.mark.parametrize("problem, bank, answer, lang, correct", [
    # the Jacobian as a matrix, plain text, Unicode and LaTeX
    ("softmax-jacobian", None, "diag(s) - s s^T", "en", True),
    ("softmax-jacobian", None, "diag(s) − ssᵀ", "ru", True),
    ("softmax-jacobian", None, r"\mathrm{diag}(s) - s s^\top", "en", True),
    # the outer product's sign slipped, or the two terms swapped: wrong
    ("softmax-jacobian", None, "diag(s) + ssᵀ", "ru", False),
    ("softmax-jacobian", None, "ssᵀ - diag(s)", "en", False),
    # the inputs y for the outputs s
    ("softmax-jacobian", None, "diag(y) - yyᵀ", "en", False),
    # the statement's letters, p = softmax(z): diag(p) − ppᵀ, and the entry formula in them
    ("jacobian-letters", LETTERS, "diag(p) - ppᵀ", "en", True),
    ("jacobian-letters", LETTERS, "p_i(δ_ij − p_j)", "ru", True),
    ("jacobian-letters", LETTERS, "diag(p) + ppᵀ", "en", False),
    # the gradient of −ln s_1 as softmax of the kind's logits y minus the one-hot target of class 1
    ("nll-softmax", None, "softmax(y)_j - onehot(1)_j", "en", True),
    ("nll-softmax", None, "∂L/∂y_j = softmax(y)_j − onehot(1)_j", "ru", True),
    # ... its entries written out
    ("nll-softmax", None, "(softmax(y)_1 - 1, softmax(y)_2, softmax(y)_3)", "en", True),
    # the one-hot vector of another class
    ("nll-softmax", None, "softmax(y)_j − onehot(2)_j", "ru", False),
    # the other problem's letters, o for the logits and y for the target: y are the logits here
    ("nll-softmax", None, "softmax(o)_j − y_j", "ru", False),
    # renamed letters: softmax(z) of the statement's z, class 2
    ("nll-letters", LETTERS, "softmax(z)_j − onehot(2)_j", "ru", True),
    ("nll-letters", LETTERS, "(softmax(z)_1, softmax(z)_2 - 1, softmax(z)_3)", "en", True),
    ("nll-letters", LETTERS, "p_j - onehot(2)_j", "en", True),
    # ... the one-hot of class 1 where the class is 2
    ("nll-letters", LETTERS, "softmax(z)_j − onehot(1)_j", "en", False),
    # the statement's names as before: written out in p
    ("nll-letters", LETTERS, "(p_1, p_2 - 1, p_3)", "en", True),
])
def test_a_book_form_of_the_softmax_derivative(problem, bank, answer, lang, correct):
    verdict = check_bank_answer(problem, answer, bank=bank, lang=lang, timeout=10)
    assert verdict.correct is correct, verdict.feedback


COMPONENTS_WRONG_EN = ("Component 1 is not correct.", "Component 2 is not correct.")
COMPONENTS_WRONG_RU = ("Компонента 1 неверна.", "Компонента 2 неверна.")


@pytest.mark.parametrize("problem, bank, answer, lang, correct, said", [
    # the gradient written as a whole vector, s − onehot(1), as the statement of nll-softmax writes it
    ("nll-softmax", None, "s - onehot(1)", "en", True, ("Correct.",)),
    ("nll-softmax", None, "s − onehot(1)", "ru", True, ("Верно.",)),
    # ... in LaTeX, and named: ∇_y L = s − onehot(1)
    ("nll-softmax", None, r"s - \mathrm{onehot}(1)", "en", True, ("Correct.",)),
    ("nll-softmax", None, "∇_y L = s − onehot(1)", "ru", True, ("Верно.",)),
    # the one-hot vector as the unit vector e₁, typed e_1, e_{1}, e1 or bold
    ("nll-softmax", None, "s - e_1", "en", True, ("Correct.",)),
    ("nll-softmax", None, r"s - e_{1}", "ru", True, ("Верно.",)),
    ("nll-softmax", None, "s - e1", "en", True, ("Correct.",)),
    ("nll-softmax", None, r"\mathbf{s} - \mathbf{e}_{1}", "en", True, ("Correct.",)),
    # softmax of the logits, whole
    ("nll-softmax", None, "softmax(y) - onehot(1)", "ru", True, ("Верно.",)),
    ("nll-softmax", None, "softmax(y) - e_1", "en", True, ("Correct.",)),
    # the unit vector of another class: entries 1 and 2 wrong, and said so
    ("nll-softmax", None, "s - e_2", "en", False, COMPONENTS_WRONG_EN),
    ("nll-softmax", None, "s − onehot(2)", "ru", False, COMPONENTS_WRONG_RU),
    # the two swapped: each entry's sign
    ("nll-softmax", None, "onehot(1) - s", "en", False,
     ("Component 1: the sign is wrong: the answer is the negative of the correct one.",)),
    # s − y where y are the logits (the kind's letter): read as vectors, and wrong entry by entry
    ("nll-softmax", None, "s - y", "en", False, COMPONENTS_WRONG_EN + ("Component 3 is not correct.",)),
    # y being the logits here, t is the one-hot target (Bishop's letter): s − t, and its entry formula
    ("nll-softmax", None, "s - t", "en", True, ("Correct.",)),
    ("nll-softmax", None, "s_j − t_j", "ru", True, ("Верно.",)),
    # t with its class's entry written, t_1 = 1
    ("nll-softmax", None, "(s_1 - t_1, s_2, s_3)", "en", True, ("Correct.",)),
    # p = softmax(z), class 2: y is free, the one-hot label as books write it, p − y
    ("nll-letters", LETTERS, "p - y", "en", True, ("Correct.",)),
    ("nll-letters", LETTERS, "p − y", "ru", True, ("Верно.",)),
    # ... its entry formula and one entry written out with y_2 = 1
    ("nll-letters", LETTERS, "p_j - y_j", "en", True, ("Correct.",)),
    ("nll-letters", LETTERS, "(p_1, p_2 - y_2, p_3)", "ru", True, ("Верно.",)),
    # ... softmax of the statement's logits z minus y, and p − e₂
    ("nll-letters", LETTERS, "softmax(z) - y", "en", True, ("Correct.",)),
    ("nll-letters", LETTERS, "p - e_2", "ru", True, ("Верно.",)),
    # ... the one-hot of class 1 where the class is 2
    ("nll-letters", LETTERS, "p - onehot(1)", "ru", False, COMPONENTS_WRONG_RU),
    # ... y − p: the sign
    ("nll-letters", LETTERS, "y - p", "en", False,
     ("Component 2: the sign is wrong: the answer is the negative of the correct one.",)),
])
def test_the_softmax_gradient_written_as_a_whole_vector(problem, bank, answer, lang, correct, said):
    verdict = check_bank_answer(problem, answer, bank=bank, lang=lang, timeout=10)
    assert verdict.correct is correct and set(said) <= set(verdict.feedback), verdict.feedback


def test_the_whole_vector_is_the_gradient():
    """s − e₁ at random logits is the gradient of −ln s₁ by central differences: the oracle of the cases above."""
    y = np.random.default_rng(1).normal(size=3)
    softmax = lambda v: np.exp(v) / np.exp(v).sum()       # noqa: E731
    h = 1e-6
    gradient = np.array([(-np.log(softmax(y + h * e)[1]) + np.log(softmax(y - h * e)[1])) / (2 * h) for e in np.eye(3)])
    assert np.allclose(softmax(y) - np.eye(3)[1], gradient, atol=1e-8)      # p − y of class 2, y one-hot
