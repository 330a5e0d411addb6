"""The bank's staged programs and vector problems: answers derived (against values worked by hand),
checkable with `symnn check`, printed with their numbers, and a teacher's mistakes named by field."""

import json

import pytest
import sympy as sp

from symnn import check_answer, render
from symnn.problems.bank import BankError, load_bank
from symnn.problems.solve import question_options, solve

theta, r = sp.symbols("theta r", real=True)
x1, x2 = sp.symbols("x1 x2", real=True)

# id -> the answer worked by hand
ANSWERS = {
    "program-add-mul": (-12, -4, -4, 3),              # q = 3, f = 3·(−4); ∂f/∂q = z = −4 flows to x and y
    "program-relu-neuron": (4, 4, 8, 12, 4, -4),      # a = 5 > 0, ∂L/∂h = 2(5 − 3) = 4
    "program-reuse": (16, 16, 4),                     # L = x²y + x²
    "vec-quadratic": (7, 13),                         # [[2, 2], [2, 6]]·(1, 2) + (1, −1)
    "vec-2xtx": (4, -8, 12),                          # 4x
    "vec-residual": (-5, 2, 3, 0, 16),                # r = (−5, 2, 3), then 2Aᵀr: the statement asks for both
    "jacobian-at-point": sp.Matrix([[0, 1], [5, 1]]),
    "total-derivative": -sp.sqrt(2) / 4,              # cos t (1 − 3 sin² t) at π/4
    "chain-two-variables": (28, 16),                  # 2xy·t + x², 2xy·s + x² at x = 2, y = 3
    "iterated-map": 4160,                             # 2·4·10·52
    "stewart-chain": 6,                               # (0 + 3)·2cos 0 + (0 + 0)·(−sin 0), Stewart §14.5
    # ∇f in x (AᵀAx − Aᵀb), then at x̂ = (1/3, −1/3), which solves AᵀAx = Aᵀb: the statement asks for both
    "least-squares-half": (5 * x1 - x2 - 2, 5 * x2 - x1 + 2, 0, 0),
    "jacobian-polar-det": r,                          # r cos²θ + r sin²θ
    "jacobian-spherical-det": -sp.Symbol("rho", real=True)**2 * sp.sin(sp.Symbol("phi", real=True)),
}


@pytest.mark.parametrize("problem_id, expected", ANSWERS.items())
def test_answers_are_the_ones_worked_by_hand(problem_id, expected):
    answer = solve(problem_id).answer
    if isinstance(expected, sp.MatrixBase):
        assert answer == expected
    else:
        assert sp.simplify(sp.Matrix([answer]) - sp.Matrix([expected])) == sp.zeros(1, len(sp.Matrix([expected])))


def test_the_polar_jacobian_is_a_formula():
    assert solve("jacobian-polar").answer == sp.Matrix([[sp.cos(theta), -r * sp.sin(theta)],
                                                        [sp.sin(theta), r * sp.cos(theta)]])


def test_the_gd_condition_is_an_interval():
    answer = solve("gd-convergence").answer
    assert answer.as_set() == sp.Interval.open(0, 2)
    assert sp.sstr(answer) == "0 < a < 2"


