"""The answer forms of the books the checker must read, and the wrong answers it must not let through: a line
as its equation in any find order, a condition followed by its bound's value, index forms of the softmax's
Jacobian and gradient, a gradient written as a row, a node named e, and a chain side that is a wrong formula of
the right value at the point."""

import textwrap

import numpy as np
import pytest

from symnn.answers.check import check_answer, check_bank_answer

POINTS = [(0, 6), (1, 0), (2, 0)]                       # Strang's three points, b = C + Dt
SLOPE, INTERCEPT = (round(float(c)) for c in np.polyfit(*zip(*POINTS), 1))    # the oracle: NumPy's fit, D = −3, C = 5
SCORES, TARGET = np.array([3.2, 5.1, -1.7]), np.array([1, 0, 0])
GRADIENT = np.exp(SCORES) / np.exp(SCORES).sum() - TARGET     # softmax(o) − y, by NumPy

BANK = f"""
title.en = 'Book forms'
title.ru = 'Записи из учебников'

[[problem]]
id = "strang-cd"
kind = "least-squares"
points = {[list(p) for p in POINTS]}
find = ["b", "w"]
notation = {{ w = "D", b = "C", x = "t", y = "b" }}
statement.en = 'Find the closest line $b = C + Dt$ to the points (0, 6), (1, 0), (2, 0): give C, then D.'
statement.ru = 'Найдите прямую $b = C + Dt$, ближайшую к точкам (0, 6), (1, 0), (2, 0): запишите C, затем D.'

[[problem]]
id = "line-bw"
kind = "least-squares"
points = [[0, 1], [1, 3], [2, 5]]
find = ["b", "w"]
statement.en = 'Fit the line $y = wx + b$ to the points (0, 1), (1, 3), (2, 5): give b, then w.'
statement.ru = 'Найдите прямую $y = wx + b$ по точкам (0, 1), (1, 3), (2, 5): запишите b, затем w.'

[[problem]]
id = "line-wb"
kind = "least-squares"
points = [[0, 1], [1, 3], [2, 5]]
statement.en = 'Fit the line $y = wx + b$ to the points (0, 1), (1, 3), (2, 5).'
statement.ru = 'Найдите прямую $y = wx + b$ по точкам (0, 1), (1, 3), (2, 5).'

[[problem]]
id = "gd-lmax"
kind = "condition"
given = {{ lambda_max = 2 }}
condition = "alpha < 1/lambda_max"
wrt = "alpha"
statement.en = 'The largest eigenvalue of the Hessian is 2. For which step is the step below the inverse of it?'
statement.ru = 'Наибольшее собственное значение гессиана равно 2. При каком шаге он меньше обратной к нему величины?'

[[problem]]
id = "bishop-softmax"
kind = "softmax-jacobian"
n = 3
notation = {{ s = "y", y = "a" }}
statement.en = 'Find the derivatives of the softmax outputs y_k by its inputs a_j for three classes.'
statement.ru = 'Найдите производные выходов y_k функции softmax по её входам a_j для трёх классов.'

[[problem]]
id = "ce-grad"
kind = "network"
layers = [3, 3]
inputs = {SCORES.tolist()}
targets = {TARGET.tolist()}
weights = [[[1, 0, 0], [0, 1, 0], [0, 0, 1]]]
biases = "none"
activation = "identity"
loss = "softmax-ce"
steps = 0
find = ["dL/do1", "dL/do2", "dL/do3"]
tolerance = {{ decimals = 2 }}
statement.en = 'Scores o = (3.2, 5.1, -1.7), one-hot target y = (1, 0, 0), softmax cross-entropy L. Find the gradient by o.'
statement.ru = 'Оценки o = (3.2, 5.1, -1.7), цель y = (1, 0, 0), перекрёстная энтропия L после softmax. Найдите градиент по o.'

[[problem]]
id = "node-e"
kind = "program"
steps = ["c = a*b", "e = c + a", "L = e*e"]
at = "a = 2, b = 3"
find = ["L", "dL/de", "dL/da"]
statement.en = 'Run c = ab, e = c + a, L = e^2 at a = 2, b = 3, forward and backward.'
statement.ru = 'Выполните прямой и обратный проходы c = ab, e = c + a, L = e^2 при a = 2, b = 3.'
"""

G = ", ".join(f"{g:.2f}" for g in GRADIENT)                  # the gradient to two places, as asked
WRONG_G = ", ".join(f"{-g:.2f}" for g in GRADIENT)           # y − softmax(o): the sign slipped

