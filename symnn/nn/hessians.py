"""Second-order quantities of a function of several variables: the Hessian ∇²F itself (Bishop, PRML §5.4), the
directional derivative along p (the slope pᵀ∇F/‖p‖ and the second derivative pᵀ∇²F p/‖p‖²) and Newton's method
x_{k+1} = x_k − A_k⁻¹ g_k (Hagan, Demuth, Beale, Neural Network Design, ch. 8 and 9).

The gradient is derived as the ``gradient`` kind derives it (``calculus.gradient``), and the Hessian
∇²F is the Jacobian of that gradient (``nn.vector_calculus.jacobian``), so every entry has its derivation
and is checked against ``sympy.diff``. Values are exact.

>>> hessian_matrix("x^2*y + y^3", "x, y").answer.tolist()
[[2*y, 2*x], [2*x, 6*y]]
>>> directional_derivative("x1^2 + 2*x2^2", "x1, x2", [0.5, 0.5], [2, -1]).answer
0
>>> newton_step("x1^2 + 25*x2^2", "x1, x2", [0.5, 0.5]).result
(0, 0)
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import sympy as sp

from ..calculus.display import RichDisplay
from ..calculus.gradient import Gradient, exact_number, gradient_steps
from ..calculus.parse import parse_expr_safe
from .vector_calculus import Jacobian, jacobian

FINDS = ("slope", "second")      # pᵀ∇F/‖p‖, pᵀ∇²F p/‖p‖²


def _hessian(gradient: Gradient) -> Jacobian:
    """∇²F: the Jacobian of the derived gradient, at the gradient's point, with the constants given there (x = 1,
    t = 1 of an error in the weights) put in too."""
    run = jacobian(gradient.vector, gradient.variables, {**dict(gradient.constants), **dict(gradient.point)} or None)
    entries = [[_shorter(step.result, entry) for step, entry in zip(steps, row)] for steps, row in zip(run.steps, run.matrix.tolist())]
    return dataclasses.replace(run, matrix=sp.Matrix(entries))


def _shorter(derived: sp.Expr, simplified: sp.Expr) -> sp.Expr:
    """An entry as its derivation ends, x(1 − tanh²(w₁x))(2w₂ tanh(w₁x) − t), unless SymPy's simplified form is
    shorter and writes no function the derivation did not (simplify writes tanh through cosh and sinh). The two
    are equal: ``jacobian`` checked them against sympy.diff."""
    kinds = lambda e: {type(f) for f in e.atoms(sp.Function)}      # noqa: E731
    shorter = sp.count_ops(simplified) < sp.count_ops(derived) and kinds(simplified) <= kinds(derived)
    return simplified if shorter else derived


@dataclass(frozen=True)
class HessianMatrix(RichDisplay):
    """∇²F, H_ij = ∂²F/∂x_i∂x_j: the gradient derived first, then each entry as the derivative of one of its
    components, and the matrix at the point if one is given."""

    gradient: Gradient                 # ∇F derived (and its value at the point)
    hessian: Jacobian                  # ∇²F: the Jacobian of ∇F, each entry derived

    @property
    def answer(self) -> sp.Matrix:
        return self.hessian.matrix if self.hessian.value is None else self.hessian.value


def hessian_matrix(expr, wrt, at=None) -> HessianMatrix:
    """The Hessian of ``expr`` in the variables ``wrt``; ``at`` (values in the order of ``wrt``, or text
    ``"w1 = 0, w2 = 1, x = 1"`` that may give the formula's other letters too) puts the point in."""
    gradient = gradient_steps(parse_expr_safe(expr) if isinstance(expr, str) else expr, wrt,
                              at=at if at is None or isinstance(at, (str, dict)) else list(at))
    hessian = _hessian(gradient)
    if hessian.value is not None and hessian.value.has(sp.nan, sp.zoo, sp.oo, -sp.oo):
        raise ValueError("at: the Hessian is not defined at this point")
    return HessianMatrix(gradient, hessian)


@dataclass(frozen=True)
class DirectionalDerivative(RichDisplay):
    """F's derivatives along the direction p at a point: ∇F there, p, ‖p‖, and what ``find`` asks."""

    gradient: Gradient                 # ∇F derived, and its value at the point
    direction: tuple[sp.Expr, ...]     # p
    find: tuple[str, ...]              # "slope", "second", in the order asked
    hessian: Jacobian | None = None    # ∇²F, derived and at the point (when the second derivative is asked)

    @property
    def norm_squared(self) -> sp.Expr:
        return sum((c ** 2 for c in self.direction), sp.Integer(0))

    @property
    def norm(self) -> sp.Expr:
        return sp.sqrt(self.norm_squared)

    @property
    def along(self) -> sp.Expr:
        """pᵀ∇F at the point."""
        return sum((c * g for c, g in zip(self.direction, self.gradient.values)), sp.Integer(0))

    @property
    def slope(self) -> sp.Expr:
        return sp.radsimp(self.along / self.norm)

    @property
    def hessian_times_p(self) -> tuple[sp.Expr, ...] | None:
        """∇²F p at the point."""
        if self.hessian is None:
            return None
        return tuple(self.hessian.value * sp.Matrix(self.direction))

    @property
    def curvature(self) -> sp.Expr | None:
        """pᵀ∇²F p at the point."""
        if self.hessian is None:
            return None
        return sum((c * h for c, h in zip(self.direction, self.hessian_times_p)), sp.Integer(0))

    @property
    def second(self) -> sp.Expr | None:
        return None if self.hessian is None else sp.simplify(self.curvature / self.norm_squared)

    @property
    def answer(self):
        parts = tuple(self.slope if part == "slope" else self.second for part in self.find)
        return parts if len(parts) > 1 else parts[0]


def directional_derivative(expr, wrt, at, direction, find=("slope",)) -> DirectionalDerivative:
    """The derivative of ``expr`` along ``direction`` at ``at`` (values in the order of ``wrt``, or text
    ``"x1 = 0.5, x2 = 0.5"``);
    ``find``: "slope", "second" or both, in order."""
    find = (find,) if isinstance(find, str) else tuple(find)
    unknown = [part for part in find if part not in FINDS]
    if unknown or not find:
        raise ValueError(f"find: expected {' or '.join(FINDS)}, got {', '.join(map(repr, unknown or find))}")
    gradient = gradient_steps(parse_expr_safe(expr) if isinstance(expr, str) else expr, wrt,
                              at=at if isinstance(at, (str, dict)) else list(at))
    p = tuple(exact_number(c) for c in direction)
    if len(p) != len(gradient.variables):
        raise ValueError(f"direction: {len(p)} components for {len(gradient.variables)} variables")
    if all(c == 0 for c in p):
        raise ValueError("direction: the zero vector has no direction")
    if any(v is sp.nan or not v.is_finite for v in gradient.values):
        raise ValueError("at: the gradient is not defined at this point")
    hessian = _hessian(gradient) if "second" in find else None
    return DirectionalDerivative(gradient, p, find, hessian)


@dataclass(frozen=True)
class NewtonStep(RichDisplay):
    """One step of Newton's method at x_k: g_k = ∇F(x_k), A_k = ∇²F(x_k), x_{k+1} = x_k − A_k⁻¹ g_k."""

    gradient: Gradient                 # ∇F derived, at x_k
    hessian: Jacobian                  # ∇²F derived, at x_k
    step_number: int = 1               # k + 1: the step that ends at x_{k+1}

    @property
    def variables(self) -> tuple[sp.Symbol, ...]:
        return self.gradient.variables

    @property
    def expr(self) -> sp.Expr:
        return self.gradient.expr

    @property
    def start(self) -> tuple[sp.Expr, ...]:
        return tuple(value for _, value in self.gradient.point)

    @property
    def g(self) -> sp.Matrix:
        return sp.Matrix(self.gradient.values)

    @property
    def A(self) -> sp.Matrix:
        return sp.Matrix(self.hessian.value)

    @property
    def inverse(self) -> sp.Matrix:
        return self.A.inv()

    @property
    def change(self) -> tuple[sp.Expr, ...]:
        """Δ = −A_k⁻¹ g_k, the solution of A_k Δ = −g_k."""
        return tuple(sp.simplify(c) for c in -(self.inverse * self.g))

    @property
    def result(self) -> tuple[sp.Expr, ...]:
        return tuple(x + d for x, d in zip(self.start, self.change))


@dataclass(frozen=True)
class NewtonRun(RichDisplay):
    """Several Newton steps, each from where the last ended."""

    steps: tuple[NewtonStep, ...]

    @property
    def result(self) -> tuple:
        return self.steps[-1].result


def newton_step(expr, wrt, at, step_number: int = 1) -> NewtonStep:
    """One Newton step on ``expr`` from ``at`` (values in the order of ``wrt``), exactly; a ValueError
    when the Hessian there is singular (the step is undefined) or a value is undefined."""
    gradient = gradient_steps(parse_expr_safe(expr) if isinstance(expr, str) else expr, wrt, at=list(at))
    if any(v is sp.nan or not v.is_finite for v in gradient.values):
        raise ValueError("at: the gradient is not defined at the point")
    hessian = _hessian(gradient)
    if hessian.value.has(sp.nan, sp.zoo, sp.oo) or hessian.value.det() == 0:
        point = ", ".join(str(v) for _, v in gradient.point)
        raise ValueError(f"the Hessian at ({point}) is singular: Newton's step is not defined there")
    return NewtonStep(gradient, hessian, step_number)


def newton_descent(expr, wrt, at, steps: int) -> NewtonRun:
    """``steps`` Newton steps from ``at``, each from where the last ended.

    >>> newton_descent("x^4", "x", [1], 2).result
    (4/9,)
    """
    done: list[NewtonStep] = []
    point = at
    for number in range(1, steps + 1):
        done.append(newton_step(expr, wrt, point, number))
        point = done[-1].result
    return NewtonRun(tuple(done))
