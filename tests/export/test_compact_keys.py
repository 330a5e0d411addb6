"""Keys and slides a teacher can read at a glance: a brief key about a page a problem (the numbers put in
and the values, each table once), rows as tall as their fractions, softmax's fractions large enough to
read, an answer never parted from the chain that ends in it, no "n =" left at a line's end, the graph of a
computational graph as large as its room allows, and slides continued on a next frame, never shrunk."""

from __future__ import annotations

import re

import pytest

from symnn.export.beamer import FRAME_HEIGHT, frames_of, height, pictures, slides
from symnn.export.documents import latex_document
from symnn.export.key_figures import _graph
from symnn.export.pdf import pdflatex
from symnn.export.worksheets import Options, export_set
from symnn.problems.solve import solve
from symnn.render import render
from symnn.render.latex import once
from symnn.render.latex_tables import DISPLAY_STRUT, FRACTION_STRUT, table_lines

from .tools import need

FULL_LINE_PT = 483.7


def _pages(log: str) -> int:
    """The number of pages pdflatex says it wrote (its log wraps lines at 79 characters)."""
    return int(re.search(r"Output written on .*?\((\d+) pages?", log.replace("\n", ""), re.S).group(1))


def _beamer_installed() -> None:
    from .test_beamer import _beamer_installed as installed
    installed()


# --- tables ------------------------------------------------------------------------------------------------

def test_only_a_row_with_a_fraction_is_taller():
    lines = table_lines(["node", "value"], [["$a$", "$3$"], ["$b$", r"$\frac{1}{2}$"]], FULL_LINE_PT)
    assert lines[0] == r"\medskip{\centering"                      # no \arraystretch for the whole table
    assert lines[5:7] == [r"$a$ & $3$ \\", FRACTION_STRUT + r"$b$ & $\frac{1}{2}$ \\"]


def test_a_softmax_fraction_in_a_table_is_set_in_display_style():
    softmax = r"$\frac{e^{z_{1}}}{e^{z_{1}} + e^{z_{2}}}$"
    lines = table_lines(["node", "formula"], [["$o_1$", softmax], ["$L$", r"$\frac{1}{2} (y - o)^{2}$"]], FULL_LINE_PT)
    assert lines[5] == DISPLAY_STRUT + r"$o_1$ & $\dfrac{e^{z_{1}}}{e^{z_{1}} + e^{z_{2}}}$ \\"
    assert lines[6] == FRACTION_STRUT + r"$L$ & $\frac{1}{2} (y - o)^{2}$ \\"     # a plain ½ stays small


def test_a_table_repeated_word_for_word_is_shown_once():
    table = "\\medskip{\\centering\n\\begin{tabular}{ll}\n\\hline\nnode & formula \\\\\n\\hline\n\\end{tabular}\\par}\\medskip\n"
    other = table.replace("formula", "value")
    assert once("A\n" + table + "B\n" + table + other + other) == "A\n" + table + "B\n" + other


@pytest.mark.parametrize("lang, numbers, formula, row", [
    ("en", "node & with the numbers & value", "node & formula", r"$\sigma(0.15 \cdot 0.05 + 0.20 \cdot 0.10 + 0.35)$"),
    ("ru", "узел & подставляем числа & значение", "узел & формула",
     r"$\sigma(0{,}15 \cdot 0{,}05 + 0{,}20 \cdot 0{,}10 + 0{,}35)$")])
def test_a_brief_forward_pass_is_one_table_of_the_numbers_put_in(lang, numbers, formula, row):
    tex = render(solve("mazur-221"), "latex", lang=lang, detail="brief")
    # the forward pass (none after the update, which mazur-221 does not ask): the numbers put in and the
    # values, never the formulas split off into a table of their own
    assert tex.count(numbers + r" \\") == 1 and formula + r" \\" not in tex
    assert row in tex
    full = render(solve("mazur-221"), "latex", lang=lang, detail="full")
    assert formula + r" \\" in full                                  # the full key keeps them


# --- breaks --------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang, answer", [("en", "Answer"), ("ru", "Ответ")])
def test_an_answer_is_kept_with_the_chain_or_line_before_it(lang, answer):
    chain = render(solve("max-gate"), "latex", lang=lang, detail="brief")
    # the chain's display forbids a break after it (a \nopagebreak after a display would not)
    assert re.search(r"\{\\postdisplaypenalty=10000\n\\begin\{align\*\}\n[^\n]*= 6\n\\end\{align\*\}\}\n"
                     r"\{\\noindent \\textbf\{%s:\}" % answer, chain)
    line = render(solve("np-broadcast-row"), "latex", lang=lang, detail="brief")
    assert "\\par}\n\\nopagebreak\n{\\noindent \\textbf{%s:}" % answer in line


