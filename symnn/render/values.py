"""How a number is shown to a reader: exactly when it is short, rounded when it is not.

A teacher writes −162, 0.9 and 1/3 exactly, σ(9) ≈ 0.9999 with its decimal, and a
nested exact value such as (1 − σ(2σ(−3)))σ(2σ(−3)) only as ≈ 0.2494. Decimals are
rounded to a number of places (4 by default, as the course rounds), keeping at least
three significant digits for small numbers (0.00537, not 0.0054); places a problem asks
for are kept as asked (0.20 for "two decimal places"). A rounded value keeps
every place it was rounded to, zeros too (0.9630, not 0.963): one rule for a whole key.
A key's work (its tables and lines) is rounded as the course rounds, four places and at least three
significant digits (0.7216, −0.0559, 0.00537), or to the reader's ``--decimals``; only its answer
follows the places its problem asks for (``render.solutions.key_places``).

>>> import sympy as sp
>>> shown(sp.Integer(-162)), shown(sp.Rational(9, 10)), shown(sp.Rational(1, 3))
((-162, None), (0.9, None), (1/3, 0.3333))
>>> shown(2 * sp.exp(3)), shown(sp.Rational(1, 10**8))
((2*exp(3), 40.1711), (10**(-8), None))
>>> rounded(sp.Float(0.0214695352658111))
0.0215
>>> rounded(sp.Rational(5367, 1000000))
0.00537
>>> rounded(sp.Float(0.75136507000001), 9), rounded(sp.Float(0.0544799), 6), rounded(sp.Float(0.1966), 2)
(0.751365070, 0.054480, 0.20)
>>> shown(sp.Rational(-115924, 10000), 2), shown(sp.Rational(-115924, 10000))
((-11.5924, -11.59), (-11.5924, None))
"""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

import sympy as sp

from ..calculus.decimals import terminating

PLACES = 4            # decimal places of a rounded value, unless a problem or the reader says otherwise
SIGNIFICANT = 3       # ... but never fewer significant digits than this
SHORT = 24            # an exact value of at most this many characters (as SymPy writes it) is worth showing
WORK_DIGITS = 30      # digits of the evaluation a decimal is rounded from
EXACT_DIGITS = 8      # a terminating decimal of at most this many digits is written exactly (−11.5924)


_vanished: ContextVar = ContextVar("vanished", default=None)


@contextmanager
def vanishing():
    """Collect, while an answer is written, each value that the places asked for would show as 0 (0.000968 at
    two places) and that keeps SIGNIFICANT digits instead, so that the key can say so beneath it."""
    found = []
    token = _vanished.set(found)
    try:
        yield found
    finally:
        _vanished.reset(token)


def rounded(value, places: int | None = None) -> sp.Float:
    """``value`` (a real number) rounded to ``places`` decimal places, the places a problem or a reader asks
    for; by default to PLACES, or to SIGNIFICANT digits if that keeps fewer (and so when the places asked
    for would leave nothing but 0)."""
    asked = places is not None
    places = PLACES if places is None else places
    number = _evaluated(value)
    if number == 0:
        return sp.Float(0, 1)
    fixed = number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    magnitude = number.adjusted()               # the exponent of the leading digit
    vanishes = fixed == 0
    if vanishes or not asked and magnitude - (-places) + 1 < SIGNIFICANT:
        fixed = number.quantize(Decimal(1).scaleb(magnitude - SIGNIFICANT + 1), rounding=ROUND_HALF_UP)
    elif _hidden(value, number, fixed):        # 1 − 0.1/√(1 + 10⁻⁸) ≈ 0.9, not ≈ 0.9000, which reads as the exact 0.9
        return _short(fixed.normalize())
    text = format(fixed, "f") if abs(magnitude) < 8 else format(fixed.normalize(), "e")
    digits = len(fixed.normalize().as_tuple().digits) if "e" in text else len(fixed.as_tuple().digits)
    result = sp.Float(text, max(digits, 2) if "e" in text else max(digits, 1))
    if vanishes and asked and _vanished.get() is not None:        # an answer: ≈ 0.00 (9.68·10⁻⁴)
        _vanished.get().append(result)
        return Vanishing(text, places)
    return result


