"""Computational graphs: the course's staging, routing through max, and gradients
that equal sympy.diff (property test over random expressions)."""

import random

import pytest
import sympy as sp
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from symnn import render, solve
from symnn.calculus.equivalence import number_at
from symnn.calculus.random_exprs import X, Y, random_expression
from symnn.nn.graph import build_graph, graph_pass
from symnn.render import FORMATS

x, y, w0, w1 = sp.symbols("x y w0 w1", real=True)
a, b, c, f = sp.symbols("a b c f", real=True)


def test_graph_exp_stages_as_the_course_does():
    run = graph_pass("1 + exp(x*w1 + w0)", "x=1, w1=2, w0=1")
    assert [(n.name, n.expr) for n in run.graph.nodes] == [(a, x * w1), (b, a + w0), (c, sp.exp(b)), (f, c + 1)]
    assert dict(run.values)[c] == sp.exp(3)
    # the backward code of seed 001: dc = df, db = exp(b)*dc, dw0 = db, da = db, dw1 = x*da, dx = w1*da
    assert [(r.node, r.input, r.contribution) for r in run.rows] == [
        (f, c, 1), (c, b, sp.exp(3)), (b, w0, sp.exp(3)), (b, a, sp.exp(3)),
        (a, w1, sp.exp(3)), (a, x, 2 * sp.exp(3))]
    assert run.gradients == ((x, 2 * sp.exp(3)), (w1, sp.exp(3)), (w0, sp.exp(3)))


def test_graph_exp_matches_the_published_rounding():
    solution = solve("graph-exp")
    assert [float(v) for v in solution.answer] == pytest.approx(solution.problem.expected, abs=0.005)


def test_a_graph_answer_holds_the_forward_result_then_the_gradient():
    import json

    from symnn import to_json
    solution = solve("graph-exp")
    assert solution.answer == (1 + sp.exp(3), 2 * sp.exp(3), sp.exp(3), sp.exp(3))     # f = 1 + e³ first
    assert json.loads(to_json(solution))["value"] == pytest.approx([1 + 20.0855369, 40.1710738, 20.0855369, 20.0855369])


def test_max_routes_to_the_larger_input_and_a_reused_variable_adds_up():
    run = graph_pass("x*max(x, y)", "x=3, y=2")
    assert dict(run.gradients) == {x: 6, y: 0}          # x: max(x,y) + x·1 = 3 + 3; y gets nothing
    into_x = [r.contribution for r in run.rows if r.input == x]
    assert into_x == [3, 3]                               # two paths into x, summed


def test_a_tie_at_max_splits_the_gradient():
    assert dict(graph_pass("max(a, b)", "a=1, b=1").gradients) == {a: sp.Rational(1, 2), b: sp.Rational(1, 2)}


def test_shared_subexpressions_share_a_node():
    graph = build_graph("sin(x*y) + cos(x*y)")
    assert sum(1 for n in graph.nodes if n.expr == x * y) == 1


def test_a_lone_variable_is_not_a_graph():
    with pytest.raises(ValueError):
        build_graph("x")


@settings(max_examples=150, deadline=None)
@given(st.integers(0, 2 ** 32), st.integers(2, 4))
def test_backward_pass_equals_sympy_diff(seed, depth):
    expr = random_expression(random.Random(seed), depth)
    assume(not expr.is_Symbol)
    point = {X: sp.Rational(3, 5), Y: sp.Rational(7, 10)}
    run = graph_pass(expr, {v: point[v] for v in build_graph(expr).variables})
    for var, gradient in run.gradients:
        try:
            expected = sp.diff(expr, var).subs(point)
        except ValueError:   # SymPy refuses H or max of a complex number: outside the real domain
            continue
        value, reference = number_at(gradient, {}), number_at(expected, {})
        if value is None or reference is None or value.imag or reference.imag:
            continue   # outside the real domain, or at a kink
        assert abs(value - reference) <= 1e-12 * (1 + abs(reference)), (expr, var)


@pytest.mark.parametrize("format", FORMATS)
@pytest.mark.parametrize("lang", ["en", "ru"])
def test_graph_renders(format, lang):
    assert render(graph_pass("1 + exp(x*w1 + w0)", "x=1, w1=2, w0=1"), format, lang=lang).strip()
