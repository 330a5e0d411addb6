"""What a statement asks besides the graded answer, worked by the key (and said in its answer line).

``compare``: "compare it with …". A derivative problem's derivative at another point (``{ at = "x = 0" }``:
σ′(3) against σ′(0)) or another function's derivative by the same variable (``{ expr = "(w*x - y)^2" }``:
∂|wx − y|/∂w against ∂(wx − y)²/∂w); a program's gradients against those of another program at the same
point (``{ steps = [...] }``: a chain of ReLU against a chain of tanh). The key works the other side and
gives the ratio of the answer to it.

``check``: "check that …", equalities ``left = right``. In a derivative problem, formulas in the statement's
names (``p_0 = sigmoid(y_0 - y_1)``, p_0 one of ``names``): the key writes the left side's formula on
the way to the right side, and SymPy must find them equal. In a program, quantities by the names of
``find`` (``df/da1 = x11*a1 + x21*a2``): both sides evaluated at the program's values.

``formulas = true`` (a program): each gradient asked by a variable also as a formula in the variables,
derived from the output written in them (L = −ln(p₁p₂p₃), ∂L/∂p₁ = −1/p₁).

>>> from symnn.problems.solve import solve
>>> [str(c.ratios[0][3].evalf(4)) for c in solve("sigmoid-slow").asked]
['0.1807']
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import sympy as sp

from .bank import BankError


@dataclass(frozen=True)
class Compared:
    """The other side of a comparison, worked, and for each compared quantity (its name in ``find`` or
    None for a derivative problem's one answer, the answer, the other's value, answer/other)."""

    work: object                       # a ValueAt, a Step or a ProgramPass
    ratios: tuple[tuple, ...]


@dataclass(frozen=True)
class Identity:
    """name = its formula = … = the right side: each form equal to the last (SymPy says so)."""

    name: sp.Symbol
    forms: tuple[sp.Expr, ...]


@dataclass(frozen=True)
class Checked:
    """Equalities of a program's quantities: (left name of find, its value, right formula, its value, its text)."""

    rows: tuple[tuple[str, sp.Expr, sp.Expr, sp.Expr, str], ...]
    values: tuple[tuple[sp.Symbol, sp.Expr], ...]        # the program's variables and nodes, for the formulas


@dataclass(frozen=True)
class InInputs:
    """The output written in the variables, and (name of find, formula) for each gradient asked by a variable."""

    output: sp.Symbol
    composed: sp.Expr
    rows: tuple[tuple[str, sp.Expr], ...]


def with_asked(solution):
    """``solution`` with what its statement asks besides the answer (``compare``, ``check``, ``formulas``)."""
    data, kind = solution.problem.data, solution.problem.kind
    asked = []
    if "check" in data:
        asked += _identities(solution) if kind == "derivative" else (_checked(solution),)
    if data.get("formulas"):
        asked.append(_in_inputs(solution.work))
    if "compare" in data:
        asked.append(_compared_derivative(solution) if kind == "derivative" else _compared_program(solution))
    return replace(solution, asked=tuple(asked)) if asked else solution


def _generic(expr):
    """A formula away from its kinks: sign(u)/(2u) simplifies to 1/(2|u|), or 0 where u = 0 — the derivative of
    |u| does not exist there, so the branch at u = 0 is dropped."""
    expr = sp.simplify(expr)
    if isinstance(expr, sp.Piecewise) and expr.args[-1].cond is sp.true and \
            all(isinstance(piece.cond, sp.Eq) for piece in expr.args[:-1]):
        return expr.args[-1].expr
    return expr


def _compared_derivative(solution) -> Compared:
    from ..calculus.differentiate import diff_steps
    from ..calculus.gradient import value_at
    from ..calculus.tidy import in_statement_terms
    problem, spec = solution.problem, solution.problem.data["compare"]
    if "at" in spec:                                    # the same derivative at another point
        if type(solution.work).__name__ != "ValueAt":
            raise BankError(f"problem {problem.id}: compare: at needs the problem's own point (at)")
        other = value_at(solution.work.work, spec["at"])
        value = other.value
    else:                                               # another function's derivative by the same variable
        other = in_statement_terms(diff_steps(spec["expr"], problem.data["wrt"]), problem.statement.get("en") or "")
        value = other.result
    mine = solution.work.value if type(solution.work).__name__ == "ValueAt" else solution.work.result
    return Compared(other, ((None, mine, value, _ratio(mine, value)),))


def _compared_program(solution) -> Compared:
    from ..nn.programs import program_pass
    data, run = solution.problem.data, solution.work
    wanted = [name for name in run.asked if run.part(name)[0] == "gradient"]
    other = program_pass(data["compare"]["steps"], data.get("at", ""), find=wanted)
    return Compared(other, tuple((name, run.value(name), other.value(name), _ratio(run.value(name), other.value(name)))
                                 for name in wanted))


def _ratio(mine, other):
    """mine/other, simplified; None where the other is 0 (a dead ReLU passes no gradient: no ratio to give)."""
    return None if sp.simplify(other) == 0 else _generic(mine / other)


def _identities(solution) -> tuple:
    from ..calculus.equal import equal
    from ..calculus.parse import parse_expr_safe
    problem = solution.problem
    names, found = problem.data.get("names", {}), []
    for text in problem.data["check"]:
        left, _, right = text.partition("=")
        if left.strip() not in names:
            raise BankError(f"problem {problem.id}: check: {left.strip()!r} is not one of names")
        formula, right = parse_expr_safe(names[left.strip()]), parse_expr_safe(right)
        if not equal(formula, right):
            raise BankError(f"problem {problem.id}: check: {text!r} does not hold")
        found.append(Identity(sp.Symbol(left.strip(), real=True), (formula, *_divided(formula), right)))
    return tuple(found)


def _divided(formula) -> tuple:
    """A fraction N/D with the numerator and the denominator divided by N, 1/(D/N), when D/N expands to
    terms of its own (e^{y₀}/(e^{y₀} + e^{y₁}) = 1/(1 + e^{y₁ − y₀})); nothing otherwise."""
    numerator, denominator = sp.fraction(formula)
    if numerator.is_number or not denominator.is_Add:
        return ()
    divided = sp.Add(*(sp.powsimp(sp.expand_power_exp(term / numerator)) for term in denominator.args))
    return (1 / divided,) if divided.is_Add and sp.count_ops(divided) <= sp.count_ops(denominator) else ()


def _checked(solution) -> Checked:
    from ..calculus.parse import parse_expr_safe
    run, rows = solution.work, []
    values = {symbol: value for symbol, value in run.run.values}
    for text in solution.problem.data["check"]:
        left, _, right = text.partition("=")
        formula = parse_expr_safe(right)
        formula = formula.xreplace({s: run.symbol(s.name) for s in formula.free_symbols})
        rows.append((left.strip(), run.value(left.strip()), formula, sp.simplify(formula.xreplace(values)), right.strip()))
        if sp.simplify(rows[-1][1] - rows[-1][3]) != 0:
            raise BankError(f"problem {solution.problem.id}: check: {text!r} does not hold")
    return Checked(tuple(rows), run.run.values)


def _in_inputs(run) -> InInputs:
    composed = {}
    for name, expr in run.steps:                 # each node written in the variables
        composed[name] = expr.xreplace(composed)
    output = composed[run.output]
    rows = tuple((name, sp.simplify(sp.diff(output, run.part(name)[2]))) for name in run.asked
                 if run.part(name)[0] == "gradient" and run.part(name)[2] not in composed)
    return InInputs(run.output, output, rows)
