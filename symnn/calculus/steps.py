"""The records of a derivation: a tree of frozen Steps.

A Step says which rule turned ``d/d var (expr)`` into ``result``; its substeps
are the derivations it used. Every step can check itself against SymPy.

>>> import sympy as sp
>>> x = sp.Symbol("x")
>>> step = Step("power", x ** 3, x, 3 * x ** 2)
>>> step.verify()
True
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy as sp

from .display import RichDisplay
from .equal import equal, real_symbols


@dataclass(frozen=True)
class Rewrite:
    """One named simplification of a result: ``before`` = ``after``."""

    rule: str
    before: sp.Expr
    after: sp.Expr

    def verify(self) -> bool:
        return equal(self.before, self.after)


@dataclass(frozen=True)
class Step(RichDisplay):
    """``d^order/d var^order (expr) = result``, by ``rule``.

    ``introduces`` holds the substitutions a chain rule makes, as pairs
    (u1, inner expression); ``rewrites`` are the named simplifications that
    turned the rule's raw result into ``result``; ``flagged`` marks a result
    taken from SymPy's table because no rule of ours applies.
    """

    rule: str
    expr: sp.Expr
    var: sp.Symbol
    result: sp.Expr
    substeps: tuple[Step, ...] = ()
    introduces: tuple[tuple[sp.Symbol, sp.Expr], ...] = ()
    rewrites: tuple[Rewrite, ...] = ()
    flagged: bool = False
    order: int = 1

    @property
    def raw(self) -> sp.Expr:
        """The result as the rule produced it, before any rewrite."""
        return self.rewrites[0].before if self.rewrites else self.result

    def walk(self):
        """This step and every step below it, parents first."""
        yield self
        for sub in self.substeps:
            yield from sub.walk()

    def verify(self) -> bool:
        """True when this step's result equals ``sympy.diff`` of its expression."""
        reals = real_symbols(sp.Tuple(self.expr, self.var))
        expected = sp.diff(self.expr.xreplace(reals), reals.get(self.var, self.var), self.order)
        return (equal(self.result, expected, domain=self.expr)
                and all(r.verify() for r in self.rewrites))

    def failures(self) -> list[Step]:
        """Every step of the tree whose result disagrees with ``sympy.diff``."""
        return [step for step in self.walk() if not step.verify()]
