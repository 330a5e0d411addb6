"""Greek names in a program's steps and point (lambda, eta, alpha, …): read as the variables of the steps, printed as
Greek letters, every value against the function written by hand and central differences; and a product a step
divides by is bracketed once (λ·w²/(2n), not λ·w²/((2n)))."""

from __future__ import annotations

import pytest

from symnn.problems.bank import load_bank
from symnn.problems.solve import solve
from symnn.render import render

BANK = '''
[[problem]]
id = "ridge-step"
kind = "program"
steps = ["C = (w*x - y)^2/2 + lambda/(2*n)*w^2"]
at = "w = 1, x = 2, y = 1, lambda = 0.1, n = 10"
find = ["C", "dC/dw", "dC/dlambda"]
statement.en = "Find $C$, $\\\\partial C/\\\\partial w$ and $\\\\partial C/\\\\partial \\\\lambda$."
statement.ru = "Найдите $C$, $\\\\partial C/\\\\partial w$ и $\\\\partial C/\\\\partial \\\\lambda$."

[[problem]]
id = "greek-step"
kind = "program"
steps = ["q = alpha*w + beta", "C = q^2/2 + gamma*eta*w"]
at = "w = 1, alpha = 2, beta = 1, gamma = 3, eta = 0.5"
find = ["C", "dC/dalpha", "dC/deta"]
statement.en = "Find $C$."
statement.ru = "Найдите $C$."
'''


def ridge(p):
    return (p["w"] * p["x"] - p["y"]) ** 2 / 2 + p["lambda"] / (2 * p["n"]) * p["w"] ** 2


def greek(p):
    return (p["alpha"] * p["w"] + p["beta"]) ** 2 / 2 + p["gamma"] * p["eta"] * p["w"]


@pytest.fixture(scope="module")
def bank(tmp_path_factory):
    folder = tmp_path_factory.mktemp("greek")
    (folder / "greek.toml").write_text(BANK, encoding="utf-8")
    load_bank(folder)
    return folder


def _slope(f, point, name, h=1e-6):
    up, down = dict(point), dict(point)
    up[name] += h
    down[name] -= h
    return (f(up) - f(down)) / (2 * h)


@pytest.mark.parametrize("problem_id, f, point, asked", [
    # a ridge penalty λ/(2n)·w²: λ is the keyword lambda of Python, read as a name
    ("ridge-step", ridge, {"w": 1.0, "x": 2.0, "y": 1.0, "lambda": 0.1, "n": 10.0}, ("w", "lambda")),
    # α, β, γ, η as the textbooks name a neuron's weights and a learning rate
    ("greek-step", greek, {"w": 1.0, "alpha": 2.0, "beta": 1.0, "gamma": 3.0, "eta": 0.5}, ("alpha", "eta")),
])
def test_greek_names_are_variables_of_the_program(bank, problem_id, f, point, asked):
    answer = solve(problem_id, bank).answer
    values = list(answer.values()) if isinstance(answer, dict) else list(answer)
    assert float(values[0]) == pytest.approx(f(point))
    for value, name in zip(values[1:], asked):
        assert float(value) == pytest.approx(_slope(f, point, name), abs=1e-6)


@pytest.mark.parametrize("problem_id, lang, lines", [
    # the point and the forward table write λ, and the fraction λ/(2n) as typed, bracketed once
    ("ridge-step", "en", ["Compute the program at w = 1, x = 2, y = 1, λ = 0.1, n = 10",
                          "C     C = (w·x - y)^2/2 + λ·w^2/(2n)  (1·2 - 1)^2/2 + 0.1·1^2/(2·10)  0.505",
                          "Answer: C = 0.505; ∂C/∂w = 2.01; ∂C/∂λ = 0.05"]),
    ("ridge-step", "ru", ["Вычисляем программу при w = 1; x = 2; y = 1; λ = 0,1; n = 10",
                          "Ответ: C = 0,505; ∂C/∂w = 2,01; ∂C/∂λ = 0,05"]),
    ("greek-step", "en", ["Compute the program at w = 1, α = 2, β = 1, γ = 3, η = 0.5",
                          "q     q = α·w + β        2·1 + 1           3",
                          "Answer: C = 6; ∂C/∂α = 3; ∂C/∂η = 3"]),
])
def test_the_key_writes_greek_letters(bank, problem_id, lang, lines):
    key = render(solve(problem_id, bank), "text", lang=lang, detail="brief").splitlines()
    for line in lines:
        assert line in key


def test_the_latex_key_writes_greek_commands(bank):
    latex = render(solve("ridge-step", bank), "latex", lang="en", detail="brief")
    assert r"\dfrac{\lambda w^{2}}{2 n}" in latex and "lamda" not in latex and "lambda" not in latex.replace(r"\lambda", "")
