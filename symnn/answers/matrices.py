r"""Are two formulas of matrices and vectors equal? Evaluated on random integer matrices.

Letters are matrices (upper case, n×n) and column vectors (lower case and δ, n×1); a letter
divided by is a scalar (the n of 2/n), as are the Greek scalars (η, λ). Both sides are
evaluated exactly on the same random entries, twice: a polynomial identity in the entries
that fails somewhere fails at random integers almost surely (Schwartz–Zippel). A product
whose shapes do not fit is a wrong shape; a 1×1 result (wᵀx) is a scalar, as in the course.
When the reference does not fit these shapes (δW₂ᵀ, a number y minus f(XW₁)W₂), the shapes
are the ones the reference itself implies (``answers.shapes``), with distinct sizes; when no
shapes fit, the two are compared as expressions in non-commuting symbols. An entrywise product
may be written ⊙ (Hadamard, \odot) or, as people write it, with * or nothing between: a product
whose factors cannot be multiplied as matrices but have one shape is taken entry by entry, and
so is a number added to an entrywise function of a matrix (1 − σ(A)). The letter I is the identity matrix.

>>> import sympy as sp
>>> X, y, w = (sp.Symbol(n, commutative=False) for n in "Xyw")
>>> Xt = sp.Symbol("Xᵀ", commutative=False)
>>> same_matrices(Xt * (X * w - y), Xt * X * w - Xt * y)
(True, 'matrices')
>>> same_matrices(Xt * (X * w - y), X * (X * w - y))
(False, 'matrices')
"""

from __future__ import annotations

import random

import sympy as sp
from sympy.matrices.common import ShapeError

from ..calculus.transpose import MARK, Hadamard, transposed
from .identity import LETTERS, Identity, fitted, identity_names, is_identity, plus, times
from .shapes import letter_shapes

SIZE = 3            # rows of every matrix and vector, by convention
TRIALS = 2
MAX_FACTORS = 10    # of a product read both ways (as matrices and entry by entry)


class _Shape(ValueError):
    """Shapes that do not fit."""


def is_matrix_formula(expr) -> bool:
    return any(not s.is_commutative for s in getattr(expr, "free_symbols", ()))


def same_matrices(ref, ans, symmetric=(), identity=LETTERS) -> tuple[bool, str]:
    """(equal?, the check that decided: matrices, shape or identical); the letters of ``symmetric`` are
    symmetric matrices (A = Aᵀ), so that 2Ax and (A + Aᵀ)x agree; those of ``identity`` the identity matrix."""
    # a lower-case letter divided by is a number (the n of 2/n); an upper-case one inverted is a matrix (X⁻¹)
    scalars = {p.base for e in (ref, ans) for p in e.atoms(sp.Pow)
               if p.exp.is_negative and p.base.is_Symbol and not p.base.name[:1].isupper()}
    # the convention first, then the reference's own shapes; a reference that inverts a product (XᵀX)⁻¹
    # takes its own shapes only, tall (on square letters (XᵀX)⁻¹Xᵀy would be X⁻¹y, which X has no inverse for)
    tried = ((letter_shapes(ref, descending=True),) if inverts(ref) else ({}, letter_shapes(ref)))
    eyes = identity_names(ref, ans, identity)               # (AᵀA + λI)x: I the identity, of the size it needs
    for shapes in tried:
        if shapes is None:
            continue
        rng = random.Random(0)
        try:
            for _ in range(TRIALS):
                values = _values(ref, ans, scalars, shapes, rng, symmetric, identity) | dict.fromkeys(eyes, Identity())
                expected = _evaluate(ref, values, reference=True)
                try:
                    got = fitted(_evaluate(ans, values), expected)
                except _Shape:
                    return False, "shape"
                if got is None:
                    return False, "shape"
                if _as_matrix(expected) != _as_matrix(got):
                    return False, "matrices"
            return True, "matrices"
        except _ReferenceShape:
            continue
    return sp.expand(ref - ans) == 0, "identical"


def row_for_column(ref, ans, symmetric=(), identity=LETTERS) -> bool:
    """The reference is a column vector (the gradient 2Ax by a vector x) and the answer the same vector written as
    a row, its transpose (2xᵀA): the numerator layout of a gradient, where the course writes the denominator's."""
    try:
        if not same_matrices(transposed(ref), ans, symmetric, identity)[0]:
            return False
        scalars = {p.base for p in ref.atoms(sp.Pow) if p.exp.is_negative and p.base.is_Symbol and not p.base.name[:1].isupper()}
        value = _evaluate(ref, _values(ref, ref, scalars, {}, random.Random(0), symmetric, identity), reference=True)
    except (ValueError, TypeError, ShapeError):         # a formula that cannot be transposed or evaluated
        return False
    return isinstance(value, sp.MatrixBase) and value.cols == 1 and value.rows > 1


