"""Every object a user gets back displays itself in a notebook: HTML with MathML, Markdown with
$…$ and LaTeX, through the printers (and pictures as PNG and SVG); a real kernel shows it."""

from __future__ import annotations

import pytest

import symnn
import symnn.render  # noqa: F401  registers the printers, as `import symnn` does in a notebook
from symnn.calculus import display
from symnn.problems.bank import load_bank
from symnn.problems.solve import solve


def _results():
    from symnn.nn.backprop import backprop
    from symnn.nn.network import Network
    from symnn.nn.reverse import reverse_gradient
    network = Network([2, 2, 1], "sigmoid", "mse", "same")
    yield symnn.diff_steps("x*sin(x)", "x")
    yield symnn.gradient_steps("x*y + y*z^2", "x, y, z", at=[1, 2, 0])
    yield symnn.value_at(symnn.diff_steps("x^3", "x"), "x=2")
    yield backprop(network, "w1", "x1=-2,x2=-1,y=1", weights="1", biases="0")
    yield reverse_gradient(network)
    yield symnn.one_step("adam", "(x^2 + y^2)/2", "xy", (1, 2))
    yield symnn.train("xor", epochs=5, progress=False)
    yield symnn.check_answer("2*x", "2x")
    for pid in load_bank():       # every solution, and what it is made of (graph tables, the activation table, ...)
        solution = solve(pid)
        yield solution
        yield solution.work


@pytest.mark.parametrize("result", list(_results()), ids=lambda r: type(r).__name__)
def test_each_result_has_every_rich_display(result):
    html, markdown, latex = result._repr_html_(), result._repr_markdown_(), result._repr_latex_()
    assert html.startswith('<div class="symnn">') and "\\(" not in html and "\\frac" not in html
    assert markdown.strip() and latex.strip()


def test_without_the_printers_the_plain_repr_is_used(monkeypatch):
    monkeypatch.setattr(display, "_printer", None)
    assert symnn.diff_steps("x^2", "x")._repr_html_() is None


def test_a_kernel_shows_a_derivation_as_mathml():
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    book = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("import symnn\nsymnn.diff_steps('x*exp(-x)', 'x')")])
    nbclient.NotebookClient(book, timeout=120, kernel_name="python3").execute()
    data = book.cells[0].outputs[0]["data"]
    assert "<math" in data["text/html"] and "$" in data["text/markdown"] and "text/latex" in data
