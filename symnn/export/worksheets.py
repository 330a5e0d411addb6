"""Worksheets and answer keys: a set of bank problems (a topic, or ids) written as one file each.

A worksheet holds the statements only, each with the form its answer takes and room shaped
like that answer (``answer_forms``), under a header with the course, the student's name and
the date; the answer key holds every derivation, in ``Options.detail``. Formats: ``tex`` (and
``pdf`` through pdflatex), ``md``, ``html``, ``ipynb`` (``notebooks``) and ``beamer`` slides.

>>> name, problems = problem_set("4.5,4.6")
>>> name, [p.id for p in problems]
('4.5-4.6', ['4.5', '4.6'])
"""

from __future__ import annotations

import html
import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..grading.files import write_atomically
from ..lang import phrase
from ..problems.bank import BankError, Problem, get_problem, load_bank
from ..problems.solve import solve
from ..render import render
from ..render.html import HtmlPrinter
from ..render.latex import LatexPrinter, pi_typeset
from ..render.markdown import MarkdownPrinter
from ..render.solutions import definitions
from .answer_forms import AnswerForm, form_of, latex_space, precision, what
from .documents import html_page, latex_document, plain_latex
from .html_rooms import html_room
from .key_figures import LEAST_LABEL_PT, MOST_LABEL_PT, key_pictures, room_for  # noqa: F401
from .key_figures import drawn as _drawn
from .page_breaks import paragraph_lines
from .repeats import shown_once

FORMATS = ("tex", "pdf", "md", "html", "ipynb", "beamer")
MAX_PROBLEMS = 100
# a Russian statement written with the infinitive (as seed 000 does) says it as the other statements do
_IMPERATIVE = {"Найти": "Найдите", "Вычислить": "Вычислите", "Доказать": "Докажите", "Показать": "Покажите"}
_FIRST_WORD = re.compile(r"^(\w+)")
_NUMBERED = re.compile(r"\d+(\.\d+)*")


@dataclass(frozen=True)
class Options:
    """How a set is written: ``detail`` (full or brief) and ``decimals`` go to the printers; ``width``
    (a TeX length) is the text width LaTeX is set in; ``course`` heads a worksheet."""

    detail: str = "full"
    decimals: int | None = None
    width: str | None = None
    course: str | None = None

    def printer(self) -> dict:
        return {"detail": self.detail, "decimals": self.decimals}


def problem_set(spec: str, bank=None) -> tuple[str, list[Problem]]:
    """``spec`` is a topic (a bank file, e.g. ``gradients``) or topics and ids separated by commas
    (``losses,gradients`` or ``4.3,4.4``): the set's name (for file names) and its problems, a topic's
    in the bank's order, the rest as listed."""
    problems = load_bank(bank)
    topics = {p.topic for p in problems.values()}
    if spec.strip() in topics:
        return spec.strip(), [p for p in problems.values() if p.topic == spec.strip()]
    parts = [part.strip() for part in spec.split(",") if part.strip()]
    if not parts:
        raise BankError("--set names a topic or problem ids, e.g. gradients or 4.3,4.4")
    # a topic among the parts stands for its problems (a part that is an id is that problem)
    ids = [pid for part in parts for pid in ([part] if part in problems or part not in topics else
                                              [q.id for q in problems.values() if q.topic == part])]
    if len(ids) > MAX_PROBLEMS:
        raise BankError(f"a set holds at most {MAX_PROBLEMS} problems, got {len(ids)}")
    chosen = [get_problem(pid, bank) for pid in dict.fromkeys(ids)]
    named = parts if any(part in topics and part not in problems for part in parts) else ids   # by its topics
    name = "-".join(named) if len(named) <= 3 else f"{named[0]}-and-{len(named) - 1}-more"
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in name), chosen


def set_title(name: str, problems: list[Problem], lang: str) -> str:
    """The topics of the set's problems, each once, in their order: never a problem's id (a slug)."""
    titles = dict.fromkeys(p.topic_title.get(lang) or p.topic for p in problems)
    return "; ".join(titles)


def heading(number: int, problem: Problem, lang: str) -> str:
    """One problem's heading by itself: its course number, else its place; ``headings`` decides for a
    whole sheet, so that the two ways are never mixed on one."""
    return f"{phrase(lang, 'problem')} {problem.id if _NUMBERED.fullmatch(problem.id) else number}"


def numbers(problems: list[Problem]) -> list[str]:
    """4.3, 4.4 where the course numbers every problem of the set so; else 1, 2, ... by place (never a slug,
    never the two ways mixed on one sheet)."""
    numbered = all(_NUMBERED.fullmatch(p.id) for p in problems)
    return [p.id if numbered else str(k) for k, p in enumerate(problems, 1)]


