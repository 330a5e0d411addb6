"""A key's answer line answers everything its statement asks, and the worksheet leaves room for it.

Each problem here once had a statement that asked for more (or other) than its key answered or its
sheet had room for: a yes/no left to a note, a residual never given, a slide's formula not quoted,
an answer form of seven numbers for a statement asking three, no blank for a shape, an unclear count.
"""

from __future__ import annotations

import re

import numpy as np
import pytest

from symnn import render
from symnn.answers.check import check_bank_answer
from symnn.export.answer_forms import form_of, latex_space
from symnn.export.worksheets import _statement
from symnn.problems.bank import BankError, get_problem, load_bank
from symnn.problems.solve import answer_value, solve
from tests.serve.typed_keys import TYPED


def answer_line(problem_id: str, lang: str, format: str = "text") -> str:
    """The brief key's answer line."""
    text = render(solve(problem_id), format, lang=lang, detail="brief")
    word = "Ответ:" if lang == "ru" else "Answer:"
    return next(line for line in text.splitlines() if word in line)


@pytest.mark.parametrize("problem_id, lang, expected", [
    # "find the residual r and ∇f": both, the residual first
    ("vec-residual", "en", "Answer: r = (-5, 2, 3); ∇ f = (0, 16)"),
    ("vec-residual", "ru", "Ответ: r = (-5; 2; 3); ∇ f = (0; 16)"),
    # "find ∇f as a function of x, its value at x̂; is x̂ the least-squares solution?": all three, the yes in the line
    # (∇_x f and x_1 as the statement and its answer form write them; −x₁ + 5x₂ + 2 in the order of the variables)
    ("least-squares-half", "en", "Answer: ∇_x f(x_1, x_2) = (5x_1 - x_2 - 2, -x_1 + 5x_2 + 2); ∇_x f(1/3, -1/3) = (0, 0); "
                                 "yes: the gradient vanishes at the point, so it is the least-squares solution"),
    ("least-squares-half", "ru", "Ответ: ∇_x f(x_1; x_2) = (5x_1 - x_2 - 2; -x_1 + 5x_2 + 2); ∇_x f(1/3; -1/3) = (0; 0); "
                                 "да: градиент в этой точке равен нулю, значит, это решение задачи наименьших квадратов"),
    # "give f and ∇_W f": three numbers, not the gradient by X as well
    # "and check that ∇_a f = a and ∇_W f = Xᵀa": the checks asked, said after the values
    ("half-norm-program", "en", "Answer: f = 20.5; ∂f/∂w_1 = 19; ∂f/∂w_2 = 3; it holds that ∂f/∂a_1 = a_1, ∂f/∂a_2 = a_2, "
                                "∂f/∂w_1 = x_11·a_1 + x_21·a_2, ∂f/∂w_2 = x_12·a_1 + x_22·a_2"),
    ("half-norm-program", "ru", "Ответ: f = 20,5; ∂f/∂w_1 = 19; ∂f/∂w_2 = 3; верно, что ∂f/∂a_1 = a_1, ∂f/∂a_2 = a_2, "
                                "∂f/∂w_1 = x_11·a_1 + x_21·a_2, ∂f/∂w_2 = x_12·a_1 + x_22·a_2"),
    # "check the formula on the slide": the slide's formula right after the right one, wrong; why is its note's,
    # said under the answer once (render/test_keys_once.py)
    ("two-layer-grad", "en", "Answer: ∂L/∂W_1 = -(y - σ(X·W_1)·W_2)·Xᵀ·(W_2ᵀ ⊙ σ'(X·W_1)); on the slide: "
                             "∂L/∂W_1 = -(y - σ(X·W_1)·W_2)·W_2·σ'(X·W_1)·W_1 — wrong"),
    ("two-layer-grad", "ru", "Ответ: ∂L/∂W_1 = -(y - σ(X·W_1)·W_2)·Xᵀ·(W_2ᵀ ⊙ σ'(X·W_1)); на слайде: "
                             "∂L/∂W_1 = -(y - σ(X·W_1)·W_2)·W_2·σ'(X·W_1)·W_1 — неверно"),
    # the same for every wrong formula of the course: "say why 2Ax is not right", "why δW₂ᵀ alone is wrong"
    # 2Ax is not wrong everywhere: it is the gradient exactly when A = Aᵀ, and the answer says so
    ("quadratic-form-grad", "en", "Answer: ∂f/∂x = (A + Aᵀ)·x; 2A·x is right only when A = Aᵀ"),
    ("quadratic-form-grad", "ru", "Ответ: ∂f/∂x = (A + Aᵀ)·x; 2A·x верно только при A = Aᵀ"),
    ("dense-layer-backward", "ru", "Ответ: δ_prev = ∂L/∂A = (δ·W_2ᵀ) ⊙ σ'(A); без σ′: δ_prev = ∂L/∂A = δ·W_2ᵀ — неверно: "
                                   "пропущен множитель σ'(A)"),
])
def test_the_answer_line_answers_every_question_of_the_statement(problem_id, lang, expected):
    assert answer_line(problem_id, lang) == expected


