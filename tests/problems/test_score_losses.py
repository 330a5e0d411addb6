"""Losses on the raw class scores of several examples, as CS231n's linear-classification notes state them:
the multiclass SVM loss (``loss = "svm"``, margin Δ) and the softmax loss (``loss = "softmax-ce"``), against
NumPy written here (the vectorised SVM loss and the log-sum-exp softmax loss); the keys in English and
Russian; each example's loss; the margin of a network; invalid fields named with their field."""

from __future__ import annotations

import json

import numpy as np
import pytest
import sympy as sp

from symnn import check_answer, render
from symnn.nn.losses import loss_value
from symnn.problems.bank import Problem
from symnn.problems.schema import problem_errors
from symnn.problems.solve import question_options, solve

# CS231n: the scores of a cat, a car and a frog image (rows) for the classes cat, car, frog (columns)
SCORES = [[3.2, 5.1, -1.7], [1.3, 4.9, 2.0], [2.2, 2.5, -3.1]]
ONE_HOT = [[1, 0, 0], [0, 1, 0], [0, 0, 1]]


def svm_oracle(scores, labels, delta=1.0):
    """CS231n's L_i_vectorized for every row: the margins of the wrong classes, the correct one's zeroed."""
    scores = np.asarray(scores, dtype=float)
    correct = scores[np.arange(len(labels)), labels][:, None]
    margins = np.maximum(0, scores - correct + delta)
    margins[np.arange(len(labels)), labels] = 0
    return margins.sum(axis=1)


def softmax_oracle(scores, labels):
    """−ln softmax of the correct class by log-sum-exp, the maximum taken out first (no overflow)."""
    scores = np.asarray(scores, dtype=float)
    top = scores.max(axis=1, keepdims=True)
    log_sum = top[:, 0] + np.log(np.exp(scores - top).sum(axis=1))
    return log_sum - scores[np.arange(len(labels)), labels]


def _problem(loss, y=ONE_HOT, pred=SCORES, **fields):
    data = {"loss": loss, "y": y, "pred": pred, **fields}
    return Problem("p", "loss", "t", {"en": "…", "ru": "…"}, data)


def _printed(solution, lang="en", **settings):
    return render(solution, "text", lang=lang, detail="brief", **settings).splitlines()


def test_the_bank_problem_is_cs231ns_svm_loss_and_its_printed_mean():
    solution = solve("cs231n-svm")
    oracle = svm_oracle(SCORES, [0, 1, 2])
    assert solution.answer == sp.Rational(79, 15)                            # (2.9 + 0 + 12.9)/3, exact
    assert float(solution.answer) == pytest.approx(oracle.mean(), abs=1e-12)
    assert np.allclose([float(t) for *_, t in solution.work.terms], oracle, rtol=0, atol=1e-12)
    assert solution.problem.published == 5.27 and round(oracle.mean(), 2) == 5.27   # the notes' printed mean