def headings(problems: list[Problem], lang: str) -> list[str]:
    """"Problem 4.3", "Problem 4.4", or "Problem 1", "Problem 2", ... (``numbers``)."""
    return [f"{phrase(lang, 'problem')} {number}" for number in numbers(problems)]


def _text(problem: Problem, lang: str) -> str:
    """The statement, its pi typeset as the constant; in Russian, with the imperative every other
    statement of a sheet uses."""
    text = pi_typeset(problem.text(lang))
    if lang == "ru":
        text = _FIRST_WORD.sub(lambda match: _IMPERATIVE.get(match.group(1), match.group(1)), text, count=1)
    return text


def _statement(problem: Problem, lang: str, solution=None) -> str:
    """The statement, and the form its answer takes: as the problem declares it, else as its answer is; not said
    again where the statement has just said it ("… write it as a formula in $F$." needs no "The answer is a
    formula in $F$.")."""
    text, form = _text(problem, lang), problem.answer_form(lang)
    if form:
        sentence = phrase(lang, "sheet.answer.form", form=form)
        more = precision(form_of(solution, lang), lang) if solution is not None else ""
    elif solution is not None:
        shape = form_of(solution, lang)
        sentence, more = what(shape, lang), precision(shape, lang)
    else:
        return text
    return " ".join(filter(None, (text, "" if _said_in(text, sentence) else sentence, more)))


_THROUGH = re.compile(r"\b(?:through|in terms of|через) (\$[^$]+\$)")
_FORMULA_IN = re.compile(r"^(?:a formula in|формула от) (\$[^$]+\$)")


def _said_in(text: str, sentence: str) -> bool:
    """Whether ``text`` already says what ``sentence`` ("The answer is X.", «Ответ — X.») says: it ends with X, or
    it asks for the answer through the name the formula is in ("write it through $f$": a formula in $f$ and $α$)."""
    said = re.split(r" is | — ", sentence.rstrip("."), maxsplit=1)
    if len(said) != 2:
        return False
    formula = _FORMULA_IN.match(said[1])
    return text.rstrip().rstrip(".").lower().endswith(said[1].lower()) or \
        formula is not None and formula[1] in _THROUGH.findall(text)


def latex_course(lang: str, course: str | None) -> str:
    """The line above a worksheet's title: the course."""
    return rf"{{\normalsize\textbf{{{plain_latex(course or phrase(lang, 'sheet.course'))}}}}}\\[1.5ex]"


def latex_header(lang: str, student: str | None) -> str:
    """The line under a worksheet's title: the student's name (or a line for it) and a line for the date."""
    name = plain_latex(student) if student else r"\rule{0.45\linewidth}{0.4pt}"
    return rf"\noindent {phrase(lang, 'sheet.name')}: {name}\hfill {phrase(lang, 'sheet.date')}: \rule{{0.2\linewidth}}{{0.4pt}}\par\bigskip"


def markdown_header(lang: str, head: str, student: str | None, course: str | None) -> str:
    """The top of a Markdown worksheet (and of a notebook's): the course in bold over the title, then the
    student's name (or a line for it) and a line for the date, as CommonMark reads them."""
    escape = MarkdownPrinter().escape
    name = escape(student) if student else "_" * 30
    return (f"**{escape(course or phrase(lang, 'sheet.course'))}**\n\n# {head}\n\n"
            f"**{phrase(lang, 'sheet.name')}:** {name} **{phrase(lang, 'sheet.date')}:** {'_' * 15}\n")


def html_header(lang: str, student: str | None, course: str | None) -> tuple[str, str]:
    """What an HTML worksheet sets above its title (the course) and under it (the student's name, or a
    blank line for it, and a blank line for the date)."""
    above = f'<p class="course">{html.escape(course or phrase(lang, "sheet.course"))}</p>\n'
    fields = ((phrase(lang, "sheet.name"), "name", student or ""), (phrase(lang, "sheet.date"), "date", ""))
    under = "".join(f'<span class="field {kind}">{html.escape(label)}: <span class="blank">{html.escape(value)}</span></span>'
                    for label, kind, value in fields)
    return above, f'<p class="fields">{under}</p>\n'


def _latex_problem(heading: str, problem: Problem, solution, lang: str) -> str:
    room = latex_space(form_of(solution, lang), lang) if solution is not None else \
        rf"\noindent {phrase(lang, 'sheet.answer.here')}\par\vspace{{5em}}"
    statement = LatexPrinter(lang=lang).rich_text(_statement(problem, lang, solution))
    # a problem is one block, so that its room never goes to the next page without it
    return (r"\noindent\begin{minipage}{\linewidth}" "\n" rf"\section*{{{heading}}}" "\n"
            + statement + "\n\n\\medskip\n" + room + "\n\\end{minipage}\n\\bigskip")


