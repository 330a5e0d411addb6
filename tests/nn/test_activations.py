"""Activation functions: derived derivatives, the course's forms through f, and the table."""

import pytest
import sympy as sp

from symnn import check_answer, render, solve
from symnn.calculus.equal import equal
from symnn.nn.activations import ACTIVATIONS, activation_table, f, x
from symnn.render import FORMATS


@pytest.mark.parametrize("name", ACTIVATIONS)
def test_derivation_verifies(name):
    step = ACTIVATIONS[name].derivation()
    assert not step.failures()


@pytest.mark.parametrize("name", [n for n, a in ACTIVATIONS.items() if a.in_output is not None])
def test_form_through_the_output_equals_the_derivative(name):
    act = ACTIVATIONS[name]
    through_output = act.in_output.xreplace({f: act.definition})
    assert equal(through_output, sp.diff(act.definition, x), domain=act.definition)


def test_softsign_needs_the_absolute_value():
    assert ACTIVATIONS["softsign"].derivative() == 1 / (1 + sp.Abs(x)) ** 2
    problem = solve("softsign").problem
    verdict = check_answer(solve("softsign").answer, problem.published)
    assert verdict.correct is False          # the slide's formula, without the bars, is caught


def test_perceptron_alpha_is_alpha_f_one_minus_f():
    alpha, xx, f = sp.symbols("alpha x f", real=True)
    solution = solve("perceptron-alpha")
    # the statement writes no σ: the derivation ends in αe^(−αx)/(1 + e^(−αx))², which is σ′ (sympy.diff the oracle)
    assert solution.work.result == alpha * sp.exp(-alpha * xx) / (1 + sp.exp(-alpha * xx)) ** 2
    assert sp.simplify(solution.work.result - sp.diff(1 / (1 + sp.exp(-alpha * xx)), xx)) == 0
    assert solution.answer == alpha * f * (1 - f)              # the key is written through f, as asked


def test_elu_through_f_is_f_plus_alpha():
    assert str(ACTIVATIONS["elu"].in_output.args[0][0]) == "alpha + f"


def test_relu_is_zero_at_the_kink():
    assert ACTIVATIONS["relu"].derivative().subs(x, 0) == 0


@pytest.mark.parametrize("format", FORMATS)
def test_table_renders(format):
    for lang in ("en", "ru"):
        assert "softplus" in render(activation_table(), format, lang=lang)
