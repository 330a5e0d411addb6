"""The order in which people write the terms of a sum and the factors of a product.

SymPy orders them its own way (b + wx − y, −o₁ + y, h₁w₅, ε²c); a key follows the statement where
it can (``written``: the terms of its sums in its order) and otherwise the habits of the course:
a sum opens with a plus term, a small increment comes last, a neuron's bias after its weighted
inputs; numbers, then Greek coefficients, then weights lead a product, and 1 − u follows u.
Both printers of ``render.math`` use these rules.
"""

from __future__ import annotations

import re

import sympy as sp


def readable_terms(terms: list, written: tuple = ()) -> list:
    """Terms in the order people write them: as the statement wrote them when ``written`` (its terms, in
    order) accounts for every one, up to a number factor (wx + b − y, 2wx + 2b − 2y); a sum does not open
    with a minus or a small increment when it has another plus term (y − o₁, w − ηg, x + ε, w + Δw, never
    −o₁ + y or ε + x); a neuron's bias comes after its weighted inputs (w₁x₁ + w₂x₂ + b₁); otherwise
    SymPy's order is kept."""
    places = [_written_place(term, written) for term in terms] if written else []
    if places and None not in places:
        terms = [term for _, term in sorted(zip(places, terms), key=lambda pair: pair[0])]
    else:
        terms = _bias_last(terms)
    plus = [k for k, term in enumerate(terms) if not term.could_extract_minus_sign()]
    plain = [k for k in plus if not _increment(terms[k])]
    if terms and terms[0].could_extract_minus_sign() and plus or terms and _increment(terms[0]) and plain:
        k = (plain or plus)[0]
        return [terms[k], *terms[:k], *terms[k + 1:]]
    return terms


_BIAS = re.compile(r"b(_?\{?[\w,]*\}?)?$")
_WEIGHT = re.compile(r"w(_?\{?\w*\}?)?$")


def _bias_last(terms: list) -> list:
    """A neuron's sum as people write it, weights times inputs first and the bias last: w₁x₁ + w₂x₂ + b₁."""
    def is_bias(term):
        return isinstance(term, sp.Symbol) and bool(_BIAS.match(term.name.split("\x00")[0]))
    def weighted(term):
        return term.is_Mul and any(isinstance(f, sp.Symbol) and _WEIGHT.match(f.name.split("\x00")[0]) for f in term.args)
    if not any(is_bias(t) for t in terms) or not any(weighted(t) for t in terms):
        return terms
    return [t for t in terms if not is_bias(t)] + [t for t in terms if is_bias(t)]


def _written_place(term, written: tuple) -> int | None:
    """Where the statement wrote ``term`` (or a number times it), or None."""
    for k, other in enumerate(written):
        if term == other or other != 0 and (term / other).is_number:
            return k
    return None


INCREMENTS = ("epsilon", "varepsilon", "\\Delta")


def _increment(term) -> bool:
    """ε, Δw or a multiple of one: a small change, written after what it changes."""
    return any(isinstance(s, sp.Symbol) and s.name.startswith(INCREMENTS) for s in term.free_symbols)


def _greek(factor) -> bool:
    """λ, η_t: a Greek coefficient (ε² is a quantity of its own: cε², not ε²c)."""
    return isinstance(factor, sp.Symbol) and factor.name.split("\x00")[0].split("_")[0] in GREEK


def readable_factors(factors: list) -> list:
    """Factors in the order people write them: numbers, then Greek coefficients (2λb, ηg), then weights
    (w₅h₁), then the rest (a Greek matrix such as δ keeps its place: Xᵀδ is not δXᵀ); 1 − u right after u:
    σ(1 − σ), h₁(1 − h₁)x₁."""
    ordered = sorted(factors, key=lambda f: 0 if f.is_number else 1 if _coefficient(f) else 2 if _weight(f) else 3)
    for factor in list(ordered):
        partner = _complement_of(factor)
        if partner is not None and partner in ordered and factor.is_commutative:
            ordered.remove(factor)
            ordered.insert(ordered.index(partner) + 1, factor)
    return ordered


def _coefficient(factor) -> bool:
    """λ, η or an expression in them only, such as 1 − β₁: a coefficient, written first ((1 − α)g²)."""
    symbols = factor.free_symbols
    return factor.is_commutative and bool(symbols) and (_greek(factor) or isinstance(factor, sp.Add)
                                                        and all(_greek(s) for s in symbols))


def _weight(factor) -> bool:
    """w₅, w_{jk}: a network's weight, written before what it multiplies."""
    return isinstance(factor, sp.Symbol) and factor.is_commutative and bool(_WEIGHT.match(factor.name.split("\x00")[0]))


def _complement_of(factor):
    """u for a factor 1 − u, else None."""
    if isinstance(factor, sp.Add) and len(factor.args) == 2 and sp.S.One in factor.args:
        rest = factor - 1
        return -rest if rest.could_extract_minus_sign() else None
    return None


# Greek letters as SymPy names them; a symbol whose name starts with one is a coefficient (λ, η, α, β)
GREEK = frozenset("""alpha beta gamma delta epsilon varepsilon zeta eta theta iota kappa lambda lamda mu nu xi
    pi rho sigma tau upsilon phi varphi chi psi omega""".split())


def in_order(printer, print_mul, factors: list) -> str:
    """A product printed with its factors in the order given, each factor printed as usual inside
    (σ(αx) stays σ(αx) when the product around it is reordered)."""
    printer._settings["order"], printer._factors_in_order = "none", True
    try:
        return print_mul(sp.Mul(*factors, evaluate=False))
    finally:
        printer._settings["order"], printer._factors_in_order = None, False


class _FactorsAsUsual:
    """The factors of a product ``in_order`` prints are themselves printed in the usual order."""

    _factors_in_order = False

    def _print(self, expr, **kwargs):
        if not self._factors_in_order:
            return super()._print(expr, **kwargs)
        self._settings["order"], self._factors_in_order = None, False
        try:
            return super()._print(expr, **kwargs)
        finally:
            self._settings["order"], self._factors_in_order = "none", True
