"""The layout of printed keys, as a teacher reads them page by page: a table stays a table (in smaller
type, split by columns or with wrapped cells before it is ever written row by row), a short chain and
the label before a display never part at a page break, a line never breaks inside a bracket, and a long
row of a tuple is cut into even rows."""

from __future__ import annotations

import re

import pytest

from symnn.export import standalone
from symnn.export.worksheets import Options, answer_key
from symnn.problems.solve import solve
from symnn.render import render
from symnn.render.breaking import kept_brackets, split_long
from symnn.render.latex import LatexPrinter, kept_together
from symnn.render.latex_tables import table_lines

FULL_LINE_PT = 483.7


def _tabular_after(tex: str, header: str) -> str:
    """The column specification of the tabular whose header row is ``header``."""
    return re.search(r"\\begin\{tabular\}\{(l+)\}\n\\hline\n" + re.escape(header) + r" \\\\", tex).group(1)


def test_the_micrograd_backward_pass_is_one_table():
    tex = render(solve("program-micrograd"), "latex", lang="en", detail="brief")
    # (a formula's short bracketed group braced: never broken across lines)
    header = (r"local derivative & formula & value & upstream $\partial g/\partial{(\text{node})}$ & "
              r"contribution to $\partial g/\partial{(\text{input})}$")
    assert _tabular_after(tex, header) == "lllll"
    assert "local derivative:" not in tex and "contribution:" not in tex
    rows = re.search(re.escape(header) + r" \\\\\n\\hline\n(.*?)\\hline", tex, re.S).group(1).strip().split("\n")
    # a row of fractions opens with a strut that keeps them apart from the rows around it
    # (the output's local derivative as the partial of its own formula, g = g⁽¹⁾ + 10/f, set at display size)
    assert len(rows) == 19 and rows[0] == (r"\rule[-2ex]{0pt}{4.6ex}$\dfrac{\partial \left(g^{(1)} + \frac{10}{f}\right)}"
                                           r"{\partial f}$ & $- \frac{10}{f^{2}}$ & $\approx -0.00416$ & $1$ & $\approx -0.00416$ \\")


# a brief key's table too wide for one tabular keeps the numbers put in and the values, not the formulas:
# the deltas then fit at the text's size (mazur-221's, whose formulas sum over two outputs)
@pytest.mark.parametrize("lang, header", [("en", "neuron & with the numbers & value"),
                                          ("ru", "нейрон & подставляем числа & значение")])
def test_the_deltas_of_a_wide_table_are_one_table_of_the_numbers(lang, header):
    tex = render(solve("mazur-221"), "latex", lang=lang, detail="brief")
    assert "\\medskip{\\centering\n\\begin{tabular}{lll}\n\\hline\n" + header + r" \\" in tex


def test_the_delta_rule_deltas_keep_their_formulas():
    # delta-rule's deltas at the course's four places fit with their formulas, in smaller type
    tex = render(solve("delta-rule"), "latex", lang="en", detail="brief")
    assert "\\medskip{\\centering\\footnotesize\n\\begin{tabular}{llll}\n\\hline\nneuron & formula & with the numbers & value \\\\" in tex


def test_a_table_a_little_too_wide_is_set_smaller():
    row = ["$x$", "word " * 20, r"$\frac{1}{2}$"]
    assert table_lines(["a", "b", "c"], [row], FULL_LINE_PT) == [
        r"\medskip{\centering\small", r"\begin{tabular}{lll}", r"\hline",
        r"a & b & c \\", r"\hline", r"\rule[-1.1ex]{0pt}{3.4ex}" + " & ".join(row) + r" \\", r"\hline", r"\end{tabular}\par}\medskip"]


def test_a_table_much_too_wide_is_split_by_columns_each_part_keeping_the_first():
    formula = "$" + "+".join(f"w_{{{k}}} x_{{{k}}}" for k in range(8)) + "$"
    numbers = "$" + "+".join(rf"0.5 \cdot {k}" for k in range(9)) + "$"
    lines = table_lines(["n", "formula", "numbers", "value"], [["$h_1$", formula, numbers, "$0.5$"]], FULL_LINE_PT)
    assert [line for line in lines if line.startswith(("n &", "$h_1$"))] == [
        r"n & formula \\", f"$h_1$ & {formula} " + r"\\", r"n & numbers & value \\", f"$h_1$ & {numbers} & $0.5$ " + r"\\"]
    assert lines.count(r"\begin{tabular}{ll}") == 1 and lines.count(r"\begin{tabular}{lll}") == 1


def test_a_long_cell_wraps_in_a_narrow_column():
    note = "a remark of the course " * 8
    lines = table_lines(["activation", "f", "note"], [["ReLU", "$H(x)$", note]], 300)
    assert lines[0] == r"\medskip{\centering\footnotesize"
    # 300 pt hold 300 / 6.7 = 44.8 characters, 54.7 in \footnotesize (9/11); the other columns take
    # 10 · 0.7 + 2 and 4 + 2, the gap 2: the note has 37.7 characters, 0.689 of the line
    assert lines[5] == r"ReLU & $H(x)$ & \parbox[t]{0.689\linewidth}{\raggedright\strut " + note + r"\strut} \\"


