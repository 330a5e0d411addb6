r"""The identity matrix in an answer of matrices: I (also I_n, I_d, \mathbf{I}, \operatorname{I}, read as I
and I_n) where the key has no letter of that name, as textbooks write (AᵀA + λI)x. It has no size of its
own: it takes the size its neighbours need, so in a product it drops out (AIx = Ax, whatever fits) and in a
sum it adds to the diagonal of a square matrix. Its value in ``answers.matrices`` is ``Identity(c)``, c·I.

>>> import sympy as sp
>>> A = sp.Matrix([[1, 2], [3, 4]])
>>> plus(A, Identity(sp.Integer(5)))
Matrix([
[6, 2],
[3, 9]])
>>> times([sp.Integer(2), Identity(sp.Integer(3))]).factor, times([Identity(sp.Integer(1)), A]) == [1, A]
(6, True)
"""

from __future__ import annotations

import re

import sympy as sp

NAME = re.compile(r"I(?:_\w+)?")        # I, I_n, I_d, I_3: the identity of a size the formula fixes
# the letters the identity matrix is written with, unless a problem says otherwise (its own matrix named I: none;
# a matrix problem also E, as Russian books write it)
LETTERS = ("I",)


class Identity:
    """c·I for a number c: the identity of the size its place in the formula needs."""

    def __init__(self, factor=sp.Integer(1)):
        self.factor = factor

    def __pow__(self, exponent):          # (λI)⁻¹ = I/λ
        return Identity(self.factor ** exponent)


def identity_names(ref, ans, letters=LETTERS) -> set[str]:
    """The answer's letters that are the identity: I or I_n, not a letter of the key (whose I is its own); none
    where the problem's I is a matrix of its own (``letters`` without I)."""
    if "I" not in letters:
        return set()
    own = {s.name.removesuffix("ᵀ") for s in ref.free_symbols}
    names = {s.name.removesuffix("ᵀ") for s in ans.free_symbols if not s.is_commutative}
    return {name for name in names - own if NAME.fullmatch(name)}


def times(factors):
    """A product's factors with its identities taken out: a matrix times I of the fitting size is itself
    (a product that cannot fit without I cannot fit with it), so only their numbers stay; a product of
    numbers and identities alone is c·I."""
    eyes = [f for f in factors if isinstance(f, Identity)]
    if not eyes:
        return factors
    rest = [f for f in factors if not isinstance(f, Identity)]
    scale = sp.Mul(*(eye.factor for eye in eyes))
    if not any(isinstance(f, sp.MatrixBase) for f in rest):
        return Identity(scale * sp.Mul(*rest))
    return [scale, *rest]


def plus(a, b):
    """a + b where one of them is c·I: c added to the diagonal of a square matrix, to a number (I of size 1),
    or to the other c·I; None for a matrix that is not square (no identity has its shape)."""
    if isinstance(a, Identity) and isinstance(b, Identity):
        return Identity(a.factor + b.factor)
    eye, other = (a, b) if isinstance(a, Identity) else (b, a)
    if not isinstance(other, sp.MatrixBase):
        return other + eye.factor
    if other.rows != other.cols:
        return None
    return other + eye.factor * sp.eye(other.rows)


def fitted(value, expected):
    """An answer that is c·I alone, as a matrix of the expected one's size (a number where a number is expected)."""
    if not isinstance(value, Identity):
        return value
    if isinstance(expected, sp.MatrixBase):
        return value.factor * sp.eye(expected.rows) if expected.rows == expected.cols else None
    return value.factor


def is_identity(name: str, ref, letters=LETTERS) -> bool:
    """The reference's letter ``name`` is the identity matrix (∇_W tr(W) = I): I or Iₙ where the problem's letters
    for it have I; E too where they have E and the reference writes I."""
    if "I" in letters and (name == "I" or name.startswith("I_")):
        return True
    return name == "E" and "E" in letters and any(s.name == "I" for s in ref.free_symbols)
