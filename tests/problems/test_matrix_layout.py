"""matrix-identity with layout = "column": Nielsen's form, a sample a column (Z = WH, δ' = (Wᵀδ) ⊙ σ′(z)),
derived in the book's layout and letters, against sympy.diff of the scalar loss on explicit matrices; an answer
written in the other layout is refused with that reason (tests' own bank: matrix_bank/matrix.toml)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import sympy as sp

from symnn.answers.check import check_answer
from symnn.nn.matrix_algebra import concrete
from symnn.problems.answer_schema import IN_COLUMNS
from symnn.problems.schema import problem_errors
from symnn.problems.solve import question_options, solve
from symnn.render import render

BANK = Path(__file__).parent / "matrix_bank"
h, n, k = 2, 3, 2


def _symbols(name, rows, columns):
    return sp.Matrix(rows, columns, lambda i, j: sp.Symbol(f"{name}{i}{j}", real=True))


def _sigma(v):
    return 1 / (1 + sp.exp(-v))


def test_nielsens_delta_is_the_derivative_of_the_scalar_loss():
    z, W, Y = _symbols("z", h, n), _symbols("w", k, h), _symbols("y", k, n)
    residual = W * z.applyfunc(_sigma) - Y
    loss = sum(e ** 2 for e in residual) / 2
    oracle = z.applyfunc(lambda entry: sp.diff(loss, entry))           # ∂L/∂z_ij, entry by entry
    answer = solve("nielsen-bp2", BANK).answer                          # in symnn's letters W_2, A, delta
    rng = random.Random(2)
    for _ in range(2):
        numbers = {s: sp.Rational(rng.randint(-9, 9), 4) for s in (*z, *W, *Y)}
        values = {"A": z.subs(numbers), "W_2": W.subs(numbers), "delta": residual.subs(numbers)}
        got, expected = concrete(answer, values), oracle.subs(numbers)
        assert all(abs(sp.N(a - b)) < 1e-12 for a, b in zip(got, expected))


def test_a_column_dense_layer_is_delta_times_x_transposed():
    X, W, Y = _symbols("x", 3, n), _symbols("w", k, 3), _symbols("y", k, n)
    loss = sum(e ** 2 for e in (W * X - Y)) / 2
    oracle = W.applyfunc(lambda entry: sp.diff(loss, entry))
    values = {"X": X, "W": W, "delta": W * X - Y}
    assert sp.simplify(concrete(solve("column-dense-layer", BANK).answer, values) - oracle) == sp.zeros(k, 3)


def test_the_key_is_in_the_books_layout_and_letters():
    key = render(solve("nielsen-bp2", BANK), "text", lang="en", detail="brief").splitlines()
    assert "where H = σ(z), Z = W·H" in key
    assert "Shapes: z ∈ ℝ^(h×n), W ∈ ℝ^(k×h), Y ∈ ℝ^(k×n)" in key
    assert key[-1] == "Answer: ∂L/∂z = (Wᵀ·δ) ⊙ σ'(z); without σ′: ∂L/∂z = Wᵀ·δ — wrong: the factor σ'(z) is missing"


@pytest.mark.parametrize("problem_id, answer, right, says", [
    ("nielsen-bp2", "(W^T delta) ⊙ σ'(z)", True, None),              # Nielsen's (BP2) in his letters
    ("nielsen-bp2", "(W^T \\delta) \\odot \\sigma'(z)", True, None),  # typed in LaTeX
    ("nielsen-bp2", "(W_2^T delta) ⊙ σ'(A)", True, None),            # symnn's own letters
    ("nielsen-bp2", "(delta W^T) ⊙ σ'(z)", False, "other layout"),   # the row layout's δWᵀ
    ("nielsen-bp2", "W^T delta", False, "σ'(z) is missing"),         # σ′ left out, named in the statement's letters
    ("nielsen-bp2", "(W delta) ⊙ σ'(z)", False, "shapes do not fit"),  # the transpose left out
    ("dense-layer-backward", "(W_2^T delta) ⊙ σ'(A)", False, "other layout"),   # the course's row layout
    ("dense-layer-backward", "(delta W_2^T) ⊙ σ'(A)", True, None),
])
def test_the_checker_reads_the_layout_of_the_statement(problem_id, answer, right, says):
    bank = None if problem_id == "dense-layer-backward" else BANK
    solution = solve(problem_id, bank)
    verdict = check_answer(solution.answer, answer, **question_options(solution.problem))
    assert verdict.correct is right
    if says:
        assert says in " ".join(verdict.feedback)


@pytest.mark.parametrize("answer, right", [
    ("-(y - σ(X V_1) V_2) X^T (V_2^T ⊙ σ'(X V_1))", True),      # the statement's V for symnn's W, transposes too
    ("-(y - σ(X W_1) W_2) X^T (W_2^T ⊙ σ'(X W_1))", True),      # symnn's own letters
    ("(y - σ(X V_1) V_2) X^T (V_2^T ⊙ σ'(X V_1))", False),      # the sign
    ("-(y - σ(X V_1) V_2) X^T (V_2 ⊙ σ'(X V_1))", False),       # a transpose left out
    ("-(y - σ(X V_1) V_2) X^T V_2^T", False),                   # σ′ left out: said as σ′(X·V_1)
])
def test_a_letter_renamed_renames_its_indexed_matrices(answer, right):
    solution = solve("two-layer-letters", BANK)
    verdict = check_answer(solution.answer, answer, **question_options(solution.problem))
    assert verdict.correct is right
    assert "W_" not in " ".join(verdict.feedback)
    key = render(solution, "text", lang="en", detail="brief")
    assert "W_" not in key.split("\n", 1)[1] and "∂L/∂V_1 = -(y - σ(X·V_1)·V_2)·Xᵀ·(V_2ᵀ ⊙ σ'(X·V_1))" in key


BASE = {"id": "p", "kind": "matrix-identity", "statement": {"en": "…", "ru": "…"}}


@pytest.mark.parametrize("fields, error", [
    ({"identity": "quadratic-form", "layout": "column"}, "layout: quadratic-form is written with column vectors"),
    ({"identity": "dense-layer", "layout": "columns"}, "layout: 'columns' is not one of row, column"),
    ({"expr": "a^T x", "wrt": "x", "shapes": {"a": "n", "x": "n"}, "layout": "column"}, "layout: only for an identity"),
])
def test_a_layout_symnn_cannot_write_is_refused_with_the_field(fields, error):
    assert any(e.startswith(error) for e in problem_errors({**BASE, **fields})), problem_errors({**BASE, **fields})


def test_the_schema_knows_the_identities_the_column_layout_writes():
    from symnn.nn.matrix_form import ROW_LAYOUT
    assert IN_COLUMNS == ROW_LAYOUT
