"""A loss problem that asks for every example's loss (find = "each"): d2l's cross-entropy per example and
the binary hinge loss, against NumPy; keyed in English and Russian; a wrong find named with its field."""

from __future__ import annotations

import numpy as np
import pytest

from symnn import check_answer, render
from symnn.problems.schema import problem_errors
from symnn.problems.solve import question_options, solve


def test_cross_entropy_of_each_example_is_numpys():
    y_hat = np.array([[0.1, 0.3, 0.6], [0.3, 0.2, 0.5]])
    labels = [0, 2]
    oracle = -np.log(y_hat[range(len(labels)), labels])          # d2l's cross_entropy(y_hat, y)
    answer = solve("d2l-ce-each").answer
    assert np.allclose([float(v) for v in answer], oracle, rtol=0, atol=1e-15)
    assert np.allclose(oracle, [2.3026, 0.6931], atol=5e-5)          # the book's printed tensor


def test_binary_hinge_of_each_example_is_numpys():
    t, scores = np.array([1, -1, 1, -1]), np.array([2.5, -0.4, 0.3, 1.2])
    oracle = np.maximum(0, 1 - t * scores)
    assert np.allclose([float(v) for v in solve("hinge-binary").answer], oracle, rtol=0, atol=1e-15)


@pytest.mark.parametrize("problem_id, lang, table, answer", [
    # each term −Σ_c y_c·ln ŷ_c with the numbers put in (only the true class counts), then its value
    ("d2l-ce-each", "en", ["1  (1, 0, 0)  (0.1, 0.3, 0.6)  -ln(0.1) = ln(10) ≈ 2.3026",
                           "2  (0, 0, 1)  (0.3, 0.2, 0.5)  -ln(0.5) = ln(2) ≈ 0.6931"],
     "Answer: (ln(10), ln(2)) ≈ (2.3026, 0.6931)"),
    ("d2l-ce-each", "ru", ["1  (1; 0; 0)  (0,1; 0,3; 0,6)  -ln(0,1) = ln(10) ≈ 2,3026",
                           "2  (0; 0; 1)  (0,3; 0,2; 0,5)  -ln(0,5) = ln(2) ≈ 0,6931"],
     "Ответ: (ln(10); ln(2)) ≈ (2,3026; 0,6931)"),
    # the mean cross-entropy's table too, the numbers once where they are the exact value: −ln(0.9) ≈ 0.1054
    ("ce", "en", ["1  (0, 1)  (0.1, 0.9)    -ln(0.9) ≈ 0.1054", "4  (0, 1)  (0.35, 0.65)  -ln(0.65) ≈ 0.4308"],
     "Answer: CE ≈ 0.2162"),
    ("ce", "ru", ["1  (0; 1)  (0,1; 0,9)    -ln(0,9) ≈ 0,1054", "4  (0; 1)  (0,35; 0,65)  -ln(0,65) ≈ 0,4308"],
     "Ответ: CE ≈ 0,2162"),
    ("hinge-binary", "en", ["2  -1   -0.4  0.6"],
     "Answer: (0, 0.6, 0.7, 2.2)"),
    ("hinge-binary", "ru", ["2  -1   -0,4  0,6"], "Ответ: (0; 0,6; 0,7; 2,2)"),
])
def test_the_key_is_the_table_of_terms_and_no_mean(problem_id, lang, table, answer):
    printed = render(solve(problem_id), "text", lang=lang, detail="brief").splitlines()
    assert all(line in printed for line in table)
    assert printed[-1] == answer
    if problem_id != "ce":
        assert not any(line.startswith(("CE =", "L =")) for line in printed)      # the mean is not asked


def test_the_substituted_terms_are_the_values_numpy_gives():
    # −ln 0.1 = ln 10 and −ln 0.5 = ln 2 (d2l's two examples); −ln 0.9, −ln 0.65 of the mean's table: NumPy
    assert np.allclose(-np.log([0.1, 0.5]), np.log([10, 2]), rtol=0, atol=1e-15)
    assert np.allclose(-np.log([0.9, 0.65]), [0.1054, 0.4308], rtol=0, atol=5e-5)
    assert np.isclose(-np.log([0.9, 0.9, 0.8, 0.65]).mean(), 0.2162, rtol=0, atol=5e-5)


# each example's loss is asked: the formula of example i, not the mean over n, in the statement's letters
# (notation y = "t", yhat = "y": Bishop's labels t and raw outputs y, not symnn's y and ŷ)
@pytest.mark.parametrize("lang, title", [("en", "Hinge loss: L_i = max(0, 1 - t_i·y_i)"),
                                         ("ru", "Кусочно-линейная функция потерь: L_i = max(0; 1 - t_i·y_i)")])
def test_the_hinge_loss_is_named_in_words(lang, title):
    assert render(solve("hinge-binary"), "text", lang=lang).splitlines()[1].startswith(title)


@pytest.mark.parametrize("problem_id, typed, correct", [
    ("d2l-ce-each", "2.3026, 0.6931", True),
    ("d2l-ce-each", "ln(10), ln(2)", True),
    ("d2l-ce-each", "0.6931, 2.3026", False),        # in the wrong order
    ("d2l-ce-each", "1.4979", False),                # the mean, which is not asked
    ("hinge-binary", "0, 0.6, 0.7, 2.2", True),
    ("hinge-binary", "1.5, 0.6, 0.7, 2.2", False),   # 1 - 2.5, without the max
])
def test_each_loss_is_checked(problem_id, typed, correct):
    solution = solve(problem_id)
    assert check_answer(solution.answer, typed, **question_options(solution.problem)).correct is correct


def _entry(**fields):
    return {"id": "p", "kind": "loss", "statement": {"en": "…"}, "y": [1, -1], "pred": [0.5, 2], **fields}


def test_hinge_is_a_loss_name_and_find_is_mean_each_or_gradient():
    assert problem_errors(_entry(loss="hinge", find="each")) == []
    assert problem_errors(_entry(loss="hinge", find="all")) == ["find: 'all' is not one of mean, each, gradient"]
    assert problem_errors(_entry(loss="huber")) == \
        ["loss: 'huber' is not one of mse, mae, rmse, mape, bce, ce, hinge, svm, softmax-ce"]