def test_the_slides_formula_is_said_once_in_the_key():
    # it stands in the answer line, not also in a line of its own above it
    text = render(solve("two-layer-grad"), "text", lang="en", detail="brief")
    assert text.count("W_2·σ'(X·W_1)·W_1") == 1 and "On the slide:" not in text


@pytest.mark.parametrize("lang, quoted", [
    # the statement quotes the slide's whole formula (not only its end), so that a student can check it
    ("en", r"Check the formula on the slide, $\frac{\partial L}{\partial W_1} = -(y - f(X W_1) W_2) \cdot W_2 "
           r"\cdot f^{\prime}(X W_1) \cdot W_1$."),
    ("ru", r"Проверьте формулу со слайда: $\frac{\partial L}{\partial W_1} = -(y - f(X W_1) W_2) \cdot W_2 "
           r"\cdot f^{\prime}(X W_1) \cdot W_1$."),
])
def test_the_statement_quotes_the_slides_formula(lang, quoted):
    assert get_problem("two-layer-grad").statement[lang].endswith(quoted)


@pytest.mark.parametrize("problem_id, lang, ending", [
    # the form the answer takes, then what else the statement asks: a box for the yes or no
    ("least-squares-half", "en", "then its value $\\nabla_x f(\\hat{x})$: four entries. "
                                 "Then tick whether the point is the least-squares solution."),
    ("least-squares-half", "ru", "затем его значение $\\nabla_x f(\\hat{x})$ — четыре компоненты. "
                                 "Затем отметьте, является ли точка решением задачи наименьших квадратов."),
    # the residual, then the gradient: five numbers
    ("vec-residual", "en", "The answer is the residual $r = (r_1, r_2, r_3)$, then $\\nabla f = "
                           "(\\frac{\\partial f}{\\partial x_1}, \\frac{\\partial f}{\\partial x_2})$: five numbers."),
    # three numbers, as the key answers
    ("half-norm-program", "ru", "Ответ — $(f; \\frac{\\partial f}{\\partial w_1}; \\frac{\\partial f}{\\partial w_2})$."),
    # "and its shape": a sentence for the shape, which .shape gives (no example that gives the answer away)
    ("np-axis-max-1", "en", "The answer is a vector. Then write the shape of the result, as $\\texttt{.shape}$ gives it."),
    ("np-axis-max-1", "ru", "Ответ — вектор. Затем запишите форму результата — то, что даёт $\\texttt{.shape}$."),
    # one number, weights and biases together: not two numbers in some order, not a product to work out
    ("flatten-parameters", "en", "The answer is one whole number, the total count of parameters "
                                 "(the weights and the biases together)."),
    ("flatten-parameters", "ru", "Ответ — одно целое число — общее число параметров слоя (веса и смещения вместе)."),
])
def test_the_worksheet_says_what_to_write_in_which_order(problem_id, lang, ending):
    problem = get_problem(problem_id)
    assert _statement(problem, lang, solve(problem)).endswith(ending)


@pytest.mark.parametrize("problem_id, lang, expected", [
    # three blanks for the values, then one for the shape
    ("np-axis-max-1", "en", "\\noindent 1) \\rule{3cm}{0.4pt} \\qquad 2) \\rule{3cm}{0.4pt} \\qquad 3) \\rule{3cm}{0.4pt}"
                            "\\par\\vspace{0.8em}\n\n\\noindent Shape: \\rule{3cm}{0.4pt}\\par"),
    # the other axis question does not ask the shape: no blank for it
    ("np-axis-max-0", "en", "\\noindent 1) \\rule{3cm}{0.4pt} \\qquad 2) \\rule{3cm}{0.4pt}\\par\\vspace{0.8em}"),
    # r₁, r₂, r₃, then ∂f/∂x₁, ∂f/∂x₂, each blank named
    ("vec-residual", "ru", "\\noindent $\\displaystyle r_{1} = $ \\rule{3cm}{0.4pt} \\qquad $\\displaystyle r_{2} = $ "
                           "\\rule{3cm}{0.4pt} \\qquad $\\displaystyle r_{3} = $ \\rule{3cm}{0.4pt}\\par\\vspace{0.8em}\n"
                           "\\noindent $\\displaystyle \\frac{\\partial f}{\\partial x_{1}} = $ \\rule{3cm}{0.4pt} \\qquad "
                           "$\\displaystyle \\frac{\\partial f}{\\partial x_{2}} = $ \\rule{3cm}{0.4pt}\\par\\vspace{0.8em}"),
])
def test_the_worksheet_leaves_room_for_every_part(problem_id, lang, expected):
    assert latex_space(form_of(solve(problem_id), lang), lang) == expected


