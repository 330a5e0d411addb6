"""Beamer slides of a problem set: a frame per problem, continued when long, with the problem's
picture beside the slides where it has one; the slides compile with pdflatex, en and ru."""

from __future__ import annotations

import re
import subprocess

import pytest

from symnn.cli import main
from symnn.export.beamer import blocks, frames_of, slides
from symnn.export.pdf import pdflatex
from symnn.export.worksheets import problem_set
from symnn.problems.solve import solve

from .tools import artifacts, logging_shrinks, need, table_scales

# a table too wide for a slide's line has its formulas broken into lines, set whole (\small or \footnotesize): TeX
# shrinks none of them further than this (the estimate of a table's width errs wide; shrunk to 0.74 before, 6.7 pt type)
LEAST_SCALE = 0.95


def pages(compiled) -> int:
    """The number of pages pdflatex says it wrote (its log wraps lines at 79 characters)."""
    return int(re.search(r"Output written on .*?\((\d+) pages?", compiled.log.replace("\n", ""), re.S).group(1))


def test_a_frame_per_problem_titled_as_on_the_worksheet():
    tex = slides([solve("4.5"), solve("mse")], "ru", "Градиенты", {"detail": "brief"})
    frames = re.findall(r"\\begin\{frame\}\{([^}]*)\}", tex)
    assert frames == ["Задача 1", "Задача 2"]
    assert tex.count(r"\begin{frame}") == 3 and r"\titlepage" in tex              # and a title frame
    assert "allowframebreaks" not in tex and r"\usepackage[english,russian]{babel}" in tex
    assert r"\subtitle{Математика нейронных сетей}" in tex
    assert r"\subtitle{NN \& DL}" in slides([solve("mse")], "en", "t", course="NN & DL")
    assert r"\includegraphics" not in tex                                          # neither has a picture


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_slides_with_pictures_compile(lang, tmp_path, capsys):
    need("pdflatex")
    need("dot")
    pytest.importorskip("matplotlib")
    assert main(["export", "--set", "graphs", "--format", "beamer", "--out", str(tmp_path), "--lang", lang]) == 0
    suffix = "" if lang == "en" else "-ru"
    written = [line.rsplit("/", 1)[-1] for line in capsys.readouterr().out.split()]
    assert written == [f"graphs-slides{suffix}.tex", f"graphs-slides{suffix}-graph-exp.pdf",
                       f"graphs-slides{suffix}-max-gate.pdf", f"graphs-slides{suffix}.pdf"]     # the slides compiled too
    tex = tmp_path / f"graphs-slides{suffix}.tex"
    assert tex.read_text(encoding="utf-8").count(r"\includegraphics") == 2
    _beamer_installed()
    logging_shrinks(tex)
    compiled = pdflatex(tex)
    assert max(compiled.overfull, default=0) <= 20
    assert min(table_scales(compiled.log), default=1) >= LEAST_SCALE      # the backward tables
    # a title frame, and each problem's solution continued over frames, its picture on one of its own;
    # every frame is one page (no frame overflows onto another)
    text = tex.read_text(encoding="utf-8")
    assert pages(compiled) == text.count(r"\begin{frame}") >= 1 + 2 * 2
    pictures = re.findall(r"\\begin\{frame\}\{([^}]*)\}\n\\centering\n\\includegraphics", text)
    continued = "continued" if lang == "en" else "продолжение"
    assert pictures == [f"{word} 1 ({continued})", f"{word} 2 ({continued})"] if (word := "Problem" if lang == "en"
                                                                                     else "Задача") else False
    (artifacts() / f"slides-graphs-{lang}.pdf").write_bytes(compiled.pdf.read_bytes())


def test_a_long_solution_is_continued_and_every_topic_compiles(tmp_path):
    """A long solution goes on to a frame titled as continued; TeX never breaks a frame itself."""
    need("pdflatex")
    _beamer_installed()
    # (and their tables shrunk little or not at all: the textbook's deltas, training's optimizers)
    for topic in ("gradients", "networks", "matrix", "training", "textbook"):      # Beamer's \textbf does not take a \par
        assert main(["export", "--set", topic, "--format", "beamer", "--out", str(tmp_path), "--lang", "ru"]) == 0
        logging_shrinks(tmp_path / f"{topic}-slides-ru.tex")
        compiled = pdflatex(tmp_path / f"{topic}-slides-ru.tex")
        assert max(compiled.overfull, default=0) <= 20, topic
        assert min(table_scales(compiled.log), default=1) >= LEAST_SCALE, topic
        text = compiled.pdf.with_suffix(".tex").read_text(encoding="utf-8")
        assert pages(compiled) == 1 + text.count(r"\begin{frame}{"), topic     # a frame is one page
        if topic == "networks":
            assert r"{Задача 4 (продолжение)}" in text                              # a long solution went on


def test_slides_are_not_per_student(tmp_path, capsys):
    roster = tmp_path / "roster.csv"
    roster.write_text("student\nann\n", encoding="utf-8")
    assert main(["export", "--set", "4.3", "--format", "beamer", "--out", str(tmp_path / "s"), "--students",
                 str(roster)]) == 2
    assert "slides are for a lecture" in capsys.readouterr().err


def _beamer_installed() -> None:
    """Beamer needs pgf (texlive-pictures), which .ci/run installs; elsewhere its absence skips."""
    found = subprocess.run(["kpsewhich", "pgf.sty"], capture_output=True, text=True).stdout.strip()
    if not found:
        import os
        if os.environ.get("CI"):
            pytest.fail("pgf is missing in CI: .ci/run installs texlive-pictures")
        pytest.skip("Beamer needs pgf (Debian: apt-get install texlive-pictures)")


