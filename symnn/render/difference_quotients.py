"""How document printers write a difference quotient's check of a derivative: the scheme, its series, the error
term cε^k, the estimate at the problem's ε with the values of f put in, and the table of errors as ε shrinks.

A mixin of DocumentPrinter (``render.numerics`` brings it in): it uses the format hooks.
"""

from __future__ import annotations

import re
from decimal import Decimal

import sympy as sp

from ..calculus.decimals import terminating
from ..numerics.gradcheck import SCHEMES
from .board import Written
from .math import latex_math, text_math
from .values import PLACES, Shown, rounded


def _primed(order: int, at, lang: str) -> Written:
    """f′(1), f‴(0,5): a derivative of f at the point, a number (not f′(x))."""
    primes = "'" * order
    return Written(f"f{primes}({latex_math(at, lang)})", f"f{primes}({text_math(at, lang)})")


class DifferenceQuotientPrinting:
    def _print_CentralDifference(self, run, depth: int = 0) -> str:
        eps, x, k = sp.Symbol("varepsilon"), run.var, run.order
        f, D = sp.Function("f"), sp.Function("D")
        difference = sp.Eq(D(eps), _quotient(f, x, eps, run.scheme, evaluate=True), evaluate=False)
        # c = f‴(x)/6 for the central difference, ±f″(x)/2 for a one-sided one
        slope = _primed(k + 1, run.at, self.lang) / sp.factorial(k + 1)      # at the point: c is a number
        power = "ε²" if k == 2 else "ε"
        title = self.line(depth, self.strong(self.say(f"fd.title.{run.scheme}", difference=difference,
                                                      function=run.expr, point=sp.Eq(run.var, run.at, evaluate=False))))
        if run.estimate is not None and self._settings["detail"] == "brief":     # what is asked: f′(a), D(ε), the two
            return self.join([title, self.line(depth, self.plain("fd.exact") + " " + self.result(
                self.raw_math(_primed(1, run.at, self.lang)), run.derivative)), *self.estimate_lines(run, depth, brief=True)])
        lines = [title,
                 self.line(depth, self.plain("fd.series") + " " + self.equation(D(eps), run.series)),
                 self.line(depth, self.plain("fd.exact") + " " + self.result(
                     self.raw_math(_primed(1, run.at, self.lang)), run.derivative)),
                 self.line(depth, self.plain("fd.error", error=_error_tex(k)) + " " + self.result(
                     self.raw_math(sp.Eq(sp.Symbol("c"), -slope if run.scheme == "backward" else slope, evaluate=False)),
                     run.error_coefficient)),
                 *self.estimate_lines(run, depth),
                 self.line(depth, self.plain("fd.table", power=_power_tex(k)))]
        lines += self.table(["ε", "D(ε)", self.plain("fd.abs"), self.plain("fd.ratio", power=power)],
                            [[self.number(e, "g"), self.decimal(value), self.number(error, ".2e"), self.number(ratio, ".4g")]
                             for e, value, error, ratio in run.rows])     # D(ε) as the key rounds, its error to 3 digits
        return self.join(lines)

    def estimate_lines(self, run, depth: int, brief: bool = False) -> list[str]:
        """The estimate a problem asks for, D(ε) at its ε with the numbers put in (each value of f to ten
        significant figures, so that their difference keeps its digits), and how far it is from f'(a): with
        the error term cε^k, unless ``brief`` (the series and c are not shown then)."""
        if run.estimate is None:
            return []
        step, value = run.estimate
        f, D, eps, a = sp.Function("f"), sp.Function("D"), sp.Float(step, 15), run.at
        put = _quotient(f, a, eps, run.scheme)
        points, divisor = SCHEMES[run.scheme]
        ahead, behind = _operands([run.expr.subs(run.var, a + offset * sp.nsimplify(step)) for offset in points],
                                  divisor * sp.nsimplify(step), rounded(value, self.places()))
        numbers = sp.Mul(sp.Add(Shown(sp.Symbol("u"), ahead), -Shown(sp.Symbol("v"), behind), evaluate=False),
                         sp.Pow(sp.Float(divisor * step, 15), -1, evaluate=False), evaluate=False)
        sides = self.raw_math(D(eps)) + " = " + self.raw_math(put) + " = " + self.raw_math(numbers, keep_order=True, numbers=True)
        off, c, k = value - run.derivative, run.error_coefficient, run.order
        lines = [self.line(depth, self.say("fd.estimate", epsilon=sp.Eq(sp.Symbol("varepsilon"), eps, evaluate=False)) + " "
                           + self.result(sides, value))]
        difference = self.result(self.raw_math(D(eps) - _primed(1, a, self.lang)), off)
        if brief:
            return lines + [self.line(depth, self.plain("fd.difference") + " " + difference)]
        return lines + [self.line(depth, self.plain("fd.compare", term="$c" + _power_tex(k)[1:]) + " " + difference + ", "
                                  + self.result(self.raw_math(sp.Mul(sp.Symbol("c"), sp.Symbol("varepsilon") ** k, evaluate=False),
                                                              keep_order=True), c * step ** k))]


