r"""Textbook ways of writing an answer the checker reads (one case per row, each with what it shows):
the identity matrix I of a matrix answer, (AᵀA + λI)x; an interval alone, its ends formulas, where a condition
is asked, (0, 2/7), ]0, 2/7[, (0; 2/7) in Russian; and a letter the statement defines ($z = wx + b$), where the
problem's names do not list it, while a letter the problem does not have is said, never a bare "Not correct."."""

from __future__ import annotations

import pytest

from symnn.answers.check import check_answer, check_bank_answer

BANK = r"""
[[problem]]
id = "ridge"
kind = "matrix-identity"
expr = "1/2*norm(A*x - b)^2 + lambda/2*norm(x)^2"
wrt = "x"
shapes = { A = "m x n", x = "n", b = "m" }
statement.en = 'Find $\nabla_x f$.'

[[problem]]
id = "decay"
kind = "matrix-identity"
expr = "1/(2*n)*norm(X*w - y)^2 + lambda/2*norm(w)^2"
wrt = "w"
shapes = { X = "n x d", w = "d", y = "n", n = "1" }
statement.en = 'Find $\nabla_w L$.'

[[problem]]
id = "own-i"
kind = "matrix-identity"
expr = "1/2*norm(I*x - b)^2"
wrt = "x"
shapes = { I = "m x n", x = "n", b = "m" }
statement.en = 'A matrix $I$ of $m$ rows and $n$ columns. Find $\nabla_x f$.'

[[problem]]
id = "rate"
kind = "condition"
condition = "abs(1 - 2*eta) < 1 and abs(1 - 7*eta) < 1"
wrt = "eta"
answer_form.en = 'an interval'
statement.en = 'For which $\eta$?'

[[problem]]
id = "half"
kind = "condition"
condition = "abs(1 - 4*a) <= 1"
wrt = "a"
answer_form.en = 'an interval'
statement.en = 'For which $a$?'

[[problem]]
id = "outside"
kind = "condition"
condition = "abs(x) > 1"
wrt = "x"
answer_form.en = 'intervals'
statement.en = 'For which $x$?'

[[problem]]
id = "ce"
kind = "derivative"
expr = "-(y*log(sigmoid(w*x + b)) + (1 - y)*log(1 - sigmoid(w*x + b)))"
wrt = "w"
names = { a = "sigmoid(w*x + b)" }
answer_name = "C"
statement.en = 'A sigmoid neuron $a = \sigma(z)$, $z = wx + b$, has the cost $C = -[y \ln a + (1 - y)\ln(1 - a)]$. Find $\frac{\partial C}{\partial w}$.'

[[problem]]
id = "tanh"
kind = "derivative"
expr = "(tanh(v*x + c) - t)^2/2"
wrt = "v"
statement.en = 'A neuron $h = \tanh(u)$, $u = vx + c$, of the cost $C = \frac{(h - t)^2}{2}$, at the rate $k = 3$. Find $\frac{\partial C}{\partial v}$.'
"""

OK, WRONG = "Correct.", "Not correct."


@pytest.fixture(scope="module")
def bank(tmp_path_factory):
    folder = tmp_path_factory.mktemp("textbook")
    (folder / "textbook.toml").write_text(BANK, encoding="utf-8")
    return folder


