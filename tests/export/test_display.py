"""Every object a user gets back displays itself in a notebook: HTML with MathML, Markdown with
$…$ and LaTeX, through the printers (and pictures as PNG and SVG); a real kernel shows it, in
the language set for the notebook or the one a result was made with."""

from __future__ import annotations

import pytest

import symnn
import symnn.render  # noqa: F401  registers the printers, as `import symnn` does in a notebook
from symnn.calculus import display
from symnn.problems.bank import load_bank
from symnn.problems.solve import solve
from symnn.render import render


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


@pytest.fixture
def session_language():
    """Each test that sets the notebook's language leaves it English, as a new session starts."""
    yield symnn.set_lang
    symnn.set_lang("en")


@pytest.mark.parametrize("result", list(_results())[:8], ids=lambda r: type(r).__name__)
def test_every_display_is_in_the_language_set_for_the_notebook(result, session_language):
    session_language("ru")
    shown = (result._repr_html_(), result._repr_markdown_(), result._repr_latex_())
    assert shown == tuple(render(result, format, lang="ru") for format in ("html", "md", "latex"))
    session_language("en")
    assert result._repr_markdown_() == render(result, "md", lang="en")


def test_a_result_made_with_a_language_keeps_it(session_language):
    russian = symnn.solve("4.3", lang="ru")          # was a TypeError
    assert russian._repr_markdown_().startswith("**Задача 4.3.**")
    assert "Задача 4.3." in russian._repr_html_() and "Задача 4.3." in russian._repr_latex_()
    session_language("ru")
    english = symnn.diff_steps("x^2", "x", lang="en")
    assert english._repr_markdown_() == render(english, "md", lang="en") != render(english, "md", lang="ru")
    assert symnn.solve("4.3").answer == russian.answer      # the language changes the display only


def test_each_function_that_returns_a_result_takes_lang():
    made = [symnn.diff_steps("x^3", "x", lang="ru"), symnn.gradient_steps("x*y", "x, y", at=[1, 2], lang="ru"),
            symnn.value_at(symnn.diff_steps("x^3", "x"), "x=2", lang="ru"),
            symnn.one_step("momentum", "(x^2 + y^2)/2", "xy", (1, 2), lang="ru"),
            *symnn.descent("momentum", "(x^2 + y^2)/2", "xy", (1, 2), 2, lang="ru"),
            symnn.check_answer("2*x", "2x", lang="ru"), symnn.check_bank_answer("4.5", "(1, 2)", lang="ru")]
    for result in made:
        assert result._repr_markdown_() == render(result, "md", lang="ru"), type(result).__name__


def test_the_checker_speaks_the_notebook_language(session_language):
    assert symnn.check_answer("2*x", "2x").feedback[0] == "Correct."
    session_language("ru")
    verdict = symnn.check_answer("2*x", "3x")
    assert verdict.feedback[0] == "Неверно."
    assert "Прочитано как: $3 x$" in verdict._repr_markdown_()
    assert symnn.check_answer("2*x", "2x", lang="en").feedback[0] == "Correct."


def test_an_unknown_language_is_refused_by_name():
    with pytest.raises(ValueError, match="unknown language 'de'; use one of en, ru"):
        symnn.set_lang("de")
    with pytest.raises(ValueError, match="unknown language 'de'"):
        symnn.solve("4.5", lang="de")
