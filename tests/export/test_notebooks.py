"""Exported notebooks run with nbclient: the answer key's cells say "Correct." for every typed
answer, and a worksheet filled in by a student gets the right verdict in each answer cell."""

from __future__ import annotations

import json

import pytest

from symnn.export.worksheets import export_set

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")


def _run(path):
    book = nbformat.read(path, as_version=4)
    nbclient.NotebookClient(book, timeout=120, kernel_name="python3").execute()
    return book


def _outputs(cell) -> str:
    texts = []
    for output in cell.get("outputs", []):
        texts.append(output.get("text", ""))
        data = output.get("data", {})
        texts.append(data.get("text/markdown", "") or data.get("text/plain", ""))
    return "\n".join(texts)


def _answer_cells(book):
    return [cell for cell in book.cells if cell.cell_type == "code" and "check(" in cell.source]


def test_the_answer_key_runs_and_every_typed_answer_is_correct(tmp_path):
    worksheet, key = export_set("gradients", "ipynb", tmp_path)
    book = _run(key)
    cells = _answer_cells(book)
    # every gradient problem has a typed answer but l2-reg, whose answer keeps ∂L/∂w of an unknown L
    assert len(cells) == 6 and "l2-reg" not in str(cells)
    for cell in cells:
        assert "**Correct.**" in _outputs(cell), cell.source


def test_a_filled_in_worksheet_gets_each_verdict(tmp_path):
    worksheet, _ = export_set("4.3,4.5,4.6", "ipynb", tmp_path, lang="ru")
    book = nbformat.read(worksheet, as_version=4)
    answers = {"4.3": r"\left(60, -162, 1\right)",   # right, in LaTeX
               "4.5": "(1, 2)",                        # right, plain text
               "4.6": "(45, 10)"}                      # the components swapped
    for cell in _answer_cells(book):
        problem = cell.source.split("check(")[1].split(",")[0].strip("'\"")
        cell.source = cell.source.replace('answer = r""', f"answer = {answers[problem]!r}")
    nbformat.write(book, worksheet)
    verdicts = [_outputs(cell) for cell in _answer_cells(_run(worksheet))]
    assert "**Верно.**" in verdicts[0] and "**Верно.**" in verdicts[1]
    assert "**Неверно.**" in verdicts[2] and "2" in verdicts[2]


def test_an_empty_answer_cell_runs_and_asks_for_an_answer(tmp_path):
    worksheet, _ = export_set("4.5", "ipynb", tmp_path)
    outputs = [_outputs(cell) for cell in _answer_cells(_run(worksheet))]
    assert outputs and "Correct" not in outputs[0].replace("Not correct", "")


def test_the_notebooks_are_valid_and_in_the_language_asked(tmp_path):
    worksheet, key = export_set("graphs", "ipynb", tmp_path, lang="ru")
    for path in (worksheet, key):
        nbformat.validate(nbformat.read(path, as_version=4))
        assert json.loads(path.read_text())["metadata"]["symnn"] == {"lang": "ru"}
    book = nbformat.read(worksheet, as_version=4)
    statements = [cell.source for cell in book.cells if cell.cell_type == "markdown"][1:]
    assert statements[0].startswith("## Задача 1\n\nПостройте граф")      # as on the printed sheet, never the slug
    assert not any("graph-exp" in text for text in statements)


def test_a_russian_key_shows_every_result_in_russian(tmp_path):
    _, key = export_set("4.3,4.5", "ipynb", tmp_path, lang="ru")
    book = _run(key)
    assert "symnn.set_lang('ru')" in book.cells[1].source
    shown = [_outputs(cell) for cell in _answer_cells(book)]
    assert len(shown) == 2 and all("**Верно.**" in out and "Прочитано как:" in out for out in shown), shown
    assert not any("Read as" in out or "Correct" in out for out in shown)


@pytest.mark.parametrize("pid, written, never", [
    ("softsign", "1 + |x|", "Abs("),            # the text printer's bars, the number first: never (Abs(x) + 1)^(-2)
    ("neuron-3in", "σ(9)", ","),                # one value, never the 1-tuple (σ(9),)
    ("4.3", "(60, -162, 1)", "**"),
])
def test_a_typed_answer_is_written_as_a_student_writes_it(pid, written, never):
    from symnn.answers.check import check_bank_answer
    from symnn.export.notebooks import typed_answer
    from symnn.problems.solve import solve
    typed = typed_answer(solve(pid))
    assert written in typed and never not in typed and "**" not in typed
    assert check_bank_answer(pid, typed).correct


def test_a_function_is_typed_as_a_student_types_it():
    from types import SimpleNamespace

    import sympy as sp

    from symnn.answers.check import check_answer
    from symnn.export.notebooks import _answer_cell, typed_answer
    relu = sp.Max(0, sp.Symbol("x"))
    typed = typed_answer(SimpleNamespace(answer=relu))
    assert typed == "max(0, x)" and check_answer(relu, typed).correct        # not SymPy's Max(0, x)
    problem = SimpleNamespace(id="relu", variant=None)
    assert _answer_cell(problem, typed, "ru") == "answer = 'max(0, x)'\ncheck('relu', answer, lang='ru')"
    # LaTeX, with its backslashes, goes into a raw string
    assert _answer_cell(problem, r"\max(0, x)", "ru") == 'answer = r"\\max(0, x)"\ncheck(\'relu\', answer, lang=\'ru\')'
