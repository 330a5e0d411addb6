"""An optimizer's run answered with every point written: x₁ = (…), x₂ = (…) where the point after two steps is asked.

The last point asked is judged as the answer; every earlier point written is checked against the run's (x_0 its
start), and a wrong one is said with its value, as a wrong labelled part of the work is. A label past the run, a
run without the point asked, and the numbers of several points written without labels are each told what is
expected. The points come from the solver (``symnn solve``), which NumPy re-runs here in floating point."""

from __future__ import annotations

import numpy as np
import pytest

from symnn.answers.check import check_bank_answer
from symnn.answers.shown_values import decimal
from symnn.problems.solve import solve


def points(problem: str) -> list[tuple]:
    """The run's points by the solver: its start, then the point after each step."""
    work = solve(problem).work
    steps = work.steps if hasattr(work, "steps") else (work,)
    return [tuple(steps[0].start)] + [tuple(step.result) for step in steps]


def written(point, lang: str = "en", brackets: str = "()") -> str:
    """A point as a student types it: (0.49, 0.25), in Russian (0,49; 0,25)."""
    numbers = [decimal(value) for value in point]
    if lang == "ru":
        numbers = [number.replace(".", ",") for number in numbers]
    return brackets[0] + ("; " if lang == "ru" or brackets == "[]" else ", ").join(numbers) + brackets[1]


def off(point):
    """The point with its second coordinate moved by 1/100: a wrong point."""
    return (point[0], point[1] + type(point[1])(1) / 100)


HAGAN, D2L = points("hagan-steepest-descent"), points("d2l-momentum")
WORK = "A value of the work is not right: {0} = {1}."
WORK_RU = "Промежуточное значение неверно: {0} = {1}."
HINT = ("Expected 2 components, got 4. To write the point of every step, label each one: x_1 = (…), x_2 = (…); "
        "the answer is x_2, the point asked for.")
HINT_RU = ("Ожидалось компонент: 2, получено: 4. Чтобы записать точку каждого шага, подпишите каждую: x_1 = (…), "
           "x_2 = (…); ответ — x_2, искомая точка.")


def test_the_solver_runs_as_numpy_does():
    # steepest descent on x1² + 25x2², α = 0.01, and d2l's momentum v = βv + g, x = x − ηv on 0.1x1² + 2x2²
    x = np.array([0.5, 0.5])
    run = [x]
    for _ in range(2):
        x = x - 0.01 * np.array([2 * x[0], 50 * x[1]])
        run.append(x)
    assert np.allclose(np.array(HAGAN, dtype=float), run)
    x, v = np.array([-5.0, -2.0]), np.zeros(2)
    run = [x]
    for _ in range(2):
        v = 0.5 * v + np.array([0.2 * x[0], 4 * x[1]])
        x = x - 0.4 * v
        run.append(x)
    assert np.allclose(np.array(D2L, dtype=float), run)


