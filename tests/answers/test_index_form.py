"""A gradient written entry by entry (Σᵢ (σ(xᵢᵀw) − yᵢ)xᵢ) where the problem asks for it in matrix form: its
letters xᵢ, yᵢ, N are not the problem's, so the value could not be compared — no wrong verdict, but the request
to write it in matrix form through the problem's letters. (The sum is the same vector as Xᵀ(σ(Xw) − y): NumPy
below, so the request is right to ask for a form, not to call the answer wrong.)"""

import numpy as np
import pytest

from symnn.answers.check import check_bank_answer

MATRIX_EN = ("The answer could not be checked: it is written entry by entry, as a sum over an index; the problem asks "
             "for it in matrix form: write it through w, X, y.")
MATRIX_RU = ("Не удалось проверить ответ: он записан поэлементно, суммой по индексу, а в задаче нужна матричная форма: "
             "запишите его через w, X, y.")


def test_the_sum_is_the_matrix_form():
    rng = np.random.default_rng(0)
    X, w, y = rng.normal(size=(5, 3)), rng.normal(size=3), rng.integers(0, 2, size=5)
    sigma = lambda z: 1 / (1 + np.exp(-z))                                  # noqa: E731
    total = sum((sigma(X[i] @ w) - y[i]) * X[i] for i in range(5))
    assert np.allclose(total, X.T @ (sigma(X @ w) - y))


# (problem, answer, lang, the whole feedback)
CASES = [
    # the trial's answer: the sum in LaTeX, in either language
    ("logistic-matrix-gradient", r"\sum_{i=1}^{N} (\sigma(x_i^T w) - y_i) x_i", "en", (MATRIX_EN,)),
    ("logistic-matrix-gradient", r"\sum_{i=1}^{N} (\sigma(x_i^T w) - y_i) x_i", "ru", (MATRIX_RU,)),
    # typed with Σ and no limits
    ("logistic-matrix-gradient", "Σ_i (σ(w^T x_i) - y_i) x_i", "en", (MATRIX_EN,)),
    # the matrix form itself: right
    ("logistic-matrix-gradient", r"X^T(\sigma(Xw) - y)", "en", ("Correct.", "It is the expected expression.")),
    # a foreign letter without a sum: the letters' request, not the matrix form's
    ("logistic-matrix-gradient", r"X^T(\sigma(Xw) - q)", "en",
     ("The answer could not be checked: q is not a letter of this problem; write the answer through w, X, y.",)),
]


@pytest.mark.parametrize("problem, answer, lang, feedback", CASES)
def test_index_form(problem, answer, lang, feedback):
    verdict = check_bank_answer(problem, answer, lang=lang)
    assert verdict.feedback == feedback
    assert verdict.correct == (feedback[0] == "Correct.")
