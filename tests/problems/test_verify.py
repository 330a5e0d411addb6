"""symnn problems --verify: every published (or expected) value of a bank against what symnn derives."""

import re

import pytest

from symnn.cli import main
from symnn.problems.bank import load_bank
from symnn.problems.verify import disagreeing, flat, verify_bank, within

TEXTBOOK = """
[[problem]]
id = "neuron-graph"
kind = "graph"
expr = "sigmoid(w*x + b)"
at = "x = 1, w = 2, b = -1"
statement.en = "A sigmoid neuron at x = 1, w = 2, b = -1: its output and its gradient."
# the last number is mistyped: 0.1996 for 0.1966
published = [0.7311, 0.3932, 0.1966, 0.1996]

[[problem]]
id = "rmse-rounded"
kind = "loss"
loss = "rmse"
y = [1.1, 2, 1.7]
pred = [1, 1.7, 1.5]
statement.en = "RMSE."
published = 0.21602

[[problem]]
id = "rmse-off"
kind = "loss"
loss = "rmse"
y = [1.1, 2, 1.7]
pred = [1, 1.7, 1.5]
statement.en = "RMSE, one unit off in the fifth place."
published = 0.21603

[[problem]]
id = "in-words"
kind = "derivative"
expr = "x^2"
wrt = "x"
statement.en = "Differentiate x^2."
published = "2x"

[[problem]]
id = "misprint"
kind = "derivative"
expr = "x^3"
wrt = "x"
statement.en = "Differentiate x^3."
# a formula the checker refuses: the book's misprint (or a slide's error kept on purpose), said, not a NO
published = "3x"

[[problem]]
id = "two-formulas"
kind = "gradient"
expr = "x^2 + x*y"
wrt = "x, y"
statement.en = "The gradient of x^2 + xy."
# a list of formulas is checked as a student types the gradient, (2x + y, x): shown, never a crash or a NO
published = ["2x + y", "x"]
"""

ENGLISH = """\
problem       value      #  in the file  derived by symnn  agrees
neuron-graph  published  1  0.7311       0.7311            yes
                         2  0.3932       0.3932            yes
                         3  0.1966       0.1966            yes
                         4  0.1996       0.1966119332      NO
rmse-rounded  published  1  0.21602      0.21602           yes
rmse-off      published  1  0.21603      0.2160246899      NO
in-words      published     2x                             text: symnn check accepts it
misprint      published     3x                             text: symnn check refuses it
two-formulas  published     2x + y; x                      text: symnn check accepts it

Problems compared: 3; in agreement: 1; given as text: 3.
"""

RUSSIAN = """\
задача        значение      №  в файле    выводит symnn  совпадает
neuron-graph  из источника  1  0,7311     0,7311         да
                            2  0,3932     0,3932         да
                            3  0,1966     0,1966         да
                            4  0,1996     0,1966119332   НЕТ
rmse-rounded  из источника  1  0,21602    0,21602        да
rmse-off      из источника  1  0,21603    0,2160246899   НЕТ
in-words      из источника     2x                        текст: проверка его принимает
misprint      из источника     3x                        текст: проверка его не принимает
two-formulas  из источника     2x + y; x                 текст: проверка его принимает

Задач сравнено: 3; совпадают: 1; записаны текстом: 3.
"""


@pytest.fixture
def textbook(tmp_path):
    (tmp_path / "textbook.toml").write_text(TEXTBOOK, encoding="utf-8")
    return tmp_path


def test_the_shipped_bank_agrees_with_what_symnn_derives(capsys):
    rows = verify_bank()
    assert disagreeing(rows) == []
    numeric = [p.id for p in load_bank().values() if p.cross_check is not None
               and not any(isinstance(v, str) for v in flat(p.cross_check))]
    assert [row.problem for row in rows if row.agrees] == numeric and len(numeric) >= 30
    assert main(["problems", "--verify"]) == 0
    printed = capsys.readouterr()
    assert printed.err == ""
    assert printed.out.splitlines()[-1] == (f"Problems compared: {len(numeric)}; in agreement: {len(numeric)}; "
                                            f"given as text: {len(rows) - len(numeric)}.")
    assert re.search(r"^4\.3 +published +1 +60 +60 +yes$", printed.out, re.M)


def test_a_mistyped_value_fails_naming_the_problem(textbook, capsys):
    assert main(["problems", "--verify", "--bank", str(textbook)]) == 1
    printed = capsys.readouterr()
    assert printed.out.startswith(ENGLISH)          # the table and the count, exactly
    assert printed.err == "symnn: error: the value in the file differs from what symnn derives: neuron-graph, rmse-off\n"


