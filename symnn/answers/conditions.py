"""Condition answers (0 < a < 2/7, a ∈ (0, 2/7)) in the wrong shape or with a decimal end: what to say.

A condition is a set of values, so its ends are exact: an end written as a decimal that rounds the exact
end (0.2857 for 2/7) is another set, and not right; the feedback says that the end is right to the
digits shown and asks for its exact form, without showing it. An end that is the exact end up to the
rounding of floating-point arithmetic (0.2857142857142857, as Python prints 2/7) is the exact end, as
a number answer's is (``compare.float_noise``): right, with the exact end said.
"""

from __future__ import annotations

from decimal import Decimal

import sympy as sp

from .compare import NOISE_ULPS, round_to, significant
from .labelled_scalars import decimal_text
from .labels import shown_name
from .verdict import Verdict


def condition_form(ref, say, key: str = "check.condition form") -> str:
    """The sentence saying what a condition's answer looks like, on the problem's variable, where several values
    or a list are written (``key``: where one value is, "check.condition")."""
    return say(key, variable=shown_name(next(iter(ref.free_symbols)).name))


def decimal_places(value) -> int | None:
    """The places of a number that is a decimal (143/500 is 0.286: 3), the fewest that write it: its
    denominator 2^i·5^j divides 10^max(i, j); None for any other number (2/7) and for a whole number."""
    if not (isinstance(value, sp.Rational) and value.q > 1):
        return None
    q, twos, fives = int(value.q), 0, 0
    while q % 2 == 0:
        q, twos = q // 2, twos + 1
    while q % 5 == 0:
        q, fives = q // 5, fives + 1
    return max(twos, fives) if q == 1 else None


def typed(value) -> str:
    """A decimal end as it was typed, every place kept (0.2857, 0.2857142857142857)."""
    return f"{Decimal(int(value.p)) / Decimal(int(value.q)):.{decimal_places(value)}f}"


def _ends(condition):
    """The ends of a condition's set, each (value, open?), from below and from above; None where its set is
    no one interval."""
    try:
        found = condition.as_set()
    except (NotImplementedError, TypeError, ValueError, AttributeError):
        return None
    if not isinstance(found, sp.Interval):
        return None
    return (found.start, found.left_open), (found.end, found.right_open)


def _noise(exact, written) -> bool:
    """``written`` is ``exact`` as a double prints it (``compare.float_noise``'s rule, for an end)."""
    places = decimal_places(written)
    if places is None or exact == 0 or not exact.is_real or significant(places, written) < 15:
        return False
    if sp.Rational(repr(float(written))) != written:
        return False
    value = sp.N(exact, 40)
    return abs(written - value) <= NOISE_ULPS * sp.Rational(2) ** -52 * abs(value)


def decimal_ends(ref, value, say, answer) -> Verdict | None:
    """The verdict on a condition whose set differs from the key's only in ends written as decimals: right
    where each is the exact end up to floating-point rounding (a note gives the exact end), not right where
    one only rounds it (half the credit, as another form of a right value); None otherwise."""
    expected, got = _ends(ref), _ends(value)
    if expected is None or got is None:
        return None
    noise, rounded = [], []
    for (end, open_), (written, written_open) in zip(expected, got):
        if open_ != written_open or end.is_finite != written.is_finite:
            return None
        if end == written:
            continue
        places = decimal_places(written)
        if _noise(end, written):
            noise.append((end, written))
        elif places is not None and round_to(end, places) == written:
            rounded.append(written)
        else:
            return None
    if rounded:
        return Verdict(False, 0.5, (say("check.wrong"), *(say("check.end.rounded", end=typed(end)) for end in rounded)),
                       "form", answer)
    if noise:
        return Verdict(True, 1.0, (say("check.correct"), *(say("check.end.float noise", end=typed(written), exact=decimal_text(end))
                                                           for end, written in noise)), "float noise", answer)
    return None
