"""What a teacher projecting the decks still found, each as a class measured on every topic's slides (en and ru):
a problem's last frame holding a leftover of the one before, a derivation cut mid-chain though it fits a frame, a
table cut inside a group of rows or its last row alone, a ")" after a display alone on a line, a display cut into a
lone factor, a hint wrapped into a word or two alone, stacked fractions in a slide's table, plots with words too
small to read projected."""

from __future__ import annotations

import re
import subprocess

import pytest

from symnn.export.beamer import FRAME_HEIGHT, LEAST_PT, PICTURE_BOX, frames_of, pictures, slides
from symnn.export.documents import displays_in_paragraphs
from symnn.export.slide_cuts import row_side
from symnn.export.slide_heights import height
from symnn.export.slide_tables import inline_fractions, slide_table, stacked
from symnn.export.worksheets import problem_set
from symnn.problems.solve import solve
from symnn.render.breaking import ORPHAN, split_long, width
from symnn.render.latex_tables import cell_width, wrapped_words

from .tools import need

TOPICS = ["activations", "derivatives", "gradients", "graphs", "linear", "losses", "matrix", "networks", "tensors",
          "textbook", "training", "vectors"]
_FRAME = re.compile(r"\\begin\{frame\}\{([^}]*)\}\n(.*?)\n\\end\{frame\}", re.S)
_CHAIN = re.compile(r"\\begin\{align\*\}\n(.*?)\n\\end\{align\*\}", re.S)
_ROWS = re.compile(r" \\\\\*?(?:\[[^]]*\])?\n")


def _deck(topic: str, lang: str) -> str:
    _, problems = problem_set(topic)
    return slides([solve(problem) for problem in problems], lang, "t", {"detail": "brief"})


@pytest.fixture(scope="module", params=[(topic, lang) for topic in TOPICS for lang in ("en", "ru")],
                ids=lambda case: "-".join(case))
def deck(request) -> tuple[str, list[tuple[str, str]]]:
    """A topic's brief slides: the LaTeX, and each text frame's title and body."""
    tex = _deck(*request.param)
    return tex, [(title, body) for title, body in _FRAME.findall(tex) if body.startswith("\\small")]


def _problem(title: str) -> str:
    return title.split(" (")[0]


def test_a_problem_s_last_frame_is_no_leftover(deck):
    # networks problem 4: a full frame of factors, then the last product and the answer alone on a frame (48 pt)
    frames = deck[1]
    for k, (title, body) in enumerate(frames):
        last = k + 1 == len(frames) or _problem(frames[k + 1][0]) != _problem(title)
        if title != _problem(title) and last:
            # (a third of a frame: the frames are evened out to hold 0.4 of one where the blocks allow)
            assert height(body.split("\n", 1)[1]) >= FRAME_HEIGHT / 3, (title, body[:300])


def test_a_derivation_that_fits_a_frame_is_never_cut_mid_chain(deck):
    # activations problem 2: "= −∂/∂x(e^{−αx}) / (1 + e^{−αx})²" opened a frame, its left side on the frame before
    frames = deck[1]
    for k, (title, body) in enumerate(frames):
        chains = _CHAIN.findall(body)
        opening = not re.sub(r"\\[a-z]+(?:=\d+)?|[{}\s]", "", body.split("\n", 1)[1].split(r"\begin{align*}")[0])
        first = _ROWS.split(chains[0])[0].strip() if chains else ""
        # a row with a left side opens an equation; so does a long left side on a row of its own, "&∇_w(…)" (then "&= …")
        if not k or not chains or not opening or row_side(first) or re.match(r"&\s*(?!=|\\quad)\S", first):
            continue
        before = _CHAIN.findall(frames[k - 1][1])[-1]
        whole = "\\begin{align*}\n" + before + " \\\\*\n" + chains[0] + "\n\\end{align*}"
        # a chain goes on from the frame before only where it has several equations, or is taller than a frame
        equations = [row for row in _ROWS.split(before + " \\\\*\n" + chains[0]) if row_side(row)]
        assert len(equations) > 1 or height(whole) > FRAME_HEIGHT, (title, chains[0][:200])


