"""A value as feedback shows it: SymPy's text with huge integers abbreviated (``shown``), and the same
as a sentence writes it, σ(3), 2·x·cos(x^2), ln 2 (``readable``)."""

from __future__ import annotations

import re

import mpmath
import sympy as sp


def shown(value) -> str:
    """SymPy's text of a value, with integers of more than 40 digits abbreviated (1.2346e+5000)."""
    if isinstance(value, tuple):
        return "(" + ", ".join(shown(v) for v in value) + ")"
    huge = {n: sp.Symbol(mpmath.nstr(mpmath.mpf(int(n)), 5)) for n in value.atoms(sp.Integer)
            if int(n).bit_length() > 133}
    huge |= {r: sp.Symbol(mpmath.nstr(mpmath.mpf(int(r.p)) / int(r.q), 5)) for r in value.atoms(sp.Rational)
             if not r.is_Integer and max(abs(int(r.p)), int(r.q)).bit_length() > 133}
    return sp.sstr(value.xreplace(huge) if huge else value)


def readable(value) -> str:
    """A value as a sentence of feedback shows it: 2·x·cos(x^2), σ(3), λ, π/4, not SymPy's 2*x*cos(x**2)."""
    if isinstance(value, sp.Rational) and value.q > 1000:
        value = sp.Float(value, 6)                        # 0.0191013, not 1193831661/62500000000
    text = shown(value).replace("**", "^").replace("*", "·")
    for name, symbol in (("sigmoid", "σ"), ("lamda", "λ"), ("Abs", "abs"), ("Heaviside", "H"), ("sqrt", "√"), ("log", "ln"),
                         ("pi", "π")):
        text = re.sub(rf"\b{name}\b", symbol, text)
    return text
