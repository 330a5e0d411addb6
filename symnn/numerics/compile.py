"""Symbolic expressions compiled to NumPy, in forms that never overflow.

``stable_form`` rewrites an expression into an equal one that floating point
can evaluate for any input:

- ln σ(u) = −softplus(−u) and ln(1 − σ(u)) = −softplus(u), where
  softplus(u) = ln(1 + eᵘ) is computed as ``logaddexp(0, u)``;
- a product with 1/(Σ_k e^(a_k))^m, such as a softmax e^(z_i)/Σ_k e^(z_k),
  becomes one exponential e^(z_i − m·lse(a)) with lse the log-sum-exp
  max(a) + ln Σ_k e^(a_k − max(a)), so it never divides ∞ by ∞;
- in a piecewise branch taken for u < c, e^(…u…) is evaluated at min(u, c)
  (ELU's α(eˣ − 1) is not asked to compute e^10000 for the branch it discards);
- σ(u) is evaluated as 1/(1 + e^(min(−u, 709))): e^709 is about the largest
  power of e a double holds, and for u below −709 the value 1/(1 + e^709)
  ≈ 1e-308 is within 1e-308 of σ(u). 1 − σ(u) is left as written: it is
  exact to 1e-16 absolutely, which is what sums of gradients need.

``compile_numpy`` then calls ``sympy.lambdify`` with ``sympy.cse``. Common
subexpression elimination names the values a gradient shares, and on a
network's loss those names are backpropagation's stages: the generated source
(``Compiled.source``) is there for a student to read.

>>> import sympy as sp
>>> from symnn.calculus.functions import sigmoid
>>> z = sp.Symbol("z", real=True)
>>> stable_form(sp.log(sigmoid(z)))
-softplus(-z)
>>> f = compile_numpy(sp.log(1 - sigmoid(z)), [z])
>>> float(f(-1e4)), float(f(1e4))
(-0.0, -10000.0)
"""

from __future__ import annotations

import functools
import inspect
import math
from dataclasses import dataclass

import numpy as np
import sympy as sp
from sympy.printing.numpy import NumPyPrinter

from ..calculus.functions import sigmoid


class softplus(sp.Function):
    """softplus(u) = ln(1 + eᵘ); its derivative is σ(u)."""

    nargs = 1

    def fdiff(self, argindex=1):
        return sigmoid(self.args[0])

    def _eval_rewrite_as_log(self, u, **kwargs):
        return sp.log(1 + sp.exp(u))

    def _eval_evalf(self, prec):
        return self.rewrite(sp.log)._eval_evalf(prec)

    def _eval_is_real(self):
        return self.args[0].is_real


class logsumexp(sp.Function):
    """lse(a_1, …, a_n) = ln Σ_k e^(a_k), computed as max(a) + ln Σ_k e^(a_k − max(a))."""

    def fdiff(self, argindex=1):
        return sp.exp(self.args[argindex - 1] - self)

    def _eval_rewrite_as_log(self, *args, **kwargs):
        return sp.log(sp.Add(*(sp.exp(a) for a in args)))

    def _eval_evalf(self, prec):
        return self.rewrite(sp.log)._eval_evalf(prec)

    def _eval_is_real(self):
        return all(a.is_real for a in self.args) or None


# -- the NumPy side of the stable functions

EXPONENT_CAP = 709.0    # e^709 ≈ 8e307 still fits in a double


def stable_sigmoid(u):
    """σ(u) = 1/(1 + e^(−u)) with the exponent capped below overflow."""
    if isinstance(u, float):           # one number (a sample at a time): without NumPy's overhead
        return 1 / (1 + math.exp(min(-u, EXPONENT_CAP)))
    return 1 / (1 + np.exp(np.minimum(np.negative(u), EXPONENT_CAP)))


def stable_softplus(u):
    return np.logaddexp(0.0, u)


def stable_logsumexp(*args):
    top = functools.reduce(np.maximum, args)
    return top + np.log(sum(np.exp(a - top) for a in args))


NUMPY_FUNCTIONS = {"sigmoid": stable_sigmoid, "softplus": stable_softplus, "logsumexp": stable_logsumexp}


# -- the symbolic rewrites

def _exp_exponent(factor):
    """The exponent a if factor is e^a (or (e^b)^k with a = k·b), else None."""
    if isinstance(factor, sp.exp):
        return factor.args[0]
    if factor.is_Pow and isinstance(factor.base, sp.exp):
        return factor.exp * factor.base.args[0]
    return None


