"""The bank's NumPy questions (kind ``array``): every one solved, against NumPy run here directly; the
broadcasting slide's slip; students' answers checked; a malformed problem refused with its field named."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp

from symnn.answers.check import check_answer, check_bank_answer
from symnn.problems.bank import BankError, load_bank
from symnn.problems.schema import problem_errors
from symnn.problems.solve import solve
from symnn.render import render

# every problem of problems/tensors.toml, and the same operation written here for NumPy itself
ORACLES = {
    "tensor-ranks": (np.array(11).ndim, np.array([1, 2, 3]).ndim, np.array([[1, 2], [3, 4]]).ndim,
                     np.ones((4, 3, 2)).ndim),
    "row-column": np.array([[1, 2, 3]]).T @ np.array([[1, 2, 3]]),
    "tensor-function": np.maximum(np.array([[1, -2], [3, -4]]), 0),
    "np-attributes": (np.ones((4, 3, 2)).ndim, np.ones((4, 3, 2)).size, np.ones((4, 3, 2)).itemsize),
    "np-creation": np.array([[[1, 2], [3, 4]], [[5, 6], [7, 8]]])[1],
    "np-arithmetic": np.array([1, 2]) * 1.6,
    "np-broadcast-scalar": np.arange(3) + 5,
    "np-broadcast-row": np.ones((3, 3)) + np.arange(3),
    "np-broadcast-column": np.ones((3, 1)) + np.arange(3),
    "np-slicing": np.array([1, 2, 3])[1:],
    "np-slicing-2d": np.arange(12).reshape(3, 4)[1:, ::2],
    "np-aggregate": (6, 1, 21),
    "np-axis-max-0": np.array([[1, 2], [5, 3], [4, 6]]).max(axis=0),
    "np-axis-max-1": np.array([[1, 2], [5, 3], [4, 6]]).max(axis=1),
    "np-transpose": np.array([[1, 2], [3, 4], [5, 6]]).T,
    "flatten-shape": np.zeros((32, 32, 3)).reshape(-1).shape,
    "flatten-parameters": np.zeros((3072, 10)).size + np.zeros(10).size,
}


def _plain(answer):
    if isinstance(answer, sp.MatrixBase):
        return np.array(answer.tolist(), dtype=float)
    if isinstance(answer, tuple):
        return np.array([float(a) for a in answer])
    return np.array(float(answer))


@pytest.mark.parametrize("problem_id", sorted(ORACLES))
def test_every_numpy_problem_is_what_numpy_gives(problem_id):
    expected = np.asarray(ORACLES[problem_id], dtype=float)
    got = _plain(solve(problem_id).answer)
    assert got.shape == expected.shape or (expected.ndim == 0 and got.size == 1)
    assert np.array_equal(got.reshape(expected.shape), expected)


def test_every_problem_of_the_file_is_solved_and_has_an_oracle():
    tensors = {pid for pid, p in load_bank().items() if p.topic == "tensors"}
    assert tensors == set(ORACLES) | {"np-broadcast-error"}


def test_the_refused_broadcast_is_the_answer_and_says_why():
    solution = solve("np-broadcast-error")
    with pytest.raises(ValueError):
        np.ones((3, 2)) + np.arange(3)                     # NumPy refuses it too
    assert solution.answer == sp.Symbol("error")
    text = render(solution, "text", lang="en")
    assert "the shapes are 3×2 and 1×3: on one axis the lengths are 2 and 3" in text
    assert "Answer: error: NumPy refuses the operation" in text
    assert "Ответ: ошибка: NumPy отказывается выполнять операцию" in render(solution, "text", lang="ru")


def test_the_broadcasting_slip_of_the_slide_is_named_beside_the_right_result():
    solution = solve("np-broadcast-column")
    slide = np.array([[0, 1, 2], [1, 2, 3], [2, 3, 4]])
    assert np.array_equal(np.arange(3).reshape(3, 1) + np.arange(3), slide)       # what the slide computed
    assert not np.array_equal(_plain(solution.answer), slide)
    text = render(solution, "text", lang="en")
    assert "Step 1: the shape with fewer axes gets axes of length 1 in front: 3 becomes 1×3." in text
    assert "Step 2: every axis of length 1 is stretched to the other length by repeating its entries: " \
           "3×1 becomes 3×3." in text
    assert "In the same way 1×3 becomes 3×3." in text
    assert "Stretched, entry by entry: [(1, 1, 1); (1, 1, 1); (1, 1, 1)] + [(0, 1, 2); (0, 1, 2); (0, 1, 2)] = [(1, 2, 3); (1, 2, 3); (1, 2, 3)]" in text
    assert "Note. The slide prints [(0, 1, 2); (1, 2, 3); (2, 3, 4)], but NumPy gives [(1, 2, 3); (1, 2, 3); (1, 2, 3)]" in text
    latex = render(solution, "latex", lang="ru")
    assert r"\left(\begin{matrix}1 & 2 & 3\\1 & 2 & 3\\1 & 2 & 3\end{matrix}\right)" in latex


def test_an_axis_reduction_says_which_axis_disappears():
    text = render(solve("np-axis-max-0"), "text", lang="en")
    assert "The entries are combined along axis 0 (its length is 3), and that axis disappears: 3×2 becomes 2." in text
    ru = render(solve("np-axis-max-1"), "text", lang="ru")
    assert "Операция применяется вдоль оси 1 (её длина 2), и эта ось исчезает: 3×2 превращается в 3." in ru


def test_the_statement_keeps_its_code_as_written_in_russian():
    problem = load_bank()["np-broadcast-column"]
    assert r"$\texttt{np.ones((3, 1)) + np.arange(3)}$" in problem.text("ru")
    assert "`np.ones((3, 1)) + np.arange(3)`" in render(solve(problem.id), "text", lang="ru")
    assert "<code>np.ones((3, 1)) + np.arange(3)</code>" in render(solve(problem.id), "html", lang="ru")


# a student's answer to a problem: (problem, typed, right?, the check that decided) — one comment per case
STUDENTS = [
    ("np-broadcast-column", "[[1, 2, 3], [1, 2, 3], [1, 2, 3]]", True, "components"),   # NumPy's result
    ("np-broadcast-column", "[[0, 1, 2], [1, 2, 3], [2, 3, 4]]", False, "components"),  # the slide's slip
    ("np-broadcast-column", "[[1; 2; 3]; [1; 2; 3]; [1; 2; 3]]", True, "components"),   # Russian separators
    ("np-transpose", "[[1, 3, 5], [2, 4, 6]]", True, "components"),                     # the transpose
    ("np-transpose", "[[1, 2], [3, 4], [5, 6]]", False, "shape"),                       # not transposed: wrong shape
    ("np-arithmetic", "(1.6, 3.2)", True, "components"),                                # decimals NumPy prints
    ("np-arithmetic", "(1,6; 3,2)", True, "components"),                                # with a decimal comma
    ("np-arithmetic", "(8/5, 16/5)", True, "components"),                               # exact fractions
    ("flatten-shape", "(3072,)", True, "identical"),                                    # NumPy's 1-tuple
    ("flatten-shape", "3072", True, "identical"),                                       # a vector's length
    ("flatten-shape", "32×32×3", False, "shape"),                                       # not flattened
    ("flatten-parameters", "30730", True, "identical"),                                 # weights and biases
    ("flatten-parameters", "30720", False, "numeric"),                                  # the biases forgotten
    ("np-broadcast-error", "error", True, "identical"),                                 # NumPy refuses
    ("np-broadcast-error", "Ошибка", True, "identical"),                                # said in Russian
    ("np-broadcast-error", "ValueError", True, "identical"),                            # NumPy's own word
    ("np-broadcast-error", "[[1, 2, 3], [1, 2, 3]]", False, "shape"),                   # a matrix it cannot make
    ("np-broadcast-error", "[[1, 2], [2, 3], [3, 4]]", False, "shape"),                 # the padded stretch NumPy won't do
    ("tensor-ranks", "(0, 1, 2, 3)", True, "components"),                               # the ranks in order
    ("tensor-ranks", "(1, 1, 2, 3)", False, "components"),                              # a scalar has no axes
    ("row-column", "14", False, "shape"),                                               # row @ column, not column @ row
    ("np-axis-max-1", "[2, 5, 6]", True, "components"),                                 # one axis, as NumPy returns it
    ("np-axis-max-1", "[2 5 6]", True, "components"),                                   # as NumPy prints it
    ("np-axis-max-1", "[[2], [5], [6]]", False, "shape"),                               # the slide's column: keepdims
    ("np-axis-max-1", r"\begin{pmatrix} 2 \\ 5 \\ 6 \end{pmatrix}", False, "shape"),   # a column typeset
    ("np-transpose", "array([[1, 3, 5], [2, 4, 6]])", True, "components"),              # NumPy's repr
]


@pytest.mark.parametrize("typed, right", [
    ("[[6], [15]]", True),           # X.sum(1, keepdims=True): two axes, 2×1
    ("array([[ 6], [15]])", True),   # NumPy's repr of it
    ("[6, 15]", False),              # the right numbers on one axis: keepdims is the point
    ("(6, 15)", False),
    ("[[6, 15]]", False),            # a row, 1×2
    ("[[6], [16]]", False),          # a wrong entry is a wrong entry, whatever the shape
])
def test_a_numpy_array_answer_keeps_its_axes(typed, right):
    verdict = check_answer(sp.ImmutableMatrix([[6], [15]]), typed, array_shape=True)
    assert verdict.correct == right, verdict.feedback


@pytest.mark.parametrize("problem_id, typed, right, decided_by", STUDENTS)
def test_students_answers_are_checked(problem_id, typed, right, decided_by):
    verdict = check_bank_answer(problem_id, typed)
    assert (verdict.correct, verdict.decided_by) == (right, decided_by), verdict.feedback


def test_a_value_where_numpy_refuses_is_wrong_and_says_why():
    verdict = check_bank_answer("np-broadcast-error", "[[1, 2], [2, 3], [3, 4]]", lang="ru")
    assert verdict.feedback == ("Неверно.", "NumPy отказывается выполнять эту операцию, и результата у неё нет: "
                                            "ответ — «ошибка», с объяснением причины.")


def test_a_shape_may_be_written_with_a_times_sign():
    from symnn.answers.question import written_shape
    assert [written_shape(t) for t in ("3×2", "3 x 2", "3х2", r"3 \times 2", "(3, 2)", "(3,)", "(3; 2)", "3 + 2")] == \
        ["(3, 2)", "(3, 2)", "(3, 2)", "(3, 2)", "(3, 2)", "3", "(3, 2)", "3 + 2"]


BAD = [
    ({"expr": "a.__class__", "arrays": {"a": [1, 2]}}, "expr: '__class__' is not an array attribute"),
    ({"expr": "a + b", "arrays": {"a": [1, 2]}}, "expr: unknown name 'b'; the arrays are: a"),
    ({"expr": "a", "arrays": {"a": "__import__('os')"}}, "arrays: a: __import__ cannot be called"),
    ({"expr": "a", "arrays": {"a": [[1, 2], ["x"]]}}, "arrays: a: expected a number, got str"),
    ({"expr": 5}, "expr: expected text, got int"),
    ({"arrays": {"a": [1]}}, "expr: missing (a array problem needs it)"),
]


@pytest.mark.parametrize("fields, message", BAD)
def test_a_malformed_problem_is_refused_with_the_field_named(fields, message):
    entry = {"id": "p", "kind": "array", "statement": {"en": "…"}, **fields}
    assert any(error.startswith(message) for error in problem_errors(entry)), problem_errors(entry)


def test_a_problem_that_runs_into_a_limit_is_refused_when_solved(tmp_path):
    (tmp_path / "t.toml").write_text('[[problem]]\nid = "big"\nkind = "array"\nstatement.en = "…"\n'
                                     'expr = "np.ones((1000, 1000))"\n', encoding="utf-8")
    with pytest.raises(BankError, match=r"problem big: expr: an array of 1000000 elements is more than"):
        solve("big", tmp_path)


def test_the_readmes_example_is_a_valid_problem_with_the_banks_answer(tmp_path):
    import re
    from pathlib import Path
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    block = next(b for b in re.findall(r"```toml\n(.*?)```", readme, flags=re.S) if 'kind = "array"' in b)
    (tmp_path / "readme.toml").write_text(block, encoding="utf-8")
    assert solve("np-broadcast-column", tmp_path).answer == solve("np-broadcast-column").answer


@pytest.mark.parametrize("lang, line", [
    ("en", "Answer: `(3072,)`: one axis of length 3072"),     # NumPy's 1-tuple, then in words
    ("ru", "Ответ: `(3072,)`: одна ось длины 3072"),
])
def test_a_one_axis_shape_is_said_in_words(lang, line):
    assert line in render(solve("flatten-shape"), "text", lang=lang, detail="brief").splitlines()
