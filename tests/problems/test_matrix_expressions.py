"""matrix-identity with the book's own function (expr, wrt, shapes): the gradient derived term by term in the
book's letters, against an independent oracle, SymPy's own matrix calculus on MatrixSymbols (tests' own bank:
matrix_bank/matrix.toml), and the answers a student writes."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import sympy as sp

from symnn.answers.check import check_answer
from symnn.problems.bank import BankError, load_bank
from symnn.problems.schema import problem_errors
from symnn.problems.solve import question_options, solve
from symnn.render import render

BANK = Path(__file__).parent / "matrix_bank"
m, n = 3, 2          # the sizes of the oracle: A is m×n, not square
A, X = sp.MatrixSymbol("A", m, n), sp.MatrixSymbol("X", m, n)
x, w, a, b, y = (sp.MatrixSymbol(s, k, 1) for s, k in (("x", n), ("w", n), ("a", n), ("b", m), ("y", m)))
S = sp.MatrixSymbol("A", n, n)
lam, size = sp.Symbol("lamda"), sp.Symbol("m")
mu, Sg = sp.MatrixSymbol("mu", n, 1), sp.MatrixSymbol("S", n, n)
# (problem, the function as SymPy matrix expressions, the vector it is differentiated by)
ORACLE = {
    "goodfellow-least-squares": ((A * x - b).T * (A * x - b) / 2, x),
    "squared-error-w": ((X * w - y).T * (X * w - y), w),
    "quadratic-letters": (x.T * S * x, x),
    "linear-letters": (a.T * x, x),
    "weight-decay": (w.T * w / 2 + lam * w.T * w, w),
    "gaussian-exponent": ((x - mu).T * Sg * (x - mu), x),         # a Greek letter given a shape is a vector
    "mse-over-m": ((X * w - y).T * (X * w - y) / (2 * size), w),   # a Latin letter of shape 1 is a number
}


def _numbers(symbol, rng):
    return sp.Matrix(*symbol.shape, lambda i, j: rng.randint(-5, 5))


def _value_of_answer(answer, values, scalar):
    """symnn's answer (Letters, ᵀ marks) on the same numbers."""
    from symnn.nn.matrix_algebra import concrete
    return concrete(answer.xreplace({s: scalar for s in answer.free_symbols if s.is_commutative}), values)


@pytest.mark.parametrize("problem_id", ORACLE)
def test_the_gradient_is_sympys_matrix_derivative(problem_id):
    function, by = ORACLE[problem_id]
    oracle = sp.Matrix(function.diff(by)) if problem_id != "linear-letters" else sp.Matrix(a)
    answer = solve(problem_id, BANK).answer
    rng = random.Random(problem_id)
    for _ in range(3):
        letters = {s: _numbers(s, rng) for s in oracle.free_symbols | function.free_symbols if isinstance(s, sp.MatrixSymbol)}
        scalar = sp.Integer(rng.randint(2, 7))
        expected = oracle.subs({**letters, lam: scalar, size: scalar}).doit()
        got = _value_of_answer(answer, {s.name: v for s, v in letters.items()}, scalar)
        assert sp.Matrix(got) == sp.Matrix(expected)


@pytest.mark.parametrize("problem_id, answer", [
    ("goodfellow-least-squares", "Aᵀ*(A*x - b)"),      # Goodfellow's form, the common factor out
    ("squared-error-w", "2*Xᵀ*(X*w - y)"),             # the number 2 with it
    ("quadratic-letters", "(A + Aᵀ)*x"),               # 2Ax only for a symmetric A
    ("linear-letters", "a"),
    ("weight-decay", "(2*lamda + 1)*w"),               # a factor on the right
    ("mse-over-m", "Xᵀ*(X*w - y)/m"),                  # a scalar with the numbers
    ("gaussian-exponent", "(S + Sᵀ)*(-mu + x)"),        # by the first factors, then what follows each
])
def test_the_answer_takes_the_common_factor_out(problem_id, answer):
    assert str(solve(problem_id, BANK).answer) == answer


