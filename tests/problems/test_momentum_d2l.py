"""Momentum as d2l (§12.6) and PyTorch write it, v ← βv + g, x ← x − ηv: its iterates against a NumPy loop of
that rule and of the classical rule h ← βh + ηg, x ← x − h (the same iterates with h = ηv), its key in the
statement's letters v_t, β, η, and a student's last iterate checked."""

from __future__ import annotations

import numpy as np
import pytest

from symnn import check_answer, render
from symnn.nn.optimizers import descent
from symnn.nn.sgd_steps import train_steps
from symnn.problems.schema import problem_errors
from symnn.problems.solve import question_options, solve

BANK = r"""[[problem]]
id = "d2l-momentum-two"
kind = "optimizer-step"
optimizer = "momentum-d2l"
expr = "0.1*x1^2 + 2*x2^2"
wrt = "x1, x2"
at = [-5, -2]
settings = { eta = 0.4, beta = 0.5 }
steps = 2
statement.en = 'Minimise $f(x) = 0.1 x_1^2 + 2 x_2^2$ with $v_t = \beta v_{t-1} + g_t$, $x_t = x_{t-1} - \eta v_t$ from $x_0 = (-5, -2)$, $\eta = 0.4$, $\beta = 0.5$. Find $x_2$.'
statement.ru = 'Минимизируйте $f(x) = 0{,}1 x_1^2 + 2 x_2^2$ методом $v_t = \beta v_{t-1} + g_t$, $x_t = x_{t-1} - \eta v_t$ из $x_0 = (-5; -2)$, $\eta = 0{,}4$, $\beta = 0{,}5$. Найдите $x_2$.'
"""


def d2l_loop(gradient, x, eta, beta, steps):
    """v ← βv + ∇f(x), x ← x − ηv from v = 0, written out here: the iterates x_1, …, x_steps."""
    x, v, iterates = np.array(x, dtype=float), np.zeros(len(x)), []
    for _ in range(steps):
        v = beta * v + gradient(x)
        x = x - eta * v
        iterates.append(x)
    return iterates


def classical_loop(gradient, x, eta, beta, steps):
    """h ← βh + η∇f(x), x ← x − h from h = 0: Polyak's heavy ball as the course writes it."""
    x, h, iterates = np.array(x, dtype=float), np.zeros(len(x)), []
    for _ in range(steps):
        h = beta * h + eta * gradient(x)
        x = x - h
        iterates.append(x)
    return iterates


def d2l_gradient(x):
    """∇(0.1x₁² + 2x₂²) = (0.2x₁, 4x₂)."""
    return np.array([0.2 * x[0], 4 * x[1]])


@pytest.fixture
def bank(tmp_path):
    (tmp_path / "d2l.toml").write_text(BANK, encoding="utf-8")
    return tmp_path


def test_the_iterates_are_numpys(bank):
    run = solve("d2l-momentum-two", bank).work
    oracle = d2l_loop(d2l_gradient, [-5, -2], 0.4, 0.5, 2)
    for step, x in zip(run.steps, oracle, strict=True):
        assert [float(c) for c in step.result] == pytest.approx(list(x), abs=1e-15)
    # v₁ = g₀ = (−1, −8), x₁ = (−4.6, 1.2); v₂ = 0.5v₁ + g₁ = (−1.42, 0.8), x₂ = (−4.032, 0.88)
    assert [float(c) for c in run.result] == pytest.approx([-4.032, 0.88], abs=1e-15)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_the_iterates_are_the_classical_ones_with_h_eta_v(seed):
    """On a random positive definite quadratic ½xᵀAx, the d2l rule and the classical rule with the same β and η
    pass the same points (h = ηv at every step, by induction: ηv_t = βηv_{t−1} + ηg_t = βh_{t−1} + ηg_t = h_t)."""
    rng = np.random.default_rng(seed)
    M = rng.normal(size=(3, 3))
    A = M @ M.T + np.eye(3)
    x0, eta, beta = rng.normal(size=3), 0.05, 0.8
    d2l = d2l_loop(lambda x: A @ x, x0, eta, beta, 8)
    classical = classical_loop(lambda x: A @ x, x0, eta, beta, 8)
    assert np.allclose(d2l, classical, atol=1e-12)
    # symnn's two optimizers, exactly, on a quadratic of the bank's kind: equal iterates, and its h is η times its v
    expr, at, settings = "3*x^2 + x*y + y^2", (1, -2), {"eta": "1/10"}
    ours = descent("momentum-d2l", expr, ("x", "y"), at, 4, beta="1/2", **settings)
    course = descent("momentum", expr, ("x", "y"), at, 4, alpha="1/2", **settings)
    assert [s.result for s in ours] == [s.result for s in course]
    for d, c in zip(ours, course):
        v = [lines[0].value for lines in d.lines]
        h = [lines[0].value for lines in c.lines]
        assert [value / 10 for value in v] == h


