r"""Numbers as people type them, read exactly: decimals with the places typed (their rounding is
what is checked), a decimal comma, scientific notation in its spellings, a percent, repeating
decimals 0.(3) and decimals that go on, 0.333….

>>> typed_number("0.9526"), typed_number("1.5*10^(-3)"), typed_number("0.1(6)"), typed_number("0.333…")
((4763/5000, 4), (3/2000, 4), (1/6, None), (1/3, None))
>>> decimal_commas("max(0,5; 1,5) + max(0, 5) + 0,5")
'max(0.5; 1.5) + max(0, 5) + 0.5'
"""

from __future__ import annotations

import re

import sympy as sp

from ..calculus.parse import ParseError
from .characters import TWINS

NUMBER = re.compile(r"[+-]?(\d+(?:\.\d*)?|\.\d+)(?:[eE]([+-]?\d+))?(%?)")


SCIENTIFIC = re.compile(r"([+-]?\d+(?:\.\d*)?)\s*\*\s*10\s*(?:\*\*|\^)\s*\(?\s*([+-]?\d+)\s*\)?")


REPEATING = re.compile(r"(?<![\w.])(\d+)\.(\d*)\((\d+)\)")            # 0.(3), 0.1(6)


CONTINUED = re.compile(r"([+-]?\d+\.\d*?(\d))(\2?)(?:…|\.\.\.)")             # 0.333…, 3.14159...


MULTI_ARGUMENT = ("max", "min", "log", "Max", "Min")


# units a number may be followed by (SI and a few more, Latin and Russian), with their prefixes
UNIT_NAMES = ("m", "s", "g", "K", "A", "mol", "cd", "Hz", "N", "Pa", "J", "W", "C", "V", "L", "l", "min", "h", "rad",
              "eV", "bar", "atm", "Ohm", "Ω", "м", "с", "г", "К", "А", "моль", "Гц", "Н", "Па", "Дж", "Вт", "Кл", "В",
              "л", "мин", "ч", "рад", "Ом", "эВ", "бар", "атм",
              "nat", "nats", "bit", "bits", "нат", "бит", "бита")      # a loss in information units
UNIT_PREFIXES = ("k", "M", "G", "m", "µ", "μ", "c", "d", "n", "к", "М", "Г", "м", "мк", "с", "д", "н", "")
_UNIT = "(?:" + "|".join(sorted({re.escape(p + n) for p in UNIT_PREFIXES for n in UNIT_NAMES}, key=len, reverse=True)) + \
    r")(?:\^\s*\{?\s*-?\d\s*\}?|[²³])?"
_UNITS = rf"{_UNIT}(?:\s*(?:/|\*|·|⋅|\\cdot)\s*{_UNIT})*(?![\w])"
UNITS = re.compile(r"((?:^|[=(\[,;≈~{$]|\\approx)\s*[-+−]?\d+(?:[.,]\d+|\.)?(?:[eE][-+−]?\d+)?(?:\s*(?:\*|·|×|\\cdot|\\times)\s*10\s*\^\s*"
                   r"\{?\s*[-+−]?\d+\s*\}?)?)(?:\s|\\[,;:! ]|~)*"
                   rf"(?:\\(?:text|mathrm|textrm|rm|mbox)\s*\{{\s*({_UNITS})\s*\}}|({_UNITS}))"
                   r"(?=\s*(?:$|[,;)\]}=$]|\\right|\\\\))")


def units_apart(text: str, known=()) -> tuple[str, tuple[str, ...]]:
    """A number's units set aside (−0.042 kPa/s, 9.8\\,\\text{m/s^2}, 3 кПа/с): (the text with the numbers
    alone, the units), unless a unit's letter is a name of the problem (2 s, where s is a variable).

    >>> units_apart(r"\\approx -0.042 \\text{ kPa/s}")
    ('\\\\approx -0.042', ('kPa/s',))
    >>> units_apart("(3 m/s, 2 m)"), units_apart("2 ms", known={"m", "s"})
    (('(3, 2)', ('m/s', 'm')), ('2 ms', ()))
    """
    names = set(known or ())
    letters = {name for name in names if len(name) == 1}
    found = list(UNITS.finditer(text))
    units = [m[2] or m[3] for m in found]
    words = {word for unit in units for word in re.findall(r"[^\W\d_]+", unit)}
    words |= {"".join(TWINS.get(char, char) for char in word) for word in words}     # 3с: c from a Russian keyboard
    if not found or any(word in names or set(word) <= letters for word in words):    # ms of names m and s is m·s
        return text, ()
    return UNITS.sub(lambda m: m[1], text), tuple(dict.fromkeys(u.strip() for u in units))


