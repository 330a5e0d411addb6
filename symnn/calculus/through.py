"""Writing a result through a name its statement defines: "find F′ and write it through F".

A part of the result equal to the definition becomes the name (α·σ(αx)(1 − σ(αx)) through
f = σ(αx) is α·f(1 − f)). Where no part is equal, the definition is solved for one of its
variables and that is put into the result (x = ½ ln((1 + F)/(1 − F)) for the tanh written with
exponentials turns 4σ(2x)(1 − σ(2x)) into 1 − F²); the form is kept only when it is free of that
variable and equals the result.

>>> import sympy as sp
>>> x = sp.Symbol("x", real=True)
>>> written_through(1 - sp.tanh(x) ** 2, "F", (sp.exp(2*x) - 1)/(sp.exp(2*x) + 1))
1 - F**2
"""

from __future__ import annotations

import sympy as sp

from .equal import equal
from .tidy import prefer_one_minus


def written_through(expr, name: str, definition, wrt=frozenset()):
    """``expr`` with ``definition`` written as the symbol ``name`` wherever that can be done; a form free of
    the variables named in ``wrt`` (v of φ′(v) through y = φ(v)) is preferred to one that keeps them."""
    symbol = sp.Symbol(name, real=True)
    free = lambda form: not any(s.name in wrt for s in form.free_symbols)      # noqa: E731
    parts = {part for part in sp.preorder_traversal(expr)
             if not part.is_Atom and part.free_symbols == definition.free_symbols and equal(part, definition)}
    replaced = expr.xreplace({part: symbol for part in parts}) if parts else None
    if replaced is not None and free(replaced):
        return replaced
    return _eliminated(expr, symbol, definition, free) or _scaled(expr, symbol, definition, free) or replaced or expr


def _scaled(expr, symbol, definition, free):
    """y = a·tanh(bv) (+ c): the function solved for, tanh(bv) = y/a, put where it stands in ``expr``:
    a·b·(1 − tanh²(bv)) is b(a − y)(a + y)/a. None where no such form is free of the variables."""
    for function in sorted(definition.atoms(sp.Function), key=sp.default_sort_key):
        stand_in = sp.Dummy("F")
        rest = definition.xreplace({function: stand_in})
        solutions = sp.solve(sp.Eq(symbol, rest), stand_in)
        if len(solutions) != 1 or not free(solutions[0]):
            continue
        candidate = expr.xreplace({function: solutions[0]})
        if candidate != expr and free(candidate):
            best = min((prefer_one_minus(sp.factor(candidate)), sp.factor(sp.simplify(candidate))), key=sp.count_ops)
            if equal(best.subs(symbol, definition), expr):
                return best
    return None


def _eliminated(expr, symbol, definition, free=lambda form: True):
    """The shortest form of ``expr`` in ``symbol`` with one variable of ``definition`` solved for;
    None when no variable can be eliminated."""
    written = expr.rewrite(sp.exp)
    for variable in sorted(definition.free_symbols & expr.free_symbols, key=lambda s: s.name):
        try:
            solutions = sp.solve(sp.Eq(symbol, definition), variable)
        except (NotImplementedError, ValueError):
            continue
        for solution in solutions:
            candidate = sp.factor(sp.simplify(written.subs(variable, solution)))
            if variable in candidate.free_symbols or candidate.has(sp.log) or not free(candidate):
                continue
            forms = [prefer_one_minus(candidate), prefer_one_minus(sp.expand(candidate))]
            best = min(forms, key=sp.count_ops)
            if equal(best.subs(symbol, definition), expr):
                return best
    return None
