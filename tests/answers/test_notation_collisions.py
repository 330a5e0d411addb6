"""A notation that shows a problem's letters by letters that are its own names of other things: a chain (the
scores y shown as s, the outputs s shown as p) or a swap (x shown as y, y as x). An answer is read in the letters
the student sees, and put in symnn's own letters once: a right answer in the shown letters is right, one in symnn's
own letters, which mean something else to the student, is not, and a message names only the shown letters.

The oracles: the softmax gradient p − onehot and its Jacobian diag(p) − ppᵀ by NumPy's central differences at
random scores, and the derivatives by sympy.diff, in symnn's letters; each answer is written in the shown ones."""

from __future__ import annotations

import textwrap

import numpy as np
import pytest
import sympy as sp

from symnn.answers.check import check_bank_answer

BANK = r"""
title.en = 'Shown letters'
title.ru = 'Буквы условия'

[[problem]]
id = "nll-chain"
kind = "softmax-nll"
n = 3
true_class = 2
notation = { y = "s", s = "p" }
statement.en = 'Softmax $p_k = e^{s_k} / \sum_j e^{s_j}$ of the scores $s_1, s_2, s_3$ and the loss $L = -\log p_2$ of the one-hot label $y$ of class 2. Find $\nabla_s L$.'
statement.ru = 'Softmax $p_k = e^{s_k} / \sum_j e^{s_j}$ от оценок $s_1, s_2, s_3$ и потеря $L = -\log p_2$ для метки $y$ класса 2. Найдите $\nabla_s L$.'

[[problem]]
id = "jacobian-swap"
kind = "softmax-jacobian"
n = 2
notation = { s = "y", y = "s" }
statement.en = 'The softmax outputs $y_k = e^{s_k} / \sum_j e^{s_j}$ of the inputs $s_1, s_2$. Find $\partial y_k / \partial s_j$.'
statement.ru = 'Выходы softmax $y_k = e^{s_k} / \sum_j e^{s_j}$ от входов $s_1, s_2$. Найдите $\partial y_k / \partial s_j$.'

[[problem]]
id = "derivative-swap"
kind = "derivative"
expr = "x^3*y"
wrt = "x"
notation = { x = "y", y = "x" }
statement.en = 'Find $\frac{\partial}{\partial y}(y^3 x)$.'
statement.ru = 'Найдите $\frac{\partial}{\partial y}(y^3 x)$.'

[[problem]]
id = "derivative-chain"
kind = "derivative"
expr = "n^2*m"
wrt = "n"
notation = { n = "m", m = "k" }
statement.en = 'Find $\frac{\partial}{\partial m}(m^2 k)$.'
statement.ru = 'Найдите $\frac{\partial}{\partial m}(m^2 k)$.'

[[problem]]
id = "at-swap"
kind = "derivative"
expr = "x^3*y"
wrt = "x"
at = "x = 1, y = 2"
notation = { x = "y", y = "x" }
statement.en = 'Find $\frac{\partial}{\partial y}(y^3 x)$ at $y = 1$, $x = 2$.'
statement.ru = 'Найдите $\frac{\partial}{\partial y}(y^3 x)$ при $y = 1$, $x = 2$.'

[[problem]]
id = "perceptron-w0"
kind = "perceptron"
inputs = [[0, 0], [0, 1], [1, 0], [1, 1]]
targets = [0, 0, 0, 1]
weights = [0, 0]
biases = 0
notation = { b = "w_0" }
statement.en = 'A perceptron $a = \operatorname{hardlim}(w_1 x_1 + w_2 x_2 + w_0)$ learns AND by the perceptron rule from zero weights. Find $w_1$, $w_2$ and $w_0$.'
statement.ru = 'Перцептрон $a = \operatorname{hardlim}(w_1 x_1 + w_2 x_2 + w_0)$ обучается функции И по правилу перцептрона с нулевых весов. Найдите $w_1$, $w_2$ и $w_0$.'
"""


