"""Per-student variants: deterministic, distinct across a roster, never degenerate; each derived
answer checks as correct against itself, and another student's answer is caught in grading."""

from __future__ import annotations

import csv
import json

import pytest
import sympy as sp

from symnn.answers.check import check_answer
from symnn.cli import main
from symnn.grading.batch import Settings, grade_file
from symnn.problems.bank import BankError, get_problem, load_bank
from symnn.problems.solve import solve
from symnn.problems.variants import assign, degenerate, variant_problem
from symnn.render.math import text_math

WITH_VARIANTS = [p.id for p in load_bank().values() if p.variants]
ROSTER = [f"student-{k:03d}" for k in range(40)]


def test_the_bank_declares_variants_for_points_weights_and_loss_data():
    assert {"4.3", "4.4", "4.6", "neuron-3in", "5.1"} <= set(WITH_VARIANTS)


@pytest.mark.parametrize("pid", WITH_VARIANTS)
def test_variants_are_deterministic_and_distinct_across_students(pid):
    problem = get_problem(pid)
    first = assign(problem, ROSTER, seed=2026)
    again = assign(problem, ROSTER, seed=2026)
    assert [(s, p.variant, p.parameters) for s, p in first] == [(s, p.variant, p.parameters) for s, p in again]
    assert len({p.parameters for _, p in first}) == len(ROSTER)          # no two students share numbers
    other_seed = assign(problem, ROSTER, seed=7)
    assert [p.variant for _, p in other_seed] != [p.variant for _, p in first]


@pytest.mark.parametrize("pid", WITH_VARIANTS)
def test_no_variant_is_degenerate_and_each_answer_checks_against_itself(pid):
    problem = get_problem(pid)
    for k in range(1, 31):
        chosen = variant_problem(problem, k)
        answer = solve(chosen).answer
        assert degenerate(answer) is None
        answer = answer[0] if isinstance(answer, tuple) and len(answer) == 1 else answer
        typed = text_math(sp.Tuple(*answer) if isinstance(answer, tuple) else answer)
        assert check_answer(answer, typed).correct, (k, typed)
        assert chosen.text("en") != problem.text("en") or chosen.parameters == ()


def test_a_point_outside_the_domain_and_a_zero_loss_are_rejected():
    for k in range(1, 60):
        assert dict(variant_problem(get_problem("4.4"), k).parameters)["x0"] != 0     # cos(z)/x at x = 0
    assert degenerate(sp.Integer(0)) == "zero" and degenerate((0, 0)) == "zero"
    assert degenerate(sp.zoo) == "not finite" and degenerate(sp.sqrt(-1)) == "not real"


def test_a_problem_without_variants_and_a_bad_number_are_refused():
    with pytest.raises(BankError, match="no variants"):
        variant_problem(get_problem("4.5"), 1)
    with pytest.raises(BankError, match="whole number"):
        variant_problem(get_problem("4.6"), 0)


def test_a_bad_variants_table_is_one_line_at_load(tmp_path):
    (tmp_path / "t.toml").write_text('[[problem]]\nid = "p"\nkind = "gradient"\nexpr = "x*y"\nwrt = "x, y"\n'
                                     'at = "x = 1, y = 2"\nstatement.en = "."\n'
                                     '[problem.variants.parameters]\na = { range = [3, 1] }\n', encoding="utf-8")
    with pytest.raises(BankError, match="variants: a: range"):
        load_bank(tmp_path)


def test_the_command_line_writes_variants_and_solves_one(tmp_path, capsys):
    roster = tmp_path / "roster.csv"
    roster.write_text("student,name\n" + "".join(f"{s},x\n" for s in ROSTER[:5]), encoding="utf-8")
    out = tmp_path / "variants.csv"
    assert main(["variants", "4.6", "--students", str(roster), "--seed", "1", "--out", str(out)]) == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [r["student"] for r in rows] == ROSTER[:5]
    capsys.readouterr()
    assert main(["solve", "4.6", "--variant", rows[0]["variant"], "--format", "json"]) == 0
    solved = json.loads(capsys.readouterr().out)
    assert text_math(sp.Tuple(*solved["value"])) == rows[0]["answer"]
    params = json.loads(rows[0]["parameters"])
    assert f"({params['x0']}, {params['y0']})" in rows[0]["statement"]


def test_grading_uses_each_students_variant_and_names_another_variants_answer(tmp_path):
    pairs = assign(get_problem("4.6"), ROSTER[:3], seed=3)
    answers = [text_math(sp.Tuple(*solve(p).answer)) for _, p in pairs]
    path = tmp_path / "class.csv"
    with path.open("w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(["student", "problem", "variant", "answer"])
        writer.writerow([pairs[0][0], "4.6", pairs[0][1].variant, answers[0]])      # their own: right
        writer.writerow([pairs[1][0], "4.6", pairs[1][1].variant, answers[0]])      # the first student's
        writer.writerow([pairs[2][0], "4.6", pairs[2][1].variant, answers[2]])      # their own: right
    grade_file(path, tmp_path / "out", Settings(workers=1), progress=False)
    results = list(csv.DictReader((tmp_path / "out" / "results.csv").open(encoding="utf-8")))
    assert [r["verdict"] for r in results] == ["correct", "incorrect", "correct"]
    assert "another variant" in results[1]["feedback"] and str(pairs[0][1].variant) in results[1]["feedback"]


def test_a_student_checks_their_own_variant_from_the_command_line(capsys):
    problem = variant_problem(get_problem("4.6"), 12)
    own = text_math(sp.Tuple(*solve(problem).answer))
    assert main(["check", "4.6", own, "--variant", "12"]) == 0
    assert capsys.readouterr().out.startswith("Correct.")
    assert main(["check", "4.6", "(10, 45)", "--variant", "12"]) == 0 and "Not correct" in capsys.readouterr().out
    assert main(["check", "--reference", "x", "x", "--variant", "3"]) == 2
