"""Vector calculus at a point: ∇(xᵀAx + bᵀx), Jacobians, total derivatives, iterated maps.

Each result keeps the pieces a teacher writes on the board: the index form of the gradient
and the matrix formula (A + Aᵀ)x + b; the Jacobian's entries ∂fᵢ/∂xⱼ; the chain rule
df/dt = Σ ∂f/∂xᵢ · dxᵢ/dt; the derivative of the n-th iterate as the product of g′ at the
iterates. Every answer is also computed by ``sympy.diff`` of the whole function and the two
must agree (a ValueError says which differs).

>>> quadratic_gradient([[1, 2], [0, 3]], [1, -1], [1, 2]).answer
(7, 13)
>>> iterated_map("x^2 + 1", "x", 4, 1).answer
4160
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy as sp

from ..calculus.display import RichDisplay
from ..calculus.expressions import simplified_as_written
from ..calculus.gradient import exact_number
from ..calculus.parse import ParseError, parse_expr_safe, parse_point, parse_symbols
from .linalg import Cofactors, cofactors


def _agrees(derived, oracle, what: str):
    """``derived`` when it is ``oracle`` as a function (the one equality engine: sin 2t and 2 sin t cos t
    agree even where simplify cannot show it), else a ValueError."""
    from ..calculus.equal import equal
    pairs = zip(sp.Matrix(derived), sp.Matrix(oracle))
    if not all(sp.simplify(d - o) == 0 or equal(d, o) for d, o in pairs):
        raise ValueError(f"{what}: the derivation and sympy.diff differ")
    return derived


@dataclass(frozen=True)
class QuadraticGradient(RichDisplay):
    """∇f for f(x) = xᵀAx + bᵀx at x: index form, matrix form, and the value."""

    A: sp.Matrix
    b: sp.Matrix
    variables: tuple[sp.Symbol, ...]        # x1, …, xn
    point: tuple[sp.Expr, ...]
    expr: sp.Expr                           # f written out in x1, …, xn
    partials: tuple[sp.Expr, ...]           # ∂f/∂x_k = Σ_j (a_kj + a_jk) x_j + b_k, in the variables
    answer: tuple[sp.Expr, ...]

    @property
    def symmetric_part(self) -> sp.Matrix:
        return self.A + self.A.T


def quadratic_gradient(A, b, at) -> QuadraticGradient:
    """∇(xᵀAx + bᵀx) at ``at``; ``b`` may be None (no linear term)."""
    A = sp.Matrix([[exact_number(v) for v in row] for row in A])
    n = A.rows
    if A.cols != n:
        raise ValueError(f"the matrix must be square, it is {A.rows}×{A.cols}")
    b = sp.zeros(n, 1) if b is None else sp.Matrix([exact_number(v) for v in b])
    point = tuple(exact_number(v) for v in at)
    if b.rows != n or len(point) != n:
        raise ValueError(f"the matrix is {n}×{n}, so the vector and the point need {n} numbers")
    x = sp.Matrix(sp.symbols(f"x1:{n + 1}", real=True))
    expr = sp.expand((x.T * A * x)[0] + (b.T * x)[0])
    # index form: ∂/∂x_k Σ_ij a_ij x_i x_j = Σ_j a_kj x_j + Σ_i a_ik x_i
    partials = tuple(sum((A[k, j] + A[j, k]) * x[j] for j in range(n)) + b[k] for k in range(n))
    at_point = dict(zip(x, point))
    answer = tuple(p.xreplace(at_point) for p in partials)
    matrix_form = (A + A.T) * sp.Matrix(point) + b
    _agrees(answer, matrix_form, "(A + Aᵀ)x + b")
    _agrees(answer, [sp.diff(expr, v).xreplace(at_point) for v in x], "∇f")
    return QuadraticGradient(A, b, tuple(x), point, expr, partials, answer)


@dataclass(frozen=True)
class ResidualGradient(RichDisplay):
    """∇f for f(x) = c‖Ax − b‖² (c = 1, or ½ as in least squares): ∇f = 2c·Aᵀ(Ax − b) = 2c(AᵀAx − Aᵀb) in x,
    and at a point, if one is given, through the residual r = Ax − b."""

    A: sp.Matrix
    b: sp.Matrix
    variables: tuple[sp.Symbol, ...]
    point: tuple[sp.Expr, ...]              # () without a point
    expr: sp.Expr                           # f written out in x1, …, xn
    residual: tuple[sp.Expr, ...]           # r_i = Σ_j a_ij x_j − b_i at the point
    values: tuple[sp.Expr, ...] | None      # ∂f/∂x_k = 2c Σ_i a_ik r_i at the point
    scale: sp.Expr = sp.Integer(1)
    gradient: tuple[sp.Expr, ...] = ()      # ∇f in x1, …, xn
    asked: tuple[str, ...] = ()             # the parts a problem asks (residual, formula, …); () for all

    @property
    def answer(self) -> tuple[sp.Expr, ...]:
        return self.gradient if self.values is None else self.values


def residual_gradient(A, b, at=None, scale=1) -> ResidualGradient:
    """∇(c‖Ax − b‖²), for any m×n matrix A, in x and at ``at`` if given."""
    A = sp.Matrix([[exact_number(v) for v in row] for row in A])
    b = sp.Matrix([exact_number(v) for v in b])
    try:
        c = exact_number(scale)
    except (ParseError, ValueError, TypeError):
        c = None
    if c is None or not c.is_positive:
        raise ValueError(f"scale: expected a positive number, got {scale!r}")
    if b.rows != A.rows or (at is not None and len(at) != A.cols):
        raise ValueError(f"the matrix is {A.rows}×{A.cols}, so b needs {A.rows} numbers and x {A.cols}")
    x = sp.Matrix(sp.symbols(f"x1:{A.cols + 1}", real=True))
    expr = sp.expand(c * sum(ri**2 for ri in A * x - b))
    # ∂/∂x_k c Σ_i r_i² = 2c Σ_i r_i ∂r_i/∂x_k = 2c Σ_i a_ik r_i, that is 2c·Aᵀ(Ax − b) = 2c(AᵀAx − Aᵀb)
    gradient = tuple(sp.expand(2 * c * v) for v in A.T * A * x - A.T * b)
    _agrees(gradient, [sp.diff(expr, v) for v in x], "2c·Aᵀ(Ax − b)")
    if at is None:
        return ResidualGradient(A, b, tuple(x), (), expr, (), None, c, gradient)
    point = tuple(exact_number(v) for v in at)
    residual = tuple(A * sp.Matrix(point) - b)
    values = tuple(2 * c * sum(A[i, k] * residual[i] for i in range(A.rows)) for k in range(A.cols))
    _agrees(values, [g.xreplace(dict(zip(x, point))) for g in gradient], "∇f at the point")
    return ResidualGradient(A, b, tuple(x), point, expr, residual, values, c, gradient)


@dataclass(frozen=True)
class Jacobian(RichDisplay):
    """J_ij = ∂f_i/∂x_j of a vector function, and its value at a point if one is given; with ``find``
    "determinant", det J as well (∂(x, y)/∂(r, θ) = r of a change of variables), by cofactors."""

    functions: tuple[sp.Expr, ...]
    variables: tuple[sp.Symbol, ...]
    matrix: sp.Matrix
    point: tuple[tuple[sp.Symbol, sp.Expr], ...]
    value: sp.Matrix | None
    steps: tuple = ()                        # the derivation (a Step) of every entry, row by row
    determinant: Cofactors | None = None     # det J, expanded along a row
    determinant_value: sp.Expr | None = None  # det J at the point

    @property
    def answer(self):
        if self.determinant is not None:
            return self.determinant.value if self.determinant_value is None else self.determinant_value
        return self.matrix if self.value is None else self.value


FINDS = ("matrix", "determinant")


def jacobian(functions, wrt, at=None, find: str = "matrix") -> Jacobian:
    if find not in FINDS:
        raise ValueError(f"find: {find!r} is not one of {', '.join(FINDS)}")
    functions = tuple(parse_expr_safe(f) if isinstance(f, str) else f for f in functions)
    variables = tuple(parse_symbols(wrt) if isinstance(wrt, str) else wrt)
    from ..calculus.differentiate import diff_steps
    steps = tuple(tuple(diff_steps(f, v) for v in variables) for f in functions)
    matrix = sp.Matrix([[sp.simplify(step.result) for step in row] for row in steps])
    _agrees(matrix, sp.Matrix(functions).jacobian(variables), "J")
    determinant = None
    if find == "determinant":
        if matrix.rows != matrix.cols:
            raise ValueError(f"find: a determinant needs as many functions as variables, not {matrix.rows} and "
                             f"{matrix.cols}")
        determinant = cofactors(matrix)
    if at is None:
        return Jacobian(functions, variables, matrix, (), None, steps, determinant)
    point = parse_point(at) if isinstance(at, str) else dict(at)
    missing = [str(v) for v in variables if v not in point]
    if missing:
        raise ValueError(f"the point gives no value for {', '.join(missing)}")
    value = sp.Matrix(matrix.shape[0], matrix.shape[1], lambda i, j: sp.simplify(matrix[i, j].xreplace(point)))
    at_point = None if determinant is None else _agrees([sp.simplify(determinant.value.xreplace(point))],
                                                       [value.det()], "det J")[0]
    given = (*variables, *(name for name in point if name not in variables))     # the variables, then the constants given
    return Jacobian(functions, variables, matrix, tuple((v, point[v]) for v in given), value, steps, determinant, at_point)


@dataclass(frozen=True)
class TotalDerivative(RichDisplay):
    """df/dt = Σ ∂f/∂x_i · dx_i/dt for f(x1(t), …, xn(t)), and its value at t if given.

    The partial derivatives stay in x, y, … as the textbook writes them (Stewart: ∂z/∂x = 2xy + 3y⁴);
    at a point the inner variables are found first (x = sin 0 = 0, y = cos 0 = 1) and put into the
    chain rule's form, so the key shows (2·0·1 + 3·1⁴)·2cos 0 + … before its value."""

    expr: sp.Expr
    wrt: sp.Symbol
    inner: tuple[tuple[sp.Symbol, sp.Expr], ...]          # x_i = x_i(t)
    terms: tuple[tuple[sp.Expr, sp.Expr], ...]            # (∂f/∂x_i in x, y, …, dx_i/dt)
    derivative: sp.Expr                                   # the sum, in t
    point: tuple[tuple[sp.Symbol, sp.Expr], ...]
    value: sp.Expr | None
    partial: bool = False                                 # ∂f/∂s: the inner functions have more variables
    at_inner: tuple[tuple[sp.Symbol, sp.Expr], ...] = ()  # x_i at the point: x = sin 0 = 0

    @property
    def answer(self) -> sp.Expr:
        return self.derivative if self.value is None else self.value


