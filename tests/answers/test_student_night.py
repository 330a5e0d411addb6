"""Answers as a student typed them the night before a deadline, each with the verdict and the feedback a
student should get (one case per row, a comment each): exact answers with no hidden tolerance, a matrix's
written shape, slips on decimals, formulas in several $…$, units of information, the work beside the answer."""

from __future__ import annotations

import pytest

from symnn.answers.check import check_bank_answer


@pytest.mark.parametrize("problem, answer, lang, correct, said", [
    # Hagan's LMS ends exactly at W(2) = (0.16, 0.96, −0.16): no tolerance hides a wrong third decimal
    ("lms-apple-orange", "(0.16, 0.96, -0.16)", "en", True, None),
    ("lms-apple-orange", "(0.164, 0.955, -0.163)", "en", False, None),
    ("lms-apple-orange", "(0.16000000000000003, 0.96, -0.16)", "en", True, "floating-point"),   # NumPy's noise
    # W₁W₂ is a 2×1 column: written as rows, a 1×2 row is the wrong shape; a flat list is its entries
    ("linear-collapse", "[[-1, -1]]", "en", False, "Expected a 2×1 matrix"),
    ("linear-collapse", "[[-1], [-1]]", "en", True, None),
    ("linear-collapse", "(-1, -1)", "en", True, None),
    # a sign slip on a rounded decimal is named, as it is on an exact number
    ("bce-n", "-0.3276", "en", False, "The sign is wrong"),
    ("sigmoid-slow", "-0,0452", "ru", False, "Неверный знак"),
    # the exact value of float noise in the course's notation: ln, not SymPy's log
    ("ce", "0.21616187468057912", "en", True, "-ln(0.9)/2"),
    # two formulas, each in its own dollars, as pasted from a LaTeX answer
    ("hagan-directional", "$0$, $2.4$", "en", True, None),
    ("hagan-directional", r"$\frac{p^T\nabla F}{\|p\|} = 0$, $\frac{p^T \nabla^2 F p}{\|p\|^2} = \frac{12}{5}$", "en", True, None),
    # a loss in nats (or нат) is a number with a unit: the unit set aside with a note
    ("ce", "0.2162 nats", "en", True, "The units nats were set aside"),
    ("ce", "0,2162 нат", "ru", True, "Единицы измерения нат"),
    # each example's loss as work, then the mean asked: the mean judged, the work checked too
    ("cs231n-svm", "L_1 = 2.9, L_2 = 0, L_3 = 12.9, L = 5.2667", "en", True, None),
    ("cs231n-svm", "L_1 = 2.9, L_2 = 1, L_3 = 12.9, L = 5.2667", "en", False, "A value of the work is not right: L_2 = 0."),
    ("cs231n-svm", "L_1 = 2,9; L_2 = 1; L_3 = 12,9; L = 5,2667", "ru", False, "Промежуточное значение неверно: L_2 = 0."),
    ("cs231n-svm", "L_1 = 2.9, L_2 = 0, L_3 = 12.9, L = 5.5", "en", False, None),     # the mean itself wrong
    # the line as one formula with decimal commas, where the answer is its two numbers (w, b)
    ("linreg-normal-eq", "y = 3,5x + 3,5", "ru", True, None),
    ("linreg-normal-eq", "у = 3,5х + 3,5", "ru", True, "Кириллические буквы"),       # у, х from a Russian keyboard
    ("linreg-normal-eq", "y = 3,5x + 3", "ru", False, None),
    # the shape the statement asks, "f and (∂f/∂x, ∂f/∂y, ∂f/∂z)": the value, then the gradient in brackets
    ("program-add-mul", "f = -12, (-4, -4, 3)", "en", True, None),
    ("program-add-mul", "-12; (-4; -4; 3)", "ru", True, None),
    ("program-add-mul", "f = -12, (-4, 4, 3)", "en", False, "Component 3 (df/dy): the sign is wrong"),
    ("cs231n-softmax-cat", "L = 2.04, (-0.87, 0.87, 0)", "en", True, None),
    # ∂L/∂y_i of the hinge (Bishop's y for the scores) labelled in another order: matched by label
    ("hinge-gradient", "∂L/∂y₂ = 0.25, ∂L/∂y₁ = 0, ∂L/∂y₄ = 0.25, ∂L/∂y₃ = −0.25", "en", True, "matched by their labels"),
    ("hinge-gradient", "dL/dy_2 = 0.25, dL/dy_1 = 0, dL/dy_4 = -0.25, dL/dy_3 = 0.25", "en", False, None),
    # a mean loss given as the sum of the examples' losses, or as one example's loss: said so
    ("mse", "0.14", "en", False, "the sum of the losses of the examples; the loss is their mean: divide by n = 3"),
    ("cs231n-svm", "L = 15.8", "en", False, "divide by n = 3"),
    ("cs231n-svm", "2.9", "en", False, "the loss of example 1 alone"),
    ("mse", "0,14", "ru", False, "Это сумма потерь по примерам"),
    ("rmse", "0.14", "en", False, None),        # RMSE is no mean of the examples' terms: no such hint
    # a NumPy array's rows typed as MATLAB writes them keep their shape
    ("np-transpose", "[1 3 5; 2 4 6]", "en", True, None),
    ("np-transpose", "[1 2; 3 4; 5 6]", "en", False, "the matrix before transposing"),   # not transposed: data itself
])
def test_a_students_night(problem, answer, lang, correct, said):
    verdict = check_bank_answer(problem, answer, lang=lang)
    assert verdict.correct is correct, verdict.feedback
    if said is not None:
        assert any(said in line for line in verdict.feedback), verdict.feedback
