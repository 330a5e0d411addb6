"""Where a printed key's pages break, read from the PDF: every piece of a key marked with a line that
writes its page into the aux file when the page is shipped out (where pdflatex is installed; CI installs
it). An answer goes to the next page with at least the last two rows of its work; an answer and a statement
are never broken across two pages."""

from __future__ import annotations

import re

import pytest

from symnn.export.page_breaks import TAIL, answers_kept
from symnn.export.pdf import pdflatex
from symnn.export.worksheets import Options, answer_key, problem_set
from symnn.lang import phrase
from symnn.problems.solve import solve

from .tools import need

_MARK = r"\write\csname @auxout\endcsname{\csname @percentchar\endcsname mark{%s}{\thepage}}"
# a line that shows nothing of the work: a display's frame, its group, a rule, a kept break
# (a mark there, in vertical mode, would itself allow a break after it)
_FRAME = re.compile(r"\\begin\{align\*\}|\\end\{align\*\}.*|\{\\postdisplaypenalty=10000|\\hline|\\noalign\{.*\}|"
                    r"\\nopagebreak|\\par\\penalty10000.*|\\end\{longtable\}\}|\\end\{tabular\}.*")
_ROW_END = re.compile(r"( \\\\\*?(?:\[[^]]*\])?)?( \\interdisplaylinepenalty=10000)?$")


def _key(spec: str, lang: str) -> str:
    _, problems = problem_set(spec)
    return answer_key([solve(p) for p in problems], "tex", lang, "t", Options(detail="brief"))


def _marked(tex: str, lang: str) -> tuple[str, list[list[str]]]:
    """``tex`` with a mark on each answer's first and last line, on the last ``TAIL`` rows of the work before
    it (a display's, a table's or a paragraph's), and on each statement's first and last line and the first line
    of its solution; and the
    names of the marks that must share a page, group by group."""
    answer = re.compile(r"\{(?:\\raggedright |\\leftskip=[\d.]+em )*\\noindent (\\interlinepenalty=10000 )?"
                        r"\\textbf\{%s:\}" % re.escape(phrase(lang, "answer")))
    lines, groups = tex.split("\n"), []
    for k, line in enumerate(list(lines)):
        name = f"m{k}"
        statement = k > 0 and lines[k - 1].split("\n")[-1].startswith("\\section*{") and line.endswith("\\par}")
        if not (answer.match(line) or statement):
            continue
        lines[k] = re.sub(r"(\\noindent (?:\\interlinepenalty=10000 )?(?:\\textbf\{[^{}]*\})?)",
                          lambda m: m.group(1) + _MARK % f"{name}a", line, count=1)
        lines[k] = lines[k][:-len("\\par}")] + _MARK % f"{name}b" + "\\par}"
        group = [f"{name}a", f"{name}b"]
        first = k + 2 + lines[k + 2].startswith("\\par\\penalty10000")     # past a conditional page break
        if statement and lines[k + 1] == "\\nopagebreak" and "\\noindent " in lines[first]:
            # the first line of the solution, kept with the statement
            lines[first] = lines[first].replace("\\noindent ", "\\noindent " + _MARK % f"{name}s", 1)
            group.append(f"{name}s")
        row, rows = k - 1, 0
        while not statement and rows < TAIL and row > 0:
            text = lines[row].split("\n")[-1]
            if text.startswith("{") and "\\noindent" in text and rows:
                break                                   # the label of a display: no row of the work
            if text.startswith("{") and text.endswith("\\par}"):
                lines[row] = lines[row][:-len("\\par}")] + _MARK % f"{name}w{rows}" + "\\par}"
                group.append(f"{name}w{rows}")
                break                                   # a paragraph is the work (its last two lines never part)
            if not _FRAME.fullmatch(text):
                lines[row] = _ROW_END.sub(lambda m: _MARK % f"{name}w{rows}" + (m.group(1) or "") + (m.group(2) or ""),
                                          lines[row], count=1)
                group.append(f"{name}w{rows}")
                rows += 1
                if "\\begin{tabular}" in "\n".join(lines[row - 8:row]) and "\\end{tabular}" in lines[row + 2]:
                    break                               # a tabular is one box: its last row is enough
            row -= 1
        groups.append(group)
    return "\n".join(lines), groups


