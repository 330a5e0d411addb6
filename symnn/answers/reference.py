"""The teacher's side of a check: the reference, read like an answer (a formula, a vector, a
matrix whose shape is kept), or refused as the caller's error, never turned into a verdict."""

from __future__ import annotations

import sympy as sp

from ..calculus.expressions import as_expr
from ..calculus.parse import ParseError, is_condition
from .read import read_answer


class BadReference(ValueError):
    """The teacher's side cannot be read: the caller's error, not a verdict."""


def reference_shape(reference):
    """(rows, columns) of a reference that is a matrix of several rows and columns, else None."""
    if isinstance(reference, sp.MatrixBase):
        return reference.shape if min(reference.shape) > 1 else None
    if isinstance(reference, str):
        try:
            return read_answer(reference).shape
        except (ParseError, TypeError, RecursionError):
            return None
    return None


def read_reference(reference, matrices: bool = False):
    """(value, decimal places per component): an expression, or a tuple for a vector.
    Text is read like an answer; a vector of one is its entry; ``matrices``: its letters
    are matrices and vectors (it writes a transpose)."""
    if isinstance(reference, sp.MatrixBase):
        reference = tuple(reference)       # row by row, as a student's matrix is read
    try:
        if isinstance(reference, (tuple, list, sp.Tuple)):
            read = [read_reference(r, matrices) for r in reference]
            if any(isinstance(v, tuple) for v, _ in read):
                raise BadReference("a vector's components must be numbers or formulas")
            values, places = tuple(v for v, _ in read), tuple(p[0] for _, p in read)
        elif isinstance(reference, str):
            answer = read_answer(reference, matrices=matrices)
            if answer.restates or answer.is_set:
                raise BadReference(f"the reference is not a value: {reference[:60]!r}")
            values, places = answer.value, answer.decimals
        else:
            values, places = as_expr(reference), (None,)
    except (ParseError, TypeError, RecursionError) as error:
        raise BadReference(f"the reference cannot be read: {error}") from None
    if isinstance(values, tuple) and len(values) == 1:
        values = values[0]                 # one neuron's output is a number, not a vector of one
    for v in values if isinstance(values, tuple) else (values,):
        if not (isinstance(v, sp.Expr) or is_condition(v)):
            raise BadReference("the reference is not a number or a formula, so there is nothing to check against")
    return values, places
