r"""Standalone documents: a LaTeX file that ``pdflatex`` compiles as written, and an HTML page
that needs nothing (no JavaScript, no network; MathML laid out by the browser).

>>> from symnn import diff_steps
>>> tex = standalone(diff_steps("x^2", "x"), "latex", lang="ru")
>>> tex.startswith(r"\documentclass") and r"\usepackage[english,russian]{babel}" in tex
True
"""

from __future__ import annotations

import html
import math
import re

from ..lang import phrase
from ..render import render
from ..render.latex import ESCAPES
from ..render.latex_setup import spelled
from ..render.latex_tables import TABLE_START, cell_width
from .page_breaks import answers_kept, rows_kept

# Cyrillic fonts in either language: a student's name or a Russian word may appear in an English sheet
LATEX_PREAMBLE = r"""\documentclass[11pt,a4paper]{article}
\usepackage[T2A]{fontenc}
\usepackage[utf8]{inputenc}
\usepackage[%(babel)s]{babel}
\usepackage{amsmath,amssymb}
\usepackage{graphicx}
\usepackage{longtable}
\usepackage{etoolbox}
\usepackage[%(geometry)s]{geometry}
%% a longtable allows a page break after itself and after a rule; where its answer follows it, \symnnkept in
%% its group forbids both (the rule's break is -\@lowpenalty)
\newcount\symnnkeep
\makeatletter
\patchcmd{\endlongtable}{\endgraf\penalty\z@}{\endgraf\penalty\symnnkeep}{}{}
\newcommand{\symnnkept}{\symnnkeep=10000 \@lowpenalty=-10000 }
\makeatother
\allowdisplaybreaks
\tolerance=2000
\clubpenalty=10000
\widowpenalty=10000
\displaywidowpenalty=10000
\setlength{\emergencystretch}{3em}
\setlength{\parskip}{0.4ex}
%% a formula in a sentence never breaks after its = (no "n =" or "L =" left at a line's end)
\relpenalty=10000
%% a display as close to its text as a line of a derivation is (the article's 11 pt skips are set anew
%% by every \normalsize)
\makeatletter
\g@addto@macro\normalsize{\setlength{\abovedisplayskip}{4pt plus 2pt minus 1pt}%%
  \setlength{\belowdisplayskip}{4pt plus 2pt minus 1pt}}
\makeatother
%% a problem's heading as a book's exercise heading: a size under the article's section, less room around it
\makeatletter
\renewcommand\section{\@startsection{section}{1}{\z@}{-2.5ex \@plus -1ex \@minus -.2ex}{1.2ex \@plus .2ex}%%
  {\normalfont\large\bfseries}}
\makeatother
\title{%(title)s}
\date{}
"""

PAGE_STYLE = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; line-height: 1.5;
       max-width: 48rem; margin: 0 auto; padding: 1rem; color: #1b1b1b; background: #fff; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.2rem; margin-top: 2rem; }
