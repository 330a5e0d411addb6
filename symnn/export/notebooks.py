"""Jupyter notebooks of a problem set (nbformat): a worksheet whose answer cells call the
checker, and an answer key with every derivation and the answers typed in.

Imported only when a notebook is written (nbformat is the ``notebook`` extra).
"""

from __future__ import annotations

import re

import sympy as sp

from ..answers.check import BadReference, read_reference
from ..answers.read import read_answer
from ..calculus.parse import ParseError
from ..lang import phrase
from ..render import render
from ..render.math import latex_math, text_math

# SymPy's own spelling of a function (Abs, Max, Heaviside) or of a power: not what a student types
_SYMPY_SPELLING = re.compile(r"\b[A-Z][a-z]+\(|\*\*")


def setup_cell(lang: str) -> str:
    """The first code cell: load the checker, and show every result in the notebook's language."""
    shown = "" if lang == "en" else f"\nsymnn.set_lang({lang!r})"
    return f"import symnn{shown}\nfrom symnn import check_bank_answer as check"


def _nbformat():
    try:
        import nbformat
    except ImportError:
        raise ImportError("notebooks need nbformat: pip install 'symnn[notebook]'") from None
    return nbformat


def typed_answer(solution, lang: str = "en") -> str | None:
    """The answer as a student would type it, or None when it is not typed at all
    (a whole table of formulas, the statement that an identity holds, or a formula that
    keeps the derivative of an unknown function, such as ∂L/∂w in l2-reg)."""
    answer = solution.answer
    value = answer[0] if isinstance(answer, tuple) and len(answer) == 1 else \
        sp.Tuple(*answer) if isinstance(answer, tuple) else answer       # one value is typed alone, not (σ(9),)
    try:
        read_reference(answer)
        text = text_math(value, lang)
        if _SYMPY_SPELLING.search(text):     # (Abs(x) + 1)^(-2): the LaTeX a student would type instead
            text = latex_math(value, lang)
        typed = read_answer(text)
    except (BadReference, ParseError, ValueError):
        return None
    return None if typed.restates else text


def _answer_cell(problem, answer: str, lang: str) -> str:
    """An empty answer is a raw string for the student to type LaTeX into; a given one is its repr.
    A student's variant is checked as that variant."""
    extra = ("" if problem.variant is None else f", variant={problem.variant}") + ("" if lang == "en" else f", lang={lang!r}")
    value = _literal(answer) if answer else 'r""'
    return f"answer = {value}\ncheck({problem.id!r}, answer{extra})"


def _literal(text: str) -> str:
    """``text`` as a Python string literal, raw when it holds LaTeX's backslashes."""
    if "\\" in text and '"' not in text and not text.endswith("\\"):
        return f'r"{text}"'
    return repr(text)


def _notebook(cells, lang: str) -> str:
    nbformat = _nbformat()
    book = nbformat.v4.new_notebook(cells=cells)
    book.metadata.update({"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
                          "language_info": {"name": "python"}, "symnn": {"lang": lang}})
    nbformat.validate(book)
    return nbformat.writes(book)


def worksheet_notebook(problems, solutions, lang: str, title: str, student: str | None = None,
                       course: str | None = None) -> str:
    """A header cell as on the printed worksheet (the course, the title, ``student``'s name or a line for it,
    a line for the date), statement cells headed and worded as on it (with the form of the answer), and,
    for each problem with a typed answer, a cell that checks the student's."""
    from .worksheets import _statement, heading, markdown_header
    v4 = _nbformat().v4
    head = f"{phrase(lang, 'sheet.worksheet')}: {title}"
    top = f"{markdown_header(lang, head, student, course)}\n{phrase(lang, 'sheet.setup')} {phrase(lang, 'sheet.check')}"
    cells = [v4.new_markdown_cell(top), v4.new_code_cell(setup_cell(lang))]
    for number, (problem, solution) in enumerate(zip(problems, solutions), 1):
        cells.append(v4.new_markdown_cell(f"## {heading(number, problem, lang)}\n\n{_statement(problem, lang, solution)}"))
        if typed_answer(solution, lang) is not None:
            cells.append(v4.new_code_cell(_answer_cell(problem, "", lang)))
    return _notebook(cells, lang)


def answer_key_notebook(problems, solutions, lang: str, title: str) -> str:
    """Every derivation as Markdown, and the typed answer checked, so the key shows the checker agreeing."""
    v4 = _nbformat().v4
    cells = [v4.new_markdown_cell(f"# {phrase(lang, 'sheet.key')}: {title}"), v4.new_code_cell(setup_cell(lang))]
    for problem, solution in zip(problems, solutions):
        cells.append(v4.new_markdown_cell(render(solution, "md", lang=lang)))
        typed = typed_answer(solution, lang)
        if typed is not None:
            cells.append(v4.new_code_cell(_answer_cell(problem, typed, lang)))
    return _notebook(cells, lang)
