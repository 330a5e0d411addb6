"""Where a printed key's pages break, as a teacher reads them: no page ends with a problem's heading or the bold
heading of its work, no table leaves one row (or its header) alone on either side of a break, the two halves
of a table split by its columns stay together, and a picture's labels are readable. Read from the PDF: marks
that write their page into the aux file when the page is shipped out (where pdflatex is installed)."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from symnn.export.documents import latex_document
from symnn.export.page_breaks import answers_kept, rows_kept, tables_kept
from symnn.export.pdf import pdflatex
from symnn.export.worksheets import LEAST_LABEL_PT, Options, answer_key, key_pictures, problem_set
from symnn.problems.solve import solve
from symnn.render.latex_tables import TABLE_START

from .tools import need

_MARK = r"\write\csname @auxout\endcsname{\csname @percentchar\endcsname mark{%s}{\thepage}}"
_PARAGRAPH = re.compile(r"(\{(?:\\raggedright |\\leftskip=[\d.]+em )*\\noindent (?:\\interlinepenalty=10000 )?)")
_BOLD = re.compile(r"\{(?:\\raggedright )?\\noindent \\textbf\{(.*)\}\\par\}")


def _bold(line: str) -> bool:
    """A paragraph all in bold: its \\textbf's brace closes at the paragraph's end, not after a bold word."""
    match, depth = _BOLD.fullmatch(line), 0
    for char in match.group(1) if match else "}":
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth < 0:
            return False
    return True


def _key(spec: str, lang: str) -> str:
    _, problems = problem_set(spec)
    return answer_key([solve(p) for p in problems], "tex", lang, "t", Options(detail="brief"))


def _next(lines: list[str], k: int) -> tuple[int, bool]:
    """The first line after ``k`` that shows something: a paragraph's first line (past kept breaks and conditional
    ones), or a table's header row; and whether it is a row."""
    for j in range(k + 1, len(lines)):
        if _PARAGRAPH.match(lines[j]):
            return j, False
        if lines[j].startswith("\\medskip{\\centering"):
            return j + 3, True                   # the table's group, its \begin, its rule, its header
        if "\\LTpre" in lines[j]:
            return j + 6, True                   # a longtable's first row (its header is set again on each page)
    raise AssertionError(f"nothing after line {k}")


def _marked(tex: str) -> tuple[str, list[list[str]], list[list[str]]]:
    """``tex`` with marks, and the marks that must share a page (a heading and the first line under it; a bold
    heading of the work and what follows it; the last row of a table's first half and the first of its second
    half; a longtable's introducing line and its first row), and each longtable's rows' marks in order."""
    lines, together, tables = tex.split("\n"), [], []

    def mark(k: int, name: str, at: re.Pattern = _PARAGRAPH) -> str:
        lines[k] = at.sub(lambda m: m.group(1) + _MARK % name, lines[k], count=1)
        return name

    row = re.compile(r"^()(?=.* \\\\\*?$)")

    def mark_next(k: int, name: str) -> str:
        j, is_row = _next(lines, k)
        return mark(j, name, row if is_row else _PARAGRAPH)

    for k, line in enumerate(list(lines)):
        if line.startswith("\\section*{"):
            lines[k] = line.replace("}", _MARK % f"h{k}" + "}", 1)
            together.append([f"h{k}", mark_next(k, f"h{k}s")])
        elif _bold(line):
            together.append([mark(k, f"b{k}"), mark_next(k, f"b{k}s")])
        elif line == "\\endhead":
            end = next(j for j in range(k, len(lines)) if lines[j].startswith("\\end{longtable}}"))
            tables.append([mark(j, f"r{j}", row) for j in range(k + 1, end) if row.match(lines[j])])
            start = max(j for j in range(k) if "\\LTpre" in lines[j])
            if lines[start - 1] == "\\nopagebreak" and _PARAGRAPH.match(lines[start - 2]):      # its introducing line
                together.append([mark(start - 2, f"l{k}"), tables[-1][0]])
        elif line.startswith("\\end{tabular}\\par}") and k + 1 < len(lines) and lines[k + 1].startswith("\\medskip{"):
            # the last row of the first half (above its rule), the first of the second (under its header)
            together.append([mark(k - 2, f"t{k}", row), mark(k + 6, f"t{k}s", row)])
    return "\n".join(lines), together, tables


def _pages(tex: str, tmp_path) -> dict[str, int]:
    source = tmp_path / "key.tex"
    source.write_text(tex, encoding="utf-8")
    pdflatex(source)
    return {name: int(page) for name, page in re.findall(r"%mark\{(\w+)\}\{(\d+)\}", source.with_suffix(".aux").read_text())}


