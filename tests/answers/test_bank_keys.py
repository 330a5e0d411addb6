"""A bank problem's key is derived outside the answer's time limit, once per (bank, problem, variant),
and a bank folder given relative to the current directory is read from there."""

import json
import time

import pytest

from symnn import check_answer
from symnn.answers.check import check_bank_answer
from symnn.answers.keys import bank_key
from symnn.answers.reference import BadReference
from symnn.cli import main
from symnn.grading.worker import grade_row_limited, reference
from symnn.problems import solve as solving

CUBE = """
[[problem]]
id = "cube-slope"
kind = "derivative"
statement.en = "Find the derivative of x^3 at x = 2."
expr = "x^3"
wrt = "x"
at = "x = 2"
"""

# a hostile answer whose reading alone takes longer than the limits below
NESTED = "sin(" * 120 + "x" + ")" * 120
TIMEOUT_EN = "Checking took longer than 0.3 s and was stopped: no verdict. The problem or the answer takes long to " \
             "compare; try again, or allow more time."
TIMEOUT_RU = "Проверка заняла больше 0.3 с и была остановлена, поэтому вердикта нет: задачу или ответ сравнивать " \
             "долго. Попробуйте ещё раз или дайте больше времени."


@pytest.fixture
def bank(tmp_path):
    (tmp_path / "cube.toml").write_text(CUBE, encoding="utf-8")
    return tmp_path


@pytest.fixture
def slow_solver(monkeypatch):
    """Deriving a derivative problem's key takes 1 s here (a network or a program can take that
    long on a loaded machine): longer than the answer's limit of 0.5 s."""
    calls = []
    real = solving.SOLVERS["derivative"]

    def slow(problem):
        calls.append(problem.id)
        time.sleep(1.0)
        return real(problem)

    monkeypatch.setitem(solving.SOLVERS, "derivative", slow)
    return calls


def test_a_key_slower_than_the_limit_still_gives_a_verdict(bank, slow_solver):
    right = check_bank_answer("cube-slope", "12", bank, timeout=0.5)
    assert (right.correct, right.decided_by) == (True, "identical")
    wrong = check_bank_answer("cube-slope", "13", bank, timeout=0.5)
    assert (wrong.correct, wrong.decided_by, wrong.feedback) == (False, "numeric", ("Not correct.",))
    assert slow_solver == ["cube-slope"]              # derived once, then kept


def test_a_slow_answer_still_runs_out_of_time_without_a_verdict(bank):
    english = check_bank_answer("cube-slope", NESTED, bank, timeout=0.3)
    assert (english.correct, english.decided_by, english.feedback) == (False, "timeout", (TIMEOUT_EN,))
    russian = check_bank_answer("cube-slope", NESTED, bank, timeout=0.3, lang="ru")
    assert (russian.decided_by, russian.feedback) == ("timeout", (TIMEOUT_RU,))
    assert check_bank_answer("cube-slope", "12", bank).correct     # and the next check answers


def test_a_graded_row_counts_the_answer_alone(bank, slow_solver):
    answer, settings = reference("cube-slope", bank, "en", 0.5)
    assert answer == 12 and settings.timeout == 0.5
    row = grade_row_limited(answer, "12", settings)
    assert (row["verdict"], row["decided_by"]) == ("correct", "identical")
    assert grade_row_limited(answer, NESTED, settings)["verdict"] == "timeout"


def test_the_key_is_derived_again_when_the_bank_changes(bank):
    assert bank_key("cube-slope", bank).answer == 12
    path = bank / "cube.toml"
    path.write_text(CUBE.replace('at = "x = 2"', 'at = "x = 3"'), encoding="utf-8")
    assert bank_key("cube-slope", bank).answer == 27
    assert check_bank_answer("cube-slope", "27", bank).correct


def test_a_variant_has_its_own_key():
    assert bank_key("4.3").answer == (60, -162, 1)
    first, second = bank_key("4.3", variant=1).answer, bank_key("4.3", variant=2).answer
    assert first != second
    assert first == solving.solve("4.3", variant=1).answer


def test_a_problem_that_cannot_be_solved_is_the_callers_error(bank):
    with pytest.raises(BadReference, match="no problem 'cube'"):
        check_bank_answer("cube", "12", bank)
    with pytest.raises(BadReference, match="no problem bank at nowhere-at-all"):
        check_bank_answer("cube-slope", "12", "nowhere-at-all")


def test_a_relative_bank_is_read_from_the_current_directory(bank, monkeypatch, capsys):
    assert check_answer("1", "1").correct          # the worker starts here, in the directory before
    monkeypatch.chdir(bank.parent)
    assert check_bank_answer("cube-slope", "12", bank.name).correct
    assert not check_bank_answer("cube-slope", "13", bank.name).correct
    assert main(["check", "cube-slope", "12", "--bank", bank.name, "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["correct"] is True


def test_the_practice_service_counts_the_answer_alone(bank, slow_solver):
    pytest.importorskip("pebble")
    pytest.importorskip("starlette")
    import asyncio

    from symnn.serve.checking import Checker, NotFinished

    async def scenario():
        checker = Checker(workers=1, timeout=0.5, bank=bank, max_wait=30.0)
        try:
            right = await checker.check("12", "en", problem="cube-slope")
            with pytest.raises(NotFinished) as slow:
                await checker.check(NESTED, "en", problem="cube-slope")
            return right, slow.value.kind
        finally:
            checker.close()
    right, kind = asyncio.run(scenario())
    assert (right["correct"], right["decided_by"]) == (True, "identical")
    assert kind == "timeout" and slow_solver == ["cube-slope"]


def test_a_derivation_is_checked_within_the_limit_when_its_problem_is_slow_to_solve(bank, slow_solver, monkeypatch):
    from symnn.grading.derivation import check_derivation
    assert check_answer("1", "1").correct          # the worker starts here, in the directory before
    monkeypatch.chdir(bank.parent)
    right = check_derivation("cube-slope", "d/dx(x^3) = 3x^2\n= 3*2^2 = 12", bank.name, timeout=0.5)
    assert (right.correct, right.feedback) == (True, ("Correct: each of the 2 lines follows from the one before.",))
    wrong = check_derivation("cube-slope", "d/dx(x^3) = 2x^2\n= 8", bank.name, timeout=0.5)
    assert (wrong.correct, wrong.first_wrong) == (False, 1)