@dataclass(frozen=True)
class ChainGradient(RichDisplay):
    """(∂f/∂s, ∂f/∂t) of f(x(s, t), y(s, t)): the chain rule once for every outer variable."""

    parts: tuple[TotalDerivative, ...]

    @property
    def answer(self) -> tuple:
        return tuple(part.answer for part in self.parts)


def chain_gradient(expr, inner: dict, wrt, at=None):
    """df/dt for one variable in ``wrt`` (a TotalDerivative), the gradient by each for several."""
    variables = parse_symbols(wrt) if isinstance(wrt, str) else list(wrt)
    if len(variables) == 1:
        return total_derivative(expr, inner, variables[0], at)
    return ChainGradient(tuple(total_derivative(expr, inner, t, at, partial=True) for t in variables))


def total_derivative(expr, inner: dict, wrt, at=None, partial: bool = False) -> TotalDerivative:
    """``expr`` in the names of ``inner`` (name -> formula in ``wrt``), differentiated along ``wrt``."""
    f = parse_expr_safe(expr) if isinstance(expr, str) else expr
    (t,) = parse_symbols(wrt) if isinstance(wrt, str) else (wrt,)
    paths = tuple((parse_symbols(str(name))[0], parse_expr_safe(formula) if isinstance(formula, str) else formula)
                  for name, formula in inner.items())
    if t in f.free_symbols and t not in dict(paths):     # f(x(t), y(t), t): t is a path of its own, dt/dt = 1
        paths += ((t, t),)
    along = dict(paths)
    # x = rseᵗ, y = rs²e⁻ᵗ: the inner functions have other variables too, so ∂u/∂s is a partial derivative
    partial = partial or any(xt.free_symbols - {t} for _, xt in paths)
    terms = tuple((sp.diff(f, x), sp.diff(xt, t)) for x, xt in paths)       # ∂f/∂x stays in x, y, …
    derivative = simplified_as_written(sum(df.xreplace(along) * dx for df, dx in terms))    # no sin 2t for 2 sin t cos t
    _agrees([derivative], [sp.diff(f.xreplace(along), t)], "df/dt")
    if at is None:
        return TotalDerivative(f, t, paths, terms, derivative, (), None, partial)
    point = parse_point(at) if isinstance(at, str) else {t: exact_number(at)}
    missing = [str(v) for v in derivative.free_symbols | {t} if v not in point]
    if missing:
        raise ValueError(f"the point gives no value for {', '.join(sorted(missing))}")
    at_inner = tuple((x, sp.simplify(xt.xreplace(point))) for x, xt in paths if x not in point)
    # the chain rule's form at the point: the inner variables' values in ∂f/∂x, the point in dx/dt
    known = {**dict(at_inner), **point}
    value = sp.simplify(sum(df.xreplace(known) * dx.xreplace(point) for df, dx in terms))
    _agrees([value], [derivative.xreplace(point)], "df/dt at the point")
    return TotalDerivative(f, t, paths, terms, derivative, tuple(point.items()), value, partial, at_inner)


