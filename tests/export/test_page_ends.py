"""How a printed key's pages begin and end, read from the PDF's text page by page (pdftotext -layout), as a
teacher turning the pages sees them: no problem's heading at a page's foot without its work under it (a display
or a table, both set indented, or the answer), and no page that opens with the tail of a derivation, a step or
two and the answer alone (where pdflatex and pdftotext are installed; CI installs both)."""

from __future__ import annotations

import re
import subprocess

import pytest

from symnn.export.pdf import pdflatex
from symnn.export.worksheets import Options, answer_key, problem_set
from symnn.lang import phrase
from symnn.problems.solve import solve

from .tools import need

# a line of a display or of a table: set centred, so indented in pdftotext's layout
_INDENTED = re.compile(r"^ {8,}\S")
# the fewest lines of work a page opens with above the answer they end in
LEAST_TAIL = 3


def _pages(topic: str, lang: str, folder) -> list[list[str]]:
    """The key of ``topic`` compiled, its pages' lines that show text (the page's number left out)."""
    _, problems = problem_set(topic)
    tex = folder / f"{topic}-{lang}.tex"
    tex.write_text(answer_key([solve(p) for p in problems], "tex", lang, topic, Options(detail="brief")), encoding="utf-8")
    pdf = pdflatex(tex).pdf
    text = subprocess.run([need("pdftotext"), "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = [[line for line in page.split("\n") if line.strip()] for page in text.split("\f")]
    return [page[:-1] if page and page[-1].strip().isdigit() else page for page in pages if page]


def heading_ends(pages: list[list[str]], lang: str) -> list[str]:
    """The headings set with no work under them on their page: neither a display's nor a table's row, nor the answer."""
    heading = re.compile(r"^%s \S+$" % phrase(lang, "problem"))
    answer = phrase(lang, "answer") + ":"
    return [f"page {n}: {line.strip()}" for n, page in enumerate(pages, 1) for k, line in enumerate(page)
            if heading.match(line) and not any(_INDENTED.match(later) or later.startswith(answer) for later in page[k + 1:])]


def tails(pages: list[list[str]], lang: str) -> list[str]:
    """The pages after the first that open with fewer than ``LEAST_TAIL`` lines of work above an answer."""
    answer, heading = phrase(lang, "answer") + ":", phrase(lang, "problem") + " "
    found = []
    for n, page in enumerate(pages[1:], 2):
        first = next((k for k, line in enumerate(page) if line.startswith((answer, heading))), None)
        if first is not None and page[first].startswith(answer) and first < LEAST_TAIL:
            found.append(f"page {n}: {' / '.join(line.strip() for line in page[:first + 1])}")
    return found


def test_reading_of_pages():
    """The checks themselves, on pages written by hand: a heading at the foot, a tail opening a page."""
    pages = [["Problem 1", "Find x.", "       x = 1", "Answer: 1", "Problem 2", "Find y."],
             ["                 y = 2", "        (a hint)", "Answer: y = 2"]]
    assert heading_ends(pages, "en") == ["page 1: Problem 2"]
    assert tails(pages, "en") == ["page 2: y = 2 / (a hint) / Answer: y = 2"]
    whole = [["Problem 1", "Find x.", "       x = 1", "Answer: 1"], ["       y = 1", "       y = 2", "      y = 3", "Answer: 3"]]
    assert heading_ends(whole, "en") == [] and tails(whole, "en") == []


# keys whose pages broke badly: a heading, a statement and the shapes at a page's foot (matrix, vectors), the last
# step and its hint alone over the answer (derivatives, gradients in Russian), a line of text alone over it (activations)
@pytest.mark.parametrize("topic,lang", [("matrix", "en"), ("derivatives", "en"), ("gradients", "ru"), ("vectors", "en"),
                                        ("activations", "en")])
def test_key_pages_begin_and_end_as_a_book(topic, lang, tmp_path):
    need("pdflatex"), need("pdftotext")
    pages = _pages(topic, lang, tmp_path)
    assert heading_ends(pages, lang) == []
    assert tails(pages, lang) == []
