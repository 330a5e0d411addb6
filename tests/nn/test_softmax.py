"""The softmax Jacobian: derived entries, written through the outputs as s_i(δ_ij − s_j)."""

import pytest
import sympy as sp

from symnn import render, solve
from symnn.calculus.equal import equal
from symnn.nn.softmax import logits, outputs, softmax, softmax_jacobian
from symnn.render import FORMATS


@pytest.mark.parametrize("n", [2, 3, 4])
def test_jacobian_is_s_i_times_delta_minus_s_j(n):
    jac = softmax_jacobian(n)
    s = outputs(n)
    expected = sp.Matrix(n, n, lambda i, j: s[i] * ((1 if i == j else 0) - s[j]))
    assert (jac.in_outputs - expected).applyfunc(sp.expand) == sp.zeros(n, n)


def test_entries_equal_sympy_diff_when_the_outputs_are_put_back():
    n = 3
    jac, s, y = softmax_jacobian(n), softmax(n), logits(n)
    back = dict(zip(outputs(n), s))
    for i in range(n):
        for j in range(n):
            assert not jac.steps[i][j].failures()
            assert equal(jac.in_outputs[i, j].xreplace(back), sp.diff(s[i], y[j]))


def test_size_limits():
    with pytest.raises(ValueError):
        softmax_jacobian(1)


@pytest.mark.parametrize("format", FORMATS)
def test_renders(format):
    for lang in ("en", "ru"):
        assert render(solve("softmax-jacobian"), format, lang=lang).strip()


def test_the_gradient_of_the_softmax_loss_is_s_minus_onehot():
    from symnn.nn.softmax import logits, outputs, softmax, softmax_nll
    run = softmax_nll(3, true_class=2)
    s = outputs(3)
    assert run.in_outputs == (s[0], s[1] - 1, s[2])
    values = dict(zip(logits(3), (sp.Rational(1, 3), -2, sp.Rational(5, 2))))
    probabilities = [p.xreplace(values) for p in softmax(3)]
    for step, written in zip(run.steps, run.in_outputs):
        assert not step.failures()
        assert abs(sp.N(step.result.xreplace(values) - written.xreplace(dict(zip(s, probabilities))), 30)) < 1e-25
