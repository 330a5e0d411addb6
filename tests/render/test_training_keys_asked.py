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
