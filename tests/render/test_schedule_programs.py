"""A learning-rate schedule stated as a program asked for values alone: η at several t, each an assignment of its own.
The key is the forward pass (no backward pass: no gradient is asked), its values are NumPy's, and an answer lists them."""

from __future__ import annotations

import numpy as np
import pytest

from symnn import render
from symnn.answers.check import check_bank_answer
from symnn.problems.solve import solve

BANK = r'''[[problem]]
id = "power"
kind = "program"
steps = ["eta_1 = eta_0/(1 + t_1/s)^c", "eta_2 = eta_0/(1 + t_2/s)^c", "eta_3 = eta_0/(1 + t_3/s)^c"]
at = "eta_0 = 0.01, s = 10000, c = 1, t_1 = 0, t_2 = 10000, t_3 = 30000"
find = ["eta_1", "eta_2", "eta_3"]
statement.en = 'Power scheduling $\eta(t) = \eta_0 / (1 + t/s)^c$: find $\eta_1 = \eta(0)$, $\eta_2 = \eta(10\,000)$, $\eta_3 = \eta(30\,000)$.'
statement.ru = 'Степенное расписание $\eta(t) = \eta_0 / (1 + t/s)^c$: найдите $\eta_1 = \eta(0)$, $\eta_2 = \eta(10\,000)$, $\eta_3 = \eta(30\,000)$.'

[[problem]]
id = "exponential"
kind = "program"
steps = ["eta_1 = eta_0*0.1^(t_1/s)", "eta_2 = eta_0*0.1^(t_2/s)"]
at = "eta_0 = 0.01, s = 20, t_1 = 10, t_2 = 40"
find = ["eta_1", "eta_2"]
tolerance = { decimals = 5 }
statement.en = 'Exponential scheduling $\eta(t) = \eta_0 \cdot 0.1^{t/s}$: find $\eta_1 = \eta(10)$ and $\eta_2 = \eta(40)$.'
statement.ru = 'Экспоненциальное расписание $\eta(t) = \eta_0 \cdot 0{,}1^{t/s}$: найдите $\eta_1 = \eta(10)$ и $\eta_2 = \eta(40)$.'

[[problem]]
id = "with-gradient"
kind = "program"
steps = ["eta_1 = eta_0/(1 + t_1/s)", "eta_2 = eta_0/(1 + t_2/s)"]
at = "eta_0 = 1, s = 2, t_1 = 0, t_2 = 2"
find = ["eta_2", "deta_2/ds"]
statement.en = 'Find $\eta_2$ and its derivative by $s$.'
statement.ru = 'Найдите $\eta_2$ и его производную по $s$.'
'''


@pytest.fixture
def bank(tmp_path):
    (tmp_path / "p.toml").write_text(BANK, encoding="utf-8")
    return tmp_path


def power(t, eta0=0.01, s=10000, c=1):
    return eta0 / (1 + t / s) ** c


@pytest.mark.parametrize("lang, lines", [
    ("en", ["η_2   η_2 = η_0/((1 + t_2/s)^c)  0.01/((1 + 10\u202f000/10\u202f000)^1)  0.005",
            "Answer: η_1 = 0.01; η_2 = 0.005; η_3 = 0.0025"]),
    ("ru", ["η_2   η_2 = η_0/((1 + t_2/s)^c)  0,01/((1 + 10\u202f000/10\u202f000)^1)  0,005",
            "Ответ: η_1 = 0,01; η_2 = 0,005; η_3 = 0,0025"]),
])
def test_values_alone_are_a_forward_pass(bank, lang, lines):
    assert np.allclose([power(0), power(10000), power(30000)], [0.01, 0.005, 0.0025])
    text = render(solve("power", bank), "text", lang=lang, detail="full")
    assert all(line in text.splitlines() for line in lines), text
    assert "Backward" not in text and "Обратный" not in text and "∂" not in text


def test_exponential_values_are_numpy_s(bank):
    solution = solve("exponential", bank)
    expected = 0.01 * 0.1 ** (np.array([10, 40]) / 20)          # η₀·0.1^(t/s)
    assert np.allclose([float(v) for v in solution.answer], expected)


def test_a_gradient_asked_keeps_the_backward_pass(bank):
    text = render(solve("with-gradient", bank), "text", lang="en", detail="brief")
    assert "Backward pass:" in text
    # d/ds of η₀/(1 + t/s) at η₀ = 1, t = s = 2: η₀·t/(s²(1 + t/s)²) = 2/(4·4); central difference too
    d = (1 / (1 + 2 / (2 + 1e-6)) - 1 / (1 + 2 / (2 - 1e-6))) / 2e-6
    assert np.isclose(float(solve("with-gradient", bank).answer[1]), 2 / (4 * 4)) and np.isclose(d, 0.125)


@pytest.mark.parametrize("answer, correct", [
    ("(0.01, 0.005, 0.0025)", True),                 # the three values in the order asked
    ("η_1 = 0.01; η_2 = 0.005; η_3 = 0.0025", True),  # labelled as the key writes them
    ("(0.01, 0.005, 0.005)", False),                 # η(30 000) taken as η(10 000)
    ("(0.005, 0.01, 0.0025)", False),                # the first two swapped
])
def test_an_answer_lists_the_values(bank, answer, correct):
    assert check_bank_answer("power", answer, bank).correct is correct
