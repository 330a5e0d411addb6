"""A statement's relations and × in plain text keep their spaces on both sides, as TeX sets them (pylatexenc drops
the space after a command that another command follows: x ∈ℝ^n). One case per row."""

from __future__ import annotations

import pytest

from symnn.render.text import TextPrinter


@pytest.mark.parametrize("latex, text", [
    (r"Let $x \in \mathbb{R}^n$.", "Let x ∈ ℝ^n."),                   # before a blackboard letter
    (r"$\mu \in \mathbb{R}^n$", "μ ∈ ℝ^n"),                           # after a Greek letter too
    (r"$W \in \mathbb{R}^{m \times n}$", "W ∈ ℝ^(m × n)"),             # × inside the power
    (r"$a \leq \alpha$ and $b \geq \beta$", "a ≤ α and b ≥ β"),       # ≤, ≥ before a command
    (r"$\int_0^1 x$, $\infty$", "∫_0^1 x, ∞"),                        # \int and \infty are not \in
])
def test_a_relation_keeps_its_spaces(latex, text):
    assert TextPrinter(lang="en").rich_text(latex) == text