class Vanishing(sp.Float):
    """A value of an answer that the places asked show as 0 (0.000968 at two places): the number kept to
    SIGNIFICANT digits, printed as those places and then the number in powers of ten, ≈ 0.00 (9.68·10⁻⁴),
    the same way in every key (``math``'s printers)."""

    def __new__(cls, text: str, places: int):
        self = super().__new__(cls, text, max(len(Decimal(text).normalize().as_tuple().digits), 1))
        self.places = places
        return self

    def parts(self) -> tuple:
        """(0.00 as text with a point, the mantissa as a Float, the power of ten): (0.00, 9.68, −4)."""
        number = Decimal(str(self)).normalize()
        exponent = number.adjusted()
        mantissa = number.scaleb(-exponent)
        zero = ("-" if number < 0 else "") + "0." + "0" * self.places
        return zero, sp.Float(format(mantissa, "f"), len(mantissa.as_tuple().digits)), exponent


def _short(short: Decimal) -> sp.Float | sp.Integer:
    """The short decimal an exact value is within a trace of ε from, with no zeros after it: ≈ 0.9, as the course
    writes AdaGrad's step (its ≈ says it is not the exact 0.9; 0.9000 would claim four places of an exact 0.9)."""
    text = format(short, "f")
    return sp.Float(text, len(short.as_tuple().digits)) if "." in text else sp.Integer(int(short))     # ≈ 1, not 1.


def _hidden(value, number: Decimal, fixed: Decimal) -> bool:
    """Whether rounding hides that an exact value is not the decimal it rounds to: it differs from it by less
    than the places' unit times 10⁻⁴ (of four places at least: 10⁻⁸), as a term in an ε = 10⁻⁸ makes it, and its
    rounding ends in zeros, so that it (0.9000) reads as the exact 0.9 of another line; such a value is written
    as that short decimal after its ≈. A decimal carried from floating point (a Float) is not: its last
    digits are the arithmetic's noise."""
    gap, unit = abs(number - fixed), min(fixed.as_tuple().exponent, -PLACES)
    exact = isinstance(value, sp.Basic) and not value.has(sp.Float)
    zeros = fixed.normalize().as_tuple().exponent > fixed.as_tuple().exponent        # 0.9000: reads as 0.9
    return exact and zeros and 0 < gap < Decimal(1).scaleb(unit - PLACES) and gap.adjusted() > number.adjusted() - WORK_DIGITS + 4


@lru_cache(maxsize=8192)
def _evaluated(value) -> Decimal:
    """``value`` to WORK_DIGITS digits; a key shows the same exact value in several tables (a network's
    nested sigmoids take milliseconds each), so it is evaluated once."""
    return Decimal(str(sp.N(value, WORK_DIGITS)))


def is_short(value) -> bool:
    """An exact value a reader can take in at a glance (−162, 1/3, σ(9), 2e³, 1 − √2/2), not 90000001/100000001."""
    if isinstance(value, sp.Rational):          # 1/3 and 11/24 at a glance; 2381/4802 or 49/1500 only as decimals
        return abs(value.p) < 10**4 and value.q <= 100
    if value.could_extract_minus_sign():        # −2e/(1 + e)² as short as 2e/(1 + e)²: a sign is no operation to read
        value = -value
    return _nodes_at_most(value, 3 * SHORT) and len(sp.sstr(value)) <= SHORT and sp.count_ops(value) <= 6 \
        and not _compound_fraction(value)


def _compound_fraction(value) -> bool:
    """A fraction with a fraction in its denominator, 1/(1 + 1/(1 + e⁻³)): short to write, but not read at a
    glance; its decimal says more."""
    def reciprocal(node):
        return node.is_Pow and node.exp.is_negative
    return any(reciprocal(node) and any(reciprocal(inner) for inner in sp.preorder_traversal(node.base))
               for node in sp.preorder_traversal(value))


def _nodes_at_most(value, limit: int) -> bool:
    """The expression tree has at most ``limit`` nodes (SymPy writes a node in at least two-thirds of a
    character: −x is Mul(−1, x)), so a longer tree is never SHORT, and is not printed to find out."""
    return all(k < limit for k, _ in enumerate(sp.preorder_traversal(value)))


