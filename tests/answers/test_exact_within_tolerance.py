r"""An exact form against a key the problem computes from decimal inputs: w = 0.6931471805599453 (ln 2 to 16
digits) makes o = σ(w) = 0.66666…66 and ∂o/∂w = o(1 − o) = 0.2222…, not 2/3 and 2/9 exactly. Under a tolerance the
exact 2/3 is held to it as the decimal 0.6667 is: right when within it, wrong when not; without one, exact is exact."""

from __future__ import annotations

import pytest

from symnn.answers.check import check_answer, check_bank_answer

BANK = r"""
[[problem]]
id = "sig"
kind = "program"
steps = ["z = w*x", "o = sigmoid(z)"]
at = "w = 0.6931471805599453, x = 1"
find = ["o", "do/dw"]
tolerance = { decimals = 4 }
statement.en = 'A neuron $o = \sigma(wx)$ at $w = 0.6931471805599453$, $x = 1$. Find $o$ and $\frac{\partial o}{\partial w}$.'

[[problem]]
id = "half"
kind = "program"
steps = ["o = tanh(n)"]
at = "n = 0.5493061443340549"
find = ["o"]
tolerance = { decimals = 4 }
statement.en = 'Find $o = \tanh n$ at $n = 0.5493061443340549$.'
"""


@pytest.fixture(scope="module")
def bank(tmp_path_factory):
    folder = tmp_path_factory.mktemp("exact")
    (folder / "exact.toml").write_text(BANK, encoding="utf-8")
    return folder


@pytest.mark.parametrize("problem, answer, components", [
    ("sig", "(2/3, 2/9)", (True, True)),                           # exact, within 4 decimals of the key
    ("sig", r"(\frac{2}{3}, \frac{2}{9})", (True, True)),          # the same in LaTeX
    ("sig", "(0.6667, 2/9)", (True, True)),                        # a decimal and an exact form mixed
    ("sig", "(2/3, 0.2222)", (True, True)),
    ("sig", "(2/3, 1/4)", (True, False)),                          # 1/4 is 0.25, not 0.2222
    ("sig", "(3/4, 2/9)", (False, True)),                          # σ(ln 3), not σ(ln 2)
    ("sig", "(0.667, 2/9)", (False, True)),                        # a decimal too coarse stays wrong
])
def test_exact_forms_of_a_computed_key(bank, problem, answer, components):
    verdict = check_bank_answer(problem, answer, bank=bank)
    assert verdict.components == components, verdict.feedback


@pytest.mark.parametrize("answer, correct", [
    ("1/2", True),                 # tanh(artanh ½) = ½, the input to 16 digits: exact ½ within 4 decimals
    ("0.5", True),
    ("sqrt(2)/2", False),          # 0.7071, another number
    ("1/3", False),
])
def test_an_exact_scalar(bank, answer, correct):
    assert check_bank_answer("half", answer, bank=bank).correct is correct


def test_exact_without_tolerance():
    # no tolerance: an exact form is held to the exact key, 6667/10000 is not 2/3
    assert check_answer("2/3", "2/3").correct
    assert not check_answer("2/3", "6667/10000").correct