def _sum_of_exponentials(expr):
    """(a_1, …, a_n) if expr = Σ e^(a_k) with positive constants counted as e^(ln c), else None."""
    if not expr.is_Add:
        return None
    exponents = []
    for term in expr.args:
        if term.is_number and term.is_positive:
            exponents.append(sp.log(term))
        elif (a := _exp_exponent(term)) is not None:
            exponents.append(a)
        else:
            return None
    return exponents if any(not e.is_number for e in exponents) else None


def _stable_product(expr: sp.Mul) -> sp.Expr:
    """Gather the e^a factors and (Σ e^(b_k))^m factors of a product into one e^(a + m·lse(b))."""
    exponent, rest, exponentials, sums = sp.S.Zero, [], 0, 0
    for factor in expr.args:
        base, power = factor.as_base_exp()
        if (a := _exp_exponent(factor)) is not None:
            exponent, exponentials = exponent + a, exponentials + 1
        elif power.is_integer and (b := _sum_of_exponentials(base)):
            exponent, sums = exponent + power * logsumexp(*b), sums + 1
        else:
            rest.append(factor)
    if sums == 0 and exponentials < 2:
        return expr
    return sp.Mul(*rest) * sp.exp(exponent)


def _has_sum_of_exponentials(product: sp.Mul) -> bool:
    return any(_sum_of_exponentials(f.as_base_exp()[0]) for f in product.args)


def _stable_log(expr: sp.log) -> sp.Expr:
    u = expr.args[0]
    if isinstance(u, sigmoid):                                   # ln σ(v) = −softplus(−v)
        return -softplus(-u.args[0])
    if u.is_Add and len(u.args) == 2 and sp.S.One in u.args:
        other = u.args[1] if u.args[0] == 1 else u.args[0]
        if isinstance(-other, sigmoid):                          # ln(1 − σ(v)) = −softplus(v)
            return -softplus((-other).args[0])
        if isinstance(other, sp.exp):                            # ln(1 + e^v) = softplus(v)
            return softplus(other.args[0])
    if (b := _sum_of_exponentials(u)) is not None:               # ln Σ e^(b_k) = lse(b)
        return logsumexp(*b)
    if isinstance(u, sp.exp):
        return u.args[0]
    if u.is_Mul and all(f.is_positive or _exp_exponent(f) is not None for f in u.args):
        return sp.Add(*(_stable_log(sp.log(f, evaluate=False)) for f in u.args))   # ln(c·e^a) = ln c + a
    return expr


def _stable_piecewise(expr: sp.Piecewise) -> sp.Expr:
    pieces = []
    for value, condition in expr.args:
        if isinstance(condition, (sp.StrictLessThan, sp.LessThan)) and condition.rhs.is_number:
            bounded = sp.Min(condition.lhs, condition.rhs)
            value = value.replace(lambda e: isinstance(e, sp.exp),
                                  lambda e: sp.exp(e.args[0].xreplace({condition.lhs: bounded})))
        pieces.append((value, condition))
    return sp.Piecewise(*pieces)


def plain_form(expr: sp.Expr) -> sp.Expr:
    """softplus and lse written back as logarithms: the inverse of the rewrites above, for checking."""
    return expr.replace(lambda e: isinstance(e, (softplus, logsumexp)), lambda e: e.rewrite(sp.log))


def stable_form(expr: sp.Expr) -> sp.Expr:
    """An equal expression that floating point evaluates without overflow (rules in the module doc)."""
    expr = sp.sympify(expr, strict=True)
    if not expr.args:
        return expr
    rebuilt = expr.func(*(stable_form(a) for a in expr.args))
    if isinstance(rebuilt, sp.log):
        return _stable_log(rebuilt)
    if rebuilt.is_Mul and _has_sum_of_exponentials(rebuilt):
        expanded = sp.expand_mul(rebuilt, deep=False)           # Σ·(e^a/Σ² + …) = e^a/Σ + …
        if expanded.is_Add:
            return sp.Add(*(stable_form(term) for term in expanded.args))
        return _stable_product(expanded)
    if rebuilt.is_Mul:
        return _stable_product(rebuilt)
    if rebuilt.is_Pow and _sum_of_exponentials(rebuilt.base) and rebuilt.exp.is_negative:
        return _stable_product(sp.Mul(rebuilt, 1, evaluate=False))
    if isinstance(rebuilt, sp.Piecewise):
        return _stable_piecewise(rebuilt)
    return rebuilt


# -- printing NumPy code

class batch_sum(sp.Function):
    """Σ over the samples of a batch of the expression inside (a marker for the printer)."""

    nargs = 1


