"""Plain text a teacher can hand out: a matrix that no minus sign makes ambiguous, a fraction before a bracket
that cannot be read as 1/(2(…)), and a heading that names every problem. Exact strings."""

from __future__ import annotations

import pytest
import sympy as sp

from symnn.answers.check import check_bank_answer
from symnn.problems.bank import load_bank
from symnn.problems.solve import solve
from symnn.render import render
from symnn.render.math import text_math
from symnn.render.text import TextPrinter


@pytest.mark.parametrize("matrix, lang, text", [
    (sp.Matrix([[1, -2], [3, 4]]), "en", "[(1, -2); (3, 4)]"),          # rows apart, each row a tuple
    (sp.Matrix([[sp.Rational(1, 2), -2], [3, 4]]), "ru", "[(1/2; -2); (3; 4)]"),    # a Russian row: «;»
    (sp.Matrix([[sp.Float(0.5), -2]]), "ru", "(0,5; -2)"),              # one row: a tuple
    (sp.Matrix([[-5], [2], [3]]), "en", "[-5; 2; 3]"),                  # one column: single entries
])
def test_a_matrix_in_plain_text_reads_one_way(matrix, lang, text):
    assert text_math(matrix, lang) == text


@pytest.mark.parametrize("statement, plain", [
    (r"$L = \frac{1}{2}(o - y)^2$", "L = (1/2)(o - y)^2"),                 # a fraction before a bracket
    (r"$f = \frac{1}{2}\|XW\|^2$", "f = (1/2)‖XW‖^2"),                   # before a norm
    (r"$F = 5x^3 + \frac{3}{y^2} + \sin z$", "F = 5x^3 + 3/y^2 + sin z"),   # before an operator: no bracket
    (r"$A = \begin{pmatrix} 1 & -2 \\ 3 & 4 \end{pmatrix}$", "A = [(1, -2); (3, 4)]"),   # a statement's matrix
])
def test_a_statement_in_plain_text(statement, plain):
    assert TextPrinter(lang="en").rich_text(statement) == plain


@pytest.mark.parametrize("problem_id, lang", [("graph-matrix", "en"), ("tanh-chain", "ru"), ("d2l-ce-each", "en")])
def test_every_problem_heading_names_the_problem(problem_id, lang):
    # the oracle: the problem's place among its topic's problems, as its worksheet and its page number it
    bank = load_bank()
    topic = [p.id for p in bank.values() if p.topic == bank[problem_id].topic]
    word = "Problem" if lang == "en" else "Задача"
    first = render(solve(problem_id), "text", lang=lang).splitlines()[0]
    assert first.startswith(f"{word} {topic.index(problem_id) + 1}. ")
    assert render(solve("4.3"), "text").startswith("Problem 4.3. ")       # the course's own number


@pytest.mark.parametrize("problem_id", ["conv-3x3", "vec-residual", "linear-collapse"])
def test_the_checker_reads_the_keys_own_matrices(problem_id):
    answer = next(line for line in render(solve(problem_id), "text", detail="brief").splitlines() if line.startswith("Answer: "))
    assert check_bank_answer(problem_id, answer.removeprefix("Answer: "), lang="en").correct
