"""Derivation trees: each rule on its own, checked against sympy.diff (the oracle)."""

import pytest
import sympy as sp

from symnn import diff_steps, sigmoid
from symnn.calculus.equal import equal

x, y, a = sp.symbols("x y a", real=True)


def assert_verified(step):
    """Every step of the tree equals sympy.diff of its own expression."""
    failures = step.failures()
    assert not failures, [(f.rule, f.expr, f.result) for f in failures]
    assert equal(step.result, sp.diff(step.expr, step.var, step.order))


# (expression, the rule at the root, the derivative in x)
RULE_CASES = [
    (sp.Integer(7), "constant", 0),                          # a number
    (y ** 2, "constant", 0),                                 # another variable is a constant
    (x, "variable", 1),                                      # dx/dx
    (5 * x, "constant multiple", 5),                         # c·f
    (x ** 3 - x, "sum", 3 * x ** 2 - 1),                     # sum and difference
    (x ** 7, "power", 7 * x ** 6),                           # integer power
    (x ** -2, "power", -2 * x ** -3),                        # negative power
    (x ** sp.Rational(2, 3), "power", sp.Rational(2, 3) * x ** sp.Rational(-1, 3)),  # fractional
    (sp.sqrt(x), "power", 1 / (2 * sp.sqrt(x))),             # square root
    (x * sp.sin(x) * sp.exp(x), "product",                   # n-ary product
     sp.sin(x) * sp.exp(x) + x * sp.cos(x) * sp.exp(x) + x * sp.sin(x) * sp.exp(x)),
    (sp.sin(x) / x, "quotient", (x * sp.cos(x) - sp.sin(x)) / x ** 2),
    (sp.sin(x ** 2), "chain", 2 * x * sp.cos(x ** 2)),
    (sp.exp(x), "exp", sp.exp(x)),
    (2 ** x, "exponential", 2 ** x * sp.log(2)),             # a^x
    (a ** x, "exponential", a ** x * sp.log(a)),             # symbolic base
    (sp.log(x), "log", 1 / x),
    (sp.log(x, 2), "log base", 1 / (x * sp.log(2))),         # log_2 x = ln x / ln 2
    (sp.sin(x), "sin", sp.cos(x)),
    (sp.cos(x), "cos", -sp.sin(x)),
    (sp.tan(x), "tan", 1 / sp.cos(x) ** 2),
    (sp.cot(x), "cot", -1 / sp.sin(x) ** 2),
    (sp.sec(x), "sec", sp.tan(x) * sp.sec(x)),
    (sp.csc(x), "csc", -sp.cot(x) * sp.csc(x)),
    (sp.asin(x), "asin", 1 / sp.sqrt(1 - x ** 2)),
    (sp.acos(x), "acos", -1 / sp.sqrt(1 - x ** 2)),
    (sp.atan(x), "atan", 1 / (1 + x ** 2)),
    (sp.acot(x), "acot", -1 / (1 + x ** 2)),
    (sp.sinh(x), "sinh", sp.cosh(x)),
    (sp.cosh(x), "cosh", sp.sinh(x)),
    (sp.tanh(x), "tanh", 1 - sp.tanh(x) ** 2),
    (sp.Abs(x), "abs", sp.sign(x)),
    (sp.Max(0, x), "relu", sp.Heaviside(x, 0)),
    (sp.Max(x, x ** 2), "max", sp.Heaviside(x - x ** 2) + 2 * x * sp.Heaviside(x ** 2 - x)),
    (sp.Min(x, 1), "min", sp.Heaviside(1 - x)),
    (sp.Heaviside(x), "heaviside", sp.DiracDelta(x)),
    (sigmoid(x), "sigmoid", sigmoid(x) * (1 - sigmoid(x))),
    (x ** x, "log differentiation", x ** x * (sp.log(x) + 1)),
    (sp.Function("f")(x), "unknown function", sp.Derivative(sp.Function("f")(x), x)),  # stays f'(x), not flagged
    (sp.sign(x), "table", 2 * sp.DiracDelta(x)),             # a function without a rule of ours
]