@pytest.mark.parametrize("problem_id, text, correct", [
    ("program-add-mul", "(-12, -4, -4, 3)", True),
    ("program-add-mul", "(-12, 4, 4, 3)", False),          # the sign of ∂f/∂q lost
    ("program-reuse", "(16, 12, 4)", False),               # only two of the three uses of x
    ("vec-quadratic", "(7, 13)", True),
    ("vec-quadratic", "(5, 14)", False),                   # A x + b: Aᵀ forgotten
    ("jacobian-polar", "[[cos(theta), -r*sin(theta)], [sin(theta), r*cos(theta)]]", True),
    ("jacobian-at-point", "[[0, 1], [5, 1]]", True),
    ("jacobian-at-point", "[[0, 5], [1, 1]]", False),      # transposed
    ("total-derivative", "-sqrt(2)/4", True),
    ("total-derivative", "-0.3536", True),
    ("stewart-chain", "6", True),
    ("stewart-chain", "3", False),                         # dx/dt taken as cos 2t, the inner 2 forgotten
    ("least-squares-gradient", "(10 x1 - 2 x2 - 4, -2 x1 + 10 x2 + 4)", True),   # 2AᵀAx − 2Aᵀb for ‖Ax − b‖²
    ("least-squares-gradient", "(10x_1 - 2x_2 - 4; -2x_1 + 10x_2 + 4)", True),
    ("least-squares-gradient", "(5 x1 - x2 - 2, -x1 + 5 x2 + 2)", False),      # the 2 of the square forgotten
    ("least-squares-half", "(5 x1 - x2 - 2, -x1 + 5 x2 + 2, 0, 0)", True),
    ("least-squares-half", "(0, 0)", False),                # the value alone: ∇f in x is asked too
    ("jacobian-polar-det", "r", True),
    ("jacobian-polar-det", "r cos^2(theta) + r sin^2(theta)", True),
    ("jacobian-polar-det", "r cos(2 theta)", False),        # J₁₁J₂₂ + J₁₂J₂₁: the sign of the cofactor lost
    ("jacobian-spherical-det", "-rho^2 sin(phi)", True),
    ("jacobian-spherical-det", "rho^2 sin(phi)", False),    # |det J|, what dV takes, is not the Jacobian
    ("iterated-map", "4160", True),
    ("iterated-map", "52", False),                         # only the last factor
    ("gd-convergence", "0 < a < 2", True),
    ("gd-convergence", "a ∈ (0, 2)", True),
    ("gd-convergence", r"a \in (0; 2)", True),
    ("program-micrograd", "(24.7041, 138.8338, 645.5773)", True),   # micrograd's printout, 4 places
    ("program-micrograd", "(24.7041, 138.8338, 666.4023)", False),  # ∂g/∂b through d = ab + b³ alone
    ("program-sigmoid-neuron", "(0.73, -0.20, 0.39, -0.39, -0.59, 0.20)", True),
    ("program-sigmoid-neuron", "(0.73, -0.20, 0.39, -0.39, -0.59, 0.80)", False),  # ∂f/∂w2 as f, not f(1 − f)
])
def test_answers_are_checked(problem_id, text, correct):
    problem = load_bank()[problem_id]
    verdict = check_answer(solve(problem_id).answer, text, **question_options(problem))
    assert verdict.correct is correct, verdict.feedback


def test_every_new_problem_states_its_answer_form():
    for problem_id in [*ANSWERS, "jacobian-polar", "gd-convergence", "program-micrograd", "program-sigmoid-neuron",
                       "least-squares-gradient"]:
        problem = load_bank()[problem_id]
        assert problem.answer_form("en") and problem.answer_form("ru"), problem_id


def test_the_program_prints_formula_numbers_and_value():
    text = render(solve("program-add-mul"), "text")
    assert "f     f = q·z     3·(-4)            -12" in text
    assert "∂q/∂x             1        1      -4                   -4" in text


def test_the_vector_gradient_prints_index_and_matrix_form():
    text = render(solve("vec-quadratic"), "text")
    assert "   ∂f/∂x_1 = 2x_1 + 2x_2 + 1 = 2·1 + 2·2 + 1 = 7" in text        # the entries of the vector x: x_1, x_2
    assert "∇ f = (A + A^T)·x + b = [(2, 2); (2, 6)]·[1; 2] + [1; -1] = [7; 13]\nAnswer: ∇ f = (7, 13)" in text


def test_the_residual_gradient_prints_the_residual_then_the_gradient():
    text = render(solve("vec-residual"), "text")
    assert "   r = A·x - b = [(1, 0); (1, 1); (1, 2)]·[1; 1] - [6; 0; 0] = [-5; 2; 3]" in text
    assert "   ∇ f = 2A^T·r = 2·[(1, 1, 1); (0, 1, 2)]·[-5; 2; 3] = [0; 16]\nAnswer: r = (-5, 2, 3); ∇ f = (0, 16)" in text


def test_the_iterated_map_prints_the_chain_in_russian():
    text = render(solve("iterated-map"), "text", lang="ru")
    assert "Производная сложной функции через итерации x_(k+1) = g(x_k): (g^4)'(x_0) = g'(x_0)·g'(x_1)·g'(x_2)·g'(x_3)" in text
    assert "(g^4)'(x_0) = 2·4·10·52 = 4160\nОтвет: (g^4)'(1) = 4160" in text


def test_the_condition_states_its_answer_once():
    text = render(solve("gd-convergence"), "text", lang="ru")
    assert "Значения a, при которых |1 - a| < 1\n   -1 < 1 - a < 1\nОтвет: 0 < a < 2\n" in text
    assert text.count("0 < a < 2") == 2                       # the answer, and the note on the slide
    assert render(solve("gd-convergence").work, "text", lang="ru").splitlines()[-1] == "a ∈ (0; 2), то есть 0 < a < 2"


def test_json_carries_the_work():
    data = json.loads(render(solve("program-reuse"), "json"))
    assert data["answer"] == "[16, 16, 4]"
    assert data["work"]["adjoints"]["x"]["value"] == 16
    data = json.loads(render(solve("iterated-map"), "json"))
    assert [row["x"]["sympy"] for row in data["work"]["iterates"]] == ["1", "2", "5", "26"]


