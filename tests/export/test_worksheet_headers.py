"""Every worksheet format carries the header of the printed sheet: the course, the title, the student's
name (or a line for it) and a line for the date, written as each format writes it; an answer key has no
name line. The sentence on precision is never said twice, and no note meant for the teacher reaches a
worksheet."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from symnn.export.answer_forms import said_precision, says_precision
from symnn.export.worksheets import Options, _statement, answer_key, problem_set, worksheet
from symnn.problems.bank import get_problem, load_bank
from symnn.problems.solve import solve

TOPICS = sorted({p.topic for p in load_bank().values()})


@pytest.fixture(scope="module")
def sheet_4_5():
    _, problems = problem_set("4.5")
    return problems, [solve(p) for p in problems]


@pytest.mark.parametrize("lang, student, course, header", [
    # the default course, a line of underscores to write the name and the date on
    ("en", None, None, "**Mathematics of neural networks**\n\n# Worksheet: t\n\n"
                       "**Name:** ______________________________ **Date:** _______________\n\n## Problem 4.5\n"),
    # the student's name filled in, escaped where CommonMark would read markup (Иванова_А stays as written)
    ("ru", "Иванова_А", "Матан *и* НС", "**Матан \\*и\\* НС**\n\n# Задания: t\n\n"
                                      "**Фамилия, имя:** Иванова\\_А **Дата:** _______________\n\n## Задача 4.5\n"),
])
def test_a_markdown_worksheet_starts_with_the_header(sheet_4_5, lang, student, course, header):
    problems, solutions = sheet_4_5
    sheet = worksheet(problems, "md", lang, "t", solutions, student, Options(course=course))
    assert sheet.startswith(header)


@pytest.mark.parametrize("lang, student, course, header", [
    # blank lines for the name and the date
    ("en", None, None, '<header class="sheet">\n<p class="course">Mathematics of neural networks</p>\n'
                       "<h1>Worksheet: t</h1>\n"
                       '<p class="fields"><span class="field name">Name: <span class="blank"></span></span>'
                       '<span class="field date">Date: <span class="blank"></span></span></p>\n</header>\n'),
    # the name written on its line; the course and the name escaped as HTML
    ("ru", "Ann <b>", "A & B", '<header class="sheet">\n<p class="course">A &amp; B</p>\n<h1>Задания: t</h1>\n'
                               '<p class="fields"><span class="field name">Фамилия, имя: <span class="blank">Ann &lt;b&gt;</span>'
                               '</span><span class="field date">Дата: <span class="blank"></span></span></p>\n</header>\n'),
])
def test_an_html_worksheet_has_a_header_block(sheet_4_5, lang, student, course, header):
    problems, solutions = sheet_4_5
    page = worksheet(problems, "html", lang, "t", solutions, student, Options(course=course))
    assert header in page and page.index(header) < page.index("<h2>")
    assert ".blank {" in page and "border-bottom: 1px solid currentColor" in page      # a line that prints


def test_an_answer_key_has_no_name_line(sheet_4_5):
    _, solutions = sheet_4_5
    for format in ("md", "html"):
        key = answer_key(solutions, format, "ru", "t")
        assert "Фамилия, имя" not in key and "Дата" not in key and 'class="sheet"' not in key


def test_a_notebook_worksheet_opens_with_the_header_cell(tmp_path):
    nbformat = pytest.importorskip("nbformat")
    from symnn.cli import main
    roster = tmp_path / "roster.csv"
    roster.write_text("student\nИванова_А\n", encoding="utf-8")
    assert main(["export", "--set", "4.5", "--format", "ipynb", "--out", str(tmp_path), "--lang", "ru",
                 "--students", str(roster), "--course", "Курс"]) == 0
    book = nbformat.read(tmp_path / "4.5-worksheet-Иванова_А-ru.ipynb", as_version=4)
    # the header as on the printed sheet, then what to run first, in the same markdown cell
    assert book.cells[0].source == ("**Курс**\n\n# Задания: Градиент функции в точке\n\n"
                                    "**Фамилия, имя:** Иванова\\_А **Дата:** _______________\n\n"
                                    "Сначала выполните эту ячейку: она загружает проверку. "
                                    "Впишите ответ в ячейку ниже и выполните её: проверка скажет, верен ли он.")
    key = nbformat.read(tmp_path / "4.5-key-Иванова_А-ru.ipynb", as_version=4)
    assert key.cells[0].source == "# Решения: Градиент функции в точке"


@pytest.mark.parametrize("pid, lang, ending", [
    # the statement says two places: the form sentence ends the statement, no "округляйте до 2-го знака"
    ("program-sigmoid-neuron", "ru", r"\frac{\partial f}{\partial x_1}; \frac{\partial f}{\partial w_2})$."),
    # the statement says "within 0.0001", the checker's tolerance: not said again as 1·10⁻⁴
    ("karpathy-neuron-step", "en", r"$\frac{\partial s}{\partial y}$, $s^{+}$."),
    ("karpathy-neuron-step", "ru", r"$\frac{\partial s}{\partial y}$, $s^{+}$."),
    # nine places are finer than the checker's 5·10⁻⁹: an answer given so is accepted, nothing to add
    ("mazur-221-shared-biases", "en", "then $out_{o1}$, $out_{o2}$ and $E_{total}$ after the step."),
    # four places in the problem's own answer form
    ("sigmoid-slow", "ru", r"Ответ — число $\sigma^{\prime}(3)$ с точностью до четырёх знаков после запятой."),
    # the statement says nothing of precision: the checker's tolerance is stated
    ("gender-train", "ru", "в этом порядке. Десятичная дробь может отличаться от точного значения на 0,02 или меньше."),
    # a whole number is never rounded: no sentence on decimals
    ("flatten-parameters", "en", "The answer is one whole number, the total count of parameters (the weights and the biases together)."),
    ("flatten-shape", "ru", "Ответ — форма, например (3; 2) или 3×2."),
])
def test_the_precision_is_said_once(pid, lang, ending):
    problem = get_problem(pid)
    assert _statement(problem, lang, solve(problem)).endswith(ending)


@pytest.mark.parametrize("text, lang, said", [
    ("give $y$ to four decimal places", "en", [("decimals", Decimal(4))]),
    ("to at least 3 significant figures", "en", [("sigfigs", Decimal(3))]),
    ("each number within $1 \\cdot 10^{-4}$", "en", [("absolute", Decimal("0.0001"))]),
    ("within 5 % of it", "en", [("relative", Decimal(5))]),
    ("in at most 3 steps", "en", []),                                              # a count, not a tolerance
    ("с точностью до 4-го знака после запятой", "ru", [("decimals", Decimal(4))]),
    ("семь чисел с девятью знаками после запятой", "ru", [("decimals", Decimal(9))]),
    ("не менее чем с тремя значащими цифрами", "ru", [("sigfigs", Decimal(3))]),
    ("с погрешностью не больше 0,0001", "ru", [("absolute", Decimal("0.0001"))]),
    ("с точностью до 0{,}01", "ru", [("absolute", Decimal("0.01"))]),             # as a formula writes it
])
def test_what_a_statement_says_of_precision(text, lang, said):
    assert said_precision(text, lang) == said


@pytest.mark.parametrize("rule, text, lang, enough", [
    (("decimals", {"places": 2}), "to two decimal places", "en", True),
    (("decimals", {"places": 4}), "to two decimal places", "en", False),          # coarser than the checker: said
    (("absolute", {"tolerance": 5e-10}), "to nine decimal places", "en", True),   # nine places: within 5·10⁻¹⁰
    (("absolute", {"tolerance": 5e-10}), "to eight decimal places", "en", False),
    (("absolute", {"tolerance": 0.0001}), "с погрешностью не больше 0,001", "ru", False),
    (("sigfigs", {"figures": 3}), "to four decimal places", "en", False),         # places do not make figures
])
def test_a_stated_precision_is_enough_when_it_meets_the_checker_s(rule, text, lang, enough):
    assert says_precision(rule, text, lang) is enough


@pytest.fixture(scope="module")
def sheets():
    """The Markdown worksheet of every topic, en and ru, with each problem's solution."""
    made = {}
    for topic in TOPICS:
        _, problems = problem_set(topic)
        solutions = [solve(p) for p in problems]
        for lang in ("en", "ru"):
            made[topic, lang] = (problems, worksheet(problems, "md", lang, topic, solutions))
    return made


# a statement stating places, and the sentence that would state them again
REPEATED = {"en": (re.compile(r"decimal places"), re.compile(r"Round decimals to|A decimal may differ")),
            "ru": (re.compile(r"знак\w* после запятой"), re.compile(r"Десятичн\w+ дроб\w+ (?:округляйте|может)"))}


@pytest.mark.parametrize("topic", TOPICS)
def test_no_worksheet_says_the_precision_twice(sheets, topic):
    for lang in ("en", "ru"):
        problems, sheet = sheets[topic, lang]
        for block, problem in zip(sheet.split("\n## ")[1:], problems):
            states, again = REPEATED[lang]
            assert not (states.search(block) and again.search(block)), (problem.id, lang, block)


@pytest.mark.parametrize("topic", TOPICS)
def test_no_note_for_the_teacher_on_a_worksheet(sheets, topic):
    for lang in ("en", "ru"):
        problems, sheet = sheets[topic, lang]
        for problem in problems:
            # the note's prose, formulas aside: "The table of the course prints", "the bars of |x| were lost"
            prose = re.split(r"\$[^$]*\$|[.:;()]", problem.note.get(lang, ""))
            assert not [part for part in prose if len(part.strip()) > 20 and part.strip() in sheet], (problem.id, lang)