@pytest.mark.parametrize("problem, answer, correct", [
    # (AᵀA + λI)x − Aᵀb = Aᵀ(Ax − b) + λx: I the identity n×n, of the size AᵀA needs
    ("ridge", r"(A^TA + \lambda I)x - A^Tb", True),
    ("ridge", r"(A^T A + \lambda I_n)x - A^T b", True),             # the size written as the index
    ("ridge", r"(A^TA + \lambda \mathbf{I})x - A^Tb", True),        # bold, as many books print it
    ("ridge", r"(A^TA + \lambda \operatorname{I})x - A^Tb", True),  # upright
    ("ridge", "(A^T A + lambda*I) x - A^T b", True),                # typed plainly
    ("ridge", r"A^T(Ax - b) + \lambda I x", True),                  # Ix = x in a product
    ("ridge", r"(A^TA + \lambda I^T)x - A^Tb", True),               # Iᵀ = I
    ("ridge", r"(A^TA + 2\lambda I)x - A^Tb", False),               # 2λ: the ½ of the penalty lost
    ("ridge", r"(A^TA + I)x - A^Tb", False),                        # λ left out
    ("ridge", r"(AA^T + \lambda I)x - A^Tb", False),                # AAᵀ (m×m) is not AᵀA
    ("ridge", r"(A^TA + \lambda)x - A^Tb", False),                  # a matrix plus a number: no I, no sum
    ("ridge", r"A^T(Ax - b) + \lambda I", False),                   # a vector plus the matrix λI
    # ((1/n)XᵀX + λI_d)w − (1/n)Xᵀy: X is n×d, so I is d×d
    ("decay", r"(\frac{1}{n}X^TX + \lambda I_d)w - \frac{1}{n}X^Ty", True),
    ("decay", r"\frac{1}{n}(X^TX + n\lambda I)w - \frac{1}{n}X^Ty", True),   # n taken out
    ("decay", r"(\frac{1}{n}XX^T + \lambda I)w - \frac{1}{n}X^Ty", False),   # XXᵀ is n×n: no product with w
    # the problem's own matrix I is no identity: Iᵀ(Ix − b) is its gradient, x − b is not
    ("own-i", "I^T(Ix - b)", True),
    ("own-i", "x - b", False),
])
def test_the_identity_matrix(bank, problem, answer, correct):
    assert check_bank_answer(problem, answer, bank=bank).correct is correct


@pytest.mark.parametrize("problem, answer, lang, said", [
    # 0 < η < 2/7: the interval alone, its ends formulas, is η ∈ (0, 2/7)
    ("rate", "(0, 2/7)", "en", (OK, "It describes the same set of values.", "The interval (0, 2/7) was read as η ∈ (0, 2/7).")),
    ("rate", r"(0, \frac{2}{7})", "en", (OK, "It describes the same set of values.",
                                          "The interval (0, 2/7) was read as η ∈ (0, 2/7).")),      # in LaTeX, shown plainly
    ("rate", "]0, 2/7[", "en", (OK, "It describes the same set of values.",
                                "The interval ]0, 2/7[ was read as η ∈ ]0, 2/7[.")),                  # open ends, as ISO writes them
    ("rate", r"\eta \in ]0; \frac{2}{7}[", "en", (OK, "It describes the same set of values.")),       # … after ∈ too
    ("rate", "(0; 2/7)", "ru", ("Верно.", "Ответ задаёт то же множество значений.",
                                "Промежуток (0; 2/7) прочитан как η ∈ (0; 2/7).")),                   # Russian, ends apart by «;»
    # a closed end where the key's is open is wrong, and why
    ("rate", "[0, 2/7)", "en", (WRONG, "The end 0 must not belong to the answer (a strict inequality).",
                                "The interval [0, 2/7) was read as η ∈ [0, 2/7).")),
    ("rate", r"(0; \frac{2}{7}]", "ru", ("Неверно.", "Конец 2/7 не входит в ответ (неравенство строгое).",
                                         "Промежуток (0; 2/7] прочитан как η ∈ (0; 2/7].")),
    ("rate", "(0, 1/7)", "en", (WRONG, "The end 1/7 is wrong.", "The interval (0, 1/7) was read as η ∈ (0, 1/7).")),
    ("rate", r"(0, \sqrt{2}/5)", "en", (WRONG, "The end √2/5 is wrong.",
                                        "The interval (0, √2/5) was read as η ∈ (0, √2/5).")),       # an end of a root
    # 0 ≤ a ≤ 1/2: closed ends; [0; 0,5] in Russian is the interval, not MATLAB's column of two
    ("half", "[0, 1/2]", "en", (OK, "It describes the same set of values.", "The interval [0, 0.5] was read as a ∈ [0, 0.5].")),
    ("half", "[0; 0,5]", "ru", ("Верно.", "Ответ задаёт то же множество значений.",
                                "Промежуток [0; 0,5] прочитан как a ∈ [0; 0,5].")),
    ("half", "(0, 1/2]", "en", (WRONG, "The end 0 belongs to the answer (a non-strict inequality).",
                                "The interval (0, 0.5] was read as a ∈ (0, 0.5].")),
    # |x| > 1: a union of intervals alone is the variable's too
    ("outside", "(-oo, -1) ∪ (1, oo)", "en", (OK, "It describes the same set of values.")),
    ("outside", r"]-\infty; -1[ \cup ]1; +\infty[", "ru", ("Верно.", "Ответ задаёт то же множество значений.")),
    ("outside", "(-oo, -1] ∪ (1, oo)", "en", (WRONG,)),                       # −1 itself is no solution
])
def test_an_interval_where_a_condition_is_asked(bank, problem, answer, lang, said):
    assert check_bank_answer(problem, answer, bank=bank, lang=lang).feedback == said


