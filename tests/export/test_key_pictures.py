"""A key draws what its statement asks to draw: graph-exp says "draw the computational graph", and its
exported key shows the graph (beside the key for LaTeX, Markdown and HTML, inside the PDF)."""

from __future__ import annotations

import re
import zlib

import pytest

from symnn.export.worksheets import answer_key, export_set
from symnn.problems.solve import solve
from tests.export.tools import need


@pytest.mark.parametrize("format, lang, suffix, shown", [
    # as tall as the room left on the page, at most half a page (with less than a quarter left: on the next page),
    # its labels (13 pt at its natural size, box 0) set at 11 pt at most and at 8 pt at least
    ("tex", "en", "pdf", r"\sbox0{\includegraphics[draft]{graph-exp-key-graph-exp.pdf}}\dimen2=0.615\ht0\dimen4=0.846\ht0" "\n"
                         r"\dimen0=\pagegoal\advance\dimen0 by -\pagetotal\advance\dimen0 by -3\baselineskip" "\n"
                         r"\ifdim\dimen0<0.25\textheight\dimen0=0.5\textheight\fi" "\n"
                         r"\ifdim\dimen0>0.5\textheight\dimen0=0.5\textheight\fi" "\n"
                         r"\ifdim\dimen0>\dimen4\dimen0=\dimen4\fi" "\n"
                         r"\ifdim\dimen0<\dimen2\dimen0=\dimen2\fi" "\n"
                         r"\ifdim\dimen0>0.9\textheight\dimen0=0.9\textheight\fi" "\n"
                         r"\edef\symnnroom{\the\dimen0}" "\n\\begin{center}\n"
                         r"\includegraphics[width=\linewidth,height=\symnnroom,keepaspectratio]{graph-exp-key-graph-exp.pdf}"),
    ("md", "ru", "png", "![Граф вычислений: значение и градиент каждого узла](graph-exp-key-ru-graph-exp.png)"),
    ("html", "en", "svg", '<p><img src="graph-exp-key-graph-exp.svg" alt="The computational graph, with the value '
                          'and the gradient of every node" style="max-width: 100%"></p>'),
])
def test_the_key_of_a_graph_problem_shows_the_graph_it_asks_to_draw(tmp_path, format, lang, suffix, shown):
    need("dot")
    pytest.importorskip("graphviz")
    written = export_set("graph-exp", format, tmp_path, lang=lang)
    key = next(p for p in written if "-key" in p.name and p.suffix == f".{format}")
    picture = tmp_path / f"graph-exp-key{'' if lang == 'en' else '-' + lang}-graph-exp.{suffix}"
    assert picture in written and picture.stat().st_size > 1000
    assert shown in key.read_text(encoding="utf-8")


def test_a_key_without_pictures_names_none():
    key = answer_key([solve("graph-exp"), solve("kxb")], "tex", "en", "t")
    assert r"\includegraphics" not in key


def test_the_pdf_key_has_the_graph_inside(tmp_path):
    need("dot"), need("pdflatex")
    pytest.importorskip("graphviz")
    written = export_set("graph-exp", "pdf", tmp_path, lang="ru")
    assert sorted(p.name for p in written) == ["graph-exp-key-ru.pdf", "graph-exp-worksheet-ru.pdf"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph-exp-key-ru.pdf", "graph-exp-worksheet-ru.pdf"]
    # the graph (graphviz's PDF) is embedded as a form XObject; a key without it has none
    assert _objects(tmp_path / "graph-exp-key-ru.pdf").count(b"/Subtype /Form") >= 1
    assert _objects(tmp_path / "graph-exp-worksheet-ru.pdf").count(b"/Subtype /Form") == 0


def _objects(pdf) -> bytes:
    """A PDF's bytes with its compressed streams (and the object streams pdflatex packs) inflated."""
    data = pdf.read_bytes()
    inflated = []
    for match in re.finditer(rb"stream\r?\n(.*?)endstream", data, re.S):
        try:
            inflated.append(zlib.decompress(match.group(1)))
        except zlib.error:
            continue
    return data + b"".join(inflated)