@pytest.mark.parametrize("lang, last", [
    # the yes/no box of the least-squares question, after the four lines of the formulas and the values
    ("en", "\\noindent The least-squares solution? $\\square$~yes \\quad $\\square$~no\\par"),
    ("ru", "\\noindent Решение задачи наименьших квадратов? $\\square$~да \\quad $\\square$~нет\\par"),
])
def test_the_least_squares_question_gets_a_box(lang, last):
    room = latex_space(form_of(solve("least-squares-half"), lang), lang).split("\n")
    assert room[-1] == last and len([line for line in room if "hrulefill" in line]) == 4


def _tuple_parts(form: str) -> int | None:
    """How many parts a form written as a tuple has, "$(f, a, b)$" or "the vector $(a; b)$"; None for another form."""
    match = re.match(r"(?:the vector |вектор )?\$\(", form)
    if match is None:
        return None
    depth, parts = 0, 1
    for char in form[match.end() - 1:]:
        depth += char in "({[" and 1 or char in ")}]" and -1 or 0
        if depth == 0:
            return parts
        parts += char in ",;" and depth == 1
    return None


@pytest.mark.parametrize("problem_id", sorted(load_bank()))
def test_an_answer_form_written_as_a_tuple_has_as_many_parts_as_the_key(problem_id):
    # the class of half-norm-program's defect: (f, ∂f/∂w₁, …, ∂f/∂x₂₂) where the key answered otherwise
    problem = load_bank()[problem_id]
    for lang in ("en", "ru"):
        parts = _tuple_parts(problem.answer_form(lang) or "")
        if parts is not None:
            answer = solve(problem).answer
            assert parts == (len(answer) if isinstance(answer, tuple) else 1), (lang, problem.answer_form(lang))


def test_the_residual_and_the_verdict_are_numpys():
    # an independent oracle: r = Ax − b and 2Aᵀr in floats; x̂ is NumPy's least-squares solution
    A, b = np.array([[1.0, 0.0], [1.0, 1.0], [1.0, 2.0]]), np.array([6.0, 0.0, 0.0])
    r = A @ np.array([1.0, 1.0]) - b
    assert [float(v) for v in answer_value(solve("vec-residual").answer)] == [*r, *(2 * A.T @ r)]
    A, b = np.array([[2.0, 0.0], [-1.0, 1.0], [0.0, 2.0]]), np.array([1.0, 0.0, -1.0])
    assert np.allclose(np.linalg.lstsq(A, b, rcond=None)[0], [1 / 3, -1 / 3])


@pytest.mark.parametrize("problem_id", ["vec-residual", "least-squares-half", "half-norm-program"])
def test_the_typed_key_of_a_changed_answer_is_accepted(problem_id):
    for lang, typed in zip(("en", "ru"), TYPED[problem_id]):
        verdict = check_bank_answer(problem_id, typed, lang=lang, timeout=30)
        assert verdict.correct, (lang, typed, verdict.feedback)


@pytest.mark.parametrize("find, message", [
    # a part at the point needs the point
    ('["residual", "gradient"]', "find: gradient, residual need the point"),
    # a part the kind does not know is refused when the file is read, with the parts it knows
    ('["norm"]', "'norm' is not one of residual, formula, gradient, solution"),
])
def test_a_residual_find_the_bank_cannot_answer_is_refused(tmp_path, find, message):
    (tmp_path / "mine.toml").write_text('topic = "mine"\ntitle.en = "Mine"\ntitle.ru = "Моё"\n[[problem]]\n'
                                        'id = "ls"\nkind = "residual-gradient"\nmatrix = [[1, 0], [0, 1]]\n'
                                        f'vector = [1, 1]\nfind = {find}\nstatement.en = "Find."\n'
                                        'statement.ru = "Найдите."\n')
    with pytest.raises(BankError, match=re.escape(message)):
        solve(load_bank(tmp_path)["ls"])
