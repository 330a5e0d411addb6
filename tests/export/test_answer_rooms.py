"""The room a worksheet leaves for an answer: never "Your answer:" with nothing after it (HTML), and a box to draw
in where the statement asks for a drawing (HTML and LaTeX)."""

from __future__ import annotations

import pytest

from symnn.export.answer_forms import AnswerForm, form_of, latex_space
from symnn.export.html_rooms import html_room
from symnn.export.worksheets import worksheet
from symnn.problems.bank import get_problem
from symnn.problems.solve import solve

LINE = '<p class="line"><span>{}</span><span class="blank"></span></p>'


@pytest.mark.parametrize("form, lang, expected", [
    # a number: one line to write on after the words
    (AnswerForm("number"), "en", '<div class="room">' + LINE.format("Your answer:") + "</div>"),
    # a formula: two lines, the second with no words
    (AnswerForm("formula"), "ru", '<div class="room">' + LINE.format("Ваш ответ:")
     + '<p class="line"><span class="blank"></span></p></div>'),
    # parts with no names: numbered lines
    (AnswerForm("numbers", 2), "ru", '<div class="room"><p>Ваш ответ:</p>' + LINE.format("1)") + LINE.format("2)") + "</div>"),
    # claims: a yes/no box each
    (AnswerForm("claims", 2), "en", '<div class="room"><p class="line">1. ☐ holds ☐ does not hold</p>'
                                    '<p class="line">2. ☐ holds ☐ does not hold</p></div>'),
    # a matrix: a grid of blanks of its shape
    (AnswerForm("matrix", 2, (1, 2)), "en", '<div class="room"><p>Your answer:</p><table class="grid"><tr>'
                                            '<td><span class="blank"></span></td><td><span class="blank"></span></td></tr></table></div>'),
])
def test_an_html_room_is_shaped_like_the_answer(form, lang, expected):
    assert html_room(form, lang) == expected


@pytest.mark.parametrize("lang, label", [("en", "The graph:"), ("ru", "Граф:")])
def test_a_graph_to_draw_gets_a_box_before_the_answer(lang, label):
    form = form_of(solve("graph-exp"), lang)
    assert form.also == ("drawing",)
    assert html_room(form, lang).startswith(f'<div class="room"><p>{label}</p><div class="box"></div><p>')
    assert latex_space(form, lang).startswith(rf"\noindent {label}\par\nopagebreak\noindent\fbox{{\rule{{0pt}}{{6cm}}")
    # the statement says "Draw" itself: no sentence repeats it
    page = worksheet([get_problem("graph-exp")], "html", lang, "t", [solve("graph-exp")])
    assert page.count('class="box"') == 1 and "Your answer:</p>\n" not in page


def test_a_graph_only_computed_gets_no_box():
    assert form_of(solve("max-gate")).also == ()


@pytest.mark.parametrize("pid, labels", [
    # the stated form names the parts as one tuple: "the weights $(w_1, w_2, w_3)$"
    ("lms-apple-orange", ("w_1", "w_2", "w_3")),
    # the statement's "The answer is $(D(0.01), ∂f/∂x)$"
    ("finite-diff", ("D(0.01)", r"\frac{\partial f}{\partial x}")),
    # neither names them: as the key's answer does, ∂f/∂s = 28; ∂f/∂t = 16
    ("chain-two-variables", (r"\frac{\partial f}{\partial s}", r"\frac{\partial f}{\partial t}")),
    # the key's ŷ(0, 0) without TeX's spaced comma
    ("xor-lab-loop", (r"\hat{y}{(0, 0)}", r"\hat{y}{(0, 1)}", r"\hat{y}{(1, 0)}", r"\hat{y}{(1, 1)}")),
    # one point's coordinates, "its coordinates along $x_1$ and $x_2$": after Newton's step, and after two momentum steps
    ("hagan-newton", ("x_{1}", "x_{2}")),
    ("d2l-momentum", ("x_{1}", "x_{2}")),
])
def test_the_blanks_of_an_answer_are_labelled(pid, labels):
    assert form_of(solve(pid)).labels == labels


@pytest.mark.parametrize("lang, label", [("en", "Comparison:"), ("ru", "Сравнение:")])
def test_a_comparison_asked_gets_lines_to_write_it_on(lang, label):
    form = form_of(solve("relu-chain"), lang)
    assert form.also == ("comparison",)
    assert html_room(form, lang).endswith(LINE.format(label) + '<p class="line"><span class="blank"></span></p></div>')
    assert latex_space(form, lang).endswith(rf"\noindent {label} \hrulefill" "\n\n" r"\vspace{1.2em}\noindent\hrulefill")


THETA = '''[[problem]]
id = "theta-gd"
kind = "optimizer-step"
optimizer = "gd"
expr = "x1^2 + 3*x2^2"
wrt = "x1, x2"
at = [1, 1]
settings = { eta = 0.1 }
steps = 2
notation = { f = "J", x1 = '\\theta_1', x2 = '\\theta_2' }
statement.en = 'Two steps of gradient descent on $J(\\theta_1, \\theta_2) = \\theta_1^2 + 3\\theta_2^2$ from $(1, 1)$.'
statement.ru = 'Два шага градиентного спуска для $J(\\theta_1, \\theta_2) = \\theta_1^2 + 3\\theta_2^2$ из $(1, 1)$.'
'''


def test_a_point_s_blanks_are_named_as_the_notation_names_its_coordinates(tmp_path):
    (tmp_path / "p.toml").write_text(THETA, encoding="utf-8")
    form = form_of(solve("theta-gd", tmp_path))
    assert form.labels == (r"\theta_1", r"\theta_2")
    assert r"$\displaystyle \theta_1 = $" in latex_space(form, "en")