def test_in_russian(textbook, capsys):
    assert main(["problems", "--verify", "--bank", str(textbook), "--lang", "ru"]) == 1
    printed = capsys.readouterr()
    assert printed.out.startswith(RUSSIAN)          # the table and the count, exactly
    assert printed.err == "symnn: error: значение в файле не совпадает с тем, что выводит symnn: neuron-graph, rmse-off\n"


def test_without_verify_the_list_is_as_before(textbook, capsys):
    assert main(["problems", "--bank", str(textbook)]) == 0
    assert capsys.readouterr().out.splitlines()[0] == \
        "neuron-graph textbook     A sigmoid neuron at x = 1, w = 2, b = -1: its output and its gradient."


# (the number derived, the number printed, agrees?)
@pytest.mark.parametrize(("derived", "printed", "agrees"), [
    (0.2160246899, 0.216, True),          # rounded to three places
    (0.2160246899, 0.21602, True),        # to five
    (0.2160246899, 0.21603, False),       # one unit off in the last place printed
    (0.95255, 0.9526, True),              # half a unit: rounds either way
    (0.95264, 0.9525, False),
    (-162, -162.0, True),                 # an exact number printed as a float
    (15, 15, True),
    (16, 15, False),
    (20.085536923, 20, True),             # e^3 printed as 20: whole numbers are printed to no places
    (20.6, 20, False),
])
def test_numbers_agree_to_the_places_printed(derived, printed, agrees):
    assert within(derived, printed) is agrees


def test_numbers_published_for_a_formula_do_not_agree(tmp_path, capsys):
    (tmp_path / "f.toml").write_text('[[problem]]\nid = "slope"\nkind = "derivative"\nexpr = "x^2"\nwrt = "x"\n'
                                     'statement.en = "Differentiate x^2."\npublished = 2\n', encoding="utf-8")
    assert main(["problems", "--verify", "--bank", str(tmp_path)]) == 1
    assert capsys.readouterr().out.splitlines()[1] == "slope    published     2                              NO: the derived answer is not a number"


# a number written as text keeps the zeros a book prints: TOML reads 0.30 as 0.3, one place
@pytest.mark.parametrize(("derived", "printed", "agrees"), [
    (0.2549, "0.30", False),              # 0.25 at the two places printed: the book's 0.30 is wrong
    (0.2549, 0.30, True),                 # the same number as TOML reads it, 0.3: only one place compared
    (0.30004, "0.30", True),
    (-0.4204, "-0.420", True),
    (12, "12", True),                     # a whole number as text: no places
])
def test_a_number_written_as_text_is_compared_to_the_places_it_prints(derived, printed, agrees):
    assert within(derived, printed) is agrees


def test_a_book_number_ending_in_zero_is_compared_to_its_last_place(tmp_path, capsys):
    (tmp_path / "f.toml").write_text('[[problem]]\nid = "slope"\nkind = "gradient"\nexpr = "x*2549/10000"\nwrt = "x"\n'
                                     'at = "x = 1"\nstatement.en = "The slope."\npublished = ["0.30"]\n', encoding="utf-8")
    assert main(["problems", "--verify", "--bank", str(tmp_path)]) == 1      # 0.2549 is not 0.30
    assert capsys.readouterr().out.splitlines()[1] == "slope    published  1  0.30         0.2549            NO"


def test_a_statement_missing_a_language_the_bank_has_is_said(tmp_path, capsys):
    (tmp_path / "f.toml").write_text(
        '[[problem]]\nid = "both"\nkind = "derivative"\nexpr = "x^2"\nwrt = "x"\n'
        'statement.en = "Differentiate x^2."\nstatement.ru = "Найдите производную x^2."\n\n'
        '[[problem]]\nid = "english"\nkind = "derivative"\nexpr = "x^3"\nwrt = "x"\nstatement.en = "Differentiate x^3."\n',
        encoding="utf-8")
    assert main(["problems", "--verify", "--bank", str(tmp_path)]) == 0     # said, not a failure: English may do
    assert capsys.readouterr().out.splitlines()[-1] == \
        "The statement of english has no statement.ru: its key in that language shows the statement in the other one."
    assert main(["problems", "--verify", "--bank", str(tmp_path), "--lang", "ru"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == \
        "У задачи english нет поля statement.ru: её решение на этом языке покажет условие на другом."