@pytest.mark.parametrize("lang, lines", [
    ("en", ["Multiclass SVM loss: L_i = ∑_(j ≠ y_i) max(0, s_j - s_y_i + 1); L = ∑_(i=1)^3 L_i / 3",
            "1  1    (3.2, 5.1, -1.7)",                  # y_i the correct class, as s_(y_i) indexes it
            "L_1 = max(0, s_2 - s_1 + 1) + max(0, s_3 - s_1 + 1) = max(0, 5.1 - 3.2 + 1) + max(0, (-1.7) - 3.2 + 1)"
            " = 2.9 + 0 = 2.9",
            # the score 2.0 restated as the statement gives it, not 2
            "L_2 = max(0, s_1 - s_2 + 1) + max(0, s_3 - s_2 + 1) = max(0, 1.3 - 4.9 + 1) + max(0, 2.0 - 4.9 + 1)"
            " = 0 + 0 = 0",
            "2  2    (1.3, 4.9, 2.0)",
            "L_3 = max(0, s_1 - s_3 + 1) + max(0, s_2 - s_3 + 1) = max(0, 2.2 - (-3.1) + 1) + max(0, 2.5 - (-3.1) + 1)"
            " = 6.3 + 6.6 = 12.9",
            "L = (2.9 + 0 + 12.9)/3 = 79/15 ≈ 5.2667",
            "Answer: L = 79/15 ≈ 5.2667"]),
    # the margin's number where the statement names no Δ, the mean over the count 3 (no n it does not give);
    # the name the course gives in Russian; decimal commas, and semicolons between max's arguments on both sides
    ("ru", ["Функция потерь SVM (многоклассовая кусочно-линейная): L_i = ∑_(j ≠ y_i) max(0; s_j - s_y_i + 1); "
            "L = ∑_(i=1)^3 L_i / 3",
            "1  1    (3,2; 5,1; -1,7)",
            "L_1 = max(0; s_2 - s_1 + 1) + max(0; s_3 - s_1 + 1) = max(0; 5,1 - 3,2 + 1) + max(0; (-1,7) - 3,2 + 1)"
            " = 2,9 + 0 = 2,9",
            "L = (2,9 + 0 + 12,9)/3 = 79/15 ≈ 5,2667",
            "Ответ: L = 79/15 ≈ 5,2667"]),
])
def test_the_key_works_every_example_then_the_mean(lang, lines):
    printed = _printed(solve("cs231n-svm"), lang)
    assert all(line in printed for line in lines), "\n".join(printed)


@pytest.mark.parametrize("typed, correct", [
    ("5.27", True),                # the notes' printed mean
    ("79/15", True),
    ("15.8", False),               # the sum, not the mean
    ("10.9", False),
    ("2.9", False),                # the cat image's loss alone
])
def test_the_mean_is_checked(typed, correct):
    solution = solve("cs231n-svm")
    assert check_answer(solution.answer, typed, **question_options(solution.problem)).correct is correct


def test_a_margin_of_two_against_numpy_and_its_key():
    # Δ = 2: the first example's wrong class is within the margin though it scores lower (0.5 < 1)
    y, pred = [[0, 1], [1, 0], [1, 0]], [[0.5, 1], [1, 3], [4, -1]]
    solution = solve(_problem("svm", y, pred, margin=2, find="each"))
    oracle = svm_oracle(pred, [1, 0, 0], delta=2.0)
    assert np.allclose([float(v) for v in solution.answer], oracle, rtol=0, atol=1e-12)
    assert solution.answer == (sp.Rational(3, 2), 4, 0)
    printed = _printed(solution)
    assert printed[1] == "Multiclass SVM loss: L_i = ∑_(j ≠ y_i) max(0, s_j - s_y_i + 2)"   # no mean asked, no Δ stated
    assert "L_1 = max(0, s_1 - s_2 + 2) = max(0, 0.5 - 1 + 2) = 1.5" in printed
    assert "L_3 = max(0, s_2 - s_1 + 2) = max(0, (-1) - 4 + 2) = 0" in printed
    assert printed[-1] == "Answer: (1.5, 4, 0)"
    assert not any(line.startswith("L =") for line in printed)            # each example's loss, not the mean
    assert json.loads(render(solution, "json"))["work"]["margin"]["sympy"] == "2"
    # a margin written as text is exact: Δ = 1/2
    half = solve(_problem("svm", [[1, 0]], [[1, "1.25"]], margin="1/2"))
    assert half.answer == sp.Rational(3, 4)                               # max(0, 1.25 − 1 + 0.5)


def test_the_softmax_loss_of_each_example_against_log_sum_exp():
    solution = solve(_problem("softmax-ce", find="each"))
    oracle = softmax_oracle(SCORES, [0, 1, 2])
    assert np.allclose([float(v) for v in solution.answer], oracle, rtol=0, atol=1e-12)
    mean = solve(_problem("softmax-ce"))
    assert float(mean.answer) == pytest.approx(oracle.mean(), abs=1e-12)


