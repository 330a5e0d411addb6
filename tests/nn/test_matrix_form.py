"""Matrix-form gradients: derived backwards, every step against the scalar form, entry by entry."""

import pytest
import sympy as sp

from symnn import render, solve
from symnn.calculus.transpose import Letter, transposed
from symnn.nn.matrix_form import SPECS, _Backward, derive
from symnn.render import FORMATS

# the course's formulas, as SymPy prints them (an independent statement of the expected result)
EXPECTED = {
    "half-norm": "Xᵀ*a",
    "linear-regression": "-2*Xᵀ*(-X*w + y)/n",
    "two-layer": "-(y - sigmoid(X*W_1)*W_2)*Xᵀ*(W_2ᵀ ⊙ σ'(X*W_1))",
    "dense-layer": "Xᵀ*delta",
    "dense-backward": "(delta*W_2ᵀ) ⊙ σ'(A)",
    "two-layer-w2": "-(y - sigmoid(X*W_1)*W_2)*sigmoid(W_1ᵀ*Xᵀ)",      # one sample: the residual is 1×1
    "quadratic-form": "(A + Aᵀ)*x",                                      # The Matrix Cookbook, §2.4.2
    "symmetric-quadratic-form": "2*A*x",                                  # CS229 notes, §4.3: A = Aᵀ
}


@pytest.mark.parametrize("name", SPECS)
def test_every_step_holds_against_the_scalar_form(name):
    derivation = derive(name)
    assert derivation.steps and all(step.holds for step in derivation.steps)
    assert sp.sstr(derivation.answer) == EXPECTED[name]


def test_a_wrong_gradient_is_caught_by_the_scalar_form():
    backward = _Backward(SPECS["half-norm"]).run()
    X, a, W = Letter("X"), Letter("a"), Letter("W")
    context = lambda r: sp.Mul(X, r)                       # noqa: E731 - the residual XW with W replaced
    assert backward.holds(W, transposed(X) * a, context)
    assert not backward.holds(W, 2 * transposed(X) * a, context)      # right shape, wrong entries


def test_the_slide_is_wrong_by_its_shapes():
    (slide,) = derive("two-layer").wrong
    assert slide.source == "slide" and slide.reason == "product shape"
    (left, left_shape), (right, right_shape) = slide.parts
    assert (sp.sstr(left), left_shape, sp.sstr(right), right_shape) == ("W_2*σ'(X*W_1)", ("h", "h"), "W_1", ("d", "h"))


def test_leaving_out_the_slope_is_a_missing_factor():
    (wrong,) = derive("dense-backward").wrong
    assert wrong.reason == "missing factor" and sp.sstr(wrong.parts[0][0]) == "σ'(A)"


def test_the_gradient_has_a_name_where_the_course_names_it():
    steps = derive("dense-layer").steps
    assert [(sp.sstr(s.quantity), s.rule, sp.sstr(s.name)) for s in steps if s.name is not None] == [("Z", "sum", "delta")]


def test_unknown_problem():
    with pytest.raises(ValueError, match="unknown matrix problem"):
        derive("trace-trick")


@pytest.mark.parametrize("format", FORMATS)
def test_renders(format):
    for lang in ("en", "ru"):
        shown = render(solve("two-layer-grad"), format, lang=lang)
        assert ("⊙" in shown or "odot" in shown) and "True" not in shown


def test_text_shows_the_shapes_and_the_slides_reason():
    text = render(solve("two-layer-grad"), "text", lang="en")
    assert "Shapes: X ∈ ℝ^(1×d), W_1 ∈ ℝ^(d×h), W_2 ∈ ℝ^(h×1)" in text
    # the slide's formula stands in the answer, next to the right one; why it is wrong is the note's, said once
    assert ("Answer: ∂L/∂W_1 = -(y - σ(X·W_1)·W_2)·Xᵀ·(W_2ᵀ ⊙ σ'(X·W_1)); "
            "on the slide: ∂L/∂W_1 = -(y - σ(X·W_1)·W_2)·W_2·σ'(X·W_1)·W_1 — wrong\nNote. A check by shapes:") in text