@dataclass(frozen=True)
class IteratedMap(RichDisplay):
    """(gⁿ)′(x₀) = g′(x₀)·g′(x₁)·…·g′(x_{n−1}), where x_{k+1} = g(x_k)."""

    map: sp.Expr
    var: sp.Symbol
    n: int
    derivative: sp.Expr                                   # g′
    rows: tuple[tuple[int, sp.Expr, sp.Expr], ...]        # (k, x_k, g′(x_k)) for k < n
    last: sp.Expr                                         # x_n = gⁿ(x₀)
    answer: sp.Expr


MAX_ITERATES = 12


def iterated_map(g, var, n: int, at) -> IteratedMap:
    g = parse_expr_safe(g) if isinstance(g, str) else g
    (x,) = parse_symbols(var) if isinstance(var, str) else (var,)
    if not 1 <= n <= MAX_ITERATES:
        raise ValueError(f"n must be between 1 and {MAX_ITERATES}, not {n}")
    dg = sp.diff(g, x)
    rows, current = [], exact_number(at)
    for k in range(n):                                    # chain rule through the iterates
        rows.append((k, current, sp.simplify(dg.xreplace({x: current}))))
        current = sp.simplify(g.xreplace({x: current}))
    answer = sp.simplify(sp.Mul(*(slope for *_, slope in rows)))
    if n <= 6:                                            # the composed function is still small enough
        composed = x
        for _ in range(n):
            composed = g.xreplace({x: composed})
        _agrees([answer], [sp.diff(composed, x).xreplace({x: exact_number(at)})], "(gⁿ)′")
    return IteratedMap(g, x, n, dg, tuple(rows), current, answer)


