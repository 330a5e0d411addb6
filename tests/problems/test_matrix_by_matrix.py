"""matrix-identity by a matrix (expr with wrt = "W"): the gradient derived term by term, against two oracles of
its own — sympy.diff of the function written entry by entry on matrices of symbols of explicit sizes, and central
differences with NumPy on random matrices — the keys' exact lines in English and Russian, the answers a student
writes, and the fields named when a file cannot state the function."""

from __future__ import annotations

import re

import numpy as np
import pytest
import sympy as sp

from symnn.answers.check import check_answer
from symnn.nn.matrix_algebra import concrete
from symnn.nn.matrix_expansion import expanded_gradient
from symnn.problems.bank import BankError, Problem
from symnn.problems.schema import problem_errors
from symnn.problems.solve import question_options, solve
from symnn.render import render

SIZES = {"m": 2, "n": 3, "k": 4, "p": 3, "q": 2, "1": 1}          # W is 2×3 where it is m×n
LAMBDA = 0.7


def tr(M):
    return sum(M[i, i] for i in range(M.shape[0]))


def sq(M):
    """‖M‖²: the sum of the squares of the entries (Frobenius for a matrix)."""
    return sum(M[i, j] ** 2 for i in range(M.shape[0]) for j in range(M.shape[1]))


def num(M):
    return M[0, 0] if hasattr(M, "shape") and M.shape == (1, 1) else M