@pytest.mark.parametrize("expr, rule, derivative", RULE_CASES, ids=[str(c[0]) for c in RULE_CASES])
def test_each_rule(expr, rule, derivative):
    step = diff_steps(expr, x)
    assert step.rule == rule
    assert equal(step.result, derivative)
    assert_verified(step)


def test_table_fallback_is_flagged_and_never_crashes():
    step = diff_steps(sp.Function("g")(x ** 2) + sp.besselj(0, x), x)
    assert any(s.flagged for s in step.walk())
    assert_verified(step)


def test_chain_rule_at_depth_names_each_substitution_once():
    step = diff_steps(sp.sin(sp.exp(sp.cos(x ** 2))), x)
    names = [u for s in step.walk() for u, _ in s.introduces]
    assert [str(u) for u in names] == ["u1", "u2", "u3"]
    assert_verified(step)


def test_substitution_names_avoid_the_expression_symbols():
    u1 = sp.Symbol("u1", real=True)
    step = diff_steps(sp.sin(u1 * x), x)
    assert step.introduces[0][0].name == "u2"


def test_product_rule_has_one_substep_per_factor():
    step = diff_steps(x * sp.sin(x) * sp.exp(x) * sp.log(x), x)
    assert step.rule == "product" and len(step.substeps) == 4


def test_sigmoid_written_out_becomes_sigma_one_minus_sigma():
    step = diff_steps(1 / (1 + sp.exp(-x)), x)
    assert step.result == sigmoid(x) * (1 - sigmoid(x))
    assert [r.rule for r in step.rewrites] == ["sigmoid"]
    assert step.raw == sp.exp(-x) / (1 + sp.exp(-x)) ** 2
    assert_verified(step)


def test_simplification_is_shown_as_named_steps():
    step = diff_steps((x ** 2 + 1) / (x - 1), x)
    assert [r.rule for r in step.rewrites] == ["expand numerator"]
    assert step.result == (x ** 2 - 2 * x - 1) / (x - 1) ** 2
    assert all(r.verify() for r in step.rewrites)


def test_relu_convention_at_the_kink_is_zero():
    step = diff_steps("relu(x)", "x")
    assert step.result.subs(sp.Symbol("x", real=True), 0) == 0


def test_higher_order_is_repeated_differentiation():
    step = diff_steps(x ** 3 * sp.sin(x), x, order=3)
    assert step.rule == "higher order" and len(step.substeps) == 3
    assert equal(step.result, sp.diff(x ** 3 * sp.sin(x), x, 3))
    assert_verified(step)


def test_partial_derivative_treats_other_variables_as_constants():
    step = diff_steps(x ** 2 * y + sp.sin(y), y)
    assert step.result == x ** 2 + sp.cos(y)
    assert_verified(step)


def test_text_input_is_parsed_safely_and_variable_found_by_name():
    step = diff_steps("sigmoid(w*x + b)", "w")
    w, xx, b = sp.symbols("w x b", real=True)
    assert step.result == xx * sigmoid(w * xx + b) * (1 - sigmoid(w * xx + b))


def test_plain_symbols_match_parsed_real_symbols():
    plain = sp.Symbol("x")
    assert diff_steps("x^2", plain).result == 2 * sp.Symbol("x", real=True)


@pytest.mark.parametrize("order", [0, -1, 21, 1.5])
def test_bad_order_is_a_clear_error(order):
    with pytest.raises(ValueError, match="order"):
        diff_steps(x, x, order=order)


def test_steps_are_frozen_and_compare_by_value():
    first, second = diff_steps(x ** 2, x), diff_steps(x ** 2, x)
    assert first == second
    with pytest.raises(AttributeError):
        first.rule = "other"
