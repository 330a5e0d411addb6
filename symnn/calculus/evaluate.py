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

import threading

import mpmath
import sympy as sp

from .functions import sigmoid

LARGEST_EXPONENT = 10 ** 9      # |ln| of any value: past it the point cannot be evaluated


class Undefined(ArithmeticError):
    """The expression has no value here (a pole, ln 0, a real-only function of a complex number)."""


class Unknowable(ArithmeticError):
    """The value cannot be known at this precision, or is too large to represent."""


def _real(ctx, v):
    if isinstance(v, ctx.mpc):
        if abs(v.imag) > ctx.mpf(10) ** (10 - ctx.dps) * (1 + abs(v.real)):
            raise Undefined("a real-only function of a complex number")
        return v.real
    return v


def _periodic(name: str):
    def apply(ctx, u):
        if abs(u) > ctx.mpf(10) ** (ctx.dps - 12):   # the fractional part is lost
            raise Unknowable("argument too large for this precision")
        return getattr(ctx, name)(u)
    return apply


def _named(name: str):
    """The context's own function ``name`` (asin, tanh, ...)."""
    return lambda ctx, *args: getattr(ctx, name)(*args)


def _exp(ctx, u):
    if abs(ctx.re(u)) > LARGEST_EXPONENT:
        raise Unknowable("exponent too large")
    return _periodic("exp")(ctx, u) if ctx.im(u) else ctx.exp(u)


def _power(ctx, base, exponent):
    if base == 0:
        if ctx.re(exponent) > 0:
            return ctx.mpf(0)
        raise Undefined("0 to a power that is not positive")
    if abs(exponent * ctx.log(abs(base))) > LARGEST_EXPONENT:
        raise Unknowable("power too large")
    return ctx.power(base, exponent)


def _log(ctx, u):
    if u == 0:
        raise Undefined("ln 0")
    return ctx.log(u)


def _reciprocal(function):
    def apply(ctx, u):
        v = function(ctx, u)
        if v == 0:
            raise Undefined("a pole")
        return 1 / v
    return apply


def _heaviside(ctx, u, at_zero=None):
    u = _real(ctx, u)
    return ctx.mpf(1) if u > 0 else ctx.mpf(0) if u < 0 else ctx.mpf(0.5) if at_zero is None else _real(ctx, at_zero)


def _sign(ctx, u):
    u = _real(ctx, u)
    return ctx.mpf((u > 0) - (u < 0))


def _sigmoid(ctx, u):
    return 1 / (1 + _exp(ctx, -u))


def _sinh(ctx, u):
    return (_exp(ctx, u) - _exp(ctx, -u)) / 2


def _cosh(ctx, u):
    return (_exp(ctx, u) + _exp(ctx, -u)) / 2


# head -> function of the context and the argument values
FUNCTIONS = {
    sp.exp: _exp, sp.log: _log,
    sp.sin: _periodic("sin"), sp.cos: _periodic("cos"), sp.tan: _periodic("tan"),
    sp.cot: _reciprocal(_periodic("tan")), sp.sec: _reciprocal(_periodic("cos")),
    sp.csc: _reciprocal(_periodic("sin")),
    sp.asin: _named("asin"), sp.acos: _named("acos"), sp.atan: _named("atan"), sp.acot: _named("acot"),
    sp.sinh: _sinh, sp.cosh: _cosh, sp.tanh: _named("tanh"), sp.coth: _reciprocal(_named("tanh")),
    sp.sech: _reciprocal(_cosh), sp.csch: _reciprocal(_sinh),
    sp.Abs: lambda ctx, u: abs(_real(ctx, u)), sp.sign: _sign, sp.Heaviside: _heaviside,
    sp.Max: lambda ctx, *a: max(_real(ctx, v) for v in a), sp.Min: lambda ctx, *a: min(_real(ctx, v) for v in a),
    sigmoid: _sigmoid,
}
CONSTANTS = {sp.pi: lambda ctx: +ctx.pi, sp.E: lambda ctx: +ctx.e, sp.I: lambda ctx: ctx.mpc(0, 1)}
RELATIONS = {sp.StrictLessThan: lambda a, b: a < b, sp.LessThan: lambda a, b: a <= b,
             sp.StrictGreaterThan: lambda a, b: a > b, sp.GreaterThan: lambda a, b: a >= b,
             sp.Equality: lambda a, b: a == b, sp.Unequality: lambda a, b: a != b}

