"""What a teacher projecting a topic's slides found wanting, each as a class: a continued frame holding a scrap
(the last product and the answer, one line of a note), a note cut mid-sentence by a frame's end, a chain cut
inside one equation's steps, a table's formula broken inside its cell or the table set too small to read."""

from __future__ import annotations

import re

import pytest

from symnn.export.beamer import FRAME_HEIGHT, blocks, frames_of, row_side, slides
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
        # a continued frame holds more than two lines' worth (networks 4 held the last product and the answer)
        assert height(body) > 2.5 * WEIGHTS["line"], (topic, lang, title, body[:300])
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
            # a wrapped cell is a sentence: two words or more outside its formulas (it breaks at its spaces)
            assert not boxed or len(re.sub(r"\$[^$]*\$", " ", boxed.group(1)).split()) >= 2, (topic, cell)
