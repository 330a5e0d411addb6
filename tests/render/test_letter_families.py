"""A letter of a problem's notation renames the letter a kind prints and every name with an index of it
(y_1, h_{t-1}, ĥ_t): softmax's y and s, a direction's p, Adam's h and G reach the whole key, every format,
and the answers the checker accepts (tests' own bank: letters_bank/letters.toml)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import sympy as sp

from symnn.answers.check import check_answer
from symnn.problems.bank import load_bank
from symnn.problems.solve import question_options, solve
from symnn.render import render
from symnn.render.notation_use import unused_notation

BANK = Path(__file__).parent / "letters_bank"
# (problem, symnn's own letters that must not stay in the key, the statement's letters that must be in it)
CASES = [
    ("nll-letters", r"\b[ys]_\{?\d", ["z_1", "p_2"]),               # softmax's inputs y and outputs s
    ("jacobian-letters", r"\b[ys]_\{?[\dijk]", ["z_1", "p_3"]),      # the heading, every entry and the answer
    ("directional-letters", r"𝐩|\\mathbf\{p\}|\bp_?\d", ["u"]),      # the direction, its entries and its length
    ("adam-letters", r"\b(h|G|hhat|Ghat)_|ĥ|Ĝ|\\hat\{[hG]\}", ["m_t", "v_t"]),   # both moments and their corrections
]


@pytest.mark.parametrize("problem_id, own, theirs", CASES)
@pytest.mark.parametrize("format, detail", [("text", "brief"), ("text", "full"), ("latex", "brief"), ("md", "full")])
def test_the_whole_key_writes_the_statements_letters(problem_id, own, theirs, format, detail):
    solution = solve(problem_id, BANK)
    key = render(solution, format, lang="en", detail=detail)
    body = key.split("\n", 1)[1]                   # after the statement, which is the teacher's own text
    assert not re.search(own, body), re.search(own, body)
    if format == "text":
        assert all(name in body for name in theirs)


@pytest.mark.parametrize("problem_id", [case[0] for case in CASES])
def test_every_name_of_the_notation_is_used(problem_id):
    assert unused_notation(solve(problem_id, BANK)) == []


def _softmax_jacobian(n):
    """The oracle: ∂s_i/∂y_j by sympy.diff of e^(y_i)/Σe^(y_k), with e^(y_k) = S·s_k put back."""
    y = sp.symbols(f"y1:{n + 1}")
    s, S = sp.symbols(f"s1:{n + 1}", positive=True), sp.Symbol("S", positive=True)
    soft = [sp.exp(v) / sum(sp.exp(u) for u in y) for v in y]
    back = {sp.exp(v): S * sk for v, sk in zip(y, s)}
    return [[sp.simplify(sp.diff(soft[i], y[j]).subs(back).subs(S, 1).subs(s[-1], 1 - sum(s[:-1])))
             for j in range(n)] for i in range(n)], s


def _written(expr, letter):
    return re.sub(r"s(\d)", rf"{letter}_\1", str(expr)).replace("**", "^")


def test_the_jacobian_oracle_agrees_with_the_outputs_form():
    entries, s = _softmax_jacobian(3)
    for i in range(3):
        for j in range(3):
            rule = s[i] * ((1 if i == j else 0) - s[j])
            assert sp.simplify(entries[i][j] - rule.subs(s[-1], 1 - sum(s[:-1]))) == 0


@pytest.mark.parametrize("answer, right", [
    # each entry p_i(δ_ij − p_j) in the statement's letters
    ("[[p_1(1-p_1), -p_1 p_2, -p_1 p_3], [-p_1 p_2, p_2(1-p_2), -p_2 p_3], [-p_1 p_3, -p_2 p_3, p_3(1-p_3)]]", True),
    # symnn's own letters stay an answer
    ("[[s_1(1-s_1), -s_1 s_2, -s_1 s_3], [-s_1 s_2, s_2(1-s_2), -s_2 s_3], [-s_1 s_3, -s_2 s_3, s_3(1-s_3)]]", True),
    # a sign lost off the diagonal
    ("[[p_1(1-p_1), p_1 p_2, -p_1 p_3], [-p_1 p_2, p_2(1-p_2), -p_2 p_3], [-p_1 p_3, -p_2 p_3, p_3(1-p_3)]]", False),
    # the diagonal without its minus: p_i(1 + p_i)
    ("[[p_1(1+p_1), -p_1 p_2, -p_1 p_3], [-p_1 p_2, p_2(1-p_2), -p_2 p_3], [-p_1 p_3, -p_2 p_3, p_3(1-p_3)]]", False),
])
def test_the_checker_reads_the_jacobian_in_the_statements_letters(answer, right):
    solution = solve("jacobian-letters", BANK)
    assert check_answer(solution.answer, answer, **question_options(solution.problem)).correct is right


@pytest.mark.parametrize("answer, right", [
    ("(p_1, p_2 - 1, p_3)", True),          # ∂(−ln p_2)/∂z_k = p_k − [k = 2]
    ("(z_1, z_2 - 1, z_3)", False),         # the inputs for the outputs
    ("(p_1, p_2 + 1, p_3)", False),         # the sign of the one-hot part
])
def test_the_checker_reads_the_nll_gradient_in_the_statements_letters(answer, right):
    solution = solve("nll-letters", BANK)
    assert check_answer(solution.answer, answer, **question_options(solution.problem)).correct is right


def test_the_gradient_label_names_the_statements_inputs():
    assert "Answer: ∇_z L = (p_1, p_2 - 1, p_3)" in render(solve("nll-letters", BANK), "text", lang="en", detail="brief")


def test_the_bank_loads_and_every_problem_solves():
    assert set(load_bank(BANK)) == {case[0] for case in CASES}
