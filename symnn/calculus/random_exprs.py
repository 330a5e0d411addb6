"""Random elementary expressions, for property tests, benchmarks and exercise variants.

>>> import random
>>> expr = random_expression(random.Random(1))
>>> expr.has(X)
True
"""

from __future__ import annotations

import random

import sympy as sp

from .equal import domain_checks, in_domain
from .functions import sigmoid

X, Y = sp.symbols("x y", real=True)

UNARY = (sp.sin, sp.cos, sp.tan, sp.exp, sp.log, sp.sqrt, sp.asin, sp.atan, sp.acot,
         sp.sinh, sp.cosh, sp.tanh, sp.Abs, sigmoid, lambda u: sp.Max(0, u),
         lambda u: u ** 2, lambda u: u ** -1, lambda u: 2 ** u, lambda u: sp.log(u, 2))
BINARY = (lambda a, b: a + b, lambda a, b: a - b, lambda a, b: a * b, lambda a, b: a / b,
          lambda a, b: a ** b, lambda a, b: sp.Max(a, b))


def random_leaf(rng: random.Random) -> sp.Expr:
    return rng.choice([X, X, X, Y, sp.Integer(rng.randint(1, 5)), sp.Rational(rng.randint(1, 5), 3)])


def random_expression(rng: random.Random, depth: int = 3, var: sp.Symbol = X) -> sp.Expr:
    """An expression in x (and the constant y) built from ``depth`` levels of operations."""
    for _ in range(100):
        try:
            expr = _build(rng, depth)
        except (ValueError, TypeError, ZeroDivisionError):   # e.g. max of a complex constant
            continue
        if expr.has(var) and not expr.has(sp.zoo, sp.nan) and _real_somewhere(expr):
            return expr
    return var


def _real_somewhere(expr) -> bool:
    """Real (with real arguments to |u|, max, H) at one of a few points: a real function."""
    checks = domain_checks(expr)
    return any(in_domain(checks, {X: sp.Float(x, 30), Y: sp.Float(0.6, 30)}) for x in (0.3, 0.7, 1.5, 2.5))


def _build(rng, depth, top=True):
    if depth == 0 or (not top and rng.random() < 0.2):
        return random_leaf(rng)
    if rng.random() < 0.5:
        return rng.choice(UNARY)(_build(rng, depth - 1, False))
    return rng.choice(BINARY)(_build(rng, depth - 1, False), _build(rng, depth - 1, False))