def test_a_formula_in_a_sentence_never_breaks_after_its_equals_sign():
    assert "\n\\relpenalty=10000\n" in latex_document("$n = 5$", "t")
    assert "\n\\relpenalty=10000\n" in slides([solve("mse")], "en", "t")


# --- the graph's picture ---------------------------------------------------------------------------------

def _size(pdf: bytes) -> tuple[float, float]:
    """A one-page PDF's width and height in points, from its MediaBox."""
    box = re.search(rb"/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]", pdf)
    return float(box.group(3)) - float(box.group(1)), float(box.group(4)) - float(box.group(2))


def test_the_graph_s_text_is_readable_in_the_key_and_on_a_slide():
    need("dot")
    pytest.importorskip("graphviz")
    width, tall = _size(_graph(solve("graph-exp").work, "en").render("pdf"))
    node_pt = 13                                          # the boxes' type, before the picture is scaled down
    # the key sets the picture in the line's width and half the page (A4 less 2 cm margins: 731 pt)
    assert node_pt * min(FULL_LINE_PT / width, 0.5 * 731.0 / tall) >= 8
    # a slide, in 10.5 cm and 0.86 of its text's height (about 236 pt); it was under 3 pt
    assert node_pt * min(298.8 / width, 0.86 * 236 / tall) >= 4.5


def test_slides_draw_the_graph_with_the_key_s_decimals():
    need("dot")
    pytest.importorskip("graphviz")
    solution = solve("graph-exp")
    # --decimals 2: the slides' graph as the key's, ∂f/∂x = 2e³ ≈ 40.17 (the slide's without the key's gate ovals)
    gates = {"+", "×", "exp"}
    drawn = pictures([solution], "en", 2)["graph-exp"].texts()
    assert drawn == [t for t in _graph(solution.work, "en", 2).texts() if t not in gates] and "∂f/∂x = 2e³ ≈ 40.17" in drawn
    # no --decimals: the problem's own places (none here: the default, widened for small values)
    assert pictures([solution], "en")["graph-exp"].texts() == [t for t in _graph(solution.work, "en").texts() if t not in gates]


# --- slides ------------------------------------------------------------------------------------------------------

def test_a_long_solution_goes_on_to_frames_each_within_its_room():
    tex = slides([solve("program-micrograd")], "en", "t", {"detail": "brief"})
    # never scaled down to fit: a table TeX may shrink is only one wider than the line, to the line (and the
    # backward table, set so, is in \footnotesize and not shrunk: it is as wide as the page's at 9 pt, 75% of a slide)
    assert r"\resizebox{\linewidth}" not in tex and r"\scriptsize" not in tex and "fitted" not in tex and "shrink" not in tex
    body = render(solve("program-micrograd"), "latex", lang="en", width="10.5cm", label="", detail="brief")
    frames = frames_of(body)
    assert len(frames) >= 4 and all(height(frame) <= FRAME_HEIGHT for frame in frames)
    # the 19 rows of the backward pass are cut between rows, each part under the table's header
    header = r"local derivative & formula & value"     # the columns after it: as many as the page holds
    assert sum(frame.count(header) for frame in frames) >= 2
    assert all(frame.count(r"\begin{tabular}") == frame.count(r"\end{tabular}") for frame in frames)


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_micrograd_slides_are_continued_never_overfull(lang, tmp_path):
    need("pdflatex")
    _beamer_installed()
    export_set("program-micrograd", "beamer", tmp_path, lang=lang, options=Options(detail="brief"))
    tex = next(tmp_path.glob("*.tex"))
    compiled = pdflatex(tex)
    text = tex.read_text(encoding="utf-8")
    assert _pages(compiled.log) == text.count(r"\begin{frame}")              # a frame is one page
    too_high = [float(pt) for pt in re.findall(r"Overfull \\vbox \((\d+(?:\.\d+)?)pt too high", compiled.log)]
    assert max(too_high, default=0) <= 4                                      # nothing runs off a frame


# --- page counts of the brief keys (pdflatex), about a page a problem or less: textbook 9 problems (16 pages
# before the compact keys, 11, then 13 with every step of its three runs by hand showing its gradients), graphs 13 (13, 10), training 10 (10 for 8, 11 with LMS worked step by step
# and Newton's method), vectors 19 (8 for 17, 9 for 18, 11 with the Hessian of Bishop's tanh unit, its gradient and
# three entries through the chain rule) ---------

@pytest.mark.parametrize("topic, most", [("textbook", 13), ("graphs", 11), ("training", 11), ("vectors", 11)])
def test_a_brief_key_takes_about_a_page_a_problem(topic, most, tmp_path):
    need("pdflatex")
    export_set(topic, "tex", tmp_path, options=Options(detail="brief"))          # the key and its pictures
    assert _pages(pdflatex(tmp_path / f"{topic}-key.tex").log) <= most
