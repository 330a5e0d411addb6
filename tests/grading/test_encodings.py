"""Class files as Excel and course platforms write them: UTF-8 with and without a BOM,
Windows-1251 from a Russian Excel, UTF-16 from Excel's "Unicode text"; fields separated by
commas, semicolons or tabs. Each file is built byte by byte; the encoding and the delimiter are
detected, and every name and answer arrives exactly as it was written."""

from __future__ import annotations

import codecs
import csv
import json
import subprocess
import sys
from pathlib import Path

from symnn.grading.encoding import SAMPLE_BYTES, InputText, detect, detect_delimiter, detect_encoding
from symnn.grading.submissions import column_names, read_rows

from .test_batch import _results

HEADER = ["student", "problem", "answer"]


def _bytes(lines: list[str], delimiter: str, encoding: str, bom: bytes = b"") -> bytes:
    """The lines' fields joined by ``delimiter`` (no quoting: a field is written as given), CRLF as Excel ends lines."""
    return bom + "".join(delimiter.join(fields) + "\r\n" for fields in lines).encode(encoding)


def _read(path: Path, format: str = "csv", columns: dict | None = None) -> tuple[InputText, list]:
    """What the grader reads from ``path``: how it was detected, and its rows."""
    source = detect(path, format, column_names(columns).values())
    with source.open(path) as stream:
        return source, list(read_rows(stream, format, columns, source.delimiter))


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_utf8_with_a_bom_and_semicolons(tmp_path):
    data = _bytes([HEADER, ["ann", "4.5", "(1, 2)"]], ";", "utf-8", codecs.BOM_UTF8)
    source, rows = _read(_write(tmp_path / "class.csv", data))
    assert source == InputText("utf-8-sig", ";")
    assert [(r.student, r.problem, r.answer, r.problem_with_it) for r in rows] == [("ann", "4.5", "(1, 2)", None)]


def test_windows_1251_with_semicolons_keeps_cyrillic_names_and_answers(tmp_path):
    data = _bytes([HEADER, ["Иванов Пётр", "4.5", "Ответ: 6x"], ["Сидорова Анна", "4.6", "(10, 45)"]], ";", "cp1251")
    source, rows = _read(_write(tmp_path / "class.csv", data))
    assert source == InputText("cp1251", ";")
    assert [(r.student, r.answer) for r in rows] == [("Иванов Пётр", "Ответ: 6x"), ("Сидорова Анна", "(10, 45)")]
    assert all(r.problem_with_it is None for r in rows)


def test_a_russian_header_is_found_through_the_mapped_columns(tmp_path):
    columns = {"student": "ФИО", "problem": "Задача", "answer": "Ответ"}
    data = _bytes([["ФИО", "Задача", "Ответ"], ["Иванов Пётр", "4.5", "(1, 2)"]], ";", "cp1251")
    source, rows = _read(_write(tmp_path / "class.csv", data), columns=columns)
    assert source == InputText("cp1251", ";")
    assert (rows[0].student, rows[0].answer, rows[0].problem_with_it) == ("Иванов Пётр", "(1, 2)", None)


def test_utf8_without_a_bom_and_tabs(tmp_path):
    data = _bytes([HEADER, ["Иванов Пётр", "4.5", "(1, 2)"], ["bob", "4.5", "1; 2"]], "\t", "utf-8")
    source, rows = _read(_write(tmp_path / "class.txt", data))
    assert source == InputText("utf-8", "\t")
    assert [(r.student, r.answer) for r in rows] == [("Иванов Пётр", "(1, 2)"), ("bob", "1; 2")]


def test_utf16_with_a_bom_as_excel_saves_unicode_text(tmp_path):
    data = _bytes([HEADER, ["Иванов Пётр", "4.5", "Ответ: 6x"]], "\t", "utf-16-le", codecs.BOM_UTF16_LE)
    source, rows = _read(_write(tmp_path / "class.txt", data))
    assert source == InputText("utf-16", "\t")
    assert [(r.student, r.answer, r.problem_with_it) for r in rows] == [("Иванов Пётр", "Ответ: 6x", None)]


def test_a_sample_that_ends_inside_a_character_still_tells_its_encoding():
    text = "student\tproblem\tanswer\r\nИванов Пётр\t4.5\tОтвет: 6x 😀"
    assert detect_encoding(text.encode("utf-16")[:-2]) == "utf-16"           # half of the emoji's surrogate pair
    assert detect_encoding(text.encode("utf-8")[:-1]) == "utf-8"             # three of the emoji's four bytes


