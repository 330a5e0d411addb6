"""Reading a class's submissions, one row at a time: CSV (a course platform's export, its column
names mapped, its delimiter found by ``encoding.detect``) or JSON lines. Every record of the input becomes exactly one Row, in order; a
record that cannot be used carries the reason in ``problem_with_it`` instead of being dropped.

>>> import io
>>> rows = list(read_rows(io.StringIO("student,problem,answer\\nann,4.5,\\"(1, 2)\\"\\nbob,4.5\\n"), "csv"))
>>> [(r.index, r.student, r.answer, r.problem_with_it) for r in rows]
[(0, 'ann', '(1, 2)', None), (1, 'bob', '', 'the row has 2 fields; the header names 3')]
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TextIO

INPUT_FORMATS = ("csv", "jsonl")
# a field of up to this many characters is read; the checker refuses anything longer than its own limit
MAX_FIELD = 4 * 1024 * 1024
DEFAULT_COLUMNS = {"student": "student", "problem": "problem", "answer": "answer", "variant": "variant"}


@dataclass(frozen=True)
class Row:
    index: int                      # 0 for the first record after the header
    student: str = ""
    problem: str = ""
    answer: str = ""
    variant: str = ""
    problem_with_it: str | None = None     # why the row cannot be graded, or None
    extra: dict = field(default_factory=dict, compare=False)


def input_format(path: str, given: str | None = None) -> str:
    if given is not None:
        return given
    return "jsonl" if str(path).endswith((".jsonl", ".ndjson", ".json")) else "csv"


def column_names(columns: dict | None = None) -> dict:
    """The input's name of each column: ``columns`` where it names one, the default otherwise."""
    return {**DEFAULT_COLUMNS, **(columns or {})}


def read_rows(stream: TextIO, format: str, columns: dict | None = None, delimiter: str | None = ",") -> Iterator[Row]:
    """The rows of ``stream``; ``columns`` maps student/problem/answer/variant to the input's names;
    ``delimiter`` separates a CSV's fields (JSON lines have none)."""
    names = column_names(columns)
    if format == "csv":
        yield from _csv_rows(stream, names, delimiter)
    elif format == "jsonl":
        yield from _jsonl_rows(stream, names)
    else:
        raise ValueError(f"unknown input format {format!r}; use csv or jsonl")


def _row(index: int, record: dict, names: dict) -> Row:
    values = {key: record.get(column) for key, column in names.items()}
    missing = [names[key] for key in ("student", "problem", "answer") if values[key] is None]
    text = {key: "" if value is None else str(value) for key, value in values.items()}
    if missing:
        return Row(index, **text, problem_with_it=f"no {', '.join(missing)} column in this row")
    for key in ("student", "problem", "variant"):
        if "\x00" in text[key] or len(text[key]) > 200:
            return Row(index, **{**text, key: text[key][:200].replace("\x00", "")},
                       problem_with_it=f"the {names[key]} field is not a name (NUL bytes or over 200 characters)")
    if not text["answer"].strip():
        return Row(index, **text, problem_with_it="no answer")
    return Row(index, **text)


def _csv_rows(stream: TextIO, names: dict, delimiter: str) -> Iterator[Row]:
    csv.field_size_limit(MAX_FIELD)
    reader = csv.reader(stream, delimiter=delimiter, strict=True)   # a quote left open or text after a closing quote is an error
    try:
        header = next(reader)
    except StopIteration:
        return
    except csv.Error as error:
        raise ValueError(f"the header cannot be read: {error}") from None
    needed = [names[key] for key in ("student", "problem", "answer") if names[key] not in header]
    if needed:
        raise ValueError(f"no column {', '.join(map(repr, needed))} in the header {header[:10]}; "
                         f"name the columns with --student-column, --problem-column, --answer-column")
    index = 0
    while True:
        try:
            fields = next(reader)
        except StopIteration:
            return
        except csv.Error as error:          # broken quoting, an over-long field: that record only
            yield Row(index, problem_with_it=f"the record cannot be read as CSV ({error})")
            index += 1
            continue
        if not fields:                      # a blank line is not a record
            continue
        if len(fields) != len(header):
            record = dict(zip(header, fields))
            row = _row(index, record, names)
            yield Row(index, row.student, row.problem, row.answer, row.variant,
                      f"the row has {len(fields)} fields; the header names {len(header)}")
        else:
            yield _row(index, dict(zip(header, fields)), names)
        index += 1


def _jsonl_rows(stream: TextIO, names: dict) -> Iterator[Row]:
    index = 0
    while True:
        line = stream.readline(MAX_FIELD + 1)
        if not line:
            return
        if len(line) > MAX_FIELD and not line.endswith("\n"):
            while line and not line.endswith("\n"):      # skip the rest of the over-long line
                line = stream.readline(MAX_FIELD + 1)
            yield Row(index, problem_with_it=f"the line is longer than {MAX_FIELD} characters")
            index += 1
            continue
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield Row(index, problem_with_it=f"the line is not JSON ({error.msg} at column {error.colno})")
        else:
            if isinstance(record, dict):
                yield _row(index, record, names)
            else:
                yield Row(index, problem_with_it="the line is JSON but not an object")
        index += 1