# (expr, wrt, shapes, symmetric, the function written entry by entry on matrices v (SymPy or NumPy), the answer)
CASES = {
    # Goodfellow's least squares by the weights of k outputs: Xᵀ(XW − Y)
    "frobenius": ("1/2*norm(X*W - Y)_F^2", "W", {"X": "m x n", "W": "n x k", "Y": "m x k"}, (),
                  lambda v, lam: sq(v["X"] @ v["W"] - v["Y"]) / 2, "Xᵀ*(X*W - Y)"),
    # the linear trace: Aᵀ
    "trace": ("trace(A*W)", "W", {"A": "n x m", "W": "m x n"}, (), lambda v, lam: tr(v["A"] @ v["W"]), "Aᵀ"),
    # the square of the Frobenius norm: 2W
    "norm": ("||W||^2", "W", {"W": "m x n"}, (), lambda v, lam: sq(v["W"]), "2*W"),
    # the bilinear form: abᵀ
    "bilinear": ("a^T W b", "W", {"a": "m", "W": "m x n", "b": "n"}, (),
                 lambda v, lam: num(v["a"].T @ v["W"] @ v["b"]), "a*bᵀ"),
    # one linear layer on one column x: (Wx − y)xᵀ, the common factor on the right
    "layer": ("1/2*norm(W*x - y)^2", "W", {"W": "m x n", "x": "n", "y": "m"}, (),
              lambda v, lam: sq(v["W"] @ v["x"] - v["y"]) / 2, "(W*x - y)*xᵀ"),
    # the weight-decay term alone: λW
    "decay": ("lambda/2*norm(W)^2", "W", {"W": "m x n"}, (), lambda v, lam: lam * sq(v["W"]) / 2, "lamda*W"),
    # least squares with weight decay: the terms of Xᵀ taken out, λW beside them
    "ridge": ("1/2*norm(X*W - Y)^2 + lambda/2*norm(W)^2", "W", {"X": "m x n", "W": "n x k", "Y": "m x k"}, (),
              lambda v, lam: sq(v["X"] @ v["W"] - v["Y"]) / 2 + lam * sq(v["W"]) / 2, "lamda*W + Xᵀ*(X*W - Y)"),
    # samples as columns, Z = WX: (WX − Y)Xᵀ, by tr(WMWᵀ)
    "columns": ("1/2*norm(W*X - Y)^2", "W", {"X": "n x m", "W": "k x n", "Y": "k x m"}, (),
                lambda v, lam: sq(v["W"] @ v["X"] - v["Y"]) / 2, "(W*X - Y)*Xᵀ"),
    # tr(WᵀAW) of a square A that is not symmetric: (A + Aᵀ)W
    "quadratic": ("tr(W^T A W)", "W", {"A": "m x m", "W": "m x n"}, (),
                  lambda v, lam: tr(v["W"].T @ v["A"] @ v["W"]), "(A + Aᵀ)*W"),
    # the same with A = Aᵀ: 2AW
    "quadratic symmetric": ("tr(W^T A W)", "W", {"A": "m x m", "W": "m x n"}, ("A",),
                            lambda v, lam: tr(v["W"].T @ v["A"] @ v["W"]), "2*A*W"),
    # tr(WAWᵀ): W(A + Aᵀ)
    "quadratic right": ("tr(W A W^T)", "W", {"A": "n x n", "W": "m x n"}, (),
                        lambda v, lam: tr(v["W"] @ v["A"] @ v["W"].T), "W*(A + Aᵀ)"),
    # W twice inside one trace, with a factor after it: the product rule, one use at a time
    "two uses": ("tr(W^T A W B)", "W", {"A": "m x m", "W": "m x n", "B": "n x n"}, (),
                 lambda v, lam: tr(v["W"].T @ v["A"] @ v["W"] @ v["B"]), "A*W*B + Aᵀ*W*Bᵀ"),
    # a quadratic form of Wx: the factors common to both gradients taken out on both sides
    "form of Wx": ("(W x)^T A (W x)", "W", {"A": "m x m", "W": "m x n", "x": "n"}, (),
                   lambda v, lam: num((v["W"] @ v["x"]).T @ v["A"] @ (v["W"] @ v["x"])), "(A + Aᵀ)*W*x*xᵀ"),
    # W between two matrices: 2Aᵀ(AWB − C)Bᵀ
    "sandwich": ("norm(A*W*B - C)^2", "W", {"A": "p x m", "W": "m x n", "B": "n x q", "C": "p x q"}, (),
                 lambda v, lam: sq(v["A"] @ v["W"] @ v["B"] - v["C"]), "2*Aᵀ*(A*W*B - C)*Bᵀ"),
    # a number and its transpose, collected: 2uvᵀ
    "twice bilinear": ("u^T W v + v^T W^T u", "W", {"u": "m", "W": "m x n", "v": "n"}, (),
                       lambda v, lam: num(v["u"].T @ v["W"] @ v["v"] + v["v"].T @ v["W"].T @ v["u"]), "2*u*vᵀ"),
    # 2W and 2λSW: not (1 + λS)W, as 1 is not a matrix
    "no identity": ("norm(W)^2 + lambda*tr(W^T S W)", "W", {"S": "m x m", "W": "m x n"}, ("S",),
                    lambda v, lam: sq(v["W"]) + lam * tr(v["W"].T @ v["S"] @ v["W"]), "2*lamda*S*W + 2*W"),
    # the same by a vector: Ax + x, not (A + 1)x
    "no identity by a vector": ("1/2*x^T A x + 1/2*norm(x)^2", "x", {"A": "n x n", "x": "n"}, ("A",),
                                lambda v, lam: num(v["x"].T @ v["A"] @ v["x"]) / 2 + sq(v["x"]) / 2, "A*x + x"),
    # a power of W is W used that many times: ∇ tr(W³) = 3(Wᵀ)², ∇ tr(AW²) = AᵀWᵀ + WᵀAᵀ
    "power": ("tr(W^3)", "W", {"W": "n x n"}, (), lambda v, lam: tr(v["W"] @ v["W"] @ v["W"]), "3*Wᵀ**2"),
    "power after A": ("tr(A W W)", "W", {"A": "n x n", "W": "n x n"}, (),
                      lambda v, lam: tr(v["A"] @ v["W"] @ v["W"]), "Aᵀ*Wᵀ + Wᵀ*Aᵀ"),
    # the trace of W itself, tr(W) = Σᵢ Wᵢᵢ: the identity matrix I, of W's square shape
    "trace of W": ("tr(W)", "W", {"W": "n x n"}, (), lambda v, lam: tr(v["W"]), "I"),
    # a number times it, and of the transpose (tr(Wᵀ) = tr(W)): λI/2, 2I
    "trace times a number": ("lambda/2*trace(W)", "W", {"W": "n x n"}, (), lambda v, lam: lam * tr(v["W"]) / 2, "lamda*I/2"),
    "trace of the transpose": ("2*tr(W^T)", "W", {"W": "m x m"}, (), lambda v, lam: 2 * tr(v["W"].T), "2*I"),
    # W between two matrices in a trace, W not square: tr(AWB) = tr(BAW) gives (BA)ᵀ = AᵀBᵀ
    "trace of AWB": ("tr(A*W*B)", "W", {"A": "p x m", "W": "m x n", "B": "n x p"}, (),
                     lambda v, lam: tr(v["A"] @ v["W"] @ v["B"]), "Aᵀ*Bᵀ"),
    # Wᵀ first: tr(WᵀA) = tr(AᵀW) gives A
    "trace of WᵀA": ("tr(W^T A)", "W", {"A": "m x n", "W": "m x n"}, (), lambda v, lam: tr(v["W"].T @ v["A"]), "A"),
    # a sum of traces: each term its own identity, I beside −Aᵀ (not (3 − A)ᵀ: 3 is not a matrix)
    "traces added": ("3*tr(W) - tr(A*W)", "W", {"A": "n x n", "W": "n x n"}, (),
                     lambda v, lam: 3 * tr(v["W"]) - tr(v["A"] @ v["W"]), "-Aᵀ + 3*I"),
    # the identity inside the trace of a sum: tr(W + A) = tr(W) + tr(A)
    "trace of a sum": ("tr(W + A)", "W", {"A": "n x n", "W": "n x n"}, (), lambda v, lam: tr(v["W"] + v["A"]), "I"),
    # by a vector, S = Sᵀ: 2S(x − μ), the symmetric special form
    "gaussian symmetric": ("(x - mu)^T S (x - mu)", "x", {"S": "n x n", "x": "n", "mu": "n"}, ("S",),
                           lambda v, lam: num((v["x"] - v["mu"]).T @ v["S"] @ (v["x"] - v["mu"])), "2*S*(-mu + x)"),
    # and without symmetry: (S + Sᵀ)(x − μ)
    "gaussian": ("(x - mu)^T S (x - mu)", "x", {"S": "n x n", "x": "n", "mu": "n"}, (),
                 lambda v, lam: num((v["x"] - v["mu"]).T @ v["S"] @ (v["x"] - v["mu"])), "(S + Sᵀ)*(-mu + x)"),
}


