"""Newton's method as an optimizer-step: x_{k+1} = x_k − A_k⁻¹ g_k with the gradient and the Hessian derived,
against numpy.linalg.solve on sympy.diff taken here, central differences and Hagan's example (Neural Network
Design, ch. 9); the key as printed in both languages; `symnn solve` and `symnn check`; the fields Newton's
method does not take, named."""

import re

import numpy as np
import pytest
import sympy as sp

from symnn import check_answer, render
from symnn.cli import main
from symnn.problems.bank import BankError, Problem, load_bank
from symnn.problems.solve import question_options, solve

x, y = sp.symbols("x y", real=True)


def _problem(expr: str, at, steps=None, wrt="x, y") -> Problem:
    data = {"optimizer": "newton", "expr": expr, "wrt": wrt, "at": at}
    if steps is not None:
        data["steps"] = steps
    return Problem("p", "optimizer-step", "t", {"en": "…", "ru": "…"}, data)


def _numpy_newton(f, start, steps):
    """A hand-written loop: g and A from sympy.diff, each step Δ from numpy.linalg.solve(A, −g)."""
    g = sp.lambdify((x, y), [sp.diff(f, v) for v in (x, y)])
    A = sp.lambdify((x, y), [[sp.diff(f, a, b) for b in (x, y)] for a in (x, y)])
    point = np.array(start, dtype=float)
    for _ in range(steps):
        point = point + np.linalg.solve(np.array(A(*point), dtype=float), -np.array(g(*point), dtype=float))
    return point


def test_hagans_example_reaches_the_minimum_in_one_step():
    # Hagan ch. 9: F = x1² + 25x2² from (0.5, 0.5): g0 = (1, 25), A0 = diag(2, 50), x1 = (0, 0)
    solution = solve("hagan-newton")
    assert solution.answer == (0, 0)
    assert tuple(solution.work.g) == (1, 25) and solution.work.A == sp.diag(2, 50)
    assert solution.work.inverse == sp.diag(sp.Rational(1, 2), sp.Rational(1, 50))


@pytest.mark.parametrize("expr, start", [
    ("3*x^2 + 2*x*y + y^2 - 4*x + 6*y", [1, 1]),          # a quadratic: its minimum solves Qx = −b
    ("(x - 1)^2 + 10*(y + 2)^2 + x*y", [-3, 5]),
])
def test_a_quadratic_is_minimised_in_one_step_from_anywhere(expr, start):
    f = sp.sympify(expr.replace("^", "**"), locals={"x": x, "y": y})
    Q = np.array([[float(sp.diff(f, a, b)) for b in (x, y)] for a in (x, y)])
    b = np.array([float(sp.diff(f, v).subs({x: 0, y: 0})) for v in (x, y)])
    minimum = np.linalg.solve(Q, -b)
    assert np.allclose([float(c) for c in solve(_problem(expr, start)).answer], minimum, atol=1e-12)


@pytest.mark.parametrize("expr, start, steps", [
    ("x^4 - 2*x*y + y^2", [1, 2], 3),
    ("exp(x) + x*y + y^2", [0, 1], 2),
])
def test_several_steps_are_the_loop_on_numpy(expr, start, steps):
    f = sp.sympify(expr.replace("^", "**"), locals={"x": x, "y": y})
    answer = solve(_problem(expr, start, steps)).answer
    assert np.allclose([float(c) for c in answer], _numpy_newton(f, start, steps), rtol=1e-12, atol=1e-12)


def test_the_hessian_is_what_central_differences_give():
    # A at the start against second central differences of F (h = 1e-4)
    f = sp.lambdify((x, y), x ** 4 - 2 * x * y + y ** 2)
    h, (a, b) = 1e-4, (1.0, 2.0)
    fd = [[(f(a + h, b) - 2 * f(a, b) + f(a - h, b)) / h ** 2,
           (f(a + h, b + h) - f(a + h, b - h) - f(a - h, b + h) + f(a - h, b - h)) / (4 * h ** 2)],
          [None, (f(a, b + h) - 2 * f(a, b) + f(a, b - h)) / h ** 2]]
    fd[1][0] = fd[0][1]
    A = solve(_problem("x^4 - 2*x*y + y^2", [1, 2])).work.A
    assert np.allclose(np.array(A, dtype=float), np.array(fd), atol=1e-5)


