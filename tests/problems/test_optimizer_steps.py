"""An optimizer-step problem of N steps (Hagan ch. 9's steepest descent, two iterations) against a NumPy
loop; every iterate in the key, en and ru; the answer the last iterate; steps refused where they cannot be."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp

from symnn import check_answer, render
from symnn.nn.optimizers import descent
from symnn.problems.schema import problem_errors
from symnn.problems.solve import question_options, solve


def numpy_descent(start, rate, steps):
    """x ← x − α∇F for F = x₁² + 25x₂², ∇F = (2x₁, 50x₂), written out here."""
    x, iterates = np.array(start, dtype=float), []
    for _ in range(steps):
        x = x - rate * np.array([2 * x[0], 50 * x[1]])
        iterates.append(x)
    return iterates


def test_the_iterates_are_numpys_and_the_books():
    run = solve("hagan-steepest-descent").work
    oracle = numpy_descent([0.5, 0.5], 0.01, 2)
    for step, x in zip(run.steps, oracle, strict=True):
        assert [float(c) for c in step.result] == pytest.approx(list(x), abs=1e-15)
    assert solve("hagan-steepest-descent").answer == (sp.Rational(2401, 5000), sp.Rational(1, 8))   # x₂ = (0.4802, 0.125)


def test_ten_steps_against_numpy():
    steps = descent("gd", "x1^2 + 25*x2^2", "x1, x2".split(", "), (0.5, 0.5), 10, eta=0.01)
    assert [float(c) for c in steps[-1].result] == pytest.approx(list(numpy_descent([0.5, 0.5], 0.01, 10)[-1]), abs=1e-15)


@pytest.mark.parametrize("lang, title, rows, answer", [
    # the first step is worked above and not repeated as a row: the table lists the second only; the answer is
    # named by the rule's iterate after two steps, 𝐱_2
    ("en", "The second step, from where the first ended", ["2     (0.49, 0.25)  (0.98, 12.5)    (0.4802, 0.125)"],
     "Answer: 𝐱_2 = (0.4802, 0.125)"),
    ("ru", "Второй шаг — из точки, где закончился первый", ["2    (0,49; 0,25)  (0,98; 12,5)    (0,4802; 0,125)"],
     "Ответ: 𝐱_2 = (0,4802; 0,125)"),
])
def test_the_key_works_the_first_step_and_lists_the_later_iterates(lang, title, rows, answer):
    printed = render(solve("hagan-steepest-descent"), "text", lang=lang, detail="brief").splitlines()
    assert printed[-5:-1] == [title, printed[-4], printed[-3], *rows]
    assert printed[-1] == answer
    assert not any(line.startswith("1 ") for line in printed)          # no row of the first step
    # the rule in the statement's letter 𝐱, the coordinate's gradient as its partial derivative
    assert "      𝐱_t = 𝐱_(t-1) - α·∇F(𝐱_(t-1))" in printed
    first = {"en": "      x_(1,t) = x_(1,t-1) - α·∂F/∂x_1 = 0.5 - 0.01·1 = 0.49",
             "ru": "      x_(1,t) = x_(1,t-1) - α·∂F/∂x_1 = 0,5 - 0,01·1 = 0,49"}[lang]
    assert first in printed


@pytest.mark.parametrize("typed, correct", [
    ("(0.4802, 0.125)", True),
    ("(0.49, 0.25)", False),        # the first iterate
])
def test_the_answer_is_the_last_iterate(typed, correct):
    solution = solve("hagan-steepest-descent")
    assert check_answer(solution.answer, typed, **question_options(solution.problem)).correct is correct


BASE = {"id": "p", "kind": "optimizer-step", "statement": {"en": "…"}, "optimizer": "gd", "expr": "x^2", "wrt": "x",
        "at": [1]}


@pytest.mark.parametrize("fields, error", [
    ({"steps": 2, "closed_form": "(1 - eta)^i * x0"},
     "steps: 2 steps start with no state and have no closed form; leave out closed_form, or take steps = 1"),
    ({"steps": 0}, "steps: expected 1 or more"),
    ({"steps": 1.5}, "steps: expected a whole number, got float"),
])
def test_steps_that_cannot_be_taken_are_refused_with_the_field(fields, error):
    assert problem_errors({**BASE, **fields}) == [error]


MOMENTUM = r"""[[problem]]
id = "momentum-three"
kind = "optimizer-step"
optimizer = "momentum-cs231n"
expr = "x^2"
wrt = "x"
at = "x = 2"
settings = { eta = 0.25, mu = 0.5 }
steps = 3
statement.en = 'Minimise $f(x) = x^2$ from $x = 2$ with $v \leftarrow \mu v - \eta f^\prime(x)$, $x \leftarrow x + v$.'
statement.ru = 'Минимизируйте $f(x) = x^2$ из $x = 2$ методом $v \leftarrow \mu v - \eta f^\prime(x)$, $x \leftarrow x + v$.'
"""


def momentum_loop(x, eta, mu, steps):
    """v ← μv − η·2x, x ← x + v from v = 0, written out here: [(x before, 2x, v, x after), …]."""
    v, rows = 0.0, []
    for _ in range(steps):
        gradient = 2 * x
        v = mu * v - eta * gradient
        rows.append((x, gradient, v, x + v))
        x = x + v
    return rows


@pytest.mark.parametrize("lang, title, table", [
    ("en", "Steps 2 to 3, each from where the last ended",
     ["step  from  gradient there  v_t   to", "----  ----  --------------  ----  ----",
      "2     1     2               -1    0", "3     0     0               -0.5  -0.5"]),
    ("ru", "Шаги со 2-го по 3-й, каждый из точки, где закончился предыдущий",
     ["шаг  из точки  градиент в ней  v_t   в точку", "---  --------  --------------  ----  -------",
      "2    1         2               -1    0", "3    0         0               -0,5  -0,5"]),
])
def test_a_later_step_shows_the_velocity_it_moves_by(tmp_path, lang, title, table):
    """Momentum's v_t at each later step, not only from, gradient and to: v₂ = 0.5·(−1) − 0.25·2 = −1,
    x₂ = 1 − 1 = 0; v₃ = 0.5·(−1) − 0.25·0 = −0.5, x₃ = −0.5 (the loop above)."""
    (tmp_path / "momentum.toml").write_text(MOMENTUM, encoding="utf-8")
    printed = render(solve("momentum-three", tmp_path), "text", lang=lang, detail="brief").splitlines()
    rows = momentum_loop(2.0, 0.25, 0.5, 3)
    assert [(row[0], row[1], row[2], row[3]) for row in rows[1:]] == [(1.0, 2.0, -1.0, 0.0), (0.0, 0.0, -0.5, -0.5)]
    assert printed[-6:-1] == [title, *table]
    assert "v ← μv - ηf′(x), x ← x + v" in printed[0]        # the arrow keeps its space before μ