def inverts(expr) -> bool:
    """The formula inverts a matrix (a product of matrices to a negative power: (XᵀX)⁻¹)."""
    return isinstance(expr, sp.Basic) and any(p.exp.is_negative and not p.base.is_commutative
                                              and not (p.base.is_Symbol and not p.base.name[:1].isupper())   # 1/n
                                              for p in expr.atoms(sp.Pow))


def matrix_mistake(ref, ans, symmetric=(), identity=LETTERS):
    """Why a wrong formula of matrices is wrong, when it is a common slip: the sign, a factor of 2,
    the whole formula transposed, a transpose left out (Xa for Xᵀa), or one factor of the right
    formula left out (σ′, 1/n). A phrase key and its values, or None."""
    slips = (("check.sign", -ref, {}), ("check.factor of two", 2 * ref, {}), ("check.factor of two", ref / 2, {}))
    try:
        slips += (("check.matrix transposed", transposed(ref), {}), ("check.matrix layout", other_layout(ref), {}))
    except ValueError:
        pass
    slips += tuple(("check.matrix transpose", ref.xreplace({s: sp.Symbol(s.name.removesuffix(MARK), commutative=False)}),
                    {"letter": sp.Symbol(s.name.removesuffix(MARK))})
                   for s in sorted(ref.free_symbols, key=lambda s: s.name) if s.name.endswith(MARK))
    slips += tuple(("check.matrix missing", shorter, {"factor": factor}) for shorter, factor in _without_a_factor(ref))
    for key, formula, values in slips:
        if same_matrices(formula, ans, symmetric, identity)[0]:
            return key, values
    return None


def other_layout(expr):
    """The formula in the other layout, a sample a column instead of a row: transposed, then each letter read as its
    transpose (δW₂ᵀ ⊙ σ′(A) as W₂ᵀδ ⊙ σ′(A))."""
    formula = transposed(expr)
    return formula.xreplace({s: sp.Symbol(s.name.removesuffix(MARK) if s.name.endswith(MARK) else s.name + MARK,
                                          commutative=False) for s in formula.free_symbols if not s.is_commutative})


def in_other_layout(ref, ans, identity=LETTERS) -> bool:
    """The answer is the reference in the other layout (``other_layout``): Wᵀδ for δWᵀ."""
    try:
        return same_matrices(other_layout(ref), ans, identity=identity)[0]
    except ValueError:
        return False


def _without_a_factor(expr):
    """(expr with one factor of a product or of an entrywise product left out, that factor), at any depth."""
    if isinstance(expr, Hadamard) or (isinstance(expr, sp.Mul) and len(expr.args) > 1):
        for i, arg in enumerate(expr.args):
            others = expr.args[:i] + expr.args[i + 1:]
            if not (arg.is_Number and arg == -1):
                yield (expr.func(*others) if len(others) > 1 or isinstance(expr, sp.Mul) else others[0]), arg
    for i, arg in enumerate(expr.args):
        for shorter, factor in _without_a_factor(arg):
            yield expr.func(*expr.args[:i], shorter, *expr.args[i + 1:]), factor


class _ReferenceShape(ValueError):
    """The reference does not fit the shapes tried."""


def _values(ref, ans, scalars, shapes, rng, symmetric=(), identity=LETTERS) -> dict:
    """A value for every letter, the reference's first (its y may be a number where the answer's is a letter);
    a letter of ``symmetric`` a random symmetric matrix."""
    values = {}
    for expr in (ref, ans):
        for symbol in sorted(expr.free_symbols, key=lambda s: s.name):
            base = symbol.name.removesuffix(MARK)
            if base in values:
                continue
            if symbol.is_commutative or symbol in scalars or sp.Symbol(base, commutative=False) in scalars:
                values[base] = sp.Integer(rng.randint(2, 9))
            else:
                rows, columns = shapes.get(base, (SIZE, SIZE if base[:1].isupper() else 1))
                values[base] = sp.Matrix(rows, columns, lambda i, j: rng.randint(-9, 9))
                if rows == columns and is_identity(base, ref, identity):
                    values[base] = sp.eye(rows)
                if base in symmetric and rows == columns:
                    values[base] = values[base] + values[base].T
    return values


def _value_of(symbol, values):
    base = symbol.name.removesuffix(MARK)
    value = values[base]
    return value.T if symbol.name.endswith(MARK) and isinstance(value, sp.MatrixBase) else value


def _evaluate(expr, values, reference=False):
    """The value of expr: a number or a Matrix (``reference``: a shape that does not fit is the
    reference's, not the answer's)."""
    try:
        return _value(expr, values)
    except _Shape as error:
        if reference:
            raise _ReferenceShape(str(error)) from None
        raise


