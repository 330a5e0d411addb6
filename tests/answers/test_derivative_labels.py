"""Components labelled by the derivative they are, in any order: f_y(5, 10) = 45, f_x(5, 10) = 10.

A textbook names the parts of a gradient f_x, ∂f/∂x or df/dx (Stewart §14.3: f_x(1, 1) = −2); a
student who writes them in another order than the key has given every number its name. Bank
problem 4.6: f = y(x + 2y) at (5, 10), ∇f = (10, 45).
"""

from __future__ import annotations

import pytest

from symnn.answers.check import check_bank_answer

CASES = [
    ("f_y(5, 10) = 45, f_x(5, 10) = 10", True),                                  # subscripts and the point
    ("f_y = 45, f_x = 10", True),                                                # subscripts alone
    (r"\frac{\partial f}{\partial y} = 45, \frac{\partial f}{\partial x} = 10", True),   # LaTeX partials
    ("df/dy = 45, df/dx = 10", True),                                            # d for ∂, as typed
    ("∂f/∂y = 45, ∂f/∂x = 10", True),                                            # Unicode partials
    ("y = 45, x = 10", True),                                                    # the variables themselves
    ("f_y = 10, f_x = 45", False),                                               # each name with the other's number
    ("f_x = 10, f_y = 45", True),                                                # the key's own order
]


@pytest.mark.parametrize("typed, right", CASES)
def test_a_gradient_labelled_by_its_derivatives_is_read_by_label(typed, right):
    verdict = check_bank_answer("4.6", typed)
    assert verdict.correct == right, verdict.feedback
