"""The activation functions of the course (seed 004), each a name and a SymPy definition.

Derivatives are derived (by ``diff_steps``), never typed in; where the course
writes the derivative through the output f (σ' = σ(1 − σ), th' = 1 − f²), that
form is kept beside it and checked against the derivation in the tests.

>>> ACTIVATIONS["softsign"].derivative()
(Abs(x) + 1)**(-2)
>>> ACTIVATIONS["softsign"].in_output
(1 - Abs(f))**2
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy as sp

from ..calculus.differentiate import diff_steps
from ..calculus.display import RichDisplay
from ..calculus.functions import sigmoid
from ..calculus.steps import Step
from .softmax import SoftmaxJacobian, outputs, softmax_jacobian

x = sp.Symbol("x", real=True)
f = sp.Symbol("f", real=True)                  # the activation's output, f(x)
alpha = sp.Symbol("alpha", positive=True)      # a slope or scale parameter


@dataclass(frozen=True)
class Activation:
    """An activation: its name, its definition in x, and f' through its output where one exists.

    Its name in each language and its note (the convention at a kink, and such)
    are in the catalogues, under ``[activations]`` and ``[activation_notes]``.
    """

    name: str
    definition: sp.Expr
    in_output: sp.Expr | None = None   # f'(x) written with f = f(x)
    course_writes_in_output: bool = False   # the course's table gives f' through f (σ, th, ELU)

    def derivation(self) -> Step:
        return diff_steps(self.definition, x)

    def derivative(self) -> sp.Expr:
        return self.derivation().result

    def as_the_course_writes(self, derivative: sp.Expr) -> sp.Expr:
        """f' as the course's table gives it: through f where it does so, else in x."""
        return self.in_output if self.course_writes_in_output else derivative


def _leaky(slope):
    return sp.Piecewise((slope * x, x < 0), (x, True))


ACTIVATIONS = {a.name: a for a in (
    Activation("identity", x, sp.S.One),
    Activation("step", sp.Piecewise((0, x < 0), (1, True))),
    Activation("sigmoid", sigmoid(alpha * x), alpha * f * (1 - f), True),
    Activation("tanh", sp.tanh(x), 1 - f ** 2, True),
    Activation("arctan", sp.atan(x)),
    Activation("softsign", x / (1 + sp.Abs(x)), (1 - sp.Abs(f)) ** 2),
    Activation("isru", x / sp.sqrt(1 + alpha * x ** 2)),     # (f/x)³ is no formula in f alone, and fails at 0
    Activation("relu", sp.Max(0, x)),
    Activation("leaky-relu", _leaky(sp.Rational(1, 100))),
    Activation("prelu", _leaky(alpha)),
    Activation("rrelu", _leaky(alpha)),
    Activation("elu", sp.Piecewise((alpha * (sp.exp(x) - 1), x < 0), (x, True)), sp.Piecewise((f + alpha, x < 0), (1, True)), True),
    Activation("softplus", sp.log(1 + sp.exp(x)), 1 - sp.exp(-f)),
)}


def jumps(definition: sp.Expr, var: sp.Symbol = x) -> tuple[sp.Expr, ...]:
    """The points where a piecewise ``definition`` jumps, its one-sided limits apart: its derivative, 0 on either
    side of such a point, does not exist there. A kink (ReLU, ELU at 0) is no jump.

    >>> jumps(ACTIVATIONS["step"].definition), jumps(ACTIVATIONS["relu"].definition), jumps(ACTIVATIONS["elu"].definition)
    ((0,), (), ())
    """
    if not isinstance(definition, sp.Piecewise):
        return ()
    edges = {c.rhs for _, c in definition.args if isinstance(c, sp.core.relational.Relational) and c.lhs == var
             and c.rhs.is_number}
    h = sp.Symbol("h", positive=True)         # c ∓ h picks the piece on either side (sp.limit misreads a Piecewise)
    return tuple(sorted(c for c in edges
                        if sp.limit(definition.subs(var, c - h), h, 0) != sp.limit(definition.subs(var, c + h), h, 0)))


def activation(name: str) -> Activation:
    if name not in ACTIVATIONS:
        raise ValueError(f"unknown activation {name!r}; use one of {', '.join(ACTIVATIONS)}")
    return ACTIVATIONS[name]


@dataclass(frozen=True)
class ActivationTable(RichDisplay):
    """The table of activations, for printing: each with its derived derivative, and softmax."""

    rows: tuple[tuple[Activation, sp.Expr], ...]
    softmax: SoftmaxJacobian          # derived entry by entry for three classes
    softmax_rule: sp.Expr             # ∂s_i/∂x_j = s_i(δ_ij − s_j), checked against every entry


# δ_ij is Kronecker's, named as a student writes it (``answers.entries`` reads it so)
SOFTMAX_RULE = sp.Symbol("s_i", real=True) * (sp.Symbol("delta_ij", real=True) - sp.Symbol("s_j", real=True))


def softmax_rule_holds(jacobian: SoftmaxJacobian) -> bool:
    """s_i(δ_ij − s_j) with i, j and s put in equals every derived entry."""
    s = outputs(jacobian.n)
    return all(sp.expand(jacobian.in_outputs[i, j] - s[i] * (int(i == j) - s[j])) == 0
               for i in range(jacobian.n) for j in range(jacobian.n))


def activation_table() -> ActivationTable:
    jacobian = softmax_jacobian(3)
    if not softmax_rule_holds(jacobian):
        raise ArithmeticError("the derived softmax Jacobian is not s_i(δ_ij − s_j)")
    return ActivationTable(tuple((a, a.derivative()) for a in ACTIVATIONS.values()), jacobian, SOFTMAX_RULE)
