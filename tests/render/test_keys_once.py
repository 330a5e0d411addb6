"""A key says each thing once and is typeset cleanly: what its statement writes (a loss's formula, a chain rule, a
function, a given matrix) it does not write again, a slide's error is explained once (by the note), a note two
problems share is said once a key; a line that goes on with a display is its last row, program text does not
break inside a call, and an answer after a display starts at the margin."""

from __future__ import annotations

import pytest

from symnn.export.worksheets import Options, answer_key
from symnn.problems.solve import solve
from symnn.render import render


def text(problem_id: str, lang: str = "en", format: str = "text") -> str:
    return render(solve(problem_id), format, lang=lang, detail="brief")


@pytest.mark.parametrize("problem_id, lang, once", [
    # bce-n: "Compute BCE = −(1/N) Σ …": the statement's formula, not also a line of the key
    ("bce-n", "en", "-(1/N)∑_(i=1)^N [y_i ln p(ŷ_i) + (1 - y_i) ln(1 - p(ŷ_i))]"),
    ("bce-n", "ru", "-(1/N)∑_(i=1)^N [y_i ln p(ŷ_i) + (1 - y_i) ln(1 - p(ŷ_i))]"),
    # backprop-w1: "find ∂L/∂w₁ = ∂L/∂y_pred · ∂y_pred/∂h₁ · ∂h₁/∂w₁": the factors follow, the chain is not said again
    ("backprop-w1", "en", "∂L/∂w_1 = ∂L/∂y_pred · ∂y_pred/∂h_1 · ∂h_1/∂w_1"),
    ("backprop-w1", "ru", "∂L/∂w_1 = ∂L/∂y_pred · ∂y_pred/∂h_1 · ∂h_1/∂w_1"),
    # conv-3x3, linear-collapse: the matrices the statement gives by name
    ("conv-3x3", "en", "K = [(0, 1, 2); (2, 2, 0); (0, 1, 2)]"),
    ("conv-sharpen", "ru", "I = [(5; 6; 7); (3; 4; 6); (2; 3; 5)]"),
    ("linear-collapse", "en", "W_1 = [(1, 2); (0, 1)]"),
])
def test_what_the_statement_writes_is_written_once(problem_id, lang, once):
    assert text(problem_id, lang).count(once) == 1


@pytest.mark.parametrize("problem_id, lang, heading", [
    # 4.3 writes F = 5x³ + 3/y² + sin z: the heading defines ∇F and goes on, without F again
    ("4.3", "en", "The gradient is the vector of partial derivatives: ∇ F = (∂F/∂x, ∂F/∂y, ∂F/∂z)\n"),
    ("4.4", "ru", "Градиент — вектор частных производных: ∇ F = (∂F/∂x; ∂F/∂y; ∂F/∂z)\n"),
    # linreg-grad writes L through ŷ: the key's L in w, x, b is what it differentiates, and says so
    ("linreg-grad", "en", "The gradient is the vector of partial derivatives: ∇ L = (∂L/∂w, ∂L/∂b), L = (w·x + b - y)^2\n"),
])
def test_a_gradient_heading_writes_the_function_only_where_the_statement_does_not(problem_id, lang, heading):
    assert heading in text(problem_id, lang)


@pytest.mark.parametrize("lang, answer, note", [
    ("en", "; on the slide: ∂L/∂W_2 = -(y - σ(X·W_1)·W_2)·σ(X·W_1) — wrong\n", "Note. The slide's"),
    ("ru", "; на слайде: ∂L/∂W_2 = -(y - σ(X·W_1)·W_2)·σ(X·W_1) — неверно\n", "Примечание. На слайде"),
])
def test_a_slides_error_is_explained_by_the_note_alone(lang, answer, note):
    key = text("two-layer-w2", lang)
    assert answer + note in key
    # a wrong formula the problem has no note for keeps its reason in the answer
    assert text("dense-layer-backward", lang).endswith(
        {"en": "— wrong: the factor σ'(A) is missing", "ru": "— неверно: пропущен множитель σ'(A)"}[lang])


@pytest.mark.parametrize("lang, sentence", [
    ("en", "The slide writes $x^{(i+1)} = {(1 - a)}^i x^{(0)}$, one step off"),
    ("ru", "На слайде записано $x^{(i+1)} = {(1 - a)}^i x^{(0)}$, показатель отстаёт на единицу"),
])
def test_a_note_two_problems_share_is_said_once_a_key(lang, sentence):
    key = answer_key([solve(p) for p in ("gd-convergence", "gd-closed-form")], "tex", lang, "t", Options(detail="brief"))
    assert key.count(sentence) == 1
    alone = answer_key([solve("gd-closed-form")], "tex", lang, "t", Options(detail="brief"))
    assert alone.count(sentence) == 1


@pytest.mark.parametrize("problem_id, lang, rows", [
    # the result through the outputs ends the derivation's display, its = in the column of the others
    ("nll-softmax", "en", "&= s_{1} - 1 \\\\*\n&\\quad \\text{(written through the outputs)}\n\\end{align*}"),
    ("softmax-jacobian", "ru", "&= - s_{1} s_{2} \\\\*\n&\\quad \\text{(через выходы)}\n\\end{align*}"),
])
def test_a_line_going_on_with_a_display_is_its_last_row(problem_id, lang, rows):
    latex = text(problem_id, lang, "latex")
    assert rows in latex and "{\\noindent $= " not in latex and "\\noindent $= " not in latex


def test_program_text_breaks_only_between_its_parts():
    # np.ones((4, 3, 2)) is one call: its spaces are tied, never a line end
    assert r"\texttt{t~=~np.ones((4,~3,~2))}" in text("tensor-ranks", "en", "latex")


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_an_answer_after_a_display_starts_at_the_margin(lang):
    # the display closed in a group of its own: its line ends in %, no space before the answer
    key = answer_key([solve("bce-dog-cat")], "tex", lang, "t", Options(detail="brief"))
    assert "\\end{align*}}%\n{\\noindent \\interlinepenalty=10000 \\textbf{" in key
