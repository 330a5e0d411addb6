"""The bank's matrix problems: the answer is the gradient formula, derived; the course's published
formula is a cross-check read by the checker, and the course's wrong formulas are refused."""

import json

import pytest

from symnn import render, solve
from symnn.answers.check import check_bank_answer

# the course's formulas as symnn prints them (the SymPy text and the LaTeX of answer / answer_latex)
KEYS = {
    "graph-matrix": ("Xᵀ*a", r"X^{T} a"),
    "linreg-matrix-grad": ("-2*Xᵀ*(-X*w + y)/n", r"- \frac{2 X^{T} (y - X w)}{n}"),
    "two-layer-grad": ("-(y - sigmoid(X*W_1)*W_2)*Xᵀ*(W_2ᵀ ⊙ σ'(X*W_1))",
                       r"- (y - \sigma(X W_{1}) W_{2}) X^{T} (W_{2}^{T} \odot \sigma'(X W_{1}))"),
    "dense-layer-grad": ("Xᵀ*delta", r"X^{T} \delta"),
    "dense-layer-backward": ("(delta*W_2ᵀ) ⊙ σ'(A)", r"(\delta W_{2}^{T}) \odot \sigma'(A)"),
    "quadratic-form-grad": ("(A + Aᵀ)*x", r"(A + A^{T}) x"),
    "quadratic-form-symmetric": ("2*A*x", r"2 A x"),
}
# what the course itself writes wrongly, or what a student leaves out
REFUSED = {
    "two-layer-grad": r"-(y - \sigma(XW_1)W_2) W_2 \sigma'(XW_1) W_1",     # the slide, ending in · W₁
    "dense-layer-backward": r"\delta W_2^T",                              # σ′(A) left out
    "quadratic-form-grad": "2Ax",                                         # right only for a symmetric A
}


@pytest.mark.parametrize("problem", KEYS)
def test_the_answer_is_the_formula(problem):
    shown = json.loads(render(solve(problem), "json"))
    assert (shown["answer"], shown["answer_latex"]) == KEYS[problem]
    assert shown["value"] is None                       # a formula of matrices, not a number
    assert all(step["holds"] for step in shown["work"]["steps"])


@pytest.mark.parametrize("problem", KEYS)
def test_the_published_formula_is_accepted_and_so_is_the_key(problem):
    published = solve(problem).problem.cross_check
    assert check_bank_answer(problem, published, timeout=10).correct
    assert check_bank_answer(problem, KEYS[problem][1], timeout=10).correct


@pytest.mark.parametrize("problem", REFUSED)
def test_the_courses_wrong_formula_is_refused(problem):
    assert not check_bank_answer(problem, REFUSED[problem], timeout=10).correct


def test_the_slide_is_shown_next_to_the_answer_with_its_reason():
    shown = json.loads(render(solve("two-layer-grad"), "json", lang="ru"))
    (slide,) = shown["work"]["wrong"]
    assert slide["reason"] == "product shape"
    assert slide["explanation"] == ("неверно: размеры не согласованы, W_2*σ'(X*W_1) (h×h) нельзя умножить "
                                    "на W_1 (d×h)")


@pytest.mark.parametrize("answer", ["2Ax", "(A + A^T) x", "2 A^T x", r"A x + A^{T} x"])
def test_for_a_symmetric_matrix_every_form_of_the_gradient_is_right(answer):
    # the checker takes A = Aᵀ (random symmetric matrices): these are one answer
    assert check_bank_answer("quadratic-form-symmetric", answer, timeout=10).correct


def test_for_a_symmetric_matrix_half_the_gradient_is_still_wrong():
    verdict = check_bank_answer("quadratic-form-symmetric", "A x", timeout=10)
    assert not verdict.correct and "factor of 2" in verdict.feedback[1]
