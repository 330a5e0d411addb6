"""The names a derivation uses and their derivatives.

A name is one the derivation defines (``u = x^2``, ``s1 = e^y1/(…)``), a network's node (h1,
o1, which the course also calls y_pred, and L) or a name the statement defines (f = σ(αx)).
``expand`` writes a value out through them, down to the problem's variables. ``dA/dB`` and
``u'`` of such a name are the derivatives of its definition, through the other definitions
(``dE/dy`` of the problem's function, when y is defined, is taken with the function written
through y); of any other name (``dF/dx``, ``f'``), they are the derivative the problem asks for.
Each derivative read is recorded as a ``Claim``, which tells a line that starts a new claim.
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy as sp

from .question import DerivationError, Question, canonical, named_symbol

MAX_DEPTH = 25           # definitions in terms of definitions


@dataclass
class Claim:
    """A derivative a side states: of what, by which variable, and whose it is."""

    operand: object          # the expression differentiated (None: the problem's own derivative)
    variable: object         # the variable (a Symbol), or None
    kind: str                # "asked" (what the problem asks), "derived" (of a definition) or "sigma" (σ')


class NamedDerivatives:
    """What the names of a derivation stand for, and the derivatives of them."""

    def __init__(self, question: Question):
        self.question = question
        self.claims: list[Claim] = []       # each derivative notation read, in order
        self.definitions: dict[str, object] = {}     # u = x^2, s1 = e^y1/(...): a name, defined
        q = question
        self.wrt = q.options.wrt if q.options.wrt is not None else (q.variables[0] if len(q.variables) == 1 else None)

    def resolve(self, name: str) -> str:
        """The canonical name, with the course's names for a network's output (y_pred) as its node."""
        name = canonical(name)
        return self.question.aliases.get(name, name)

    def expression_of(self, name: str):
        """What ``name`` stands for in the names of the others: the derivation's definition, or the node's."""
        name = self.resolve(name)
        if name in self.definitions:
            return self.definitions[name]
        return self.question.nodes.get(name)

    def known(self) -> set:
        """The names of the problem (so that wx is w·x), and those the derivation defined."""
        q = self.question
        exprs = [q.function, *(q.answer if isinstance(q.answer, tuple) else (q.answer,))]
        return ({s.name for e in exprs if isinstance(e, sp.Basic) for s in e.free_symbols} | set(self.definitions)
                | set(q.nodes) | set(q.values) | set(q.aliases))

    def defined(self, value, swap=None, expand: bool = True):
        """``value`` with the placeholders and the derivation's definitions (s1 = ...) put in."""
        if isinstance(value, tuple):
            return tuple(self.defined(v, swap, expand) for v in value)
        if not isinstance(value, sp.Basic):
            return value
        value = value.xreplace(swap or {})
        return self.expand(value) if expand else value

    def expand(self, value, keep=frozenset(), numbers: bool = True):
        """``value`` with every defined name (and node) replaced by its definition, except those in
        ``keep``; ``numbers``: then the values of a network problem's point put in."""
        if isinstance(value, tuple):
            return tuple(self.expand(v, keep, numbers) for v in value)
        if not isinstance(value, sp.Basic):
            return value
        q = self.question
        for _ in range(MAX_DEPTH):
            swap = {}
            for s in value.free_symbols:
                name = self.resolve(s.name)
                if name in keep or not isinstance(s, sp.Symbol):
                    continue
                if name in self.definitions:
                    swap[s] = self.definitions[name]
                elif name in q.nodes:
                    swap[s] = q.nodes[name]
            if not swap:
                break
            value = value.xreplace(swap)
        else:
            raise DerivationError("circular")
        if numbers and q.values:
            swap = {s: q.values[self.resolve(s.name)] for s in value.free_symbols
                    if self.resolve(s.name) in q.values and self.resolve(s.name) not in keep}
            value = value.xreplace(swap) if swap else value
        return value

    def _asked(self, var: str | None = None):
        """The derivative the problem asks for: its answer, or one component of it."""
        q = self.question
        if var is not None and q.function is not None:
            return sp.diff(q.function, named_symbol(var, q.function))
        if var is not None and isinstance(q.answer, tuple) and q.variables:
            names = [str(v).replace("_", "") for v in q.variables]
            if var.replace("_", "") in names:
                return q.answer[names.index(var.replace("_", ""))]
        if var is not None and isinstance(q.answer, tuple):
            raise DerivationError("component", var=var)
        return q.answer

    def _named(self, top: str, bottom: str):
        """dA/dB: of a defined name or a node, the derivative of its definition (through the other
        definitions); of anything else, the derivative the problem asks for."""
        definition = self.expression_of(top)
        wanted = self.resolve(bottom)
        if definition is None and self.question.function is not None and self.expression_of(bottom) is not None:
            definition = self._through(wanted)                     # dE/dy: the function written through y
        if definition is None:
            self.claims.append(Claim(None, bottom, "asked"))
            return self._asked(bottom)
        inner = self.expand(definition, keep={wanted}, numbers=False)
        symbol = next((s for s in getattr(inner, "free_symbols", ()) if self.resolve(s.name) == wanted), None)
        self.claims.append(Claim(inner, symbol, "derived"))
        return self.expand(sp.diff(inner, symbol)) if symbol is not None else sp.Integer(0)

    def _through(self, name: str):
        """The problem's function with the defined ``name`` put in for what it stands for
        ((Y − σ(u))² through y = σ(u) is (Y − y)²), or None when it does not appear."""
        function = self.question.function
        stands_for = self.expand(self.expression_of(name), numbers=False)
        if isinstance(stands_for, tuple) or not isinstance(stands_for, sp.Basic) or stands_for.is_number:
            return None
        by_name = {canonical(s.name): s for s in function.free_symbols}       # w_1 is the function's w1
        stands_for = stands_for.xreplace({s: by_name[canonical(s.name)] for s in stands_for.free_symbols
                                          if canonical(s.name) in by_name})
        symbol = sp.Symbol(name, real=True)
        written = function.subs(stands_for, symbol)
        return written if symbol in written.free_symbols else None

    def _prime(self, name: str):
        """u' of a defined name: the derivative of its definition by the problem's variable;
        f' of any other: the derivative the problem asks for."""
        definition = self.expression_of(name) if len(name) > 1 or self.resolve(name) in self.definitions else None
        if definition is None:
            self.claims.append(Claim(None, None, "asked"))
            return self._asked()
        return self._derivative(self.expand(definition, numbers=False))

    def _primed_part(self, name: str) -> str:
        """The name a prime is on: the whole name when it means something, else the longest
        defined name it ends with (uv' is u·v'), else the whole name."""
        if len(name) == 1 or self.expression_of(name) is not None:
            return name
        for k in range(1, len(name)):
            if self.resolve(name[k:]) in self.definitions:
                return name[k:]
        return name

    def _derivative(self, operand):
        """The derivative of ``operand`` by the problem's one variable (for u' and (…)')."""
        if self.wrt is None or isinstance(operand, tuple):
            raise DerivationError("prime")
        variable = named_symbol(str(self.wrt), operand)
        self.claims.append(Claim(operand, variable, "derived"))
        return self.expand(sp.diff(operand, variable))