# the last lines of the key of Hagan's step: g and A at x0, A⁻¹, and x1 with the numbers put in; the iterates bold, as
# the statement writes them (𝐱_1, the point, is not x_1, its first coordinate); A⁻¹'s entries as decimals, as x0 = (0.5, 0.5) is
# given, on its own line as in the step: one form of A⁻¹ in one key; the answer named by the iterate the rule names, 𝐱_1
KEY = {
    "en": ["∇²F = [(2, 0); (0, 50)]",
           "𝐠_0 = ∇F(0.5, 0.5) = (1, 25), ∇²F(0.5, 0.5) = 𝐀_0 = [(2, 0); (0, 50)]",
           "The inverse of the Hessian: 𝐀_0⁻¹ = [(0.5, 0); (0, 0.02)]",
           "𝐱_1 = 𝐱_0 - 𝐀_0⁻¹𝐠_0 = [0.5; 0.5] - [(0.5, 0); (0, 0.02)]·[1; 25] = [0.5; 0.5] - [0.5; 0.5] = (0, 0)",
           "Answer: 𝐱_1 = (0, 0)"],
    "ru": ["∇²F = [(2; 0); (0; 50)]",
           "𝐠_0 = ∇F(0,5; 0,5) = (1; 25), ∇²F(0,5; 0,5) = 𝐀_0 = [(2; 0); (0; 50)]",
           "Обратная матрица Гессе: 𝐀_0⁻¹ = [(0,5; 0); (0; 0,02)]",
           "𝐱_1 = 𝐱_0 - 𝐀_0⁻¹𝐠_0 = [0,5; 0,5] - [(0,5; 0); (0; 0,02)]·[1; 25] = [0,5; 0,5] - [0,5; 0,5] = (0; 0)",
           "Ответ: 𝐱_1 = (0; 0)"],
}
HEADING = {"en": "Newton's method: 𝐱_1 = 𝐱_0 - 𝐀_0⁻¹𝐠_0, the step to the minimum of the quadratic approximation "
                 "at the current point",
           "ru": "Метод Ньютона: 𝐱_1 = 𝐱_0 - 𝐀_0⁻¹𝐠_0, шаг в точку минимума квадратичного приближения функции в "
                 "текущей точке"}


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_the_key_shows_g_a_its_inverse_and_the_step(lang):
    lines = render(solve("hagan-newton"), "text", lang=lang).splitlines()
    assert lines[1] == HEADING[lang]
    assert lines[-len(KEY[lang]):] == KEY[lang]
    assert "   ∂²F/∂x_2² = ∂/∂x_2(50x_2) = 50" in lines          # each entry from a component of ∇F, x_2 as stated


def test_several_steps_end_in_a_table_of_the_iterates():
    lines = render(solve(_problem("x^4 - 2*x*y + y^2", [1, 2], 3)), "text").splitlines()
    # the first step worked in full: A0 = [12 −2; −2 2] at (1, 2), A0⁻¹ = [1/10 1/10; 1/10 3/5]
    assert "   x_1 = x_0 - A_0⁻¹g_0 = [1; 2] - [(1/10, 1/10); (1/10, 3/5)]·[0; 2] = [1; 2] - [0.2; 1.2] = (0.8, 0.8)" in lines
    # …and then the later steps, not the first again
    assert lines[-6:-1] == ["Steps 2 to 3, each from where the last ended",
                            "step  from                gradient there  to",
                            "----  ------------------  --------------  ------------------",
                            "2     (0.8, 0.8)          (0.448, 0)      ≈ (0.7211, 0.7211)",
                            "3     ≈ (0.7211, 0.7211)  ≈ (0.0578, 0)   ≈ (0.7075, 0.7075)"]
    assert lines[-1] == "Answer: x_3 ≈ (0.7075, 0.7075)"           # the iterate after three steps


def test_one_variable_is_written_with_numbers_not_one_by_one_matrices():
    lines = render(solve(_problem("x^4", [1], wrt="x")), "text").splitlines()
    # f′ = 4x³ = 4 and f″ = 12x² = 12 at 1: x1 = 1 − 4/12 = 2/3; the fraction in brackets before its factor,
    # (1/12)·4, as 1/12·4 could be read 1/(12·4)
    assert lines[-3:] == ["The inverse of the Hessian: A_0⁻¹ = 1/12",
                          "x_1 = x_0 - A_0⁻¹g_0 = 1 - (1/12)·4 = 1 - 1/3 = 2/3 ≈ 0.6667",
                          "Answer: x_1 = 2/3 ≈ 0.6667"]


@pytest.mark.parametrize("text, correct", [("(0, 0)", True), ("0; 0", True), ("(0.49, 0.25)", False)])
def test_answers_are_checked(text, correct):
    problem = solve("hagan-newton").problem
    assert check_answer(solve("hagan-newton").answer, text, **question_options(problem)).correct is correct


def test_solve_and_check_on_the_command_line(capsys):
    assert main(["solve", "hagan-newton", "--lang", "ru"]) == 0
    assert capsys.readouterr().out.rstrip().endswith("Ответ: 𝐱_1 = (0; 0)")
    assert main(["check", "hagan-newton", "(0, 0)"]) == 0
    assert capsys.readouterr().out.strip() == "Correct."


FIELDS = 'kind = "optimizer-step"\nexpr = "x1^2 + 25*x2^2"\nwrt = "x1, x2"\nat = [0.5, 0.5]\n'


