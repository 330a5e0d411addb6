"""The keys of ∂(xᵀAx)/∂x: each use of x gives a contribution, labelled as one (never a total ∂f/∂x or a
∂f/∂xᵀ of its own), then the total; 2Ax is said to be right only when A = Aᵀ. Every formula the key shows is
checked against SymPy's derivative of the scalar form, on a random non-symmetric A."""

import numpy as np
import pytest
import sympy as sp

from symnn import render, solve

N = 3


def _random_a(seed: int = 0, symmetric: bool = False) -> sp.Matrix:
    rng = np.random.default_rng(seed)
    a = rng.integers(-5, 6, size=(N, N))
    return sp.Matrix(a + a.T if symmetric else a)


X = sp.Matrix(N, 1, lambda i, _: sp.Symbol(f"x{i}"))
Y = sp.Matrix(N, 1, lambda i, _: sp.Symbol(f"y{i}"))      # the second use of x, held apart from the first


def _gradient(f, by):
    return sp.Matrix([sp.diff(f, v) for v in by])


def test_the_contributions_and_the_total_are_the_scalar_forms_derivatives():
    A = _random_a()
    assert A != A.T                                         # the general case, not a symmetric one
    split = (X.T * A * Y)[0, 0]                             # xᵀAy: x is the first use, y the second
    through_first = _gradient(split, X).subs(dict(zip(Y, X)))
    through_second = _gradient(split, Y).subs(dict(zip(Y, X)))
    total = _gradient((X.T * A * X)[0, 0], X)
    # the key's lines: (xᵀAᵀ)ᵀ = Ax, (xᵀA)ᵀ = Aᵀx, Ax + Aᵀx = (A + Aᵀ)x
    assert sp.expand(through_first - A * X) == sp.zeros(N, 1)
    assert sp.expand((X.T * A.T).T - A * X) == sp.zeros(N, 1)
    assert sp.expand(through_second - A.T * X) == sp.zeros(N, 1)
    assert sp.expand((X.T * A).T - A.T * X) == sp.zeros(N, 1)
    assert sp.expand(total - (A + A.T) * X) == sp.zeros(N, 1)
    # the row xᵀ's gradient, (Ax)ᵀ = xᵀAᵀ, is the first contribution as a row, not the total's transpose
    assert sp.expand(through_first.T - X.T * A.T) == sp.zeros(1, N)
    assert sp.expand(total.T - X.T * A.T) != sp.zeros(1, N)
    # 2Ax: not the gradient for this A, the gradient for a symmetric one
    assert sp.expand(total - 2 * A * X) != sp.zeros(N, 1)
    S = _random_a(1, symmetric=True)
    assert sp.expand(_gradient((X.T * S * X)[0, 0], X) - 2 * S * X) == sp.zeros(N, 1)


def test_the_numbers_agree_with_central_differences():
    rng = np.random.default_rng(7)
    A, x, h = rng.normal(size=(N, N)), rng.normal(size=N), 1e-6
    f = lambda v: v @ A @ v                                                   # noqa: E731
    numeric = np.array([(f(x + h * e) - f(x - h * e)) / (2 * h) for e in np.eye(N)])
    assert np.allclose(numeric, A @ x + A.T @ x, atol=1e-6)
    assert not np.allclose(numeric, 2 * A @ x, atol=1e-3)