def decimal_commas(text: str) -> str:
    """0,5 -> 0.5, except between the arguments of max, min and log and the ends of an interval a ∈ (0,2), unless
    a semicolon separates them there: max(0, 5) keeps its two arguments, max(0; 1,5) is max(0; 1.5)."""
    out, stack = [], []
    for i, char in enumerate(text):
        if char in "([":
            word = re.search(r"([A-Za-z]+|∈)\s*$", text[:i])        # a ∈ (0,2): the ends of an interval
            listed = word and (word[1] in MULTI_ARGUMENT or word[1] in ("in", "∈"))
            stack.append("," if listed and ";" not in _top_level(text, i + 1) else "")
        elif char in ")]" and stack:
            stack.pop()
        if (char == "," and 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit()
                and not (stack and stack[-1])):
            char = "."
        out.append(char)
    return "".join(out)


def decimal_comma_numbers(text: str) -> list[str]:
    """The numbers of ``text`` that ``decimal_commas`` reads with a decimal comma (0,5 but not the 0,1 of max(0,1 − y))."""
    read = decimal_commas(text)
    return [m[0] for m in re.finditer(r"\d+,\d+", text) if "." in read[m.start():m.end()]]


def _top_level(text: str, start: int) -> str:
    """The characters of the bracket opened just before ``start`` outside the brackets inside it."""
    depth, kept = 0, []
    for char in text[start:]:
        depth += char in "(["
        depth -= char in ")]"
        if depth < 0:
            break
        if depth == 0:
            kept.append(char)
    return "".join(kept)


def repeating_value(match) -> sp.Rational:
    """0.1(6) = 1/6: the whole part, the digits before the period, and the period."""
    whole, head, period = match[1], match[2], match[3]
    return sp.Rational(whole + "." + (head or "0")) if not period.strip("0") else \
        sp.Rational(int(whole + head + period) - int(whole + head), (10 ** len(period) - 1) * 10 ** len(head))


def typed_number(text: str):
    """A number as typed (12.50, 3e-4, 95.26 %, 1.5·10^-3, 0.(3), 0.333…): (exact value, decimal
    places), or None. A decimal that goes on (…) repeats its last digit when typed twice (0.1666…
    is 1/6), else it is the decimal as far as it was typed."""
    text = text.replace(" ", "")
    sign = -1 if text.startswith("-") else 1
    repeating = REPEATING.fullmatch(text.lstrip("+-"))
    if repeating:
        return sign * repeating_value(repeating), None
    continued = CONTINUED.fullmatch(text)
    if continued:
        if continued[3]:
            digits = continued[1].lstrip("+-")
            whole, _, tail = digits.partition(".")
            value = repeating_value(re.match(r"(\d+)\.(\d*)\((\d+)\)", f"{whole}.{tail[:-1]}({tail[-1]})"))
            return sign * value, None
        text = continued[1]
    scientific = SCIENTIFIC.fullmatch(text)
    if scientific:
        text = f"{scientific[1]}e{scientific[2]}"
    match = NUMBER.fullmatch(text)
    if not match:
        return None
    mantissa = match[1]
    exponent = int(match[2] or 0) - (2 if match[3] else 0)
    if abs(exponent) > 400:
        raise ParseError("number range")
    places = len(mantissa.partition(".")[2]) - exponent
    value = sp.Rational(mantissa) * sp.Rational(10) ** exponent * (-1 if text.startswith("-") else 1)
    return value, places if "." in mantissa or exponent else None
