"""A percent sign written bare in a statement or an answer form is the sign in LaTeX, never a comment.

MAPE's answer form says "a number of percent without the % sign (12, not 12 %)": unescaped, TeX drops
the rest of the line and the sheet tells students only "without the".
"""

from __future__ import annotations

import pytest

from symnn.export.worksheets import worksheet
from symnn.problems.bank import load_bank
from symnn.problems.solve import solve
from symnn.render.latex import LatexPrinter


@pytest.mark.parametrize("lang, sentence", [
    ("en", r"a number of percent without the \% sign (12, not 12 \%)"),
    ("ru", r"число процентов без знака \% (12, а не 12 \%)"),
])
def test_the_mape_sheet_keeps_its_whole_answer_form(lang, sentence):
    problem = load_bank()["mape"]
    assert sentence in worksheet([problem], "tex", lang, "t", [solve(problem)])


@pytest.mark.parametrize("written, typeset", [
    (r"$\frac{100\%}{n}$ in percent, 5 %", r"$\frac{100\%}{n}$ in percent, 5 \%"),   # an escaped one stays as it is
    ("50 % of 50 %", r"50 \% of 50 \%"),
])
def test_a_bare_percent_is_escaped_once(written, typeset):
    assert LatexPrinter(lang="en").rich_text(written) == typeset
