"""What a teacher projecting a topic's slides found wanting, each as a class: a continued frame holding a scrap
(the last product and the answer, one line of a note), a note cut mid-sentence by a frame's end, a chain cut
inside one equation's steps, a table's formula broken inside its cell or the table set too small to read."""

from __future__ import annotations

import re

import pytest

from symnn.export.beamer import FRAME_HEIGHT, balanced, blocks, frames_of, slides
from symnn.export.slide_cuts import row_side
from symnn.export.slide_heights import WEIGHTS, height
from symnn.export.slide_tables import slide_table, whole_tables
from symnn.export.worksheets import problem_set
from symnn.problems.solve import solve

TOPICS = ["activations", "derivatives", "gradients", "graphs", "linear", "losses", "matrix", "networks", "tensors",
          "textbook", "training", "vectors"]


def _frames(topic: str, lang: str) -> list[tuple[str, str]]:
    """Each text frame of a topic's brief slides: its title and its body (its setup line taken off)."""
    _, problems = problem_set(topic)
    tex = slides([solve(problem) for problem in problems], lang, "t", {"detail": "brief"})
    return [(title, body.split("\n", 1)[1]) for title, body in
            re.findall(r"\\begin\{frame\}\{([^}]*)\}\n(.*?)\n\\end\{frame\}", tex, re.S) if body.startswith("\\small")]


def _chains(body: str) -> list[list[str]]:
    """The rows of each chain (``align*``) of a frame."""
    return [[row for row in re.split(r" \\\\\*?(?:\[[^]]*\])?\n", chain)]
            for chain in re.findall(r"\\begin\{align\*\}\n(.*?)\n\\end\{align\*\}", body, re.S)]


def _body_cells(body: str) -> list[str]:
    """Every cell of the rows of every table of a frame (its header left out), as set."""
    found = []
    for table in re.findall(r"\\begin\{tabular\}\{l+\}\n\\hline\n[^\n]*\n\\hline\n(.*?)\\hline\n\\end\{tabular\}", body, re.S):
        for row in table.strip().split("\n"):
            hidden = re.sub(r"\$[^$]*\$", lambda match: match.group(0).replace("&", "@"), row)   # a case's & is its formula's
            found += [cell.strip() for cell in hidden.split("&")]
    return found


@pytest.mark.parametrize("lang", ["en", "ru"])
@pytest.mark.parametrize("topic", TOPICS)
def test_no_continued_frame_is_a_scrap_and_no_frame_opens_inside_an_equation(topic, lang):
    frames = _frames(topic, lang)
    for k, (title, body) in enumerate(frames):
        if k == 0 or not title.startswith(frames[k - 1][0].split(" (")[0] + " ("):
            continue
        # a continued frame holds more than four lines' worth (networks 9 held the last line and the answer)
        assert height(body) > 4 * WEIGHTS["line"], (topic, lang, title, body[:300])
        # a chain of several equations that opens the frame opens it with an equation's first row, its left side
        before = body.split(r"\begin{align*}")[0]
        if r"\begin{align*}" in body and not re.sub(r"\\[a-z]+(?:=\d+)?|[{}\s]", "", before):
            rows = _chains(body)[0]
            assert row_side(rows[0]) or not any(row_side(row) for row in rows[1:]), (topic, lang, title, rows[:2])


@pytest.mark.parametrize("topic", TOPICS)
def test_no_table_cell_wraps_a_formula_nor_is_set_in_tiny_type(topic):
    for _, body in _frames(topic, "ru"):
        assert r"\scriptsize" not in body and r"\tiny" not in body
        for cell in _body_cells(body):
            boxed = re.search(r"\\parbox\[t\]\{[\d.]+\\linewidth\}\{\\raggedright\\strut (.*)\\strut\}", cell)
            text = boxed.group(1) if boxed else ""
            # a wrapped cell is empty or a sentence: two words or more outside its formulas (it breaks at its spaces)
            assert not text.strip() or len(re.sub(r"\$[^$]*\$", " ", text).split()) >= 2, (topic, cell)


def _chain(equations: int, steps: int) -> str:
    """A chain of ``equations`` labelled equations, each of a left side and ``steps`` rows."""
    rows = []
    for k in range(equations):
        rows += [r"\text{\textbf{Factor}}\quad \frac{\partial y}{\partial h_{%d}} &= w_{%d} y (1 - y)" % (k, k)]
        rows += [r"&= %d \cdot 0.5237 \cdot (1 - 0.5237)" % k] * (steps - 1)
    return "{\\noindent \\textbf{Chain rule:}\n\\begin{align*}\n" + " \\\\*\n".join(rows) + "\n\\end{align*}\\par}"


@pytest.mark.parametrize("equations, steps", [(3, 4), (4, 5), (6, 3)])
def test_a_chain_of_equations_is_cut_only_where_an_equation_begins(equations, steps):
    # the networks slides cut "= 1 · 0,5237 · (1 − 0,5237)" from its left side onto the next frame
    line = r"{\noindent A line of the statement.\par}"
    frames = frames_of("\n".join([line] * 12 + [_chain(equations, steps)]))
    assert len(frames) > 1
    for frame in frames:
        for chain in _chains(frame):
            assert row_side(chain[0]), chain[0]
        assert height(frame) <= FRAME_HEIGHT