BASE = "[[problem]]\nid = 'p'\nstatement.en = 's'\n"


@pytest.mark.parametrize("fields, message", [
    ("kind = 'program'\nsteps = ['q = x + y', 5]\nat = 'x = 1, y = 2'\n", "steps: an entry: expected text"),
    ("kind = 'program'\nsteps = ['x + y']\nat = 'x = 1, y = 2'\n", "steps: an entry: expected name = expression"),
    ("kind = 'program'\nsteps = ['q = x + y']\n", "at: missing"),
    ("kind = 'vector-gradient'\nmatrix = [[1, 2, 3], [4, 5, 6]]\nat = [1, 2]\n", "matrix: expected a square matrix"),
    ("kind = 'vector-gradient'\nmatrix = [[1, 0], [0, 1]]\nat = [1, 2]\nvektor = [1, 1]\n", "vektor: unknown field"),
    ("kind = 'jacobian'\nfunctions = 'x*y'\nwrt = 'x, y'\n", "functions: expected a non-empty list"),
    ("kind = 'residual-gradient'\nmatrix = [[1, 0]]\nat = [1, 1]\n", "vector: missing"),
    ("kind = 'jacobian'\nfunctions = ['x*y', 'x']\nwrt = 'x, y'\nfind = 'det'\n", "find: 'det' is not one of matrix, determinant"),
    ("kind = 'jacobian'\nfunctions = ['x*y', 'x']\nwrt = 'x, y'\nfind = ['determinant']\n", "find: expected text, got list"),
    ("kind = 'total-derivative'\nexpr = 'x*y'\ninner = { x = 1 }\nwrt = 't'\n", "inner: x: expected text"),
    ("kind = 'iterated-map'\nmap = 'x^2'\nwrt = 'x'\nn = 'four'\nat = 1\n", "n: expected a whole number"),
    ("kind = 'condition'\ncondition = 'abs(1 - a) < 1'\n", "wrt: missing"),
])
def test_a_teachers_mistake_names_the_field(tmp_path, fields, message):
    (tmp_path / "mine.toml").write_text(BASE + fields, encoding="utf-8")
    with pytest.raises(BankError, match=message):
        load_bank(tmp_path)


def test_a_program_that_updates_a_name_without_a_value_is_refused_when_solved(tmp_path):
    (tmp_path / "mine.toml").write_text(BASE + "kind = 'program'\nsteps = ['p = x + y', 'q *= p']\n"
                                        "at = 'x = 1, y = 2'\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"q \*= … comes before q has a value"):
        solve("p", tmp_path)


def test_a_program_that_assigns_a_name_again_numbers_it(tmp_path):
    (tmp_path / "mine.toml").write_text(BASE + "kind = 'program'\nsteps = ['q = x + y', 'q = q*x']\n"
                                        "at = 'x = 3, y = 2'\n", encoding="utf-8")
    solution = solve("p", tmp_path)
    assert solution.answer == (15, 8, 3)                   # q = (x + y)·x: ∂/∂x = 2x + y, ∂/∂y = x
    # the output keeps its name q, its first value is q⁽¹⁾ (a prime, q′, would read as a derivative)
    assert "   q⁽¹⁾ = x + y\n   q = q⁽¹⁾·x\n" in render(solution, "text")


def test_a_determinant_of_a_jacobian_that_is_not_square_names_the_field(tmp_path):
    (tmp_path / "mine.toml").write_text(BASE + "kind = 'jacobian'\nfunctions = ['x*y', 'x', 'y']\nwrt = 'x, y'\n"
                                        "find = 'determinant'\n", encoding="utf-8")
    with pytest.raises(ValueError, match="find: a determinant needs as many functions as variables, not 3 and 2"):
        solve("p", tmp_path)


@pytest.mark.parametrize("scale", ["'-1/2'", "'half'", "0"])
def test_a_residual_scale_that_is_not_a_positive_number_names_the_field(tmp_path, scale):
    (tmp_path / "mine.toml").write_text(BASE + "kind = 'residual-gradient'\nmatrix = [[1, 0], [0, 1]]\n"
                                        f"vector = [1, 1]\nscale = {scale}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="scale: expected a positive number"):
        solve("p", tmp_path)


def test_a_residual_gradient_without_a_point_is_a_formula_in_x(tmp_path):
    (tmp_path / "mine.toml").write_text(BASE + "kind = 'residual-gradient'\nmatrix = [[1, 2]]\nvector = [3]\n"
                                        "scale = '1/2'\n", encoding="utf-8")
    x1, x2 = sp.symbols("x1 x2", real=True)
    assert solve("p", tmp_path).answer == (x1 + 2 * x2 - 3, 2 * x1 + 4 * x2 - 6)     # Aᵀ(Ax − b) by hand
