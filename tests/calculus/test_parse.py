"""The safe plain-text parser: what it reads, and what it refuses (with a clear message)."""

import pytest
import sympy as sp

from symnn.calculus.functions import sigmoid
from symnn.calculus.parse import ParseError, parse_expr_safe, parse_point, parse_symbols

x, y, z, w, b = sp.symbols("x y z w b", real=True)

# (text, expression it means)
READS = [
    ("5x^3 + 3/y^2 + sin(z)", 5 * x ** 3 + 3 / y ** 2 + sp.sin(z)),   # implicit product, ^ power
    ("x**2", x ** 2),                                                 # Python power
    ("2(x+1)", 2 * (x + 1)),                                          # number before a bracket
    ("(x+1)(x-1)", (x + 1) * (x - 1)),                                # bracket before a bracket
    ("x(x+1)", x * (x + 1)),                                          # a variable before a bracket
    ("x y", x * y),                                                   # juxtaposition
    ("1/3", sp.Rational(1, 3)),                                       # exact fractions
    ("0.5*w", w / 2),                                                 # decimals become exact
    ("3e-4", sp.Rational(3, 10000)),                                  # scientific notation
    ("sigmoid(w*x + b)", sigmoid(w * x + b)),                         # the sigmoid by name
    ("σ(x)", sigmoid(x)),                                             # and by its letter
    ("relu(x)", sp.Max(0, x)),                                        # ReLU is max(0, x)
    ("ln(x) + log(y)", sp.log(x) + sp.log(y)),                        # log is natural
    ("lg(x)", sp.log(x, 10)),                                         # lg is base 10
    ("log(x, 2)", sp.log(x, 2)),                                      # explicit base
    ("tg(x) + ctg(x) + th(x) + arctg(x)",                             # Russian notation
     sp.tan(x) + sp.cot(x) + sp.tanh(x) + sp.atan(x)),
    ("e^x + pi", sp.exp(x) + sp.pi),                                  # constants
    ("x − 1", x - 1),                                                 # unicode minus
    ("2·x", 2 * x),                                                   # unicode dot
    ("abs(x) + max(x, y)", sp.Abs(x) + sp.Max(x, y)),
]


@pytest.mark.parametrize("text, expected", READS, ids=[t for t, _ in READS])
def test_reads(text, expected):
    assert parse_expr_safe(text) == expected


# (text, words the error message must contain)
REFUSES = [
    ("x +* 2", "two operators in a row"),                               # malformed, with the likely fix
    ("", "empty"),                                                    # nothing
    ("().__class__.__base__.__subclasses__()", "a dot after a name"),         # the classic sandbox escape
    ("__import__('os').system('echo hacked')", "not a variable name"),  # code injection
    ("exec('1')", "unknown function"),                                # calls outside the whitelist
    ("lambda: 1", "lambda"),                                          # no code objects
    ("x if y else z", "if … else"),                                   # no Python control flow
    ("'text'", "not a number"),                                       # strings are not numbers
    ("sinn(x)", "unknown function 'sinn'"),                           # a typo names itself
    ("sin", "needs an argument"),                                     # function without argument
    ("sin(x, y)", "takes 1 argument"),                                # wrong arity
    ("1/0", "division by zero"),                                      # undefined value
    ("10^10^10^10", "power is too large"),                            # power tower
    ("9" * 300, "digits"),                                            # huge literal
    ("x" * 6000, "too long"),                                         # huge input
    ("x\x00", "NUL"),                                                 # NUL byte
    ("+".join(["x"] * 3000), "too"),                                  # too many parts
    ("[x, y] + 1", "list"),                                           # a list inside a formula
    ("x @ y", "unknown operator"),                                    # operators outside + - * / ^
    ("1e999", "too large"),                                           # infinity
]


@pytest.mark.parametrize("text, message", REFUSES, ids=[t[:30] for t, _ in REFUSES])
def test_refuses_with_a_clear_message(text, message):
    with pytest.raises(ParseError, match=message.replace("(", r"\(")):
        parse_expr_safe(text)


def test_deep_nesting_is_read_up_to_a_limit_then_refused():
    assert parse_expr_safe("sin(" * 80 + "x" + ")" * 80).count(sp.sin) == 80     # a student can write it
    with pytest.raises(ParseError, match="nested"):
        parse_expr_safe("sin(" * 500 + "x" + ")" * 500)


def test_non_text_is_refused():
    with pytest.raises(ParseError):
        parse_expr_safe(42)


def test_symbols_and_points():
    assert parse_symbols("x, y,z") == [x, y, z]
    assert parse_point("x=2, y=1/3") == {x: 2, y: sp.Rational(1, 3)}
    with pytest.raises(ParseError, match="not a number"):
        parse_point("x=y")
    with pytest.raises(ParseError, match="name=value"):
        parse_point("x")
    with pytest.raises(ParseError, match="not a variable name"):
        parse_symbols("x, sin")


def test_unknown_functions_are_called_only_when_named():
    L = sp.Function("L", real=True)
    w1, w2 = sp.symbols("w1 w2", real=True)
    assert parse_expr_safe("L(w1, w2) + λ*w1^2", functions=("L",)) == L(w1, w2) + sp.Symbol("lamda", real=True) * w1 ** 2
    assert parse_expr_safe("L(w1)") == sp.Symbol("L", real=True) * w1      # without it, a single letter multiplies
    with pytest.raises(ParseError):
        parse_expr_safe("sin(x)", functions=("sin",))                         # a known function is not unknown
