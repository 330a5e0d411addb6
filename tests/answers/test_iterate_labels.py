r"""A one-variable optimizer step answered as the key writes it, x ≈ 1.9684: the new x labelled by the iterate's name,
not a chain x = 1.9684 that the point x = 2 makes false; a chain through the update (x = x − η·g ≈ …) still has its
middle side checked, and x = 6x still states a formula. A label the problem does not have is said, in its letters."""

from __future__ import annotations

import pytest

from symnn.answers.check import check_bank_answer

BANK = r"""
[[problem]]
id = "rms"
kind = "optimizer-step"
optimizer = "rmsprop"
expr = "3*x^2"
wrt = "x"
at = [2]
settings = { eta = 0.01, alpha = 0.9 }
tolerance = { decimals = 4 }
statement.en = 'One RMSProp step on $f(x) = 3x^2$ from $x = 2$.'

[[problem]]
id = "rms-theta"
kind = "optimizer-step"
optimizer = "rmsprop"
expr = "3*theta^2"
wrt = "theta"
at = [2]
settings = { eta = 0.01, alpha = 0.9 }
tolerance = { decimals = 4 }
statement.en = 'One RMSProp step on $J(\theta) = 3\theta^2$ from $\theta = 2$.'

[[problem]]
id = "gd-theta"
kind = "optimizer-step"
optimizer = "gd"
expr = "3*x^2"
wrt = "x"
at = [2]
settings = { eta = 0.1 }
notation = { x = '\theta' }
statement.en = 'One step of gradient descent on $J(\theta) = 3\theta^2$ from $\theta = 2$ with $\eta = 0.1$.'
"""

UNKNOWN = "The label {} is not a name this problem uses: the number was checked as {}, the answer asked for."


@pytest.fixture(scope="module")
def bank(tmp_path_factory):
    folder = tmp_path_factory.mktemp("iterates")
    (folder / "iterates.toml").write_text(BANK, encoding="utf-8")
    return folder


@pytest.mark.parametrize("problem, answer, correct, said", [
    # x₁ = 2 − 0.01·12/√(0.1·12² + ε) ≈ 1.9684: the key's own line, labelled by the iterate's name
    ("rms", "x ≈ 1.9684", True, None),
    ("rms", "x = 1.9684", True, None),
    ("rms", r"x \approx 1.9684", True, None),
    ("rms", "x ≈ 1.968", False, None),                             # too coarse for 4 decimals
    ("rms", "x = 2", False, None),                                 # the start point, no step done
    # the update written out: its middle side is checked at the point x = 2
    ("rms", "x = x - 0.01*2*3*x/sqrt(0.1*(6x)^2 + 1e-8) ≈ 1.9684", True, None),
    ("rms", "x = x - 0.01*6x ≈ 1.9684", False, "A step of the chain is not equal to the answer 1.9684: 0.94·x = 1.88."),
    ("rms", "x = 6x", False, None),                                # x is 6x: a formula, not the new x
    # the iterate named θ, in every spelling
    ("rms-theta", "θ ≈ 1.9684", True, None),
    ("rms-theta", r"\theta = 1.9684", True, None),
    ("rms-theta", "theta = 1.9684", True, None),
    # θ of the notation: θ₁ = 2 − 0.1·6·2 = 0.8
    ("gd-theta", "θ = 0.8", True, None),
    ("gd-theta", r"\theta = 0.8", True, None),
    ("gd-theta", "θ = 0.9", False, None),
    # a label the problem does not have: the number checked as asked, the label said in letters (θ_1, not \θ_1)
    ("gd-theta", r"\theta_1 = 0.8", True, UNKNOWN.format("θ_1", "θ")),
    ("gd-theta", r"\theta_{1} = 0.8", True, UNKNOWN.format("θ_1", "θ")),
    ("rms", "w = 1.9684", True, UNKNOWN.format("w", "x")),
])
def test_the_iterate_as_a_label(bank, problem, answer, correct, said):
    verdict = check_bank_answer(problem, answer, bank=bank)
    assert verdict.correct is correct, verdict.feedback
    if said is not None:
        assert said in verdict.feedback


def test_in_russian(bank):
    # the same line in Russian, a decimal comma
    assert check_bank_answer("rms", "x ≈ 1,9684", bank=bank, lang="ru").correct
    assert "θ_1" in " ".join(check_bank_answer("gd-theta", r"\theta_1 = 0,8", bank=bank, lang="ru").feedback)
