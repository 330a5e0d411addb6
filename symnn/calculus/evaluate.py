"""Values of a parsed answer at a point, with mpmath, for sampling.

A small table from SymPy heads to mpmath functions (answers hold only
whitelisted heads). mpmath has no overflow: e^3000 is a number like any other.
What cannot be known at the working precision is refused instead of guessed:
sin of an argument so large that its fractional part is lost, or a number
whose exponent would itself be astronomically large.

>>> import sympy as sp
>>> mpmath.mp.dps = 15                          # mpmath's default working precision
>>> x = sp.Symbol("x", real=True)
>>> value(x + sp.exp(1000 * x), {x: mpmath.mpf(3)})
mpf('7.6462009890547049e+1302')
>>> value(sp.log(x), {x: mpmath.mpf(-1)})       # complex: outside the real domain
mpc(real='0.0', imag='3.1415926535897932')
"""

from __future__ import annotations

import mpmath
import sympy as sp

from .functions import sigmoid

LARGEST_EXPONENT = 10 ** 9      # |ln| of any value: past it the point cannot be evaluated


class Undefined(ArithmeticError):
    """The expression has no value here (a pole, ln 0, a real-only function of a complex number)."""


class Unknowable(ArithmeticError):
    """The value cannot be known at this precision, or is too large to represent."""


def _real(v):
    if isinstance(v, mpmath.mpc):
        if abs(v.imag) > mpmath.mpf(10) ** (10 - mpmath.mp.dps) * (1 + abs(v.real)):
            raise Undefined("a real-only function of a complex number")
        return v.real
    return v


def _periodic(function):
    def apply(u):
        if abs(u) > mpmath.mpf(10) ** (mpmath.mp.dps - 12):   # the fractional part is lost
            raise Unknowable("argument too large for this precision")
        return function(u)
    return apply


def _exp(u):
    if abs(mpmath.re(u)) > LARGEST_EXPONENT:
        raise Unknowable("exponent too large")
    return _periodic(mpmath.exp)(u) if mpmath.im(u) else mpmath.exp(u)


def _power(base, exponent):
    if base == 0:
        if mpmath.re(exponent) > 0:
            return mpmath.mpf(0)
        raise Undefined("0 to a power that is not positive")
    if abs(exponent * mpmath.log(abs(base))) > LARGEST_EXPONENT:
        raise Unknowable("power too large")
    return mpmath.power(base, exponent)


def _log(u):
    if u == 0:
        raise Undefined("ln 0")
    return mpmath.log(u)


def _reciprocal(function):
    def apply(u):
        v = function(u)
        if v == 0:
            raise Undefined("a pole")
        return 1 / v
    return apply


def _heaviside(u, at_zero=mpmath.mpf(0.5)):
    u = _real(u)
    return mpmath.mpf(1) if u > 0 else mpmath.mpf(0) if u < 0 else _real(at_zero)


def _sign(u):
    u = _real(u)
    return mpmath.mpf((u > 0) - (u < 0))


def _sigmoid(u):
    return 1 / (1 + _exp(-u))


# head -> function of the argument values
FUNCTIONS = {
    sp.exp: _exp, sp.log: _log,
    sp.sin: _periodic(mpmath.sin), sp.cos: _periodic(mpmath.cos), sp.tan: _periodic(mpmath.tan),
    sp.cot: _reciprocal(_periodic(mpmath.tan)), sp.sec: _reciprocal(_periodic(mpmath.cos)),
    sp.csc: _reciprocal(_periodic(mpmath.sin)),
    sp.asin: mpmath.asin, sp.acos: mpmath.acos, sp.atan: mpmath.atan, sp.acot: mpmath.acot,
    sp.sinh: lambda u: (_exp(u) - _exp(-u)) / 2, sp.cosh: lambda u: (_exp(u) + _exp(-u)) / 2,
    sp.tanh: mpmath.tanh, sp.coth: _reciprocal(mpmath.tanh),
    sp.sech: lambda u: 2 / (_exp(u) + _exp(-u)), sp.csch: _reciprocal(lambda u: (_exp(u) - _exp(-u)) / 2),
    sp.Abs: lambda u: abs(_real(u)), sp.sign: _sign, sp.Heaviside: _heaviside,
    sp.Max: lambda *a: max(_real(v) for v in a), sp.Min: lambda *a: min(_real(v) for v in a),
    sigmoid: _sigmoid,
}
CONSTANTS = {sp.pi: lambda: +mpmath.pi, sp.E: lambda: +mpmath.e, sp.I: lambda: mpmath.mpc(0, 1)}
RELATIONS = {sp.StrictLessThan: lambda a, b: a < b, sp.LessThan: lambda a, b: a <= b,
             sp.StrictGreaterThan: lambda a, b: a > b, sp.GreaterThan: lambda a, b: a >= b,
             sp.Equality: lambda a, b: a == b, sp.Unequality: lambda a, b: a != b}


