r"""An optimizer's run answered with one point under a label: the label of the point asked (x_3 after three steps),
or none, leaves the point judged as the answer; a label naming another point of the run (x_1, x_0) is not the
answer and is told which point is asked, and one past the run (x_4) that it is no point of it. A label of another
letter (v of a velocity) names no point of the run, and the value is judged as written.

The run's points are NumPy's: gradient descent x ← x − η∇f on f = x1² + 4x2², η = 0.1, from (1, 1)."""

from __future__ import annotations

import textwrap

import numpy as np
import pytest

from symnn.answers.check import check_bank_answer

BANK = r"""
title.en = 'Runs'
title.ru = 'Прогоны'

[[problem]]
id = "descent-three"
kind = "optimizer-step"
optimizer = "gd"
expr = "x1^2 + 4*x2^2"
wrt = "x1, x2"
at = [1, 1]
steps = 3
settings = { eta = 0.1 }
statement.en = 'Apply gradient descent to $f(\mathbf{x}) = x_1^2 + 4 x_2^2$ from $\mathbf{x}_0 = (1, 1)$ with $\eta = 0.1$. Find the point after three steps.'
statement.ru = 'Примените градиентный спуск к $f(\mathbf{x}) = x_1^2 + 4 x_2^2$ из точки $\mathbf{x}_0 = (1, 1)$ при $\eta = 0.1$. Найдите точку после трёх шагов.'
"""


def _run() -> list:
    x, points = np.array([1.0, 1.0]), []
    for _ in range(4):
        points.append(x)
        x = x - 0.1 * np.array([2 * x[0], 8 * x[1]])
    return points


POINTS = _run()                             # x_0, x_1, x_2, x_3: (1, 1), (0.8, 0.2), (0.64, 0.04), (0.512, 0.008)


def point(k: int, lang: str = "en") -> str:
    """The run's point x_k as a student types it: (0.8, 0.2), in Russian (0,8; 0,2)."""
    numbers = [f"{value:.6g}" for value in POINTS[k]]
    return f"({'; '.join(n.replace('.', ',') for n in numbers)})" if lang == "ru" else f"({', '.join(numbers)})"


ASKED = "x_1 names another point of the run: the point asked for is x_3."
CASES = [
    # the point asked, unlabelled, or labelled with its own index in any spelling: the answer
    (point(3), "en", True, "Correct."),
    (f"x_3 = {point(3)}", "en", True, "Correct."),
    (rf"\mathbf{{x}}_3 = {point(3)}", "en", True, "Correct."),
    (f"x^{{(3)}} = {point(3)}", "en", True, "Correct."),
    (f"x3 = {point(3, 'ru')}", "ru", True, "Верно."),
    # the point asked, labelled as an earlier one: the label is another point's, the point asked said
    (f"x_1 = {point(3)}", "en", False, ASKED),
    (f"x₁ = {point(3)}", "en", False, ASKED),
    (f"x_1 = {point(3, 'ru')}", "ru", False, "Подпись x_1 называет другую точку: искомая точка — x_3."),
    # an earlier point, labelled rightly as it: not the point asked
    (f"x_1 = {point(1)}", "en", False, ASKED),
    (f"x_2 = {point(2)}", "en", False, "x_2 names another point of the run: the point asked for is x_3."),
    (f"x_0 = {point(0)}", "en", False, "x_0 names another point of the run: the point asked for is x_3."),
    # a label past the run
    (f"x_4 = {point(3)}", "en", False, "x_4 is no point of this run: its points are x_0, x_1, x_2, x_3."),
    # a label of another letter names no point: the value judged as written
    (f"v = {point(3)}", "en", True, "Correct."),
    (f"v_1 = {point(1)}", "en", False, "Not correct."),
]


@pytest.fixture(scope="module")
def bank(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bank")
    (folder / "runs.toml").write_text(textwrap.dedent(BANK), encoding="utf-8")
    return folder


def test_the_solver_runs_as_numpy_does(bank):
    from symnn.problems.solve import solve
    work = solve("descent-three", bank).work
    assert np.allclose([tuple(work.steps[0].start)] + [tuple(step.result) for step in work.steps], POINTS)


@pytest.mark.parametrize("answer, lang, correct, line", CASES)
def test_one_labelled_point(bank, answer, lang, correct, line):
    verdict = check_bank_answer("descent-three", answer, bank, lang=lang)
    assert verdict.correct is correct, verdict.feedback
    assert line in verdict.feedback, verdict.feedback


@pytest.mark.parametrize("problem, steps", [("hagan-steepest-descent", 2), ("d2l-momentum", 2)])
def test_the_books_runs_too(problem, steps):
    # the shipped runs of two steps: x_1 alone is another point, x_2 alone the answer
    from symnn.problems.solve import solve
    answer = "(" + ", ".join(str(value) for value in solve(problem).answer) + ")"
    assert check_bank_answer(problem, f"x_{steps} = {answer}").correct
    verdict = check_bank_answer(problem, f"x_1 = {answer}")
    assert not verdict.correct and f"the point asked for is x_{steps}" in " ".join(verdict.feedback)