CASES = [
    # every point after a step, labelled x1, x2: the last is the answer, the first right work
    ("hagan-steepest-descent", f"x1 = {written(HAGAN[1])}, x2 = {written(HAGAN[2])}", "en", True, 1.0, ("Correct.",)),
    # subscripts as characters, column vectors in brackets, semicolons between the points
    ("hagan-steepest-descent", f"x₁ = {written(HAGAN[1], brackets='[]')}; x₂ = {written(HAGAN[2], brackets='[]')}", "en",
     True, 1.0, ("Correct.",)),
    # the bold x of the statement, as a character and in LaTeX, and the index in brackets of optimization texts
    ("hagan-steepest-descent", f"𝐱_1 = {written(HAGAN[1])}, 𝐱_2 = {written(HAGAN[2])}", "en", True, 1.0, ("Correct.",)),
    ("d2l-momentum", rf"\mathbf{{x}}_1 = {written(D2L[1])}, \mathbf{{x}}_2 = {written(D2L[2])}", "en", True, 1.0, ("Correct.",)),
    ("d2l-momentum", f"x^{{(1)}} = {written(D2L[1])}, x^{{(2)}} = {written(D2L[2])}", "en", True, 1.0, ("Correct.",)),
    # column vectors in LaTeX, and rows transposed (^T, ᵀ), as a column is written on one line
    ("d2l-momentum", r"x_1 = \begin{pmatrix} %s \\ %s \end{pmatrix}, x_2 = \begin{pmatrix} %s \\ %s \end{pmatrix}"
     % (*map(decimal, D2L[1]), *map(decimal, D2L[2])), "en", True, 1.0, ("Correct.",)),
    ("hagan-steepest-descent", f"x_1 = {written(HAGAN[1])}^T, x_2 = {written(HAGAN[2])}^T", "en", True, 1.0, ("Correct.",)),
    ("d2l-momentum", f"x1 = {written(off(D2L[1]))}ᵀ, x2 = {written(D2L[2])}ᵀ", "en", False, 0.5,
     ("Not correct.", WORK.format("x_1", written(D2L[1])))),
    # the start written too, x_0, and the points in Russian with decimal commas
    ("hagan-steepest-descent", f"x_0 = {written(HAGAN[0])}, x_1 = {written(HAGAN[1])}, x_2 = {written(HAGAN[2])}", "en",
     True, 1.0, ("Correct.",)),
    ("d2l-momentum", f"x1 = {written(D2L[1], 'ru')}, x2 = {written(D2L[2], 'ru')}", "ru", True, 1.0, ("Верно.",)),
    # a wrong point of the work, the answer right: not right, half the credit, the point and its value said
    ("hagan-steepest-descent", f"x1 = {written(off(HAGAN[1]))}, x2 = {written(HAGAN[2])}", "en", False, 0.5,
     ("Not correct.", WORK.format("x_1", written(HAGAN[1])))),
    ("d2l-momentum", f"x1 = {written(off(D2L[1]), 'ru')}, x2 = {written(D2L[2], 'ru')}", "ru", False, 0.5,
     ("Неверно.", WORK_RU.format("x_1", written(D2L[1], "ru")))),
    # a wrong start x_0
    ("d2l-momentum", f"x0 = {written(off(D2L[0]))}, x1 = {written(D2L[1])}, x2 = {written(D2L[2])}", "en", False, 0.5,
     ("Not correct.", WORK.format("x_0", written(D2L[0])))),
    # the answer wrong in one coordinate: judged as the answer, component by component, half its credit
    ("hagan-steepest-descent", f"x1 = {written(HAGAN[1])}, x2 = {written(off(HAGAN[2]))}", "en", False, 0.5,
     ("Not correct.", "Component 2 is not correct.")),
    # a point past the run (two steps, x_3 written): not one of its points
    ("hagan-steepest-descent", f"x1 = {written(HAGAN[1])}, x3 = {written(HAGAN[2])}", "en", False, 0.0,
     ("Not correct.", "x_3 is no point of this run: its points are x_0, x_1, x_2.")),
    ("d2l-momentum", f"x1 = {written(D2L[1], 'ru')}, x3 = {written(D2L[2], 'ru')}", "ru", False, 0.0,
     ("Неверно.", "Точки x_3 среди шагов этой задачи нет: её точки — x_0, x_1, x_2.")),
    # a run of one step answered with two: x_2 is no point of it
    ("grad-quadratic-gd", "x1 = (0.5, 1), x2 = (0.25, 0.5)", "en", False, 0.0,
     ("Not correct.", "x_2 is no point of this run: its points are x_0, x_1.")),
    # x^2 of the statement's f = ½(x^2 + y^2) is a power, not the name of a point after two steps: x² at the start, 1
    ("grad-quadratic-gd", "x^2 = 0.5, y^2 = 1", "en", False, 0.0,
     ("Not correct.", "A step of the chain is not equal to the answer 0.5: x^2 = 1.")),
    # the run written up to x_1 only: the point asked is missing
    ("hagan-steepest-descent", f"x0 = {written(HAGAN[0])}, x1 = {written(HAGAN[1])}", "en", False, 0.0,
     ("Not correct.", "The point asked for, x_2, is not among the points written.")),
    ("d2l-momentum", f"x0 = {written(D2L[0], 'ru')}, x1 = {written(D2L[1], 'ru')}", "ru", False, 0.0,
     ("Неверно.", "Искомой точки x_2 среди записанных точек нет.")),
    # the four numbers without labels: refused, with how to label them; also in Russian with semicolons
    ("hagan-steepest-descent", f"{written(HAGAN[1])[1:-1]}, {written(HAGAN[2])[1:-1]}", "en", False, 0.0,
     ("Not correct.", HINT)),
    ("d2l-momentum", f"{written(D2L[1], 'ru')[1:-1]}; {written(D2L[2], 'ru')[1:-1]}", "ru", False, 0.0,
     ("Неверно.", HINT_RU)),
    # labels of another quantity (the velocity v of momentum): no points of the run, told how to write them
    ("d2l-momentum", f"v1 = {written(D2L[1])}, v2 = {written(D2L[2])}", "en", False, 0.0, ("Not correct.", HINT)),
]


@pytest.mark.parametrize("problem, answer, lang, correct, score, lines", CASES)
def test_every_iterate(problem, answer, lang, correct, score, lines):
    verdict = check_bank_answer(problem, answer, lang=lang)
    assert (verdict.correct, verdict.score) == (correct, score), verdict.feedback
    assert verdict.feedback[:len(lines)] == lines