def shown(value, places: int | None = None):
    """(exact, decimal): what to write of a number; either may be None.

    Integers and terminating decimals are written exactly, alone (a decimal of a
    terminating rational is its exact value), or beside their rounding when they have more
    places than asked (−11.5924 ≈ −11.59 for two places); other short values exactly with
    their rounded decimal beside; long ones only rounded.
    """
    value = sp.sympify(value, strict=True)
    if not value.is_number or value.has(sp.I) and not value.is_real:
        return value, None
    if value.is_Integer:
        return value, None
    power = _power_of_ten(value)
    if power is not None:
        return power, None
    if terminating(value) and -_decimal(value).as_tuple().exponent <= max(places or PLACES, 1) + 1:      # −0.03125 whole, not ≈ −0.0312
        exact = _decimal(value)
        return sp.Float(format(exact, "f"), len(exact.as_tuple().digits)), None
    if terminating(value) and len(_decimal(value).as_tuple().digits) <= EXACT_DIGITS:
        exact = _decimal(value)                 # −11.5924 ≈ −11.59: the exact value, and the places asked
        return sp.Float(format(exact, "f"), len(exact.as_tuple().digits)), rounded(value, places)
    short = _short_in_disguise(value)
    if short is not None:                     # e^a/(e^a + e^a) is 1/2: 0.5, not ≈ 0.5000
        return shown(short, places)
    decimal = rounded(value, places)
    if isinstance(value, sp.Float):           # a decimal carried from an earlier step: ≈ unless nothing was cut
        whole = Decimal(str(value)).normalize()
        if Decimal(str(decimal)).normalize() != whole:
            return None, decimal
        if whole == whole.to_integral_value():
            return sp.Integer(int(whole)), None                  # η = 2, not 2.0000
        return sp.Float(format(whole, "f"), len(whole.as_tuple().digits)), None        # η = 0.1, as given
    return (decimal_arguments(value, places) if is_short(value) else None), decimal


def _short_in_disguise(value):
    """The short decimal an unsimplified exact value equals (e^a/(e^a + e^a) = 1/2, −1/(1/2) = −2), so that it
    is written as that decimal and not rounded as if it were not one; else None. Only a value whose first
    WORK_DIGITS digits are such a decimal is simplified to make sure."""
    if value.is_Rational or value.has(sp.Float) or sp.count_ops(value) > 40:
        return None
    number = _evaluated(value).normalize()
    if number.as_tuple().exponent < -PLACES or len(number.as_tuple().digits) > EXACT_DIGITS:
        return None
    candidate = sp.Rational(str(number))
    return candidate if sp.simplify(value - candidate) == 0 else None


def given_exactly(values) -> bool:
    """Whether numbers a problem gives are exact forms with an irrational among them (θ = π/3, p = (√3/2, 1/2)):
    a line of them is written exactly throughout, 1/2 beside √3/2 and not 0.5, a line's numbers one way."""
    numbers = [sp.sympify(value, strict=True) for value in values]
    return any(n.is_number and not n.is_Rational and not n.has(sp.Float) for n in numbers if isinstance(n, sp.Basic))


def as_written(value, exact: bool, places: int | None = None):
    """A number put into a line: exact where the line is written exactly (1/2), else as shown (0.5, ≈ 0.8660)."""
    written, decimal = shown(value, places)
    if exact and sp.sympify(value, strict=True).is_Rational:
        return sp.sympify(value, strict=True)
    return written if decimal is None or exact and written is not None else decimal


def decimal_arguments(value, places: int | None = None):
    """``value`` with each terminating fraction that is a function's whole argument written as the decimal
    the statement gave: σ(0.3775), ln 0.9, tanh(−0.1), not σ(151/400) (coefficients stay fractions: 4e³/3)."""
    mapping = {}
    for function in value.atoms(sp.Function):
        for arg in function.args:
            if isinstance(arg, sp.Rational) and not arg.is_Integer and terminating(arg) \
                    and -_decimal(arg).as_tuple().exponent <= max(places or PLACES, 1):
                exact = _decimal(arg)
                mapping[arg] = Shown(sp.Symbol("q"), sp.Float(format(exact, "f"), len(exact.as_tuple().digits)))
    return rebuilt(value, mapping) if mapping else value