def _shape(text):
    rows, _, columns = text.partition(" x ")
    return SIZES[rows], SIZES[columns or "1"]


def _symbols(name, shape, symmetric):
    def entry(i, j):
        i, j = (min(i, j), max(i, j)) if symmetric else (i, j)
        return sp.Symbol(f"{name}_{i}{j}", real=True)
    return sp.Matrix(*shape, entry)


def _run(case):
    expr, wrt, shapes, symmetric, _, _ = CASES[case]
    return expanded_gradient(expr, wrt, shapes, symmetric=symmetric)


@pytest.mark.parametrize("case", CASES)
def test_the_answer_is_the_derivative_of_the_entrywise_scalar_form(case):
    _, wrt, shapes, symmetric, function, expected = CASES[case]
    values = {name: _symbols(name, _shape(text), name in symmetric) for name, text in shapes.items()}
    lam = sp.Symbol("lamda", real=True)
    scalar = sp.expand(function(values, lam))
    oracle = values[wrt].applyfunc(lambda entry: sp.diff(scalar, entry))
    run = _run(case)
    got = concrete(run.answer, {**values, "lamda": lam, "I": sp.eye(oracle.rows)})
    assert sp.expand(got - oracle) == sp.zeros(*oracle.shape)
    assert str(run.answer) == expected and run.holds


@pytest.mark.parametrize("case", CASES)
def test_the_answer_matches_central_differences(case):
    _, wrt, shapes, symmetric, function, _ = CASES[case]
    rng = np.random.default_rng(len(case))
    values = {name: rng.normal(size=_shape(text)) for name, text in shapes.items()}
    for name in symmetric:
        values[name] = values[name] + values[name].T
    h, numeric = 1e-6, np.zeros(values[wrt].shape)
    for index in np.ndindex(*values[wrt].shape):
        up, down = ({**values, wrt: values[wrt].copy()} for _ in range(2))
        up[wrt][index] += h
        down[wrt][index] -= h
        numeric[index] = (function(up, LAMBDA) - function(down, LAMBDA)) / (2 * h)
    run = _run(case)
    got = concrete(run.answer, {**{n: sp.Matrix(v) for n, v in values.items()}, "lamda": LAMBDA, "I": sp.eye(numeric.shape[0])})
    assert np.allclose(np.array(got, dtype=float), numeric, atol=1e-5)


