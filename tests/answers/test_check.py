"""The answer checker against a table of cases from the course, one comment per case.

Zero false passes comes first: every wrong answer below must be marked wrong.
"""

import json
import re

import pytest
import sympy as sp

from symnn import check_answer
from symnn.cli import main

SIGMA_PRIME = "sigmoid(x)*(1 - sigmoid(x))"
SIGMA_NAMES = (("sigma", "sigmoid(z)"), ("f", "sigmoid(z)"))     # what notation = { f = '\\sigma' } defines

# (reference, answer, options, correct?, words the feedback must contain)
CASES = [
    # --- numbers: exact and decimal, LaTeX and plain text
    ("-162", "-162", {}, True, "Correct"),                                   # 4.3's middle component
    ("-162", "-162.0", {}, True, ""),                                        # the course's float form
    ("1/3", r"\frac{1}{3}", {}, True, ""),                                   # LaTeX fraction
    ("1/3", "0.333", {}, True, ""),                                          # correct rounding, 3 figures
    ("1/3", "0,333", {}, True, ""),                                          # decimal comma (Russian)
    ("1/3", "0.33", {}, False, "rounded too coarsely"),                      # 2 figures are too few
    ("1/3", "0.334", {}, False, "not a correct rounding"),                   # wrong last digit
    ("0.72163", "0.7216", {"decimals": 4}, True, ""),                        # o1 of the 2-2-1 net at 4 places
    ("0.72163", "0.72", {"decimals": 4}, False, "Round to 4"),               # too coarse for 4 places
    ("0.72163", "0,7216", {"decimals": 4}, True, ""),                        # decimal comma at 4 places
    ("0.9998766054240137", "0.99988", {"sigfigs": 5}, True, ""),             # sigma(9) to 5 figures
    ("0.9998766054240137", "0.9999", {"sigfigs": 5}, False, ""),             # only 4 figures
    ("15", "15.3", {"absolute": 0.5}, True, ""),                             # MSE with absolute tolerance
    ("15", "16", {"absolute": 0.5}, False, ""),                              # outside it
    ("21.0855", "21.09", {"relative": 0.001}, True, ""),                     # f of graph-exp, relative
    ("exp(3)", "e^3", {}, True, ""),                                         # exact e^3, plain text
    ("exp(3)", r"\mathrm{e}^{3}", {}, True, ""),                             # upright e is Euler's number
    ("exp(3)", "20.09", {}, True, ""),                                       # e^3 rounded (4 figures)
    ("exp(3)", "20", {}, False, ""),                                         # the course's rounded 20 is not e^3
    ("1/2", "50%", {}, True, ""),                                            # a percentage
    ("1/2", r"50\%", {}, True, ""),                                          # a LaTeX percentage
    ("3/10000", "3e-4", {}, True, ""),                                       # scientific notation in text
    ("3/10000", r"3 \cdot 10^{-4}", {}, True, ""),                           # and in LaTeX
    ("2", "-2", {}, False, "sign is wrong"),                                 # sign error
    ("2", r"\infty", {}, False, "not a finite number"),                     # infinity is no value
    ("30", "60", {"powers": True}, False, "factor of 2"),                    # the 1/2-MSE convention, a problem with a square
    ("44", "44", {}, True, ""),                                              # sum(k*x)+b
    # --- formulas
    ("15*x^2", "15x^2", {}, True, "expected expression"),                    # implicit product
    ("15*x^2", "15 x^{2}", {}, True, ""),                                    # LaTeX
    ("-6/y^3", r"-\frac{6}{y^3}", {}, True, ""),                             # LaTeX fraction with a symbol
    ("-6/y^3", "-6*y^(-3)", {}, True, ""),                                   # same, written as a power
    ("-6/y^3", "6/y^3", {}, False, "sign is wrong"),                         # sign error in a formula
    (SIGMA_PRIME, r"\sigma(x)(1-\sigma(x))", {}, True, ""),                  # sigma' in LaTeX
    (SIGMA_PRIME, "sigma(x)*(1-sigma(x))", {}, True, ""),                    # and in plain text
    (SIGMA_PRIME, r"\frac{e^{-x}}{(1+e^{-x})^2}", {}, True, ""),             # with exponentials
    (SIGMA_PRIME, r"\sigma(x)", {}, False, ""),                              # sigma itself is not sigma'
    (SIGMA_PRIME, r"\sigma'(x)", {}, False, "restates"),                     # σ'(x) alone restates "find σ'(x)"
    (SIGMA_PRIME, r"\sigma'(x) = \sigma(x)(1-\sigma(x))", {}, True, ""),       # named, then computed
    ("2*x", r"\frac{d}{dx} x^2", {}, False, "restates the question"),        # d/dx restates it
    ("2*x", r"\frac{\partial f}{\partial x}", {}, False, "restates"),        # so does a partial
    ("1 - tanh(x)^2", r"1 - \operatorname{th}^2 x", {}, True, ""),           # Russian th
    ("1 - tanh(x)^2", "1 - th(x)^2", {}, True, ""),                          # plain-text th
    ("1/cos(x)^2", r"1 + \operatorname{tg}^2 x", {}, True, ""),              # tg, another form
    ("1/(1+x^2)", r"(\operatorname{arctg} x)' ", {}, False, "restates"),     # arctg' restates it
    ("1/(1+x^2)", r"\frac{1}{1+x^2}", {}, True, ""),                         # arctg' written out
    ("1/x", r"\frac{1}{x}", {}, True, ""),                                   # (ln x)'
    ("log(x)", r"\log x", {}, True, ""),                                     # \log is natural
    ("log(x)", r"\ln x", {}, True, ""),                                      # \ln too
    ("log(x)", r"\lg x", {}, False, ""),                                     # \lg is base 10
    ("log(x)", r"\log x", {"natural_log": False}, False, ""),                # unless configured so
    ("1/x", r"\frac{1}{x \ln 10}", {}, False, "base-10 logarithm"),          # base-10 log used
    ("w_1*x_1 + w_2*x_2", "w1 x1 + w2 x2", {}, True, ""),                    # x1 is x_1
    ("w_1*x_1", "w1 x1", {"index_names": False}, False, ""),                 # unless configured so
    (sp.Symbol("a_{(1)}") * sp.Symbol("w"), r"a^{(1)} w", {}, True, ""),                               # a layer index, not a power
    ("w*x", r"w^T x", {}, True, ""),                                         # a transpose of a scalar
    ("(1 - x)*exp(-x)", r"e^{-x} - x e^{-x}", {}, True, ""),                 # expanded form
    ("(1 - x)*exp(-x)", r"e^{-x} - x e^{-x}", {"form": "factored"}, False, "factored"),  # form check
    ("x*exp(-x)", "x*exp(-x)", {"form": "factored"}, True, ""),              # already factored
    ("2*x*cos(x^2)", "cos(x^2)", {"function": "sin(x^2)", "wrt": "x"}, False, "multiply by 2·x"),  # chain
    ("y", "x", {"function": "x*y", "wrt": "x"}, False, "with respect to y"),  # wrong variable
    ("Heaviside(x)", "Heaviside(x)", {}, True, ""),                          # ReLU'
    ("sign(x)", "abs(x)/x", {}, True, ""),                                   # |x|' two ways
    # --- vectors
    ("(60, -162, 1)", "(60, -162, 1)", {}, True, ""),                        # 4.3 exactly
    ("(60, -162, 1)", "(60; -162; 1)", {}, True, ""),                        # semicolons
    ("(60, -162, 1)", r"\begin{pmatrix}60\\-162\\1\end{pmatrix}", {}, True, ""),  # a column
    ("(60, -162, 1)", r"\begin{bmatrix}60 & -162 & 1\end{bmatrix}", {}, True, ""),  # a row
    ("(60, -162, 1)", r"\left(60, -162, 1\right)", {}, True, ""),            # \left( \right)
    ("(60, -162, 1)", "[60, -162, 1]", {}, True, ""),                        # a list, not an interval
    ("(60, -162, 1)", "(60, 162, 1)", {}, False, "Component 2"),             # one wrong component
    ("(60, -162, 1)", "(-162, 60, 1)", {}, False, "swapped"),                # swapped components
    ("(60, -162, 1)", "(60, 1)", {}, False, "Component 2 is missing"),       # missing component
    ("(60, -162, 1)", r"\{60, -162, 1\}", {}, False, "set has no order"),    # a set is not a gradient
    ("(60, -162, 1)", "60", {}, False, "vector of 3"),                       # a scalar for a vector
    ("(1, 2)", "(0,5, 1,2)", {}, False, ""),                                 # decimal commas, both wrong
    ("(1/2, 6/5)", "(0,5, 1,2)", {}, True, ""),                              # decimal commas, right
    ("(10, 45)", "(45, 10)", {"function": "y*(x + 2*y)", "variables": ("x", "y"),
                              "point": (("x", 5), ("y", 10))}, False, "swapped"),   # 4.6 swapped
    ("(1, 1, 0)", "(3/4, 2, 0)", {"function": "x*y + y*z^2 + cos(z)/x", "variables": ("x", "y", "z"),
                                  "point": (("x", 1), ("y", 2), ("z", 0))}, False, "another point"),  # 4.4 at (2, 1, 0)
    ("(1, 1, 0)", "(y - cos(z)/x^2, x + z^2, 2*y*z - sin(z)/x)",
     {"point": (("x", 1), ("y", 2), ("z", 0))}, False, "substitute the point"),   # not evaluated
    # --- matrices and vectors of one
    ("(12, 12, 17, 10, 17, 19, 9, 6, 14)", "[[12,12,17],[10,17,19],[9,6,14]]", {}, True, ""),   # conv-3x3 as rows
    ("(12, 12, 17, 10, 17, 19, 9, 6, 14)", "[[12,12,17],[10,17,19],[9,6,15]]", {}, False, "Component 9"),
    ("(1, 2, 3, 4)", "[[1, 2], [3, 4]]", {}, True, ""),                      # a 2×2 matrix, row by row
    ("(1, 2, 3, 4)", "[[1, 3], [2, 4]]", {}, False, "swapped"),              # the transpose: 2 and 3 swapped
    (r"\begin{pmatrix}1 & 2\\ 3 & 4\end{pmatrix}", "(1, 2, 3, 4)", {}, False, "2×2 matrix"),   # a Jacobian is not a row
    # --- wrappers and prefixes
    ("6*x", "Ответ: $6x$.", {}, True, ""),                                     # prefix, Markdown math, full stop
    ("6*x", r"\boxed{6x}", {}, True, ""),                                       # a box
    ("(1, 1, 0)", "array([1., 1., 0.])", {}, True, ""),                        # what NumPy prints
    # --- chains and labels
    ("2*x*cos(x^2)", r"\frac{d}{dx}\sin(x^2) = \cos(x^2) = 2x\cos(x^2)", {}, False, "step of the chain"),  # wrong middle
    ("6*x", "x = 6x", {}, False, "step of the chain"),                          # x is a variable, not a label
    ("15", r"\text{MSE} = \frac{1}{4}\cdot 60 = 15", {}, True, ""),           # a named chain, every side right
    ("sigmoid(3)", r"\sigma(3) = \frac{1}{1+e^{-3}} \approx 0.9526", {}, True, ""),   # ≈ ends a chain
    ("(1, 2)", "x = 1, y = 2", {"variables": ("x", "y")}, True, ""),          # named coordinates
    # --- numbers
    ("-162", "-162.00000000000003", {}, True, "exact value -162"),            # float64 noise, with the exact value
    ("1/3", "0,(3)", {}, True, ""),                                           # repeating, decimal comma
    ("0", "0.(5)", {}, False, ""),                                            # 0.(5) is 5/9, not 0·5
    # --- notation of the course
    (r"\hat{y} - y", "y_hat - y", {}, True, ""),                               # ŷ three ways
    ("Heaviside(x)", r"\begin{cases}1 & x > 0\\ 0 & \text{иначе}\end{cases}", {}, True, "convention"),  # kink note
    ("0 < a < 2", r"a \in (0; 2)", {}, True, "same set"),                      # a condition as an interval
    ("0 < a < 2", r"0 < a \le 2", {}, False, ""),                             # a different set
    (r"-\frac{2}{n}X^T(y - Xw)", r"-\frac{2}{n}X(y - Xw)", {}, False, ""),     # a transpose dropped
    (r"X^T(XW)", r"X^TXW", {}, True, ""),                                     # associative, order kept
    (r"X^T(XW)", r"(XW)X^T", {}, False, ""),                                  # the order of a product matters
    (r"-\frac{2}{n}X^T(y - Xw)", "-2/n X'(y - Xw)", {}, True, ""),              # X' is Xᵀ among matrices
    (r"\frac{1}{n}\sum_{i=1}^{n}(y_i - \hat{y}_i)^2", r"\frac1n\sum_{k=1}^{n}(\hat y_k - y_k)^2", {}, True, "sums"),
    ("2*x", "2х", {}, True, "Cyrillic"),                                      # a Russian keyboard's х, noted
    ("sin(x^2)", "sin x^2", {}, True, "read as sin(x^2)"),                    # the reading said
    # --- names a problem defines, and the form it asks for
    ("alpha*sigmoid(alpha*x)*(1 - sigmoid(alpha*x))", r"\alpha f(1 - f)",
     {"names": (("f", "sigmoid(alpha*x)"),), "through": ("f",)}, True, ""),
    ("alpha*sigmoid(alpha*x)*(1 - sigmoid(alpha*x))", r"\alpha\sigma(\alpha x)(1 - \sigma(\alpha x))",
     {"names": (("f", "sigmoid(alpha*x)"),), "through": ("f",)}, False, "through f"),
    # --- the derivative through the function itself, where the notation writes f as σ: a bank problem's
    # notation = { f = '\sigma' } names both sigma and f as the function of the argument (σ′ = σ(1 − σ))
    ("sigmoid(z)*(1 - sigmoid(z))", r"\sigma(1-\sigma)", {"names": SIGMA_NAMES}, True, ""),   # the bare σ is σ(z)
    ("sigmoid(z)*(1 - sigmoid(z))", "σ(1−σ)", {"names": SIGMA_NAMES}, True, ""),              # typed in Unicode
    ("sigmoid(z)*(1 - sigmoid(z))", "f(1-f)", {"names": SIGMA_NAMES}, True, ""),              # symnn's name of it
    ("sigmoid(z)*(1 - sigmoid(z))", r"\sigma(z)(1-\sigma(z))", {"names": SIGMA_NAMES}, True, ""),  # argument written
    ("sigmoid(z)*(1 - sigmoid(z))", r"\sigma\left(z\right)\left(1-\sigma\left(z\right)\right)",
     {"names": SIGMA_NAMES}, True, ""),                                                       # as a LaTeX editor writes it
    ("sigmoid(z)*(1 - sigmoid(z))", r"\sigma'(z)", {"names": SIGMA_NAMES}, False, "restates"),  # the question itself
    ("sigmoid(z)*(1 - sigmoid(z))", "σ'", {"names": SIGMA_NAMES}, False, "restates"),          # ... without its argument
    ("sigmoid(z)*(1 - sigmoid(z))", r"\sigma(1+\sigma)", {"names": SIGMA_NAMES}, False, ""),  # a wrong sign
    ("sigmoid(z)*(1 - sigmoid(z))", r"\sigma(2z)(1-\sigma(2z))", {"names": SIGMA_NAMES}, False, ""),  # σ of another argument
    ("sigmoid(z)*(1 - sigmoid(z))", "σ(1−σ)", {"names": SIGMA_NAMES, "through": ("f",)}, True, ""),  # σ counts as f
    ("sigmoid(z)*(1 - sigmoid(z))", r"\frac{e^{-z}}{(1+e^{-z})^2}", {"names": SIGMA_NAMES, "through": ("f",)},
     False, "through f"),                                                                     # right, but not through f
    ("sigmoid(z)*(1 - sigmoid(z))", "f(1-f)", {}, False, ""),                                 # no notation: f is unknown
    ("sigmoid(z)*(1 - sigmoid(z))", "σ(1−σ)", {}, True, ""),                                  # no notation: σ of the argument
    # --- the reader's language
    ("2*x", "(2x", {"lang": "ru"}, False, "скобка не закрыта"),                 # a Russian reason, said alone
    ("2*x", "frac{1}{2}", {}, False, "did you mean \\frac"),                  # a command without its backslash
]


