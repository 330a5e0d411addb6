"""A matrix answer may write det X: ∇_X det X = det(X)·X⁻ᵀ typed as det(X) X^{-T}, \\det X X^{-T} or det X·X^(-T);
det Xᵀ = det X. The reference is the key's, from Jacobi's formula (tests/problems/test_log_det.py checks it against
central differences); the verdicts are the checker's."""

from __future__ import annotations

import pytest

from symnn.answers.check import check_answer
from symnn.problems.bank import Problem
from symnn.problems.solve import question_options, solve

DET = Problem("p", "matrix-identity", "t", {"en": "Find $\\nabla_X f$ for $f(X) = \\det X$.", "ru": "…"},
              {"expr": "det(X)", "wrt": "X", "shapes": {"X": "n x n"}})


@pytest.mark.parametrize("problem, answer, right", [
    (DET, "det(X) X^{-T}", True),              # as the key writes it
    (DET, "det(X)*X^(-T)", True),              # typed as text
    (DET, "\\det(X) X^{-T}", True),            # LaTeX, with brackets
    (DET, "\\det X \\, X^{-T}", True),         # LaTeX, det X without brackets
    (DET, "det X (X^T)^{-1}", True),           # the inverse of the transpose
    (DET, "det(X^T) X^{-T}", True),            # det Xᵀ = det X
    (DET, "det(X) X^{-1}", False),             # the transpose left out
    (DET, "X^{-T}", False),                    # the factor det X left out
    (DET, "det(X) X^T", False),                # the transpose in place of the inverse
    ("log-det-gradient", "det(X) X^{-T} / det(X)", True),      # ∇ ln det X with det X divided out by hand
    ("log-det-gradient", "det(X) X^{-T}", False),              # ∇ det X, not ∇ ln det X
])
def test_a_determinant_in_the_answer_is_read(problem, answer, right):
    solution = solve(problem)
    verdict = check_answer(solution.answer, answer, **question_options(solution.problem))
    assert verdict.correct is right, verdict.feedback


@pytest.mark.parametrize("answer", [
    "det(2X) X^{-T}",      # det(2X) = 2ⁿ det X needs n: only det of a letter is read
    "det(X, X)",           # two arguments
])
def test_a_determinant_of_anything_but_a_letter_is_not_read(answer):
    solution = solve(DET)
    verdict = check_answer(solution.answer, answer, **question_options(solution.problem))
    assert verdict.correct is False and "det" in " ".join(verdict.feedback), verdict.feedback
