"""A brief answer key sets a table once: a later problem with the same table says where it is."""

import pytest

from symnn.export.repeats import shown_once
from symnn.export.worksheets import Options, answer_key
from symnn.problems.solve import solve
from symnn.render.latex_tables import TABLE_START

LATEX_TABLE = TABLE_START + "\n\\begin{tabular}{ll}\na & 1 \\\\\n\\end{tabular}\\par}\\medskip\n"
MD_TABLE = "| a | b |\n|---|---|\n| 1 | 2 |\n"
HTML_TABLE = '<div class="table"><table>\n<tr><td>1</td></tr>\n</table></div>\n'


@pytest.mark.parametrize("format, table, reference", [
    ("tex", LATEX_TABLE, "{\\noindent The same table as in Problem 1.\\par}\n"),
    ("md", MD_TABLE, "The same table as in Problem 1.\n"),
    ("html", HTML_TABLE, '<div class="step">The same table as in Problem 1.</div>\n'),
])
def test_a_table_of_an_earlier_problem_is_named_not_repeated(format, table, reference):
    parts = ["Forward pass:\n" + table, "Forward pass:\n" + table + "Other:\n" + table.replace("1", "7")]
    first, second = shown_once(parts, ["1", "2"], format, "en")
    assert first == parts[0]                                    # the first problem keeps its table
    assert second == "Forward pass:\n" + reference + "Other:\n" + table.replace("1", "7")   # a new table stays


def test_a_table_repeated_within_one_problem_is_not_named_after_itself():
    parts = [MD_TABLE + "\n" + MD_TABLE]
    assert shown_once(parts, ["1"], "md", "en") == parts


def test_in_russian_the_reference_names_the_problem_in_russian():
    assert shown_once([MD_TABLE, MD_TABLE], ["1", "2"], "md", "ru")[1] == "Таблица та же, что и в задаче 1.\n"


def test_the_textbooks_error_problem_refers_to_the_first_for_mazurs_tables():
    solutions = [solve("mazur-221"), solve("mazur-221-error")]
    brief = answer_key(solutions, "md", "en", "t", Options(detail="brief"))
    second = brief.split("**Problem 2.**")[1]
    assert second.count("The same table as in Problem 1.") >= 3      # forward pass, deltas, gradients
    # its own forward pass after the update, once: mazur-221 does not ask for it, so it is not shared
    assert second.count("| $\\mathrm{out}_{h1}$ |") == 1
    full = answer_key(solutions, "md", "en", "t", Options(detail="full"))
    assert "The same table" not in full
