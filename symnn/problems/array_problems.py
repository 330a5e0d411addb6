"""The bank's NumPy questions (kind ``array``): named arrays, an expression over them, and the exact result.

The expression is never evaluated as Python: ``numerics.array_syntax`` reads it with ``ast`` against a
whitelist and ``numerics.arrays`` interprets it with NumPy. The answer is what NumPy gives — a matrix,
a vector, a number, a shape — written exactly (1.6 as 8/5), or, for a question whose point is that
NumPy refuses the operation, the word ``error``.

>>> from symnn.problems.solve import solve
>>> solve("np-axis-max-0").answer
(5, 6)
"""

from __future__ import annotations

import ast
from dataclasses import dataclass

from ..calculus.display import RichDisplay
from .bank import BankError, Problem

FAILS = "error"          # the answer of a question whose operation NumPy refuses


@dataclass(frozen=True)
class ArrayRun(RichDisplay):
    """A NumPy question run: the arrays (name, how the file gives it, value), the expression, the outcome
    (``numerics.arrays.Outcome``) and what the answer is: matrix, vector, number, numbers, shape or failure."""

    arrays: tuple
    expr: str
    outcome: object
    answer_kind: str

    @property
    def value(self):
        return self.outcome.value


def array_errors(entry: dict) -> list[str]:
    """What is wrong with an ``array`` problem's ``arrays`` and ``expr``, read without running them (no NumPy)."""
    from ..numerics.array_syntax import ArraySyntaxError, parsed
    names, errors = [], []
    for name, given in entry.get("arrays", {}).items():
        if not name.isidentifier() or name.startswith("_") or name == "np":
            errors.append(f"arrays: {name!r} cannot name an array (a name such as a, data, W)")
        elif isinstance(given, str):
            try:
                parsed(given, names)
            except ArraySyntaxError as error:
                errors.append(f"arrays: {name}: {error}")
        elif not isinstance(given, list):
            errors.append(f"arrays: {name}: expected rows of numbers or a NumPy call as text, got {type(given).__name__}")
        names.append(name)
    try:
        parsed(entry["expr"], names)
    except ArraySyntaxError as error:
        errors.append(f"expr: {error}")
    return errors


def asks_shape(problem: Problem) -> bool:
    """The expression ends in ``.shape``: its answer is a shape, which may be written 3×2."""
    try:
        body = ast.parse(problem.data["expr"].strip(), mode="eval").body
    except SyntaxError:
        return False
    return isinstance(body, ast.Attribute) and body.attr == "shape"


def solve_array(problem: Problem):
    """``arrays`` and ``expr``: the expression run on the arrays; the answer its exact value."""
    from ..numerics.arrays import ArrayError, Failure, define, run
    from .solve import Solution
    data = problem.data
    given = data.get("arrays", {})
    try:
        arrays = define(given)
    except ArrayError as error:
        raise BankError(f"problem {problem.id}: arrays: {error}") from None
    try:
        outcome = run(data["expr"], arrays)
    except ArrayError as error:
        raise BankError(f"problem {problem.id}: expr: {error}") from None
    listed = tuple((name, text if isinstance(text, str) else None, arrays[name]) for name, text in given.items())
    if isinstance(outcome.value, Failure):
        import sympy as sp
        return Solution(problem, ArrayRun(listed, data["expr"], outcome, "failure"), sp.Symbol(FAILS))
    try:
        kind, answer = exact(outcome.value, asks_shape(problem))
    except ValueError as error:
        raise BankError(f"problem {problem.id}: expr: {error}") from None
    return Solution(problem, ArrayRun(listed, data["expr"], outcome, kind), answer)


def exact(value, shape: bool = False):
    """(what it is, the SymPy value) of a NumPy result: a number, a vector (tuple), a matrix, or a shape."""
    import numpy as np
    import sympy as sp
    if isinstance(value, tuple):
        if not all(np.ndim(v) == 0 for v in value):
            raise ValueError("a tuple of arrays is not an answer; ask for one array at a time")
        return ("shape" if shape else "numbers"), tuple(number(v) for v in value)
    array = np.asarray(value)
    if array.ndim == 0:
        return "number", number(array[()])
    if array.ndim == 1:
        return "vector", tuple(number(v) for v in array)
    if array.ndim == 2:
        return "matrix", sp.ImmutableMatrix([[number(v) for v in row] for row in array])
    raise ValueError(f"the result has {array.ndim} axes; ask for its .shape, or a slice of at most two axes")


def number(value):
    """A NumPy number exactly: integers as integers, a float by the decimal NumPy prints (1.6 is 8/5);
    a float that needs all its digits (e^1) stays a 15-digit decimal."""
    import numpy as np
    import sympy as sp
    if isinstance(value, (bool, np.bool_)):
        raise ValueError("the result is true or false, not a number")
    if isinstance(value, (int, np.integer)):
        return sp.Integer(int(value))
    value = float(value)
    if not np.isfinite(value):
        raise ValueError(f"the result {value} is not a finite number")
    if value.is_integer():
        return sp.Integer(int(value))
    short = repr(round(value, 10))
    if len(short.replace("-", "").replace(".", "").lstrip("0")) <= 10 and float(short) == round(value, 10) \
            and abs(value - float(short)) < 1e-12 * max(1.0, abs(value)):
        return sp.Rational(short)
    return sp.Float(value, 15)