math { font-size: 1.1em; }
math[display="block"] { margin: 0.4em 0; }
.step { margin-top: 0.3em; overflow-x: auto; overflow-y: hidden; }
.table { overflow-x: auto; }
table { border-collapse: collapse; margin: 0.5em 0; }
th, td { border-bottom: 1px solid #ccc; padding: 0.2em 0.6em; text-align: left; }
code { font-size: 0.95em; }
@media print { body { max-width: none; padding: 0; } .step, .table { overflow: visible; } table { font-size: 0.85em; } }
"""

# a worksheet's header: the course over the title, then the name and the date, each on a line to write on
SHEET_STYLE = """
header.sheet { margin-bottom: 1.5rem; }
header.sheet .course { font-weight: 600; margin: 0; }
header.sheet h1 { margin: 0.2rem 0 1.2rem; }
.fields { display: flex; flex-wrap: wrap; gap: 0.8rem 2.5rem; margin: 0; }
.field { display: flex; flex: 3 1 18em; align-items: flex-end; gap: 0.5em; white-space: nowrap; }
.field.date { flex: 1 1 9em; }
.blank { flex: 1; height: 1.6em; line-height: 1.6em; padding: 0 0.3em; border-bottom: 1px solid currentColor; }
.room .line { display: flex; flex-wrap: wrap; align-items: flex-end; gap: 0.5em; margin: 0.7em 0; }
.room .blank { min-width: 8em; }
.room .grid td { border: none; padding: 0.3em 0.6em; } .room .grid .blank { display: inline-block; width: 5em; min-width: 0; }
.room .box { border: 1px solid currentColor; height: 16em; margin: 0.4em 0 1em; }
"""


def plain_latex(text: str) -> str:
    """Plain text (a title, a student's name) as LaTeX that prints it as written."""
    return spelled("".join(ESCAPES.get(char, char) for char in text))


_LABEL_THEN_DISPLAY = re.compile(r"(\{(?:\\raggedright |\\leftskip=[\d.]+em )*\\noindent [^\n]*)\\par\}\n\\nopagebreak\n"
                                 r"((?:\{\\postdisplaypenalty=10000\n)?\\begin\{align\*\}\n.*?\n\\end\{align\*\}\}?)\n", re.S)


def displays_in_paragraphs(body: str) -> str:
    r"""``body`` with each display that a line introduces set in that line's paragraph, as a display is set in
    a book, not as a paragraph of its own (which would begin with an empty line above the display).

    >>> print(displays_in_paragraphs("{\\noindent At\\par}\n\\nopagebreak\n\\begin{align*}\nx &= 1\n\\end{align*}\nNext"))
    {\noindent At
    \begin{align*}
    x &= 1
    \end{align*}\par}
    Next
    >>> print(displays_in_paragraphs("\\begin{align*}\nx &= 1\n\\end{align*}\n{\\noindent ), so\\par}"))
    \begin{align*}
    x &= 1),
    \end{align*}
    {\noindent so\par}
    """
    body = _LABEL_THEN_DISPLAY.sub(lambda match: match.group(1) + "\n" + match.group(2) + "\\par}\n", body)
    return _EMPTY.sub("", _PUNCTUATION_AFTER.sub(lambda match: match.group(2) + "\n" + match.group(1), body))


# the punctuation that goes on after a display (a ")" closing a bracket the sentence opened before it, a comma, a
# full stop) is set at the end of the display's last row, never at the start of a line of its own
_PUNCTUATION_AFTER = re.compile(r"\n(\\end\{align\*\}(?:\\par)?\}?\n\{(?:\\raggedright |\\leftskip=[\d.]+em )*\\noindent )([).,;:]+) *")
# a display closed in a group of its own (``{\postdisplaypenalty=10000`` … ``\end{align*}}``): the end of its line
# is a space the group's brace lets through (``\end{align*}`` alone ignores it), set at the start of the line after
_GROUP_AFTER_DISPLAY = re.compile(r"(\\end\{align\*\}\}+)\n")


def no_space_after_displays(body: str) -> str:
    r"""``body`` with no space at the start of the line after a display closed in a group: the next line (an
    answer) starts at the margin, as one after a bare display does.

    >>> print(no_space_after_displays("\\end{align*}}\n{\\noindent \\textbf{Answer:} $2$\\par}"))
    \end{align*}}%
    {\noindent \textbf{Answer:} $2$\par}
    """
    return _GROUP_AFTER_DISPLAY.sub(r"\1%\n", body)


_EMPTY = re.compile(r"\n\{(?:\\raggedright |\\leftskip=[\d.]+em )*\\noindent \\par\}")


# a table taller than this many lines of its type is a longtable, which breaks across pages: one that cannot
# break would go whole to the next page, leaving most of this one empty
LONG_LINES = 16
_TABLE = re.compile(re.escape(TABLE_START) + r"([^\n]*)\n\\begin\{tabular\}(\{l+\})\n\\hline\n(.*?)\n\\hline\n"
                    r"(.*?)\n\\hline\n\\end\{tabular\}\\par\}\\medskip", re.S)
_BOX = re.compile(r"\\parbox\[t\]\{([\d.]+)\\linewidth\}\{(.*?)\}(?= &| \\\\$)")
# characters of a table's type a line holds (A4 less 2 cm margins; at \footnotesize, about 1.2 times those at 11 pt)
LINE_CHARACTERS = 72 * 11 / 9


def table_height(rows: list[str]) -> float:
    """About how many lines of its type the rows of a tabular take: a row of cases two, a wrapped cell as many as
    its box wraps it into."""
    lines = 0.0
    for row in rows:
        wrapped = [cell_width(text) / max(float(share) * LINE_CHARACTERS, 1.0) for share, text in _BOX.findall(row)]
        lines += max([2.0 if r"\begin{cases}" in row else 1.0, *(math.ceil(n) for n in wrapped)])
    return lines


def long_tables(body: str, most: float = LONG_LINES) -> str:
    r"""``body`` with each table taller than ``most`` lines set as a ``longtable`` that may break across pages,
    its header repeated on each, never one of its rows alone on a page (``rows_kept``); a shorter one stays a
    tabular, never broken.

    >>> rows = "\n".join(f"{k} & $x_{{{k}}}$ \\\\" for k in range(20))
    >>> table = long_tables(TABLE_START + "\n\\begin{tabular}{ll}\n\\hline\nk & x \\\\\n\\hline\n" + rows
    ...                     + "\n\\hline\n\\end{tabular}\\par}\\medskip")
    >>> print("\n".join(table.split("\n")[:7]))
    {\setlength{\LTpre}{\medskipamount}\setlength{\LTpost}{\medskipamount}
    \begin{longtable}{ll}
    \hline
    k & x \\
    \hline
    \endhead
    0 & $x_{0}$ \\*
    """
    def long(match: re.Match) -> str:
        setup, columns, header, rows = match.groups()
        if table_height(rows.split("\n")) <= most:
            return match.group(0)
        return ("{" + setup + r"\setlength{\LTpre}{\medskipamount}\setlength{\LTpost}{\medskipamount}" "\n"
                r"\begin{longtable}" + columns + "\n\\hline\n" + header + "\n\\hline\n\\endhead\n"
                + "\n".join(rows_kept(rows.split("\n")))
                + "\n\\hline\n\\end{longtable}}")
    return _TABLE.sub(long, body)


def latex_document(body: str, title: str, lang: str = "en", width: str | None = None, above: str = "") -> str:
    """``body`` (LaTeX) as a whole document with a title, in ``lang`` (English or Russian), its text
    ``width`` wide (a TeX length; default: A4 with 2 cm margins); ``above``: LaTeX set above the title, in it."""
    other = "russian" if lang == "en" else "english"
    babel = f"{other},{'russian' if lang == 'ru' else 'english'}"   # the last one is the document's language
    geometry = "margin=2cm" if width is None else f"textwidth={width},vmargin=2cm"
    preamble = LATEX_PREAMBLE % {"babel": babel, "geometry": geometry, "title": above + plain_latex(title)}
    body = answers_kept(displays_in_paragraphs(long_tables(body.strip())), phrase(lang, "answer"), phrase(lang, "note"))
    return preamble + "\\begin{document}\n\\maketitle\n\n" + spelled(no_space_after_displays(body)) + "\n\n\\end{document}\n"


def html_page(body: str, title: str, lang: str = "en", above: str = "", under: str = "") -> str:
    """``body`` (HTML) as a self-contained page: no scripts, no links out, readable on a phone and printable;
    ``above`` and ``under``: HTML set above and under the title, in the page's header (a worksheet's course,
    and the lines for the name and the date)."""
    top = f"<h1>{html.escape(title)}</h1>\n"
    if above or under:
        top = f'<header class="sheet">\n{above}{top}{under}</header>\n'
    return (f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{html.escape(title)}</title>\n<style>{PAGE_STYLE}{SHEET_STYLE if above or under else ''}</style>\n"
            f"</head>\n<body>\n{top}{body.strip()}\n</body>\n</html>\n")


def title_of(obj, lang: str) -> str:
    """A document's title: the problem (by the course's number, never an internal id) and its topic for
    a bank solution, else what the object is."""
    from ..render.solutions import COURSE_NUMBER
    problem = getattr(obj, "problem", None)
    if problem is not None:
        topic = problem.topic_title.get(lang) or problem.topic
        numbered = COURSE_NUMBER.match(str(problem.id))
        return f"{phrase(lang, 'problem')} {problem.id}: {topic}" if numbered else topic
    return phrase(lang, "document.title")


def standalone(obj, format: str = "latex", lang: str = "en", detail: str = "full", title: str | None = None,
               **settings) -> str:
    """``obj`` (a Solution, Step, Gradient, ...) as a whole document: ``latex`` or ``html``; ``settings``
    go to the printer (``decimals``; ``width``, a TeX length, sets a LaTeX document's text width too)."""
    if format == "latex":
        body = render(obj, format, lang=lang, detail=detail, **settings)
        return latex_document(body, title or title_of(obj, lang), lang, settings.get("width"))
    if format == "html":
        return html_page(render(obj, format, lang=lang, detail=detail, **settings), title or title_of(obj, lang), lang)
    raise ValueError(f"a standalone document is latex or html, not {format!r}")