def test_a_table_nothing_fits_is_left_to_the_printer():
    assert table_lines(["a", "b"], [[r"$\frac{" + "x + " * 60 + "y}{2}$", "$1$"]], 300) is None


def test_a_short_chain_and_its_label_are_kept_on_one_page():
    tex = render(solve("linreg-grad"), "latex", lang="en", detail="brief")
    assert (r"{\noindent \textbf{Partial derivative with respect to $w$}\par}" "\n" r"\nopagebreak" "\n"
            r"\begin{align*}" "\n" r"\frac{\partial L}{\partial w} &= 2 x (\hat{y} - y) && "     # through ŷ = wx + b, as stated
            r"\text{(chain rule; power rule)}" "\n" r"\end{align*}") in tex


@pytest.mark.parametrize("rows, bound", [
    (["a &= 1", "&= 2", "&= 3", "&= 4", "&= 5"], [True, False, False, True]),        # two rows at least on either side
    (["a &= 1", "&= 2", "&= 3"], [True, True]),                                      # too short to leave two: whole
    (["a &= 1", "&\\quad \\text{(hint)}", "&= 2", "&\\quad \\text{(hint)}", "&= 3", "&= 4"],
     [True, False, True, False, True]),                                            # a hint stays under its step
    (["a &= 1 + 2", "&\\quad + 3", "&= 6", "b &= 1"], [True, False, True]),          # the rest of a side cut in two
])
def test_a_display_breaks_only_between_its_steps_leaving_two_rows_on_either_side(rows, bound):
    display = "\\begin{align*}\n" + " \\\\\n".join(rows) + "\n\\end{align*}"
    ends = kept_together(display).split("\n")[1:-2]
    assert [line.endswith("\\\\*") for line in ends] == bound


def test_a_run_of_short_lines_is_glued_two_at_a_time():
    lines = "\n".join(r"{\noindent Line %d\par}" % k for k in range(4))
    assert kept_together(lines).split("\n") == [r"{\noindent Line 0\par}", r"\nopagebreak", r"{\noindent Line 1\par}",
                                                r"{\noindent Line 2\par}", r"\nopagebreak", r"{\noindent Line 3\par}"]


def test_a_statement_in_a_key_is_kept_with_its_solution():
    key = answer_key([solve("program-add-mul")], "tex", "en", "t", Options(detail="brief"))
    start = key.index("\\section*{Problem 1}\n{\\raggedright \\noindent \\interlinepenalty=10000 Run the program")
    assert key[key.index("\\par}\n", start):].startswith("\\par}\n\\nopagebreak\n{\\noindent \\textbf{Compute the program")
    assert "\\nopagebreak\n\\nopagebreak" not in answer_key([solve("4.5")], "tex", "en", "t", Options(detail="brief"))


def test_a_document_never_leaves_one_line_of_a_paragraph_alone():
    tex = standalone(solve("4.5"), "latex")
    assert "\\clubpenalty=10000\n\\widowpenalty=10000\n" in tex


def test_a_line_never_breaks_inside_a_bracket():
    assert kept_brackets(r"y = \sigma(b + w_{1} x_{1} + w_{2} x_{2})") == r"y = \sigma{(b + w_{1} x_{1} + w_{2} x_{2})}"
    wide = "(" + " + ".join(f"a_{{{k}}}" for k in range(20)) + ")"
    assert kept_brackets(wide + r" f(x)") == wide + r" f{(x)}"          # a wide group may break, inside it not
    paragraph = LatexPrinter().paragraph(0, r"So $\nabla L = (2 x (w x + b - y), \  2 (w x + b - y))$.")
    assert paragraph == r"{\noindent So $\nabla L = (2 x {(w x + b - y)}, \  2 {(w x + b - y)})$.\par}"


def test_a_tuple_is_cut_into_even_rows():
    items = [1, 2, 0, 1, 0.5, -0.5, 0, 0.25, 0.75, 0, 1, -1, 0.1, -1, 1, -0.1]
    tuple_ = "(" + r", \  ".join(str(item) for item in items) + ")"
    # greedily, a row of 56 characters would take all but the last item, left alone on the next row
    assert split_long(tuple_, 56) == [r"(1, \  2, \  0, \  1, \  0.5, \  -0.5, \  0, \  0.25,",
                                      r"\  0.75, \  0, \  1, \  -1, \  0.1, \  -1, \  1, \  -0.1)"]


def test_a_long_hint_under_its_row_wraps_between_words_never_inside_a_formula():
    tex = render(solve("perceptron-alpha"), "latex", lang="en", detail="brief", width="10.5cm")
    hints = re.findall(r"&\\quad \\text\{(.*)\}", tex)
    assert len(hints) > 1 and all(len(re.findall(r"(?<!\\)\$", hint)) % 2 == 0 for hint in hints)
    assert any(hint.startswith("(") and not hint.endswith(")") for hint in hints)      # one hint went on a row