@pytest.mark.parametrize("fields, error", [
    (FIELDS + 'optimizer = "newton"\nsettings = { eta = 0.1 }',
     "settings: Newton's method has no hyperparameters: its step is −A⁻¹g"),
    (FIELDS + 'optimizer = "newton"\nstate = { h = [0, 0] }', "state: Newton's method keeps no state between steps"),
    (FIELDS + 'optimizer = "newton"\nclosed_form = "(1 - eta)^i * x0"',
     "closed_form: is compared with a per-coordinate method, not with Newton's method"),
    (FIELDS.replace("[0.5, 0.5]", "[0.5]") + 'optimizer = "newton"',
     "at: expected 2 components, one for each of x1, x2, got 1"),
    (FIELDS + 'optimizer = "newton"\nsteps = 0', "steps: expected 1 or more"),
    (FIELDS + 'optimizer = "newtn"', "optimizer: unknown optimizer 'newtn'; use one of gd, sgd, minibatch, momentum, "
     "momentum-delta, momentum-cs231n, momentum-d2l, nesterov, adagrad, rmsprop, adam-slide, adam, momentum-geron, "
     "nesterov-geron, adam-geron, or newton"),
])
def test_an_invalid_field_is_named(tmp_path, fields, error):
    (tmp_path / "mine.toml").write_text(f'[[problem]]\nid = "p1"\nstatement.en = "…"\n{fields}\n', encoding="utf-8")
    with pytest.raises(BankError) as refused:
        load_bank(tmp_path)
    assert str(refused.value) == f"mine.toml: problem p1: {error}"


def test_a_singular_hessian_is_refused_with_the_point():
    # F = x³ + y² has A = [6x 0; 0 2], singular where x = 0
    with pytest.raises(BankError, match=r"problem p: the Hessian at \(0, 1\) is singular"):
        solve(_problem("x^3 + y^2", [0, 1]))


def _numbers(text: str) -> list[float]:
    return [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", text)]


@pytest.mark.parametrize("expr, at", [
    # Rosenbrock from (−1.2, 1): A⁻¹ to three digits, [(0.00562, −0.0135); (−0.0135, 0.0374)], times (−215.6, −88)
    # would give −0.0237, not the step's −0.0247 (its entries cancel)
    ("100*(y - x^2)^2 + (1 - x)^2", [-1.2, 1]),
    # a quartic bowl from a point given in decimals
    ("x^4 + x*y + 2*y^2", [0.7, -0.3]),
    # Hagan's quadratic: three digits suffice, [(0.5, 0); (0, 0.02)] as the course writes it
    ("x^2 + 25*y^2", [0.5, 0.5]),
])
def test_the_numbers_shown_in_the_step_give_the_step_shown(expr, at):
    lines = render(solve(_problem(expr, at)), "text", detail="brief").splitlines()
    inverse_line = next(line for line in lines if "⁻¹ = [" in line and "g_0 =" not in line)
    step_line = next(line for line in lines if line.startswith("x_1 = x_0 - A_0⁻¹g_0 = "))
    g_line = next(line for line in lines if line.startswith("g_0 = "))
    entries = _numbers(inverse_line.split("= ", 1)[1])
    shown = step_line.split(" = ")
    A_inv = np.array(entries).reshape(2, 2)
    g = np.array(_numbers(shown[2].split("·")[1]))
    moved_text = shown[3].split(" - ")[1].split(" ≈ ")[0]
    moved = _numbers(moved_text)
    # the product of the numbers shown, rounded to the places of the step shown, is the step shown
    for value, written in zip(A_inv @ g, moved_text.strip("[]").split("; ")):
        places = len(written.split(".")[1]) if "." in written else 0
        assert round(value, places) == pytest.approx(float(written)), (A_inv, g, moved)
    # the step itself, against NumPy's Newton step
    assert np.array(moved) == pytest.approx(-(_numpy_newton(sp.sympify(expr, locals={"x": x, "y": y}), at, 1) - np.array(at)),
                                            abs=1e-4)
    # g₀ in one form: as the gradient's line writes it (−215.6), not −1078/5
    assert "/" not in g_line.split("=")[2].split(",")[0] and _numbers(g_line.split("= ", 2)[2])[:2] == pytest.approx(list(g))


@pytest.mark.parametrize("optimizer, wrt, steps, answer", [
    # three Newton steps end at x_3, the rule's iterate (a quadratic's minimum, reached at the first)
    ("newton", "x, y", 3, "Answer: x_3 = (0, 0)"),
    # two steps of gradient descent on variables of their own: (x_2, y_2)
    ("gd", "x, y", 2, "Answer: (x_2, y_2) = "),
    # …on the coordinates of one vector: the rule's 𝐱, after two steps
    ("gd", "x1, x2", 2, "Answer: 𝐱_2 = "),
])
def test_the_answer_names_the_point_the_steps_end_at(optimizer, wrt, steps, answer):
    a, b = wrt.split(", ")
    data = {"optimizer": optimizer, "expr": f"{a}^2 + 3*{b}^2 + {a}*{b}", "wrt": wrt, "at": [1, 1], "steps": steps}
    if optimizer == "gd":
        data["settings"] = {"eta": 0.1}
    problem = Problem("p", "optimizer-step", "t", {"en": "…", "ru": "…"}, data)
    assert render(solve(problem), "text", detail="brief").splitlines()[-1].startswith(answer)
