"""A value as feedback shows it: SymPy's text with huge integers abbreviated (``shown``), and the same
as the course writes it in a sentence, σ(3), 2·x·cos(x^2), √2/4, e^3, 0.05, α (``readable``).

>>> import sympy as sp
>>> readable(sp.Rational(29, 10)), readable(-sp.sqrt(2) / 4), readable(sp.exp(3) + sp.E), readable(sp.oo)
('2.9', '-√2/4', 'e + e^3', '∞')
>>> readable(sp.Max(sp.Symbol("x"), sp.Symbol("y")) * sp.Heaviside(sp.Symbol("omega_0"), 0))
'H(ω_0)·max(x, y)'
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

import mpmath
import sympy as sp
from sympy.core.function import AppliedUndef
from sympy.printing.precedence import PRECEDENCE
from sympy.printing.str import StrPrinter

from ..calculus.decimals import terminating
from .characters import GREEK

EXACT_DIGITS = 15       # a terminating fraction of at most this many digits is written as its decimal: 0.05, not 1/20
FIGURES = 6             # significant figures of a long decimal: 0.0191013, not 1193831661/62500000000
# each Greek letter's name, as the letter (the first of GREEK's spellings: ε, not ϵ; σ, not ς)
LETTERS = {**{name: letter for letter, name in reversed(GREEK.items())}, "lambda": "λ"}
RELATIONS = {sp.StrictLessThan: "<", sp.LessThan: "≤", sp.StrictGreaterThan: ">", sp.GreaterThan: "≥", sp.Unequality: "≠"}
MARKS = {"hat": "\u0302", "bar": "\u0304", "tilde": "\u0303", "dot": "\u0307", "ddot": "\u0308"}


def shown(value) -> str:
    """SymPy's text of a value, with integers of more than 40 digits abbreviated (1.2346e+5000)."""
    if isinstance(value, tuple):
        return "(" + ", ".join(shown(v) for v in value) + ")"
    return sp.sstr(_abbreviated(value))


def _abbreviated(value):
    huge = {n: sp.Symbol(mpmath.nstr(mpmath.mpf(int(n)), 5)) for n in value.atoms(sp.Integer)
            if int(n).bit_length() > 133}
    huge |= {r: sp.Symbol(mpmath.nstr(mpmath.mpf(int(r.p)) / int(r.q), 5)) for r in value.atoms(sp.Rational)
             if not r.is_Integer and max(abs(int(r.p)), int(r.q)).bit_length() > 133}
    return value.xreplace(huge) if huge else value


def decimal(value) -> str | None:
    """A number as a decimal when it is one, exactly: 29/10 as 2.9, a Float by its digits (0.7211, not
    0.721100); a long one to FIGURES significant figures; None for a fraction that does not end (1/3)."""
    if isinstance(value, sp.Float):                    # a key's 0.160000000000000 as 0.16, 0.3404913400… as 0.340491
        return _plain(Decimal(format(Decimal(str(value)), f".{FIGURES}g")))
    if not isinstance(value, sp.Rational):
        return None
    exact = Decimal(int(value.p)) / Decimal(int(value.q)) if terminating(value) else None
    if exact is not None and len(exact.normalize().as_tuple().digits) <= EXACT_DIGITS:
        return _plain(exact)
    if value.q > 1000:                                 # 0.0191013, not 1193831661/62500000000
        return decimal(sp.Float(value, FIGURES))
    return None