@pytest.mark.parametrize("topic, lang", [
    ("graphs", "en"),         # problem 6's backward table left its first row alone at the foot of page 4
    ("activations", "ru"),    # problem 7's backward table, split by its columns, had its second half on the next page
    ("losses", "ru"),         # problem 12's heading of its work ("staged program at") ended a page
    ("textbook", "en"),
    ("training", "ru"),
])
def test_no_heading_ends_a_page_and_no_table_leaves_a_row_alone(topic, lang, tmp_path):
    need("pdflatex")
    marked, together, tables = _marked(_key(topic, lang))
    pages = _pages(marked, tmp_path)
    assert together and all(name in pages for group in together for name in group), (together, pages)
    assert [group for group in together if len({pages[name] for name in group}) > 1] == []
    for rows in tables:
        count = Counter(pages[name] for name in rows)
        # a table on one page, or at least two of its rows on every page it is on
        assert len(count) == 1 or min(count.values()) >= 2, count


def test_a_longtable_binds_its_first_two_rows_and_its_last_two():
    # a break leaves two rows on either side: none after the first row nor before the last; none after the last
    # either, which would leave the closing rule alone at the top of a page
    assert rows_kept(["a \\\\", "b \\\\", "c \\\\", "d \\\\", "e \\\\"]) == ["a \\\\*", "b \\\\", "c \\\\", "d \\\\*", "e \\\\*"]
    assert rows_kept(["a \\\\", "b \\\\"]) == ["a \\\\*", "b \\\\*"]          # two rows: never parted
    assert rows_kept(["a \\\\"]) == ["a \\\\*"]                              # one row: with its rule


def test_the_halves_of_a_split_table_are_kept_together():
    half = ["\\medskip{\\centering", "\\begin{tabular}{ll}", "\\hline", "x & y \\\\", "\\hline", "1 & 2 \\\\", "\\hline",
            "\\end{tabular}\\par}\\medskip"]
    kept = tables_kept([*half, *half, "{\\noindent Then\\par}"])
    assert kept[7] == "\\end{tabular}\\par}\\nopagebreak\\medskip"       # the first half never ends a page
    assert kept[15] == "\\end{tabular}\\par}\\medskip"                    # the second may, before the text after it


def test_a_bold_heading_of_the_work_is_kept_with_what_follows():
    body = "{\\noindent \\textbf{Staged program at $x = 1$}\\par}\n{\\noindent Forward pass:\\par}\n{\\noindent \\textbf{Answer:} $1$\\par}"
    kept = answers_kept(body, "Answer").split("\n")
    # kept with what follows, and the last line of the work with the answer; never a break kept after the answer's bold word
    assert kept[1] == "\\nopagebreak" and kept[3] == "\\nopagebreak" and kept.count("\\nopagebreak") == 2 and len(kept) == 5


def test_a_key_s_picture_has_readable_labels_and_fits_the_text(tmp_path):
    need("pdflatex"), need("dot")
    pytest.importorskip("graphviz")
    from symnn.export.pictures.graphs import LABEL_PT
    solutions = [solve(p) for p in problem_set("graphs")[1]]
    files = key_pictures(solutions, "en", tmp_path, "key", "pdf")
    tex = answer_key(solutions, "tex", "en", "t", Options(detail="brief"), files)
    # the picture as placed (box 2) against its natural size (box 0), written to the log
    tex = re.sub(r"\\begin\{center\}\n(\\includegraphics\[[^]]*\]\{[^}]*\})\n\\end\{center\}",
                 lambda m: "\\setbox2=\\hbox{" + m.group(1) + "}"
                 "\\typeout{picture:\\the\\wd2:\\the\\ht2:\\the\\ht0:\\the\\linewidth}\\begin{center}\\box2\\end{center}", tex)
    source = tmp_path / "key.tex"
    source.write_text(tex, encoding="utf-8")
    pdflatex(source)
    placed = re.findall(r"picture:([\d.]+)pt:([\d.]+)pt:([\d.]+)pt:([\d.]+)pt", source.with_suffix(".log").read_text())
    assert len(placed) == len(files) >= 2
    for width, height, natural, line in (map(float, sizes) for sizes in placed):
        assert width <= line + 0.01                                     # never wider than the text
        # the labels are LABEL_PT at the natural size: scaled, at least LEAST_LABEL_PT (where the text's width allows)
        assert LABEL_PT * height / natural >= LEAST_LABEL_PT - 0.01 or width >= line - 0.01, (width, height, natural)


