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


NETWORK_KINDS = ("forward", "network", "backprop", "training", "delta-rule")
_MATH = re.compile(r"\$([^$]*)\$")


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


def _bare(letter: str, math: str) -> bool:
    """``letter`` stands alone in the statement's formulas ``math``: b in $b = 4$, not in $b_1$ or $\\beta$."""
    return re.search(rf"(?<![A-Za-z\\_]){letter}(?![A-Za-z_\d'])", math) is not None


def network_names(problem, network) -> dict:
    """The names of a network's inputs, neurons, weights and biases as its statement writes them, where symnn's
    own (x1, w1, b1, o1) differ and its ``notation`` does not say:

    - a name the statement writes with a subscript and never bare: h_1, o_1 for h1, o1;
    - the components of a vector the statement gives entry by entry: w_1, w_2, w_3 for w = (0, 1, 0.5) when the
      network has as many weights w1, w2, w3 (x_1, x_2 for x = (2, 3));
    - the one bias of a network of one neuron: b where the statement writes b = 4;
    - the one output: o where the statement writes o; for a forward pass whose statement names no output, y,
      as the course writes a neuron y = f(w·x + b);
    - and then, once one name has a subscript, every other indexed name too (w_5 beside h_1, not w5).

    >>> from symnn.problems.bank import get_problem
    >>> from symnn.problems.solve import solve
    >>> network_names(get_problem("neuron-2in"), solve("neuron-2in").work.network)
    {'x1': 'x_1', 'x2': 'x_2', 'w1': 'w_1', 'w2': 'w_2', 'b1': 'b', 'o1': 'y'}
    """
    if problem.kind not in NETWORK_KINDS or network is None:
        return {}
    math = " ".join(_MATH.findall(problem.statement.get("en") or ""))
    notation = problem.data.get("notation") or {}
    neurons = list(network.neurons())
    symbols = [*network.inputs, *getattr(network, "targets", ()), *(w for n in neurons for w in n.weights), *(n.bias for n in neurons if n.bias is not None),
               *(n.name for n in neurons)]
    names = list(dict.fromkeys(str(s) for s in symbols))
    groups: dict = {}
    for name in names:
        match = _INDEXED.fullmatch(name)
        if match:
            groups.setdefault(match[1], []).append(name)
    found = {}
    for letters, members in groups.items():
        for name in members:
            digits = _INDEXED.fullmatch(name)[2]
            subscripted = re.search(rf"(?<![A-Za-z\\]){letters}_\{{?{digits}\}}?(?!\d)", math)
            if subscripted and not _bare(name, math):
                found[name] = f"{letters}_{digits}" if len(digits) == 1 else f"{letters}_{{{digits}}}"
        given = re.search(rf"(?<![A-Za-z\\_]){letters}\s*=\s*\\?\(([^()]*)\\?\)", math)     # w = (0, 1, 0.5)
        if given and len(given[1].split(",")) == len(members) > 1:
            found.update({name: f"{letters}_{_INDEXED.fullmatch(name)[2]}" for name in members if name not in found})
    biases = list(dict.fromkeys(str(n.bias) for n in neurons if n.bias is not None))
    if len(neurons) == 1 and len(biases) == 1 and re.search(r"(?<![A-Za-z\\_])b\s*=", math):
        found[biases[0]] = "b"
    if len(network.outputs) == 1 and str(network.outputs[0]) not in found:
        output = str(network.outputs[0])
        if _bare("o", math):
            found[output] = "o"
        elif problem.kind == "forward" and not _bare("y", math):
            found[output] = "y"
    for letters, members in groups.items():      # notation = { x = '\phi' }: every input x1, x2 as ϕ_1, ϕ_2
        letter = notation.get(letters)
        if isinstance(letter, str) and not set(letter) & set("_^"):
            found.update({name: f"{letter}_{{{_INDEXED.fullmatch(name)[2]}}}" for name in members})
            found.update({f"delta_{name}": f"delta_{{{letter}_{{{_INDEXED.fullmatch(name)[2]}}}}}" for name in members
                          if name in map(str, (n.name for n in neurons))})        # δ_h1 as δ_{a_1} of h = "a"
    if any("_" in shown for shown in found.values()):      # w_1 beside x_1: every indexed name with its subscript
        for name in names:
            match = _INDEXED.fullmatch(name)
            if match and name not in found:
                found[name] = f"{match[1]}_{match[2]}" if len(match[2]) == 1 else f"{match[1]}_{{{match[2]}}}"
    # a forward pass prints no target: its output may be the statement's y
    printed = [name for name in names if problem.kind != "forward" or name not in map(str, getattr(network, "targets", ()))]
    return without_clashes({name: shown for name, shown in found.items() if name not in notation}, printed, notation)