def _apart(tex: str, lang: str, tmp_path) -> list[dict]:
    """The groups of marks (an answer with its work's last rows; a statement) that landed on two pages."""
    marked, groups = _marked(tex, lang)
    source = tmp_path / "key.tex"
    source.write_text(marked, encoding="utf-8")
    pdflatex(source)
    pages = dict(re.findall(r"%mark\{(\w+)\}\{(\d+)\}", source.with_suffix(".aux").read_text(encoding="utf-8")))
    assert len(groups) > 5 and all(name in pages for group in groups for name in group), (groups, pages)
    return [{name: pages[name] for name in group} for group in groups if len({pages[name] for name in group}) > 1]


@pytest.mark.parametrize("topic, lang", [
    # the hinge loss's answer after its table, and the sharpening kernel's after its display, opened a page alone
    ("linear", "en"),
    ("losses", "en"),         # cs231n-svm: the last row of its display and its answer were alone on page 6
    ("activations", "ru"),    # the answer after the activations' longtable went on over two pages
    ("textbook", "ru"),       # mazur-221-shared-biases: its statement was broken across pages 7 and 8
])
def test_an_answer_takes_the_end_of_its_work_along_and_nothing_is_broken(topic, lang, tmp_path):
    need("pdflatex")
    assert _apart(_key(topic, lang), lang, tmp_path) == []


def test_the_last_rows_of_a_chain_go_with_its_answer():
    # a display of three rows, then one of a row (the mean), then the answer
    body = ("{\\noindent So\n\\begin{align*}\na &= 1 \\\\\n&= 2 \\\\\n&= 3\n\\end{align*}\n"
            "{\\postdisplaypenalty=10000\n\\begin{align*}\nL &= 3\n\\end{align*}}\n{\\noindent \\textbf{Answer:} $3$\\par}")
    kept = answers_kept(body, "Answer").split("\n")
    # the mean's row and the row before it never part: no break after either display's last row (amsmath puts
    # one after the last row even under \postdisplaypenalty), nor between the two displays; the earlier rows may
    assert kept[kept.index("&= 3 \\interdisplaylinepenalty=10000") - 2:] == [
        "a &= 1 \\\\", "&= 2 \\\\", "&= 3 \\interdisplaylinepenalty=10000", "\\end{align*}}", "{\\postdisplaypenalty=10000",
        "\\begin{align*}", "L &= 3 \\interdisplaylinepenalty=10000", "\\end{align*}}",
        "{\\noindent \\interlinepenalty=10000 \\textbf{Answer:} $3$\\par}"]
    assert kept[kept.index("a &= 1 \\\\") - 2] == "{\\postdisplaypenalty=10000"
    # a chain of three rows before the answer: its last two rows are bound, the first is free
    one = answers_kept(body.replace("\\end{align*}\n{\\postdisplaypenalty=10000\n\\begin{align*}\nL &= 3\n", ""), "Answer")
    assert "a &= 1 \\\\\n&= 2 \\\\*\n&= 3 \\interdisplaylinepenalty=10000\n\\end{align*}}" in one


def test_a_longtable_before_an_answer_keeps_its_last_rows_and_no_break_after_it():
    rows = "\n".join(f"{k} & $x_{{{k}}}$ \\\\" for k in range(20))
    body = ("{\\setlength{\\LTpre}{\\medskipamount}\\setlength{\\LTpost}{\\medskipamount}\n\\begin{longtable}{ll}\n\\hline\n"
            "k & x \\\\\n\\hline\n\\endhead\n" + rows + "\n\\hline\n\\end{longtable}}\n{\\noindent \\textbf{Answer:} $1$\\par}")
    kept = answers_kept(body, "Answer").split("\n")
    # longtable allows a break after a rule and after its close: \symnnkept forbids both (the preamble defines it)
    assert kept[0].startswith("{\\symnnkept \\setlength{\\LTpre}")
    # and the answer's room (two lines of 13.6 pt: its line and the skip) is taken inside the table and given back
    # after it, so that the page is found too short while longtable can still end it, its header set again
    assert kept[-6:-1] == ["18 & $x_{18}$ \\\\*", "19 & $x_{19}$ \\\\*", "\\hline", "\\noalign{\\penalty10000\\vskip27.2pt}",
                           "\\end{longtable}}\\nobreak\\vskip-27.2pt"]