def _key(problem_id, lang):
    return render(solve(problem_id), "text", lang=lang, detail="brief").splitlines()[1:]


def test_the_frobenius_key_in_english():
    assert _key("frobenius-least-squares", "en") == [
        "The gradient by W: f = (1/2)·‖X·W - Y‖_F^2",
        "Shapes: X ∈ ℝ^(m×n), W ∈ ℝ^(n×k), Y ∈ ℝ^(m×k)",
        "The products written out (‖V‖_F^2 = tr(Vᵀ·V), (P·Q)ᵀ = Qᵀ·Pᵀ, tr(P + Q) = tr(P) + tr(Q)): "
        "f = (1/2)·tr(Wᵀ·Xᵀ·X·W) - (1/2)·tr(Wᵀ·Xᵀ·Y) - (1/2)·tr(Yᵀ·X·W) + (1/2)·tr(Yᵀ·Y)",
        "Each term is a number: a number equals its transpose, and a trace does not change when the product in it is "
        "transposed or a factor is moved from the front to the back, tr(Pᵀ) = tr(P) and tr(P·Q) = tr(Q·P); so equal "
        "terms are collected: f = (1/2)·tr(Wᵀ·Xᵀ·X·W) - tr(Yᵀ·X·W) + (1/2)·tr(Yᵀ·Y)",
        "Differentiate each term by W:",
        "   ∇_W((1/2)·tr(Wᵀ·Xᵀ·X·W)) = Xᵀ·X·W — ∇_W tr(Wᵀ·M·W) = (M + Mᵀ)·W with M = Xᵀ·X; here Mᵀ = M, so it is 2M·W",
        "   ∇_W(-tr(Yᵀ·X·W)) = -Xᵀ·Y — ∇_W tr(A·W) = Aᵀ with A = Yᵀ·X",
        "   ∇_W((1/2)·tr(Yᵀ·Y)) = 0 — no W in it",
        "The gradients of the terms added: ∇_W f = Xᵀ·X·W - Xᵀ·Y = Xᵀ·(X·W - Y)",
        "Answer: ∇_W f = Xᵀ·(X·W - Y)",
    ]


def test_the_frobenius_key_in_russian():
    key = _key("frobenius-least-squares", "ru")
    assert key[3] == ("Каждое слагаемое — число: число равно своему транспонированному, а след не меняется, если произведение "
                      "под ним транспонировать или перенести множитель из начала в конец, tr(Pᵀ) = tr(P) и tr(P·Q) = tr(Q·P); "
                      "поэтому равные слагаемые соберём: f = (1/2)·tr(Wᵀ·Xᵀ·X·W) - tr(Yᵀ·X·W) + (1/2)·tr(Yᵀ·Y)")
    assert key[5:8] == [
        "   ∇_W((1/2)·tr(Wᵀ·Xᵀ·X·W)) = Xᵀ·X·W — ∇_W tr(Wᵀ·M·W) = (M + Mᵀ)·W, где M = Xᵀ·X; здесь Mᵀ = M, поэтому это 2M·W",
        "   ∇_W(-tr(Yᵀ·X·W)) = -Xᵀ·Y — ∇_W tr(A·W) = Aᵀ, где A = Yᵀ·X",
        "   ∇_W((1/2)·tr(Yᵀ·Y)) = 0 — W в него не входит",
    ]
    assert key[-1] == "Ответ: ∇_W f = Xᵀ·(X·W - Y)"


