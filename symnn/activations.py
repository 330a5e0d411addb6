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

from .compile import numpy_source
from .differentiate import diff_steps
from .softmax import SoftmaxJacobian, outputs, softmax_jacobian
from .functions import sigmoid
from .steps import Step

x = sp.Symbol("x", real=True)
f = sp.Symbol("f", real=True)                  # the activation's output, f(x)
alpha = sp.Symbol("alpha", positive=True)      # a slope or scale parameter


@dataclass(frozen=True)
class Activation:
    """An activation: its names, its definition in x, and f' through its output where one exists."""

    name: str
    russian: str
    definition: sp.Expr
    in_output: sp.Expr | None = None   # f'(x) written with f = f(x)
    note: tuple[str, str] = ("", "")   # (English, Russian): the convention at a kink, and such

    @property
    def numpy(self) -> str:
        """The definition as one line of NumPy, in a form that never overflows."""
        return numpy_source(self.definition)

    def derivation(self) -> Step:
        return diff_steps(self.definition, x)

    def derivative(self) -> sp.Expr:
        return self.derivation().result


def _leaky(slope):
    return sp.Piecewise((slope * x, x < 0), (x, True))


ACTIVATIONS = {a.name: a for a in (
    Activation("identity", "тождественная", x, sp.S.One),
    Activation("step", "единичная ступенька", sp.Piecewise((0, x < 0), (1, True)), None,
               ("f' = 0 for x ≠ 0 and does not exist at 0: gradient descent learns nothing through it.",
                "f' = 0 при x ≠ 0 и не существует в 0: градиентный спуск через неё не учится.")),
    Activation("sigmoid", "сигмоида", sigmoid(alpha * x), alpha * f * (1 - f),
               ("With slope α (the perceptron of seed 004); α = 1 is the usual σ.",
                "С наклоном α (перцептрон из лекции 4); при α = 1 это обычная σ.")),
    Activation("tanh", "th", sp.tanh(x), 1 - f ** 2),
    Activation("arctan", "arctg", sp.atan(x)),
    Activation("softsign", "softsign", x / (1 + sp.Abs(x)), (1 - sp.Abs(f)) ** 2,
               ("f' = 1/(1 + |x|)²: the course's table lost the bars around x.",
                "f' = 1/(1 + |x|)²: в таблице курса потеряны скобки модуля.")),
    Activation("isru", "ISRU", x / sp.sqrt(1 + alpha * x ** 2), (f / x) ** 3,
               ("f' = (1/√(1 + αx²))³.", "f' = (1/√(1 + αx²))³.")),
    Activation("relu", "ReLU", sp.Max(0, x), None,
               ("At x = 0 the derivative does not exist; 0 is taken there (as PyTorch does).",
                "В x = 0 производной нет; там берут 0 (как в PyTorch).")),
    Activation("leaky-relu", "ReLU с утечкой", _leaky(sp.Rational(1, 100)), None,
               ("Slope 0.01 for x < 0.", "Наклон 0,01 при x < 0.")),
    Activation("prelu", "PReLU", _leaky(alpha), None,
               ("α is learned with the weights.", "α обучается вместе с весами.")),
    Activation("rrelu", "RReLU", _leaky(alpha), None,
               ("α is drawn at random while training and fixed at test time.",
                "α выбирается случайно при обучении и фиксируется при применении.")),
    Activation("elu", "ELU", sp.Piecewise((alpha * (sp.exp(x) - 1), x < 0), (x, True)),
               sp.Piecewise((f + alpha, x < 0), (1, True)),
               ("For x < 0, f' = αe^x = f + α, as the course writes.",
                "При x < 0 f' = αe^x = f + α, как в курсе.")),
    Activation("softplus", "softplus", sp.log(1 + sp.exp(x)), 1 - sp.exp(-f),
               ("Its derivative is the sigmoid.", "Её производная — сигмоида.")),
)}


def activation(name: str) -> Activation:
    if name not in ACTIVATIONS:
        raise ValueError(f"unknown activation {name!r}; use one of {', '.join(ACTIVATIONS)}")
    return ACTIVATIONS[name]


@dataclass(frozen=True)
class ActivationTable:
    """The table of activations, for printing: each with its derived derivative, and softmax."""

    rows: tuple[tuple[Activation, sp.Expr], ...]
    softmax: SoftmaxJacobian          # derived entry by entry for three classes
    softmax_rule: sp.Expr             # ∂s_i/∂x_j = s_i(δ_ij − s_j), checked against every entry


SOFTMAX_RULE = sp.Symbol("s_i") * (sp.KroneckerDelta(sp.Symbol("i"), sp.Symbol("j")) - sp.Symbol("s_j"))


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