@pytest.mark.parametrize("lang, lines", [
    # the probability of the correct class between the formula and the loss; four places, three digits of 0.00212
    ("en", ["Softmax cross-entropy loss: L_i = -ln(e^(s_y_i)/(∑_j e^(s_j))); L = ∑_(i=1)^3 L_i / 3",
            "L_1 = -ln(e^(s_1)/(e^(s_1) + e^(s_2) + e^(s_3))) = -ln(e^(3.2)/(e^(3.2) + e^(5.1) + e^(-1.7)))"
            " ≈ -ln(0.1300) ≈ 2.0404",
            "L_3 = -ln(e^(s_3)/(e^(s_1) + e^(s_2) + e^(s_3))) = -ln(e^(-3.1)/(e^(2.2) + e^(2.5) + e^(-3.1)))"
            " ≈ -ln(0.00212) ≈ 6.1565",
            "L = (2.0404 + 0.0791 + 6.1565)/3 ≈ 2.7587"]),
    ("ru", ["Функция потерь softmax (перекрёстная энтропия): L_i = -ln(e^(s_y_i)/(∑_j e^(s_j))); "
            "L = ∑_(i=1)^3 L_i / 3",
            "L_2 = -ln(e^(s_2)/(e^(s_1) + e^(s_2) + e^(s_3))) = -ln(e^(4,9)/(e^(1,3) + e^(4,9) + e²))"
            " ≈ -ln(0,9239) ≈ 0,0791",
            "Ответ: L ≈ 2,7587"]),
])
def test_the_softmax_key_works_every_example(lang, lines):
    printed = _printed(solve(_problem("softmax-ce")), lang)
    assert all(line in printed for line in lines), "\n".join(printed)


@pytest.mark.parametrize("format, mean", [("latex", r"\frac{79}{15}"), ("md", r"\frac{79}{15}"), ("html", "79")])
def test_every_format_prints_the_key(format, mean):
    for lang in ("en", "ru"):
        printed = render(solve("cs231n-svm"), format, lang=lang)
        assert mean in printed and "Max(" not in printed and "^{**}" not in printed   # no SymPy's spelling


def test_json_holds_the_terms_and_the_mean():
    work = json.loads(render(solve("cs231n-svm"), "json"))["work"]
    assert [term["sympy"] for term in work["terms"]] == ["29/10", "0", "129/10"]
    assert work["loss"] == "svm" and work["margin"]["sympy"] == "1" and work["exact"]["sympy"] == "79/15"


def _entry(**fields):
    return {"id": "p", "kind": "loss", "statement": {"en": "…"}, "loss": "svm", "y": ONE_HOT, "pred": SCORES, **fields}


@pytest.mark.parametrize("fields, errors", [
    ({}, []),
    ({"margin": 2, "find": "each"}, []),
    ({"margin": "1/2"}, []),
    ({"margin": 0}, ["margin: the margin Δ is a positive number, got 0"]),
    ({"margin": -1.5}, ["margin: the margin Δ is a positive number, got -1.5"]),
    ({"margin": "wide"}, ["margin: the margin Δ is a positive number, got 'wide'"]),
    ({"margin": True}, ["margin: expected a number, got bool"]),
    ({"loss": "softmax-ce", "margin": 2}, ["margin: only the svm loss has a margin Δ, not softmax-ce"]),
    ({"pred": [[3.2, 5.1, -1.7], [1.3, 4.9], [2.2, 2.5, -3.1]]},
     ["pred: row 2 has 2 entries, row 1 has 3 (one per class)"]),
    ({"pred": [[3.2, 5.1], [1.3, 4.9], [2.2, 2.5]]}, ["pred: 2 scores in a row, but y has 3 classes"]),
    ({"y": [[1, 0, 0], [0, 1, 1], [0, 0, 0]]},
     ["y: row 2 is not one-hot (exactly one 1, the correct class, and 0 elsewhere): [0, 1, 1]",
      "y: row 3 is not one-hot (exactly one 1, the correct class, and 0 elsewhere): [0, 0, 0]"]),
    ({"y": [1, 2, 3]}, ["y: expected rows of numbers, one row per example"]),
    ({"pred": SCORES[:2]}, ["pred: 2 rows of scores for 3 rows of y (one row per example)"]),
    ({"loss": "ce", "pred": [[0.2, 0.8, 0], [0.5, 0.5]], "y": [[0, 1, 0], [1, 0]]},
     ["y: row 2 has 2 entries, row 1 has 3 (one per class)", "pred: row 2 has 2 entries, row 1 has 3 (one per class)"]),
    ({"loss": "hinge", "y": [1, -1], "pred": [0.5, 2], "margin": 2},
     ["margin: only the svm loss has a margin Δ, not hinge"]),
])
def test_invalid_fields_are_named(fields, errors):
    assert problem_errors(_entry(**fields)) == errors


