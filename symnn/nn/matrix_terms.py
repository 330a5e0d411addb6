"""The terms of a book's matrix function, each written one way, and the identity that differentiates it
(``nn.matrix_expansion`` expands the function into them).

A term is a number: c·P, a product of letters that is 1×1 (bᵀAx, aᵀWb), or c·tr(P), the trace of a square
product (tr(YᵀXW)). Its gradient by a vector x or a matrix W takes one use of W at a time, the others held
(the product rule): c·L W R gives c·LᵀRᵀ and c·L Wᵀ R gives c·R·L, inside a trace as well, since
tr(L W R) = tr(R L W) and ∇_W tr(A W) = Aᵀ. The identities a teacher names for the forms that come up:

- by a vector: ∇ₓ(aᵀx) = ∇ₓ(xᵀa) = a, ∇ₓ(xᵀMx) = (M + Mᵀ)x;
- by a matrix: ∇_W(aᵀWb) = abᵀ, ∇_W tr(AW) = Aᵀ, ∇_W tr(WᵀMW) = (M + Mᵀ)W, ∇_W tr(WMWᵀ) = W(M + Mᵀ),
  so ∇_W tr(WᵀW) = ∇_W ‖W‖²_F = 2W; and ∇_W tr(W) = I, the identity matrix of W's (square) shape, as
  tr(W) = Σᵢ Wᵢᵢ: A = 1 in tr(AW) = Aᵀ, so tr(AWB) = tr(BAW) gives AᵀBᵀ and tr(WᵀA) = tr(AᵀW) gives A.

A term with more than one use of W and no identity of its own is differentiated by the product rule, and its
``contributions`` are the gradients of its uses, one at a time: ½xᵀWᵀWx gives ½Wxxᵀ (by Wᵀ) + ½Wxxᵀ (by W).

Equal terms are collected by writing each one way: a number is its own transpose (xᵀAᵀb = bᵀAx) and a trace
is unchanged by transposing and by moving a factor from the front to the back (tr(WᵀXᵀY) = tr(YᵀXW)).

>>> from symnn.calculus.transpose import Letter, Trace
>>> W, X, Y = Letter("W"), Letter("X"), Letter("Y")
>>> canonical(Trace(transposed(W) * transposed(X) * Y), W, by_matrix=True)
tr(Yᵀ*X*W)
>>> term_of(_, W, by_matrix=True)
Term(term=tr(Yᵀ*X*W), identity='trace-linear', part=Yᵀ*X, gradient=Xᵀ*Y, symmetric=False, other=0, contributions=(Xᵀ*Y,))
>>> term_of(2 * Trace(W), W, by_matrix=True).gradient
2*I
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy as sp

from ..calculus.transpose import Determinant, Letter, Trace, transposed

IDENTITY = Letter("I")          # the identity matrix of a gradient ∇_W tr(W)


@dataclass(frozen=True)
class Term:
    """One term of the expanded function and its gradient by the identity that gives it."""

    term: sp.Expr
    # by a vector: constant, linear (aᵀx), linear-right (xᵀa), quadratic (xᵀMx), product (the product rule);
    # by a matrix: bilinear (aᵀWb), trace-linear (tr(AW)), trace-quadratic (tr(WᵀMW)), trace-quadratic-right (tr(WMWᵀ))
    identity: str
    part: sp.Expr        # a of aᵀx, xᵀa and aᵀWb, A of tr(AW), M of xᵀMx and the traces (1 for xᵀx, tr(WᵀW)); 0 otherwise
    gradient: sp.Expr
    symmetric: bool = False      # M = Mᵀ: ∇ₓ(xᵀMx) = 2Mx, ∇_W tr(WᵀMW) = 2MW
    other: sp.Expr = sp.Integer(0)       # b of aᵀWb
    contributions: tuple = ()    # the gradient of each use of x, the others held (the product rule); they add up to gradient


def product_parts(term):
    """(the number, the matrix factors) of a term; a power of a matrix as that many factors (W² as W, W)."""
    scalars, factors = term.args_cnc() if isinstance(term, sp.Mul) else (([], [term]) if not term.is_commutative
                                                                          else ([term], []))
    flat = []
    for factor in factors:
        power = factor.is_Pow and factor.exp.is_Integer and factor.exp > 0
        flat += [factor.base] * int(factor.exp) if power else [factor]
    return sp.Mul(*scalars), flat


def parts(term):
    """(the number, the matrix factors, whether they are inside a trace) of a term: 2·tr(YᵀXW) is
    (2, [Yᵀ, X, W], True)."""
    number, factors = product_parts(term)
    traces = [f for f in sp.Mul.make_args(number) if isinstance(f, Trace)]
    if not traces:
        if number.has(Trace):
            raise ValueError(f"expr: {term} is not linear in its traces (a trace squared or inside a function)")
        return number, factors, False
    if len(traces) > 1 or factors or (number / traces[0]).has(Trace):
        raise ValueError(f"expr: {term} is a product of a trace and another matrix term; expand it into a sum of traces")
    return number / traces[0], product_parts(traces[0].args[0])[1], True


def uses(term, x) -> int:
    """How many times x or xᵀ is a factor of the term."""
    return sum(f in (x, transposed(x)) for f in parts(term)[1])


def canonical(term, x, mirror=None, by_matrix: bool = False):
    """A term written the one way its equals are written too, so that they are collected; ``mirror``: Aᵀ as A,
    of a symmetric A."""
    number, factors, traced = parts(term)
    if not factors:
        return term
    forms = [[f.xreplace(mirror or {}) for f in form] for form in (factors, product_parts(transposed(sp.Mul(*factors)))[1])]
    xt, first = transposed(x), forms[0]
    if traced:                                  # any rotation of either: tr(PQ) = tr(QP), tr(Pᵀ) = tr(P)
        forms = [form[k:] + form[:k] for form in forms for k in range(len(form))]

        def tier(form):               # tr(WᵀMW), tr(WMWᵀ), then W last (tr(AW)) rather than Wᵀ
            if len(form) > 1 and (form[0], form[-1]) in ((xt, x), (x, xt)):
                return 0 if form[0] == xt else 1
            return 2 + (form[-1] != x) + (form.count(x) < form.count(xt))
        best = min(forms, key=lambda form: (tier(form), form != first, sp.default_sort_key(sp.Mul(*form))))
        return number * Trace(sp.Mul(*best))
    if by_matrix:                              # a number is its transpose: the one with W rather than Wᵀ (yᵀWx)
        best = min(forms, key=lambda form: (form.count(xt) - form.count(x), form != first,
                                            sp.default_sort_key(sp.Mul(*form))))
        return number * sp.Mul(*best)
    for form in forms:                         # by a vector: the one with x last (bᵀAx), else the one with xᵀ first
        if form[-1] == x and (form[0] != xt or form is first):
            return number * sp.Mul(*form)
    for form in forms:
        if form[0] == xt:
            return number * sp.Mul(*form)
    return number * sp.Mul(*first)


def _of_determinant(term, number, matrices, x, mirror) -> Term:
    """c·g(det X): Jacobi's formula ∇_X det X = det(X)·X⁻ᵀ and the chain rule give g′(det X)·det(X)·X⁻ᵀ, so
    ∇_X ln det X = X⁻ᵀ; of a symmetric X (``mirror``), X⁻¹."""
    if matrices:
        raise ValueError(f"expr: {term} multiplies a function of det {x} by a term of matrices; a term is a function of det {x} alone")
    D = sp.Dummy("D", positive=True)
    factor = sp.simplify(sp.diff(number.xreplace({Determinant(x): D}), D) * D).xreplace({D: Determinant(x)})
    gradient = (factor * transposed(x) ** -1).xreplace(mirror)
    return Term(term, "determinant", number, gradient, symmetric=transposed(x) in mirror, contributions=(gradient,))


def term_of(term, x, mirror=None, by_matrix: bool = False, identity=IDENTITY) -> Term:
    """The gradient of one term by x, one use of x at a time: c·L x R gives c·LᵀRᵀ, c·L xᵀ R gives c·R·L
    (c·R·Lᵀ of a vector x outside a trace, L being 1×1 there), and the identity that form is. By a matrix a use
    with nothing on either side (tr(cW)) gives c·I, I being ``identity`` (None: refused, I means another matrix)."""
    number, factors, traced = parts(term)
    xt, mirror = transposed(x), mirror or {}
    if number.has(Determinant(x)):
        return _of_determinant(term, number, factors or traced, x, mirror)
    places = [i for i, f in enumerate(factors) if f in (x, xt)]
    if places and xt in mirror:
        raise ValueError(f"symmetric: {x} is symmetric, and a term other than a function of det {x} uses it ({term})")
    contributions = []
    for i in places:
        left, right = sp.Mul(*factors[:i]), sp.Mul(*factors[i + 1:])
        if factors[i] == x:
            contribution = number * transposed(left) * transposed(right)
        else:
            contribution = number * right * (transposed(left) if not (traced or by_matrix) else left)
        if by_matrix and contribution.is_commutative and contribution != 0:       # ∇_W tr(W) = I
            if identity is None:
                raise ValueError(f"expr: the gradient of {term} by {x} is a multiple of the identity matrix I, "
                                 f"and shapes names another matrix I")
            contribution = contribution * identity
        contributions.append(sp.expand(contribution.xreplace(mirror)))
    gradient = sp.expand(sp.Add(*contributions))

    def made(form, part=sp.Integer(0), **named):          # the Term of the identity named form
        return Term(term, form, part, gradient, contributions=tuple(contributions), **named)
    last = len(factors) - 1
    inside = sp.Mul(*factors[1:-1])
    if not places:
        return made("constant")
    if places == [0, last] and last > 0 and {factors[0], factors[-1]} == {x, xt}:
        symmetric = sp.expand(transposed(inside).xreplace(mirror) - inside) == 0
        if not traced and not by_matrix and factors[0] == xt:
            return made("quadratic", inside, symmetric=symmetric)
        if traced:
            return made("trace-quadratic" if factors[0] == xt else "trace-quadratic-right", inside, symmetric=symmetric)
    if traced:
        if places == [last] and factors[-1] == x:       # tr(A·W), and tr(W) with A = 1
            return made("trace-linear", sp.Mul(*factors[:-1]))
        return made("product")
    if by_matrix:
        if len(places) == 1 and 0 < places[0] < last and factors[places[0]] == x:
            return made("bilinear", transposed(sp.Mul(*factors[:places[0]])).xreplace(mirror),
                        other=sp.Mul(*factors[places[0] + 1:]))
        return made("product")
    if places == [last]:
        return made("linear", transposed(sp.Mul(*factors[:-1])).xreplace(mirror))
    if places == [0]:
        return made("linear-right", sp.Mul(*factors[1:]))
    return made("product")
