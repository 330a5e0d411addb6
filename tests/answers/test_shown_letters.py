r"""The letters a refusal tells to write the answer through are the problem's as its statement shows them: σ where
the notation writes the key's s as σ, and a name the statement defines (μ = σ(wx)) beside the variables."""

from __future__ import annotations

import pytest

from symnn.answers.check import check_bank_answer

BANK = r"""
[[problem]]
id = "gauss"
kind = "derivative"
expr = "exp(-(x - mu)^2/(2*s^2))"
wrt = "x"
notation = { s = '\sigma' }
statement.en = 'Find the derivative of $f(x) = \exp(-(x - \mu)^2/(2\sigma^2))$ by $x$.'

[[problem]]
id = "nll"
kind = "derivative"
expr = "-(y*log(sigmoid(w*x)) + (1 - y)*log(1 - sigmoid(w*x)))"
wrt = "w"
names = { mu = "sigmoid(w*x)" }
statement.en = 'With $\mu = \sigma(wx)$, find the derivative of $-(y \log \mu + (1 - y)\log(1 - \mu))$ by $w$.'
"""


@pytest.fixture(scope="module")
def bank(tmp_path_factory):
    folder = tmp_path_factory.mktemp("shown")
    (folder / "shown.toml").write_text(BANK, encoding="utf-8")
    return folder


@pytest.mark.parametrize("problem, answer, lang, said", [
    # σ of the notation, never the key's own s
    ("gauss", "(μ - x)/σ² · g", "en", ("The answer could not be checked: g is not a letter of this problem; write the answer through x, μ, σ.",)),
    ("gauss", "(μ - x)/σ² · g", "ru", ("Не удалось проверить ответ: g — не буква этой задачи; запишите ответ через x, μ, σ.",)),
    ("gauss", r"\frac{\mu - x}{\sigma^2}e^{-\frac{(x - \mu)^2}{2\sigma^2}}", "en",
     ("Correct.", "It agrees with the expected expression at random points.")),
    # μ = σ(wx), a name of the statement, is one to write with
    ("nll", "(ŷ − y)x", "en", ("The answer could not be checked: ŷ is not a letter of this problem; write the answer through w, x, y, μ.",)),
    ("nll", "(μ − y)x", "en", ("Correct.", "It is the expected expression.")),
])
def test_letters_as_shown(bank, problem, answer, lang, said):
    assert check_bank_answer(problem, answer, bank=bank, lang=lang).feedback == said