def test_the_python_api_refuses_what_the_file_check_refuses():
    with pytest.raises(ValueError, match="margin: the margin Δ is a positive number, got -1"):
        loss_value("svm", ONE_HOT, SCORES, margin=-1)
    with pytest.raises(ValueError, match=r"y: row 1 is not one-hot"):
        loss_value("softmax-ce", [[1, 1, 0]], [SCORES[0]])


def _network(**fields):
    """CS231n's cat image as a network problem: the scores through an identity layer (textbook.toml)."""
    return {"id": "n", "kind": "network", "statement": {"en": "…"}, "layers": [3, 3], "inputs": SCORES[0],
            "targets": [1, 0, 0], "weights": [[[1, 0, 0], [0, 1, 0], [0, 0, 1]]], "biases": "none",
            "activation": "identity", "loss": "svm", "steps": 0, "find": ["L", "dL/do1", "dL/do2", "dL/do3"], **fields}


def test_a_network_takes_a_margin_too():
    entry = _network(margin=2)
    assert problem_errors(entry) == []
    data = {k: v for k, v in entry.items() if k not in ("id", "kind", "statement")}
    answer = solve(Problem("n", "network", "t", {"en": "…"}, data)).answer
    oracle = svm_oracle([SCORES[0]], [0], delta=2.0)[0]                 # 3.9 = max(0, 5.1 − 3.2 + 2) + 0
    assert float(answer[0]) == pytest.approx(oracle, abs=1e-12) and answer[0] == sp.Rational(39, 10)
    assert tuple(answer[1:]) == (-1, 1, 0)                               # the frog stays outside the margin


@pytest.mark.parametrize("fields, error", [
    ({"margin": 0}, "margin: the margin Δ is a positive number, got 0"),
    ({"loss": "softmax-ce", "margin": 2}, "margin: only the svm loss has a margin Δ, not softmax-ce"),
])
def test_a_networks_margin_is_checked(fields, error):
    assert problem_errors(_network(**fields)) == [error]


@pytest.mark.parametrize("lang, line", [
    # a statement that names the margin Δ: the key keeps Δ and says its value
    ("en", "Multiclass SVM loss: L_i = ∑_(j ≠ y_i) max(0, s_j - s_y_i + Δ), Δ = 2"),
    ("ru", "Функция потерь SVM (многоклассовая кусочно-линейная): L_i = ∑_(j ≠ y_i) max(0; s_j - s_y_i + Δ), Δ = 2")])
def test_a_margin_the_statement_names_is_written_as_delta(lang, line):
    problem = Problem("p", "loss", "t", {"en": r"The SVM loss with the margin $\Delta = 2$.", "ru": r"С отступом $\Delta = 2$."},
                      {"loss": "svm", "y": [[0, 1], [1, 0]], "pred": [[0.5, 1], [1, 3]], "margin": 2, "find": "each"})
    assert _printed(solve(problem), lang)[1] == line
