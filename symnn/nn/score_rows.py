"""The data of a loss on raw class scores (svm, softmax-ce) checked without SymPy, so that a bank file is
checked when it is read: one-hot rows of targets, rows of scores of one length, a positive margin Δ.

>>> score_rows_errors([[1, 0], [0, 1, 1]], [[2, 1], [0.5, 3]])
['y: row 2 has 3 entries, row 1 has 2 (one per class)']
>>> score_rows_errors([[1, 0, 0], [0, 1, 1]], [[2, 1, 0], [0.5, 3, 1]])
['y: row 2 is not one-hot (exactly one 1, the correct class, and 0 elsewhere): [0, 1, 1]']
>>> margin_error("1/2"), margin_error(0)
(None, 'margin: the margin Δ is a positive number, got 0')
"""

from __future__ import annotations

from fractions import Fraction
from numbers import Real


def score_rows_errors(y, pred, one_hot: bool = True) -> list[str]:
    """What is wrong with one-hot rows ``y`` and rows of scores ``pred`` (one row per example), each message
    naming its field; empty when nothing is. ``one_hot`` False: the rows' lengths only (ce's probabilities)."""
    for field, rows in (("y", y), ("pred", pred)):
        if not isinstance(rows, list) or not rows or not all(isinstance(row, list) and row for row in rows):
            return [f"{field}: expected rows of numbers, one row per example"]
    if len(y) != len(pred):
        return [f"pred: {len(pred)} rows of scores for {len(y)} rows of y (one row per example)"]
    errors = [f"{field}: row {k} has {len(row)} entries, row 1 has {len(rows[0])} (one per class)"
              for field, rows in (("y", y), ("pred", pred)) for k, row in enumerate(rows[1:], 2) if len(row) != len(rows[0])]
    if not errors and len(y[0]) != len(pred[0]):
        errors.append(f"pred: {len(pred[0])} scores in a row, but y has {len(y[0])} classes")
    if not errors and len(y[0]) < 2:
        errors.append("y: a loss on scores compares two classes or more")
    if errors or not one_hot:
        return errors
    return [f"y: row {k} is not one-hot (exactly one 1, the correct class, and 0 elsewhere): {row}"
               for k, row in enumerate(y, 1) if sorted(row) != [0] * (len(row) - 1) + [1]]
    return errors


def margin_error(margin) -> str | None:
    """Why ``margin`` is no positive number (a number, or text such as "1/2"), else None."""
    try:
        value = Fraction(margin.strip()) if isinstance(margin, str) else \
            Fraction(margin) if isinstance(margin, Real) and not isinstance(margin, bool) else None
    except (ValueError, ZeroDivisionError):
        value = None
    return None if value is not None and value > 0 else f"margin: the margin Δ is a positive number, got {margin!r}"