_CONTEXTS = threading.local()     # one mpmath context per thread, whose precision no other thread sets


def _context(digits: int):
    """This thread's own mpmath context at ``digits`` significant digits. mpmath's global ``mp`` is
    shared by every thread (``workdps`` sets and resets it, and so does SymPy's evalf), so a value
    computed there could lose its digits to another thread's request midway."""
    ctx = getattr(_CONTEXTS, "ctx", None)
    if ctx is None:
        ctx = _CONTEXTS.ctx = mpmath.MPContext()
    ctx.dps = digits
    return ctx


def value(expr, point: dict, digits: int = 40):
    """expr at ``point`` (symbol -> mpmath number) with ``digits`` significant digits, computed in this
    thread's own context and given back as mpmath's usual numbers, every digit kept."""
    ctx = _context(digits)
    result = _value(ctx, expr, {name: ctx.convert(number) for name, number in point.items()})
    if isinstance(result, ctx.mpc):
        return mpmath.mp.make_mpc((result.real._mpf_, result.imag._mpf_))
    return mpmath.mp.make_mpf(result._mpf_)


def _value(ctx, expr, point):
    if expr in point:
        return point[expr]
    if expr.is_Rational:
        return ctx.mpf(expr.p) / expr.q
    if expr.is_Float:
        return ctx.make_mpf(expr._mpf_)
    if expr in CONSTANTS:
        return CONSTANTS[expr](ctx)
    if isinstance(expr, sp.Add):
        return ctx.fsum(_value(ctx, a, point) for a in expr.args)
    if isinstance(expr, sp.Mul):
        return ctx.fprod(_value(ctx, a, point) for a in expr.args)
    if isinstance(expr, sp.Pow):
        return _power(ctx, _value(ctx, expr.base, point), _value(ctx, expr.exp, point))
    if isinstance(expr, sp.Piecewise):
        for piece, condition in expr.args:
            if _holds(ctx, condition, point):
                return _value(ctx, piece, point)
        raise Undefined("no piece applies")
    function = FUNCTIONS.get(expr.func)
    if function is None:
        return _by_sympy(ctx, expr, point)
    try:
        return function(ctx, *(_value(ctx, a, point) for a in expr.args))
    except (ZeroDivisionError, ValueError) as error:
        raise Undefined(str(error)) from None


def _by_sympy(ctx, expr, point):
    """A head outside the table (a derivation may hold asinh, acsc, a Derivative...): SymPy's own
    numerical evaluation of it at the arguments' values; an answer never gets here (its heads are
    whitelisted)."""
    if not isinstance(expr, sp.Function) or isinstance(expr, sp.core.function.AppliedUndef):
        raise Unknowable(f"{expr.func} is not evaluated")
    arguments = [_as_sympy(ctx, _value(ctx, a, point)) for a in expr.args]
    try:
        result = sp.N(expr.func(*arguments), ctx.dps)
        real, imag = result.as_real_imag()
        number = ctx.mpc(ctx.make_mpf(sp.Float(real, ctx.dps)._mpf_), ctx.make_mpf(sp.Float(imag, ctx.dps)._mpf_))
    except (TypeError, ValueError, AttributeError, ArithmeticError):
        raise Unknowable(f"{expr.func} cannot be evaluated here") from None
    return number.real if number.imag == 0 else number


def _as_sympy(ctx, number):
    """A number of the context as SymPy's, every digit kept (SymPy reads an mpf through its _mpf_)."""
    if isinstance(number, ctx.mpc):
        return sp.Float(number.real._mpf_, ctx.dps) + sp.I * sp.Float(number.imag._mpf_, ctx.dps)
    return sp.Float(number._mpf_, ctx.dps)


def _holds(ctx, condition, point) -> bool:
    if condition is sp.true:
        return True
    if condition is sp.false:
        return False
    if isinstance(condition, sp.And):
        return all(_holds(ctx, c, point) for c in condition.args)
    if isinstance(condition, sp.Or):
        return any(_holds(ctx, c, point) for c in condition.args)
    if isinstance(condition, sp.Not):
        return not _holds(ctx, condition.args[0], point)
    relation = RELATIONS.get(type(condition))
    if relation is None:
        raise Unknowable(f"condition {condition} is not evaluated")
    return relation(_real(ctx, _value(ctx, condition.lhs, point)), _real(ctx, _value(ctx, condition.rhs, point)))
