"""How a picture writes its words and numbers: formulas in math notation, numbers as the language
writes them (0.02 in English, 0,02 in Russian, points (1; 2) in Russian), optimizers by their names.

Matplotlib typesets ``$...$`` itself (mathtext), so a figure's formula is ``sympy.latex``'s;
graphviz has only text, so a graph's formula is one line of Unicode (e³, w₁, x·y, σ(a)).

>>> import sympy as sp
>>> x, w1 = sp.symbols("x w1")
>>> unicode_math(-2 * x * sp.exp(3 * w1) + x ** 2 / 2)
'x²/2 − 2x·exp(3w₁)'
>>> number(-0.0215, "ru"), number(6.1694e-5), point((-2.5, 1), "ru")
('−0,0215', '6.169·10⁻⁵', '(−2,5; 1)')
"""

from __future__ import annotations

import re

import sympy as sp

from ...lang import names, phrase
from ...render.math import TextMath, latex_math, text_math

SUPERSCRIPTS = str.maketrans("0123456789-+()abcdeghijklmnoprstuvwxyz", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺⁽⁾ᵃᵇᶜᵈᵉᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻ")
SUBSCRIPTS = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")
MINUS = "−"


def number(value: float, lang: str = "en", digits: int = 4) -> str:
    """A decimal with ``digits`` significant digits, a true minus, and the decimal comma in Russian."""
    text = f"{float(value):.{digits}g}"
    mantissa, _, power = text.partition("e")
    if power:           # 6.169e-05 → 6.169·10⁻⁵
        text = f"{mantissa}·10{str(int(power)).translate(SUPERSCRIPTS)}"
    text = text.replace("-", MINUS)
    return text.replace(".", ",") if lang == "ru" else text


def math_number(value: float, lang: str = "en", digits: int = 4) -> str:
    """``number`` for inside ``$...$``, where a bare comma would be punctuation: 0{,}25."""
    return number(value, lang, digits).replace(",", "{,}")


def point(values, lang: str = "en") -> str:
    """(1, 2) in English, (1; 2) in Russian, where the comma is the decimal mark."""
    return "(" + ("; " if lang == "ru" else ", ").join(number(v, lang) for v in values) + ")"


def formula(expr, lang: str = "en") -> str:
    """``$...$`` for matplotlib: the formula as ``sympy.latex`` writes it (plain Unicode if mathtext cannot)."""
    from matplotlib.mathtext import MathTextParser
    text = "$" + latex_math(expr, lang).replace(r"\frac{", r"\dfrac{") + "$"     # fractions at full size, readable on a slide
    try:
        MathTextParser("path").parse(text)
    except ValueError:
        return unicode_math(expr, lang)
    return text


def optimizer_name(name: str, lang: str = "en") -> str:
    """Momentum, Nesterov, AdaGrad, ... as people write them (never the program's slug)."""
    return phrase(lang, f"opt.name.{name}")


def _subscripted(name: str) -> str:
    """w1 → w₁, w_{t-1} → w_t−1: trailing digits as subscripts."""
    name = re.sub(r"_\{?([^}]*)\}?$", lambda m: m[1].translate(SUBSCRIPTS), name)
    return re.sub(r"(?<=[A-Za-zα-ω])(\d+)$", lambda m: m[1].translate(SUBSCRIPTS), name)


def _superscript(text: str) -> str | None:
    """``text`` in superscript characters, or None when one of them has none."""
    if not re.fullmatch(r"-?(\d+|[a-z])", text.replace(MINUS, "-")):
        return None         # only a number or one letter is raised: e³, eᵇ, x⁻¹; anything longer is not
    return text.replace(MINUS, "-").translate(SUPERSCRIPTS)


class _Unicode(TextMath):
    """One line of math as a person writes it: x², e³, 2x·y, σ(a), |x|, √x, −."""

    def _print_Symbol(self, expr):
        return _subscripted(expr.name)

    def _print_Exp1(self, expr):
        return "e"

    def _print_Pi(self, expr):
        return "π"

    def _print_exp(self, expr):
        exponent = self._print(expr.args[0])            # e³, eᵇ; a longer exponent cannot be raised in one line of
        raised = _superscript(exponent)                 # Unicode: exp(x·w₁ + w₀), as books write it, not e^(…)
        return "e" + raised if raised is not None else f"exp({exponent})"

    def _print_Max(self, expr):
        return f"max({', '.join(self._print(a) for a in expr.args)})"

    def _print_Min(self, expr):
        return f"min({', '.join(self._print(a) for a in expr.args)})"

    def _print_Pow(self, expr, rational=False):
        base, exponent = expr.args
        if exponent == sp.S.Half:
            return "√" + self.parenthesize(base, 60)
        if exponent.is_Rational and exponent < 0 and not base.is_Number:
            return "1/" + self.parenthesize(base ** -exponent, 50)
        return self._power(self.parenthesize(base, 60), self._print(exponent))

    def _power(self, base: str, exponent: str) -> str:
        raised = _superscript(exponent)
        return base + raised if raised is not None else f"{base}^({exponent})"

    def _print_Mul(self, expr):
        # StrPrinter writes 2*x*y; a person writes 2x·y
        text = super()._print_Mul(expr)
        return re.sub(r"(?<=\d)\*(?=[^\d])", "", text).replace("*", "·")


def unicode_math(expr, lang: str = "en") -> str:
    """One line of Unicode math for ``expr`` (for graphviz labels and as mathtext's fallback)."""
    if not isinstance(expr, sp.Basic):
        return text_math(expr, lang)
    text = _Unicode({"order": "none"}).doprint(expr).replace(" - ", f" {MINUS} ")
    text = re.sub(r"(?<![\w)])-", MINUS, text)
    text = re.sub(r"\b([a-z]+)\(", lambda m: function_name(m[1], lang) + "(", text)
    return text.replace(".", ",") if lang == "ru" else text


def function_name(name: str, lang: str = "en") -> str:
    """tanh → th, tan → tg in Russian: a function's name as the language writes it."""
    return names(lang, "text").get(name, name)


def localised_ticks(fig, lang: str) -> None:
    """Tick numbers with a decimal comma in Russian (matplotlib writes 0.5 whatever the language)."""
    if lang != "ru":
        return
    from matplotlib.ticker import FuncFormatter
    comma = FuncFormatter(lambda value, _: number(value, lang))
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis, *([ax.zaxis] if hasattr(ax, "zaxis") else [])):     # a 3-D plot's height too
            if axis.get_scale() == "linear":
                axis.set_major_formatter(comma)
        if getattr(ax, "_colorbar", None) is not None:      # a colorbar puts its own formatter back when drawn
            ax._colorbar.formatter = comma


def figure_texts(fig) -> list[str]:
    """Every piece of text the figure shows, ticks included, in drawing order."""
    from matplotlib.text import Text
    fig.draw_without_rendering()
    return [t.get_text() for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()]
