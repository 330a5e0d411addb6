"""Worksheets and answer keys: a set of bank problems (a topic, or ids) written as one file each.

A worksheet holds the statements only, with room to answer; the answer key holds every
full derivation. Formats: ``tex`` (and ``pdf`` through pdflatex), ``md``, ``html`` and
``ipynb`` (``notebooks``).

>>> name, problems = problem_set("4.5,4.6")
>>> name, [p.id for p in problems]
('4.5-4.6', ['4.5', '4.6'])
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from ..grading.files import write_atomically
from ..lang import phrase
from ..problems.bank import BankError, Problem, get_problem, load_bank
from ..problems.solve import solve
from ..render import render
from ..render.html import HtmlPrinter
from .documents import html_page, latex_document

FORMATS = ("tex", "pdf", "md", "html", "ipynb")
MAX_PROBLEMS = 100


def problem_set(spec: str, bank=None) -> tuple[str, list[Problem]]:
    """``spec`` is a topic (a bank file, e.g. ``gradients``) or ids separated by commas:
    the set's name (for file names) and its problems, in the bank's order or as listed."""
    problems = load_bank(bank)
    by_topic = [p for p in problems.values() if p.topic == spec.strip()]
    if by_topic:
        return spec.strip(), by_topic
    ids = [part.strip() for part in spec.split(",") if part.strip()]
    if not ids:
        raise BankError("--set names a topic or problem ids, e.g. gradients or 4.3,4.4")
    if len(ids) > MAX_PROBLEMS:
        raise BankError(f"a set holds at most {MAX_PROBLEMS} problems, got {len(ids)}")
    chosen = [get_problem(pid, bank) for pid in dict.fromkeys(ids)]
    name = "-".join(ids) if len(ids) <= 3 else f"{ids[0]}-and-{len(ids) - 1}-more"
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in name), chosen


def set_title(name: str, problems: list[Problem], lang: str) -> str:
    titles = {p.topic_title.get(lang) or p.topic for p in problems}
    return titles.pop() if len(titles) == 1 else ", ".join(p.id for p in problems)


def _heading(problem: Problem, lang: str) -> str:
    return f"{phrase(lang, 'problem')} {problem.id}"


def _statement(problem: Problem, lang: str) -> str:
    """The statement, and the form its answer takes where the problem declares one."""
    form = problem.answer_form(lang)
    return problem.text(lang) + (" " + phrase(lang, "sheet.answer.form", form=form) if form else "")


def worksheet(problems: list[Problem], format: str, lang: str, title: str) -> str:
    """The statements, each under its heading, with room for the answer."""
    head = f"{phrase(lang, 'sheet.worksheet')}: {title}"
    if format == "tex":
        body = "\n\n".join(rf"\section*{{{_heading(p, lang)}}}" "\n" + _statement(p, lang) + "\n\n"
                           rf"\noindent {phrase(lang, 'sheet.answer.here')}\par\vspace{{5em}}" for p in problems)
        return latex_document(body, head, lang)
    if format == "md":
        return f"# {head}\n\n" + "\n".join(f"## {_heading(p, lang)}\n\n{_statement(p, lang)}\n\n"
                                             f"{phrase(lang, 'sheet.answer.here')}\n\n" for p in problems)
    if format == "html":
        printer = HtmlPrinter(lang=lang)
        body = "\n".join(f"<h2>{_heading(p, lang)}</h2>\n<p>{printer.rich_text(_statement(p, lang))}</p>\n"
                         f'<p class="answer">{phrase(lang, "sheet.answer.here")}</p>' for p in problems)
        return html_page(body, head, lang)
    raise ValueError(f"a worksheet is {', '.join(FORMATS)}, not {format!r}")


def answer_key(solutions: list, format: str, lang: str, title: str) -> str:
    """Every solution in full, each under its problem's heading."""
    head = f"{phrase(lang, 'sheet.key')}: {title}"
    printer = {"tex": "latex", "md": "md", "html": "html"}.get(format)
    if printer is None:
        raise ValueError(f"an answer key is {', '.join(FORMATS)}, not {format!r}")
    parts = [render(s, printer, lang=lang) for s in solutions]
    if format == "tex":
        return latex_document("\n\n\\bigskip\n".join(parts), head, lang)
    if format == "md":
        return f"# {head}\n\n" + "\n\n---\n\n".join(parts)
    return html_page("\n<hr>\n".join(parts), head, lang)


def export_set(spec: str, format: str, out, lang: str = "en", bank=None, students=None, seed: int = 0) -> list[Path]:
    """Write the worksheet and the answer key of ``spec`` into the folder ``out``; the paths written.
    With ``students`` (their ids), one worksheet and key each, every problem that has variants in
    the student's own variant (the same as ``symnn variants`` gives them for ``seed``)."""
    if format not in FORMATS:
        raise ValueError(f"unknown export format {format!r}; use one of {', '.join(FORMATS)}")
    if format == "pdf":
        from .pdf import require_pdflatex
        require_pdflatex()                 # before any work, so a missing TeX costs nothing
    name, problems = problem_set(spec, bank)
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    suffix = "" if lang == "en" else f"-{lang}"
    if not students:
        return _write_set(name, problems, folder, format, lang, suffix)
    from ..problems.variants import assign
    own = {p.id: dict(assign(p, students, seed)) for p in problems if p.variants}
    written = []
    for student in students:
        tag = "-" + "".join(c if c.isalnum() or c in "-_." else "_" for c in student)[:60]
        chosen = [own[p.id][student] if p.id in own else p for p in problems]
        written += _write_set(name, chosen, folder, format, lang, tag + suffix)
    return written


def _write_set(name: str, problems: list[Problem], folder: Path, format: str, lang: str, suffix: str) -> list[Path]:
    solutions = [solve(p) for p in problems]
    title = set_title(name, problems, lang)
    if format == "ipynb":
        from .notebooks import answer_key_notebook, worksheet_notebook
        texts = {"worksheet": worksheet_notebook(problems, solutions, lang, title),
                 "key": answer_key_notebook(problems, solutions, lang, title)}
    else:
        source = "tex" if format == "pdf" else format
        texts = {"worksheet": worksheet(problems, source, lang, title),
                 "key": answer_key(solutions, source, lang, title)}
    if format == "pdf":
        return [_compiled(folder / f"{name}-{kind}{suffix}.pdf", text) for kind, text in texts.items()]
    written = []
    for kind, text in texts.items():
        path = folder / f"{name}-{kind}{suffix}.{format}"
        write_atomically(path, text)
        written.append(path)
    return written


def _compiled(pdf: Path, tex: str) -> Path:
    """``tex`` compiled by pdflatex in a scratch folder; only the PDF is kept, at ``pdf``."""
    from .pdf import pdflatex
    with tempfile.TemporaryDirectory() as scratch:
        source = Path(scratch) / pdf.with_suffix(".tex").name
        source.write_text(tex, encoding="utf-8")
        os.replace(pdflatex(source).pdf, pdf)
    return pdf
