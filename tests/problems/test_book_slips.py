"""A book's misprint marked in published ({ value = ..., slip = "why" }), and formulas in a list checked
by symnn check: symnn problems --verify against independent oracles (NumPy, sympy.diff)."""

import numpy as np
import pytest
import sympy as sp

from symnn.cli import main
from symnn.problems.bank import BankError, load_bank
from symnn.problems.verify import typed_text

MAZUR = """
[[problem]]
id = "mazur"
kind = "network"
layers = [2, 2, 2]
inputs = [0.05, 0.10]
targets = [0.01, 0.99]
weights = [[[0.15, 0.20], [0.25, 0.30]], [[0.40, 0.45], [0.50, 0.55]]]
biases = [0.35, 0.60]
shared_biases = true
activation = "sigmoid"
loss = "half-se"
learning_rate = 0.5
update_biases = false
find = ["L+"]
decimals = 9
statement.en = "The total error after one step."
published = PUBLISHED
"""

REASON = "the book carries a rounded error term"


def mazur_loss_after_a_step() -> float:
    """The oracle: Mazur's 2-2-2 sigmoid network, one step of gradient descent on E = Σ (t - o)²/2 with
    the biases kept, by hand in NumPy."""
    sigmoid = lambda z: 1 / (1 + np.exp(-z))      # noqa: E731
    x, t = np.array([0.05, 0.10]), np.array([0.01, 0.99])
    w1, w2 = np.array([[0.15, 0.20], [0.25, 0.30]]), np.array([[0.40, 0.45], [0.50, 0.55]])
    h = sigmoid(w1 @ x + 0.35)
    o = sigmoid(w2 @ h + 0.60)
    delta_o = (o - t) * o * (1 - o)
    delta_h = (w2.T @ delta_o) * h * (1 - h)
    w1, w2 = w1 - 0.5 * np.outer(delta_h, x), w2 - 0.5 * np.outer(delta_o, h)
    o = sigmoid(w2 @ sigmoid(w1 @ x + 0.35) + 0.60)
    return float(np.sum((t - o) ** 2) / 2)


def bank(tmp_path, text: str):
    (tmp_path / "book.toml").write_text(text, encoding="utf-8")
    return str(tmp_path)


def test_the_oracle_and_the_book_differ():
    truth = mazur_loss_after_a_step()
    assert abs(truth - 0.2910277737) < 1e-10 and abs(truth - 0.291027924) > 1e-7     # the book's last digits are off


def test_an_unmarked_misprint_fails(tmp_path, capsys):
    assert main(["problems", "--verify", "--bank", bank(tmp_path, MAZUR.replace("PUBLISHED", "[0.291027924]"))]) == 1
    assert capsys.readouterr().out.splitlines()[1] == "mazur    published  1  0.291027924  0.2910277737      NO"


def test_a_marked_misprint_shows_both_numbers_and_passes(tmp_path, capsys):
    published = f'[{{ value = 0.291027924, slip = "{REASON}" }}]'
    assert main(["problems", "--verify", "--bank", bank(tmp_path, MAZUR.replace("PUBLISHED", published))]) == 0
    lines = capsys.readouterr().out.splitlines()
    derived = f"{mazur_loss_after_a_step():.10g}"
    assert lines[1] == f"mazur    published  1  0.291027924  {derived}      the book's slip"
    assert lines[-1] == f"The book's slip in mazur, value 1, kept as the book prints it: {REASON}"


def test_a_slip_alone_in_russian(tmp_path, capsys):
    published = f'{{ value = 0.291027924, slip = "{REASON}" }}'        # a table for the one number, no list
    assert main(["problems", "--verify", "--lang", "ru", "--bank", bank(tmp_path, MAZUR.replace("PUBLISHED", published))]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1].split() == ["mazur", "из", "источника", "1", "0,291027924", "0,2910277737", "опечатка", "книги"]
    assert lines[-1] == f"Опечатка книги в задаче mazur, значение 1, оставлена, как в книге: {REASON}"


def test_the_reason_in_the_language_of_the_output(tmp_path, capsys):
    published = '[{ value = 0.291027924, slip.en = "a misprint", slip.ru = "опечатка" }]'
    folder = bank(tmp_path, MAZUR.replace("PUBLISHED", published))
    assert main(["problems", "--verify", "--bank", folder]) == 0
    assert capsys.readouterr().out.splitlines()[-1].endswith("kept as the book prints it: a misprint")
    assert main(["problems", "--verify", "--bank", folder, "--lang", "ru"]) == 0
    assert capsys.readouterr().out.splitlines()[-1].endswith("оставлена, как в книге: опечатка")


def test_a_slip_mark_on_a_number_that_agrees_fails(tmp_path, capsys):
    truth = round(mazur_loss_after_a_step(), 9)
    published = f'[{{ value = {truth}, slip = "{REASON}" }}]'
    assert main(["problems", "--verify", "--bank", bank(tmp_path, MAZUR.replace("PUBLISHED", published))]) == 1
    assert capsys.readouterr().out.splitlines()[1].endswith("NO: marked as the book's slip, but it agrees")


NEURON = """
[[problem]]
id = "neuron"
kind = "graph"
expr = "sigmoid(w*x + b)"
at = "x = 1, w = 2, b = -1"
statement.en = "A neuron."
published = PUBLISHED
"""


