"""Where a problem's slides end a frame, as a teacher found them wanting: an answer apart from its chain or
table, a side of an equation cut in two, a continued frame of three lines under a full one, thirteen plots
on one frame; and where a line of a statement breaks (program text, a short aside)."""

from __future__ import annotations

import re

import pytest

from symnn.export.beamer import balanced, blocks, pieces, slides
from symnn.export.documents import latex_document
from symnn.export.pdf import pdflatex
from symnn.export.pictures.figures import activation_curves, activations_pictures
from symnn.export.worksheets import problem_set
from symnn.problems.solve import solve
from symnn.render.breaking import width
from symnn.render.latex import LatexPrinter, code_pieces

from .tools import need

TABLE = ("\\medskip{\\centering\n\\begin{tabular}{ll}\n\\hline\nk & x \\\\\n\\hline\n1 & 2 \\\\\n\\hline\n"
         "\\end{tabular}\\par}\\medskip")


def test_an_answer_is_one_block_with_the_work_before_it():
    answer = "{\\noindent \\textbf{Answer:} $x = 2$\\par}"
    assert blocks("{\\noindent A line.\\par}\n" + TABLE + "\n" + answer) == ["{\\noindent A line.\\par}", TABLE + "\n" + answer]
    # in Russian too; a note after the answer is a block of its own
    note = "{\\noindent \\textbf{Примечание.} Всё.\\par}"
    assert blocks(TABLE + "\n{\\noindent \\textbf{Ответ:} $2$\\par}\n" + note)[-1] == note


def test_an_answer_that_goes_on_after_a_display_is_one_block():
    # the Russian losses slides: "Ответ: P = 0,36; L = …;" then ∂L/∂p₁ displayed, ending in ";", then the other two
    head = "{\\raggedright \\noindent \\textbf{Ответ:} $P = 0{,}36$;\n\\begin{align*}\n\\frac{1}{p} &= -1{,}1111;\n\\end{align*}\\par}"
    rest = "{\\noindent $\\frac{1}{q} = -1{,}25$\\par}"
    assert blocks(head + "\n" + rest) == [head + "\n" + rest]
    # a display that ends its sentence (a full stop) leaves the paragraph after it a block of its own
    ended = head.replace("-1{,}1111;", "-1{,}1111.")
    assert blocks(ended + "\n" + rest) == [ended, rest]


def test_a_tall_chain_is_never_cut_inside_a_side():
    # eight equations of two rows each, the second the rest of the first's side: each frame's part must open
    # with an equation's first row (a side's continuation or a hint, "&\quad", never opens a frame)
    rows = []
    for k in range(8):
        rows += [r"\frac{\partial g}{\partial x_{%d}} &= \frac{a}{b} + \frac{c}{d}" % k, r"&\quad + \frac{e}{f} + x_{%d}" % k]
    chain = "\\begin{align*}\n" + " \\\\\n".join(rows) + "\n\\end{align*}"
    parts = pieces(chain, room=100.0)
    assert len(parts) > 1
    assert all(part.split("\n")[1].startswith(r"\frac{\partial g}") for part in parts), [p.split("\n")[1] for p in parts]


@pytest.mark.parametrize("topic, lang", [("graphs", "en"), ("losses", "ru")])
def test_no_frame_opens_with_an_answer_or_inside_a_side(topic, lang):
    _, problems = problem_set(topic)
    text = slides([solve(p) for p in problems], lang, "t", {"detail": "brief"})
    bodies = [body.split("\n", 1)[1] for body in re.findall(r"\\begin\{frame\}\{[^}]*\}\n(.*?)\\end\{frame\}", text, re.S)
              if body.startswith("\\small")]
    assert len(bodies) > 10
    assert not [body[:80] for body in bodies if re.match(r"\{(\\raggedright )?\\noindent \\textbf\{(Answer|Ответ):", body)]
    assert "\\begin{align*}\n&\\quad" not in "\n".join(bodies)