def _operands(values, divisor, quotient) -> tuple:
    """The two values of f in a difference quotient, rounded to the fewest places (four at least) at which their
    difference over ``divisor`` still rounds to ``quotient`` as the key shows it, so that a reader can check the
    line by hand: (21.491292 − 20.687817)/0.02 ≈ 40.1738; a value that needs no rounding as it is (−0.77)."""
    places = -Decimal(str(quotient)).as_tuple().exponent
    for digits in range(max(PLACES, places), 16):
        shown = [_digits(v) if _short_decimal(v, digits) else rounded(v, digits) for v in values]
        if rounded((shown[0] - shown[1]) / divisor, places) == quotient:
            return tuple(shown)
    return tuple(_digits(v) for v in values)


def _short_decimal(value, digits: int) -> bool:
    """An integer, or a decimal with at most ``digits`` places (f(1) = −1, −0.77): written as it is."""
    return isinstance(value, sp.Rational) and terminating(value) and \
        -(Decimal(int(value.p)) / Decimal(int(value.q))).normalize().as_tuple().exponent <= digits


def _digits(value) -> sp.Float:
    """A value of f in a difference quotient to ten significant figures, so that the difference of two close
    values keeps its digits (21.49129168 − 20.68781664); a short decimal as it is (−0.77)."""
    text = format(float(sp.N(value, 20)), ".10g")
    if re.fullmatch(r"-?\d+", text):
        return sp.Integer(text)                       # f(1) = −1, not −1.
    return sp.Float(text, max(1, len(text.lstrip("-").split("e")[0].replace(".", "").lstrip("0"))))


def _quotient(f, x, eps, scheme: str, evaluate: bool = False):
    """The difference quotient of a scheme: (f(x + ε) − f(x − ε))/(2ε), (f(x + ε) − f(x))/ε or
    (f(x) − f(x − ε))/ε; unevaluated, a number ε stays as the divisor (… /0.02)."""
    ahead, behind = {"central": (f(x + eps), f(x - eps)), "forward": (f(x + eps), f(x)),
                     "backward": (f(x), f(x - eps))}[scheme]
    divisor = 2 * eps if scheme == "central" else eps
    if evaluate:
        return (ahead - behind) / divisor
    return sp.Mul(sp.Add(ahead, -behind, evaluate=False), sp.Pow(divisor, -1, evaluate=False), evaluate=False)


def _error_tex(k: int) -> str:
    """The leading error term and the next power of the series: c·ε² + O(ε⁴) (central, even powers only) or
    c·ε + O(ε²)."""
    return r"$c\varepsilon^2 + O(\varepsilon^4)$" if k == 2 else r"$c\varepsilon + O(\varepsilon^2)$"


def _power_tex(k: int) -> str:
    """ε² or ε, the power of ε an error falls like, as math in a phrase."""
    return r"$\varepsilon^2$" if k == 2 else r"$\varepsilon$"