@pytest.mark.parametrize("answer, right, says", [
    ("A^T (A x - b)", True, None),                         # the book's answer
    ("A^T A x - A^T b", True, None),                       # expanded
    ("(A x - b)^T A", True, "numerator layout"),           # the row of the numerator layout: right, with the note
    ("A (A x - b)", False, "transpose of A is missing"),   # a transpose left out
    ("2 A^T (A x - b)", False, "factor of 2"),             # the ½ forgotten
    ("A^T (A x + b)", False, None),                        # a sign inside
])
def test_the_checker_on_goodfellows_gradient(answer, right, says):
    solution = solve("goodfellow-least-squares", BANK)
    verdict = check_answer(solution.answer, answer, **question_options(solution.problem))
    assert verdict.correct is right
    if says:
        assert says in " ".join(verdict.feedback)


def test_the_key_expands_differentiates_each_term_and_names_the_identities():
    key = render(solve("goodfellow-least-squares", BANK), "text", lang="en", detail="brief").splitlines()[1:]
    assert key == [
        "The gradient by x: f = (1/2)·‖A·x - b‖^2",
        "Shapes: A ∈ ℝ^(m×n), x ∈ ℝ^(n×1), b ∈ ℝ^(m×1)",
        "The products written out (‖v‖^2 = vᵀ·v, (P·Q)ᵀ = Qᵀ·Pᵀ): f = xᵀ·Aᵀ·A·x/2 - bᵀ·A·x/2 - xᵀ·Aᵀ·b/2 + bᵀ·b/2",
        "Each term is a number and equals its transpose, so equal terms are collected: f = xᵀ·Aᵀ·A·x/2 - bᵀ·A·x + bᵀ·b/2",
        "Differentiate each term by x:",
        "   ∇_x(xᵀ·Aᵀ·A·x/2) = Aᵀ·A·x — ∇_x(xᵀ·M·x) = (M + Mᵀ)·x with M = Aᵀ·A; here Mᵀ = M, so it is 2M·x",
        "   ∇_x(-bᵀ·A·x) = -Aᵀ·b — ∇_x(aᵀ·x) = a with a = Aᵀ·b",
        "   ∇_x(bᵀ·b/2) = 0 — no x in it",
        "The gradients of the terms added: ∇_x f = Aᵀ·A·x - Aᵀ·b = Aᵀ·(A·x - b)",
        "Answer: ∇_x f = Aᵀ·(A·x - b)",
    ]


@pytest.mark.parametrize("format", ["latex", "md", "html", "json"])
@pytest.mark.parametrize("lang", ["en", "ru"])
def test_every_format_and_language_prints_the_key(format, lang):
    for problem_id in ORACLE:
        assert render(solve(problem_id, BANK), format, lang=lang, detail="full")


@pytest.mark.parametrize("problem_id, lines", [
    # xᵀAx is written out already: no expansion line; the identity with its M
    ("quadratic-letters", ["   ∇_x(xᵀ·A·x) = A·x + Aᵀ·x — ∇_x(xᵀ·M·x) = (M + Mᵀ)·x with M = A"]),
    # aᵀx is the identity's own form: said in words, not restated
    ("linear-letters", ["   ∇_x(aᵀ·x) = a — linear in x: the gradient is the vector that multiplies x"]),
    # two norms, each a square of w, in the statement's order
    ("weight-decay", ["The products written out (‖v‖^2 = vᵀ·v, (P·Q)ᵀ = Qᵀ·Pᵀ): f = wᵀ·w/2 + λ·wᵀ·w",
                      "   ∇_w(λ·wᵀ·w) = 2λ·w — ∇_w(wᵀ·w) = 2w",
                      "The gradients of the terms added: ∇_w f = 2λ·w + w = (1 + 2λ)·w"]),
])
def test_each_term_names_the_identity_it_uses(problem_id, lines):
    key = render(solve(problem_id, BANK), "text", lang="en", detail="brief").splitlines()
    assert all(line in key for line in lines), key
    assert ("The products written out" in "\n".join(key)) is (problem_id == "weight-decay")


