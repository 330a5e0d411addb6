"""Formulas of matrices and vectors written with non-commuting symbols: transposes and
entrywise products.

In an answer such as 2Xᵀ(Xw − y) the letters are matrices and vectors: their products do
not commute, and a transpose reverses a product, (AB)ᵀ = BᵀAᵀ. A letter is a non-commuting
SymPy symbol, and its transpose is the symbol with ᵀ after its name; numbers and scalars
(commuting symbols) are their own transposes; a function of a matrix acts entry by entry.
``Letter`` is such a symbol that LaTeX writes as X^{T}; ``Hadamard`` is the entrywise
product A ⊙ B and ``SigmoidSlope`` is σ′ applied entry by entry.

>>> import sympy as sp
>>> X, w = sp.Symbol("X", commutative=False), sp.Symbol("w", commutative=False)
>>> transposed(2 * X * w)
2*wᵀ*Xᵀ
>>> transposed(transposed(X + w))
X + w
>>> A, B = Letter("A"), Letter("W_2")
>>> sp.latex(Hadamard(A * transposed(B), SigmoidSlope(A)))
"\\\\left(A W_{2}^{T}\\\\right) \\\\odot \\\\sigma'\\\\left(A\\\\right)"
"""

from __future__ import annotations

import sympy as sp

from .functions import sigmoid

MARK = "ᵀ"


class Letter(sp.Symbol):
    """A matrix or a vector: a non-commuting symbol; its transpose is written X^{T}."""

    def __new__(cls, name: str, **assumptions):
        return super().__new__(cls, name, commutative=False)

    def _latex(self, printer, exp=None):
        base = printer._print(sp.Symbol(self.name.removesuffix(MARK)))
        written = base + ("^{T}" if self.name.endswith(MARK) else "")
        return written if exp is None else r"\left(%s\right)^{%s}" % (written, exp)


class Hadamard(sp.Function):
    """A ⊙ B: the entrywise product of matrices of one shape; a product around it writes it in parentheses."""

    precedence = 45                                    # between a sum (40) and a product (50)

    def _latex(self, printer, exp=None):
        parts = [printer._print(a) for a in self.args]
        parts = [r"\left(%s\right)" % p if isinstance(a, (sp.Add, sp.Mul)) else p for a, p in zip(self.args, parts)]
        return r" \odot ".join(parts)

    def _sympystr(self, printer):
        return " ⊙ ".join(f"({printer._print(a)})" if isinstance(a, (sp.Add, sp.Mul)) else printer._print(a)
                          for a in self.args)


class SigmoidSlope(sp.Function):
    """σ′(A) = σ(A)(1 − σ(A)) entry by entry; of a number, that number."""

    nargs = 1

    @classmethod
    def eval(cls, x):
        if x.is_commutative:
            return sigmoid(x) * (1 - sigmoid(x))
        return None

    def _latex(self, printer, exp=None):
        return r"\sigma'\left(%s\right)" % printer._print(self.args[0])

    def _sympystr(self, printer):
        return "σ'(%s)" % printer._print(self.args[0])


class Trace(sp.Function):
    """tr(P): the sum of the diagonal of a square matrix P, a number; linear, tr(P + Q) = tr(P) + tr(Q) and
    tr(cP) = c·tr(P), and its own transpose, tr(Pᵀ) = tr(P)."""

    nargs = 1

    @classmethod
    def eval(cls, arg):
        if arg.is_commutative:                            # the trace of a number (a 1×1 matrix) is that number
            return arg
        if isinstance(arg, sp.Add):
            return sp.Add(*(cls(term) for term in arg.args))
        scalars, factors = arg.args_cnc() if isinstance(arg, sp.Mul) else ([], [arg])
        return sp.Mul(*scalars) * cls(sp.Mul(*factors)) if scalars else None

    def _eval_is_commutative(self):
        return True

    def _eval_transpose(self):
        return self

    def _latex(self, printer, exp=None):
        written = r"\operatorname{tr}\left(%s\right)" % printer._print(self.args[0])
        return written if exp is None else r"%s^{%s}" % (written, exp)

    def _sympystr(self, printer):
        return f"tr({printer._print(self.args[0])})"


class Determinant(sp.Function):
    """det X of a square matrix X, a number; det Xᵀ = det X."""

    nargs = 1

    def _eval_is_commutative(self):
        return True

    def _latex(self, printer, exp=None):
        written = r"\det(%s)" % printer._print(self.args[0])
        return written if exp is None else r"\left(%s\right)^{%s}" % (written, exp)

    def _sympystr(self, printer):
        return f"det({printer._print(self.args[0])})"


def transposed(expr):
    """expr transposed: sums term by term, products reversed, entrywise functions inside."""
    if expr.is_commutative:                  # a number, and a trace
        return expr
    if isinstance(expr, sp.Symbol):
        name = expr.name[:-1] if expr.name.endswith(MARK) else expr.name + MARK
        return Letter(name) if isinstance(expr, Letter) else sp.Symbol(name, commutative=False)
    if isinstance(expr, sp.Add):
        return sp.Add(*(transposed(term) for term in expr.args))
    if isinstance(expr, sp.Mul):
        scalars, factors = expr.args_cnc()
        return sp.Mul(*scalars, *(transposed(f) for f in reversed(factors)))
    if isinstance(expr, sp.Pow) and expr.exp.is_Integer:
        return transposed(expr.base) ** expr.exp
    if isinstance(expr, sp.Function):
        return expr.func(*(transposed(a) for a in expr.args))
    raise ValueError(f"cannot transpose {expr}")