class Between(sp.And):
    """lo < a < hi as one condition, written as people write it (SymPy writes (lo < a) & (a < hi))."""

    def _parts(self):
        interval = self.as_set()
        (var,) = self.free_symbols
        return (interval.start, "<" if interval.left_open else "<=", var,
                "<" if interval.right_open else "<=", interval.end)

    def _sympystr(self, printer):
        return " ".join(p if isinstance(p, str) else printer._print(p) for p in self._parts())

    def _latex(self, printer):
        ops = {"<": "<", "<=": r"\leq"}
        return " ".join(ops[p] if isinstance(p, str) else printer._print(p) for p in self._parts())


class Either(sp.Or):
    """x < −1 or x > 1: the pieces of a union in increasing order, joined by a word the checker reads."""

    def _pieces(self):
        return sorted(self.args, key=lambda piece: piece.as_set().inf)

    def _sympystr(self, printer):
        word = " или " if printer._settings.get("lang") == "ru" else " or "
        return word.join(printer._print(piece) for piece in self._pieces())

    def _latex(self, printer):
        word = r"\text{ или }" if printer._settings.get("decimal_separator") == "comma" else r"\text{ or }"
        return word.join(printer._print(piece) for piece in self._pieces())


def as_condition(values: sp.Set, var: sp.Symbol):
    """The set of values of ``var`` as a condition: 0 < a < 2 for (0, 2), a > 1 for (1, ∞),
    x < −1 or x > 1 for a union."""
    if isinstance(values, sp.Union):
        return Either(*(as_condition(part, var) for part in values.args))
    if isinstance(values, sp.Interval) and values.start.is_finite and values.end.is_finite:
        return Between(*values.as_relational(var).args)
    if isinstance(values, sp.Interval) and values.start.is_finite:          # x > 1, the variable first
        return (sp.Gt if values.left_open else sp.Ge)(var, values.start)
    if isinstance(values, sp.Interval) and values.end.is_finite:
        return (sp.Lt if values.right_open else sp.Le)(var, values.end)
    return values.as_relational(var)


