"""Named functions of the course that SymPy does not have.

The sigmoid is a function of its own (not ``1/(1 + exp(-x))``) so that
derivations can say "σ' = σ(1 − σ)" and final forms stay readable.

>>> import sympy as sp
>>> x = sp.Symbol("x", real=True)
>>> sigmoid(x).diff(x)
(1 - sigmoid(x))*sigmoid(x)
>>> sigmoid(0)
1/2
>>> sp.latex(sigmoid(x) ** 2)
'\\\\sigma^{2}\\\\left(x\\\\right)'
"""

from __future__ import annotations

import sympy as sp


class sigmoid(sp.Function):
    """σ(x) = 1 / (1 + e^(-x)), the logistic function; σ'(x) = σ(x)(1 − σ(x))."""

    nargs = 1

    @classmethod
    def eval(cls, x):
        if x.is_zero:
            return sp.S.Half
        if x is sp.oo:
            return sp.S.One
        if x is sp.S.NegativeInfinity:
            return sp.S.Zero
        return None

    def fdiff(self, argindex=1):
        s = sigmoid(self.args[0])
        return s * (1 - s)

    def _eval_rewrite_as_exp(self, x, **kwargs):
        return 1 / (1 + sp.exp(-x))

    def _eval_evalf(self, prec):
        return self.rewrite(sp.exp)._eval_evalf(prec)

    def _eval_is_real(self):
        return self.args[0].is_real

    def _eval_is_positive(self):
        return self.args[0].is_real

    def _latex(self, printer, exp=None):
        power = "" if exp is None else "^{%s}" % exp
        return r"\sigma%s\left(%s\right)" % (power, printer._print(self.args[0]))