STEPS = {
    ("quadratic-form-grad", "en"): [
        "   Contribution through the first x: (xᵀ·Aᵀ)ᵀ = A·x — in xᵀ·(A·x) the first x stands as the row xᵀ: "
        "the gradient by this row is (A·x)ᵀ = xᵀ·Aᵀ; transposed, it is a column, as x is",
        "   Contribution through the second x: (xᵀ·A)ᵀ = Aᵀ·x — in (xᵀ·A)·x the factor on the left of x "
        "goes over transposed",
        "   ∂f/∂x = A·x + Aᵀ·x = (A + Aᵀ)·x — the total: the contributions of both uses of x add",
        "Answer: ∂f/∂x = (A + Aᵀ)·x; 2A·x is right only when A = Aᵀ"],
    ("quadratic-form-grad", "ru"): [
        "   Вклад через первое вхождение x: (xᵀ·Aᵀ)ᵀ = A·x — в xᵀ·(A·x) первое вхождение x — строка xᵀ: "
        "градиент по этой строке равен (A·x)ᵀ = xᵀ·Aᵀ, а по столбцу x — он же, транспонированный",
        "   Вклад через второе вхождение x: (xᵀ·A)ᵀ = Aᵀ·x — в (xᵀ·A)·x множитель слева от x "
        "переходит транспонированным",
        "   ∂f/∂x = A·x + Aᵀ·x = (A + Aᵀ)·x — полный градиент: вклады обоих вхождений x складываются",
        "Ответ: ∂f/∂x = (A + Aᵀ)·x; 2A·x верно только при A = Aᵀ"],
    ("quadratic-form-symmetric", "en"): [
        "   Contribution through the first x: (xᵀ·Aᵀ)ᵀ = A·x — in xᵀ·(A·x) the first x stands as the row xᵀ: "
        "the gradient by this row is (A·x)ᵀ = xᵀ·Aᵀ; transposed, it is a column, as x is",
        "   Contribution through the second x: (xᵀ·A)ᵀ = Aᵀ·x — in (xᵀ·A)·x the factor on the left of x "
        "goes over transposed",
        "   ∇_x f = A·x + Aᵀ·x = 2A·x — the total: the contributions of both uses of x add; A = Aᵀ",
        "Answer: ∇_x f = 2A·x"],
    ("quadratic-form-symmetric", "ru"): [
        "   Вклад через первое вхождение x: (xᵀ·Aᵀ)ᵀ = A·x — в xᵀ·(A·x) первое вхождение x — строка xᵀ: "
        "градиент по этой строке равен (A·x)ᵀ = xᵀ·Aᵀ, а по столбцу x — он же, транспонированный",
        "   Вклад через второе вхождение x: (xᵀ·A)ᵀ = Aᵀ·x — в (xᵀ·A)·x множитель слева от x "
        "переходит транспонированным",
        "   ∇_x f = A·x + Aᵀ·x = 2A·x — полный градиент: вклады обоих вхождений x складываются; A = Aᵀ",
        "Ответ: ∇_x f = 2A·x"],
}


@pytest.mark.parametrize("problem, lang", STEPS)
def test_the_key_labels_each_contribution_and_then_the_total(problem, lang):
    printed = render(solve(problem), "text", lang=lang, detail="brief").splitlines()
    backwards = next(i for i, line in enumerate(printed) if line.startswith(("Backwards", "Идём")))
    # the steps follow the heading, then the answer: nothing in between, nothing left over
    assert printed[backwards + 1:backwards + 5] == STEPS[problem, lang]
    # a contribution is never written as the total ∂f/∂x, nor the row's gradient as a ∂f/∂xᵀ of its own
    assert not any(line.startswith(("   ∂f/∂xᵀ", "   (∂f/∂xᵀ)ᵀ")) for line in printed)
    assert sum(line.startswith(("   ∂f/∂x", "   ∇_x f")) for line in printed) == 1


@pytest.mark.parametrize("lang, note", [
    # the note checks entry by entry; it does not repeat the key's contributions or its verdict on 2Ax
    ("en", "Note. A check entry by entry: f = ∑_(i,j) a_ij x_i x_j, so ∂f/∂x_k = ∑_j a_kj x_j + ∑_i a_ik x_i, "
           "the k-th entries of Ax and of A^T x."),
    ("ru", "Примечание. Проверка по элементам: f = ∑_(i,j) a_ij x_i x_j, поэтому ∂f/∂x_k = ∑_j a_kj x_j + "
           "∑_i a_ik x_i — это k-е элементы Ax и A^T x."),
])
def test_the_note_checks_by_entries_and_does_not_repeat_the_key(lang, note):
    printed = render(solve("quadratic-form-grad"), "text", lang=lang, detail="brief").splitlines()
    assert printed[-1] == note
    assert "2Ax" not in note and "2A" not in note


def test_the_note_is_right_on_numbers():
    A, x = _random_a(3), sp.Matrix([2, -1, 4])
    f = sum(A[i, j] * X[i] * X[j] for i in range(N) for j in range(N))       # Σᵢⱼ aᵢⱼxᵢxⱼ
    for k in range(N):
        by_entries = sum(A[k, j] * X[j] for j in range(N)) + sum(A[i, k] * X[i] for i in range(N))
        assert sp.expand(sp.diff(f, X[k]) - by_entries) == 0
        assert by_entries.subs(dict(zip(X, x))) == (A * x + A.T * x)[k]


@pytest.mark.parametrize("lang, answer", [
    ("en", r"$\frac{\partial f}{\partial x} = {(A + A^{T})} x$; $2 A x$ is right only when $A = A^{T}$"),
    ("ru", r"$\frac{\partial f}{\partial x} = {(A + A^{T})} x$; $2 A x$ верно только при $A = A^{T}$"),
])
def test_the_latex_answer_says_when_2ax_is_right(lang, answer):
    latex = render(solve("quadratic-form-grad"), "latex", lang=lang, detail="brief")
    assert answer in latex
    assert "scalar form" not in latex and "скалярной формой" not in latex
