"""A variable the notation renames is written by the statement, and so by the student, in the
statement's letter: the checker reads that letter as the variable (one case per row)."""

from __future__ import annotations

import pytest

from symnn.answers.check import check_bank_answer
from symnn.problems.bank import BankError, load_bank

BANK = r"""
[[problem]]
id = "cube"
kind = "derivative"
expr = "n^3 + 2*n"
wrt = "n"
notation = { n = "m" }
statement.en = 'Differentiate $m^3 + 2m$ by $m$.'

[[problem]]
id = "bowl"
kind = "gradient"
expr = "a^2 + 3*a*b"
wrt = "a, b"
notation = { a = '\mu', b = "s" }
statement.en = 'Find the gradient of $\mu^2 + 3\mu s$.'

[[problem]]
id = "softmax"
kind = "softmax-nll"
n = 3
true_class = 1
notation = { y_1 = "z_1", y_2 = "z_2", y_3 = "z_3", s_1 = "p_1", s_2 = "p_{2}", s_3 = "p_3" }
statement.en = 'Let $p = \mathrm{softmax}(z)$ and the correct class be 1. Find the gradient of $-\ln p_1$ by $z$.'
"""


@pytest.mark.parametrize("problem, answer, correct", [
    ("cube", "3m^2 + 2", True),             # the statement's letter m for symnn's n
    ("cube", "3m^2", False),                # the 2 of 2m is missing
    ("cube", "d/dm(m^3 + 2m)", False),      # the question restated is never an answer
    ("bowl", r"(2\mu + 3s, 3\mu)", True),   # both renamed, one a Greek letter typed in LaTeX
    ("bowl", "(2μ + 3s, 3μ)", True),        # ... or as the character
    ("bowl", "(3μ, 2μ + 3s)", False),       # the components swapped
    # softmax's s_k and y_k are written by no formula of the file, yet renamed: p_k as the key writes it
    ("softmax", "(p_1 - 1, p_2, p_3)", True),
    ("softmax", "(p₁ − 1, p₂, p₃)", True),  # subscripts typed as characters; p_{2} in the notation too
    ("softmax", "(p_1, p_2 - 1, p_3)", False),   # the 1 on the wrong class
    ("softmax", "(z_1 - 1, p_2, p_3)", False),   # the logit for the probability
])
def test_the_statement_letter_stands_for_the_variable(tmp_path, problem, answer, correct):
    (tmp_path / "letters.toml").write_text(BANK, encoding="utf-8")
    assert check_bank_answer(problem, answer, bank=tmp_path).correct is correct


def test_a_letter_the_problem_has_is_not_given_to_another_variable(tmp_path):
    # x named y beside the problem's own y: the key and the student would write both as y, so the bank refuses it
    (tmp_path / "taken.toml").write_text('''
[[problem]]
id = "taken"
kind = "derivative"
expr = "x*y"
wrt = "x"
notation = { x = "y" }
statement.en = "Differentiate $xy$ by $x$."
''', encoding="utf-8")
    with pytest.raises(BankError, match="taken.toml: problem taken: notation: x and y would both be printed y"):
        load_bank(tmp_path)