def _power_of_ten(value):
    """10⁻⁸ for 1/100000000 (a tolerance or a tiny rate, written as people write it), else None."""
    if isinstance(value, sp.Rational) and value.p == 1 and value.q >= 10**5:
        k = len(str(value.q)) - 1
        if value.q == 10**k:
            return sp.Pow(10, -k, evaluate=False)
    return None


def _decimal(value: sp.Rational) -> Decimal:
    """The exact decimal of a terminating rational: 9/10 -> 0.9."""
    return (Decimal(int(value.p)) / Decimal(int(value.q))).normalize()


def _negated(expr) -> bool:
    """−(−4): a minus before a negative number put in."""
    return isinstance(expr, sp.Mul) and len(expr.args) == 2 and expr.args[0] == -1 and isinstance(expr.args[1], Shown) \
        and expr.args[1].number.is_negative


class Shown(sp.Symbol):
    """A symbol of a formula with a number put in its place, printed as that number.

    Its name starts with the symbol's own name, so a formula and the same formula with
    numbers put in list their terms and factors in the same order.
    """

    def __new__(cls, symbol, number):
        self = super().__new__(cls, f"{symbol.name}\x00{sp.srepr(number)}")   # the name fixes the number
        self.number = number
        return self


def condition_written(condition, places: int | None = None):
    """A condition (ε > 1/2, a set of them) with each terminating fraction written as the decimal a value of
    a key is written as (ε > 0.5); other numbers (2, 1/3, √2) as they are."""
    fractions = {number: shown(number, places)[0] for number in condition.atoms(sp.Rational)
                 if not number.is_Integer and terminating(number)}
    return condition.xreplace({number: written for number, written in fractions.items() if isinstance(written, sp.Float)})


def put_in(formula, values: dict, places: int | None = None):
    """``formula`` with each symbol that has a value replaced by that value as shown (exact or rounded). Where a
    problem asks for places, a value its row shows as an exact decimal beside its rounding (−0.11326 ≈ −0.11)
    is put in as that exact decimal, so that the line's result follows from the numbers it shows."""
    asked = places is not None
    mapping = {}
    for symbol in formula.free_symbols:
        if symbol in values:
            exact, decimal = shown(values[symbol], places)
            whole = exact is not None and (exact.is_Rational or asked and exact.is_Float)
            mapping[symbol] = Shown(symbol, exact if decimal is None or whole else decimal)
    return rebuilt(formula, mapping)


def rebuilt(expr, mapping, into_derivatives: bool = False, term: bool = False):
    """``expr`` with ``mapping`` applied and nothing evaluated: 2(o₁ − y) stays 2·(0.5237 − 1), not 1.047 − 2.
    A derivative still to take is left as it is (numbers are not put into it) unless ``into_derivatives``;
    ``term``: ``expr`` is a term of a sum, whose minus is the sum's (1 − (−1)·(−0.4) keeps it)."""
    if expr in mapping:
        return mapping[expr]
    if isinstance(expr, sp.Derivative):
        return expr.xreplace(mapping) if into_derivatives else expr
    if not isinstance(expr, sp.Basic) or not expr.args or getattr(expr, "fixed_text", False):
        return expr             # a plain number of a display object (a determinant's ±1), board.Written's text
    args = [rebuilt(arg, mapping, into_derivatives, isinstance(expr, sp.Add)) for arg in expr.args]
    if isinstance(expr, sp.exp) and _negated(args[0]):      # e^(−y) at y = −4 as e⁴, not e^(−(−4)): no double sign
        args = [Shown(expr.args[0].as_coeff_Mul()[1], -args[0].args[1].number)]
    negative = [k for k, arg in enumerate(args) if isinstance(arg, Shown) and arg.number.is_negative]
    if isinstance(expr, sp.Mul) and not term and sp.S.NegativeOne in args and negative:     # −t·H(…) at t = −1 as 1·H(…), not −(−1)·H(…)
        k = negative[0]
        args[k] = Shown(expr.args[k], -args[k].number)
        args.pop(args.index(sp.S.NegativeOne))
    try:
        return expr.func(*args, evaluate=False)
    except TypeError:
        return expr.func(*args)
