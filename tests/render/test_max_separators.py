"""A line of a Russian key separates the arguments of max and min by «;» on its formula side as on its numbers
side (max(0; s_2 - s_1 + 1) = max(0; 5,1 - 3,2 + 1)); English keeps the comma on both. Exact strings in plain
text and LaTeX; the scores are the problem's, the margins and losses are worked here with Decimal."""

from __future__ import annotations

from decimal import Decimal

import pytest

from symnn import render
from symnn.problems.solve import solve

SCORES = [["3.2", "5.1", "-1.7"], ["1.3", "4.9", "2.0"]]      # CS231n's cat and car

BANK = f"""[[problem]]
id = "svm-two"
kind = "loss"
loss = "svm"
pred = [{", ".join("[" + ", ".join(row) + "]" for row in SCORES)}]
y = [[1, 0, 0], [0, 1, 0]]
find = "each"
statement.en = 'Find the multiclass SVM loss of each image.'
statement.ru = 'Найдите функцию потерь SVM для каждого изображения.'
"""


def number(value: Decimal, lang: str, comma: str) -> str:
    text = format(value.normalize(), "f")
    text = f"({text})" if value < 0 else text
    return text.replace(".", comma) if lang == "ru" else text


def expected_sides(i: int, lang: str, fmt: str) -> list[str]:
    """L_i's line: max(0, s_j − s_y + 1) + … = max(0, numbers) + …, as the key writes it: one string in plain text,
    its two sides in LaTeX (an align* row each)."""
    comma, sep = ("{,}" if fmt == "latex" else ",", "; ") if lang == "ru" else (".", ", ")
    scores = [Decimal(s) for s in SCORES[i]]
    y = i                                                           # the correct class of example i
    others = [j for j in range(3) if j != y]
    if fmt == "text":
        formula = " + ".join(f"max(0{sep}s_{j + 1} - s_{y + 1} + 1)" for j in others)
        numbers = " + ".join(f"max(0{sep}{number(scores[j], lang, comma)} - {number(scores[y], lang, comma)} + 1)"
                             for j in others)
    else:
        formula = " + ".join(rf"\max(0{sep}s_{{{j + 1}}} - s_{{{y + 1}}} + 1)" for j in others)
        numbers = " + ".join(rf"\max(0{sep}{number(scores[j], lang, comma)} - {number(scores[y], lang, comma)} + 1)"
                             for j in others)
    return [f"{formula} = {numbers}"] if fmt == "text" else [formula, numbers]


@pytest.mark.parametrize("lang", ["en", "ru"])
@pytest.mark.parametrize("fmt", ["text", "latex"])
def test_both_sides_of_a_loss_line_separate_max_arguments_alike(tmp_path, lang, fmt):
    (tmp_path / "svm.toml").write_text(BANK, encoding="utf-8")
    key = render(solve("svm-two", tmp_path), fmt, lang=lang, detail="brief")
    for i in range(len(SCORES)):
        assert all(side in key for side in expected_sides(i, lang, fmt))
    # the formula of the header too: max(0; s_j - s_y_i + Δ) in Russian
    header = r"\max(0; s_j" if fmt == "latex" else "max(0; s_j"
    assert (header in key.replace(r"\mathopen{}", "").replace("{(", "(")) == (lang == "ru")
