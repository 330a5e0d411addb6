"""A derivative written through the function itself where the notation names the function (f = σ):
the names the notation gives, and the bank's sigmoid problem checked as a student types it."""

import pytest
import sympy as sp

from symnn import check_bank_answer
from symnn.problems.function_names import bare_name, function_names
from symnn.problems.solve import question_options, solve


@pytest.mark.parametrize("written, name", [
    (r"\sigma", "sigma"),        # LaTeX
    ("σ", "sigma"),              # Unicode
    ("F", "F"),                  # a Latin letter
    ("E^2", None),               # a formula, not a name
    ("y_{pred}", None),          # a name with an index: not one symbol here
])
def test_a_bare_name_of_the_notation(written, name):
    assert bare_name(written) == name


@pytest.mark.parametrize("data, names", [
    # the notation's name and f, both the function of the argument
    ({"expr": "1/(1 + exp(-z))", "wrt": "z", "notation": {"f": r"\sigma"}},
     (("sigma", "1/(1 + exp(-z))"), ("f", "1/(1 + exp(-z))"))),
    # the problem names σ itself: f gets σ's formula, σ keeps the problem's
    ({"expr": "1/(1 + exp(-z))", "wrt": "z", "notation": {"f": r"\sigma"}, "names": {"sigma": "sigmoid(z)"}},
     (("f", "sigmoid(z)"),)),
    # f is a variable of the formula: only the notation's name
    ({"expr": "f*x^2", "wrt": "x", "notation": {"f": "F"}}, (("F", "f*x^2"),)),
    # the notation's name is the variable: nothing (F' of F would be circular)
    ({"expr": "F^2", "wrt": "F", "notation": {"f": "F"}}, (("f", "F^2"),)),
    # no notation of f, or not a bare name: nothing
    ({"expr": "x^2", "wrt": "x"}, ()),
    ({"expr": "x^2", "wrt": "x", "notation": {"f": "E^2"}}, ()),
])
def test_the_names_a_notation_gives(data, names):
    assert function_names(data) == names


def test_the_bank_problem_knows_sigma_and_f():
    options = question_options(solve("nielsen-sigmoid-prime").problem)
    assert options["names"] == (("sigma", "sigmoid(z)"), ("f", "sigmoid(z)"))
    assert options["through"] == ("sigma",)


def test_the_key_is_the_derivative_of_the_sigmoid():
    # the oracle: sympy.diff of the formula, and a central difference at a few points
    z = sp.Symbol("z", real=True)
    answer = solve("nielsen-sigmoid-prime").answer
    value = answer.xreplace({sp.Symbol("sigma", real=True): 1 / (1 + sp.exp(-z))})
    for point in (-2, 0, sp.Rational(1, 3), 3):
        exact = sp.diff(1 / (1 + sp.exp(-z)), z).subs(z, point)
        assert sp.N(value.subs(z, point) - exact, 30) == pytest.approx(0, abs=1e-25)
        h = 1e-6
        central = (1 / (1 + sp.exp(-(point + h))) - 1 / (1 + sp.exp(-(point - h)))) / (2 * h)
        assert float(value.subs(z, point)) == pytest.approx(float(central), rel=1e-8)


@pytest.mark.parametrize("answer, correct, words", [
    (r"\sigma(1-\sigma)", True, ""),                    # the book's form, σ bare
    ("σ(1−σ)", True, ""),                               # typed in Unicode
    ("f(1-f)", True, ""),                               # symnn's name of the function
    (r"\sigma(z)(1 - \sigma(z))", True, ""),            # with the argument written
    (r"\sigma'(z)", False, "restates"),                 # the question itself never passes
    (r"\sigma'(z) = \sigma(1-\sigma)", True, ""),       # ... but a chain that starts with it and ends right does
    (r"\frac{e^{-z}}{(1+e^{-z})^2}", False, "through"),  # right, not written through σ
    (r"\sigma^2", False, ""),                           # a wrong formula through σ
])
def test_the_sigmoid_through_itself_is_checked(answer, correct, words):
    verdict = check_bank_answer("nielsen-sigmoid-prime", answer, timeout=20)
    assert verdict.correct is correct, verdict.feedback
    assert words in " ".join(verdict.feedback)