def test_the_slip_is_counted_among_the_numbers(tmp_path, capsys):
    # f = σ(1), ∂f/∂x = w·σ′(1), ∂f/∂w = x·σ′(1), ∂f/∂b = σ′(1): the book prints 0.1996 for the last
    s = 1 / (1 + np.exp(-1.0))
    numbers = [s, 2 * s * (1 - s), s * (1 - s), s * (1 - s)]
    book = ", ".join(f"{n:.4f}" for n in numbers[:3])
    published = f'[{book}, {{ value = 0.1996, slip = "a typo for 0.1966" }}]'
    assert main(["problems", "--verify", "--bank", bank(tmp_path, NEURON.replace("PUBLISHED", published))]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[-1] for line in lines[1:4]] == ["yes"] * 3
    assert lines[4].split() == ["4", "0.1996", f"{numbers[3]:.10g}", "the", "book's", "slip"]
    assert lines[-1] == "The book's slip in neuron, value 4, kept as the book prints it: a typo for 0.1966"


# (the value of published or expected, the error naming the field)
@pytest.mark.parametrize(("line", "error"), [
    # a table without its reason
    ("published = [{ value = 0.1996 }]", 'published: a book\'s slip: expected { value = ..., slip = "why" }, got a table with value'),
    # an empty reason
    ('published = [{ value = 0.1996, slip = " " }]', "published: a book's slip: slip: expected text saying what the book got wrong"),
    # a field the table does not have
    ('published = [{ value = 0.1996, slip = "x", page = 3 }]',
     'published: a book\'s slip: expected { value = ..., slip = "why" }, got a table with value, slip, page'),
    # a reason in a language the bank does not write
    ('published = [{ value = 0.1996, slip.de = "x" }]',
     "published: a book's slip: slip: expected text, or slip.en and slip.ru, saying what the book got wrong"),
    # the value is one number or formula, not a list
    ('published = [{ value = [0.1996], slip = "x" }]',
     "published: a book's slip: value: expected the number or formula the book prints, got list"),
    # expected is the bank's own value: no book, no slip
    ('expected = [{ value = 0.1996, slip = "x" }]',
     "expected: a table marks the book's slip, and only published holds what a book prints; expected is your own value"),
    # the table counts as the one number it holds: still four numbers for the answer
    ('published = [0.7311, { value = 0.1996, slip = "x" }]',
     "published: 2 numbers, but the answer has 4 (the output, then one derivative per variable of at: x, w, b)"),
])
def test_a_wrong_slip_is_refused_naming_the_field(tmp_path, line, error):
    with pytest.raises(BankError) as raised:
        load_bank(bank(tmp_path, NEURON.replace("published = PUBLISHED", line)))
    assert str(raised.value) == f"book.toml: problem neuron: {error}"


CROSS_ENTROPY = """
[[problem]]
id = "ce"
kind = "derivative"
expr = "-(y*log(sigmoid(z)) + (1 - y)*log(1 - sigmoid(z)))"
wrt = "z"
statement.en = "The derivative of the cross-entropy by the logit."
published = PUBLISHED
"""


def test_the_oracle_of_the_cross_entropy():
    y, z = sp.symbols("y z")
    s = 1 / (1 + sp.exp(-z))
    derivative = sp.diff(-(y * sp.log(s) + (1 - y) * sp.log(1 - s)), z)
    assert sp.simplify(derivative - (s - y)) == 0 and sp.simplify(derivative - (y - s)) != 0


# (published, the verdict, the exit status): a formula in a list is checked as the scalar one is
@pytest.mark.parametrize(("published", "verdict", "code"), [
    ('"sigmoid(z) - y"', "text: symnn check accepts it", 0),        # the scalar, as before
    ('["sigmoid(z) - y"]', "text: symnn check accepts it", 0),      # the same formula in a list
    ('["y - sigmoid(z)"]', "text: symnn check refuses it", 0),      # the sign wrong: said, not a failure (a slide's error)
    ('[{ value = "y - sigmoid(z)", slip = "the sign" }]', "the book's slip", 0),     # marked as the book's
])
def test_a_formula_in_a_list_is_checked(tmp_path, capsys, published, verdict, code):
    assert main(["problems", "--verify", "--bank", bank(tmp_path, CROSS_ENTROPY.replace("PUBLISHED", published))]) == code
    row = capsys.readouterr().out.splitlines()[1]
    assert row.endswith(verdict) and "not compared" not in row


def test_a_list_of_formulas_refused_for_one_of_them(tmp_path, capsys):
    # ∇(x² + xy) = (2x + y, x): the book prints 2x for the first
    assert sp.diff(sp.sympify("x**2 + x*y"), "x") != sp.sympify("2*x")
    text = '[[problem]]\nid = "g"\nkind = "gradient"\nexpr = "x^2 + x*y"\nwrt = "x, y"\nstatement.en = "The gradient."\n'
    assert main(["problems", "--verify", "--bank", bank(tmp_path, text + 'published = ["2x", "x"]\n')]) == 0
    assert capsys.readouterr().out.splitlines()[1].endswith("text: symnn check refuses it")


# (the value in the file, as a student types it)
@pytest.mark.parametrize(("value", "typed"), [
    ("y - sigmoid(z)", "y - sigmoid(z)"),                   # a formula alone
    (["y - sigmoid(z)"], "y - sigmoid(z)"),                 # one formula in a list: the formula
    (["2x + y", "x"], "(2x + y, x)"),                       # a vector
    (["2x + y", 0.5, " 0.30 "], "(2x + y, 0.5, 0.30)"),     # numbers in it as written
    ([["cos(t)", "-r*sin(t)"], ["sin(t)", "r*cos(t)"]], "[[cos(t), -r*sin(t)], [sin(t), r*cos(t)]]"),   # a matrix
])
def test_a_value_with_text_is_typed_as_a_student_types_it(value, typed):
    assert typed_text(value) == typed