def test_wherever_a_page_ends_a_longtable_keeps_two_rows_on_either_side_its_header_and_its_line_above(tmp_path):
    need("pdflatex")
    # one page per case: a page's worth of lines less k, then "Backward pass:", a table of 18 rows (a longtable) and
    # the answer, so that the page ends at every place in and around the table in turn
    rows = "\n".join(f"{k} & $x_{{{k}}}$ \\\\" for k in range(18))
    table = TABLE_START + "\n\\begin{tabular}{ll}\n\\hline\nk & x \\\\\n\\hline\n" + rows + "\n\\hline\n\\end{tabular}\\par}\\medskip"
    cases = ["\\clearpage\n" + "\n".join(f"{{\\noindent Line {j}\\par}}" for j in range(lines))
             + "\n{\\noindent Backward pass:\\par}\n\\nopagebreak\n" + table + "\n{\\noindent \\textbf{Answer:} $1$\\par}"
             for lines in range(26, 52)]
    marked, together, tables = _marked(latex_document("\n".join(cases), "t"))
    # the header's line, written on every page longtable sets it on
    lines = marked.split("\n")
    heads = [k for k, line in enumerate(lines) if line == "\\endhead"]
    for k in heads:
        lines[k - 2] = _MARK % f"H{k}" + lines[k - 2]
    pages = _pages("\n".join(lines), tmp_path)
    headers: dict = {}
    for name, page in re.findall(r"%mark\{(H\d+)\}\{(\d+)\}", (tmp_path / "key.aux").read_text()):
        headers.setdefault(name, set()).add(int(page))
    assert len(tables) == len(cases) == len(heads) and len(together) == len(cases)     # each table with its line above
    assert [group for group in together if len({pages[name] for name in group}) > 1] == []
    counts = [Counter(pages[name] for name in table) for table in tables]
    assert sum(len(count) > 1 for count in counts) >= 5                            # several are broken, and those
    assert [count for count in counts if min(count.values()) < 2] == []            # leave no row alone
    # every page a table's rows are on has its header (a break TeX went back to after the table would lose it)
    assert [k for k, count in zip(heads, counts) if set(count) - headers[f"H{k}"]] == []


@pytest.mark.parametrize("problem, lang", [
    ("likelihood-nll", "ru"),    # a statement, the bold heading of the work, two labelled tables, the answer
    ("program-sigmoid-neuron", "ru"),
    ("tanh-chain", "ru"),        # its backward table split in two by its columns
])
def test_wherever_a_page_ends_a_problem_s_heading_and_its_work_s_heading_go_on_with_what_they_head(problem, lang, tmp_path):
    need("pdflatex")
    # the same problem on a page of its own again and again, each time a line lower, so that the page ends
    # everywhere in it; no page ends with its heading, the bold heading of its work, or one half of a table
    tex = answer_key([solve(problem)], "tex", lang, "t", Options(detail="brief"))
    body = tex.split("\\maketitle\n")[1].split("\\end{document}")[0]
    tex = tex.replace(body, "".join("\\clearpage\n" + "\n".join(f"{{\\noindent Line {j}\\par}}" for j in range(lines)) + body
                                    for lines in range(12, 52)))
    marked, together, _ = _marked(tex)
    pages = _pages(marked, tmp_path)
    assert len(together) >= 2 * len(range(12, 52))
    assert [group for group in together if len({pages[name] for name in group}) > 1] == []


def test_a_note_right_after_an_answer_never_opens_a_page_without_it():
    body = ("{\\noindent So $x = 1$\\par}\n{\\noindent \\textbf{Answer:} $1$\\par}\n{\\noindent \\textbf{Note.} A remark.\\par}\n"
            "{\\noindent \\textbf{Note.} Not after an answer.\\par}")
    kept = answers_kept(body, "Answer", "Note").split("\n")
    assert kept[kept.index("{\\noindent \\textbf{Note.} A remark.\\par}") - 1] == "\\nopagebreak"
    assert kept[kept.index("{\\noindent \\textbf{Note.} Not after an answer.\\par}") - 1] != "\\nopagebreak"
    assert "\\nopagebreak" not in answers_kept(body, "Answer")                     # no note phrase given: none
    # a closing line that is no note (the graphs key: "Here H is the Heaviside step") is kept with the answer too
    closing = answers_kept(body.replace("\\textbf{Note.} A remark.", "Here $H$ is the Heaviside step."), "Answer", "Note")
    assert "$1$\\par}\n\\nopagebreak\n{\\noindent Here $H$" in closing


