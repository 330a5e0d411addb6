"""The directional-derivative kind: the slope pᵀ∇F/‖p‖ and the second derivative pᵀ∇²F p/‖p‖² along p,
against sympy.diff taken here, central differences along p and Hagan's numbers (Neural Network Design,
ch. 8); the key as printed in both languages; `symnn solve` and `symnn check`; a teacher's mistakes named
by field."""

import math

import pytest
import sympy as sp

from symnn import check_answer, render
from symnn.cli import main
from symnn.problems.bank import BankError, Problem, load_bank
from symnn.problems.solve import question_options, solve

x1, x2, x3 = sp.symbols("x1 x2 x3", real=True)


def _problem(expr: str, at, direction, find=None, wrt="x1, x2") -> Problem:
    data = {"expr": expr, "wrt": wrt, "at": at, "direction": direction, "notation": {"f": "F"}}
    if find is not None:
        data["find"] = find
    return Problem("p", "directional-derivative", "t", {"en": "…", "ru": "…"}, data)


# (text, the same function written in SymPy, point, direction): the oracle is sympy.diff of the second form
CASES = [
    ("x1^2 + 2*x2^2", x1 ** 2 + 2 * x2 ** 2, [0.5, 0.5], [2, -1]),            # Hagan: orthogonal to ∇F, slope 0
    ("x1^2 + 2*x2^2", x1 ** 2 + 2 * x2 ** 2, [0.5, 0.5], [1, 0]),             # Hagan: along x1, slope ∂F/∂x1 = 1
    ("x1*x2 + sin(x1)*exp(x2)", x1 * x2 + sp.sin(x1) * sp.exp(x2), [1, 0], [3, 4]),   # ‖p‖ = 5
    ("x1^3*x2 - x2^2", x1 ** 3 * x2 - x2 ** 2, ["1/3", -2], [1, 1]),          # exact thirds, ‖p‖ = √2
]


def _oracle(f, point, direction):
    """pᵀ∇F/‖p‖ and pᵀ∇²F p/‖p‖² from sympy.diff, exactly."""
    variables = (x1, x2)
    at = dict(zip(variables, (sp.Rational(str(c)) if not isinstance(c, str) else sp.Rational(c) for c in point)))
    p = sp.Matrix(direction)
    g = sp.Matrix([sp.diff(f, v) for v in variables]).subs(at)
    H = sp.Matrix(2, 2, lambda i, j: sp.diff(f, variables[i], variables[j])).subs(at)
    return sp.simplify((p.T * g)[0] / p.norm()), sp.simplify((p.T * H * p)[0] / p.dot(p))


@pytest.mark.parametrize("text, f, point, direction", CASES)
def test_both_derivatives_are_the_ones_sympy_diff_gives(text, f, point, direction):
    slope, second = _oracle(f, point, direction)
    answer = solve(_problem(text, point, direction, ["slope", "second"])).answer
    assert sp.simplify(answer[0] - slope) == 0 and sp.simplify(answer[1] - second) == 0


@pytest.mark.parametrize("text, f, point, direction", CASES)
def test_the_derivatives_are_what_central_differences_along_p_give(text, f, point, direction):
    # F(x + h·u) with u = p/‖p‖: its first and second central differences in h
    F = sp.lambdify((x1, x2), f)
    x = [float(sp.Rational(str(c))) for c in point]
    u = [c / math.hypot(*direction) for c in direction]
    h = 1e-4

    def along(t):
        return F(x[0] + t * u[0], x[1] + t * u[1])
    slope = (along(h) - along(-h)) / (2 * h)
    second = (along(h) - 2 * along(0) + along(-h)) / h ** 2
    answer = solve(_problem(text, point, direction, ["slope", "second"])).answer
    assert float(answer[0]) == pytest.approx(slope, abs=1e-6)
    assert float(answer[1]) == pytest.approx(second, abs=1e-3)


