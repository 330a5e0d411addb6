"""The precision of a key's forms: a difference quotient's operands rounded to the fewest places that still give
its quotient, the convergence table at the key's precision; values checked against an independent oracle."""

import math
import re

import numpy as np
import pytest

from symnn.problems.solve import solve
from symnn.render import render


def key(problem_id, lang="en", detail="full"):
    return render(solve(problem_id), "text", lang=lang, detail=detail).splitlines()


@pytest.mark.parametrize("lang, line", [
    # seven places of f(1.01), f(0.99): the fewest at which the quotient still rounds to 40.1738 (six give 40.1737)
    ("en", "The estimate at ε = 0.01: D(0.01) = (f(1.01) - f(0.99))/0.02 = (21.4912917 - 20.6878166)/0.02 ≈ 40.1738"),
    ("ru", "Оценка при ε = 0,01: D(0,01) = (f(1,01) - f(0,99))/0,02 = (21,4912917 - 20,6878166)/0,02 ≈ 40,1738"),
])
def test_a_difference_quotient_shows_the_places_its_check_needs(lang, line):
    assert line in key("finite-diff", lang)


def test_the_operands_give_the_quotient_by_hand():
    # oracle: f = 1 + e^(2x + 1) in floating point; the line's numbers, subtracted and divided, round to D(0.01)
    f = lambda x: 1 + math.exp(2 * x + 1)          # noqa: E731
    line = next(line for line in key("finite-diff") if line.startswith("The estimate at"))
    ahead, behind, quotient = (float(n) for n in re.findall(r"\((\d+\.\d+) - (\d+\.\d+)\)/0\.02 ≈ (\d+\.\d+)", line)[0])
    assert round((ahead - behind) / 0.02, 4) == quotient == round((f(1.01) - f(0.99)) / 0.02, 4)
    assert abs(ahead - f(1.01)) < 5e-8 and abs(behind - f(0.99)) < 5e-8


def test_the_convergence_table_rounds_as_the_key():
    # D(ε) to the key's four places; its error to three significant digits, falling like ε² (the ratio ≈ e³·4/3)
    lines = key("finite-diff")
    start = lines.index(next(line for line in lines if line.startswith("ε ")))
    rows = [line.split() for line in lines[start + 2:start + 9]]
    exact = 2 * math.exp(3)
    for row, eps in zip(rows, [0.1, 0.01, 0.001, 0.0001]):
        estimate = (math.exp(2 * (1 + eps) + 1) - math.exp(2 * (1 - eps) + 1)) / (2 * eps)
        assert row[1] == f"{estimate:.4f}"
        assert row[2] == f"{abs(estimate - exact):.2e}".replace("e-0", "·10^-").replace("e-", "·10^-")
    assert np.isclose(float(rows[2][3]), 4 * math.exp(3) / 3, rtol=1e-3)


def _answer(problem_id, lang="en"):
    return next(line for line in key(problem_id, lang, "brief") if line.startswith(("Answer:", "Ответ:")))


def test_an_epsilon_term_is_not_rounded_into_trailing_zeros():
    # AdaGrad's step from (1, 1): 1 − 0.1·1/√(1 + 10⁻⁸) and 1 − 0.1·10/√(100 + 10⁻⁸) are not 0.9; ≈ 0.9000 would claim
    # four places of an exact 0.9 (momentum's beside it): each is ≈ 0.9, its ≈ saying it is not exact
    from decimal import Decimal, getcontext
    getcontext().prec = 40
    x = 1 - Decimal("0.1") / (1 + Decimal("1e-8")).sqrt()
    y = 1 - Decimal(1) / (100 + Decimal("1e-8")).sqrt()
    assert f"{x - Decimal('0.9'):.0e}" == "5e-10" and f"{y - Decimal('0.9'):.0e}" == "5e-12"       # the oracle
    answer = _answer("optimizers")
    assert "Momentum: (0.9, 0); Nesterov momentum: (0.9, 0); AdaGrad: ≈ (0.9, 0.9);" in answer
    # Adam with bias correction: 1 − 0.1/(1 + 10⁻⁸), within 10⁻⁹ of 0.9
    assert answer.endswith("Adam: ≈ (0.9, 0.9)")
    # a value near, but not within 10⁻⁸ of, a short decimal keeps its four places: RMSprop's 1 − 0.1/√0.1
    assert "RMSprop: ≈ (0.6838, 0.6838)" in answer
    assert "AdaGrad: ≈ (0,9; 0,9);" in _answer("optimizers", "ru")
    assert "0.9000" not in "\n".join(key("optimizers", "en", "brief"))          # nowhere in the work either
    # a whole number within a trace of ε is the whole number, ≈ 1 (not 1. nor 1.0000)
    import sympy as sp

    from symnn.render.math import text_math
    from symnn.render.values import rounded
    assert text_math(rounded(1 - sp.sqrt(2) / 10**10)) == "1"


