"""Worksheets a teacher hands out: a header with the course, the student's name and the date; the
form of each answer stated, read off the answer's shape; room shaped like the answer; statements
as the sheet's language writes them. Every topic's worksheet compiles, en and ru, at two widths."""

from __future__ import annotations

import re

import pytest

from symnn.cli import main
from symnn.export.answer_forms import form_of, latex_space, stated
from symnn.export.pdf import pdflatex
from symnn.export.worksheets import Options, answer_key, export_set, headings, problem_set, set_title, worksheet
from symnn.problems.bank import load_bank
from symnn.problems.solve import solve

from .tools import artifacts, need

TOPICS = sorted({p.topic for p in load_bank().values()})


@pytest.mark.parametrize("pid, kind, count, shape", [
    ("4.3", "numbers", 3, ()),               # the gradient at a point: three numbers
    ("kxb", "number", 1, ()),                # a 1 × 1 product is a number
    ("conv-3x3", "matrix", 9, (3, 3)),
    ("dot", "matrix", 2, (1, 2)),            # a row times a matrix is a row
    ("softsign", "formula", 1, ()),
    ("activations", "formulas", 14, ()),     # one derivative per activation of the lecture, then softmax's
    ("optimizers", "numbers", 12, ()),       # six optimizers, a point (x, y) each
    ("delta-rule", "numbers", 21, ()),       # three deltas; gradients and momentum steps of six weights, three biases
])
def test_the_form_is_read_off_the_answer(pid, kind, count, shape):
    form = form_of(solve(pid))
    assert (form.kind, form.count, form.shape) == (kind, count, shape)


@pytest.mark.parametrize("pid, lang, sentence", [
    ("4.6", "en", r"The answer is 2 numbers, in this order: $\frac{\partial F}{\partial x}$, $\frac{\partial F}{\partial y}$."),
    ("feedforward-221", "ru", "Ответ — набор из 3 чисел в таком порядке: $h_{1}$, $h_{2}$, $o_{1}$. "
                             "Десятичные дроби записывайте не менее чем с 3 значащими цифрами."),   # the checker's rule
    ("graph-exp", "en", r"The answer is 4 numbers, in this order: $f$, $\frac{\partial f}{\partial x}$, "
                        r"$\frac{\partial f}{\partial w_{1}}$, $\frac{\partial f}{\partial w_{0}}$. "
                        "Give decimals to at least 3 significant figures."),
    ("conv-3x3", "ru", r"Ответ — матрица размера $3 \times 3$."),
    ("mse", "en", "The answer is one number. Give decimals to at least 3 significant figures."),
    ("linreg-fit", "en", "The answer is 2 numbers, in this order: $w$, $b$."),         # 3.5 and 3.5 need no rounding
    ("activations", "en", "The answer is the 14 derivatives $f'$, in the order of the statement: identity, step, "
                          "sigmoid σ, tanh, arctan, softsign, ISRU, ReLU, leaky ReLU, PReLU, RReLU, ELU, softplus, "
                          "softmax."),
    ("gd-linreg-step", "en", "The answer is 2 numbers, in this order: $w$, $b$. "
                             "Give decimals to at least 3 significant figures."),        # the new point
    ("linreg-fit", "ru", "Ответ — набор из 2 чисел в таком порядке: $w$, $b$."),      # the line y = wx + b
    ("program-add-mul", "en", r"The answer is 4 numbers, in this order: $f$, $\frac{\partial f}{\partial x}$, "
                              r"$\frac{\partial f}{\partial y}$, $\frac{\partial f}{\partial z}$."),
    ("xor-lab", "ru", r"Ответ — выходы сети (их 4), каждый округлён до 0 или 1, в таком порядке: $\hat{y}(0; 0)$, "
                      r"$\hat{y}(0; 1)$, $\hat{y}(1; 0)$, "
                      r"$\hat{y}(1; 1)$."),                                          # the trained net's outputs
    ("optimizers", "en", "The answer is 12 numbers, in this order: momentum: $x$, $y$; Nesterov momentum: $x$, $y$; "
                         "AdaGrad: $x$, $y$; RMSprop: $x$, $y$; Adam as on the slide: $x$, $y$; Adam: $x$, $y$. "
                         "Give decimals to at least 3 significant figures."),
])
def test_the_form_is_stated_in_the_order_of_the_answer(pid, lang, sentence):
    assert stated(form_of(solve(pid), lang), lang) == sentence