# (problem, answer, language, correct?, words the feedback must contain)
CASES = [
    # --- 1. a line written as its equation, read by its slope and intercept whatever the order find asks
    ("strang-cd", f"b = {INTERCEPT} - {-SLOPE}t", "en", True, ""),          # Strang's own answer, find (C, D)
    ("strang-cd", f"b = {SLOPE}t + {INTERCEPT}", "en", True, ""),          # the terms in the other order
    ("strang-cd", f"{INTERCEPT} - {-SLOPE}t = b", "en", True, ""),          # the names in the other order
    ("strang-cd", f"C = {INTERCEPT}, D = {SLOPE}", "en", True, ""),         # by the parts' names
    ("strang-cd", f"b = {INTERCEPT} + {-SLOPE}t", "en", False, "sign"),     # the slope's sign slipped
    ("strang-cd", f"b = {-SLOPE} - {INTERCEPT}t", "en", False, "Component"),   # the numbers of each other
    ("strang-cd", f"b = {INTERCEPT} - {-SLOPE}x", "en", False, "vector of 2"),  # x is not the statement's variable
    ("line-bw", "y = 2x + 1", "en", True, ""),                               # find (b, w), y = wx + b
    ("line-bw", "y = 1 + 2x", "en", True, ""),
    ("line-bw", "2x + 1 = y", "en", True, ""),
    ("line-bw", "y = x + 2", "en", False, "swapped"),                        # slope and intercept swapped, said so
    ("line-wb", "y = 1 + 2x", "en", True, ""),                               # the default find (w, b) still reads it
    ("line-wb", "y = 2x + 1", "ru", True, ""),
    # --- 2. a condition followed by the value of its bound
    ("gd-lmax", "α < 1/λ_max = 0.5", "en", True, ""),                        # λ_max = 2 given: both parts right
    ("gd-lmax", r"\alpha < \frac{1}{\lambda_{max}} = 0.5", "en", True, ""),  # in LaTeX
    ("gd-lmax", "α < 1/λ_max = 1/2 = 0.5", "en", True, ""),                  # a longer chain
    ("gd-lmax", "α < 1/λ_max = 0.25", "en", False, "its bound is 0.5, not 0.25"),   # the value wrong: which part
    ("gd-lmax", "α < 1/λ_max = 0,25", "ru", False, "его граница равна 0,5, а не 0,25"),
    ("gd-lmax", "α < 2/λ_max = 0.5", "en", False, "step of the chain"),     # the condition wrong, the value right
    ("hagan-stable-rate", "0 < α < 2/50 = 0.04", "en", True, ""),             # a bound from each side
    ("hagan-stable-rate", "0 < α < 2/50 = 0.4", "en", False, "its bound is 0.04, not 0.4"),
    ("hagan-stable-rate", "0 < α < 2/λ_max = 0.04", "en", True, "was not checked"),   # λ_max not given: said so
    # --- 3. index forms: Bishop's softmax Jacobian and the softmax cross-entropy gradient
    ("bishop-softmax", "y_k(I_kj − y_j)", "en", True, ""),                   # Bishop's form, I the identity
    ("bishop-softmax", "y_k(δ_kj − y_j)", "en", True, ""),                   # with Kronecker's delta
    ("bishop-softmax", r"y_k(\delta_{kj} - y_j)", "en", True, ""),           # in LaTeX
    ("bishop-softmax", "y_k(I_kj + y_j)", "en", False, "sign"),              # off the diagonal, the sign
    ("bishop-softmax", "a_k(I_kj − a_j)", "en", False, "Entry"),             # the inputs a for the outputs y
    ("softmax-jacobian", "s_k(I_kj − s_j)", "en", True, ""),                 # the course's names, Bishop's letters
    ("ce-grad", f"softmax(o)_j − y_j = ({G})", "en", True, ""),              # the formula of an entry, then the values
    ("ce-grad", rf"\mathrm{{softmax}}(o)_{{j}} - y_{{j}} = ({G})", "en", True, ""),
    ("ce-grad", f"y_j − softmax(o)_j = ({G})", "en", False, "softmax(o)_j"),   # the formula wrong, shown as written
    ("ce-grad", f"softmax(o)_j − y_j = ({WRONG_G})", "en", False, ""),      # the values wrong
    ("ce-grad", f"∂L/∂o_1 = softmax(o)_1 - y_1 = {GRADIENT[0]:.2f}, ∂L/∂o_2 = softmax(o)_2 = {GRADIENT[1]:.2f}, "
     f"∂L/∂o_3 = {GRADIENT[2]:.2f}", "en", True, ""),                       # one entry at a time
    ("ce-grad", f"∂L/∂o_1 = softmax(o)_1 = {GRADIENT[0]:.2f}, ∂L/∂o_2 = {GRADIENT[1]:.2f}, ∂L/∂o_3 = {GRADIENT[2]:.2f}",
     "en", False, "softmax(o)_1 ≈"),                                          # y_1 left out: its value said
    # --- 4. ∇(xᵀAx) for a symmetric A written as a row: accepted, the layout named
    ("quadratic-form-symmetric", "2x^TA", "en", True, "numerator layout"),
    ("quadratic-form-symmetric", "2x^TA", "ru", True, "раскладка по числителю"),
    ("quadratic-form-symmetric", "2Ax", "en", True, "the expected expression"),   # the column: no note
    ("quadratic-form-symmetric", "x^TA", "en", False, "factor of 2"),         # a slip of the row form is named
    ("quadratic-form-grad", "x^T(A + A^T)", "en", True, "numerator layout"),  # A not symmetric: the same rule
    ("quadratic-form-grad", "2x^TA", "en", False, "transpose of A"),          # ... and 2xᵀA is no answer there
    # --- 5. a node named e is the node, not Euler's number
    ("node-e", "L = 64, dL/de = 2e = 16, dL/da = 2e(b + 1) = 64", "en", True, ""),
    ("node-e", "L = 64, dL/de = 2e = 16, dL/da = 2eb = 64", "en", False, "step of the chain"),   # 2eb is 48
    # --- 6. a chain side in the function's variables is compared as the formula, not only at the point
    ("4.3", "∂f/∂x = 15x^2 = 60, ∂f/∂y = -6/y^3 = -162, ∂f/∂z = cos z = 1", "en", True, ""),
    ("4.3", "∂f/∂x = 30x = 60, ∂f/∂y = -6/y^3 = -162, ∂f/∂z = cos z = 1", "en", False,
     "right value at the point, but as a formula"),                          # 30x is 60 at x = 2 too
    ("4.3", "(30x, -6/y^3, cos z) = (60, -162, 1)", "ru", False, "как формула"),
    ("4.3", "(15x^2, -6·27, cos z) = (60, -162, 1)", "en", True, ""),          # y = 1/3 put in part of the way
    ("4.3", "∂f/∂x = 20x = 60, ∂f/∂y = -6/y^3 = -162, ∂f/∂z = cos z = 1", "en", False, "20·x = 40"),
    ("program-add-mul", "(-12, -4, -4, 3)", "en", True, ""),                 # a program's own answer, unchanged
    # ... and of a total derivative, whose formula in t the key gives
    ("total-derivative", "df/dt = 2xy(-sin t) + x^2 cos t = -√2/4", "en", True, ""),   # in the named values x, y
    ("total-derivative", "df/dt = -2cos(t) sin(t)^2 + cos(t)^3 = -√2/4", "en", True, ""),   # in t: the formula
    ("total-derivative", "df/dt = -cos(t)^3 = -√2/4", "en", False, "as a formula"),   # −cos³t is −√2/4 at π/4 too
    ("chain-two-variables", "∂f/∂s = 3s^2t^2 + 2st^3 = 28, ∂f/∂t = 16", "en", True, ""),
    ("chain-two-variables", "∂f/∂s = 28s = 28, ∂f/∂t = 16", "en", False, "as a formula"),   # 28 at s = 1 only
]


