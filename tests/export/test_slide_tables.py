"""How the slides cut a solution into frames: a table is never split by its columns over two frames (the printer
splits a table too wide for a page's line into two tables of column groups; a slide sets it whole, in smaller type
or with wrapped headers and cells), a table or a chain is cut between its rows leaving at least three rows on either
side, and a sentence the printer broke by a display is never cut where it goes on."""

from __future__ import annotations

import re

import pytest

from symnn.cli import main
from symnn.export.beamer import FRAME_HEIGHT, blocks, frames_of, pieces, slides, whole_tables
from symnn.export.pdf import pdflatex
from symnn.export.slide_heights import height
from symnn.problems.solve import solve
from symnn.render.latex_tables import one_table, table_lines

from .test_beamer import _beamer_installed, pages
from .tools import need

# a backward table of a graph, too wide for a page's line of 10.5 cm: the printer splits it into two tables
HEADER = ["local derivative", "formula", "value", r"upstream $\partial f/\partial(\text{node})$",
          r"contribution to $\partial f/\partial(\text{input})$"]
ROWS = [[r"$\frac{\partial f}{\partial c}$", "$1$", "$1$", "$1$", "$1$"],
        [r"$\frac{\partial c}{\partial b}$", "$e^{b}$", r"$e^{3}$ $\approx 20.0855$", "$1$", r"$e^{3}$ $\approx 20.0855$"],
        [r"$\frac{\partial a}{\partial x}$", "$w_{1}$", "$2$", r"$e^{3}$ $\approx 20.0855$", r"$2 e^{3}$ $\approx 40.1711$"]]
SLIDE_LINE_PT = 10.5 * 72.27 / 2.54


def _tables(text: str) -> list[tuple[list[str], list[str]]]:
    """Each tabular of ``text``: its header's cells and its rows' first cells (a strut taken off)."""
    found = []
    for body in re.findall(r"\\begin\{tabular\}\{l+\}\n\\hline\n(.*?)\n\\hline\n\\end\{tabular\}", text, re.S):
        rows = [row for row in body.split("\n") if row != r"\hline"]
        found.append(([cell.strip() for cell in rows[0].removesuffix(r" \\").split(" & ")],
                      [re.sub(r"^\\rule\[[^]]*\]\{0pt\}\{[^}]*\}", "", row).split(" & ")[0] for row in rows[1:]]))
    return found


def _rows(piece: str) -> int:
    """The rows of a piece of a table, its header left out."""
    return sum(1 for line in piece.split("\n") if line.endswith(r" \\")) - 1


def test_a_split_table_is_one_table_on_a_slide():
    # the printer's page layout at the slides' width: two tables, each with the first column (the oracle)
    split = table_lines(HEADER, ROWS, SLIDE_LINE_PT)
    assert "\n".join(split).count(r"\begin{tabular}") == 2
    joined = whole_tables("\n".join(split))
    tables = _tables(joined)
    # one table again, its five columns in order, each row whole (its derivatives written on the line, ∂f/∂c)
    inline = [re.sub(r"\\frac\{(\\partial \w)\}\{(\\partial \w)\}", r"\1/\2", row[0]) for row in ROWS]
    assert len(tables) == 1 and len(tables[0][0]) == 5 and tables[0][1] == inline
    assert r"\begin{tabular}{lllll}" in joined and joined.count(r"\parbox") >= 2     # its wide headers wrapped
    assert re.search(r"\{\\centering\\footnotesize", joined) and r"\scriptsize" not in joined    # smaller, readable


def test_a_table_too_wide_even_wrapped_stays_as_it_was():
    # a column of one unbreakable 60-character formula fits no slide: one_table gives up, the halves stay
    wide = [["$" + "x" * 60 + "$", "$1$"]]
    assert one_table(["a", "b"], wide, SLIDE_LINE_PT) is None


@pytest.mark.parametrize("problem", ["graph-exp", "program-micrograd", "cs231n-staged"])
def test_no_table_of_the_graphs_deck_is_split_by_columns(problem):
    """graph-exp's backward table was two tables on frames 3 and 4 of the graphs deck; micrograd's and cs231n's
    were wider still (a fraction of fractions in a cell)."""
    tex = slides([solve(problem)], "en", "t", {"detail": "brief"})
    frames = re.findall(r"\\begin\{frame\}\{[^}]*\}\n(.*?)\\end\{frame\}", tex, re.S)
    tables = [(k, table) for k, frame in enumerate(frames) for table in _tables(frame)]
    for (k, (head, first)), (j, (more, again)) in zip(tables, tables[1:]):
        # two tables one after the other with the same first column are one split by its columns
        assert not (head[0] == more[0] and first == again and k != j), (problem, k, j)
    # the backward table is one, of five columns
    assert any(len(head) == 5 and "local derivative" in head[0] for _, (head, _) in tables)


