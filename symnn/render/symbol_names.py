r"""How the printers write a name and a number put in for one: the statement's names (``notation``, LaTeX)
in plain text as they read (a^2 as a², \hat{y} as ŷ), bracketed where a power or a ⁺ follows ((a²)², (a²)⁺),
the δ of a renamed node with the node's name (δ_o1 as δ_(a²) where the notation writes o1 as a^2), and a number
that is a function's whole argument without brackets of its own (σ(−0.75), not σ((−0.75))).

>>> text_name("a^2"), text_name("W^{12}"), text_name(r"\hat{y}") == "\u0177", text_name("grad^h1"), text_name("w")
('a²', 'W¹²', True, 'grad^h1', 'w')
"""

from __future__ import annotations

import re
import unicodedata

import sympy as sp

from .typed import RAISED
from .values import Shown

ACCENTS = {"hat": "\u0302", "bar": "\u0304", "tilde": "\u0303", "dot": "\u0307"}
SUPERSCRIPTS = set("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺") | {v for v in RAISED.values() if isinstance(v, str)}


def bare(expr):
    """σ(−0.75), |−2|, √0.5 and each number of max(0, −1.7), not σ((−0.75)): a number put in as an argument
    (a ``Shown``) needs no brackets of its own."""
    if isinstance(expr, Shown):
        return expr.number
    if isinstance(expr, sp.Function) and len(expr.args) == 1 and isinstance(expr.args[0], Shown) \
            or isinstance(expr, sp.Pow) and expr.exp == sp.S.Half and isinstance(expr.base, Shown):
        return expr.func(*(bare(arg) for arg in expr.args), evaluate=False)
    return expr


def text_name(head: str) -> str:
    r"""The head of a name (before its subscript) as plain text writes it: \hat{y} as ŷ, a^2 and a^{2} as a²
    (Hagan's output of layer 2, a name, not a power); any other superscript as written (grad^h1)."""
    head = re.sub(r"\\(hat|bar|tilde|dot)\{(\w)\}", lambda m: unicodedata.normalize("NFC", m[2] + ACCENTS[m[1]]), head)
    base, caret, power = head.partition("^")
    if not caret or not base or not power:
        return head
    power = power[1:-1] if power.startswith("{") and power.endswith("}") else power
    return base + power.translate(RAISED) if power.isdigit() else head


def raised(text: str) -> bool:
    """A name written with a superscript (a², W^([1])): a power or a ⁺ after it needs brackets around it."""
    return "^" in text or any(c in SUPERSCRIPTS for c in text)


def plain_tail(tail: str) -> bool:
    """A subscript written without brackets: letters, digits and their accents (δ_h1, δ_ŷ), not δ_(a²)."""
    return all(c.isascii() and c.isalnum() or unicodedata.category(c) in ("Ll", "Lu", "Mn") for c in tail)


def renamed_symbols(symbols, names, notation) -> dict:
    """{symbol: as the problem writes it} for each symbol ``names`` renames, and the δ of a node the problem's
    ``notation`` (not a subscript read from the statement) renames, named by that name (δ_o1 as delta_{a^2}, printed δ_(a²) and \\delta_{a^{2}}, where notation = { o1 = "a^2" })."""
    mapping = {}
    for s in symbols:
        if not isinstance(s, sp.Symbol) or isinstance(s, Shown):
            continue
        if s.name in names:
            mapping[s] = sp.Symbol(names[s.name], **s.assumptions0)
        elif s.name.startswith("delta_") and s.name[6:] in notation and not keeps_node(s.name[6:], notation[s.name[6:]]):
            mapping[s] = sp.Symbol("delta_{%s}" % notation[s.name[6:]], **s.assumptions0)
    return mapping


def keeps_node(node: str, name: str) -> bool:
    """The statement's name still ends with the node's own (out_{o1}, o_1 for o1): its δ keeps the neuron's name,
    δ_o1, as Mazur's worked example writes it."""
    return re.sub(r"[{}_]", "", name).endswith(node)
