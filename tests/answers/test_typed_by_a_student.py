"""Answers a student typed into the checker, each with the verdict and the words the feedback must hold (one
case per row, a comment each): products of matrices keep their order, a restated condition is not its
solution, every message starts with a verdict, and right answers in the notations people use are read."""

from __future__ import annotations

import pytest

from symnn.answers.check import check_answer, check_bank_answer

VERDICT_WORDS = {"en": ("Correct", "Not correct", "Partly", "could not be read"),
                 "ru": ("Верно", "Неверно", "Частично", "Не удалось прочитать")}


@pytest.mark.parametrize("problem, answer, lang, correct, said", [
    # ∇(xᵀAx) = 2Ax for a column x: x·A and A·xᵀ do not multiply, so 2xA, xA + Ax and 2Axᵀ are wrong
    ("quadratic-form-symmetric", "2xA", "en", False, None),
    ("quadratic-form-symmetric", "x A + A x", "en", False, "shapes do not fit"),
    ("quadratic-form-symmetric", "2Axᵀ", "en", False, None),
    ("quadratic-form-symmetric", "2xA", "ru", False, None),
    # a scalar factor may move: xᵀ2A is 2xᵀA, the gradient as a row
    ("quadratic-form-symmetric", "xᵀ2A", "en", True, "numerator layout"),
    ("quadratic-form-symmetric", "xᵀ2A", "ru", True, None),
    ("quadratic-form-symmetric", "A x + A x", "en", True, None),     # Ax + Ax = 2Ax, in order
    # |1 − a| < 1 is the condition the statement gives; the answer is its solution 0 < a < 2
    ("gd-convergence", "|1 − a| < 1", "en", False, "solve it for a"),
    ("gd-convergence", "-1 < 1 - a < 1", "en", False, "solve it for a"),        # half solved
    ("gd-convergence", "0 < a < 2", "en", True, None),
    ("hagan-stable-rate", "|1 − 2α| < 1 и |1 − 50α| < 1", "ru", False, "решите его относительно α"),
    ("hagan-stable-rate", "0 < α < 0,04", "ru", True, None),
    # every message starts with its verdict: a wrong count of components, a value in the wrong form
    ("program-add-mul", "∂f/∂z = q = 3", "en", False, "Not correct."),
    ("program-add-mul", "∂f/∂z = q = 3", "ru", False, "Неверно."),
    ("nielsen-sigmoid-prime", "e^{-z}/(1+e^{-z})^2", "ru", False, "Частично верно."),     # right value, not through σ
    ("nielsen-sigmoid-prime", "e^{-z}/(1+e^{-z})^2", "en", False, "Partly correct."),
    # max(0, 1 − t·y) with a comma between its arguments: each chain max(…) = value is a component
    ("hinge-binary", "max(0,1-2.5)=0, max(0,1-0.4)=0.6, max(0,0.7)=0.7, max(0,2.2)=2.2", "en", True, None),
    ("hinge-binary", "max(0,1-2.5), max(0,1-0.4), max(0,0.7), max(0,2.2)", "en", True, None),
    # max(0; 1,5): with ';' between the arguments, the comma inside one is a decimal comma
    ("hinge-binary", "max(0; 1−2,5) = 0; max(0; 1−0,4) = 0,6; max(0; 0,7) = 0,7; max(0; 2,2) = 2,2", "ru", True, None),
    ("hinge-binary", "max(0; 1−2,5) = 0; max(0; 1−0,4) = 0,6; max(0; 0,7) = 0,7; max(0; 2,2) = 2,5", "ru", False, None),
    # a ∈ (0,2): the comma after ∈ parts the ends of an interval, without a space too, and in LaTeX
    ("gd-convergence", "a ∈ (0,2)", "en", True, None),
    ("gd-convergence", r"$a\in(0,2)$", "en", True, None),
    ("hagan-stable-rate", r"\alpha \in (0,0.04)", "en", True, None),
    ("gd-convergence", "a ∈ (0,2)", "ru", True, None),                       # with ∈ an interval in Russian too
    ("gd-convergence", "a ∈ [0,2)", "en", False, "must not belong"),          # 0 is no rate that converges
    ("hagan-stable-rate", "α ∈ (0; 0,04)", "ru", True, None),                 # ';' parts the ends: 0,04 is 0.04
    # w^1 = w^0 − … in the statement: w¹ is the next iterate's name, not a power of w (as are w_1, w⁺, w_new)
    ("gd-linreg-step", "w^1 = 0.0327, b^1 = 0.014", "en", True, None),
    ("gd-linreg-step", "w¹ = 0,0327; b¹ = 0,014", "ru", True, None),
    ("gd-linreg-step", "w⁺ = 0.0327, b⁺ = 0.014", "en", True, None),
    ("gd-linreg-step", "w_new = 0.0327, b_new = 0.014", "en", True, None),
    ("gd-linreg-step", "b^1 = 0.014, w^1 = 0.0327", "en", True, "matched by their labels"),
    ("gd-linreg-step", "w^1 = 0.0327, b^1 = 0.015", "en", False, "Component 2"),   # b¹ = 0.014 exactly
    # a bare value or vector beside labelled chains is a component of its own, not a side of a chain
    ("graph-exp", "f = 1 + e^3 ≈ 21.0855; (2e^3; e^3; e^3)", "en", True, None),
    ("graph-exp", "f = 1 + e^3 ≈ 21.0855; (2e^3; e^3; 2e^3)", "ru", False, None),      # ∂f/∂w₀ = e³
    ("program-add-mul", "-12; ∇f = (-4; -4; 3)", "ru", True, None),
    # qz of the problem's q and z is the product q·z, a side of the chain, not a label of a fifth part
    ("program-add-mul", "f = qz = -12; ∇f = (z, z, x+y) = (-4, -4, 3)", "en", True, None),
    ("program-add-mul", "f = qz = -12; ∇f = (z, z, x+y) = (-4, -4, -3)", "en", False, None),   # ∂f/∂z = q = 3
    # F^2(x) is F(x)², as sin²x is (sin x)²: F the statement's name of tanh
    ("tanh-exp", "1 - F^2(x)", "en", True, None),
    ("tanh-exp", "1 - F²(x)", "ru", True, None),
    ("tanh-exp", "1 - F^3(x)", "en", False, None),
    # δ_1j is 1 at j = 1, else 0: the one-hot target of class 1
    ("nll-softmax", "s_j - δ_{1j}", "en", True, None),
    ("nll-softmax", "s_j − δ_{j1}", "ru", True, None),
    ("nll-softmax", "s_j - δ_{2j}", "en", False, None),             # class 2 is not the correct one
    # w = b = 3.5: two parts named, one value shared; a scalar's two names (L = CE) stay one value
    ("linreg-fit", "w=b=3.5", "en", True, None),
    ("linreg-fit", "w = b = 3,5", "ru", True, None),
    ("linreg-fit", "w = b = 3,4", "ru", False, None),
    ("ce", "L = CE = 0.2162", "en", True, None),
    ("grad-quadratic", "∇f = (x, y) = (1, 2)", "en", True, None),           # a vector's chain shares no value
    # 0 1 1 0: as many numbers apart by spaces as the vector has components are its components
    ("xor-lab", "0 1 1 0", "ru", True, None),
    ("xor-lab", "0 1 0 0", "ru", False, "Компонента 3"),
    ("xor-lab", "0 1 1", "en", False, "Component 4 is missing"),             # one short: said so
    # pairs with ';' inside and ',' between them, as Russian writes decimals
    ("optimizers", "(0,9; 0), (0,9; 0), (0,9; 0,9), (0,6838; 0,6838), (0,6838; 0,6838), (0,9; 0,9)", "ru", True, None),
    ("optimizers", "(0,9; 0), (0,9; 0), (0,9; 0,9), (0,6838; 0,6838), (0,6838; 0,6838), (0,9; 0,8)", "ru", False,
     "Компонента 12"),
    # AdaGrad's 0.9000000005 is 0.900 to 3 figures: 0.9 is that rounding with its zeros dropped; 0.68 is no 0.684
    ("optimizers", "(0.9, 0), (0.9, 0), (0.9, 0.9), (0.6838, 0.6838), (0.6838, 0.6838), (0.9, 0.9)", "en", True, None),
    ("optimizers", "(0.9, 0), (0.9, 0), (0.9, 0.9), (0.68, 0.68), (0.6838, 0.6838), (0.9, 0.9)", "en", False,
     "rounded too coarsely"),
    # numbers apart by spaces in brackets are a vector's components: (1 1 0) is ∇F = (1, 1, 0)
    ("4.4", "(1 1 0)", "en", True, None),
    ("4.4", "(1 1)", "ru", False, "Не хватает компоненты 3"),
    # a matrix inverted is written (XᵀX)⁻¹, never as a division by a matrix
    ("linreg-normal-matrix", "X^T y", "ru", False, "(Xᵀ·X)⁻¹"),
    ("linreg-normal-matrix", "X^T y", "en", False, "(Xᵀ·X)⁻¹"),
    # σ′(3) compared with σ′(0) = 0.25, as asked: the value is checked, the comparison set aside and said so
    ("sigmoid-slow", "0.0452 < 0.25", "ru", True, "сравнение < 0,25"),
    ("sigmoid-slow", "0.0452 < 0.25", "en", True, "comparison < 0.25"),
    ("sigmoid-slow", "0.0462 < 0.25", "en", False, None),
    # ∂s_i/∂y_j by cases i = j and i ≠ j is s_i(δ_ij − s_j) written out
    ("softmax-jacobian", r"\frac{\partial s_i}{\partial y_j} = \begin{cases} s_i(1-s_i), & i = j \\ -s_i s_j, & i \ne j \end{cases}",
     "en", True, None),
    ("softmax-jacobian", r"\begin{cases} s_i(1-s_i), & i = j \\ -s_i s_j, & \text{otherwise} \end{cases}", "ru", True, None),
    ("softmax-jacobian", r"\begin{cases} s_i(1-s_j), & i = j \\ s_i s_j, & i \ne j \end{cases}", "en", False, "sign"),
    # a bracket left open is said alone, with no "no formula" before it
    ("program-add-mul", "(60, −162, 1", "en", False, "could not be read: a bracket is not closed"),
    ("program-add-mul", "(60, −162, 1", "ru", False, "Не удалось прочитать ответ: скобка не закрыта"),
    # a condition on a where the problem's letter is α: said once, not again by a note on the letter
    ("hagan-stable-rate", "0<a<0.04", "ru", False, "условие на a"),
])
def test_typed_answers(problem, answer, lang, correct, said):
    verdict = check_bank_answer(problem, answer, lang=lang, timeout=20)
    assert verdict.correct is correct, verdict.feedback
    assert verdict.feedback[0].startswith(VERDICT_WORDS[lang]) or any(w in verdict.feedback[0] for w in VERDICT_WORDS[lang]), \
        verdict.feedback
    if said is not None:
        assert any(said in line for line in verdict.feedback), verdict.feedback