@pytest.mark.parametrize("problem_id, lang, lines", [
    # one-layer-matrix-gradient: the bilinear identity named with its letters
    ("one-layer-matrix-gradient", "en", [
            "   ∇_W(xᵀ·Wᵀ·W·x/2) = W·x·xᵀ — the product rule, one use of W at a time with the others held fixed: "
            "W·x·xᵀ/2 + W·x·xᵀ/2 = W·x·xᵀ",
            "   ∇_W(-yᵀ·W·x) = -y·xᵀ — ∇_W(aᵀ·W·b) = a·bᵀ with a = y and b = x",
            "The gradients of the terms added: ∇_W L = W·x·xᵀ - y·xᵀ = (W·x - y)·xᵀ"]),
    ("one-layer-matrix-gradient", "ru", [
            "   ∇_W(xᵀ·Wᵀ·W·x/2) = W·x·xᵀ — правило произведения, по одному вхождению W при остальных постоянных: "
            "W·x·xᵀ/2 + W·x·xᵀ/2 = W·x·xᵀ",
            "   ∇_W(-yᵀ·W·x) = -y·xᵀ — ∇_W(aᵀ·W·b) = a·bᵀ, где a = y и b = x",
            "Сложим градиенты слагаемых: ∇_W L = W·x·xᵀ - y·xᵀ = (W·x - y)·xᵀ"]),
    # symmetric-gaussian-exponent: the function as the book writes it, Sᵀ = S in the collected terms, and the
    # symmetric special form
    ("symmetric-gaussian-exponent", "en", [
            "The gradient by x: f = (x - μ)ᵀ·S·(x - μ)",
            "Each term is a number and equals its transpose, so equal terms are collected: f = xᵀ·S·x - 2μᵀ·S·x + μᵀ·S·μ",
            "   ∇_x(xᵀ·S·x) = 2S·x — ∇_x(xᵀ·M·x) = (M + Mᵀ)·x with M = S; here Mᵀ = M, so it is 2M·x",
            "   ∇_x(-2μᵀ·S·x) = -2S·μ — ∇_x(aᵀ·x) = a with a = S·μ",
            "Answer: ∇_x f = 2S·(x - μ)"]),
    ("symmetric-gaussian-exponent", "ru", [
            "Градиент по x: f = (x - μ)ᵀ·S·(x - μ)",
            "   ∇_x(xᵀ·S·x) = 2S·x — ∇_x(xᵀ·M·x) = (M + Mᵀ)·x, где M = S; здесь Mᵀ = M, поэтому это 2M·x",
            "Ответ: ∇_x f = 2S·(x - μ)"]),
])
def test_the_key_names_each_identity_it_uses(problem_id, lang, lines):
    key = _key(problem_id, lang)
    assert all(line in key for line in lines), key


def _made(expr, shapes):
    return Problem("p", "matrix-identity", "t", BASE["statement"], {"expr": expr, "wrt": "W", "shapes": shapes})


SQUARE = {"A": "n x n", "W": "n x n"}


@pytest.mark.parametrize("expr, shapes, lang, lines", [
    # ∇_W tr(W) = I, the identity matrix of W's shape, and a number times it
    ("3*tr(W) - tr(A*W)", SQUARE, "en", [
        "   ∇_W(3·tr(W)) = 3I — ∇_W tr(W) = I, the identity matrix I ∈ ℝ^(n×n)",
        "   ∇_W(-tr(A·W)) = -Aᵀ — ∇_W tr(A·W) = Aᵀ",
        "Answer: ∇_W f = 3I - Aᵀ"]),
    ("3*tr(W) - tr(A*W)", SQUARE, "ru", [
        "   ∇_W(3·tr(W)) = 3I — ∇_W tr(W) = I, единичная матрица I ∈ ℝ^(n×n)",
        "Ответ: ∇_W f = 3I - Aᵀ"]),
    # tr(AWB) = tr(BAW): the general form's letter is not the problem's A (no "A = B·A")
    ("tr(A*W*B)", {"A": "p x m", "W": "m x n", "B": "n x p"}, "en", [
        "   ∇_W(tr(B·A·W)) = Aᵀ·Bᵀ — ∇_W tr(C·W) = Cᵀ with C = B·A"]),
    ("tr(A*W*B)", {"A": "p x m", "W": "m x n", "B": "n x p"}, "ru", [
        "   ∇_W(tr(B·A·W)) = Aᵀ·Bᵀ — ∇_W tr(C·W) = Cᵀ, где C = B·A"]),
    # a product-rule term: each use of W in turn, the contributions added
    ("tr(W^T A W B)", {"A": "m x m", "W": "m x n", "B": "n x n"}, "en", [
        "   ∇_W(tr(B·Wᵀ·A·W)) = A·W·B + Aᵀ·W·Bᵀ — the product rule, one use of W at a time with the others held fixed: "
        "A·W·B + Aᵀ·W·Bᵀ"]),
    ("1/2*x^T W^T A W x", {"A": "m x m", "W": "m x n", "x": "n"}, "ru", [
        "   ∇_W(xᵀ·Wᵀ·A·W·x/2) = (1/2)·(A·W·x·xᵀ + Aᵀ·W·x·xᵀ) — правило произведения, по одному вхождению W при "
        "остальных постоянных: A·W·x·xᵀ/2 + Aᵀ·W·x·xᵀ/2 = (1/2)·(A·W·x·xᵀ + Aᵀ·W·x·xᵀ)"]),
])
def test_the_key_of_a_trace_and_of_the_product_rule(expr, shapes, lang, lines):
    key = render(solve(_made(expr, shapes)), "text", lang=lang, detail="brief").splitlines()
    assert all(line in key for line in lines), key