@pytest.fixture(scope="module")
def bank(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bank")
    (folder / "forms.toml").write_text(textwrap.dedent(BANK), encoding="utf-8")
    from symnn.problems.bank import load_bank
    shipped = set(load_bank())
    return folder, shipped


@pytest.mark.parametrize("problem, answer, lang, correct, words", CASES)
def test_book_forms(bank, problem, answer, lang, correct, words):
    folder, shipped = bank
    verdict = check_bank_answer(problem, answer, None if problem in shipped else folder, lang=lang, timeout=20)
    feedback = " ".join(verdict.feedback)
    assert verdict.correct is correct, feedback
    assert words in feedback


def test_a_right_chain_side_in_named_values_stays_right():
    # ∂f/∂z = q = 3 of q = x + y: a side in a value the problem names (not its inputs) is checked at the point
    assert check_bank_answer("program-add-mul", "f = -12, ∂f/∂x = z = -4, ∂f/∂y = z = -4, ∂f/∂z = q = 3").correct


@pytest.mark.parametrize("answer, correct", [
    ("e^2", False),             # with no node e, e is Euler's number: e² is not 8
    ("2e^2", False),
])
def test_e_without_a_node_e_is_euler_s_number(answer, correct):
    import sympy as sp
    assert check_answer(sp.exp(2), "e^2").correct            # e^2 is exp(2) where no value is named e
    assert check_answer(8, answer).correct is correct


@pytest.mark.parametrize("problem_id, answer, correct", [
    # ∇_x xᵀAx by the vector x: the row form 2xᵀA is the numerator layout of 2Ax, accepted with a note
    ("quadratic-form-symmetric", "2x^T A", True),
    # the MSE's gradient by the vector w as a row: the same, the numerator layout
    ("linreg-matrix-grad", "-2/n (y - Xw)^T X", True),
    # ∂L/∂W by the matrix W (d×k): aᵀX is k×d, another matrix, a slip however a student lays it out
    ("graph-matrix", "a^T X", False),
    # the same by the dense layer's W: δᵀX for Xᵀδ
    ("dense-layer-grad", "\\delta^T X", False),
])
def test_a_row_form_is_a_layout_only_by_a_vector(problem_id, answer, correct):
    verdict = check_bank_answer(problem_id, answer, timeout=20)
    assert verdict.correct is correct
    assert ("numerator layout" in " ".join(verdict.feedback)) is correct
