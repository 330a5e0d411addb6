"""The Jacobian of f(x) = Ax + b (linear-map-jacobian: A of m×n, b of m, x of n), asked in the numerator layout:
its transpose Aᵀ is said to be the denominator layout (a gradient's), m×n against n×m, not "a gradient has the shape
of what it is taken by"; A + b is told that b does not depend on x, its derivative 0. The oracle: the Jacobian by
central differences on random A, b with NumPy is A (m×n), not Aᵀ, and does not change with b."""

import numpy as np
import pytest

from symnn.answers.check import check_bank_answer

TRANSPOSED_EN = ("This is the transpose of the Jacobian, n×m: the denominator layout, as a gradient by a vector is written. "
                 "The Jacobian is in the numerator layout, m×n: its row i holds the derivatives of the entry i of the function.")
TRANSPOSED_RU = ("Это транспонированная матрица Якоби, n×m: раскладка по знаменателю, в которой записывают градиент по вектору. "
                 "Матрицу Якоби записывают в раскладке по числителю, m×n: в её строке номер i — производные компоненты номер i функции.")
CONSTANT_EN = "The term b does not depend on x: its derivative is 0, so it is not in the answer."
CONSTANT_RU = "Слагаемое b не зависит от x: его производная равна 0, и в ответ оно не входит."


def jacobian(f, x, h=1e-6):
    return np.column_stack([(f(x + h * e) - f(x - h * e)) / (2 * h) for e in np.eye(len(x))])


def test_the_oracle():
    rng = np.random.default_rng(1)
    A, x = rng.normal(size=(2, 3)), rng.normal(size=3)
    for b in (np.zeros(2), rng.normal(size=2)):
        J = jacobian(lambda v: A @ v + b, x)
        assert J.shape == (2, 3) and np.allclose(J, A, atol=1e-6)


# (answer, lang, correct?, the whole feedback)
CASES = [
    ("A", "en", True, ("Correct.", "It is the expected expression.")),               # the key
    ("A^T", "en", False, ("Not correct.", TRANSPOSED_EN)),                           # the denominator layout
    ("A^T", "ru", False, ("Неверно.", TRANSPOSED_RU)),                               # ... in Russian
    ("Aᵀ", "en", False, ("Not correct.", TRANSPOSED_EN)),                            # ... typed with ᵀ
    ("A + b", "en", False, ("Not correct.", CONSTANT_EN)),                           # b kept: its derivative is 0
    ("b + A", "ru", False, ("Неверно.", CONSTANT_RU)),                               # ... in either order, in Russian
]


@pytest.mark.parametrize("answer, lang, correct, feedback", CASES)
def test_jacobian_slips(answer, lang, correct, feedback):
    verdict = check_bank_answer("linear-map-jacobian", answer, lang=lang)
    assert (verdict.correct, verdict.feedback) == (correct, feedback)
