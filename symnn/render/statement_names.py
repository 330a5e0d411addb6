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
from ..problems.network_names import NETWORK_KINDS, network_names  # noqa: F401  (re-exported for the key)
from ..problems.notation_schema import without_clashes

KINDS = ("derivative", "gradient")          # the kinds whose key is a derivation of the problem's expr
VECTOR_KINDS = ("residual-gradient", "vector-gradient")      # a function of a vector x, worked in its entries
OWN_EXPR = ("array", "graph")     # an expr that is NumPy's, or a graph's (its key keeps the names it is drawn with)
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


def _program_symbols(problem) -> set:
    """The names a program's steps assign and use (z = w0*x0 + w1*x1 + w2: z, w0, x0, …)."""
    symbols = set()
    for step in problem.data.get("steps") or ():
        name, _, text = str(step).partition("=")
        parsed = _parsed(problem, text)
        symbols |= {sp.Symbol(name.strip())} | (parsed.free_symbols if isinstance(parsed, sp.Basic) else set())
    return symbols


def statement_subscripts(problem) -> dict:
    """symnn's indexed names (w1) that the statement writes with a subscript (w_1) and never bare, each with
    the statement's form; for the kinds with an ``expr`` and for programs, and not where the notation names
    it. The entries x₁, x₂ of a vector x (a residual or a quadratic's gradient) are always x_1, x_2."""
    # the statement and the form of the answer it asks for, both read by the student
    statement = (problem.statement.get("en") or "") + " " + ((problem.data.get("answer_form") or {}).get("en") or "")
    symbols = _program_symbols(problem) if problem.kind == "program" else set()
    components = problem.kind in VECTOR_KINDS       # x = (x₁, …, xₙ): the entries of the statement's vector x
    if components:
        symbols = {sp.Symbol(f"x{k}") for k in range(1, len((problem.data.get("matrix") or [[]])[0]) + 1)}
    whole = _parsed(problem, problem.data.get("expr") or "") if problem.kind not in OWN_EXPR else None
    if whole is not None:
        symbols = whole.free_symbols
    notation = problem.data.get("notation") or {}
    found = {}
    for symbol in sorted(symbols, key=lambda s: s.name):
        match = _INDEXED.fullmatch(symbol.name)
        if not match or symbol.name in notation:
            continue
        letters, digits = match.groups()
        subscripted = re.search(rf"(?<![A-Za-z\\]){letters}_\{{?{digits}\}}?(?!\d)", statement)
        bare = re.search(rf"(?<![A-Za-z\\_]){symbol.name}(?!\d)", statement)
        if (subscripted or components) and not bare:
            found[symbol.name] = f"{letters}_{digits}" if len(digits) == 1 else f"{letters}_{{{digits}}}"
    return without_clashes(found, [symbol.name for symbol in symbols], notation)


_COUNT = re.compile(r"\\sum_\{?\s*i\s*=\s*1\s*\}?\^\{?\s*([A-Za-z])\b")      # \sum_{i=1}^N, \sum_{i=1}^{m}


def sample_count(problem) -> dict:
    """The letter a loss's statement counts its samples with, where it is not symnn's n: {"n": "N"} for a
    statement that writes BCE = −(1/N) Σ_{i=1}^N …, so that the key's sum runs to N too.

    >>> from symnn.problems.bank import get_problem
    >>> sample_count(get_problem("bce-n"))
    {'n': 'N'}
    """
    match = _COUNT.search(problem.statement.get("en") or "")
    if problem.kind != "loss" or not match or match[1] == "n":
        return {}
    return {"n": match[1]}


_LOG = re.compile(r"\\log(?!_)")        # \log, not \log_2


def log_written(problem) -> dict:
    """{"log": "log"} where the statement writes the natural logarithm as log and never as ln (BCE = −Σ y log p):
    the key writes log as well, and says once that it is natural (``LOG_NATURAL``).

    >>> from types import SimpleNamespace
    >>> log_written(SimpleNamespace(statement={"en": r"Compute $-\\log p$."})), log_written(SimpleNamespace(statement={"en": r"$\\ln p$"}))
    ({'log': 'log'}, {})
    """
    text = problem.statement.get("en") or ""
    return {"log": "log"} if _LOG.search(text) and "\\ln" not in text else {}




_ARROW = re.compile(r"\\vec\s*\{?([A-Za-z])\}?(?:_\{?([A-Za-z0-9]+)\}?)?")      # \vec h_t, \vec{x}


def vector_arrows(problem) -> dict:
    """The vectors of a network the statement writes with an arrow, named so in its key: {"h_t": "\\vec{h}_{t}"}
    for a statement that writes $\\vec h_t = W_h \\vec x$, so that the key writes h⃗_t = W_h·x⃗ too.

    >>> from symnn.problems.bank import get_problem
    >>> vector_arrows(get_problem("fc-equations"))["h_t"]
    '\\\\vec{h}_{t}'
    """
    if problem.kind not in NETWORK_KINDS:
        return {}
    found = {}
    for letter, sub in _ARROW.findall(problem.statement.get("en") or ""):
        found[f"{letter}_{sub}" if sub else letter] = rf"\vec{{{letter}}}" + (f"_{{{sub}}}" if sub else "")
    return found