def _table_rows(body: str) -> list[list[str]]:
    """The first cells of the body rows of each table of a frame."""
    return [[row.split("&")[0].strip() for row in table.strip().split("\n")]
            for table in re.findall(r"\\begin\{tabular\}\{l+\}\n\\hline\n[^\n]*\n\\hline\n(.*?)\\hline\n\\end\{tabular\}",
                                    body, re.S)]


def test_a_table_is_cut_between_its_row_groups_and_never_leaves_a_row_alone(deck):
    # textbook problem 8: the momentum update cut between w₄'s velocity and its new value; activations: softmax alone
    frames = deck[1]
    for k, (title, body) in enumerate(frames):
        tables = _table_rows(body)
        if not k or not tables or title == _problem(title) or not body.split("\n", 1)[1].startswith(r"\medskip"):
            continue
        before = _table_rows(frames[k - 1][1])
        if before and _problem(frames[k - 1][0]) == _problem(title):
            strip = re.compile(r"^\\rule\[[^]]*\]\{0pt\}\{[^}]*\}")
            assert strip.sub("", tables[0][0]) != strip.sub("", before[-1][-1]), (title, tables[0][:2])
            assert len(tables[0]) >= 2 and len(before[-1]) >= 2, (title, tables[0], before[-1])


def test_no_punctuation_opens_a_line_after_a_display(deck):
    # graphs problem 10: "(… −0.105 for [display]" then ") and the output after the step" on a line of its own
    assert not re.search(r"\\end\{align\*\}(?:\\par)?\}?\n\{(?:\\raggedright |\\leftskip=[\d.]+em )*\\noindent [).,;:]",
                         deck[0])


def test_a_display_is_never_cut_into_a_lone_small_factor(deck):
    # textbook: E_total = ½ / · ((target − out)² / + (…)²): the ½ alone on its row
    for chain in _CHAIN.findall(deck[0]):
        rows = _ROWS.split(chain)
        for row, after in zip(rows, rows[1:]):
            piece = row.split("&", 1)[-1].removeprefix("=").removeprefix(r"\quad").strip()
            if after.startswith(r"&\quad ") and r"\text" not in after and not piece.startswith(r"\text"):
                assert width(piece) >= 4, (row, after)


def test_a_hint_never_wraps_a_word_or_two_alone(deck):
    # matrix problem 11: "(∇_W(aᵀWb) = abᵀ with a = y and" then "b = x)" alone on its row
    for chain in _CHAIN.findall(deck[0]):
        hints = [re.search(r"\\text\{(.*)\}$", row) for row in _ROWS.split(chain)]
        for one, two in zip(hints, hints[1:]):
            if one and two and one.group(1).startswith("(") and two.group(1).endswith(")") and ")" not in one.group(1)[-1:]:
                assert cell_width(two.group(1)) >= cell_width(one.group(1)) / 3, (one.group(1), two.group(1))


def _body(table: str) -> str:
    return table.split(r"\hline", 2)[-1]


def test_a_slide_table_writes_its_fractions_on_the_line_where_that_fits():
    # graphs problem 7: the local derivatives e^{−z}/(1 + e^{−z})² stacked in a row of small digits
    header = ["node", "local derivative", "value"]
    rows = [[f"$z_{{{k}}}$", r"$\frac{e^{-z}}{(1 + e^{-z})^{2}}$", r"$\approx 0.1966$"] for k in range(4)]
    table = slide_table(header, rows)
    assert r"\frac" not in _body(table) and r"e^{-z}/(1 + e^{-z})^{2}" in table
    assert r"\rule[" not in table and r"\resizebox" not in table          # rows of one line, the table not shrunk
    # a table that fits the slide's line only with its fractions stacked keeps them: on the line, its formulas could be
    # broken only inside their brackets (a line opening a bracket the next closes), and whole it would be shrunk
    wide = [[f"$z_{{{k}}}$", r"$\frac{%s}{(1 + e^{-z})^{2}}$" % " + ".join(["e^{-z}"] * 5), r"$\frac{1}{2} + \frac{3}{4}$",
             r"$\frac{a + b + c + d + e + f}{2}$"] for k in range(3)]
    kept = slide_table(["node", "derivative", "sum", "mean"], wide)
    assert r"\frac" in _body(kept) and r"\resizebox" not in kept, kept
    # a sum of such fractions on the line is broken between its terms, outside the brackets, and not stacked
    summed = [[f"$z_{{{k}}}$", "$" + " + ".join([r"\frac{e^{-z}}{(1 + e^{-z})^{2}}"] * 6) + "$"] for k in range(2)]
    broken = slide_table(["node", "derivative"], summed)
    assert r"\frac" not in _body(broken) and r"\begin{array}[t]" in broken, broken