def _softmax(v):
    return np.exp(v) / np.exp(v).sum()


def test_the_softmax_forms_hold_by_central_differences():
    # ∂(−log p_2)/∂s = p − onehot(2) and ∂p/∂s = diag(p) − ppᵀ, the forms the cases write in the shown letters
    rng, h = np.random.default_rng(7), 1e-6
    s = rng.normal(size=3)
    grad = np.array([(-np.log(_softmax(s + h * e)[1]) + np.log(_softmax(s - h * e)[1])) / (2 * h) for e in np.eye(3)])
    assert np.allclose(grad, _softmax(s) - np.eye(3)[1], atol=1e-7)
    s = rng.normal(size=2)
    jacobian = np.array([(_softmax(s + h * e) - _softmax(s - h * e)) / (2 * h) for e in np.eye(2)]).T
    p = _softmax(s)
    assert np.allclose(jacobian, np.diag(p) - np.outer(p, p), atol=1e-7)


def _perceptron() -> tuple:
    """The perceptron rule on AND from zero weights, by NumPy: w ← w + e·x, b ← b + e until every input is right."""
    inputs, targets, w, b = np.array([[0, 0], [0, 1], [1, 0], [1, 1]]), [0, 0, 0, 1], np.zeros(2), 0.0
    changed = True
    while changed:
        changed = False
        for x, t in zip(inputs, targets):
            e = t - (1 if w @ x + b >= 0 else 0)
            w, b, changed = (w + e * x, b + e, True) if e else (w, b, changed)
    return (*(int(v) for v in w), int(b))


W1, W2, W0 = _perceptron()                  # (2, 1, −3)


def test_the_derivatives_by_sympy():
    # in symnn's letters: ∂(x³y)/∂x = 3x²y, shown (x as y, y as x) 3y²x; ∂(n²m)/∂n = 2nm, shown (n as m, m as k) 2mk
    x, y, n, m, k = sp.symbols("x y n m k")
    assert sp.diff(x**3 * y, x).xreplace({x: y, y: x}) == 3 * y**2 * x
    assert sp.diff(n**2 * m, n).xreplace({n: m, m: k}) == 2 * m * k
    # at-swap: symnn's x = 1, y = 2 are the shown y = 1, x = 2; 3x²y there, in the shown letters, is 12, not the 6 asked
    assert sp.diff(x**3 * y, x).subs({x: 1, y: 2}) == 6 and (3 * x**2 * y).subs({y: 1, x: 2}) == 12