def test_quoted_answers_with_commas_and_semicolons_leave_the_delimiter_a_comma(tmp_path):
    lines = [HEADER, ["ann", "4.3", '"(60; -162; 1)"'], ["bob", "4.3", '"(60, -162, 1)"'], ["cy", "4.3", '"60; -162; 1"']]
    source, rows = _read(_write(tmp_path / "class.csv", _bytes(lines, ",", "utf-8")))
    assert source == InputText("utf-8", ",")
    assert [r.answer for r in rows] == ["(60; -162; 1)", "(60, -162, 1)", "60; -162; 1"]


def test_the_sniffer_alone_finds_the_comma_when_the_header_names_no_known_column():
    text = 'name,task,response\nann,4.3,"(60; -162; 1)"\nbob,4.3,"(1; 2; 3)"\n'
    assert detect_delimiter(text, HEADER) == ","


def test_names_differing_in_one_letter_stay_two_students(tmp_path):
    lines = [HEADER, ["Иванов Пётр", "4.5", "(1, 2)"], ["Иванов Петр", "4.5", "(1, 2)"], ["Ivanov Petr", "4.5", "(1, 2)"]]
    _, rows = _read(_write(tmp_path / "class.csv", _bytes(lines, ";", "cp1251")))
    assert [r.student for r in rows] == ["Иванов Пётр", "Иванов Петр", "Ivanov Petr"]


def test_cyrillic_first_met_past_the_sample_is_still_read_intact(tmp_path):
    ascii_rows = [[f"student{k}", "4.5", "(1, 2)"] for k in range(SAMPLE_BYTES // 20)]
    lines = [HEADER, *ascii_rows, ["Иванов Пётр", "4.5", "(1, 2)"], ["Иванов Петр", "4.5", "(1, 2)"]]
    data = _bytes(lines, ";", "cp1251")
    assert data[:SAMPLE_BYTES].isascii()
    source, rows = _read(_write(tmp_path / "class.csv", data))
    assert source == InputText("cp1251", ";")
    assert [r.student for r in rows[-2:]] == ["Иванов Пётр", "Иванов Петр"]


def test_json_lines_stay_utf8_with_a_bom_stripped(tmp_path):
    record = json.dumps({"student": "Иванов Пётр", "problem": "4.5", "answer": "(1, 2)"}, ensure_ascii=False)
    source, rows = _read(_write(tmp_path / "class.jsonl", codecs.BOM_UTF8 + (record + "\n").encode()), "jsonl")
    assert source == InputText("utf-8-sig", None)
    assert (rows[0].student, rows[0].problem_with_it) == ("Иванов Пётр", None)


def test_the_report_line_in_english_and_russian():
    assert InputText("cp1251", ";").describe("en", "class.csv") == "reading class.csv as Windows-1251, separated by ';'"
    assert InputText("cp1251", ";").describe("ru", "class.csv") == "читаю class.csv: кодировка Windows-1251, разделитель «;»"
    assert InputText("utf-16", "\t").describe("en", "class.txt") == "reading class.txt as UTF-16, separated by tabs"


def test_symnn_grade_reads_a_russian_excel_file_and_says_how(tmp_path):
    lines = [HEADER, ["Иванов Пётр", "4.5", "(1, 2)"], ["Иванов Петр", "4.5", "(2, 1)"], ["Сидорова Анна", "4.6", "(10, 45)"]]
    _write(tmp_path / "class.csv", _bytes(lines, ";", "cp1251"))
    done = subprocess.run([sys.executable, "-m", "symnn", "grade", "class.csv", "--out", "graded", "--workers", "1",
                           "--no-progress"], cwd=tmp_path, capture_output=True, text=True, encoding="utf-8", check=True)
    assert "reading class.csv as Windows-1251, separated by ';'" in done.stderr
    graded = tmp_path / "graded"
    with (graded / "students.csv").open(encoding="utf-8", newline="") as file:
        students = {row["student"]: row["correct"] for row in csv.DictReader(file)}
    assert students == {"Иванов Пётр": "1", "Иванов Петр": "0", "Сидорова Анна": "1"}
    assert [r["verdict"] for r in _results(graded)] == ["correct", "incorrect", "correct"]
    summary = json.loads((graded / "summary.json").read_text(encoding="utf-8"))
    assert summary["input"] == {"encoding": "cp1251", "delimiter": ";"}