AS_NUMBER = {"en": "A multiple of the identity matrix is written as a number (1 for I): a matrix plus a number does not fit; "
                   "write it with I.",
             "ru": "Кратное единичной матрицы записано числом (1 вместо I): матрицу и число сложить нельзя; запишите его "
                   "через I."}


@pytest.mark.parametrize("expr, shapes, answer, lang, right, says", [
    ("3*tr(W) - tr(A*W)", SQUARE, "3I - A^T", "en", True, None),          # I, the identity matrix
    ("3*tr(W) - tr(A*W)", SQUARE, "3 I_n - A^T", "en", True, None),       # Iₙ, as some books write it
    ("3*tr(W) - tr(A*W)", SQUARE, "3E - A^T", "ru", True, None),          # E, as Russian books write it
    ("3*tr(W) - tr(A*W)", SQUARE, "3*I*I - A^T*I", "en", True, None),     # I·I = I, Aᵀ·I = Aᵀ: I is no random matrix
    ("3*tr(W) - tr(A*W)", SQUARE, "3 - A^T", "en", False, AS_NUMBER["en"]),   # the number 3 for 3I
    ("3*tr(W) - tr(A*W)", SQUARE, "-A^T + 3", "ru", False, AS_NUMBER["ru"]),
    ("3*tr(W) - tr(A*W)", SQUARE, "3I - A", "en", False, "The whole formula is transposed"),     # Iᵀ = I: (3I − Aᵀ)ᵀ
    ("tr(W)", {"W": "n x n"}, "I", "en", True, None),
    ("tr(W)", {"W": "n x n"}, "1", "en", False, None),                     # the number 1 is not the identity matrix
    ("tr(A*W*B)", {"A": "p x m", "W": "m x n", "B": "n x p"}, "(BA)^T", "en", True, None),
    ("tr(A*W*B)", {"A": "p x m", "W": "m x n", "B": "n x p"}, "BA", "en", False, "The whole formula is transposed"),
])
def test_the_checker_on_traces(expr, shapes, answer, lang, right, says):
    problem = _made(expr, shapes)
    verdict = check_answer(solve(problem).answer, answer, lang=lang, **question_options(problem))
    assert verdict.correct is right, verdict.feedback
    assert says is None or any(line.startswith(says) for line in verdict.feedback), verdict.feedback


@pytest.mark.parametrize("problem_id, answer, right, says", [
    ("frobenius-least-squares", "X^T (X W - Y)", True, None),           # the book's form
    ("frobenius-least-squares", "X^T X W - X^T Y", True, None),         # expanded
    ("frobenius-least-squares", "(X W - Y)^T X", False, "transposed"),  # by a matrix, the transpose is another matrix
    ("frobenius-least-squares", "2 X^T (X W - Y)", False, "factor of 2"),   # the ½ forgotten
    ("one-layer-matrix-gradient", "(W x - y) x^T", True, None),
    ("one-layer-matrix-gradient", "x (W x - y)^T", False, "transposed"),
    ("symmetric-gaussian-exponent", "(S + S^T)(x - mu)", True, None),   # right too, as S = Sᵀ
    ("symmetric-gaussian-exponent", "S (x - mu)", False, "factor of 2"),
])
def test_the_checker_on_gradients_by_a_matrix(problem_id, answer, right, says):
    solution = solve(problem_id)
    verdict = check_answer(solution.answer, answer, **question_options(solution.problem))
    assert verdict.correct is right
    if says:
        assert says in " ".join(verdict.feedback)