# the textbook's deltas (problem 1, 2-2-2 sigmoid network): a slide's table of them, too wide for the line in
# \footnotesize, was shrunk by TeX to 0.74 (6.7 pt type projected)
DELTAS = [[r"$\delta_{o1}$", r"$0.7514 \cdot {(1 - 0.7514)} \cdot {(0.7514 - 0.01)}$", r"$\approx 0.1385$"],
          [r"$\delta_{h1}$", r"$0.5933 \cdot {(1 - 0.5933)} \cdot (0.1385 \cdot 0.4 + {(-0.0381)} \cdot 0.5)$", r"$\approx 0.00877$"],
          [r"$\delta_{h2}$", r"$0.5969 \cdot {(1 - 0.5969)} \cdot (0.1385 \cdot 0.45 + {(-0.0381)} \cdot 0.55)$",
           r"$\approx 0.00995$"]]


def test_a_table_too_wide_for_a_slide_breaks_its_formulas_at_their_operators():
    table = slide_table(["neuron", "with the numbers", "value"], DELTAS)
    rows = table.split("\n")
    # the widest formulas broken before their top-level product's last factor, the second line going on with "·"
    assert r"$\delta_{h1}$ & $\begin{array}[t]{@{}l@{}}0.5933 \cdot {(1 - 0.5933)} \\ {}\cdot (0.1385 \cdot 0.4 + {(-0.0381)} " \
        r"\cdot 0.5)\end{array}$ & $\approx 0.00877$ \\" in rows, table
    # a formula that fits the room is whole; the table in \footnotesize at most, never shrunk by its estimate
    assert r"$\delta_{o1}$ & $0.7514 \cdot {(1 - 0.7514)} \cdot {(0.7514 - 0.01)}$ & $\approx 0.1385$ \\" in rows
    assert r"\scriptsize" not in table
    # each broken cell's lines no wider than the widest whole formula of the column
    lines = [line for row in rows for cell in re.findall(r"\\begin\{array\}\[t\]\{@\{\}l@\{\}\}(.*?)\\end\{array\}", row)
             for line in cell.split(r" \\ ")]
    assert len(lines) == 4 and max(map(width, lines)) <= width(DELTAS[0][1][1:-1]), lines


@pytest.mark.parametrize("cell, most, expected", [
    # a sum of products: cut before its + outside the bracket, not inside σ(…)'s argument
    (r"$a \cdot b + \sigma(c + d) + e \cdot f$", 14, r"$\begin{array}[t]{@{}l@{}}a \cdot b + \sigma(c + d) \\ {}+ e \cdot f\end{array}$"),
    # formulas side by side (a state after a step): cut between them, a relation kept with both its sides
    (r"$h_{t}$ = $(0.1, \  1)$, $G_{t}$ = $(0.001, \  0.1)$", 16,
     r"$\begin{array}[t]{@{}l@{}}h_{t}\text{~=~}(0.1, \ 1)\text{,} \\ G_{t}\text{~=~}(0.001, \ 0.1)\end{array}$"),
    (r"$\approx 0.1385$", 6, r"$\approx 0.1385$"),            # nothing to cut at: as it is
    (r"$a + b$", 20, r"$a + b$"),                              # fits the room: as it is
])
def test_stacked(cell, most, expected):
    assert stacked(cell, most) == expected


@pytest.mark.parametrize("cell, expected", [
    (r"$\frac{1}{2}$", "$1/2$"),                                           # two numbers
    (r"$\frac{e^{-z}}{(1 + e^{-z})^{2}}$", "$e^{-z}/(1 + e^{-z})^{2}$"),   # a bracket is one operand
    (r"$\frac{a + b}{2 c}$", "$(a + b)/(2 c)$"),                           # a sum, a product bracketed
    (r"$\frac{\partial f}{\partial a_{1}}$", r"$\partial f/\partial a_{1}$"),   # a derivative's parts are one thing
    (r"$\frac{d a}{d x}$", "$d a/d x$"),                                  # so are a derivative's d a and d x
    (r"$\frac{1}{d e}$", "$1/(d e)$"),                                    # a product d e below 1 is bracketed
    (r"$\frac{\frac{1}{x}}{y}$", "$(1/x)/y$"),                             # a quotient in a quotient bracketed
    (r"$-\frac{x}{4} + 1$", "$-x/4 + 1$"),                                 # what is around it kept
])
def test_inline_fractions(cell, expected):
    assert inline_fractions(cell) == expected