def test_a_problem_s_last_two_frames_are_evened_out():
    line = "{\\noindent A line of text.\\par}"            # 11.2 pt
    frames = balanced([[line] * 18, [line] * 2])
    assert [len(frame) for frame in frames] == [10, 10]
    # a part of a chain or a table cut between frames stays where it is
    assert balanced([[line, "part"], [line]], cut={"part"}) == [[line, "part"], [line]]
    # one block on the frame before stays: nothing would be left there
    assert balanced([[line], [line]]) == [[line], [line]]


def test_the_slides_show_the_activations_a_few_to_a_frame():
    parts = activations_pictures("en")
    names = [list(part.data["curves"]) for part in parts]
    # thirteen in parts as even as can be, none over six, in the table's order
    assert [len(part) for part in names] == [4, 5, 4] and sum(names, []) == list(activation_curves())


def test_program_text_breaks_only_between_its_parts():
    # an assignment keeps its name with its value: no cut after its =, and the spaces around it tied
    assert code_pieces("b = np.zeros(10)") == ["b = np.zeros(10)"]
    assert LatexPrinter().code("b = np.zeros(10)") == r"\texttt{b~=~np.zeros(10)}"
    # a sum still breaks after its +; a comparison x == y is one part, its spaces tied as inside every part
    assert LatexPrinter().code("np.ones((3, 1)) + np.arange(3)") == r"\texttt{np.ones((3,~1))~+ \allowbreak{}np.arange(3)}"
    assert LatexPrinter().code("x == y") == r"\texttt{x~==~y}"


def test_a_short_aside_of_a_statement_is_never_broken():
    text = LatexPrinter(lang="en").rich_text(solve("conv-3x3").problem.text("en"))
    assert "(no~padding,~stride~1)" in text
    # a formula's short bracketed group (max(0, …)) is braced: TeX breaks no line inside it
    assert LatexPrinter().rich_text(r"$L = \max(0, s_j - s_y + 1)$") == r"$L = \max\mathopen{}{(0, s_j - s_y + 1)}$"
    # a long one may break
    long = "(" + " ".join(["word"] * 10) + ")"
    assert LatexPrinter().rich_text(long) == long


def test_a_display_fraction_is_as_wide_as_its_wider_part():
    assert width(r"\dfrac{\partial (g + f)}{\partial f}") == width(r"\frac{\partial (g + f)}{\partial f}") == 7.6


# a comment line of the aux file (LaTeX reads the file again at the end): the height of the place, from pdfTeX
_POS = r"\pdfsavepos\write\csname @auxout\endcsname{\csname @percentchar\endcsname pos{%s}{\the\pdflastypos}}"


@pytest.mark.parametrize("problem, piece", [
    ("flatten-parameters", r"\\texttt\{b(?:[^{}]|\{\})*np\.zeros\(10\)\}"),     # was broken as "b =" / "np.zeros(10)"
    ("conv-3x3", r"\(no[ ~]padding,[ ~]stride[ ~]1\)"),                 # was broken as "(no padding, stride" / "1)."
])
def test_a_piece_of_a_statement_is_never_broken_across_lines(problem, piece, tmp_path):
    need("pdflatex")
    text = LatexPrinter(lang="en").rich_text(solve(problem).problem.text("en"))
    # the statement set after 0 to 39 words in a narrow column: a line ends at each place of it in turn; the
    # height of the line the piece begins on and of the one it ends on, from pdfTeX, must be the same
    marked = re.sub(piece, lambda m: _POS % "a" + m[0] + _POS % "b", text, count=1)
    assert marked != text
    body = "\n\n".join(r"{\noindent %s%s\par}" % ("word " * k, marked.replace("{a}", "{a%d}" % k).replace("{b}", "{b%d}" % k))
                       for k in range(40))
    source = tmp_path / "lines.tex"
    source.write_text(latex_document(body, "t", width="8cm"), encoding="utf-8")
    pdflatex(source)
    found = dict(re.findall(r"%pos\{(\w+)\}\{(-?\d+)\}", source.with_suffix(".aux").read_text(encoding="utf-8")))
    assert len(found) == 80
    assert [k for k in range(40) if found[f"a{k}"] != found[f"b{k}"]] == []