def test_a_short_last_frame_takes_the_last_equations_of_the_chain_before():
    # networks, Russian, problem 4: a full frame of factors, then the last product and the answer alone on a frame
    final = ("{\\postdisplaypenalty=10000\n\\begin{align*}\n\\frac{\\partial L}{\\partial w_{1}} &= (-0.9526) \\cdot 0.2494 \\\\*\n"
             "&\\quad \\approx 0.0215\n\\end{align*}}\n{\\noindent \\textbf{Answer:} $\\frac{\\partial L}{\\partial w_{1}} \\approx 0.0215$\\par}")
    chain = _chain(4, 3)
    frames = ["\n".join(frame) for frame in balanced([[chain], [final]])]
    assert len(frames) == 2 and height(frames[-1]) > 2 * height(final)
    # the last frame opens with an equation of the chain, whole; the frame before keeps the others
    assert row_side(_chains(frames[-1])[0][0]) and frames[-1].endswith(final)
    assert all(height(frame) <= FRAME_HEIGHT for frame in frames)
    kept = [row for chain in _chains(frames[0]) + _chains(frames[-1]) for row in chain]
    assert sum(1 for row in kept if row_side(row).startswith(r"\text")) == 4


def test_a_note_broken_by_a_display_goes_on_after_a_dash():
    # networks, Russian, problem 8: "(2) Написано [display] — с целевым значением …" was cut at the display
    note = [r"{\raggedright \noindent \textbf{Примечание.} (2) Написано", r"\begin{align*}", r"\delta_5 &= out_y (1 - out_y)",
            r"\end{align*}\par}", r"{\raggedright \noindent \textemdash{} с целевым значением: $\sigma(in_5)$.\par}"]
    assert blocks("\n".join(note)) == ["\n".join(note)]
    # a paragraph that opens with a capital, a formula or a bold label begins anew
    for start in ("Промежуточные значения.", r"$x = 1$.", r"\textbf{Примечание.} Всё."):
        assert len(blocks("\n".join([*note[:4], r"{\noindent %s\par}" % start]))) == 2


WIDE = (["$k$", "$p$", "$n$", "after it"],
        [["1", "$(1; 2)$", r"$1 \cdot 1 + (-0{,}8) \cdot 2 = -0{,}6$", r"$w_1 = 2$, $w_2 = 1{,}2$"],
         ["2", "$(-1; 2)$", r"$2 \cdot (-1) + 1{,}2 \cdot 2 = 0{,}4$", r"без изменений $(e = 0)$"]] * 2)


def test_a_table_s_formula_never_wraps_in_its_cell():
    # networks, Russian, problem 9: "1 · 1 + (−0,8) · / 2" broken inside its cell
    header, rows = WIDE
    for scale in (1, 2, 3):                       # the formulas made wider and wider
        wide = [[cell.replace("1 +", "1 + " + "1 + " * scale) for cell in row] for row in rows]
        table = slide_table(header, wide)
        body = table.split(r"\hline", 2)[2]
        # no cell of a formula in a box; only the last column, of sentences, may wrap
        assert all(cell.count(r"\parbox") == 0 for row in body.split("\n") for cell in row.split(" & ")[:3]), table
        assert r"\scriptsize" not in table and r"\binoppenalty=10000" in table


def test_a_split_table_is_joined_and_set_for_the_slide():
    from symnn.render.latex_tables import table_lines
    header = ["node", *(f"column {k}" for k in range(6))]
    rows = [[f"$a_{k}$", *(r"$%d \cdot 0.5237 + 1.25$" % j for j in range(6))] for k in range(3)]
    split = "\n".join(table_lines(header, rows, 298.0))
    assert split.count(r"\begin{tabular}") == 2
    joined = whole_tables(split)
    assert joined.count(r"\begin{tabular}") == 1 and r"\parbox" not in joined.split(r"\hline", 2)[2]


def test_the_networks_deck_in_russian_compiles_full_frames_and_no_scrap(tmp_path):
    """The deck the teacher graded: no frame overfull, and (in the PDF's text) no continued frame of a line or two."""
    import subprocess

    from symnn.cli import main
    from symnn.export.pdf import pdflatex

    from .test_beamer import _beamer_installed
    from .tools import need

    need("pdflatex")
    need("pdftotext")
    _beamer_installed()
    assert main(["export", "--set", "networks", "--format", "beamer", "--detail", "brief", "--out", str(tmp_path),
                 "--lang", "ru"]) == 0
    compiled = pdflatex(tmp_path / "networks-slides-ru.tex")
    assert "Overfull \\vbox" not in compiled.log
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "networks-slides-ru.pdf"), "-"], capture_output=True,
                          text=True).stdout
    for page in text.split("\f"):
        lines = [line for line in page.split("\n") if line.strip()]
        if lines and "(продолжение)" in lines[0]:
            assert len(lines) > 4, lines                    # a title and more than three lines of the problem