def test_a_table_cut_by_rows_keeps_a_group_of_rows_together():
    header = ["parameter", "quantity", "with the numbers", "value"]
    rows = [[f"$w_{{{k}}}$", name, r"$0.9 \cdot 0 - 0.5 \cdot 0.000439$", r"$\approx -0.000219$"]
            for k in range(1, 9) for name in ("$v_{t}$", f"$w^{{+}}_{{{k}}}$")]
    prose = [r"{\noindent A line of the statement.\par}"] * 9
    frames = frames_of("\n".join([*prose, slide_table(header, rows)]))
    assert len(frames) > 1
    for one, two in zip(frames, frames[1:]):
        last, first = _table_rows(one)[-1][-1], _table_rows(two)[0][0]
        assert last != first, (last, first)


@pytest.mark.parametrize("steps", [4, 6, 8])
def test_one_equation_that_fits_a_frame_goes_whole_to_the_next(steps):
    rows = [r"\frac{d}{dx}\left(\frac{1}{1 + e^{-x}}\right) &= - \frac{e^{-x}}{(1 + e^{-x})^{2}}"]
    rows += [r"&= %d \cdot e^{-x} (1 + e^{-x})" % k for k in range(steps)]
    chain = "{\\noindent \\textbf{Derivative}:\n\\begin{align*}\n" + " \\\\*\n".join(rows) + "\n\\end{align*}\\par}"
    prose = [r"{\noindent A line of the statement.\par}"] * 12
    frames = frames_of("\n".join([*prose, chain]))
    assert height("\n".join([*prose, chain])) > FRAME_HEIGHT and len(frames) == 2
    # the chain whole on one frame, all its rows with their left side
    assert any(r"\textbf{Derivative}" in frame and frame.count(" \\\\*") == steps for frame in frames), frames


@pytest.mark.parametrize("factor", [r"\frac{1}{2}", "2", r"\frac{1}{n}"])
def test_a_long_product_is_not_cut_after_a_small_factor(factor):
    side = factor + r" \cdot ((\mathrm{target}_{o1} - \mathrm{out}_{o1})^{2} + (\mathrm{target}_{o2} - \mathrm{out}_{o2})^{2})"
    for limit in (28, 32, 36):
        pieces = split_long(side, limit)
        assert len(pieces) == 2 and all(width(piece) >= ORPHAN * limit for piece in pieces), pieces


@pytest.mark.parametrize("text", ["(the total: the contributions of both uses of $x$ add)",
                                  r"($\nabla_{W}(a^{T} W b) = a b^{T}$ with $a = y$ and $b = x$)",
                                  "(the product rule: one use of $W$ at a time, the others held fixed)"])
def test_wrapped_words_are_even(text):
    for characters in (20, 26, 32):
        lines = wrapped_words(text, characters)
        assert " ".join(lines) == text and all(cell_width(line) <= characters for line in lines if " " in line)
        if len(lines) > 1:
            assert cell_width(lines[-1]) >= cell_width(lines[-2]) / 3, lines


def test_punctuation_after_a_display_ends_its_row():
    body = "\\begin{align*}\nx &= 1\n\\end{align*}\\par}\n{\\raggedright \\noindent ). Then\\par}"
    assert displays_in_paragraphs(body) == "\\begin{align*}\nx &= 1).\n\\end{align*}\\par}\n{\\raggedright \\noindent Then\\par}"
    assert displays_in_paragraphs("\\begin{align*}\nx &= 1\n\\end{align*}\n{\\noindent .\\par}") == \
        "\\begin{align*}\nx &= 1.\n\\end{align*}"


