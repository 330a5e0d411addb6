"""Which exact numbers are decimals: a rational whose expansion ends, as a key and its feedback both need to
know before writing 29/10 as 2.9.

>>> terminating(sympy.Rational(29, 10)), terminating(sympy.Rational(1, 3)), terminating(sympy.Integer(4))
(True, False, True)
"""

from __future__ import annotations

import sympy


def terminating(value) -> bool:
    """A rational whose decimal expansion ends (its denominator has no prime but 2 and 5)."""
    if not isinstance(value, sympy.Rational):
        return False
    q = int(value.q)
    for p in (2, 5):
        while q % p == 0:
            q //= p
    return q == 1