class NumPyCode(NumPyPrinter):
    """NumPy source with the stable functions called by name.

    ``batch`` are the symbols that hold one value per sample (data columns and
    the intermediates computed from them); a ``batch_sum`` of a product of
    them is printed as a dot product, the way one writes it by hand:
    Σ_i a_i·b_i·c_i = a·(b∘c).
    """

    def __init__(self, batch=(), settings=None, inline: bool = False):
        super().__init__({"fully_qualified_modules": True, **(settings or {})})
        self.batch = set(batch)
        self.inline = inline     # write the stable functions out instead of calling them by name

    def _print_sigmoid(self, expr):
        u = self._print(expr.args[0])
        return f"1/(1 + numpy.exp(numpy.minimum(-({u}), {EXPONENT_CAP})))" if self.inline else f"sigmoid({u})"

    def _print_softplus(self, expr):
        u = self._print(expr.args[0])
        return f"numpy.logaddexp(0, {u})" if self.inline else f"softplus({u})"

    def _print_logsumexp(self, expr):
        return "logsumexp(%s)" % ", ".join(self._print(a) for a in expr.args)

    def _print_Heaviside(self, expr):   # H(z, h0): the step with value h0 at the kink
        arg, at_zero = (expr.args + (sp.S.Half,))[:2]
        return f"numpy.heaviside({self._print(arg)}, {self._print(at_zero)})"

    def _print_Piecewise(self, expr):
        """Two pieces, the second for every other x: numpy.where(condition, first, second)."""
        if len(expr.args) == 2 and expr.args[1].cond is sp.true:
            (first, condition), (second, _) = expr.args
            return f"numpy.where({self._print(condition)}, {self._print(first)}, {self._print(second)})"
        return super()._print_Piecewise(expr)

    def _print_Max(self, expr):
        return self._pairwise("numpy.maximum", expr.args)

    def _print_Min(self, expr):
        return self._pairwise("numpy.minimum", expr.args)

    def _pairwise(self, function, args):
        """max(a, b, c) = maximum(maximum(a, b), c)."""
        text = self._print(args[0])
        for arg in args[1:]:
            text = f"{function}({text}, {self._print(arg)})"
        return text

    def _is_batch(self, expr) -> bool:
        return bool(expr.free_symbols & self.batch)

    def _print_batch_sum(self, expr):
        inner = expr.args[0]
        factors = sp.Mul.make_args(inner)
        arrays = [f for f in factors if self._is_batch(f)]
        scale = sp.Mul(*(f for f in factors if not self._is_batch(f)))
        if not arrays:                                   # the same value for every sample
            first = sorted(self.batch, key=str)[0]
            return f"len({self._print(first)})*({self._print(inner)})"
        if len(arrays) == 1 and arrays[0].is_Pow and arrays[0].exp == 2:
            arrays = [arrays[0].base, arrays[0].base]    # Σ a² = a·a
        if len(arrays) == 1:
            total = f"numpy.sum({self._print(arrays[0])})"
        else:
            total = f"numpy.dot({self._print(arrays[0])}, {self._print(sp.Mul(*arrays[1:]))})"
        if scale in (1, -1):
            return total if scale == 1 else f"-{total}"
        return f"{self.parenthesize(scale, 50)}*{total}"


# -- compiling

@dataclass(frozen=True)
class Compiled:
    """A NumPy function and the Python source SymPy generated for it."""

    function: object
    replacements: tuple = ()           # the (name, value) pairs common-subexpression elimination chose

    def __call__(self, *values):
        return self.function(*values)

    @property
    def source(self) -> str:
        return inspect.getsource(self.function)


def numpy_source(expr) -> str:
    """One line of NumPy for expr in its stable form, with the stable functions written out."""
    return NumPyCode(inline=True).doprint(stable_form(expr))


def compile_numpy(exprs, args, cse: bool = True, batch=()) -> Compiled:
    """``lambdify`` with the stable forms and common-subexpression elimination.

    ``exprs`` is one expression or a list; the function returns one value or a list.
    ``batch``: the arguments that are columns of a batch (for ``batch_sum``).
    """
    many = isinstance(exprs, (list, tuple))
    targets = [stable_form(e) for e in (exprs if many else [exprs])]
    printer = NumPyCode(batch)
    chosen = []

    def eliminate(expressions):      # sympy.cse, noting which new names hold per-sample values
        replacements, reduced = sp.cse(expressions, list=False)
        for name, value in replacements:
            if printer._is_batch(value):
                printer.batch.add(name)
        chosen.extend(replacements)
        return replacements, reduced

    function = sp.lambdify(tuple(args), targets if many else targets[0], modules=[NUMPY_FUNCTIONS, "numpy"],
                           printer=printer, cse=eliminate if cse else False, docstring_limit=0)
    return Compiled(function, tuple(chosen))