@pytest.mark.parametrize("topic", ["derivatives", "activations"])
def test_brief_chains_fit_a_slide(topic, tmp_path):
    """A brief derivative is one chain with a hint per row; on a slide the hints go under their rows."""
    need("pdflatex")
    _beamer_installed()
    assert main(["export", "--set", topic, "--format", "beamer", "--detail", "brief", "--out", str(tmp_path),
                 "--lang", "ru"]) == 0
    logging_shrinks(tmp_path / f"{topic}-slides-ru.tex")
    compiled = pdflatex(tmp_path / f"{topic}-slides-ru.tex")
    assert max(compiled.overfull, default=0) <= 20
    # (the activations table: its cases and its notes have no operator to break at; its notes go under it)
    assert min(table_scales(compiled.log), default=1) >= LEAST_SCALE, topic


@pytest.mark.parametrize("topic", ["gradients", "linear", "tensors"])
def test_a_brief_problem_goes_on_to_frames_never_shrunk(topic, tmp_path):
    """Brief solutions of these topics, each on its frames in order: a frame is one page, never scaled down and
    never fuller than its room (a solution too long for one frame goes on to the next)."""
    need("pdflatex")
    _beamer_installed()
    assert main(["export", "--set", topic, "--format", "beamer", "--detail", "brief", "--out", str(tmp_path),
                 "--lang", "ru"]) == 0
    tex = tmp_path / f"{topic}-slides-ru.tex"
    problems = len(problem_set(topic)[1])
    text = tex.read_text(encoding="utf-8")
    titles = [title for title in re.findall(r"\\begin\{frame\}\{([^}]*)\}", text) if "продолжение" not in title]
    assert titles == [f"Задача {k}" for k in range(1, problems + 1)]
    assert r"\resizebox" not in text and "shrink" not in text
    compiled = pdflatex(tex)
    assert pages(compiled) == 1 + text.count(r"\begin{frame}{")
    assert max(map(float, re.findall(r"Overfull \\vbox \((\d+(?:\.\d+)?)pt too high", compiled.log)), default=0) <= 2


def test_a_frame_ends_only_between_whole_blocks():
    """A frame ends between two blocks: never inside a chain or a table, never after a label."""
    body = "\n".join([r"{\noindent Label:\par}", r"\nopagebreak", "\\begin{align*}\na &= b \\\\*\n &= c\n\\end{align*}",
                      *(r"{\noindent Line %d\par}" % k for k in range(30)),
                      "\\medskip{\\centering", "\\begin{tabular}{ll}", "x & y \\\\", "\\end{tabular}\\par}\\medskip"])
    found = blocks(body)
    assert found[0] == "{\\noindent Label:\\par}\n\\begin{align*}\na &= b \\\\*\n &= c\n\\end{align*}"
    assert found[-1] == "\\medskip{\\centering\n\\begin{tabular}{ll}\nx & y \\\\\n\\end{tabular}\\par}\\medskip"
    assert len(found) == 32
    frames = frames_of(body, capacity=200)
    # 2 + 30 lines + a table, in order: the last line and the table go on to a frame of their own, never
    # squeezed into the one before
    assert "\n".join(frames) == "\n".join(found) and len(frames) == 3
    assert all(frame.count(r"\begin{") == frame.count(r"\end{") for frame in frames)


def _lines(count: int, words: int = 1) -> list[str]:
    """``count`` paragraphs of ``words`` 13-character words each (a frame's line holds four)."""
    return [r"{\noindent %s\par}" % " ".join(["abcdefghijklm"] * words) for _ in range(count)]


def test_a_short_last_block_joins_the_frame_before_when_it_fits():
    # 19 lines (213 of a frame's 232 pt) and a two-line answer (22 pt) are more than a frame's estimate: the answer
    # would stand alone on a frame; it goes on the frame before, which then holds 235 pt, within the 238 allowed so
    answer = r"{\noindent \textbf{Answer:} %s\par}" % " ".join(["abcdefghijklm"] * 6)
    assert frames_of("\n".join([*_lines(19), answer])) == ["\n".join([*_lines(19), answer])]
    # a three-line note (34 pt) does not fit so: it goes on a frame of its own, and the two frames are evened out
    # (19 · 11.2 pt and 34 pt become 11 lines, 123 pt, and 8 lines with the note, 123 pt), no note alone on a frame
    note = r"{\noindent \textbf{Note.} %s\par}" % " ".join(["abcdefghijklm"] * 10)
    assert frames_of("\n".join([*_lines(19), note])) == ["\n".join(_lines(11)), "\n".join([*_lines(8), note])]
    # a last frame of two short blocks is not one block alone: it stays
    assert len(frames_of("\n".join(_lines(22)))) == 2


def test_the_gradients_slides_set_no_note_alone_on_a_frame():
    solution = solve(problem_set("4.3")[1][0])
    text = slides([solution], "en", "t", {"detail": "brief"})
    frames = re.findall(r"\\begin\{frame\}\{([^}]*)\}\n(.*?)\\end\{frame\}", text, re.S)
    # the note under the answer (two lines) was a frame of its own: now it ends the frame of the answer
    assert [title for title, _ in frames] == ["Problem 4.3", "Problem 4.3 (continued)"]
    assert r"\textbf{Answer:}" in frames[-1][1] and r"\textbf{Note.}" in frames[-1][1]
