"""A tuple with the Unicode ᵀ after it, (-1, -1)ᵀ or x₂ = (…)ᵀ, is read as with ^T: the column of those
entries. The values are computed here: W₁W₂ by NumPy, two steps of steepest descent by a loop."""

from __future__ import annotations

import numpy as np
import pytest

from symnn.answers.check import check_bank_answer

W = np.array([[1, 2], [0, 1]]) @ np.array([[1], [-1]])                 # W₁W₂, 2×1
COLUMN = ", ".join(str(int(v)) for v in W[:, 0])                        # -1, -1
x = np.array([0.5, 0.5])
for _ in range(2):                                                      # F = x1² + 25 x2², ∇F = (2x1, 50x2), α = 0.01
    x = x - 0.01 * np.array([2 * x[0], 50 * x[1]])
STEP = f"{x[0]:.4f}, {x[1]:.4f}"                                        # 0.4802, 0.1250


@pytest.mark.parametrize("problem, answer, lang, correct, said", [
    # the student's report: the Unicode transpose after a tuple
    ("linear-collapse", f"({COLUMN})ᵀ", "en", True, ("Correct.",)),
    ("linear-collapse", f"({COLUMN})ᵀ", "ru", True, ("Верно.",)),
    ("linear-collapse", f"W₁W₂ = ({COLUMN})ᵀ", "en", True, ("Correct.",)),
    ("hagan-steepest-descent", f"x₂ = ({STEP})ᵀ", "en", True, ("Correct.",)),
    ("hagan-steepest-descent", f"x₂ = ({STEP.replace(', ', '; ').replace('.', ',')})ᵀ", "ru", True, ("Верно.",)),
    # as with ^T and ^(T)
    ("linear-collapse", f"({COLUMN})^T", "en", True, ("Correct.",)),
    ("linear-collapse", f"({COLUMN})^(T)", "en", True, ("Correct.",)),
    # a wrong sign is still found, component by component
    ("linear-collapse", "(-1, 1)ᵀ", "en", False,
     ("Not correct.", "Component 2: the sign is wrong: the answer is the negative of the correct one.")),
])
def test_unicode_transpose(problem, answer, lang, correct, said):
    verdict = check_bank_answer(problem, answer, lang=lang)
    assert verdict.correct is correct, verdict.feedback
    assert verdict.feedback[:len(said)] == said, verdict.feedback