BASE = {"id": "p", "kind": "matrix-identity", "statement": {"en": "…", "ru": "…"}}


@pytest.mark.parametrize("fields, error", [
    ({"expr": "m^2", "wrt": "m", "shapes": {"m": "1"}}, "wrt: m is a number"),                   # a number
    ({"expr": "tr(W^T A W)", "wrt": "W", "shapes": {"A": "n x n", "W": "n x n"}, "symmetric": ["W"]},
     "wrt: W is symmetric"),                                                                   # by a symmetric matrix
    ({"expr": "a^T W b", "wrt": "W", "shapes": {"a": "m", "W": "m by n", "b": "n"}},
     "shapes: W = 'm by n' is not a shape"),                                                   # when the bank loads
])
def test_a_file_that_cannot_differentiate_by_its_wrt_is_refused(fields, error):
    assert any(e.startswith(error) for e in problem_errors({**BASE, **fields})), problem_errors({**BASE, **fields})


@pytest.mark.parametrize("fields, error", [
    ({"expr": "tr(A*W)", "wrt": "W", "shapes": {"A": "n x m", "W": "m x k"}}, "expr: tr(A*W) is the trace of a n×k matrix, which is not square"),
    ({"expr": "tr(W)", "wrt": "W", "shapes": {"W": "m x n"}}, "expr: tr(W) is the trace of a m×n matrix, which is not square"),
    ({"expr": "tr(W) + tr(I*W)", "wrt": "W", "shapes": {"W": "n x n", "I": "n x n"}},      # I is the file's own letter
     "expr: the gradient of tr(W) by W is a multiple of the identity matrix I, and shapes names another matrix I"),
    ({"expr": "tr(A*W)^2", "wrt": "W", "shapes": {"A": "n x m", "W": "m x n"}}, "expr: .* is not linear in its traces"),
    ({"expr": "tr(W)", "wrt": "W", "shapes": {"W": "n by n"}}, "shapes: W = 'n by n' is not a shape"),
    ({"expr": "logdet(W)", "wrt": "W", "shapes": {"W": "n x n"}}, "expr: unknown function 'logdet'"),   # det(W) is read; logdet is not
    ({"expr": "sigmoid(a^T W b)", "wrt": "W", "shapes": {"a": "m", "W": "m x n", "b": "n"}},      # not a sum of products
     "expr: sigmoid(aᵀ*W*b) is a function of matrices"),
    ({"expr": "a^T W b", "wrt": "W", "shapes": {"a": "m", "W": "m x n", "b": "m"}},               # b does not fit W
     "expr: aᵀ*W (1×n) times b (m×1) do not fit"),
])
def test_a_function_by_a_matrix_symnn_cannot_read_is_refused_with_the_field(fields, error):
    problem = Problem("p", "matrix-identity", "t", BASE["statement"], {**fields})
    with pytest.raises(BankError) as raised:
        solve(problem)
    assert re.search(error if ".*" in error else re.escape(error), str(raised.value)), raised.value


@pytest.mark.parametrize("format", ["latex", "md", "html", "json"])
@pytest.mark.parametrize("lang", ["en", "ru"])
def test_every_format_writes_the_trace_and_the_frobenius_norm(format, lang):
    key = render(solve("frobenius-least-squares"), format, lang=lang, detail="full")
    assert "tr" in key and ("F" in key) and "X" in key


@pytest.mark.parametrize("written", [
    "norm(W)^2", "||W||^2", "||W||_F^2", "||W||^2_F", "‖W‖²_F", "‖W‖_F²", "norm(W)_{F}^2",   # as books and keyboards write it
])
def test_every_spelling_of_the_squared_frobenius_norm_is_read(written):
    run = expanded_gradient(written, "W", {"W": "m x n"})
    assert str(run.answer) == "2*W" and run.holds and run.frobenius
