"""Plain text writes a capital Greek name as its letter (Φ beside θ, never Phi) and keeps the space before an
upright word that follows a group of a statement (1/1^T z diag(z), not zdiag(z)). Exact strings."""

from __future__ import annotations

import pytest
import sympy as sp

from symnn.render.math import text_math
from symnn.render.text import TextPrinter


@pytest.mark.parametrize("expr, text", [
    (sp.Symbol("Phi") - sp.Symbol("theta"), "Φ - θ"),           # MML's features Φ and parameters θ
    (sp.Symbol("Sigma") + sp.Symbol("Lambda"), "Λ + Σ"),
    (sp.Symbol("Omega_1"), "Ω_1"),                              # a subscript stays as it is
    (sp.Symbol("Psi") ** 2, "Ψ^2"),
])
def test_a_capital_greek_name_is_its_letter(expr, text):
    assert text_math(expr) == text


@pytest.mark.parametrize("lang, statement, text", [
    ("en", r"Boyd: $\frac{1}{\mathbf{1}^T z}\mathrm{diag}(z)$.", "Boyd: 1/1^T z diag(z)."),
    ("ru", r"У Бойда: $\frac{1}{s}\operatorname{diag}(z)$.", "У Бойда: 1/s diag(z)."),
])
def test_an_upright_word_after_a_group_keeps_its_space(lang, statement, text):
    assert TextPrinter(lang=lang).rich_text(statement) == text
