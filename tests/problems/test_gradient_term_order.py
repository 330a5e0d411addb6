"""The key of a book's matrix function writes every sum in the order of the function's terms as given: the terms
that come from the first given term first (½‖Ax − b‖² + (λ/2)‖x‖² gives Aᵀ(Ax − b) + λx), for two terms or more,
in either order, by a vector or a matrix; the answer's value is SymPy's matrix derivative all the same."""

from __future__ import annotations

import random

import pytest
import sympy as sp

from symnn.problems.solve import solve
from symnn.render import render

SHAPES = 'shapes = { A = "m x n", x = "n", b = "m", c = "n" }'
CASES = {    # id: (expr, wrt, shapes, the sum line of the key, its answer line)
    # the data term first, as written: the book's ridge gradient
    "ridge": ("1/2*norm(A*x - b)^2 + lambda/2*norm(x)^2", "x", SHAPES,
              "∇_x f = Aᵀ·A·x - Aᵀ·b + λ·x = Aᵀ·(A·x - b) + λ·x", "∇_x f = Aᵀ·(A·x - b) + λ·x"),
    # the penalty written first: its gradient first
    "penalty first": ("lambda/2*norm(x)^2 + 1/2*norm(A*x - b)^2", "x", SHAPES,
                      "∇_x f = λ·x + Aᵀ·A·x - Aᵀ·b = λ·x + Aᵀ·(A·x - b)", "∇_x f = λ·x + Aᵀ·(A·x - b)"),
    # three terms, each gradient where its term stands
    "three": ("1/2*norm(A*x - b)^2 + c^T*x + lambda/2*norm(x)^2", "x", SHAPES,
              "∇_x f = Aᵀ·A·x - Aᵀ·b + c + λ·x = Aᵀ·(A·x - b) + c + λ·x", "∇_x f = Aᵀ·(A·x - b) + c + λ·x"),
    # the same three in another order
    "three turned": ("c^T*x + lambda/2*norm(x)^2 + 1/2*norm(A*x - b)^2", "x", SHAPES,
                     "∇_x f = c + λ·x + Aᵀ·A·x - Aᵀ·b = c + λ·x + Aᵀ·(A·x - b)", "∇_x f = c + λ·x + Aᵀ·(A·x - b)"),
    # by a matrix: the Frobenius ridge
    "by a matrix": ("1/2*norm(X*W - Y)^2 + lambda/2*norm(W)^2", "W", 'shapes = { X = "m x n", W = "n x k", Y = "m x k" }',
                    "∇_W f = Xᵀ·X·W - Xᵀ·Y + λ·W = Xᵀ·(X·W - Y) + λ·W", "∇_W f = Xᵀ·(X·W - Y) + λ·W"),
    # a mean over n samples: the data term's sum factored as a whole, its 1/n taken out with Xᵀ
    "over n": ("1/(2*n)*norm(X*w - y)^2 + lambda/2*norm(w)^2", "w", 'shapes = { X = "n x d", w = "d", y = "n", n = "1" }',
               "∇_w f = Xᵀ·X·w/n - Xᵀ·y/n + λ·w = Xᵀ·(X·w - y)/n + λ·w", "∇_w f = Xᵀ·(X·w - y)/n + λ·w"),
}


@pytest.fixture(scope="module")
def bank(tmp_path_factory):
    folder = tmp_path_factory.mktemp("order")
    problems = "".join(f'[[problem]]\nid = "{name.replace(" ", "-")}"\nkind = "matrix-identity"\nexpr = "{expr}"\nwrt = "{wrt}"\n'
                       f'{shapes}\nstatement.en = "Find the gradient."\nstatement.ru = "Найдите градиент."\n\n'
                       for name, (expr, wrt, shapes, _, _) in CASES.items())
    (folder / "order.toml").write_text("title.en = 'Order'\ntitle.ru = 'Порядок'\n\n" + problems, encoding="utf-8")
    return folder


@pytest.mark.parametrize("name", CASES)
def test_the_sum_and_the_answer_follow_the_given_terms(bank, name):
    key = render(solve(name.replace(" ", "-"), bank), "text", lang="en", detail="brief").splitlines()
    assert f"The gradients of the terms added: {CASES[name][3]}" in key
    assert f"Answer: {CASES[name][4]}" in key


def test_each_line_of_the_key_keeps_the_given_order(bank):
    key = render(solve("penalty-first", bank), "text", lang="en", detail="brief").splitlines()
    assert key[1] == "The gradient by x: f = λ·‖x‖^2/2 + (1/2)·‖A·x - b‖^2"
    assert key[4].endswith("f = λ·xᵀ·x/2 + xᵀ·Aᵀ·A·x/2 - bᵀ·A·x + bᵀ·b/2")
    assert [line.split(" = ")[0] for line in key[6:10]] == ["   ∇_x(λ·xᵀ·x/2)", "   ∇_x(xᵀ·Aᵀ·A·x/2)", "   ∇_x(-bᵀ·A·x)", "   ∇_x(bᵀ·b/2)"]


def test_the_russian_key_and_latex_follow_the_given_terms(bank):
    ru = render(solve("ridge", bank), "text", lang="ru", detail="brief").splitlines()
    assert "Ответ: ∇_x f = Aᵀ·(A·x - b) + λ·x" in ru
    latex = render(solve("ridge", bank), "latex", lang="en", detail="brief")
    assert r"\textbf{Answer:} $\nabla_{x} f = A^{T} {(A x - b)} + \lambda x$" in latex


def test_the_ordered_answer_is_the_matrix_derivative(bank):
    """Aᵀ(Ax − b) + c + λx against SymPy's derivative of the function on random matrices."""
    m, n = 3, 2
    A, b, c, x = sp.MatrixSymbol("A", m, n), sp.MatrixSymbol("b", m, 1), sp.MatrixSymbol("c", n, 1), sp.MatrixSymbol("x", n, 1)
    lam = sp.Symbol("lamda")
    function = (A * x - b).T * (A * x - b) / 2 + c.T * x + lam * x.T * x / 2
    from symnn.nn.matrix_algebra import concrete
    answer = solve("three", bank).answer
    rng = random.Random(3)
    values = {s: sp.Matrix(*s.shape, lambda i, j: rng.randint(-4, 4)) for s in (A, b, c, x)}
    expected = sp.Matrix(function.diff(x)).subs({**values, lam: 3}).doit()
    got = concrete(answer.xreplace({s: 3 for s in answer.free_symbols if s.is_commutative}), {s.name: v for s, v in values.items()})
    assert sp.Matrix(got) == sp.Matrix(expected)


def test_a_fraction_with_a_letter_below_is_bracketed(bank):
    """1/(2n) in front of a norm, not 1/2·n (which reads n/2)."""
    key = render(solve("over-n", bank), "text", lang="en", detail="brief").splitlines()
    assert key[1] == "The gradient by w: f = (1/(2n))·‖X·w - y‖^2 + λ·‖w‖^2/2"