def test_brief_keeps_the_steps_and_leaves_out_the_shapes_of_their_factors():
    full, brief = (render(solve("dense-layer-grad"), "text", lang="en", detail=d) for d in ("full", "brief"))
    assert "factors: Xᵀ ∈ ℝ^(d×n), δ ∈ ℝ^(n×k); result: Xᵀ·δ ∈ ℝ^(d×k)" in full and "factors:" not in brief
    assert "∂L/∂W = Xᵀ·∂L/∂Z = Xᵀ·δ — a product X·W: the gradient is multiplied by the other factors, transposed, each on its own side" in brief


@pytest.mark.parametrize("n", [2, 3, 4])
def test_the_gradient_of_a_quadratic_form_is_sympys_and_numpys(n):
    # sympy.diff of xᵀAx written out entry by entry, and NumPy central differences on a random A
    import numpy as np
    A = sp.Matrix(n, n, lambda i, j: sp.Symbol(f"a{i}{j}"))
    x = sp.Matrix(sp.symbols(f"x1:{n + 1}"))
    f = (x.T * A * x)[0]
    oracle = sp.Matrix([sp.diff(f, v) for v in x])
    assert sp.expand(oracle - (A + A.T) * x) == sp.zeros(n, 1)                   # derive("quadratic-form")'s answer
    rng = np.random.default_rng(n)
    An, xn, h = rng.normal(size=(n, n)), rng.normal(size=n), 1e-6
    central = [((xn + h * e) @ An @ (xn + h * e) - (xn - h * e) @ An @ (xn - h * e)) / (2 * h) for e in np.eye(n)]
    assert np.allclose(central, (An + An.T) @ xn, atol=1e-6)
    S = An + An.T                                                                  # symmetric: the gradient is 2Sx
    central = [((xn + h * e) @ S @ (xn + h * e) - (xn - h * e) @ S @ (xn - h * e)) / (2 * h) for e in np.eye(n)]
    assert np.allclose(central, 2 * S @ xn, atol=1e-6)


def test_a_quadratic_form_adds_the_contributions_of_x_and_of_its_transpose():
    derivation = derive("quadratic-form")
    x, A = Letter("x"), Letter("A")
    assert [(step.rule, step.gradient) for step in derivation.steps] == [
        ("product", transposed(x) * transposed(A)),         # ∂f/∂xᵀ = xᵀAᵀ
        ("transpose", A * x),                               # its contribution to x: (xᵀAᵀ)ᵀ = Ax
        ("product", transposed(A) * x),                     # through x itself: Aᵀx
        ("uses", (A + transposed(A)) * x)]                  # Ax + Aᵀx
    assert derivation.steps[-1].total == A * x + transposed(A) * x
    (slip,) = derivation.wrong
    assert (slip.source, slip.formula, slip.reason) == ("symmetric only", 2 * A * x, "differs")


def test_a_symmetric_matrix_gives_2ax_and_only_when_it_is_symmetric():
    from symnn.nn.matrix_algebra import symbol_matrices
    values = symbol_matrices({"A": ("n", "n")}, symmetric=("A",))
    assert values["A"] == values["A"].T
    assert symbol_matrices({"A": ("n", "n")})["A"] != symbol_matrices({"A": ("n", "n")})["A"].T
    backward = _Backward(SPECS["quadratic-form"]).run()         # A not symmetric: 2Ax is not the gradient
    x, A = Letter("x"), Letter("A")
    everywhere = lambda r: backward.residual.xreplace({x: r, transposed(x): transposed(r)})   # noqa: E731
    assert backward.holds(x, (A + transposed(A)) * x, everywhere)
    assert not backward.holds(x, 2 * A * x, everywhere)