@pytest.mark.parametrize("reference, answer, lang, correct", [
    ("3/2", "max(0; 1,5)", "ru", True),          # ';' between the arguments: 1,5 is 1.5
    ("0", "max(0; -1,5)", "ru", True),           # max(0, −1.5) = 0
    ("1", "max(0, 1)", "en", True),              # ',' between the arguments, no ';': two arguments
    ("3/2", "max(0; 1,5)", "en", True),
    # a coefficient before a function of a number typed without brackets: 2ln0.9 is 2·ln(0.9)
    ("2*log(9/10)", "2ln0.9", "en", True),
    ("2*log(9/10)", "2ln0,9", "ru", True),
    ("2*sin(1/2)", "2sin0.5", "en", True),
    ("2*sin(1/2)", "2sin0.6", "en", False),
    # a key written as a decimal is its own rounding: 0.5 is not 0.5003 to 3 figures, but is 0.5000…
    ("0.5003", "0.5", "en", False),
    ("1/2", "0.5", "en", True),
    ("1 - tanh(1)^2", "0.42", "en", False),      # 0.41997…: 0.420 to 3 figures, but the zeros left out are not all zeros
    ("sigmoid(9)", "1,0", "ru", False),          # 0.99988: 1.00 to 3 figures, not 1.0000
])
def test_typed_against_a_reference(reference, answer, lang, correct):
    verdict = check_answer(reference, answer, lang=lang, timeout=20)
    assert verdict.correct is correct, verdict.feedback


@pytest.mark.parametrize("answer, lang", [
    ("0<a<0.04", "ru"),              # the condition on another letter, and the Greek twin a of α
    ("0<a<0.04", "en"),
])
def test_a_message_says_a_thing_once(answer, lang):
    feedback = check_bank_answer("hagan-stable-rate", answer, lang=lang, timeout=20).feedback
    assert len(feedback) == 1, feedback


def test_latex_is_quoted_as_typed():
    # a message quoting LaTeX that could not be read keeps one backslash, as the student typed it
    said = " ".join(check_bank_answer("program-add-mul", r"\frac{1}{2} \cdot * 3", timeout=20).feedback)
    assert r"'\frac{1}{2} \cdot * 3'" in said and "\\\\" not in said, said