def _table_block(rows: int, label: str = r"{\noindent Forward pass:\par}") -> str:
    return "\n".join([label, r"\medskip{\centering", r"\begin{tabular}{ll}", r"\hline", r"node & value \\", r"\hline",
                      *(r"$a_{%d}$ & $%d$ \\" % (k, k) for k in range(rows)), r"\hline", r"\end{tabular}\par}\medskip"])


@pytest.mark.parametrize("rows", [17, 18, 19, 35])
def test_a_table_cut_between_rows_leaves_three_rows_on_each_side(rows):
    """A frame holds 16 rows of this table (with its label): cut row by row as they fit, 17 rows left one row on a
    frame of its own, 18 two, 35 two again (19 rows were cut 16 and 3 already)."""
    block = _table_block(rows)
    cut = pieces(block)
    assert len(cut) == 2 + (rows > 33)
    counts = [_rows(piece) for piece in cut]
    assert sum(counts) == rows and min(counts) >= 3, counts
    assert all(height(piece) <= FRAME_HEIGHT for piece in cut)


def test_a_cut_table_begins_on_the_frame_where_it_is_met():
    """Five lines of prose, then a table of 25 rows: its first rows fill the rest of the first frame, where the
    table went whole to the next frame before, leaving the prose alone on a frame (3 frames, now 2)."""
    prose = [r"{\noindent Line %d of the problem's statement.\par}" % k for k in range(5)]
    frames = frames_of("\n".join([*prose, _table_block(25)]))
    assert len(frames) == 2
    assert all(height(frame) <= FRAME_HEIGHT for frame in frames)
    assert frames[0].startswith(prose[0]) and _rows(frames[0]) >= 3 and _rows(frames[1]) >= 3


SENTENCE = [r"{\noindent \textbf{Note.} The guide prints the gradients to three places ($-0.105$ for",
            r"\begin{align*}", r"x \cdot \sigma(2)(1 - \sigma(2)) &= -0.10499\ldots", r"\end{align*}\par}",
            r"{\noindent ) and the output after the step as 0.8825: it is $0.882550\ldots$ truncated.\par}"]


def test_a_sentence_broken_by_a_display_is_one_block():
    found = blocks("\n".join(SENTENCE))
    assert found == ["\n".join(SENTENCE)]
    # a paragraph that begins a sentence of its own stays a block of its own
    assert len(blocks("\n".join([*SENTENCE[:4], r"{\noindent The output rises.\par}"]))) == 2


def test_a_sentence_is_never_cut_where_it_goes_on():
    """Graphs frame 49 began with ") and the output after the step as 0.8825": the frame ended after the display."""
    display, rest = "\n".join(SENTENCE[:4]), SENTENCE[4]
    line = r"{\noindent A line.\par}"
    filler = [line] * int((FRAME_HEIGHT - height(display)) // height(line))
    # the lines and the display fill the first frame, the sentence's end does not fit after them
    used = sum(map(height, [*filler, display]))
    assert used <= FRAME_HEIGHT < used + height(rest)
    frames = frames_of("\n".join([*filler, *SENTENCE]))
    # (the sentence goes to the second frame whole, with some of the lines before it: the two frames evened out)
    assert len(frames) == 2 and frames[1].endswith("\n".join(SENTENCE))
    assert frames[0].split("\n") == [line] * frames[0].count(line)


def test_the_graphs_deck_compiles_with_no_frame_overfull(tmp_path):
    """The graphs deck, en, brief (the teacher's): every table fits its frame's width and every frame its height."""
    need("pdflatex")
    _beamer_installed()
    assert main(["export", "--set", "graphs", "--format", "beamer", "--detail", "brief", "--out", str(tmp_path),
                 "--lang", "en"]) == 0
    tex = tmp_path / "graphs-slides.tex"
    compiled = pdflatex(tex)
    assert "Overfull \\vbox" not in compiled.log
    assert max(compiled.overfull, default=0) <= 1
    text = tex.read_text(encoding="utf-8")
    assert pages(compiled) == 1 + text.count(r"\begin{frame}{")
    # every backward table is one table of five columns (the deck had 11 split over two frames)
    assert len(re.findall(r"\\begin\{tabular\}\{lllll\}", text)) >= 11


def test_a_cell_is_never_estimated_wider_wrapped_than_whole():
    """A cell of cases (ELU's f′ through f) is set whole: the narrowest it can be wrapped is its own width, not
    the width of a piece cut inside the environment, which left a slide's note column a fifth of the line."""
    from symnn.render.latex_tables import _unbroken, cell_width
    cases = r"$\begin{cases} \alpha + f & \text{при } x < 0 \\ 1 & \text{иначе} \end{cases}$"
    assert _unbroken(cases) == cell_width(cases)
    for cell in (r"$a + b + c$", "a note of several words", r"$x^{2} + 1$ when $x < 0$"):
        assert _unbroken(cell) <= cell_width(cell)
