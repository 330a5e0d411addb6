"""Numbers with their digits in groups of three, as symnn's keys print them (10 000 with a narrow no-break space,
10\\,000 in LaTeX) and as a student copies them back: one number, inside a formula too. One case per row."""

from __future__ import annotations

import pytest
import sympy as sp

from symnn.answers.read import read_answer

N = "\u202f"        # the narrow no-break space of a key's 10 000


@pytest.mark.parametrize("typed, value", [
    (f"10{N}000/3", sp.Rational(10000, 3)),                 # copied from a text key, inside a fraction
    (r"10\,000/3", sp.Rational(10000, 3)),                  # copied from a LaTeX key
    (f"100{N}000{N}001/14{N}625", sp.Rational(100000001, 14625)),   # two groups and more
    ("1\u00a0234 + 1", sp.Integer(1235)),                   # a no-break space as a word processor puts it
    (f"(10{N}000, 2)", sp.Tuple(10000, 2)),                 # in a vector, the comma still parts its entries
    ("0,5", sp.Rational(1, 2)),                             # a decimal comma is not a group (no space)
])
def test_grouped_digits_are_one_number(typed, value):
    read = read_answer(typed, decimal_comma="(" not in typed, expected_length=len(value) if isinstance(value, sp.Tuple) else None)
    assert tuple(read.value) == tuple(value) if isinstance(value, sp.Tuple) else read.value == value

