"""What a reading of the brief decks found, each as a class: a table shrunk by its notes, a lead-in parted from its
table, a short table cut 3/4, a sum parted from its summand, an answer half displayed and half a paragraph."""

from __future__ import annotations

import re

import pytest

from symnn.export.beamer import _HALF_DISPLAYED, blocks, slides
from symnn.export.slide_cuts import pieces
from symnn.export.slide_heights import FRAME_HEIGHT, height
from symnn.export.slide_tables import SHRUNK
from symnn.export.worksheets import problem_set
from symnn.problems.solve import solve


def _table(rows: int) -> str:
    return "\n".join([r"\medskip{\centering\binoppenalty=10000", r"\begin{tabular}{ll}", r"\hline", r"node & value \\",
                      r"\hline", *(f"$x_{{{k}}}$ & ${k}$ \\\\" for k in range(rows)), r"\hline", r"\end{tabular}\par}\medskip"])


def _deck(topic: str, lang: str = "en") -> str:
    return slides([solve(problem) for problem in problem_set(topic)[1]], lang, "t", {"detail": "brief"})


def test_a_lead_in_ending_in_a_colon_is_one_block_with_its_table():
    # a paragraph ending in ":" introduces what follows: the two are one block; one ending in "." is not
    body = "\n".join([r"{\noindent drawn and rounded as above.\par}", r"{\noindent The trained network's outputs:\par}",
                      _table(4)])
    assert [block.split("\n")[0] for block in blocks(body)] == [r"{\noindent drawn and rounded as above.\par}",
                                                                r"{\noindent The trained network's outputs:\par}"]


@pytest.mark.parametrize("rows, cut", [(7, False),     # a short table that fits a frame whole goes whole to the next
                                       (14, True)])    # a long one fills the room left, cut between its rows
def test_a_short_table_is_never_cut_where_it_fits_a_frame_whole(rows, cut):
    block = _table(rows)
    assert height(block) <= FRAME_HEIGHT
    room = 0.5 * height(block)
    assert room >= 0.4 * FRAME_HEIGHT or not cut           # (the room left is worth filling)
    assert (len(pieces(block, FRAME_HEIGHT, max(room, 0.4 * FRAME_HEIGHT))) > 1) == cut


def test_the_activations_table_sets_its_notes_under_it_unshrunk():
    # the notes column (sentences, no operator to break at) made the table shrink to 0.81: it is set without it
    text = _deck("activations")
    table = text[text.index(r"\begin{tabular}"):text.index(r"\end{tabular}")]
    assert SHRUNK not in text[:text.index(r"\end{tabular}")] and "Note" not in table
    assert r"{\raggedright \noindent \textit{step}: $f' = 0$ for $x \neq 0$" in text


def test_a_sum_is_never_parted_from_its_summand():
    # the binary cross-entropy: the printer's cut after the sum, with a "·" before the summand, is joined
    text = _deck("losses")
    assert not re.search(r"\\(?:sum|prod)(?:_\{[^{}]*\})?(?:\^\{[^{}]*\})? \\\\", text)
    assert r"\sum_{i=1}^{n} ({y}_{i} \ln" in text


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_an_answer_that_lists_its_values_is_one_paragraph(lang):
    # the textbook's first problem: its first two values were displayed, the others in the paragraph after
    text = _deck("textbook", lang)
    assert not _HALF_DISPLAYED.search(text)
    answer = "Answer" if lang == "en" else "Ответ"
    assert re.search(r"\\textbf\{%s:\} \$\\mathrm\{out\}_\{h1\} = \\sigma\(0[.,{}]*3775\) \\approx [^$]*\$; \$\\mathrm\{out\}_\{h2\}"
                     % answer, text)
