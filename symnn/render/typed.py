"""What plain text writes as a teacher types it, and numbers with the places they were rounded to.

A product has a dot and a number stands against what it multiplies (2x·sin(x), not 2*x*sin(x)), but for a
function written by its name (0.5·tanh(0.5)); a
power of e is raised where Unicode has the characters (e³, eˣ, e⁻ᶻ), else bracketed (e^(2x + 1)); a
value rounded to its places keeps every one of them, zeros too (0.9630), in every format.

>>> dotted("2*x*sin(x) + w1*x^2*y + 1*(-2) + 6*0*cos(0)"), power_of_e("-x"), power_of_e("2·x + 1")
('2x·sin(x) + w1·x^2·y + 1·(-2) + 6·0·cos(0)', 'e⁻ˣ', 'e^(2·x + 1)')
>>> dotted("0.5*tanh(0.5) + 2*cos(2*t) + 0.5*sigma(z)".replace("sigma", "σ"))
'0.5·tanh(0.5) + 2·cos(2t) + 0.5σ(z)'

"""

from __future__ import annotations

import re

from mpmath.libmp import prec_to_dps

RAISED = str.maketrans("0123456789-abcdefghijklmnoprstuvwxyz", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻ")
# a number before a letter, a root or a bracket that opens with a letter is written against it (2x, 0.5σ(z),
# 3(x + 1)), as typed; not after a power, a name, a fraction bar or another factor (x^2·y, w1·x, 1/2·x,
# 6·0·cos(0)), nor before d/dx, before numbers (1·(−2), 0.52·(1 − 0.52)) or before a function written by
# its name, whose letters would run into the number (0.5·tanh(0.5), 2·cos(2t))
_COEFFICIENT = re.compile(r"(?<![\w.,^/*])(\d+(?:[.,]\d+)?)\*(?!d/|∂/|[^\W\d]{2,}\()(?=[^\W\d]|√|\((?=[^\W\d]))")
FIXED = 8       # a rounded value whose leading digit is above 10⁻⁸ is written in fixed point, as it was rounded
RAISABLE = re.compile(r"-?(\d+|[a-pr-z])")       # what superscript characters can write (no q)


def dotted(text: str) -> str:
    """A product in plain text as a teacher types it: 2x·sin(x), not 2*x*sin(x)."""
    # a coefficient is written before its factor (2x, 0.5x, 3sin(x)); a 0 or a 1 there is a number put in a
    # formula (y₁ = 0 in y₁·ln(o₁)), kept apart by its dot: 0·ln(0.0318); so is a decimal before e, which
    # would read as a power of ten: 0.5121·e⁴, not 0.5121e⁴
    def joined(m):
        decimal_e = not m[1].isdigit() and m.string.startswith("e", m.end())
        return m[0] if m[1] in ("0", "1") or decimal_e else m[1]
    return _COEFFICIENT.sub(joined, text).replace("*", "·")


def power_of_e(exponent: str) -> str:
    """e to a written exponent: e³, eˣ, e⁻ᶻ raised; a longer exponent in brackets, e^(2x + 1)."""
    return "e" + exponent.translate(RAISED) if RAISABLE.fullmatch(exponent) else f"e^({exponent})"


def with_places(printer, print_float, expr) -> str:
    """``print_float(expr)`` (a SymPy printer's own) with every digit of a Float that carries fewer than a
    double does: a value rounded to its places (``values.rounded``), whose zeros are places too; a
    double's own trailing zeros are left off as SymPy leaves them."""
    if hasattr(expr, "parts"):          # values.Vanishing: 0.00 (9.68·10⁻⁴), 0.00 \; (9.68 \cdot 10^{-4})
        zero, mantissa, exponent = expr.parts()
        mantissa = with_places(printer, print_float, mantissa)
        if "latex" in type(printer).__name__.lower():
            zero = zero.replace(".", "{,}") if printer._settings.get("lang") == "ru" else zero      # 0{,}00, as 9{,}68
            return rf"{zero} \; ({mantissa} \cdot 10^{{{exponent}}})"
        return f"{zero} ({mantissa}·10{str(exponent).translate(RAISED)})"
    full, low = printer._settings["full_prec"], printer._settings.get("min")
    rounded = prec_to_dps(expr._prec) < 15
    printer._settings["full_prec"] = full or rounded
    if rounded and low is None:          # 0.0000351019 to ten places, as rounded (values.rounded), not 3.51019·10⁻⁵
        printer._settings["min"] = -FIXED
    try:
        return print_float(expr)
    finally:
        printer._settings["full_prec"], printer._settings["min"] = full, low
