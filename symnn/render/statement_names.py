"""The names a derivative's statement gives, which its key writes as the statement does.

A statement that defines y = σ(w₁x₁ + w₂x₂ + b) and asks for ∂E²/∂w₁ of E² = (Y − y)² is answered
through y, not with σ(w₁x₁ + w₂x₂ + b) on every line; and its w₁, x₁ are written with the subscripts
the statement gives them, not as symnn's own w1, x1.

>>> from symnn.problems.bank import get_problem
>>> problem = get_problem("neuron-grad")
>>> defined_names(problem)
((sigmoid(b + w1*x1 + w2*x2), y),)
>>> statement_subscripts(problem)
{'w1': 'w_1', 'w2': 'w_2', 'x1': 'x_1', 'x2': 'x_2'}
"""

from __future__ import annotations

import re

import sympy as sp

from ..calculus.parse import ParseError, parse_expr_safe

KINDS = ("derivative", "gradient")          # the kinds whose key is a derivation of the problem's expr
_INDEXED = re.compile(r"([A-Za-z]+)(\d+)")


def _parsed(problem, text):
    try:
        return parse_expr_safe(text, tuple(problem.data.get("functions", ())))
    except (ParseError, ValueError, TypeError):
        return None


def defined_names(problem) -> tuple:
    """(definition, name) of each name the statement defines as a part of the function differentiated
    (``names = { y = "sigmoid(w1*x1 + w2*x2 + b)" }``); not a name the answer is asked through (its own
    line shows that step) nor one that is the whole function."""
    names = problem.data.get("names") or {}
    whole = _parsed(problem, problem.data.get("expr") or "")
    if problem.kind not in KINDS or whole is None:
        return ()
    pairs = []
    for name, text in names.items():
        definition = _parsed(problem, text)
        if name in (problem.data.get("through") or ()) or not isinstance(definition, sp.Expr) \
                or definition.is_Atom or definition == whole:
            continue
        pairs.append((definition, sp.Symbol(name, real=True)))
    return tuple(pairs)


def statement_subscripts(problem) -> dict:
    """symnn's indexed names (w1) that the statement writes with a subscript (w_1) and never bare, each with
    the statement's form; only for the kinds derived from ``expr``, and not where the notation names it."""
    statement = problem.statement.get("en") or ""
    whole = _parsed(problem, problem.data.get("expr") or "")
    if problem.kind not in KINDS or whole is None:
        return {}
    notation = problem.data.get("notation") or {}
    found = {}
    for symbol in sorted(whole.free_symbols, key=lambda s: s.name):
        match = _INDEXED.fullmatch(symbol.name)
        if not match or symbol.name in notation:
            continue
        letters, digits = match.groups()
        subscripted = re.search(rf"(?<![A-Za-z\\]){letters}_\{{?{digits}\}}?(?!\d)", statement)
        bare = re.search(rf"(?<![A-Za-z\\_]){symbol.name}(?!\d)", statement)
        if subscripted and not bare:
            found[symbol.name] = f"{letters}_{digits}" if len(digits) == 1 else f"{letters}_{{{digits}}}"
    return found