@pytest.mark.parametrize("lang, lines", [
    ("en", ["      v_t = β·v_(t-1) + ∇f(𝐱_(t-1))", "      𝐱_t = 𝐱_(t-1) - η·v_t", "   η = 0.4, β = 0.5",
            "      v_t = β·v_(t-1) + ∂f/∂x_2 = 0.5·0 + (-8) = -8",
            "      x_(2,t) = x_(2,t-1) - η·v_t = (-2) - 0.4·(-8) = 1.2",
            "step  from         gradient there  v_t           to",
            "2     (-4.6, 1.2)  (-0.92, 4.8)    (-1.42, 0.8)  (-4.032, 0.88)", "Answer: 𝐱_2 = (-4.032, 0.88)"]),
    ("ru", ["      v_t = β·v_(t-1) + ∇f(𝐱_(t-1))", "   η = 0,4; β = 0,5",
            "2    (-4,6; 1,2)  (-0,92; 4,8)    (-1,42; 0,8)  (-4,032; 0,88)", "Ответ: 𝐱_2 = (-4,032; 0,88)"]),
])
def test_the_key_is_in_the_statements_letters(bank, lang, lines):
    printed = render(solve("d2l-momentum-two", bank), "text", lang=lang, detail="brief").splitlines()
    for line in lines:
        assert line in printed
    assert not any("h_t" in line or "α" in line for line in printed)        # not the course's h and α


@pytest.mark.parametrize("typed, correct", [
    ("(-4.032, 0.88)", True),             # x₂
    ("x_2 = (-4.032, 0.880)", True),      # named as the statement asks it
    ("(-4,032; 0,88)", True),             # Russian decimals
    ("(-4.6, 1.2)", False),               # x₁, one step only
    ("(-4.232, -0.72)", False),           # gradient descent, no momentum
    ("(-4.60512, 0.3808)", False),        # η twice: v ← βv + ηg, then x ← x − ηv
])
def test_a_students_last_iterate(bank, typed, correct):
    solution = solve("d2l-momentum-two", bank)
    assert check_answer(solution.answer, typed, **question_options(solution.problem)).correct is correct


@pytest.mark.parametrize("settings, error", [
    ({"alpha": 0.5}, "settings: momentum-d2l has no setting alpha; use eta, beta"),
    ({"mu": 0.5}, "settings: momentum-d2l has no setting mu; use eta, beta"),
])
def test_the_course_letters_are_refused_naming_the_methods_own(settings, error):
    entry = {"id": "p", "kind": "optimizer-step", "statement": {"en": "…"}, "optimizer": "momentum-d2l",
             "expr": "x^2", "wrt": "x", "at": [1], "settings": settings}
    assert problem_errors(entry) == [error]


def test_a_networks_momentum_is_beta():
    """A network trained with momentum = 0.5 and momentum-d2l goes where the course's momentum takes it."""
    from symnn.nn.network import Network
    net = Network([2, 1], loss="half-se")
    start = {"w1": 0.5, "w2": -0.25, "b1": 0.1}
    data = {"x1": 1, "x2": 2, "y": 1}
    common = dict(steps=3, learning_rate="1/2", momentum="1/2")     # not the default 0.9
    d2l = train_steps(net, {**start, **data}, optimizer="momentum-d2l", **common)
    course = train_steps(net, {**start, **data}, optimizer="momentum", **common)
    assert d2l.parameters == course.parameters
