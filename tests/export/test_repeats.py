"""A brief answer key sets a table once: a later problem with the same table says where it is."""

import pytest

from symnn.export.repeats import shown_once
from symnn.export.worksheets import Options, answer_key
from symnn.problems.solve import solve
from symnn.render import render
from symnn.render.latex_tables import TABLE_START

LATEX_TABLE = TABLE_START + "\n\\begin{tabular}{ll}\na & 1 \\\\\n\\end{tabular}\\par}\\medskip\n"
MD_TABLE = "| a | b |\n|---|---|\n| 1 | 2 |\n"
HTML_TABLE = '<div class="table"><table>\n<tr><td>1</td></tr>\n</table></div>\n'


# each format's paragraph that leads into a table, as its printer sets one
LEAD = {"tex": "{{\\noindent {}\\par}}\n\\nopagebreak\n", "md": "\n{}\n\n", "html": '<div class="step" style="margin-left:0em">{}</div>\n'}
TABLE = {"tex": LATEX_TABLE, "md": MD_TABLE, "html": HTML_TABLE}


@pytest.mark.parametrize("format, reference", [
    ("tex", "{\\noindent Forward pass: the same table as in Problem 1.\\par}\n"),
    ("md", "\nForward pass: the same table as in Problem 1.\n"),
    ("html", '<div class="step">Forward pass: the same table as in Problem 1.</div>\n'),
])
def test_a_table_of_an_earlier_problem_is_named_not_repeated(format, reference):
    lead, table = LEAD[format], TABLE[format]
    parts = [lead.format("Forward pass:") + table,
             lead.format("Forward pass:") + table + lead.format("Other:") + table.replace("1", "7")]
    first, second = shown_once(parts, ["1", "2"], format, "en")
    assert first == parts[0]                                    # the first problem keeps its table
    # the lead-in and the table become one line; a new table stays under its own lead-in
    assert second == reference + lead.format("Other:") + table.replace("1", "7")


@pytest.mark.parametrize("format", ["tex", "md", "html"])
def test_tables_one_after_another_of_one_problem_are_named_in_one_line(format):
    lead, table, other = LEAD[format], TABLE[format], TABLE[format].replace("1", "5")
    run = lead.format("Forward pass:") + table + lead.format("Deltas, from the output back (δ):") + other
    second = shown_once([run, run + lead.format("After the update:") + "x"], ["1", "2"], format, "en")[1]
    # one line names both tables by the words of their lead-ins before a comma, the second in lower case
    assert second.count("as in Problem 1") == 1
    assert "Forward pass, deltas: the same tables as in Problem 1." in second
    assert "from the output back" not in second and "After the update:" in second


def test_a_lead_in_that_is_no_heading_leaves_a_reference_per_table():
    # a paragraph without a colon does not name a table: each table is replaced where it stands
    parts = ["The error is\n\n" + MD_TABLE] * 2
    assert shown_once(parts, ["1", "2"], "md", "en")[1] == "The error is\n\nThe same table as in Problem 1.\n"


def test_the_two_halves_of_a_wide_latex_table_are_one_reference():
    halves = LATEX_TABLE + "\\nopagebreak\n" + LATEX_TABLE.replace("a &", "b &")
    parts = ["{\\noindent Backward pass:\\par}\n" + halves] * 2
    assert shown_once(parts, ["1", "2"], "tex", "en")[1] == \
        "{\\noindent Backward pass: the same table as in Problem 1.\\par}\n"


def test_a_name_keeps_a_capital_where_it_is_a_name():
    run = LEAD["md"].format("Forward pass:") + MD_TABLE + LEAD["md"].format("Adam, one step:") + MD_TABLE.replace("1", "3")
    assert "Forward pass, Adam: the same tables" in shown_once([run, run], ["1", "2"], "md", "en")[1]


def test_a_table_repeated_within_one_problem_is_not_named_after_itself():
    parts = [MD_TABLE + "\n" + MD_TABLE]
    assert shown_once(parts, ["1"], "md", "en") == parts


def test_in_russian_the_reference_names_the_problem_in_russian():
    assert shown_once([MD_TABLE, MD_TABLE], ["1", "2"], "md", "ru")[1] == "Таблица та же, что и в задаче 1.\n"
    run = LEAD["md"].format("Прямой проход:") + MD_TABLE + LEAD["md"].format("Дельты:") + MD_TABLE.replace("1", "3")
    assert shown_once([run, run], ["1", "2"], "md", "ru")[1] == "\nПрямой проход, дельты: таблицы те же, что и в задаче 1.\n"


def test_the_textbooks_error_problem_refers_to_the_first_for_mazurs_tables():
    solutions = [solve("mazur-221"), solve("mazur-221-error")]
    brief = answer_key(solutions, "md", "en", "t", Options(detail="brief"))
    second = brief.split("**Problem 2.**")[1]
    # forward pass, deltas, gradients, updates: one line sends the reader back, once
    assert second.count("as in Problem 1.") == 1
    assert "Forward pass, deltas, gradients, update of every parameter: the same tables as in Problem 1." in second
    # its own forward pass after the update, once: mazur-221 does not ask for it, so it is not shared
    assert second.count(r"| $\mathrm{out}_{h1}$ |") == 1          # out upright, a word
    full = answer_key(solutions, "md", "en", "t", Options(detail="full"))
    assert "as in Problem 1" not in full


@pytest.mark.parametrize("lang, definition", [
    ("en", "Here $H$ is the Heaviside step: $H(x) = 1$ for $x > 0$ and $H(x) = 0$ for $x < 0$."),
    ("ru", "Здесь $H$ — функция Хевисайда: $H(x) = 1$ при $x > 0$ и $H(x) = 0$ при $x < 0$."),
])
def test_a_key_defines_the_heaviside_step_once_where_it_is_first_used(lang, definition):
    # three problems whose work writes H(a) and whose statements do not define it: the first says what H is
    solutions = [solve("relu-chain"), solve("max-gate"), solve("program-relu-neuron")]
    assert all(definition in render(s, "md", lang=lang) for s in solutions)     # a problem alone defines it
    for detail in ("brief", "full"):
        key = answer_key(solutions, "md", lang, "t", Options(detail=detail))
        assert key.count(definition) == 1
        assert key.index(definition) < key.index("**" + ("Problem" if lang == "en" else "Задача") + " 2.**")


def test_a_key_defines_kroneckers_delta_once():
    solutions = [solve("softmax-jacobian"), solve("activations")]
    key = answer_key(solutions, "md", "en", "t", Options(detail="brief"))
    assert key.count("Here $\\delta_{ij}$ is the Kronecker delta") == 1


def test_a_bold_heading_before_a_table_is_not_cut_into_a_name():
    # "**Training by hand:** …" names no table: the table is replaced where it stands, the heading kept whole
    parts = ["**Training by hand:** 2-2-2 network\n\n" + MD_TABLE] * 2
    assert shown_once(parts, ["1", "2"], "md", "en")[1] == \
        "**Training by hand:** 2-2-2 network\n\nThe same table as in Problem 1.\n"