def test_hagans_numbers():
    # Hagan ch. 8: ∇F(x*) = (1, 2); p = (2, −1) is orthogonal to it (slope 0), p = (1, 0) has slope 1
    assert solve(_problem("x1^2 + 2*x2^2", [0.5, 0.5], [2, -1])).answer == 0
    assert solve(_problem("x1^2 + 2*x2^2", [0.5, 0.5], [1, 0])).answer == 1
    # the bank's problem asks both: pᵀ∇²F p = 2·4 + (−1)·(−4) = 12 over ‖p‖² = 5
    assert solve("hagan-directional").answer == (0, sp.Rational(12, 5))


def test_the_point_may_be_written_as_text_and_the_answer_is_one_number_when_one_is_asked():
    # F = x1·x2·x3 at (1, 2, 3) along (1, 1, 1): ∇F = (6, 3, 2), slope 11/√3; the second derivative alone is the
    # sum of the Hessian's entries over 3: 2(x3 + x2 + x1)/3 = 2·6/3 = 4
    slope = solve(_problem("x1*x2*x3", "x1 = 1, x2 = 2, x3 = 3", [1, 1, 1], wrt="x1, x2, x3")).answer
    second = solve(_problem("x1*x2*x3", "x1 = 1, x2 = 2, x3 = 3", [1, 1, 1], "second", wrt="x1, x2, x3")).answer
    assert sp.simplify(slope - 11 / sp.sqrt(3)) == 0 and second == 4


# the last lines of the bank problem's key: the direction, its length, each derivative with the numbers put in
KEY = {
    "en": ["∇²F = [(2, 0); (0, 4)]",
           "The direction 𝐩 = (2, -1), of length ‖𝐩‖ = √(p_1^2 + p_2^2) = √(2^2 + (-1)^2) = √(5) ≈ 2.2361",
           "The derivative along 𝐩: 𝐩ᵀ∇F(𝐱*)/‖𝐩‖ = (2·1 + (-1)·2)/√(5) = 0",
           "∇²F·𝐩 = (2·2 + 0·(-1), 0·2 + 4·(-1)) = (4, -4)",
           "The second derivative along 𝐩: 𝐩ᵀ∇²F(𝐱*) 𝐩/‖𝐩‖² = (2·4 + (-1)·(-4))/5 = 2.4",
           "Answer: 𝐩ᵀ∇F(𝐱*)/‖𝐩‖ = 0; 𝐩ᵀ∇²F(𝐱*) 𝐩/‖𝐩‖² = 2.4"],
    "ru": ["∇²F = [(2; 0); (0; 4)]",
           "Направление 𝐩 = (2; -1), его длина ‖𝐩‖ = √(p_1^2 + p_2^2) = √(2^2 + (-1)^2) = √(5) ≈ 2,2361",
           "Производная по направлению 𝐩: 𝐩ᵀ∇F(𝐱*)/‖𝐩‖ = (2·1 + (-1)·2)/√(5) = 0",
           "∇²F·𝐩 = (2·2 + 0·(-1); 0·2 + 4·(-1)) = (4; -4)",
           "Вторая производная по направлению 𝐩: 𝐩ᵀ∇²F(𝐱*) 𝐩/‖𝐩‖² = (2·4 + (-1)·(-4))/5 = 2,4",
           "Ответ: 𝐩ᵀ∇F(𝐱*)/‖𝐩‖ = 0; 𝐩ᵀ∇²F(𝐱*) 𝐩/‖𝐩‖² = 2,4"],
}


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_the_key_shows_the_gradient_the_hessian_and_the_numbers_put_in(lang):
    text = render(solve("hagan-directional"), "text", lang=lang)
    lines = text.splitlines()
    assert lines[-len(KEY[lang]):] == KEY[lang]
    # ∇F derived and its value at x*, as the gradient kind prints it; each second derivative from a component of ∇F
    # (x_1, x_2 as the statement writes them)
    at = "At the point (x_1, x_2) = (0.5, 0.5)" if lang == "en" else "В точке (x_1; x_2) = (0,5; 0,5)"
    values = "(0.5, 0.5) = (2·0.5, 4·0.5) = (1, 2)" if lang == "en" else "(0,5; 0,5) = (2·0,5; 4·0,5) = (1; 2)"
    assert f"{at}: ∇ F{values}" in lines
    # the mixed entry once, in the first row; the second row's is said to be the same (the matrix is symmetric)
    assert "   ∂²F/∂x_1∂x_2 = ∂/∂x_2(2x_1) = 0" in lines
    assert not any(line.startswith("   ∂²F/∂x_2∂x_1") for line in lines)
    symmetric = {"en": "   The matrix is symmetric: the mixed derivatives are equal, so an entry below the diagonal is the one "
                       "above it.",
                 "ru": "   Матрица симметрична: смешанные производные равны, поэтому элемент под диагональю равен элементу "
                       "над ней."}[lang]
    assert symmetric in lines