def value(expr, point: dict, digits: int = 40):
    """expr at ``point`` (symbol -> mpmath number) with ``digits`` significant digits."""
    with mpmath.workdps(digits):
        return _value(expr, point)


def _value(expr, point):
    if expr in point:
        return point[expr]
    if expr.is_Rational:
        return mpmath.mpf(expr.p) / expr.q
    if expr.is_Float:
        return mpmath.mpf(expr._mpf_)
    if expr in CONSTANTS:
        return CONSTANTS[expr]()
    if isinstance(expr, sp.Add):
        return mpmath.fsum(_value(a, point) for a in expr.args)
    if isinstance(expr, sp.Mul):
        return mpmath.fprod(_value(a, point) for a in expr.args)
    if isinstance(expr, sp.Pow):
        return _power(_value(expr.base, point), _value(expr.exp, point))
    if isinstance(expr, sp.Piecewise):
        for piece, condition in expr.args:
            if _holds(condition, point):
                return _value(piece, point)
        raise Undefined("no piece applies")
    function = FUNCTIONS.get(expr.func)
    if function is None:
        return _by_sympy(expr, point)
    try:
        return function(*(_value(a, point) for a in expr.args))
    except (ZeroDivisionError, ValueError) as error:
        raise Undefined(str(error)) from None


def _by_sympy(expr, point):
    """A head outside the table (a derivation may hold asinh, acsc, a Derivative...): SymPy's own
    numerical evaluation of it at the arguments' values; an answer never gets here (its heads are
    whitelisted)."""
    if not isinstance(expr, sp.Function) or isinstance(expr, sp.core.function.AppliedUndef):
        raise Unknowable(f"{expr.func} is not evaluated")
    arguments = [_as_sympy(_value(a, point)) for a in expr.args]
    try:
        result = sp.N(expr.func(*arguments), mpmath.mp.dps)
        real, imag = result.as_real_imag()
        number = mpmath.mpc(mpmath.mpf(sp.Float(real, mpmath.mp.dps)._mpf_), mpmath.mpf(sp.Float(imag, mpmath.mp.dps)._mpf_))
    except (TypeError, ValueError, AttributeError, ArithmeticError):
        raise Unknowable(f"{expr.func} cannot be evaluated here") from None
    return number.real if number.imag == 0 else number


def _as_sympy(number):
    if isinstance(number, mpmath.mpc):
        return sp.Float(number.real, mpmath.mp.dps) + sp.I * sp.Float(number.imag, mpmath.mp.dps)
    return sp.Float(number, mpmath.mp.dps)


def _holds(condition, point) -> bool:
    if condition is sp.true:
        return True
    if condition is sp.false:
        return False
    if isinstance(condition, sp.And):
        return all(_holds(c, point) for c in condition.args)
    if isinstance(condition, sp.Or):
        return any(_holds(c, point) for c in condition.args)
    if isinstance(condition, sp.Not):
        return not _holds(condition.args[0], point)
    relation = RELATIONS.get(type(condition))
    if relation is None:
        raise Unknowable(f"condition {condition} is not evaluated")
    return relation(_real(_value(condition.lhs, point)), _real(_value(condition.rhs, point)))