def test_the_room_is_shaped_like_the_answer():
    assert latex_space(form_of(solve("mse")), "en") == r"\noindent Your answer: \rule{3cm}{0.4pt}"
    grid = latex_space(form_of(solve("conv-3x3")), "en")
    assert grid.count(r"\rule{1.8cm}{0.4pt}") == 9 and grid.count(r" \\ ") == 2 and "{ccc}" in grid
    gradient = latex_space(form_of(solve("4.3")), "ru")
    assert gradient.count(r"\rule{3cm}{0.4pt}") == 3 and r"$\displaystyle \frac{\partial F}{\partial z} = $" in gradient
    table = latex_space(form_of(solve("activations"), "ru"), "ru")
    assert table.count(r"\hrulefill") == 14 and r"\noindent th: \hrulefill" in table      # named as the lecture names them
    steps = latex_space(form_of(solve("optimizers")), "en")
    assert steps.count(r"\par") == 6 and steps.count(r"\rule{3cm}{0.4pt}") == 12 and "Nesterov momentum:" in steps


def test_a_problem_s_own_answer_form_comes_first():
    _, problems = problem_set("linreg-grad")
    sheet = worksheet(problems, "tex", "en", "t", [solve(p) for p in problems])
    assert r"The answer is ${(\frac{\partial L}{\partial w}, \frac{\partial L}{\partial b})}$." in sheet


@pytest.mark.parametrize("pid, statement_end, said", [
    # tanh-exp's statement asks "write it as a formula in F": the sheet does not say it again
    ("tanh-exp", "write it as a formula in $F$.", False),
    # perceptron-alpha asks "write the result through f and α": "a formula in f and α" would say it twice
    ("perceptron-alpha", "write the result through $f$ and $\\alpha$.", False),
    # softmax-two-classes asks "write it through p_0": "The answer is a formula in p_0." would repeat it
    ("softmax-two-classes", "and write it through $p_0$.", False),
])
def test_the_form_of_the_answer_is_not_said_twice(pid, statement_end, said):
    _, problems = problem_set(pid)
    sheet = worksheet(problems, "md", "en", "t", [solve(p) for p in problems])
    assert statement_end in sheet
    assert ("The answer is a formula in" in sheet) == said


def test_the_header_has_the_course_a_name_line_and_a_date_line():
    _, problems = problem_set("4.5,mse")
    sheet = worksheet(problems, "tex", "ru", "t", [solve(p) for p in problems], options=Options(course="Матан & НС"))
    assert r"\textbf{Матан \& НС}" in sheet
    assert r"Фамилия, имя: \rule{0.45\linewidth}{0.4pt}\hfill Дата: \rule{0.2\linewidth}{0.4pt}" in sheet
    # a slug never heads a problem: its place on the sheet does, for every problem of the sheet
    assert re.findall(r"\\section\*\{([^}]*)\}", sheet) == ["Задача 1", "Задача 2"]
    _, numbered = problem_set("4.6,4.3")
    assert headings(numbered, "en") == ["Problem 4.6", "Problem 4.3"]      # the course's own numbers


def test_the_key_has_the_worksheet_s_headings():
    _, problems = problem_set("mse,4.5")
    solutions = [solve(p) for p in problems]
    find = re.compile(r"\\section\*\{([^}]*)\}")
    assert find.findall(answer_key(solutions, "tex", "en", "t")) == find.findall(worksheet(problems, "tex", "en", "t", solutions))
    assert find.findall(answer_key(solutions, "tex", "en", "t")) == ["Problem 1", "Problem 2"]


def test_russian_statements_of_a_sheet_all_say_naidite():
    from dataclasses import replace
    _, problems = problem_set("4.5,4.6")
    infinitive = replace(problems[0], statement={"ru": "Найти " + problems[0].text("ru").split(" ", 1)[1]})
    sheet = worksheet([infinitive, problems[1]], "tex", "ru", "t", [solve(p) for p in problems])
    assert "Найти" not in sheet and sheet.count("Найдите градиент") == 2


def test_per_student_sheets_carry_the_name_and_pi_is_typeset(tmp_path):
    roster = tmp_path / "roster.csv"
    roster.write_text("student\nИванова_А\nbob\n", encoding="utf-8")
    assert main(["export", "--set", "4.3", "--format", "tex", "--out", str(tmp_path / "s"), "--students", str(roster),
                 "--seed", "3", "--lang", "ru"]) == 0
    statements = []
    for student, written in (("Иванова_А", r"Иванова\_А"), ("bob", "bob")):
        sheet = (tmp_path / "s" / f"4.3-worksheet-{student}-ru.tex").read_text(encoding="utf-8")
        assert f"Фамилия, имя: {written}" in sheet
        statements.append(sheet.split(r"\section*{Задача 4.3}")[1].split(r"\medskip")[0])
        key = (tmp_path / "s" / f"4.3-key-{student}-ru.tex").read_text(encoding="utf-8")
        assert f"({written})}}" in key.split("\n\\date")[0]                  # the key's title names the student
    assert all(not re.search(r"(?<![\\a-z])pi\b", statement) for statement in statements)   # π is \pi, never p·i


