"""Every bank solution, as a standalone LaTeX document in English and in Russian, compiles
with pdflatex at two text widths (A4 with 2 cm margins, and 12 cm), with no line more than
20 pt too wide (the oracle is pdflatex's own log)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from symnn.export import standalone
from symnn.export.pdf import pdflatex
from symnn.problems.bank import load_bank
from symnn.problems.solve import solve

from .tools import artifacts, need

MOST_OVERFULL_PT = 20


@pytest.fixture(scope="module")
def solutions():
    return {pid: solve(pid) for pid in load_bank()}


@pytest.mark.parametrize("width", [None, "12cm"])
@pytest.mark.parametrize("lang", ["en", "ru"])
def test_every_bank_solution_compiles(solutions, lang, width, tmp_path):
    need("pdflatex")

    def compile_one(pid):
        tex = tmp_path / f"{pid.replace('.', '_')}.tex"
        tex.write_text(standalone(solutions[pid], "latex", lang=lang, width=width), encoding="utf-8")
        return pid, pdflatex(tex)

    with ThreadPoolExecutor(2) as pool:
        compiled = dict(pool.map(compile_one, solutions))
    too_wide = {pid: max(c.overfull) for pid, c in compiled.items() if c.overfull and max(c.overfull) > MOST_OVERFULL_PT}
    assert not too_wide, f"lines wider than the page by more than {MOST_OVERFULL_PT} pt: {too_wide}"
    assert all(c.pdf.stat().st_size > 5000 for c in compiled.values())
    if width is None:
        (artifacts() / f"backprop-w1-{lang}.pdf").write_bytes(compiled["backprop-w1"].pdf.read_bytes())
    else:
        assert f"textwidth={width}" in standalone(solutions["4.3"], "latex", lang=lang, width=width)


def test_the_russian_document_is_set_in_russian(solutions):
    tex = standalone(solutions["4.3"], "latex", lang="ru")
    assert r"\usepackage[english,russian]{babel}" in tex and "Задача 4.3" in tex
    assert r"\usepackage[T2A]{fontenc}" in tex and r"\begin{document}" in tex and tex.rstrip().endswith(r"\end{document}")


def test_a_latex_error_is_reported_with_its_message(tmp_path):
    need("pdflatex")
    from symnn.export.pdf import LatexFailed
    tex = tmp_path / "broken.tex"
    tex.write_text(r"\documentclass{article}\begin{document}\undefinedcommand\end{document}")
    with pytest.raises(LatexFailed, match="Undefined control sequence"):
        pdflatex(tex)


def test_a_standalone_title_names_the_problem_by_its_number_never_by_its_id():
    from symnn.export.documents import title_of
    from symnn.problems.solve import solve
    assert title_of(solve("4.3"), "en").startswith("Problem 4.3: ")
    assert "tanh-221-step" not in title_of(solve("tanh-221-step"), "ru")