@pytest.mark.parametrize("reference, answer, options, correct, words", CASES,
                         ids=[f"{i}:{c[1][:25]}" for i, c in enumerate(CASES)])
def test_case(reference, answer, options, correct, words):
    vector = re.fullmatch(r"\(([^()]*)\)", reference) if isinstance(reference, str) else None
    if vector:
        reference = tuple(vector[1].split(","))
    verdict = check_answer(reference, answer, **options)
    assert verdict.correct is correct, verdict.feedback
    assert words in " ".join(verdict.feedback)
    assert 0.0 <= verdict.score <= 1.0
    assert verdict.score == 1.0 if correct else verdict.score < 1.0


def test_partial_credit_and_decider():
    verdict = check_answer(("60", "-162", "1"), "(60, 162, 1)")
    assert verdict.score == pytest.approx(2 / 3) and verdict.components == (True, False, True)
    assert check_answer("1/3", "0.333").decided_by == "numeric"
    assert check_answer("x^2", "x*x").decided_by == "identical"


def test_feedback_in_russian():
    verdict = check_answer("2", "-2", lang="ru")
    assert verdict.feedback == ("Неверно.", "Неверный знак: ответ равен правильному со знаком минус.")


def test_unknown_option_is_refused():
    with pytest.raises(TypeError, match="unknown check option"):
        check_answer("1", "1", tolerance=3)


def test_cli_check_json_contract(capsys):
    assert main(["check", "4.3", "(60, -162, 1)", "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["correct"] is True and out["score"] == 1.0 and isinstance(out["feedback"], list)


def test_cli_check_wrong_answer_still_exits_0(capsys):
    assert main(["check", "--reference", "2*x", "x^2", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["correct"] is False


def test_cli_check_needs_id_or_reference(capsys):
    assert main(["check", "x"]) == 2


def test_a_vector_of_one_and_a_matrix_reference_are_read_as_a_student_writes_them():
    import sympy as sp
    assert check_answer((sp.Rational(1, 3),), "0.333").correct                    # one neuron's output
    assert check_answer(sp.Matrix([[1, 2], [3, 4]]), "[[1, 2], [3, 4]]").correct   # conv, matmul answers
