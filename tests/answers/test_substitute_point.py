"""A formula typed where the value at the problem's point is asked: the feedback names the point to substitute,
(x, y) = (1, 0), as the reader's language writes it. The formulas typed are the derivatives by sympy.diff (the
Jacobian of F(x, y) = (x²y, 5x + sin y), the gradient of 5x³ + 3/y² + sin z, σ′), not the checker's."""

from __future__ import annotations

import pytest
import sympy as sp

from symnn.answers.check import check_bank_answer

x, y, z = sp.symbols("x y z")
JACOBIAN = sp.Matrix([x**2 * y, 5 * x + sp.sin(y)]).jacobian([x, y])
HALF_DONE = JACOBIAN.subs({x: 1, y: 0}).as_mutable()
HALF_DONE[0, 1] = JACOBIAN[0, 1]                 # ∂F₁/∂y = x² left in x
GRADIENT = [sp.diff(5 * x**3 + 3 / y**2 + sp.sin(z), v) for v in (x, y, z)]


def rows(matrix) -> str:
    return "[" + ", ".join("[" + ", ".join(sp.sstr(e) for e in matrix.row(i)) + "]" for i in range(matrix.rows)) + "]"


EN = "substitute the point (x, y) = (1, 0): the answer should be a number."
RU = "подставьте координаты точки (x; y) = (1; 0): ответом должно быть число."


@pytest.mark.parametrize("problem, answer, lang, lines", [
    # the Jacobian in x and y: each symbolic entry told which point to put in; the number 5 is right
    ("jacobian-at-point", rows(JACOBIAN), "en",
     ("Not correct.", f"Entry (1, 1), row 1, column 1: {EN}", f"Entry (1, 2), row 1, column 2: {EN}",
      f"Entry (2, 2), row 2, column 2: {EN}")),
    # ... in Russian, the point with semicolons
    ("jacobian-at-point", rows(JACOBIAN), "ru",
     ("Неверно.", f"Элемент (1, 1) — строка 1, столбец 1: {RU}", f"Элемент (1, 2) — строка 1, столбец 2: {RU}",
      f"Элемент (2, 2) — строка 2, столбец 2: {RU}")),
    # one entry left symbolic, the others at the point
    ("jacobian-at-point", rows(HALF_DONE), "en", ("Not correct.", f"Entry (1, 2), row 1, column 2: {EN}")),
    # a gradient of three variables, its point with a fraction
    ("4.3", "(" + ", ".join(sp.sstr(g) for g in GRADIENT) + ")", "en",
     ("Not correct.",) + tuple(f"Component {k}: substitute the point (x, y, z) = (2, 1/3, 0): the answer should be a number."
                               for k in (1, 2, 3))),
    # a derivative of one variable at x = 3: the point is x = 3
    ("sigmoid-slow", "sigma(x)(1 - sigma(x))", "ru", ("Неверно.", "Подставьте координаты точки x = 3: ответом должно быть число.")),
])
def test_substitute_the_point(problem, answer, lang, lines):
    verdict = check_bank_answer(problem, answer, lang=lang)
    assert verdict.feedback == lines
