"""Grading a synthetic class: every row comes back, in order, with the verdict its case expects;
malformed and hostile rows get their own rows; a run killed by SIGKILL completes on rerun without
regrading what it had finished, and gives the same results as a run that was never killed."""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from symnn.grading.batch import JOURNAL, Settings, grade_file

# (problem, answer, expected verdict): one comment per case
CASES = [
    ("4.3", "(60, -162, 1)", "correct"),                       # plain text
    ("4.3", r"\left(60, -162, 1\right)", "correct"),           # LaTeX
    ("4.3", r"\begin{pmatrix} 60 \\ -162 \\ 1 \end{pmatrix}", "correct"),   # a column vector
    ("4.3", "60, -162, 1", "correct"),                         # commas alone
    ("4.3", "(60, −162, 1)", "correct"),                       # a Unicode minus
    ("4.3", "(60, -162.0, 1)", "correct"),                     # the course's own -162.0
    ("4.3", "(60, 162, 1)", "incorrect"),                      # a sign
    ("4.3", "(60, -162, 0)", "incorrect"),                     # cos 0 taken as 0
    ("4.3", "(60, -162)", "incorrect"),                        # a component missing
    ("4.5", "(1, 2)", "correct"),
    ("4.5", "(2, 1)", "incorrect"),                            # swapped
    ("4.6", "(10, 45)", "correct"),
    ("4.6", "(10, 40)", "incorrect"),                          # 2y differentiated as 2 in place of 4y
    ("bce-grad", "(p - y)/(p*(1 - p))", "correct"),
    ("bce-grad", r"\frac{p-y}{p(1-p)}", "correct"),            # LaTeX fraction
    ("bce-grad", "(y - p)/(p*(1 - p))", "incorrect"),          # the sign
    ("softsign", "1/(1 + |x|)^2", "correct"),
    ("softsign", "1/(1 + x)^2", "incorrect"),                  # the course slide's lost bars
    ("5.1", "15", "correct"),
    ("5.1", "30", "incorrect"),                                # factor of two
    ("neuron-3in", "σ(9)", "correct"),                         # exact: σ(0·2 + 1·3 + 0.5·4 + 4)
    ("neuron-3in", "0.9999", "correct"),                       # a correct rounding of 0.99987…
    ("neuron-3in", "0.9998", "incorrect"),                     # cut, not rounded
    ("4.5", "__import__('os').system('true')", "incorrect"),   # code is never run, only refused
    ("4.5", "(1, 2" + ")" * 5000, "incorrect"),                # unbalanced and long
    ("4.5", "x" * 1_000_000, "incorrect"),                     # 1 MB: refused by size, with a message
    ("4.5", "(1,\x00 2)", "incorrect"),                        # a NUL byte
    ("4.5", "", "invalid"),                                    # empty
    ("4.5", "   ", "invalid"),                                 # blank
    ("no-such", "1", "invalid"),                               # unknown problem
    ("graph-matrix", "1", "incorrect"),                        # a number where a matrix formula is asked
    ("graph-matrix", "X^T a", "correct"),                      # the formula, as a student types it
]