@pytest.mark.parametrize("format", ["tex", "md", "html"])
def test_pi_in_every_worksheet_format_is_the_constant(format):
    from symnn.problems.bank import get_problem
    from symnn.problems.variants import variant_problem
    variants = [variant_problem(get_problem("4.3"), k) for k in range(1, 9)]
    with_pi = [p for p in variants if "pi" in p.data["at"]]
    assert with_pi                                                     # the seeds above draw z = pi/2 or pi
    sheet = worksheet(with_pi, format, "en", "t", [solve(p) for p in with_pi])
    body = sheet.split("<body>")[-1].split(r"\begin{document}")[-1]
    assert not re.search(r"(?<![\\a-z])pi\b|<mi>p</mi>\s*<mi>i</mi>", body)          # never italic p·i
    assert body.count("π" if format == "html" else r"\pi") == len(with_pi)


def test_pi_in_a_variant_is_the_constant():
    from symnn.render.latex import LatexPrinter
    assert LatexPrinter().rich_text("at $z = pi/2$, $y = \\pi$, pipe") == r"at $z = \pi /2$, $y = \pi$, pipe"


@pytest.mark.parametrize("width", [None, "12cm"])
@pytest.mark.parametrize("lang", ["en", "ru"])
def test_every_topic_s_worksheet_compiles(lang, width, tmp_path):
    need("pdflatex")
    for topic in TOPICS:
        _, problems = problem_set(topic)
        tex = tmp_path / f"{topic}.tex"
        tex.write_text(worksheet(problems, "tex", lang, topic, [solve(p) for p in problems], options=Options(width=width)),
                       encoding="utf-8")
        compiled = pdflatex(tex)
        assert max(compiled.overfull, default=0) <= 20, f"{topic}: {compiled.overfull}"
        if width is None and topic == "training":
            (artifacts() / f"worksheet-training-{lang}.pdf").write_bytes(compiled.pdf.read_bytes())


def test_detail_and_decimals_reach_the_key(tmp_path):
    full = export_set("4.3", "tex", tmp_path / "full")[1].read_text(encoding="utf-8")
    brief = export_set("4.3", "tex", tmp_path / "brief", options=Options(detail="brief"))[1].read_text(encoding="utf-8")
    two = export_set("graph-exp", "tex", tmp_path / "two", options=Options(decimals=2))[1].read_text(encoding="utf-8")
    assert len(brief) < len(full)
    assert "20.09" in two and "20.0855" not in two.split(r"\begin{document}")[1].split("Note")[0]


@pytest.mark.parametrize("topic", ["gradients", "networks"])
def test_a_narrow_page_breaks_sheet_and_key_for_its_width(topic, tmp_path, capsys):
    need("pdflatex")
    assert main(["export", "--set", topic, "--format", "tex", "--width", "9cm", "--out", str(tmp_path), "--lang", "ru"]) == 0
    for path in capsys.readouterr().out.split():
        tex = open(path, encoding="utf-8").read()
        assert r"\usepackage[textwidth=9cm,vmargin=2cm]{geometry}" in tex
        compiled = pdflatex(path)
        assert max(compiled.overfull, default=0) <= 20, (path, compiled.overfull)


@pytest.mark.parametrize("pid, lang, sentence", [
    # a method's name inside the sentence starts small, a person's name keeps its capital
    ("optimizers", "ru", "Ответ — набор из 12 чисел в таком порядке: метод моментов: $x$, $y$; метод Нестерова: $x$, $y$; "
                         "AdaGrad: $x$, $y$; RMSprop: $x$, $y$; Adam как на слайде: $x$, $y$; Adam: $x$, $y$. "
                         "Десятичные дроби записывайте не менее чем с 3 значащими цифрами."),
])
def test_names_inside_the_form_sentence(pid, lang, sentence):
    assert stated(form_of(solve(pid), lang), lang) == sentence


def test_a_set_of_several_topics_and_ids():
    from symnn.problems.bank import load_bank
    bank = load_bank()
    losses = [p.id for p in bank.values() if p.topic == "losses"]
    gradients = [p.id for p in bank.values() if p.topic == "gradients"]
    name, problems = problem_set("losses,gradients")
    assert name == "losses-gradients" and [p.id for p in problems] == losses + gradients   # each topic in its order
    name, problems = problem_set("4.5, losses")
    assert name == "4.5-losses" and [p.id for p in problems] == ["4.5"] + losses
    assert set_title("losses-gradients", problem_set("losses,gradients")[1], "en") == \
        "; ".join(dict.fromkeys(p.topic_title["en"] for p in problem_set("losses,gradients")[1]))
