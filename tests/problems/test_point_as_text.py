"""An optimizer-step (or optimizers) problem may give its point as text, at = "x1 = 0.5, x2 = 0.5", as a gradient
problem does: read in the order of wrt, the names checked against wrt. The key is the same as for the list; its
numbers come from a loop of steepest descent written here (∇F = (2x₁, 50x₂))."""

from __future__ import annotations

from fractions import Fraction

import pytest

from symnn import render
from symnn.problems.bank import BankError, load_bank
from symnn.problems.schema import problem_errors
from symnn.problems.solve import solve

START, ALPHA, STEPS = (Fraction(1, 2), Fraction(1, 2)), Fraction(1, 100), 2


def problem(at: str) -> str:
    return f"""[[problem]]
id = "sd"
kind = "optimizer-step"
optimizer = "gd"
expr = "x1^2 + 25*x2^2"
wrt = "x1, x2"
at = {at}
settings = {{ eta = 0.01 }}
steps = {STEPS}
notation = {{ eta = '\\alpha' }}
statement.en = 'Apply steepest descent to $F(x) = x_1^2 + 25 x_2^2$ from $x_0 = (0.5, 0.5)^T$. Find $x_2$.'
statement.ru = 'Примените наискорейший спуск к $F(x) = x_1^2 + 25 x_2^2$ из точки $x_0 = (0.5, 0.5)^T$. Найдите $x_2$.'
"""


def descent() -> tuple[Fraction, Fraction]:
    x1, x2 = START
    for _ in range(STEPS):
        x1, x2 = x1 - ALPHA * 2 * x1, x2 - ALPHA * 50 * x2
    return x1, x2


def written(value: Fraction, lang: str) -> str:
    text = format(float(value), "g")
    return text.replace(".", ",") if lang == "ru" else text


# the answer named by the rule's iterate after two steps, 𝐱_2 (bold: x_2 is also the point's second coordinate)
@pytest.mark.parametrize("lang, answer", [("en", "Answer: 𝐱_2 = ({}, {})"), ("ru", "Ответ: 𝐱_2 = ({}; {})")])
@pytest.mark.parametrize("at", ['"x1 = 0.5, x2 = 0.5"', '"x2 = 0.5, x1 = 0.5"'])     # any order of the names
def test_a_point_as_text_is_the_list_in_the_order_of_wrt(tmp_path, lang, answer, at):
    (tmp_path / "text").mkdir()
    (tmp_path / "list").mkdir()
    (tmp_path / "text" / "sd.toml").write_text(problem(at), encoding="utf-8")
    (tmp_path / "list" / "sd.toml").write_text(problem("[0.5, 0.5]"), encoding="utf-8")
    assert load_bank(tmp_path / "text")["sd"].data["at"] == ["0.5", "0.5"]
    key = render(solve("sd", tmp_path / "text"), "text", lang=lang, detail="brief")
    assert key == render(solve("sd", tmp_path / "list"), "text", lang=lang, detail="brief")
    assert key.splitlines()[-1] == answer.format(*(written(x, lang) for x in descent()))


@pytest.mark.parametrize("at, error", [
    # a name that is not a variable of wrt, and so a variable without its value
    ("x1 = 0.5, y = 0.5", ["at: y is not a variable of wrt (x1, x2)", "at: no value of x2"]),
    ("x1 = 0.5, x1 = 1, x2 = 0", ["at: x1 is given twice"]),
    ("x1 = 0.5, 0.5", ["at: expected name = value, got '0.5'", "at: no value of x2"]),
])
def test_a_point_as_text_names_each_variable_of_wrt_once(at, error):
    entry = {"id": "sd", "kind": "optimizer-step", "statement": {"en": "…"}, "optimizer": "gd", "expr": "x1^2 + x2^2",
             "wrt": "x1, x2", "at": at}
    assert problem_errors(entry) == error


def test_anything_else_is_refused_saying_what_is_expected(tmp_path):
    (tmp_path / "sd.toml").write_text(problem("0.5"), encoding="utf-8")
    with pytest.raises(BankError) as refused:
        load_bank(tmp_path)
    assert str(refused.value) == ("sd.toml: problem sd: at: expected a list of numbers in the order of wrt, "
                                  "e.g. at = [0.5, 0.5], or text naming each variable of wrt, e.g. "
                                  "at = \"x1 = 0.5, x2 = 0.5\"; got 0.5")


def test_several_optimizers_take_a_point_as_text_too(tmp_path):
    (tmp_path / "o.toml").write_text("""[[problem]]
id = "two"
kind = "optimizers"
optimizers = ["gd", "momentum"]
expr = "x^2 + y^2"
wrt = "x, y"
at = "y = 2, x = 1"
settings = { gd = { eta = 0.1 }, momentum = { eta = 0.1, alpha = 0.9 } }
statement.en = 'One step of each.'
statement.ru = 'Один шаг каждого.'
""", encoding="utf-8")
    # one step from (1, 2) with ∇ = (2x, 2y) and η = 0.1 (momentum from a zero velocity moves alike): 0.8x, 0.8y
    assert solve("two", tmp_path).answer == (Fraction(4, 5), Fraction(8, 5)) * 2
