"""A key's answer written through the names its statement asks for ("write φ′(v) through y = φ(v)").

The form through a name is free of the variables the derivative is taken by, wherever the name's formula holds
them: b(a − y)(a + y)/a, never a mix of y and v. A form that cannot be freed of them is refused with the
problem's id rather than printed half in y and half in v.
"""

from __future__ import annotations

import sympy as sp

from ..calculus.parse import parse_expr_safe
from ..calculus.through import written_through as write_through
from .bank import BankError


def written_through(answer, names: dict, wrt: frozenset = frozenset(), problem_id: str = ""):
    """The answer written through the named formulas (``calculus.through``): α·σ(αx)(1 − σ(αx))
    through f = 1/(1 + e^(−αx)) is α·f·(1 − f)."""
    if isinstance(answer, tuple):
        return tuple(written_through(a, names, wrt, problem_id) for a in answer)
    for name, formula in names.items():
        definition = parse_expr_safe(formula)
        answer = write_through(answer, name, definition, wrt)
        left = sorted(s.name for s in answer.free_symbols if s.name in wrt and s in definition.free_symbols) \
            if isinstance(answer, sp.Basic) else []
        if left:
            raise BankError(f"problem {problem_id}: the answer cannot be written through {name} alone: "
                            f"{', '.join(left)} remains in {sp.sstr(answer)}; leave out through or name another formula")
    return answer


def wrt_names(data: dict) -> frozenset:
    """The names of the variables a problem differentiates by (its ``wrt``, a name or several)."""
    wrt = data.get("wrt", "")
    return frozenset(n.strip() for n in (wrt if isinstance(wrt, list) else str(wrt).split(",")) if n.strip())
