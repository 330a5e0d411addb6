"""A training key works what its statement asks, in the statement's form, and nothing else: exact lines of
the keys of delta-rule, hagan-steepest-descent and lms-apple-orange, in English and Russian."""

from __future__ import annotations

import pytest

from symnn import render, solve


def key(problem_id: str, lang: str = "en", format: str = "text", detail: str = "brief") -> list[str]:
    return render(solve(problem_id), format, lang=lang, detail=detail).splitlines()


# delta-rule asks the deltas, the gradients and the steps Δw_t: the key ends with the table of the steps,
# with no line w_t = w_(t−1) + Δw_t and no table of the new weights (not asked, used by nothing asked)
@pytest.mark.parametrize("lang, rule, last_row, answer", [
    ("en", "Momentum update: Δw_t = α·Δw_(t-1) - λ·grad; λ = 0.1, α = 0.9",
     "b3         0.9·0 - 0.1·(-0.118809)     ≈ 0.011881", "Answer: δ_o1 ≈ -0.118809;"),
    ("ru", "Шаг метода моментов: Δw_t = α·Δw_(t-1) - λ·grad; λ = 0,1; α = 0,9",
     "b3        0,9·0 - 0,1·(-0,118809)     ≈ 0,011881", "Ответ: δ_o1 ≈ -0,118809;"),
])
@pytest.mark.parametrize("detail", ["brief", "full"])
def test_the_delta_rule_key_shows_no_table_of_new_weights(lang, rule, last_row, answer, detail):
    lines = key("delta-rule", lang, detail=detail)
    at = lines.index(rule)
    # the rule, the header of Δw_t, its rule, then nine rows, the last the output's bias; then the answer
    assert lines[at + 1].split() == (["parameter", "Δw_t", "value"] if lang == "en" else ["параметр", "Δw_t", "значение"])
    assert lines[at + 11] == last_row
    assert lines[at + 12].startswith(answer)
    assert not any(line.split()[1:2] == ["w_t"] or "1 + (-0" in line for line in lines[at + 1:])


# hagan-steepest-descent: the rule in the statement's letter 𝐱 (not w_t = w_(t−1) − α·g_t), each coordinate's
# step with its partial derivative, in LaTeX as in text
@pytest.mark.parametrize("lang, rule, coordinate", [
    ("en", r"\mathbf{x}_{t} &= \mathbf{x}_{t-1} - \alpha \nabla F(\mathbf{x}_{t-1}) \\*[0.5ex]",
     r"x_{2,t} &= x_{2,t-1} - \alpha \frac{\partial F}{\partial x_{2}} = 0.5 - 0.01 \cdot 25 = 0.25"),
    ("ru", r"\mathbf{x}_{t} &= \mathbf{x}_{t-1} - \alpha \nabla F(\mathbf{x}_{t-1}) \\*[0.5ex]",
     r"x_{2,t} &= x_{2,t-1} - \alpha \frac{\partial F}{\partial x_{2}} = 0{,}5 - 0{,}01 \cdot 25 = 0{,}25"),
])
def test_steepest_descent_is_written_in_the_statements_letter(lang, rule, coordinate):
    lines = key("hagan-steepest-descent", lang, "latex")
    assert rule in lines and coordinate in lines
    assert not any("w_{t" in line or "g_{t}" in line for line in lines)


# variables of their own (x, y: no vector to name) keep the method's rule in w and g
def test_variables_of_their_own_keep_the_generic_rule():
    assert "   w_t = w_(t-1) - a·g_t" in key("grad-quadratic-gd")
    assert "   x_t = x_(t-1) - a·g_t = 1 - 0.5·1 = 0.5" in key("grad-quadratic-gd")