@pytest.mark.parametrize("problem, answer, lang, said", [
    # the statement's z = wx + b: x(σ(z) − y) = x(σ(wx + b) − y), as the book writes it
    ("ce", r"x(\sigma(z) - y)", "en", (OK, "It is the expected expression.")),
    ("ce", r"\frac{\partial C}{\partial w} = x(\sigma(z) - y)", "en", (OK, "It is the expected expression.")),   # labelled
    ("ce", "x(a - y)", "en", (OK, "It is the expected expression.")),          # the problem's own name a
    # σ′(z) of the quadratic cost kept: z read, the answer wrong
    ("ce", r"x(\sigma(z) - y)\sigma(z)(1 - \sigma(z))", "en", (WRONG,)),
    # a letter the problem does not have: said, with the letters to write the answer in, the statement's a and z among them
    ("ce", r"x(\sigma(u) - y)", "en", ("The answer could not be checked: u is not a letter of this problem; write the answer through a, b, w, x, y, z.",)),
    ("ce", r"x(\sigma(u) - y)", "ru", ("Не удалось проверить ответ: u — не буква этой задачи; запишите ответ через a, b, w, x, y, z.",)),
    ("ce", r"x(\sigma(p) - q)", "en", ("The answer could not be checked: p, q are not letters of this problem; write the answer through a, b, w, x, y, z.",)),
    ("ce", r"x(\sigma(p) - q)", "ru", ("Не удалось проверить ответ: p, q — не буквы этой задачи; запишите ответ через a, b, w, x, y, z.",)),
    # h = tanh(u) of u = vx + c: a name defined through another, in either order
    ("tanh", "(h - t)(1 - h^2)x", "en", (OK, "It is the expected expression.")),
    ("tanh", r"(\tanh(u) - t)(1 - \tanh^2(u))x", "en", (OK, "It is the expected expression.")),   # no tan(h) note
    ("tanh", r"\frac{\partial C}{\partial v} = (h - t)(1 - h^2)x", "en", (OK, "It is the expected expression.")),  # C the label
    ("tanh", "(h - t)x", "en", (WRONG,)),                                     # tanh′ left out
    # k = 3 is a number of the statement, data, never a name: k stays a letter the problem does not have
    ("tanh", "(h - t)(1 - h^2)x k", "en", ("The answer could not be checked: k is not a letter of this problem; write the answer through c, h, t, u, v, x.",)),
])
def test_a_letter_the_statement_defines(bank, problem, answer, lang, said):
    assert check_bank_answer(problem, answer, bank=bank, lang=lang).feedback == said


@pytest.mark.parametrize("reference, answer, said", [
    ("2*x1", "3x_1", (WRONG,)),                  # x_1 is x1 spelled otherwise: a letter of the problem, nothing to say
    ("2*x1", "3x₁", (WRONG,)),                   # … typed as a subscript character
    ("2*x1", "3x_2", ("The answer could not be checked: x_2 is not a letter of this problem; write the answer through x1.",)),   # another index
    ("2*x", "2x + e", (WRONG,)),                 # e is Euler's number, no letter
])
def test_a_letter_spelled_otherwise_is_no_unknown_letter(reference, answer, said):
    assert check_answer(reference, answer).feedback == said