CASES = [
    # --- a chain y → s → p of a softmax loss: s are the scores, p the outputs, y the label
    ("nll-chain", "p - y", True, ()),                                      # the outputs less the label, whole
    ("nll-chain", "(p_1, p_2 - 1, p_3)", True, ()),                        # entry by entry, the class's minus 1
    ("nll-chain", "p_j - y_j", True, ()),                                  # as the formula of entry j
    ("nll-chain", "softmax(s) - y", True, ()),                             # the outputs as softmax of the scores
    ("nll-chain", r"\hat p - y", True, ()),                                # Géron's hat on the outputs p̂_k: still p
    ("nll-chain", "p̂_j - y_j", True, ()),
    ("nll-chain", r"\hat{s} - y", False, ("Component 1 is not correct.",)),   # a hat on the scores: the scores still
    ("nll-chain", "s - y", False, ("Component 1 is not correct.",)),      # the scores less the label: symnn's s, not the student's
    ("nll-chain", "(s_1, s_2 - 1, s_3)", False, ("Component 1 is not correct.",)),
    ("nll-chain", "q - y", False, ("write the answer through p_1, p_2, p_3, s_1, s_2, s_3",)),   # no letter: the shown ones said
    # --- a swap of the softmax Jacobian's letters: y are the outputs, s the inputs
    ("jacobian-swap", "[[y_1(1 - y_1), -y_1 y_2], [-y_1 y_2, y_2(1 - y_2)]]", True, ()),
    ("jacobian-swap", "y_k(δ_kj - y_j)", True, ()),                       # Bishop's index form in the shown letters
    ("jacobian-swap", "[[s_1(1 - s_1), -s_1 s_2], [-s_1 s_2, s_2(1 - s_2)]]", False, ("Entry (1, 1)",)),   # the inputs for the outputs
    ("jacobian-swap", "s_k(δ_kj - s_j)", False, ("Entry (1, 1)",)),
    ("jacobian-swap", "[[1, 0], [0, 1]]", False, ("the answer is a formula in s_1, s_2",)),       # said in the shown inputs
    ("jacobian-swap", "[[a_1, 0], [0, a_2]]", False, ("write the answer through s_1, s_2, y_1, y_2",)),
    # --- a swap of a derivative's variables: y is the variable, x the other
    ("derivative-swap", "3 y^2 x", True, ()),
    ("derivative-swap", "3*x*y^2", True, ()),
    ("derivative-swap", "3 x^2 y", False, ("Not correct.",)),              # symnn's own letters: the swap undone
    ("derivative-swap", "3 z^2 x", False, ("z is not a letter of this problem; write the answer through x, y.",)),
    # --- a chain of a derivative's letters: m is the variable, k the other, n none of them
    ("derivative-chain", "2 m k", True, ()),
    ("derivative-chain", "2 n m", False, ("n is not a letter of this problem; write the answer through k, m.",)),
    ("derivative-chain", "2 m", False, ("Not correct.",)),                 # the other letter left out
    # --- the swap at a point, y = 1, x = 2: 3y²x = 6; the chain's sides and the point said in the shown letters
    ("at-swap", "3 y^2 x = 6", True, ()),
    ("at-swap", "3 x^2 y = 6", False, ("A step of the chain is not equal to the answer 6: 3·x^2·y = 12.",)),
    ("at-swap", "3 y^2 x", False, ("Substitute the point (y, x) = (1, 2)",)),
    # --- a perceptron's bias shown as w_0: a part labelled w_0 is the bias, in any order
    ("perceptron-w0", f"w_1 = {W1}; w_2 = {W2}; w_0 = {W0}", True, ()),
    ("perceptron-w0", f"w_0 = {W0}; w_1 = {W1}; w_2 = {W2}", True, ("in the order w_1, w_2, w_0",)),
    ("perceptron-w0", f"w_0 = {W1}; w_1 = {W2}; w_2 = {W0}", False, ("in the order w_1, w_2, w_0",)),   # the labels say the values are misplaced
]


@pytest.fixture(scope="module")
def bank(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bank")
    (folder / "shown.toml").write_text(textwrap.dedent(BANK), encoding="utf-8")
    return folder


@pytest.mark.parametrize("problem, answer, correct, words", CASES)
def test_shown_letters_are_read_as_shown(bank, problem, answer, correct, words):
    verdict = check_bank_answer(problem, answer, bank, timeout=20)
    feedback = " ".join(verdict.feedback)
    assert verdict.correct is correct, feedback
    assert all(word in feedback for word in words), feedback


@pytest.mark.parametrize("problem, answer", [(p, a) for p, a, correct, _ in CASES if not correct])
def test_messages_name_only_the_shown_letters(bank, problem, answer):
    # symnn's own letters that the notation shows by none (y_k of the scores, n of derivative-chain), and the
    # one-hot label's entries as the reader writes them (δ_2j)
    hidden = {"nll-chain": ("y_1", "y_2", "y_3", "δ", "onehot"), "derivative-chain": ("through k, m, n", "n, m")}.get(problem, ())
    feedback = " ".join(check_bank_answer(problem, answer, bank, timeout=20).feedback)
    assert not any(name in feedback for name in hidden), feedback
