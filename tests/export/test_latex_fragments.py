"""Every bank solution as a LaTeX fragment compiles in a plain ``article`` with only the packages
``symnn latex-preamble`` names for its language, at two text widths, with no line more than 20 pt
too wide (the oracle is pdflatex's own log); and a fragment holds no character those packages do
not set up."""

from __future__ import annotations

import re

import pytest

from symnn.cli import main
from symnn.export.pdf import LatexFailed, pdflatex
from symnn.problems.bank import load_bank
from symnn.problems.solve import solve
from symnn.render import render
from symnn.render.latex import points
from symnn.render.latex_setup import packages, spelled, unspelled

from .tools import artifacts, need

MOST_OVERFULL_PT = 20
# the plain article's own text width (10 pt, letter paper) and a wide A4 page
WIDTHS = ("345pt", "16cm")
_MARK = re.compile(r"^SYMNN (\S+)$")
_OVERFULL = re.compile(r"Overfull \\hbox \((\d+(?:\.\d+)?)pt too wide\)")


@pytest.fixture(scope="module")
def solutions():
    return {pid: solve(pid) for pid in load_bank()}


def plain_article(fragments: dict, lang: str, width: str) -> str:
    """The fragments one after another in ``\\documentclass{article}`` with the stated packages only,
    each announced in the log so that a complaint can be traced to its problem."""
    body = "\n\n\\bigskip\n".join(f"\\typeout{{SYMNN {pid}}}\n{text}" for pid, text in fragments.items())
    return ("\\documentclass{article}\n" + "\n".join(packages(lang)) + f"\n\\setlength{{\\textwidth}}{{{width}}}\n"
            "\\begin{document}\n" + body + "\n\\end{document}\n")


def complaints(log: str) -> dict:
    """The widest overfull line of each problem, from the log's marks."""
    current, widest = None, {}
    for line in log.splitlines():
        mark = _MARK.match(line)
        if mark:
            current = mark.group(1)
        found = _OVERFULL.search(line)
        if found:
            widest[current] = max(widest.get(current, 0.0), float(found.group(1)))
    return widest


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", ["en", "ru"])
def test_every_fragment_compiles_in_a_plain_article(solutions, lang, width, tmp_path):
    need("pdflatex")
    fragments = {pid: render(solution, "latex", lang=lang, width=width) for pid, solution in solutions.items()}
    tex = tmp_path / f"fragments-{lang}.tex"
    tex.write_text(plain_article(fragments, lang, width), encoding="utf-8")
    try:
        compiled = pdflatex(tex)
    except LatexFailed as error:
        log = tex.with_suffix(".log").read_text(encoding="utf-8", errors="replace")
        last = [m.group(1) for m in map(_MARK.match, log.splitlines()) if m]
        pytest.fail(f"the fragment of {last[-1] if last else '?'} does not compile: {error}")
    too_wide = {pid: pt for pid, pt in complaints(compiled.log).items() if pt > MOST_OVERFULL_PT}
    assert not too_wide, f"at \\textwidth {width}, lines wider than it by more than {MOST_OVERFULL_PT} pt: {too_wide}"
    (artifacts() / f"fragments-{lang}-{width}.pdf").write_bytes(compiled.pdf.read_bytes())


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_a_fragment_needs_no_setup_beyond_its_packages(solutions, lang):
    for pid, solution in solutions.items():
        fragment = render(solution, "latex", lang=lang)
        assert unspelled(fragment) == set(), f"{pid}: characters no package sets up"
        assert "\\DeclareUnicodeCharacter" not in fragment and "\\usepackage" not in fragment


@pytest.mark.parametrize("text, written", [
    ("δ_o1", r"\ensuremath{\delta}_o1"),                       # a Greek letter, in text or in math alike
    ("Xᵀa", r"X\ensuremath{^{T}}a"),                           # a superscript letter
    ("x² − ŷ", r"x\ensuremath{^{2}} \ensuremath{-} \ensuremath{\hat{y}}"),
    ("Σ w₁ … — ok", r"\ensuremath{\Sigma} w\ensuremath{_{1}} \ldots{} \textemdash{} ok"),
    ("Задача 4.3", "Задача 4.3"),                              # Cyrillic is T2A's own
])
def test_unicode_is_spelled_as_commands(text, written):
    assert spelled(text) == written


def test_a_narrower_width_breaks_a_formula_into_more_rows(solutions):
    wide = render(solutions["backprop-w1"], "latex", width="17cm")
    narrow = render(solutions["backprop-w1"], "latex", width="8cm")
    assert narrow.count(r"\\") > wide.count(r"\\")
    assert points("12cm") == pytest.approx(341.43, abs=0.01) and points("345pt") == 345


@pytest.mark.parametrize("width", ["12", "twelve cm", "1cm", "3m"])
def test_a_width_that_is_not_a_tex_length_is_one_clear_line(width, tmp_path, capsys):
    assert main(["export", "--set", "4.5", "--out", str(tmp_path), "--width", width]) == 2
    error = capsys.readouterr().err.strip()
    assert "\n" not in error and "width" in error and not list(tmp_path.iterdir())


def test_latex_preamble_prints_the_packages_of_each_language(capsys):
    assert main(["latex-preamble", "--lang", "ru"]) == 0
    assert capsys.readouterr().out.splitlines() == [r"\usepackage[T2A]{fontenc}", r"\usepackage[utf8]{inputenc}",
                                                    r"\usepackage[english,russian]{babel}", r"\usepackage{amsmath,amssymb}"]
    assert main(["latex-preamble"]) == 0
    assert capsys.readouterr().out.splitlines() == [r"\usepackage{amsmath,amssymb}"]


def test_displays_that_follow_one_another_are_one_align():
    from symnn.render.latex import merged_displays
    one, two, bare = ("\\begin{align*}\n" + body + "\n\\end{align*}" for body in ("x &= 1", "y &= 2 \\\\\n&\\quad + 3", "z"))
    assert merged_displays(f"a\n{one}\n{two}\nb") == "a\n\\begin{align*}\nx &= 1 \\\\[0.5ex]\ny &= 2 \\\\\n&\\quad + 3\n\\end{align*}\nb"
    assert merged_displays(f"{one}\n{bare}\n{one}") == f"{one}\n{bare}\n{one}"        # a row without & is not aligned
    assert merged_displays("\n".join([one] * 15)).count("\\begin{align*}") == 2      # at most 12 rows in one
    wide_left, wide_right = ("\\begin{align*}\n" + body + "\n\\end{align*}" for body in ("a + b + c &= 1", "x &= 1 + 2 + 3"))
    assert merged_displays(f"{wide_left}\n{wide_right}", characters=15).count("\\begin{align*}") == 2   # columns 7 + 9 > 15
    assert merged_displays(f"{wide_left}\n{wide_right}", characters=16).count("\\begin{align*}") == 1


def test_a_formula_never_leaves_a_line_out_of_an_open_brace():
    from symnn.render.latex import LatexPrinter
    wide = r"D(\varepsilon) = \frac{f(x + \varepsilon) - f(x - \varepsilon)}{2 \varepsilon} + a + b + c + d + e + g + h"
    inside = LatexPrinter().line(0, r"\textbf{Central difference $" + wide + "$ for $x$}")
    assert r"\begin{align*}" not in inside and inside.count("{") - inside.count(r"\{") == inside.count("}") - inside.count(r"\}")
    assert r"\begin{align*}" in LatexPrinter().line(0, r"\textbf{Central difference} $" + wide + "$")
