"""Parts of an answer labelled as groups, in any order: r = (…) and ∇f = (…) of a residual and its gradient,
ω = (ω₁, ω₂) beside ω₀ of a neuron's weights. Each labelled group is matched to the parts it names; a wrong
part is named in the feedback. The numbers typed are computed here by NumPy, not taken from the checker."""

from __future__ import annotations

import numpy as np
import pytest

from symnn.answers.check import check_bank_answer

# vec-residual: f(x) = ‖Ax − b‖² at x = (1, 1); r = Ax − b, ∇f = 2Aᵀr
A, B, X = np.array([[1, 0], [1, 1], [1, 2]]), np.array([6, 0, 0]), np.array([1, 1])
R = A @ X - B
G = 2 * A.T @ R
r = ", ".join(map(str, R))
g = ", ".join(map(str, G))
r_ru, g_ru = "; ".join(map(str, R)), "; ".join(map(str, G))

# neuron-bias-update: y = σ(0) = ½, δ = 2λ(Y − y)y(1 − y) with λ = ½, Y = 1; ω₀ += δ, ω += δ·x with x = (1, 2)
DELTA = 2 * 0.5 * (1 - 0.5) * 0.5 * (1 - 0.5)
W0, W1, W2 = DELTA, DELTA * 1, DELTA * 2


@pytest.mark.parametrize("problem, answer, lang, correct, said", [
    # the gradient first, then the residual, each labelled, a comma between
    ("vec-residual", f"∇f = ({g}), r = ({r})", "en", True, "matched by their labels"),
    # the order of the key, a semicolon between, grad f spelled in words
    ("vec-residual", f"r = ({r}); grad f = ({g})", "en", True, None),
    # LaTeX's \nabla, the gradient first
    ("vec-residual", rf"\nabla f = ({g}), r = ({r})", "en", True, None),
    # Russian: «;» inside the tuples and between the parts
    ("vec-residual", f"∇f = ({g_ru}); r = ({r_ru})", "ru", True, "сопоставлены по подписям"),
    # the second entry of the gradient wrong: the part named by its label
    ("vec-residual", f"∇f = ({G[0]}, {G[1] - 1}), r = ({r})", "en", False, "Component 5 (∂f/∂x_2) is not correct."),
    # a sign lost in the residual, said of r_2 in Russian
    ("vec-residual", f"∇f = ({g_ru}); r = ({R[0]}; {-R[1]}; {R[2]})", "ru", False, "Компонента 2 (r_2): неверный знак"),
    # the five numbers unlabelled, in the key's order, still read as they are
    ("vec-residual", f"({r}, {g})", "en", True, None),
    # the same five unlabelled numbers with the gradient first: wrong
    ("vec-residual", f"({g}, {r})", "en", False, None),
    # ω, the normal (ω₁, ω₂), as a group, and the shift ω₀ apart
    ("neuron-bias-update", f"ω = ({W1}, {W2}), ω₀ = {W0}", "en", True, "matched by their labels"),
    # each weight by its own name, in another order
    ("neuron-bias-update", f"ω₁ = {W1}, ω₂ = {W2}, ω₀ = {W0}", "en", True, None),
    # LaTeX names, Russian decimal commas
    ("neuron-bias-update", rf"\omega_0 = {W0}; \omega = ({W1}; {W2})".replace(".", ","), "ru", True, None),
    # ω's entries swapped: the group is read in the order of its indices, ω₁ then ω₂
    ("neuron-bias-update", f"ω = ({W2}, {W1}), ω₀ = {W0}", "en", False, "Components 2 (ω_1⁺) and 3 (ω_2⁺) are swapped."),
    # ω₂ doubled: named by its label
    ("neuron-bias-update", f"ω = ({W1}, {2 * W2}), ω₀ = {W0}", "en", False, "Component 3 (ω_2⁺)"),
])
def test_grouped_labels(problem, answer, lang, correct, said):
    verdict = check_bank_answer(problem, answer, lang=lang)
    assert verdict.correct is correct, verdict.feedback
    if said is not None:
        assert any(said in line for line in verdict.feedback), verdict.feedback