def test_the_key_along_a_unit_direction_divides_by_nothing():
    lines = render(solve(_problem("x1^2 + 2*x2^2", [0.5, 0.5], [1, 0])), "text").splitlines()
    # ‖p‖ = 1: the slope is pᵀ∇F itself
    assert lines[-2:] == ["The derivative along 𝐩: 𝐩ᵀ∇F/‖𝐩‖ = 1·1 + 0·2 = 1", "Answer: 𝐩ᵀ∇F/‖𝐩‖ = 1"]


@pytest.mark.parametrize("text, correct", [("0, 2.4", True), ("0; 12/5", True), ("0, 2", False), ("2.4, 0", False)])
def test_answers_are_checked(text, correct):
    problem = solve("hagan-directional").problem
    assert check_answer(solve("hagan-directional").answer, text, **question_options(problem)).correct is correct


def test_solve_and_check_on_the_command_line(capsys):
    assert main(["solve", "hagan-directional", "--detail", "brief"]) == 0
    assert capsys.readouterr().out.rstrip().endswith("Answer: 𝐩ᵀ∇F(𝐱*)/‖𝐩‖ = 0; 𝐩ᵀ∇²F(𝐱*) 𝐩/‖𝐩‖² = 2.4")
    assert main(["check", "hagan-directional", "0, 12/5"]) == 0
    assert capsys.readouterr().out.strip() == "Correct."


FIELDS = 'kind = "directional-derivative"\nexpr = "x1^2 + 2*x2^2"\nwrt = "x1, x2"\nat = [0.5, 0.5]\n'


@pytest.mark.parametrize("fields, error", [
    # p must have one component per variable
    (FIELDS + "direction = [2, -1, 0]", "direction: expected 2 components, one for each of x1, x2, got 3"),
    (FIELDS + "direction = [0, 0]", "direction: the zero vector has no direction"),
    (FIELDS + 'direction = [2, -1]\nfind = "third"',
     "find: expected 'slope' or 'second' (or both, in a list), got 'third'"),
    (FIELDS + 'direction = "2, -1"', "direction: expected a non-empty list, got str"),
    (FIELDS, "direction: missing (a directional-derivative problem needs it)"),
    # the published value must have one number per part of find
    (FIELDS + 'direction = [2, -1]\nfind = ["slope", "second"]\npublished = [0]',
     "published: 1 number, but the answer has 2 (one per part of find: slope, second)"),
])
def test_an_invalid_field_is_named(tmp_path, fields, error):
    (tmp_path / "mine.toml").write_text(f'[[problem]]\nid = "p1"\nstatement.en = "…"\n{fields}\n', encoding="utf-8")
    with pytest.raises(BankError) as refused:
        load_bank(tmp_path)
    assert str(refused.value) == f"mine.toml: problem p1: {error}"