def test_a_display_that_introduces_a_table_goes_on_with_it():
    # networks problem 4: "В точке (x1; ...) = (...)" as a display's rows, then the table of its values
    table = [TABLE_START, "\\begin{tabular}{ll}", "\\hline", "x & y \\\\", "\\hline", "1 & 2 \\\\", "\\hline",
             "\\end{tabular}\\par}\\medskip"]
    lines = ["{\\noindent \\textbf{Backward pass:} at", "\\begin{align*}", "\\text{At}\\quad &(x; y) \\\\*", "&= (1; 2).",
             "\\end{align*}\\par}", *table]
    kept = tables_kept(lines)
    # no break after the display (amsmath's after its last row, \postdisplaypenalty after it), nor in its last two rows
    assert kept[1:6] == ["{\\postdisplaypenalty=10000", "\\begin{align*}", "\\text{At}\\quad &(x; y) \\\\*",
                         "&= (1; 2). \\interdisplaylinepenalty=10000", "\\end{align*}}\\par}"]


def test_a_short_tail_after_a_longtable_takes_the_table_s_last_rows_along():
    # graphs: "A variable used by several nodes collects…" and a display of one row, then the answer, after a longtable
    rows = "\n".join(f"{k} & $x_{{{k}}}$ \\\\" for k in range(20))
    body = ("{\\setlength{\\LTpre}{\\medskipamount}\\setlength{\\LTpost}{\\medskipamount}\n\\begin{longtable}{ll}\n\\hline\n"
            "k & x \\\\\n\\hline\n\\endhead\n" + rows + "\n\\hline\n\\end{longtable}}\n{\\noindent A sum:\n\\begin{align*}\n"
            "x &= 1 + 2 = 3\n\\end{align*}\\par}\n{\\noindent \\textbf{Answer:} $3$\\par}")
    kept = answers_kept(body, "Answer").split("\n")
    assert kept[0].startswith("{\\symnnkept ")                        # no break after the table's last rule nor its close
    assert "18 & $x_{18}$ \\\\*" in kept and "19 & $x_{19}$ \\\\*" in kept
    # the room of the label, its display and the answer taken inside the table and given back after it
    room = next(line for line in kept if line.startswith("\\noalign{\\penalty10000\\vskip"))
    assert float(room[len("\\noalign{\\penalty10000\\vskip"):-len("pt}")]) > 2 * 13.6
    # a display of two rows or more is the tail itself: the table before its label is free
    two = body.replace("x &= 1 + 2 = 3", "x &= 1 + 2 \\\\\n&= 3")
    assert not answers_kept(two, "Answer").startswith("{\\symnnkept ")


_ROOM = (r"\par\penalty10000\immediate\write\csname @auxout\endcsname"
         r"{\csname @percentchar\endcsname room{%s}{\the\dimexpr\pagegoal-\pagetotal\relax}}")


@pytest.mark.parametrize("problem, most", [
    # the heading, the statement, the Jacobian's line, the first step's label, its row and its hint: about 8 lines
    # (its display of six rows, kept whole before, went to the next page with 14 lines of room)
    ("softmax-jacobian", 9),
    # the heading, a statement of three lines, a heading of the work of two, two rows with fractions: about 12
    # (its ten rows, kept whole before, left a third of the page empty)
    ("linreg-fit", 13),
])
def test_a_page_ends_before_a_problem_only_when_the_part_that_cannot_break_does_not_fit(problem, most, tmp_path):
    need("pdflatex")
    # the problem after a page's worth of lines less k, k in turn; the room left after those lines read from TeX
    tex = answer_key([solve(problem)], "tex", "en", "t", Options(detail="brief"))
    body = tex.split("\\maketitle\n")[1].split("\\end{document}")[0]
    heading = "\\section*{Problem 1}"
    cases = ["\\clearpage\n" + "\n".join(f"{{\\noindent Line {j}\\par}}" for j in range(lines - 1))
             + "\n{\\noindent " + _MARK % f"f{lines}" + "Last line\\par}\n" + _ROOM % lines + "\n"
             + body.replace(heading, heading[:-1] + _MARK % f"h{lines}" + "}", 1) for lines in range(12, 52)]
    source = tmp_path / "key.tex"
    source.write_text(tex.replace(body, "".join(cases)), encoding="utf-8")
    pdflatex(source)
    aux = source.with_suffix(".aux").read_text()
    pages = dict(re.findall(r"%mark\{(\w+)\}\{(\d+)\}", aux))
    rooms = {int(k): float(pt) / 13.6 for k, pt in re.findall(r"%room\{(\d+)\}\{(-?[\d.]+)pt\}", aux)}
    moved = [k for k in range(12, 52) if pages[f"h{k}"] != pages[f"f{k}"]]
    assert moved and [(k, round(rooms[k], 1)) for k in moved if rooms[k] >= most] == []