def write_class(path: Path, copies: int) -> list[str]:
    """CASES ``copies`` times over as a CSV, plus malformed records; the verdict expected of each row."""
    expected = []
    with path.open("w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(["student", "problem", "answer"])
        for copy in range(copies):
            for k, (problem, answer, verdict) in enumerate(CASES):
                writer.writerow([f"s{copy}-{k}", problem, answer])
                expected.append(verdict)
            file.write("short,4.5\n")                          # a missing column
            expected.append("invalid")
            file.write('bad,4.5,"(1, 2)"x\n')                  # text after a closing quote
            expected.append("invalid")
    return expected


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    folder = tmp_path_factory.mktemp("class")
    expected = write_class(folder / "class.csv", copies=10)
    tally = grade_file(folder / "class.csv", folder / "out", Settings(workers=2), progress=False)
    return folder, expected, tally


def _results(folder: Path) -> list[dict]:
    with (folder / "results.csv").open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def test_every_row_has_its_expected_verdict_in_input_order(graded):
    folder, expected, tally = graded
    results = _results(folder / "out")
    assert len(expected) >= 300 and len(results) == len(expected) == tally.rows
    assert [int(r["row"]) for r in results] == list(range(len(expected)))
    wrong = [(r["row"], r["problem"], r["verdict"], want, r["feedback"][:80])
             for r, want in zip(results, expected) if r["verdict"] != want]
    assert not wrong


def test_each_mistake_is_named_and_each_bad_row_says_why(graded):
    folder, _, _ = graded
    results = _results(folder / "out")
    wrong = {(r["problem"], r["feedback"]) for r in results if r["verdict"] == "incorrect"}
    for problem, needle in (("4.5", "swapped"), ("bce-grad", "sign"), ("4.3", "missing"), ("5.1", "factor of 2")):
        assert any(p == problem and needle in f for p, f in wrong), (problem, needle)
    messages = [r["feedback"] for r in results if r["verdict"] == "invalid"]
    for needle in ("no answer", "no problem 'no-such'", "fields", "cannot be read as CSV"):
        assert any(needle in m for m in messages), needle


def test_students_problems_summary_and_report_agree_with_the_results(graded):
    folder, expected, tally = graded
    out = folder / "out"
    results = _results(out)
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["rows"] == len(results) and sum(summary["verdicts"].values()) == len(results)
    assert summary["verdicts"]["correct"] == sum(r["verdict"] == "correct" for r in results)
    problems = {row["problem"]: row for row in csv.DictReader((out / "problems.csv").open(encoding="utf-8"))}
    rows_45 = [r for r in results if r["problem"] == "4.5"]
    assert int(problems["4.5"]["answered"]) == len(rows_45)
    assert float(problems["4.5"]["success_rate"]) == round(sum(r["verdict"] == "correct" for r in rows_45) / len(rows_45), 4)
    students = list(csv.DictReader((out / "students.csv").open(encoding="utf-8")))
    assert sum(int(s["answered"]) for s in students) == len(results)
    mistakes = summary["problems"]["4.6"]["common_mistakes"]
    assert mistakes and all("s0-" not in m["example"] for m in mistakes)         # examples carry no student
    page = (out / "report.html").read_text(encoding="utf-8")
    assert "<svg" in page and "<script" not in page and "http" not in page and "4.6" in page


def test_a_rerun_of_a_finished_grading_regrades_nothing(graded):
    folder, _, _ = graded
    out = folder / "out"
    journal = (out / JOURNAL).read_bytes()
    before = (out / "results.csv").read_bytes()
    grade_file(folder / "class.csv", out, Settings(workers=2), progress=False)
    assert (out / JOURNAL).read_bytes() == journal and (out / "results.csv").read_bytes() == before


def test_json_lines_and_mapped_columns(tmp_path):
    lines = [{"who": "ann", "task": "4.5", "response": "(1, 2)"}, "not json", [1, 2], {"who": "bob", "task": "4.5"},
             {"who": "cy", "task": "4.6", "response": "(10, 45)"}]
    path = tmp_path / "answers.jsonl"
    path.write_text("\n".join(json.dumps(x) if not isinstance(x, str) else x for x in lines) + "\n", encoding="utf-8")
    grade_file(path, tmp_path / "out", Settings(workers=1), {"student": "who", "problem": "task", "answer": "response"},
               progress=False)
    verdicts = [r["verdict"] for r in _results(tmp_path / "out")]
    assert verdicts == ["correct", "invalid", "invalid", "invalid", "correct"]


def test_a_run_killed_midway_completes_on_rerun_with_the_same_results(tmp_path):
    write_class(tmp_path / "class.csv", copies=40)
    command = [sys.executable, "-m", "symnn", "grade", "class.csv", "--workers", "2", "--no-progress"]
    killed = subprocess.Popen([*command, "--out", "killed"], cwd=tmp_path, start_new_session=True,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    journal = tmp_path / "killed" / JOURNAL
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and (not journal.exists() or journal.read_bytes().count(b"\n") < 300):
        time.sleep(0.05)
    os.killpg(killed.pid, signal.SIGKILL)           # the command and its workers, with no chance to clean up
    killed.wait()
    finished = journal.read_bytes()
    done = finished.count(b"\n") - 1
    assert 0 < done < 40 * (len(CASES) + 2), "the kill came too late to test anything"
    assert not (tmp_path / "killed" / "results.csv").exists()
    subprocess.run([*command, "--out", "killed"], cwd=tmp_path, check=True, capture_output=True)
    subprocess.run([*command, "--out", "clean"], cwd=tmp_path, check=True, capture_output=True)
    complete = (tmp_path / "killed" / JOURNAL).read_bytes()
    whole_lines = finished[: finished.rfind(b"\n") + 1]
    assert complete.startswith(whole_lines)         # the finished rows were kept as they were, not regraded
    assert (tmp_path / "killed" / "results.csv").read_bytes() == (tmp_path / "clean" / "results.csv").read_bytes()


def test_another_input_into_the_same_folder_starts_afresh(tmp_path):
    (tmp_path / "a.csv").write_text("student,problem,answer\nann,4.5,\"(1, 2)\"\n", encoding="utf-8")
    (tmp_path / "b.csv").write_text("student,problem,answer\nbob,4.5,\"(2, 1)\"\nbo,4.5,\"(1, 2)\"\n", encoding="utf-8")
    grade_file(tmp_path / "a.csv", tmp_path / "out", Settings(workers=1), progress=False)
    grade_file(tmp_path / "b.csv", tmp_path / "out", Settings(workers=1), progress=False)
    assert [r["student"] for r in _results(tmp_path / "out")] == ["bob", "bo"]