def _plain(number: Decimal) -> str:
    """A decimal without an exponent or trailing zeros: 0.05, 2.9, 46.5, 1200."""
    text = format(number.normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


class _Readable(StrPrinter):
    """SymPy's str printer with the course's habits: decimals as decimals, √2, e^x, |x|, σ, ln, H(x), max,
    ∞, Greek letters by their letters (α, ω_0, λ) and ŷ for yhat; the caller turns ** into ^ and * into ·."""

    def _print_Rational(self, expr):
        return decimal(expr) or super()._print_Rational(expr)

    def _print_Float(self, expr):
        return decimal(expr)

    def _print_Infinity(self, expr):
        return "∞"

    def _print_NegativeInfinity(self, expr):
        return "-∞"

    _print_ComplexInfinity = _print_Infinity

    def _print_Exp1(self, expr):
        return "e"

    def _print_exp(self, expr):
        power = expr.args[0]
        return "e^" + (self._print(power) if power.is_Symbol or power.is_Integer and power > 0 else f"({self._print(power)})")

    def _print_Pow(self, expr, rational=False):
        if expr.exp is sp.S.Half or expr.exp == -sp.S.Half:
            base = self._print(expr.base)
            root = "√" + (base if expr.base.is_Atom and not expr.base.is_Rational or expr.base.is_Integer else f"({base})")
            return root if expr.exp > 0 else "1/" + root
        if expr.exp.is_Integer and expr.exp < 0 and not expr.base.is_commutative:    # (Xᵀ·X)⁻¹: no division by a matrix
            inverse = self.parenthesize(expr.base, PRECEDENCE["Pow"]) + "⁻¹"
            return inverse if expr.exp == -1 else f"{inverse}^{-expr.exp}"
        if expr.exp == -1:
            return "1/" + self.parenthesize(expr.base, PRECEDENCE["Mul"] + 1)
        if expr.exp.is_Rational and expr.exp.is_negative:          # 1/(|x| + 1)^2, not (|x| + 1)^(-2)
            return "1/" + self.parenthesize(sp.Pow(expr.base, -expr.exp, evaluate=False), PRECEDENCE["Mul"] + 1)
        return super()._print_Pow(expr, rational)

    def _print_Abs(self, expr):
        return f"|{self._print(expr.args[0])}|"

    def _print_Max(self, expr):
        return "max(" + ", ".join(self._print(a) for a in expr.args) + ")"

    def _print_Min(self, expr):
        return "min(" + ", ".join(self._print(a) for a in expr.args) + ")"

    def _print_Heaviside(self, expr):
        return f"H({self._print(expr.args[0])})"

    def _print_Symbol(self, expr):
        return name_shown(expr.name)

    def _print_Derivative(self, expr):
        """∂L/∂w_1 of a function the problem does not give, ∂^2L/∂x∂y; d/dx(…) of a formula of one variable."""
        order, d = len(expr.variables), "∂" if len(expr.expr.free_symbols) > 1 else "d"     # partial of several
        below = "".join(f"{d}{self._print(v)}" for v in expr.variables)          # ∂x∂y, ∂w_1, dx
        above = d + (f"^{order}" if order > 1 else "")
        if isinstance(expr.expr, AppliedUndef):
            return f"{above}{expr.expr.func.__name__}/{below}"
        return f"{above}/{below}({self._print(expr.expr)})"

    def _print_And(self, expr):
        """0 < a < 2 for (a > 0) ∧ (a < 2), as a condition is written; other conditions apart by commas."""
        parts = [r.reversed if isinstance(r, (sp.StrictGreaterThan, sp.GreaterThan)) else r for r in expr.args]
        if len(parts) == 2 and all(isinstance(r, (sp.StrictLessThan, sp.LessThan)) for r in parts):
            low, high = sorted(parts, key=lambda r: r.lhs.free_symbols != set())
            if low.rhs == high.lhs and not low.lhs.free_symbols:
                return f"{self._print(low)} {RELATIONS[type(high)]} {self._print(high.rhs)}"
        return ", ".join(self._print(r) for r in parts)

    def _print_Relational(self, expr):
        return f"{self._print(expr.lhs)} {RELATIONS.get(type(expr), expr.rel_op)} {self._print(expr.rhs)}"

    def _print_Tuple(self, expr):
        return "(" + ", ".join(self._print(item) for item in expr) + ")"


def name_shown(name: str) -> str:
    """A name as the course writes it: alpha is α, omega_0 is ω_0, lamda is λ, yhat is ŷ, x_1 stays."""
    softmax = re.fullmatch(r"softmaxof([A-Za-z]\w*)_(\w+)", name)       # softmax(o)_j, as answers.entries reads it
    if softmax:
        return f"softmax({name_shown(softmax[1])})_{softmax[2]}"
    head, sep, tail = name.partition("_")
    marked = re.fullmatch(r"([A-Za-z])(hat|bar|tilde|ddot|dot)", head)
    if marked:                                                 # ŷ, one character, as statements write it
        head = unicodedata.normalize("NFC", marked[1] + MARKS[marked[2]])
    numbered = re.fullmatch(r"([A-Za-z]+)(\d+)", head)          # beta1 is β1, as w1 stays w1
    head = LETTERS[numbered[1]] + numbered[2] if numbered and numbered[1] in LETTERS else LETTERS.get(head, head)
    return head + sep + (name_shown(tail) if tail in LETTERS else tail)


def readable(value) -> str:
    """A value as a sentence of feedback shows it: 2·x·cos(x^2), σ(3), λ, √2/4, 0.05, not SymPy's
    2*x*cos(x**2) or 1/20."""
    if isinstance(value, tuple):
        return "(" + ", ".join(readable(v) for v in value) + ")"
    text = _Readable({"order": None}).doprint(_decimals_inside(_abbreviated(value))).replace("**", "^").replace("*", "·")
    for name, symbol in (("sigmoid", "σ"), ("log", "ln"), ("pi", "π")):
        text = re.sub(rf"\b{name}\b", symbol, text)
    return text


def _decimals_inside(value):
    """A formula whose coefficients that end are put in as the decimals a student typed (0.9526·w5, not
    4763·w5/5000); numbers alone, exponents and constants (√2/4, π/4) are the printer's to write."""
    if not isinstance(value, sp.Basic) or not value.free_symbols:
        return value
    def coefficient(term):
        number, rest = term.as_coeff_Mul()
        written = decimal(abs(number)) if number.is_Rational and not number.is_Integer and rest.free_symbols else None
        if written is None:
            return term
        factors = (sp.Symbol(written), *(rest.args if isinstance(rest, sp.Mul) else (rest,)))
        return sp.Mul(*((sp.S.NegativeOne,) if number < 0 else ()), *factors, evaluate=False)
    return value.replace(lambda e: isinstance(e, sp.Mul), coefficient)


def approximately(value) -> str | None:
    """A real number that is no short decimal, rounded as the course rounds: to 4 places, keeping at least
    3 significant figures (0.1054, 0.00537); None for a short decimal, a formula, or a number not real."""
    if not (isinstance(value, sp.Expr) and value.is_number and value.is_real) or isinstance(value, (sp.Float, sp.Integer)) \
            or isinstance(value, sp.Rational) and decimal(value) is not None:
        return None
    return None if value.is_zero else _plain(key_rounding(value))


def key_rounding(value) -> Decimal:
    """A real number rounded as a key rounds it: to 4 places, keeping at least 3 significant figures
    (0.2100, 0.00537)."""
    number = Decimal(str(sp.N(value, 30)))
    places = max(4, 2 - number.adjusted()) if number else 4
    return number.quantize(Decimal(1).scaleb(-places))


def tolerance_text(value) -> str:
    """A small tolerance as the course writes it, 5·10^(-9), not Python's 5e-09; 0.005 stays 0.005."""
    number = Decimal(repr(float(value))).normalize()
    if number.adjusted() >= -4:
        return _plain(number)
    mantissa = _plain(number.scaleb(-number.adjusted()))
    return ("" if mantissa == "1" else mantissa + "·") + f"10^({number.adjusted()})"
