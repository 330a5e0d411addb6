"""The perceptron rule (nn.perceptron) against a loop written here in fractions, and its key."""

from fractions import Fraction

import pytest
import sympy as sp

from symnn.nn.perceptron import perceptron_rule
from symnn.problems.bank import BankError, load_bank
from symnn.problems.solve import solve
from symnn.render import render


def rule_by_hand(inputs, targets, W, b, limit, passes=50):
    """Present the inputs in turn: a = limit(Wp + b), e = t − a, W += e pᵀ, b += e, until a pass changes
    nothing. W is a list of rows, b a list (or None); everything in Fractions."""
    W = [[Fraction(str(v)) for v in row] for row in W]
    b = None if b is None else [Fraction(str(v)) for v in b]
    for _ in range(passes):
        changed = False
        for p, t in zip(inputs, targets):
            for j, row in enumerate(W):
                n = sum(w * x for w, x in zip(row, p)) + (b[j] if b else 0)
                e = t[j] - limit(n)
                if e:
                    changed = True
                    W[j] = [w + e * x for w, x in zip(row, p)]
                    if b:
                        b[j] += e
        if not changed:
            return W, b
    raise AssertionError("did not converge")


hardlim = lambda n: 1 if n >= 0 else 0
hardlims = lambda n: 1 if n >= 0 else -1


@pytest.mark.parametrize("inputs, targets, W, b, transfer, limit", [
    # Hagan ch. 4's test problem: one neuron, no bias
    ([[1, 2], [-1, 2], [0, -1]], [[1], [0], [0]], [[1, -0.8]], None, "hardlim", hardlim),
    # the apple and the orange with a bias
    ([[1, -1, -1], [1, 1, -1]], [[0], [1]], [[0.5, -1, -0.5]], [0.5], "hardlim", hardlim),
    # two neurons sorting four classes of points (Hagan's P4.3 kind of problem)
    ([[1, 1], [1, 2], [2, -1], [2, 0], [-1, 2], [-2, 1], [-1, -1], [-2, -2]],
     [[0, 0], [0, 0], [0, 1], [0, 1], [1, 0], [1, 0], [1, 1], [1, 1]], [[1, 0], [0, 1]], [1, 1], "hardlim", hardlim),
    # a symmetric hard limit: targets ±1, e is 0 or ±2
    ([[2, 1], [-1, -2], [1, -1]], [[1], [-1], [1]], [[0, 0]], [0], "hardlims", hardlims),
])
def test_the_rule_ends_where_the_hand_loop_ends(inputs, targets, W, b, transfer, limit):
    run = perceptron_rule(inputs, targets, W, b, transfer)
    expected_W, expected_b = rule_by_hand(inputs, targets, W, b, limit)
    assert run.converged
    assert [[sp.Rational(v) for v in row] for row in run.weights.tolist()] == \
        [[sp.Rational(v.numerator, v.denominator) for v in row] for row in expected_W]
    assert (run.bias is None) == (b is None)
    if b is not None:
        assert list(run.bias) == [sp.Rational(v.numerator, v.denominator) for v in expected_b]
    for step in run.presentations:                  # every row is the rule's step from the weights before it
        assert step.e == step.t - step.n.applyfunc(lambda n: limit(n))
        assert step.new_weights == step.weights + step.e * step.p.T


def test_a_fixed_number_of_presentations_stops_there():
    run = perceptron_rule([[1, 2], [-1, 2], [0, -1]], [[1], [0], [0]], [[1, -0.8]], presentations=2)
    assert len(run.presentations) == 2 and not run.converged
    assert run.weights == sp.Matrix([[3, sp.Rational(-4, 5)]])        # W(2) of the text


def test_the_key_works_each_presentation_in_both_languages():
    text = render(solve("hagan-perceptron"), "text")
    assert "1  (1, 2)   1  1·1 + (-0.8)·2 = -0.6    0  1   w_1 = 2, w_2 = 1.2" in text
    assert "4  (1, 2)   1  3·1 + 0.2·2 = 3.4        1  0   unchanged (e = 0)" in text
    assert "In pass 2 every input is classified right and nothing changes: the rule has converged." in text
    assert text.endswith("Answer: W = (3, 0.2)")             # answer_name = "W": the row the statement asks
    ru = render(solve("hagan-perceptron"), "text", lang="ru")
    assert "1  (1; 2)   1  1·1 + (-0,8)·2 = -0,6    0  1   w_1 = 2, w_2 = 1,2" in ru
    assert "На проходе 2 все входы классифицированы верно и ничего не меняется: обучение сошлось." in ru


@pytest.mark.parametrize("fields, message", [
    ('inputs = [[1, 2], [0, 1]]\ntargets = [1]\nweights = [1, 0]', "targets: 1 targets for 2 inputs"),
    ('inputs = [[1, 2, 3]]\ntargets = [1]\nweights = [1, 0]', "inputs: each input has 2 numbers"),
    ('inputs = [[1, 2]]\ntargets = [1]\nweights = [1, 0]\ntransfer = "sign"', "transfer: 'sign' is not one of"),
    ('inputs = [[1, 2]]\ntargets = [1]\nweights = [1, 0]\nbiases = [1, 2]', "biases: 2 biases for 1 neurons"),
])
def test_a_wrong_field_is_named(tmp_path, fields, message):
    (tmp_path / "p.toml").write_text(f'[[problem]]\nid = "p"\nkind = "perceptron"\nstatement.en = "Train."\n{fields}\n',
                                     encoding="utf-8")
    with pytest.raises(BankError, match=message):
        solve("p", tmp_path) if "transfer" not in fields else load_bank(tmp_path)