def worksheet(problems: list[Problem], format: str, lang: str, title: str, solutions=None,
              student: str | None = None, options: Options = Options()) -> str:
    """The statements, each under its heading, with the form of its answer and room for it (the
    room shaped like the answer where ``solutions`` are given); ``student``: whose sheet it is."""
    head = f"{phrase(lang, 'sheet.worksheet')}: {title}"
    solved = solutions or [None] * len(problems)
    if format == "tex":
        body = "\n\n".join(_latex_problem(h, p, s, lang) for h, p, s in zip(headings(problems, lang), problems, solved))
        return latex_document(latex_header(lang, student) + "\n\n" + body, head, lang, options.width,
                              above=latex_course(lang, options.course))
    if format == "md":
        return markdown_header(lang, head, student, options.course) + "\n" + "\n".join(
            f"## {h}\n\n{_statement(p, lang, s)}\n\n{phrase(lang, 'sheet.answer.here')}\n\n"
            for h, p, s in zip(headings(problems, lang), problems, solved))
    if format == "html":
        printer = HtmlPrinter(lang=lang)
        body = "\n".join(f"<h2>{h}</h2>\n<p>{printer.rich_text(_statement(p, lang, s))}</p>\n"
                         + html_room(form_of(s, lang) if s is not None else AnswerForm("formula"), lang)      # a line to write on
                         for h, p, s in zip(headings(problems, lang), problems, solved))
        return html_page(body, head, lang, *html_header(lang, student, options.course))
    raise ValueError(f"a worksheet is {', '.join(FORMATS)}, not {format!r}")


def answer_key(solutions: list, format: str, lang: str, title: str, options: Options = Options(),
               pictures: dict | None = None) -> str:
    """Every solution, each under its problem's heading, in ``options.detail``; ``pictures``: the file of
    the picture a solution draws (``key_pictures``), by problem id, shown after its solution."""
    head = f"{phrase(lang, 'sheet.key')}: {title}"
    printer = {"tex": "latex", "md": "md", "html": "html"}.get(format)
    if printer is None:
        raise ValueError(f"an answer key is {', '.join(FORMATS)}, not {format!r}")
    settings = {**options.printer(), **({"width": options.width} if format == "tex" else {})}
    labels = headings([s.problem for s in solutions], lang)      # a key's problem is found by its sheet's number
    parts, defined, files = [], (), [(pictures or {}).get(s.problem.id) for s in solutions]
    for s, label, file in zip(solutions, labels, files):        # a sign (H, δ_ij) is defined once, under its first use
        parts.append(render(s, printer, lang=lang, label="" if format == "tex" else label, defined=defined, **settings)
                     + ("" if format == "tex" else _drawn(file, format, lang)))
        defined += definitions(s, lang)
    if options.detail == "brief":          # a table an earlier problem set: where it is, not again
        parts = shown_once(parts, numbers([s.problem for s in solutions]), format, lang)
    if format == "tex":
        # a statement never ends a page without the first lines of its solution
        # a picture under the statement, at the head of the work it draws, never leaving them at a page's foot
        titled = ((room_for(file, paragraph_lines(part)) if file else "") + rf"\section*{{{h}}}" "\n"
                  + _kept_with_statement(part, _drawn(file, format, lang)) for h, part, file in zip(labels, parts, files))
        return latex_document("\n\n".join(titled), head, lang, options.width)
    if format == "md":
        return f"# {head}\n\n" + "\n\n---\n\n".join(parts)
    return html_page("\n<hr>\n".join(parts), head, lang)


def _kept_with_statement(part: str, picture: str = "") -> str:
    """A solution's LaTeX with no page break after its first paragraph (the statement), and ``picture`` under it."""
    end = part.find("\\par}\n") + len("\\par}\n")
    if end < len("\\par}\n"):
        return part + picture
    kept = "" if part.startswith("\\nopagebreak", end) else "\\nopagebreak\n"
    return part[:end] + kept + (picture.lstrip("\n") + "\n" if picture else "") + part[end:]