@pytest.mark.parametrize("lang", ["en", "ru"])
@pytest.mark.parametrize("topic", ["activations", "training"])
def test_a_slide_s_plots_have_words_readable_projected(topic, lang):
    pytest.importorskip("matplotlib")
    from matplotlib.text import Text
    _, problems = problem_set(topic)
    drawn = pictures([solve(problem) for problem in problems], lang)
    words = ("activation", "актива", "loss", "потер", "optimizers", "оптимизац")     # (the optimizers: a panel a frame)
    figures = [one.figure() for made in drawn.values() for one in (made if isinstance(made, list) else [made])
               if one.figure is not None and any(word in one.title.lower() for word in words)]
    assert len(figures) >= (4 if topic == "training" else 1)
    for fig in figures:
        width_in, height_in = fig.get_size_inches()
        # the scale the slide shows it at (the frame's box, its shape kept): every word at least 9 pt there
        scale = min(PICTURE_BOX[0] / width_in, PICTURE_BOX[1] / height_in)
        fig.draw_without_rendering()
        sizes = [text.get_fontsize() * scale for text in fig.findobj(Text) if text.get_visible() and text.get_text().strip()]
        assert min(sizes) >= LEAST_PT - 0.01, (fig, min(sizes))


@pytest.mark.parametrize("lang", ["en", "ru"])
@pytest.mark.parametrize("topic", ["networks", "derivatives", "vectors"])
def test_compiled_decks_end_no_problem_on_a_leftover(topic, lang, tmp_path):
    """In the PDF: a problem's last continued frame holds more than a leftover (its words span 70 pt or more of the
    frame's 250), and no frame is overfull."""
    from symnn.cli import main
    from symnn.export.pdf import pdflatex

    from .test_beamer import _beamer_installed
    need("pdflatex")
    need("pdftotext")
    _beamer_installed()
    assert main(["export", "--set", topic, "--format", "beamer", "--detail", "brief", "--out", str(tmp_path),
                 "--lang", lang]) == 0
    tex = tmp_path / f"{topic}-slides{'' if lang == 'en' else '-ru'}.tex"
    compiled = pdflatex(tex)
    assert "Overfull \\vbox" not in compiled.log
    boxes = subprocess.run(["pdftotext", "-bbox", str(compiled.pdf), "-"], capture_output=True, text=True).stdout
    pages = [[(float(top), float(bottom)) for top, bottom in re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"', page)]
             for page in boxes.split("<page ")[1:]]
    frames = re.findall(r"\\begin\{frame\}(?:\{([^}]*)\})?\n(.*?)\\end\{frame\}", tex.read_text(encoding="utf-8"), re.S)
    for k, (title, body) in enumerate(frames):
        later = frames[k + 1] if k + 1 < len(frames) else ("", "")
        last = _problem(later[0]) != _problem(title) or r"\includegraphics" in later[1]
        if title and title != _problem(title) and last and r"\includegraphics" not in body:
            words = [box for box in pages[k] if box[0] > 28]           # below the frame's title
            assert max(bottom for _, bottom in words) - min(top for top, _ in words) >= 70, (topic, lang, title)


def test_a_table_split_by_columns_is_joined_though_its_second_half_leaves_out_rows():
    # activations, Russian: the notes' half of the table held only the rows with a note; the halves stayed apart
    from symnn.export.slide_tables import whole_tables
    from symnn.render.latex_tables import one_table
    first = one_table(["activation", "$f(x)$"], [["step", "$H(x)$"], ["sigmoid", r"$\sigma(x)$"], ["ReLU", r"$\max(0, x)$"]],
                      1e9, (("", 1.0),))
    second = one_table(["activation", "note"], [["step", "no derivative at 0"], ["ReLU", "subgradient"]], 1e9, (("", 1.0),))
    joined = whole_tables("\n".join([*first, *second]))
    assert joined.count(r"\begin{tabular}") == 1 and r"\begin{tabular}{lll}" in joined
    rows = [row for row in joined.split("\n") if row.startswith(("step", "sigmoid", "ReLU"))]
    assert [row.split(" & ")[0] for row in rows] == ["step", "sigmoid", "ReLU"]
    assert rows[1].split(" & ")[2].strip(" \\") == "" and "subgradient" in rows[2]
    # halves whose first columns differ otherwise (a row of the second not in the first) stay two tables
    other = one_table(["activation", "note"], [["tanh", "odd"]], 1e9, (("", 1.0),))
    assert whole_tables("\n".join([*first, *other])).count(r"\begin{tabular}") == 2
