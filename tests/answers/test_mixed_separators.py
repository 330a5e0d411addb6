"""Labelled parts apart by semicolons and commas at once (h1 = …; h2 = …, o1 = …), as students type them: a
comma before a label and its = parts the answer too, while a decimal comma (0,9526) does not. The values are
computed here: the 2-2-1 network by a loop over its neurons, the gradient of F by sympy.diff, the program's
backward pass by hand."""

from __future__ import annotations

import math

import pytest
import sympy as sp

from symnn.answers.check import check_bank_answer


def sigmoid(v):
    return 1 / (1 + math.exp(-v))


H = [sigmoid(0 * 2 + 1 * 3) for _ in range(2)]          # each hidden neuron: w = (0, 1), b = 0, x = (2, 3)
O = sigmoid(0 * H[0] + 1 * H[1])
h, o = f"{H[0]:.4f}", f"{O:.4f}"
X, Y, Z = sp.symbols("x y z")
F = 5 * X**3 + 3 / Y**2 + sp.sin(Z)
G = [sp.diff(F, v).subs({X: 2, Y: sp.Rational(1, 3), Z: 0}) for v in (X, Y, Z)]          # (60, −162, 1)
Q = -2 + 5                                                                                # q = x + y, f = q·z
DX = DY = -4                                                                              # ∂f/∂x = ∂f/∂y = z
ru = lambda text: text.replace(".", ",")                                                  # noqa: E731


@pytest.mark.parametrize("problem, answer, lang, correct, said", [
    # the student's report: a crash in the checker
    ("feedforward-221", f"h1 = {h}; h2 = {h}, o1 = {o}", "en", True, ("Correct.",)),
    ("feedforward-221", f"h1 = {h}; h2 = {h}, o1 = {o}", "ru", True, ("Верно.",)),
    # with decimal commas: the comma of 0,9526 is a decimal comma, the one before o1 a separator
    ("feedforward-221", ru(f"h1 = {h}; h2 = {h}, o1 = {o}"), "ru", True, ("Верно.",)),
    # the other way round, a comma first
    ("feedforward-221", f"h1 = {h}, h2 = {h}; o1 = {o}", "en", True, ("Correct.",)),
    # labelled parts in another order are matched by their labels
    ("feedforward-221", f"h1 = {h}; o1 = {o}, h2 = {h}", "en", True,
     ("Correct.", "The components were matched by their labels, in the order h_1, h_2, o_1.")),
    # a wrong o1 is named
    ("feedforward-221", f"h1 = {h}; h2 = {h}, o1 = {O + 0.01:.4f}", "en", False,
     ("Not correct.", "Component 3 (o_1) is not correct.")),
    # a list after a label is no chain of one part: unreadable, not a crash
    ("feedforward-221", f"h1 = {h}; h2 = {h}, 5 = {o}", "en", False,
     ("The answer could not be read: write the answer alone, or as one statement such as f'(x) = ...",)),
    # the gradient, labelled by derivatives
    ("4.3", f"dF/dx = {G[0]}; dF/dy = {G[1]}, dF/dz = {G[2]}", "en", True, ("Correct.",)),
    ("4.3", f"dF/dx = {G[0]}; dF/dy = {G[1]}, dF/dz = {G[2]}", "ru", True, ("Верно.",)),
    # the sign of ∂F/∂y lost: component 2 named wrong, not the labels misread
    ("4.3", f"dF/dx = {G[0]}; dF/dy = {-G[1]}, dF/dz = {G[2]}", "en", False, ("Not correct.",)),
    # the program: f, then its gradient apart by commas
    ("program-add-mul", f"f = {Q * -4}; ∂f/∂x = {DX}, ∂f/∂y = {DY}, ∂f/∂z = {Q}", "en", True, ("Correct.",)),
    ("program-add-mul", f"f = {Q * -4}; ∂f/∂x = {DX}, ∂f/∂y = {DY}, ∂f/∂z = {Q}", "ru", True, ("Верно.",)),
])
def test_mixed_separators(problem, answer, lang, correct, said):
    verdict = check_bank_answer(problem, answer, lang=lang)
    assert verdict.decided_by != "error", verdict.feedback
    assert verdict.correct is correct, verdict.feedback
    assert verdict.feedback[:len(said)] == said, verdict.feedback


@pytest.mark.parametrize("text, cells", [
    # a matrix as a list of rows in Russian: the semicolons part the cells, so each comma is a decimal comma
    ("[[0,5; -1,732]; [0,866; 1]]", ["0,5", " -1,732", "0,866", " 1"]),
    # rows apart by semicolons and cells by commas: the commas part the cells
    ("[[1, 2]; [3, 4]]", ["1", " 2", "3", " 4"]),
    ("[[0.5, -1.732], [0.866, 1]]", ["0.5", " -1.732", "0.866", " 1"]),
])
def test_a_matrix_s_cells_in_a_list_of_rows_are_parted_by_semicolons_where_there_are_any(text, cells):
    from symnn.answers.layout import components
    assert components(text, 4, True) == (cells, True, False)
