"""The entries of a Jacobian read alike: a product differentiated in place, in the order f is written."""

import pytest

from symnn.problems.solve import solve
from symnn.render import render


@pytest.mark.parametrize("format, expected", [
    # x = ρ sin φ cos θ, y = ρ sin φ sin θ: ∂/∂φ turns sin φ into cos φ where it stands (SymPy: ρ sin θ cos φ)
    ("text", ["   J_13 = ∂/∂φ(ρ·sin(φ)·cos(θ)) = ρ·cos(φ)·cos(θ)", "   J_23 = ∂/∂φ(ρ·sin(φ)·sin(θ)) = ρ·cos(φ)·sin(θ)",
              # ∂/∂ρ drops the factor 1, and a minus goes in front
              "   J_11 = ∂/∂ρ(ρ·sin(φ)·cos(θ)) = sin(φ)·cos(θ)", "   J_12 = ∂/∂θ(ρ·sin(φ)·cos(θ)) = -ρ·sin(φ)·sin(θ)"]),
    ("md", [r"$$J_{23} = \frac{\partial}{\partial \phi}(\rho \sin {\phi} \sin {\theta}) = \rho \cos {\phi} \sin {\theta}$$"]),
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
