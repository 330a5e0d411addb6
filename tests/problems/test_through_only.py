"""An answer asked through the output y is written in y alone (b(a − y)(a + y)/a for a·tanh(bv)), or refused
with the problem's id where it cannot be: never half in y and half in v. sympy.diff is the oracle."""

from __future__ import annotations

import pytest
import sympy as sp

from symnn import render
from symnn.problems.bank import BankError
from symnn.problems.solve import solve

BANK = r'''[[problem]]
id = "scaled-tanh"
kind = "derivative"
expr = "c*tanh(k*z)"
wrt = "z"
names = { y = "c*tanh(k*z)" }
through = ["y"]
statement.en = 'For $y = c \tanh(kz)$ write $y^\prime(z)$ through $y$.'
statement.ru = 'Для $y = c \tanh(kz)$ выразите $y^\prime(z)$ через $y$.'

[[problem]]
id = "scaled-sigmoid"
kind = "derivative"
expr = "c*sigmoid(z)"
wrt = "z"
names = { y = "c*sigmoid(z)" }
through = ["y"]
statement.en = 'For $y = c\,\sigma(z)$ write $y^\prime(z)$ through $y$.'
statement.ru = 'Для $y = c\,\sigma(z)$ выразите $y^\prime(z)$ через $y$.'

[[problem]]
id = "not-through"
kind = "derivative"
expr = "z*tanh(z)"
wrt = "z"
names = { y = "tanh(z)" }
through = ["y"]
statement.en = 'Write the derivative of $z \tanh z$ through $y = \tanh z$.'
statement.ru = 'Выразите производную $z \tanh z$ через $y = \tanh z$.'
'''
c, k, z, y = sp.symbols("c k z y", real=True)


@pytest.fixture
def bank(tmp_path):
    (tmp_path / "p.toml").write_text(BANK, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("problem_id, formula, through", [
    ("scaled-tanh", c * sp.tanh(k * z), k * (c - y) * (c + y) / c),     # Haykin's (b/a)(a − y)(a + y)
    ("scaled-sigmoid", c / (1 + sp.exp(-z)), y * (c - y) / c),           # cσ′ = y(1 − y/c)
])
def test_the_answer_is_in_y_alone_and_equals_the_derivative(bank, problem_id, formula, through):
    answer = solve(problem_id, bank).answer
    assert z not in answer.free_symbols
    assert sp.simplify(answer.subs(sp.Symbol("y", real=True), formula) - sp.diff(formula, z)) == 0
    assert sp.simplify(through.subs(y, formula) - sp.diff(formula, z)) == 0


@pytest.mark.parametrize("lang, line", [
    ("en", "Answer: ∂/∂z(c·tanh(k·z)) = c·k·(1 - tanh(k·z)^2) = k·(c - y)·(c + y)/c"),
    ("ru", "Ответ: ∂/∂z(c·th(k·z)) = c·k·(1 - th(k·z)^2) = k·(c - y)·(c + y)/c")])
def test_the_key_writes_the_form_through_y(bank, lang, line):
    assert render(solve("scaled-tanh", bank), "text", lang=lang, detail="brief").splitlines()[-1] == line


def test_a_form_that_keeps_the_variable_is_refused_with_the_problem_id(bank):
    # d/dz(z·tanh z) = y + z(1 − y²): z cannot leave it
    with pytest.raises(BankError, match=r"problem not-through: the answer cannot be written through y alone: z remains"):
        solve("not-through", bank)
