"""symnn export and solve --standalone from the command line, as the issue's acceptance asks:
every .tex written compiles, the HTML is MathML without LaTeX, a missing pdflatex is one line."""

from __future__ import annotations

import pytest

from symnn.cli import main
from symnn.export.pdf import pdflatex

from .tools import need


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_exported_gradients_compile(lang, tmp_path, capsys):
    need("pdflatex")
    assert main(["export", "--set", "gradients", "--format", "tex", "--out", str(tmp_path), "--lang", lang]) == 0
    written = capsys.readouterr().out.split()
    suffix = "" if lang == "en" else "-ru"
    assert [p.rsplit("/", 1)[-1] for p in written] == [f"gradients-worksheet{suffix}.tex", f"gradients-key{suffix}.tex"]
    for path in tmp_path.glob("*.tex"):
        compiled = pdflatex(path)
        assert max(compiled.overfull, default=0) <= 20
    worksheet = (tmp_path / f"gradients-worksheet{suffix}.tex").read_text(encoding="utf-8")
    assert worksheet.count(r"\section*") == 7 and r"\begin{align*}" not in worksheet   # statements only
    key = (tmp_path / f"gradients-key{suffix}.tex").read_text(encoding="utf-8")
    assert key.count(r"\begin{align*}") > 20                                            # the derivations


def test_solve_standalone_latex_compiles(tmp_path, capsys):
    need("pdflatex")
    assert main(["solve", "4.3", "--format", "latex", "--standalone"]) == 0
    tex = tmp_path / "4.3.tex"
    tex.write_text(capsys.readouterr().out, encoding="utf-8")
    assert pdflatex(tex).pdf.exists()


def test_solve_standalone_html_is_mathml(capsys):
    assert main(["solve", "4.3", "--format", "html", "--standalone"]) == 0
    page = capsys.readouterr().out
    assert page.startswith("<!DOCTYPE html>") and "<math" in page and "\\(" not in page and "<script" not in page


@pytest.mark.parametrize("format", ["md", "html"])
def test_worksheet_and_key_in_other_formats(format, tmp_path):
    assert main(["export", "--set", "4.3,4.6", "--format", format, "--out", str(tmp_path)]) == 0
    worksheet = (tmp_path / f"4.3-4.6-worksheet.{format}").read_text(encoding="utf-8")
    key = (tmp_path / f"4.3-4.6-key.{format}").read_text(encoding="utf-8")
    assert "4.6" in worksheet and "(10, 45)" not in worksheet
    assert ("10, 45" in key or "<mn>45</mn>" in key) and len(key) > 3 * len(worksheet)


def test_pdf_without_pdflatex_says_how_to_get_it(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("PATH", str(tmp_path))
    assert main(["export", "--set", "4.3", "--format", "pdf", "--out", str(tmp_path / "out")]) == 2
    error = capsys.readouterr().err.strip()
    assert "\n" not in error and "pdflatex is not installed" in error and "apt-get install" in error
    assert not (tmp_path / "out").exists()


def test_pdf_with_pdflatex_leaves_only_the_pdfs(tmp_path):
    need("pdflatex")
    assert main(["export", "--set", "4.5", "--format", "pdf", "--out", str(tmp_path)]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["4.5-key.pdf", "4.5-worksheet.pdf"]


def test_a_bad_set_is_one_clear_line(tmp_path, capsys):
    assert main(["export", "--set", "gradient", "--format", "md", "--out", str(tmp_path)]) == 2
    assert "no problem 'gradient'" in capsys.readouterr().err


def test_worksheets_per_student_use_their_own_variants(tmp_path, capsys):
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    roster = tmp_path / "roster.csv"
    roster.write_text("student\nann\nbob\n", encoding="utf-8")
    assert main(["variants", "4.6", "--students", str(roster), "--seed", "5", "--out", str(tmp_path / "v.csv")]) == 0
    import csv
    own = {row["student"]: row for row in csv.DictReader((tmp_path / "v.csv").open(encoding="utf-8"))}
    assert main(["export", "--set", "4.6,4.5", "--format", "ipynb", "--out", str(tmp_path / "sheets"),
                 "--students", str(roster), "--seed", "5"]) == 0
    names = sorted(p.name for p in (tmp_path / "sheets").iterdir())
    assert names == ["4.6-4.5-key-ann.ipynb", "4.6-4.5-key-bob.ipynb", "4.6-4.5-worksheet-ann.ipynb",
                     "4.6-4.5-worksheet-bob.ipynb"]
    for student in ("ann", "bob"):
        sheet = (tmp_path / "sheets" / f"4.6-4.5-worksheet-{student}.ipynb").read_text(encoding="utf-8")
        assert own[student]["statement"].split("point ")[1].rstrip(".") in sheet     # their own point
        book = nbformat.read(tmp_path / "sheets" / f"4.6-4.5-key-{student}.ipynb", as_version=4)
        nbclient.NotebookClient(book, timeout=120, kernel_name="python3").execute()
        checks = [c for c in book.cells if c.cell_type == "code" and "check(" in c.source]
        assert f"variant={own[student]['variant']}" in checks[0].source
        assert all("**Correct.**" in c.outputs[0]["data"]["text/markdown"] for c in checks)


def test_detail_decimals_and_course_from_the_command_line(tmp_path, capsys):
    common = ["export", "--set", "4.3", "--format", "tex"]
    assert main([*common, "--out", str(tmp_path / "full"), "--course", "NN 101"]) == 0
    assert main([*common, "--out", str(tmp_path / "brief"), "--detail", "brief"]) == 0
    full = (tmp_path / "full" / "4.3-key.tex").read_text(encoding="utf-8")
    assert len((tmp_path / "brief" / "4.3-key.tex").read_text(encoding="utf-8")) < len(full)
    assert r"\textbf{NN 101}" in (tmp_path / "full" / "4.3-worksheet.tex").read_text(encoding="utf-8")
    capsys.readouterr()
    assert main([*common, "--out", str(tmp_path / "many"), "--decimals", "99"]) == 2
    assert "--decimals must be between 0 and 12, got 99" in capsys.readouterr().err
