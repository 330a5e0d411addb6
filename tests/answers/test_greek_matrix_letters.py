r"""A Greek letter the problem makes a matrix or vector (the θ of ‖y − Φθ‖² by θ, its Φ) is one in the answer too,
however it is typed (theta, θ, \theta; Phi, Φ, \Phi): its products keep their order, so the key's own answer is right
and a transpose left out is said. Greek letters the problem does not give a shape stay numbers (λ of λx)."""

from __future__ import annotations

import pytest

from symnn.answers.check import check_bank_answer

BANK = r"""
[[problem]]
id = "theta"
kind = "matrix-identity"
expr = "norm(y - Phi*theta)^2"
wrt = "theta"
shapes = { y = "N", Phi = "N x D", theta = "D" }
statement.en = 'Find $\nabla_\theta \|y - \Phi\theta\|^2$.'

[[problem]]
id = "mu"
kind = "matrix-identity"
expr = "norm(y - A*mu)^2"
wrt = "mu"
shapes = { y = "N", A = "N x D", mu = "D" }
statement.en = 'Find $\nabla_\mu \|y - A\mu\|^2$.'

[[problem]]
id = "beta-ridge"
kind = "matrix-identity"
expr = "norm(X*beta - y)^2/2 + lambda/2*norm(beta)^2"
wrt = "beta"
shapes = { y = "n", X = "n x d", beta = "d" }
statement.en = 'Find $\nabla_\beta L$.'

[[problem]]
id = "gauss"
kind = "matrix-identity"
expr = "(x - mu)^T*S*(x - mu)"
wrt = "x"
shapes = { x = "n", mu = "n", S = "n x n" }
symmetric = ["S"]
statement.en = 'Find $\nabla_x (x - \mu)^T S (x - \mu)$.'
"""


@pytest.fixture(scope="module")
def bank(tmp_path_factory):
    folder = tmp_path_factory.mktemp("greek")
    (folder / "greek.toml").write_text(BANK, encoding="utf-8")
    return folder


@pytest.mark.parametrize("problem, answer, correct, said", [
    # ∇_θ‖y − Φθ‖² = 2Φᵀ(Φθ − y): typed, in Unicode, in LaTeX, expanded, as a row
    ("theta", "2*Phi^T*(Phi*theta - y)", True, "It is the expected expression."),
    ("theta", r"-2\Phi^T(y - \Phi\theta)", True, None),                  # LaTeX, the sign taken out
    ("theta", "2ΦᵀΦθ − 2Φᵀy", True, None),                               # Unicode, expanded
    ("theta", r"-2\Phi^\top(y - \Phi\boldsymbol{\theta})", True, None),   # \top and a bold θ
    ("theta", "-2(y - Φθ)ᵀΦ", True, None),                               # the row form, numerator layout
    # a known capital Greek matrix before a bracket is a product, Φ(…) = Φ·(…), not a function
    ("theta", r"-2\Phi(y - \Phi\theta)", False, "The transpose of Φ is missing."),
    ("theta", "-2Phi(y - Phi theta)", False, "The transpose of Φ is missing."),
    ("theta", r"2\Phi^T(\theta\Phi - y)", False, None),                   # θΦ: the order of a product counts
    # μ, β as the vector of the gradient
    ("mu", "2*A^T*(A*mu - y)", True, None),
    ("mu", r"2A^T(A\mu - y)", True, None),
    ("mu", "2Aᵀ(Aμ − y)", True, None),
    ("mu", "2A(Aμ − y)", False, "The transpose of A is missing."),
    ("beta-ridge", r"X^T(X\beta - y) + \lambda\beta", True, None),       # λ a number, β a vector
    ("beta-ridge", r"(X^TX + \lambda I)\beta - X^Ty", True, None),
    ("beta-ridge", r"X^T(X\beta - y) + 2\lambda\beta", False, None),     # the ½ of the penalty lost
    # μ of a shape but not the wrt letter: 2S(x − μ), S symmetric
    ("gauss", r"2S(x - \mu)", True, None),
    ("gauss", "2(x - μ)ᵀS", True, None),
    ("gauss", r"2S(\mu - x)", False, "The sign is wrong: the answer is the negative of the correct one."),
])
def test_greek_letters_of_matrices(bank, problem, answer, correct, said):
    verdict = check_bank_answer(problem, answer, bank=bank)
    assert verdict.correct is correct, verdict.feedback
    if said is not None:
        assert said in verdict.feedback


def test_greek_letters_in_russian(bank):
    # the key's own answer in Russian, and the transpose left out said with Φ, not Phi
    assert check_bank_answer("theta", r"2\Phi^T(\Phi\theta - y)", bank=bank, lang="ru").correct
    assert "Φ" in " ".join(check_bank_answer("theta", r"2\Phi(\Phi\theta - y)", bank=bank, lang="ru").feedback)