def _value(expr, values):
    if expr.is_Symbol:
        return _value_of(expr, values)
    if expr.is_Number or expr.is_NumberSymbol:
        return expr
    if isinstance(expr, sp.Add):
        terms = [_scalar_if_1x1(_value(a, values)) for a in expr.args]
        entrywise = any(_entrywise_function(t) for t in expr.args)
        total = terms[0]
        for term in terms[1:]:
            total = _add(total, term, entrywise)
        return total
    if isinstance(expr, sp.Mul):
        return _product([_scalar_if_1x1(_value(factor, values)) for factor in expr.args])
    if isinstance(expr, Hadamard):
        first, *rest = (_value(a, values) for a in expr.args)
        for other in rest:
            if not (isinstance(first, sp.MatrixBase) and isinstance(other, sp.MatrixBase)) or first.shape != other.shape:
                raise _Shape("an entrywise product of different shapes")
            first = first.multiply_elementwise(other)
        return first
    if isinstance(expr, sp.Pow) and expr.exp.is_Integer:
        base = _scalar_if_1x1(_value(expr.base, values))
        if isinstance(base, sp.MatrixBase):
            if base.rows != base.cols:
                raise _Shape("a power of a matrix that is not square")
            if expr.exp < 0 and base.det() == 0:
                raise _Shape("the inverse of a singular matrix")
            return (base.inv() if expr.exp < 0 else base) ** abs(int(expr.exp))
        return base ** expr.exp
    if isinstance(expr, sp.Function):
        argument = _value(expr.args[0], values) if len(expr.args) == 1 else None
        if isinstance(argument, sp.MatrixBase):
            return argument.applyfunc(expr.func)
        arguments = [_value(a, values) for a in expr.args]
        if any(isinstance(a, Identity) for a in arguments):
            raise _Shape("a function of the identity matrix")
        return expr.func(*arguments)
    raise _Shape(f"{type(expr).__name__} in a matrix formula")


def _entrywise_function(term) -> bool:
    """A term such as −σ(A): a number times a function applied entry by entry."""
    factors = term.args_cnc()[1] if term.is_Mul else [term]
    return len(factors) == 1 and isinstance(factors[0], sp.Function)


def _product(factors):
    """Matrices multiplied in order; where they cannot be, the one reading that fits with some of
    the products taken entry by entry (δW₂ᵀ * σ'(A) is (δW₂ᵀ) ⊙ σ'(A))."""
    factors = times(factors)                              # AIx is Ax; λI stays c·I
    if isinstance(factors, Identity):
        return factors
    number = sp.Mul(*(f for f in factors if not isinstance(f, sp.MatrixBase)))
    matrices = [f for f in factors if isinstance(f, sp.MatrixBase)]
    if not matrices:
        return number
    try:
        product = matrices[0]
        for matrix in matrices[1:]:
            product = product * matrix
        return number * product
    except (ShapeError, TypeError):
        pass
    if len(matrices) > MAX_FACTORS:
        raise _Shape("a product whose shapes do not fit")
    readings = {}
    for length in range(1, len(matrices) + 1):
        for start in range(len(matrices) - length + 1):
            end = start + length
            if length == 1:
                readings[start, end] = [matrices[start]]
                continue
            found = []
            for cut in range(start + 1, end):
                for left in readings[start, cut]:
                    for right in readings[cut, end]:
                        combined = _combined(left, right)
                        combined = None if combined is None else combined.applyfunc(sp.expand)   # one form per value
                        if combined is not None and combined not in found:
                            found.append(combined)
            readings[start, end] = found
    whole = readings[0, len(matrices)]
    if len(whole) != 1:
        raise _Shape("a product whose shapes do not fit" if not whole else "a product that reads two ways")
    return number * whole[0]


def _combined(left, right):
    if left.cols == right.rows:
        return left * right
    if left.shape == right.shape:
        return left.multiply_elementwise(right)
    return None


def _add(a, b, entrywise=False):
    if isinstance(a, Identity) or isinstance(b, Identity):
        total = plus(a, b)
        if total is None:
            raise _Shape("a sum of the identity and a matrix that is not square")
        return total
    if isinstance(a, sp.MatrixBase) and isinstance(b, sp.MatrixBase):
        if a.shape != b.shape:
            raise _Shape("a sum of matrices of different shapes")
        return a + b
    if isinstance(a, sp.MatrixBase) or isinstance(b, sp.MatrixBase):
        matrix, number = (a, b) if isinstance(a, sp.MatrixBase) else (b, a)
        if matrix.cols != 1 and not entrywise:
            raise _Shape("a matrix plus a number")
        return matrix.applyfunc(lambda entry: entry + number)      # a vector plus a scalar, entry by entry
    return a + b


def _scalar_if_1x1(value):
    return value[0, 0] if isinstance(value, sp.MatrixBase) and value.shape == (1, 1) else value


def _as_matrix(value):
    value = _scalar_if_1x1(value)
    return sp.expand(value) if not isinstance(value, sp.MatrixBase) else value.applyfunc(sp.expand)
