"""The gradient of a term uᵀg(Mw) of a book's matrix function, where g acts on the vector Mw entry by entry, as the
logistic regression loss −(yᵀ ln σ(Xw) + (1 − y)ᵀ ln(1 − σ(Xw))) is written (``nn.matrix_expansion``).

f = Σᵢ uᵢ g((Mw)ᵢ) is a number; by the chain rule ∂f/∂w = Σᵢ uᵢ g′((Mw)ᵢ) ∇_w (Mw)ᵢ, and ∇_w (Mw)ᵢ is the i-th row of M
as a column, so ∇_w uᵀg(Mw) = Mᵀ(u ⊙ g′(Mw)); without u (a sum of the entries, 1ᵀg(Mw)) it is Mᵀg′(Mw). g′ is
found by ``sympy.diff`` of g on a number. The terms of one Mw are added entry by entry, as numbers:
−y(1 − σ) + (1 − y)σ = σ − y, so the logistic loss gives Xᵀ(σ(Xw) − y).

>>> from symnn.nn.matrix_expansion import expanded_gradient
>>> run = expanded_gradient("-(y^T*log(sigmoid(X*w)) + (1 - y)^T*log(1 - sigmoid(X*w)))", "w", {"X": "N x D", "w": "D", "y": "N"})
>>> run.answer, run.holds
(Xᵀ*(-y + sigmoid(X*w)), True)
"""

from __future__ import annotations

import sympy as sp

from ..calculus.transpose import Determinant, Hadamard, Trace, transposed
from .matrix_terms import Term, product_parts

ENTRY = sp.Symbol("z", real=True)          # an entry of Mw, where g′ is found


def entrywise_functions(expr) -> list:
    """The functions of expr applied to a matrix or a vector, entry by entry (σ(Xw), ln(1 − σ(Xw)))."""
    return [f for f in expr.atoms(sp.Function) if not f.is_commutative and not isinstance(f, (Trace, Determinant))]


def _inner(function, x):
    """Mw of g(Mw): the argument of the innermost functions, M·x with M free of x; else refused."""
    inner = {a for f in entrywise_functions(function) for a in f.args if not a.is_commutative and not entrywise_functions(a)}
    _, factors = product_parts(next(iter(inner))) if len(inner) == 1 else (None, [])
    if len(inner) != 1 or not factors or factors[-1] != x or sp.Mul(*factors[:-1]).has(x, transposed(x)):
        raise ValueError(f"expr: {function} is not a function of one vector M·{x}, entry by entry")
    return next(iter(inner)), sp.Mul(*factors[:-1])


def top_terms(expr) -> list:
    """The terms of a sum as written, a number before a bracket taken into it: −(a + b) as −a, −b; a product of
    vectors not multiplied out ((1 − y)ᵀ ln(1 − σ(Xw)) stays one term)."""
    if isinstance(expr, sp.Add):
        return [t for a in expr.as_ordered_terms() for t in top_terms(a)]
    number, factors = product_parts(expr)
    if len(factors) == 1 and isinstance(factors[0], sp.Add):
        return [number * t for t in top_terms(factors[0])]
    return [expr]


def entrywise_term(term, x) -> Term:
    """∇_x of c·uᵀg(Mx): c·Mᵀ(u ⊙ g′(Mx)); part M, other u (1 where the term sums the entries)."""
    number, factors = product_parts(term)
    if not factors or not entrywise_functions(factors[-1]) or any(f.has(x, transposed(x)) for f in factors[:-1]):
        raise ValueError(f"expr: {term} is not uᵀg(M·{x}) with g applied entry by entry")
    inner, M = _inner(factors[-1], x)
    slope = _vector(_simple(sp.diff(factors[-1].xreplace({inner: ENTRY}), ENTRY)), {ENTRY: inner})
    if slope.could_extract_minus_sign():                   # −Xᵀ(y ⊙ σ(Xw)), not Xᵀ(y ⊙ (−σ(Xw)))
        number, slope = -number, -slope
    u = transposed(sp.Mul(*factors[:-1])) if factors[:-1] else sp.Integer(1)
    gradient = number * transposed(M) * (Hadamard(u, slope) if factors[:-1] else slope)
    return Term(term, "entrywise", M, gradient, other=u, contributions=(gradient,))


def _scalar(expr):
    """A vector formula as one entry of it: each letter a number (y as y), Mx as the number z."""
    return expr.xreplace({s: sp.Symbol(s.name, real=True) for s in expr.free_symbols if not s.is_commutative})


def _simple(expr):
    """expr simplified, unless the simple form divides (1/cosh²z for 1 − tanh²z): a vector is not divided by."""
    simple = sp.simplify(expr)
    return expr if any(p.exp.is_negative for p in simple.atoms(sp.Pow)) else simple


def _vector(expr, letters: dict):
    """An entry's formula as the vector's: each number-letter its vector, a product or a power of vectors entry by entry."""
    if isinstance(expr, (sp.Add, sp.Mul)):
        args = [_vector(a, letters) for a in expr.args]
        if isinstance(expr, sp.Add):
            return sp.Add(*args)
        vectors = [a for a in args if not a.is_commutative]
        numbers = sp.Mul(*(a for a in args if a.is_commutative))
        return numbers * (Hadamard(*vectors) if len(vectors) > 1 else sp.Mul(*vectors))
    if isinstance(expr, sp.Pow) and expr.base.has(*letters) and not (expr.exp.is_Integer and expr.exp > 1):
        raise ValueError(f"expr: the derivative {expr} divides an entry; a vector is not divided by, entry by entry")
    if isinstance(expr, sp.Pow) and expr.exp.is_Integer and expr.exp > 1 and expr.base.has(*letters):
        return Hadamard(*[_vector(expr.base, letters)] * int(expr.exp))          # tanh²(Mx) entry by entry
    return expr.xreplace(letters)


def entry_function(term, x) -> tuple:
    """(g(z), g′(z)) of a term uᵀg(Mx), on a number z: (ln σ(z), 1 − σ(z))."""
    function = product_parts(term)[1][-1]
    g = function.xreplace({_inner(function, x)[0]: ENTRY})
    return g, sp.simplify(sp.diff(g, ENTRY))


def entrywise_sum(terms, x):
    """The terms' gradients added, each Mᵀ(…) of one M: Mᵀ times their entries added as numbers, written as a vector
    again; (the entries' sum as numbers, its simple form, the answer). None where the terms have different M."""
    if len({t.part for t in terms}) != 1:
        return None
    inner = _inner(terms[0].term, x)[0]
    entries = []
    for t in terms:
        number, factors = product_parts(t.term)
        slope = sp.diff(factors[-1].xreplace({inner: ENTRY}), ENTRY)
        entries.append(sp.simplify(number * _scalar(t.other) * slope))
    total = sp.Add(*entries, evaluate=False)
    simple = sp.factor(_simple(sp.Add(*entries)))
    letters = {sp.Symbol(s.name, real=True): s for t in terms for s in t.other.free_symbols if not s.is_commutative}
    answer = transposed(terms[0].part) * _vector(simple.xreplace({ENTRY: inner}), {**letters, ENTRY: inner})
    return total, simple, answer