def test_an_unsimplified_short_value_is_written_exactly():
    # a softmax of two equal sums is 1/2 exactly: 0.5, and −1/0.5 = −2, not ≈ 0.5000 and ≈ −2.0000
    import sympy as sp

    from symnn.render.values import shown
    a = sp.Symbol("a")
    assert shown((sp.exp(a) / (sp.exp(a) + sp.exp(a))).subs(a, sp.Rational(3, 2))) == (sp.Float("0.5", 1), None)
    # a value only near a short decimal is rounded as before
    assert shown(sp.sqrt(2) / 2) == (sp.sqrt(2) / 2, sp.Float("0.7071", 4))


@pytest.mark.parametrize("lang, lines", [
    # softmax-ce-steps: each output's sum z is a row of its own, and the exponentials take its value
    ("en", ["z_o1  w_5·h_1 + w_6·h_2 + b_(2,1)          1·0 + (-1)·1.75 + 0.1             -1.65",
            "z_o2  w_7·h_1 + w_8·h_2 + b_(2,2)          (-1)·0 + 1·1.75 + (-0.1)          1.65",
            "o_1   e^(z_o1)/(e^(z_o1) + e^(z_o2))       e^(-1.65)/(e^(-1.65) + e^(1.65))  ≈ 0.0356"]),
    ("ru", ["o_2   e^(z_o2)/(e^(z_o1) + e^(z_o2))       e^(1,65)/(e^(-1,65) + e^(1,65))   ≈ 0,9644"]),
])
def test_a_sum_in_an_exponent_is_computed_first(lang, lines):
    key_lines = key("softmax-ce-steps", lang, "brief")
    for line in lines:
        assert line in key_lines
    # no exponential of a sum with numbers put in, in any of the three forward tables
    assert not any(re.search(r"e\^\([^)]*·", line) for line in key_lines)


def test_the_pre_activations_against_numpy():
    # oracle: the two SGD steps of softmax-ce-steps in NumPy; the z rows of the second step and after it
    W1, b1 = np.array([[0.5, -0.5], [0.25, 0.75]]), np.zeros(2)
    W2, b2 = np.array([[1.0, -1.0], [-1.0, 1.0]]), np.array([0.1, -0.1])
    x, y = np.array([1.0, 2.0]), np.array([0.0, 1.0])
    zs = []
    for _ in range(3):
        a = W1 @ x + b1
        h = np.maximum(a, 0)
        z = W2 @ h + b2
        zs.append(z)
        o = np.exp(z) / np.exp(z).sum()
        d2 = o - y
        d1 = (W2.T @ d2) * (a > 0)
        W2, b2, W1, b1 = W2 - 0.1 * np.outer(d2, h), b2 - 0.1 * d2, W1 - 0.1 * np.outer(d1, x), b1 - 0.1 * d1
    shown = [float(line.split()[-1]) for line in key("softmax-ce-steps", "en", "brief") if line.startswith("z_o")]
    np.testing.assert_allclose(shown, np.concatenate(zs), atol=5e-5)


def test_a_long_run_is_keyed_by_its_setup_rule_loss_and_result():
    lines = key("mazur-221-10000", "en", "brief")
    text = "\n".join(lines)
    # no step worked as if it were the answer: no table of deltas, gradients or updates
    assert "Deltas, from the output back" not in text and "Update of every parameter" not in text
    assert "Each of the 10\u202f000 steps runs the forward pass, backpropagates the deltas and moves every parameter at once, " \
           "by the rule w_t = w_(t-1) - η·g_t" in lines
    assert "The loss before some of the steps (the parameters carried with 50-digit decimals):" in lines
    assert "1       ≈ 0.2984" in lines and "10\u202f000  ≈ 0.0000351" in lines
    after = "After the last update (a value after it is marked with a plus, as E_total⁺):"      # the answer's mark said
    assert lines.index(after) > lines.index("10\u202f000  ≈ 0.0000351")
    assert lines[-2] == "Answer: E_total⁺ ≈ 0.0000351019; out_o1⁺ ≈ 0.0159136204; out_o2⁺ ≈ 0.9840642735"
    ru = key("mazur-221-10000", "ru", "brief")
    assert "Функция потерь перед некоторыми из шагов (параметры вычисляются с точностью 50 значащих цифр):" in ru