def test_a_symmetric_letter_is_its_own_transpose():
    """½‖x‖² + ½xᵀAx − bᵀx with A = Aᵀ: sympy.diff of the sum written entry by entry, a_ij = a_ji."""
    size = 3
    A = sp.Matrix(size, size, lambda i, j: sp.Symbol(f"a{min(i, j)}{max(i, j)}"))
    xs, bs = sp.Matrix(sp.symbols(f"x0:{size}")), sp.Matrix(sp.symbols(f"b0:{size}"))
    f = (xs.T * xs / 2 + xs.T * A * xs / 2 - bs.T * xs)[0, 0]
    oracle = sp.Matrix([sp.diff(f, v) for v in xs])
    from symnn.nn.matrix_algebra import concrete
    solution = solve("symmetric-quadratic-letters", BANK)
    assert sp.expand(concrete(solution.answer, {"A": A, "x": xs, "b": bs}) - oracle) == sp.zeros(size, 1)
    assert str(solution.answer) == "A*x - b + x"                  # no Aᵀ left: 2·½Ax
    verdict = check_answer(solution.answer, "(A + A^T) x / 2 + x - b", **question_options(solution.problem))
    assert verdict.correct                                        # right too, as A = Aᵀ


BASE = {"id": "p", "kind": "matrix-identity", "statement": {"en": "…", "ru": "…"}}


@pytest.mark.parametrize("fields, error", [
    ({"expr": "a^T x", "wrt": "x"}, "shapes: missing"),                                    # no shapes
    ({"identity": "quadratic-form", "expr": "x^T A x"}, "expr: a matrix-identity problem names"),   # both ways at once
    ({"expr": "a^T x", "wrt": "y", "shapes": {"a": "n", "x": "n"}}, "wrt: y has no shape"),
    ({}, "expr: missing"),                                                                   # neither
    ({"expr": "a^T x", "wrt": "x", "shapes": {"a": "n", "x": "n"}, "find": "minimizer"}, "find: only for an identity"),
    ({"expr": "x^T B x", "wrt": "x", "shapes": {"B": "n x n", "x": "n"}, "symmetric": ["A"]}, "symmetric: A has no shape"),
    ({"identity": "quadratic-form", "symmetric": ["A"]}, "symmetric: only for expr"),
])
def test_a_file_that_cannot_state_the_function_is_refused_with_the_field(fields, error):
    assert any(e.startswith(error) for e in problem_errors({**BASE, **fields})), problem_errors({**BASE, **fields})


@pytest.mark.parametrize("fields, error", [
    ({"expr": "a^T x", "wrt": "x", "shapes": {"x": "n"}}, "shapes: the letter a of expr has no shape"),
    ({"expr": "A X", "wrt": "x", "shapes": {"A": "m x n", "X": "n x k", "x": "n"}},        # A x is a vector: its Jacobian
     "expr: A X is not a number or a vector"),
    ({"expr": "norm(A x - b)", "wrt": "x", "shapes": {"A": "m x n", "x": "n", "b": "m"}}, "expr: a norm is taken squared"),
    ({"expr": "a^T x", "wrt": "x", "shapes": {"a": "n", "x": "n by n"}}, "shapes: x = 'n by n' is not a shape"),
    ({"expr": "x^T B x", "wrt": "x", "shapes": {"B": "m x n", "x": "n"}, "symmetric": ["B"]}, "symmetric: B is not a square"),
])
def test_a_function_symnn_cannot_read_is_refused_when_solved_with_the_field(fields, error):
    from symnn.problems.bank import Problem
    problem = Problem("p", "matrix-identity", "t", BASE["statement"], {**fields})
    with pytest.raises(BankError, match=error):
        solve(problem)


def test_the_bank_loads_without_importing_sympy():
    import subprocess
    import sys
    code = ("import sys; from symnn.problems.bank import load_bank; "
            f"print(sorted(load_bank({str(BANK)!r})), 'sympy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).parents[2]).stdout          # this checkout's symnn
    assert out.strip().endswith("False")
    assert set(load_bank(BANK)) == set(ORACLE) | {"nielsen-bp2", "column-dense-layer", "two-layer-letters",
                                              "symmetric-quadratic-letters"}
