"""The problem bank: loading, solving, and the course's published values as cross-checks."""

import json
import os
import shutil

import pytest
import sympy as sp

from symnn import solve
from symnn.problems.bank import BankError, default_bank_dir, get_problem, load_bank
from symnn.render import FORMATS, render

# id -> what the course publishes (the cross-check; the toolkit derives its own answer)
PUBLISHED_GRADIENTS = {
    "4.3": [60, -162, 1],    # the course prints -162.0: it substituted the float 0.333...
    "4.4": [1, 1, 0],
    "4.5": [1, 2],
    "4.6": [10, 45],
}


@pytest.mark.parametrize("problem_id, published", PUBLISHED_GRADIENTS.items())
def test_gradient_problems_match_the_course(problem_id, published):
    solution = solve(problem_id)
    assert list(solution.answer) == published
    assert all(isinstance(v, sp.Integer) for v in solution.answer)   # exact, not -162.0
    assert get_problem(problem_id).published == pytest.approx(published)


def test_every_problem_solves_and_renders_as_json_in_both_languages():
    """The document formats are printed for every problem, language and detail by
    tests/render/test_artefacts.py, and scanned there."""
    assert set(FORMATS) == {"text", "latex", "md", "html", "json"}
    for problem_id in load_bank():
        solution = solve(problem_id)
        for lang in ("en", "ru"):
            assert json.loads(render(solution, "json", lang=lang))["id"] == problem_id


def test_every_problem_has_english_and_russian_statements():
    for problem in load_bank().values():
        assert problem.statement.get("en") and problem.statement.get("ru"), problem.id


def test_json_contract_of_solve():
    out = json.loads(render(solve("4.3"), "json"))
    assert out["id"] == "4.3"
    assert out["answer"] == "[60, -162, 1]"
    assert out["value"] == [60, -162, 1]
    assert out["answer_latex"] == r"(60, \  -162, \  1)"


def test_a_teachers_own_bank(tmp_path):
    (tmp_path / "mine.toml").write_text('''
topic = "practice"
[[problem]]
id = "p1"
kind = "derivative"
expr = "x^2*exp(x)"
wrt = "x"
at = "x = 0"
statement.en = "Differentiate $x^2 e^x$ at 0."
statement.ru = "Найдите производную $x^2 e^x$ в нуле."

[[problem]]
id = "p2"
kind = "derivative"
expr = "sin(x)"
wrt = "x"
order = 2
statement.en = "Second derivative of sin."
''', encoding="utf-8")
    assert solve("p1", tmp_path).answer == 0
    assert solve("p2", tmp_path).answer == -sp.sin(sp.Symbol("x", real=True))


def test_the_shipped_bank_is_found_and_extendable(tmp_path):
    folder = tmp_path / "bank"
    shutil.copytree(default_bank_dir(), folder)
    assert set(PUBLISHED_GRADIENTS) <= set(load_bank(folder))


@pytest.mark.parametrize("content, message", [
    ("[[problem]]\nid = 'a'\n", "has no kind, statement"),                     # missing fields
    ("[[problem]\n", "mine.toml"),                                             # not TOML
    ("[[problem]]\nid='a'\nkind='activation-table'\nstatement.en='s'\n"
     "[[problem]]\nid='a'\nkind='activation-table'\nstatement.en='s'\n", "used twice"),   # duplicate id
    ("[[problem]]\nid='a'\nkind='x'\nstatement.en='s'\n", "unknown kind 'x'"),             # a kind no solver has
    ("[[problem]]\nid='a'\nkind='derivative'\nstatement.en='s'\nwrt='x'\n", "expr: missing"),  # the kind's field
    ("[[problem]]\nid='a'\nkind='derivative'\nstatement.en='s'\nexpr=5\nwrt='x'\n", "expr: expected text"),
    ("[[problem]]\nid='a'\nkind='derivative'\nstatement.en='s'\nexpr='x'\nwrt='x'\ncolour=1\n", "colour: unknown"),
    ("[[problem]]\nid='a'\nkind='loss'\nstatement.en='s'\nloss='mse'\ny=[[[1]]]\npred=[1]\n", "y: "),  # nested too deep
    ("[[problem]]\nid='a'\nkind='activation-table'\nstatement=3\n", "statement: expected a table"),
    ("topic = 1\n", "topic: expected text"),
])
def test_broken_bank_files_are_reported(tmp_path, content, message):
    (tmp_path / "mine.toml").write_text(content, encoding="utf-8")
    with pytest.raises(BankError, match=message):
        load_bank(tmp_path)