def export_set(spec: str, format: str, out, lang: str = "en", bank=None, students=None, seed: int = 0,
               options: Options = Options()) -> list[Path]:
    """Write the worksheet and the answer key of ``spec`` into the folder ``out`` (``beamer``: the
    slides); the paths written. With ``students`` (their ids), one worksheet and key each, headed
    with the student's name, every problem that has variants in the student's own variant (the
    same as ``symnn variants`` gives them for ``seed``)."""
    if format not in FORMATS:
        raise ValueError(f"unknown export format {format!r}; use one of {', '.join(FORMATS)}")
    if format == "beamer" and students:
        raise ValueError("slides are for a lecture: --students goes with a worksheet format, not beamer")
    if format == "pdf":
        from .pdf import require_pdflatex
        require_pdflatex()                 # before any work, so a missing TeX costs nothing
    name, problems = problem_set(spec, bank)
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    suffix = "" if lang == "en" else f"-{lang}"
    if not students:
        return _write_set(name, problems, folder, format, lang, suffix, None, options)
    from ..problems.variants import assign
    own = {p.id: dict(assign(p, students, seed)) for p in problems if p.variants}
    written = []
    for student in students:
        tag = "-" + "".join(c if c.isalnum() or c in "-_." else "_" for c in student)[:60]
        chosen = [own[p.id][student] if p.id in own else p for p in problems]
        written += _write_set(name, chosen, folder, format, lang, tag + suffix, student, options)
    return written


def _write_set(name: str, problems: list[Problem], folder: Path, format: str, lang: str, suffix: str,
               student: str | None, options: Options) -> list[Path]:
    solutions = [solve(p) for p in problems]
    title = set_title(name, problems, lang)
    pictures: list[Path] = []             # the pictures a key shows, written beside it
    if format == "beamer":
        return _write_slides(name, solutions, folder, lang, suffix, title, options)
    elif format == "ipynb":
        from .notebooks import answer_key_notebook, worksheet_notebook
        texts = {"worksheet": worksheet_notebook(problems, solutions, lang, title, student, options.course),
                 "key": answer_key_notebook(problems, solutions, lang, title)}
    else:
        source = "tex" if format == "pdf" else format
        key_title = title if student is None else f"{title} ({student})"
        drawn = folder if format != "pdf" else Path(tempfile.mkdtemp())      # a PDF key takes its pictures in
        files = key_pictures(solutions, lang, drawn, f"{name}-key{suffix}", {"md": "png", "html": "svg"}.get(source, "pdf"),
                             options.decimals)
        texts = {"worksheet": worksheet(problems, source, lang, title, solutions, student, options),
                 "key": answer_key(solutions, source, lang, key_title, options, files)}
        if format != "pdf":
            pictures = [folder / file for file in files.values()]
    if format == "pdf":
        try:
            return [_compiled(folder / f"{name}-{kind}{suffix}.pdf", text, [drawn / f for f in files.values()])
                    for kind, text in texts.items()]
        finally:
            shutil.rmtree(drawn, ignore_errors=True)
    written = []
    for kind, text in texts.items():
        path = folder / f"{name}-{kind}{suffix}.{format}"
        write_atomically(path, text)
        written.append(path)
    return written + pictures


def _write_slides(name: str, solutions: list, folder: Path, lang: str, suffix: str, title: str,
                  options: Options) -> list[Path]:
    """The slides' LaTeX and, beside it, the picture of each problem that has one (PDF, included by name)."""
    from .beamer import pictures, slides
    files = {}
    for pid, drawn in pictures(solutions, lang, options.decimals).items():
        safe = "".join(c if c.isalnum() or c == "-" else "_" for c in pid)
        if isinstance(drawn, list):         # a picture in parts, one a frame: numbered files
            files[pid] = [part.save(folder / f"{name}-slides{suffix}-{safe}-{k}.pdf").name for k, part in enumerate(drawn, 1)]
        else:
            files[pid] = drawn.save(folder / f"{name}-slides{suffix}-{safe}.pdf").name
    path = folder / f"{name}-slides{suffix}.tex"
    text = slides(solutions, lang, title, options.printer(), files, options.course)
    write_atomically(path, text)
    saved = [folder / file for drawn in files.values() for file in ([drawn] if isinstance(drawn, str) else drawn)]
    written = [path, *saved]
    if shutil.which("pdflatex"):           # the slides ready to show, beside the LaTeX a teacher may edit
        written.append(_compiled(path.with_suffix(".pdf"), text, saved))
    return written


def _compiled(pdf: Path, tex: str, pictures=()) -> Path:
    """``tex`` compiled by pdflatex in a scratch folder with the ``pictures`` it includes; only the PDF
    is kept, at ``pdf``."""
    from .pdf import pdflatex
    with tempfile.TemporaryDirectory() as scratch:
        source = Path(scratch) / pdf.with_suffix(".tex").name
        source.write_text(tex, encoding="utf-8")
        for picture in pictures:
            shutil.copy(picture, scratch)
        os.replace(pdflatex(source).pdf, pdf)
    return pdf