@dataclass(frozen=True)
class ConditionSolution(RichDisplay):
    """The values of one variable for which a condition holds: a set, and the condition it is. Several
    conditions that must all hold: each with its own set (``parts``), the answer their intersection."""

    condition: sp.Basic                                    # one comparison, or all of them (And)
    var: sp.Symbol
    solution_set: sp.Set
    answer: sp.Basic                                       # the set as a condition: 0 < a < 2
    parts: tuple = ()                                      # (comparison, its set) each, when there are several
    written: tuple = ()                                    # each comparison as its text writes it: |1 − a| < 1
    work: tuple = ()                                       # condition_terms.Worked rows: the named quantities worked out
    numeric: tuple = ()                                    # the comparisons with those quantities' values put in


def _comparisons(condition) -> list:
    """The comparisons a condition holds: one text, a list of them, or texts joined by ``and``."""
    texts = condition if isinstance(condition, (list, tuple)) else [condition]
    relations = [parse_expr_safe(text) if isinstance(text, str) else text for text in texts]
    relations = [part for relation in relations for part in (relation.args if isinstance(relation, sp.And) else
                                                            (relation,))]
    if not relations or not all(isinstance(r, sp.core.relational.Relational) and not isinstance(r, sp.Eq | sp.Ne)
                                for r in relations):
        raise ValueError("expected comparisons such as abs(1 - a) < 1 (several as a list, or joined by and)")
    return relations


def _as_written(condition) -> tuple:
    """Each comparison exactly as the text writes it, for the key: |1 − a| < 1 (SymPy makes it |a − 1|);
    () when the texts do not read one to one as the comparisons."""
    texts = condition if isinstance(condition, (list, tuple)) else [condition]
    if not all(isinstance(text, str) and " and " not in text for text in texts):
        return ()
    try:
        with sp.evaluate(False):
            return tuple(parse_expr_safe(text) for text in texts)
    except ValueError:
        return ()


def _values(relation, a) -> sp.Set:
    """The values of ``a`` for which one comparison holds, by ``sympy.solveset``."""
    if relation.free_symbols != {a}:
        raise ValueError(f"the condition must depend on {a} alone")
    solution_set = sp.solveset(relation, a, sp.S.Reals)
    if isinstance(solution_set, sp.ConditionSet):
        raise ValueError("sympy cannot solve the condition")
    return solution_set


def solve_condition(condition, var) -> ConditionSolution:
    """``"abs(1 - a) < 1"`` for a -> the interval (0, 2) and the condition 0 < a < 2; a list of conditions
    (or conditions joined by ``and``) -> the values for which all hold, the intersection of their sets."""
    relations = _comparisons(condition)
    (a,) = parse_symbols(var) if isinstance(var, str) else (var,)
    parts = tuple((relation, _values(relation, a)) for relation in relations)
    solution_set = sp.Intersection(*(values for _, values in parts))
    # sympy.reduce_inequalities, an independent route, must give the same set
    other = sp.reduce_inequalities(relations, a).as_set()
    if other != solution_set:
        raise ValueError("the condition's two solutions differ")
    if solution_set.is_empty:
        raise ValueError(f"no {a} satisfies every condition")
    whole = relations[0] if len(relations) == 1 else sp.And(*relations, evaluate=False)
    written = _as_written(condition)        # kept where it is no longer than SymPy's (a sum of numbers is worked out)
    written = tuple(w if sp.count_ops(w) <= sp.count_ops(r) else r for w, r in zip(written, relations)) \
        if len(written) == len(relations) else ()
    return ConditionSolution(whole, a, solution_set, as_condition(solution_set, a), parts if len(parts) > 1 else (), written)
