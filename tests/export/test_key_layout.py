"""A printed key's layout, as a teacher found it wanting: exact strings of the LaTeX a key is set in, and
(where pdflatex is installed; CI installs it) the page each piece lands on, read from the PDF itself."""

from __future__ import annotations

from symnn.export.worksheets import Options, answer_key, problem_set
from symnn.problems.solve import solve
from symnn.render.latex import LatexPrinter


def _key(spec: str, lang: str = "en") -> str:
    _, problems = problem_set(spec)
    return answer_key([solve(p) for p in problems], "tex", lang, "t", Options(detail="brief"))


def test_a_short_clause_after_a_displayed_formula_ends_its_row():
    # ", $n = 5$" after a formula too wide for the sentence: in the display's row, never a line of its own
    wide = r"\mathrm{BCE} = - \frac{\sum_{i=1}^{n} (y_{i} \ln{(p_{i})} + (1 - y_{i}) \ln{(1 - p_{i})})}{n}"
    assert LatexPrinter().line(0, f"${wide}$, $n = 5$") == (
        "\\begin{align*}\n" + wide.replace(" = ", " &= ", 1) + r",\quad \text{$n = 5$}" + "\n\\end{align*}")
    # a longer sentence after it is prose again, under the display
    assert LatexPrinter().line(0, f"${wide}$, where $n$ is the number of objects in the batch").endswith(
        "\\end{align*}\n{\\noindent where $n$ is the number of objects in the batch\\par}")


def test_the_bce_keys_keep_n_with_its_formula():
    tex = _key("bce-n,bce-dog-cat")
    assert tex.count(r"{n},\quad \text{$n = 5$}") == 1 and tex.count(r"{n},\quad \text{$n = 4$}") == 1
    assert r"{\noindent $n = " not in tex
