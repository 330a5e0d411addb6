"""The entries of a Jacobian read alike: a product differentiated in place, in the order f is written."""

import re

import pytest

from symnn.problems.solve import solve
from symnn.render import render


@pytest.mark.parametrize("format, expected", [
    # x = ρ sin φ cos θ, y = ρ sin φ sin θ: ∂/∂φ turns sin φ into cos φ where it stands (SymPy: ρ sin θ cos φ)
    ("text", ["   J_13 = ∂/∂φ(ρ·sin(φ)·cos(θ)) = ρ·cos(φ)·cos(θ)", "   J_23 = ∂/∂φ(ρ·sin(φ)·sin(θ)) = ρ·cos(φ)·sin(θ)",
              # ∂/∂ρ drops the factor 1, and a minus goes in front
              "   J_11 = ∂/∂ρ(ρ·sin(φ)·cos(θ)) = sin(φ)·cos(θ)", "   J_12 = ∂/∂θ(ρ·sin(φ)·cos(θ)) = -ρ·sin(φ)·sin(θ)"]),
    ("md", [r"- $$J_{23} = \frac{\partial}{\partial \phi}(\rho \sin \phi \sin \theta) = \rho \cos \phi \sin \theta$$"]),
])
def test_a_row_of_the_jacobian_keeps_the_order_of_its_function(format, expected):
    printed = render(solve("jacobian-spherical-det"), format, detail="brief").splitlines()
    for line in expected:
        assert line in printed


@pytest.mark.parametrize("problem_id, heading", [
    # the statement's x = r cos θ, y = r sin θ: rows ∂x/∂…, ∂y/∂… (notation f_1 = "x", f_2 = "y"), not f₁, f₂
    ("jacobian-polar", "J = [(∂x/∂r, ∂x/∂θ); (∂y/∂r, ∂y/∂θ)]"),
    ("jacobian-polar-det", "J = [(∂x/∂r, ∂x/∂θ); (∂y/∂r, ∂y/∂θ)]"),
    ("jacobian-spherical-det", "J = [(∂x/∂ρ, ∂x/∂θ, ∂x/∂φ); (∂y/∂ρ, ∂y/∂θ, ∂y/∂φ); (∂z/∂ρ, ∂z/∂θ, ∂z/∂φ)]"),
    ("jacobian-at-point", "J = [(∂F_1/∂x, ∂F_1/∂y); (∂F_2/∂x, ∂F_2/∂y)]"),          # F(x, y) = (x²y, 5x + sin y)
])
def test_the_jacobian_s_rows_are_named_as_the_statement_names_the_functions(problem_id, heading):
    assert heading in render(solve(problem_id), "text").splitlines()[1]


PARAMETERS_BANK = '''
[[problem]]
id = "jac-params"
kind = "jacobian"
functions = ["t*w1*w2", "x*w2"]
wrt = "w1, w2"
at = "w1 = 1, w2 = 2, x = 3, t = 5"
answer_name = "H"
statement.en = "Find the Jacobian $H$ by $w$ at $w = (1, 2)$ for $x = 3$, $t = 5$."
statement.ru = "Найдите матрицу Якоби $H$ по $w$ в точке $w = (1, 2)$ при $x = 3$, $t = 5$."

[[problem]]
id = "jac-scale"
kind = "jacobian"
functions = ["a*u^2", "u*v + a"]
wrt = "u, v"
at = "a = 2, u = 1, v = 3"
statement.en = "Find $J$ at $u = 1$, $v = 3$ for $a = 2$."
statement.ru = "Найдите $J$ при $u = 1$, $v = 3$, $a = 2$."
'''


@pytest.mark.parametrize("problem_id, lang, lines", [
    # the constants x = 3, t = 5 are put in with the variables, and the point names all four; answer_name H names
    # the matrix and its entries. ∂(t·w1·w2)/∂w1 = t·w2 = 10, ∂/∂w2 = t·w1 = 5; ∂(x·w2)/∂w2 = x = 3
    ("jac-params", "en", ["   H_11 = ∂/∂w1(w1·w2·t) = w2·t",
                          "At the point (w1, w2) = (1, 2), x = 3, t = 5: H = [(2·5, 1·5); (0, 3)] = [(10, 5); (0, 3)]",
                          "Answer: H = [(10, 5); (0, 3)]"]),
    ("jac-params", "ru", ["В точке (w1; w2) = (1; 2), x = 3, t = 5: H = [(2·5; 1·5); (0; 3)] = [(10; 5); (0; 3)]",
                          "Ответ: H = [(10; 5); (0; 3)]"]),
    # a constant given before the variables: the variables first, then it. ∂(a·u²)/∂u = 2a·u = 4, ∂(u·v + a) = (v, u)
    ("jac-scale", "en", ["At the point (u, v) = (1, 3), a = 2: J = [(2·2·1, 0); (3, 1)] = [(4, 0); (3, 1)]",
                         "Answer: J = [(4, 0); (3, 1)]"]),
])
def test_every_value_given_is_put_in_and_names_the_point(tmp_path, problem_id, lang, lines):
    (tmp_path / "jacobians.toml").write_text(PARAMETERS_BANK, encoding="utf-8")
    printed = render(solve(problem_id, tmp_path), "text", lang=lang, detail="brief").splitlines()
    for line in lines:
        assert line in printed
    assert not any(line.startswith(("At the point", "В точке")) and "t" in line.split(":")[1] for line in printed
                   if problem_id == "jac-params")


def test_answer_name_names_the_determinant_too(tmp_path):
    # the same Jacobian asked as its determinant: det H = H_11·H_22 − H_12·H_21 = t·w2·x = 5·2·3 = 30
    (tmp_path / "jacobians.toml").write_text(PARAMETERS_BANK.replace('answer_name = "H"', 'answer_name = "H"\nfind = "determinant"'),
                                             encoding="utf-8")
    printed = render(solve("jac-params", tmp_path), "text", lang="en", detail="brief").splitlines()
    assert printed[-1] == "Answer: det H = 30"
    assert "At the point (w1, w2) = (1, 2), x = 3, t = 5: det H = w2·t·x = 2·5·3 = 30" in printed
    assert not any(re.search(r"\bJ\b|J_", line) for line in printed[1:])         # H, H_11: no J of symnn's own