@pytest.mark.parametrize("make", ["directory", "fifo", "device"])
def test_a_special_file_named_toml_is_refused_without_blocking(tmp_path, make):
    path = tmp_path / "odd.toml"
    if make == "directory":
        path.mkdir()
    elif make == "fifo":
        os.mkfifo(path)
    else:
        path.symlink_to("/dev/zero")
    with pytest.raises(BankError, match="odd.toml: not a regular file"):
        load_bank(tmp_path)


def test_unknown_id_suggests_close_ones():
    with pytest.raises(BankError, match="did you mean 4.3"):
        get_problem("4.33")


def test_unknown_kind_is_reported(tmp_path):
    (tmp_path / "k.toml").write_text("[[problem]]\nid='a'\nkind='magic'\nstatement.en='s'\n", encoding="utf-8")
    with pytest.raises(BankError, match="unknown kind 'magic'"):
        solve("a", tmp_path)


# id -> the course's symbolic answer; the derived answer must be equal to it
SYMBOLIC = ["bce-grad", "bce-grad-logit", "neuron-grad", "linreg-grad"]   # nll-softmax: tests/test_softmax.py


@pytest.mark.parametrize("problem_id", SYMBOLIC)
def test_symbolic_answers_match_the_course(problem_id):
    from symnn import check_answer
    solution = solve(problem_id)
    steps = solution.work.partials if hasattr(solution.work, "partials") else (solution.work,)
    assert not any(step.failures() for step in steps)
    assert check_answer(solution.answer, solution.problem.cross_check).correct


def test_grad_quadratic():
    assert list(solve("grad-quadratic").answer) == [1, 2]


def _numbers(value):
    if isinstance(value, (list, tuple)):
        return [n for v in value for n in _numbers(v)]
    return [value]


def _half_unit(number) -> float:
    """Half a unit in the last decimal place the course printed (0.0215 -> 0.00005)."""
    text = repr(float(number))
    places = len(text.split(".")[1]) if "." in text and "e" not in text else 0
    return 0.5 * 10 ** -places + 1e-12


def test_every_numeric_published_value_is_reproduced():
    from symnn.problems.solve import answer_value
    checked = 0
    for problem in load_bank().values():
        if problem.cross_check is None or isinstance(problem.cross_check, str):
            continue
        derived = _numbers(answer_value(solve(problem.id).answer))
        published = _numbers(problem.cross_check)
        assert len(derived) == len(published), problem.id
        for ours, theirs in zip(derived, published):
            assert abs(ours - theirs) <= _half_unit(theirs), (problem.id, ours, theirs)
        checked += 1
    assert checked >= 20


# every row of the course's catalog (design notes), by its bank id
CATALOG = ["kxb", "linreg-fit", "4.3", "4.4", "4.5", "4.6", "5.1", "bce-grad", "linreg-grad", "softmax-jacobian",
           "nll-softmax", "l2-reg", "finite-diff", "graph-exp", "max-gate", "neuron-3in", "neuron-2in",
           "feedforward-221", "backprop-w1", "gender-train", "neuron-grad", "delta-rule", "mae", "mse", "rmse",
           "ce", "graph-matrix", "xor-lab", "linreg-normal-eq", "perceptron-alpha", "activations",
           "two-layer-grad", "grad-quadratic", "gd-linreg-step", "optimizers", "conv-3x3", "dot"]


def test_every_row_of_the_catalog_is_in_the_bank():
    assert [row for row in CATALOG if row not in load_bank()] == []


def test_every_problem_can_be_checked_with_its_own_answer():
    # written as a student would type it: numbers and formulas as text, vectors in parentheses
    from symnn import check_answer
    from symnn.problems.solve import question_options
    unreadable = []
    for problem_id, problem in load_bank().items():
        answer = solve(problem_id).answer
        if isinstance(answer, sp.MatrixBase):
            answer = tuple(answer)
        text = "(" + ", ".join(map(sp.sstr, answer)) + ")" if isinstance(answer, tuple) else sp.sstr(answer)
        verdict = check_answer(answer, text, **question_options(problem))
        if not verdict.correct:
            unreadable.append((problem_id, verdict.feedback))
    # Derivative(L(w1, ...)) and Heaviside(x, 0) are SymPy's notation, not a student's; delta-rule's 21 exact
    # values (σ of σ, multiplied out) are longer than an answer may be: its typed key is in decimals
    assert [p for p, _ in unreadable] == ["activations", "l2-reg", "delta-rule"], unreadable
