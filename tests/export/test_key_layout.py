"""A printed key's layout, as a teacher found it wanting: exact strings of the LaTeX a key is set in, and
(where pdflatex is installed; CI installs it) the page each piece lands on, read from the PDF itself."""

from __future__ import annotations

import re

from symnn.export.pdf import pdflatex
from symnn.export.worksheets import Options, answer_key, problem_set
from symnn.problems.solve import solve
from symnn.render import render
from symnn.render.latex import LatexPrinter

from .tools import need


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
    # bce-n's statement writes its formula (over N): the key does not write it again; bce-dog-cat's writes none,
    # and the key writes symnn's with its n
    tex = _key("bce-n,bce-dog-cat")
    assert tex.count(r"\sum_{i=1}^N [y_i \ln p{(\hat y_i)}") == 1 and r"\text{$N = 5$}" not in tex
    assert tex.count(r"),\quad \text{$n = 4$}") == 1
    assert r"{\noindent $n = " not in tex and r"{\noindent $N = " not in tex


def test_a_tall_table_is_a_longtable_and_a_short_one_stays_a_tabular():
    tex = _key("activations")
    # the activations' table (14 rows) breaks across pages, its header repeated on each; its few notes, split
    # off to a table of their own, keep only the rows that have one
    assert re.search(r"\{(\\footnotesize)?\\setlength\{\\LTpre\}\{\\medskipamount\}[^\n]*\n\\begin\{longtable\}\{l+\}\n"
                     r"\\hline\n[^\n]*\\\\\n\\hline\n\\endhead\n", tex)
    assert r"\usepackage{longtable}" in tex and r"\begin{tabular}" not in tex.split(r"\end{longtable}")[0]
    notes = tex.split(r"\end{longtable}")[1].split(r"\end{tabular}")[0]
    assert "activation & Note" in notes and "\ntanh &" not in notes and "\nPReLU & $\\alpha$ is learned" in notes
    # the BCE terms (5 rows) stay one tabular, kept whole on a page
    bce = _key("bce-n")
    assert r"\begin{tabular}{llll}" in bce and "longtable}" not in bce.split(r"\begin{document}")[1]


def test_the_russian_activations_key_starts_its_table_on_the_statement_s_page(tmp_path):
    need("pdflatex")
    tex = _key("activations", "ru")
    # a label in the statement and one in the table's first row: the page each lands on, as LaTeX wrote it
    tex = tex.replace(r"\section*{Задача 1}", r"\section*{Задача 1}\label{statement}", 1)
    tex = tex.replace("\nтождественная & ", "\n\\label{table}тождественная & ", 1)
    source = tmp_path / "key.tex"
    source.write_text(tex, encoding="utf-8")
    compiled = pdflatex(source)
    aux = source.with_suffix(".aux").read_text(encoding="utf-8")
    pages = dict(re.findall(r"\\newlabel\{(statement|table)\}\{\{[^{}]*\}\{(\d+)\}", aux))
    assert pages == {"statement": "1", "table": "1"}, pages
    assert compiled.pdf.exists()


def test_a_step_in_matrices_is_displayed_with_its_rule():
    tex = _key("matrix")
    # ∂f/∂a = a with its fractions full size (a display), the rule in brackets at its right, its formula as in words
    # (after the formula, not a column of its own: steps joined in one align* would share its width, a long
    # rule of one row widening every row past the margin, as the Russian matrix key did by 69 pt)
    # the rule is applied in the problem's own letters, ∂(½‖a‖²)/∂a, and said in words (no c or R of its own)
    assert (r"\frac{\partial f}{\partial a} &= \frac{\partial \left(\frac{1}{2} \left\|a\right\|^{2}\right)}{\partial a} = a \\*"
            "\n" r"&\quad \text{(the gradient of half a squared norm is what stands under the norm)}") in tex
    assert r"{\leftskip=1.5em \noindent $\frac{\partial f}{\partial a} = a$" not in tex        # no longer a line of text
    # the text format keeps its one line, ½ as (1/2)
    text = render(solve(problem_set("matrix")[1][0]), "text", detail="brief")
    assert "   ∂f/∂a = ∂((1/2)·‖a‖^2)/∂a = a — the gradient of half a squared norm is what stands under the norm\n" in text


def test_a_brief_matrix_training_key_leaves_the_given_numbers_to_the_statement():
    brief, full = _key("tanh-221-step"), render(solve(problem_set("tanh-221-step")[1][0]), "latex", detail="full")
    given = r"W_{1} &= \left(\begin{matrix}0.1 & 0.2\\-0.3 & 0.4\end{matrix}\right)"
    assert given in full and given not in brief                  # the statement's W₁, restated only in a full key
    # every asked step is still there: the forward pass, L, each gradient, each parameter after the step, L after it
    for row in (r"z_{1} &= W_{1} x + b_{1} = ", r"h &= \tanh {z_{1}} = ", r"o &= W_{2} h + b_{2}", r"L &= \frac{1}{2}",
                r"\delta_{2} &= o - y", r"\frac{\partial L}{\partial W_{2}} &= \delta_{2} h^{T}",
                r"\frac{\partial L}{\partial b_{2}} &= \delta_{2}", r"\delta_{1} &= ",
                r"\frac{\partial L}{\partial W_{1}} &= \delta_{1} x^{T}", r"\frac{\partial L}{\partial b_{1}} &= \delta_{1}",
                r"W_{1}^{+} &= ", r"b_{1}^{+} &= ", r"W_{2}^{+} &= ", r"b_{2}^{+} &= ", r"L^{+} &= "):
        assert row in brief, row


def test_the_russian_matrix_key_keeps_its_rules_inside_the_margin(tmp_path):
    need("pdflatex")
    # consecutive steps share one align*: a rule in a column of its own widened every row, 69 pt past the margin
    source = tmp_path / "key.tex"
    source.write_text(_key("matrix", "ru"), encoding="utf-8")
    compiled = pdflatex(source)
    assert compiled.pdf.exists() and max(compiled.overfull, default=0) <= 20
