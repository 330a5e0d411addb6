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
from sympy.core.function import AppliedUndef

from ..calculus.greek import GREEK as GREEK_LETTERS
from ..calculus.transpose import MARK, Trace, transposed
from ..lang import NARROW_SPACE, whole
from .stated import as_stated, stated_order


def readable_terms(terms: list, written: tuple = ()) -> list:
    """Terms in the order people write them: as the statement wrote them when ``written`` (its terms, in
    order) accounts for every one, up to a number factor (wx + b − y, 2wx + 2b − 2y), even opening with a minus
    where it wrote this very sum (−λg + αΔw); a sum does not open with a minus or a small increment when it
    has another plus term (y − o₁, w − ηg, x + ε, w + Δw, never −o₁ + y or ε + x); a neuron's bias comes after
    its weighted inputs (w₁x₁ + w₂x₂ + b₁); otherwise SymPy's order is kept."""
    stated, written = written, tuple(term for term in written if not isinstance(term, sp.Tuple))   # render.stated's
    named = {s.name: s for term in stated for s in term.free_symbols}
    whole = stated_order([_unshown(term, named) for term in terms], stated)
    if whole is not None:                      # this very sum, as the statement writes it: even −λg + αΔw
        return [terms[k] for k in whole]
    places = [_written_place(_unshown(term, named), written) for term in terms] if written else []
    if places and None not in places:
        terms = [term for _, term in sorted(zip(places, terms), key=lambda pair: pair[0])]
    else:
        terms = _complement_after(_one_first(_data_first(_bias_last(terms))))
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
    # the bias after the weighted inputs, a number after both: 3w + b − 14
    return [t for t in terms if not is_bias(t) and not t.is_number] + [t for t in terms if is_bias(t)] \
        + [t for t in terms if t.is_number]


def _written_place(term, written: tuple) -> float | None:
    """Where the statement wrote ``term`` (or a number times it), or None; a number the statement did not
    write goes after the terms it did (11w + 3b − 49: a constant term last)."""
    for k, other in enumerate(written):
        if term == other or not term.is_number and other != 0 and (term / other).is_number:
            return k
    return len(written) if term.is_number else None


def _unshown(term, named: dict):
    """A term of a formula with numbers put in (values.Shown: the symbol's name, then the number) as the
    formula's own term (``named``: the formula's symbols by name), so both are written in one order:
    2·0 + 3·1 as 2w + 3b."""
    shown = {s: named.get(s.name.split("\x00")[0], s) for s in term.free_symbols if "\x00" in s.name}
    return term.xreplace(shown) if shown else term


def _data_first(terms: list) -> list:
    """The derivative of a loss the problem does not give first, then what the formula adds to it:
    ∂L/∂w₁ + 2λw₁ (the data term, then the regulariser), not 2λw₁ + ∂L/∂w₁."""
    def given(term):
        return not any(isinstance(d.expr, AppliedUndef) for d in term.atoms(sp.Derivative))
    return [t for t in terms if not given(t)] + [t for t in terms if given(t)]


def _one_first(terms: list) -> list:
    """A positive number plus terms that cannot be negative (squares, |x|, exponentials, times positive
    numbers or Greek coefficients) is written number first: 1 + x², 1 + |x|, 1 + eˣ, 1 + αx² (SymPy
    writes x² + 1)."""
    numbers = [t for t in terms if t.is_Rational]       # 1 + e⁻¹ too: e⁻¹ is a number, but not the one written first
    rest = [t for t in terms if not t.is_Rational]
    if len(numbers) != 1 or not numbers[0].is_positive or not rest or not all(_size(t) for t in rest):
        return terms
    return numbers + rest


def _complement_after(terms: list) -> list:
    """A term with a factor 1 − u after the term with u: y ln ŷ + (1 − y) ln(1 − ŷ), as cross-entropy is
    written (SymPy puts the complement first)."""
    if len(terms) != 2:
        return terms
    first, second = terms
    partners = [_complement_of(f) for f in sp.Mul.make_args(first)]
    return [second, first] if any(p is not None and p in sp.Mul.make_args(second) for p in partners) else terms


def _size(term) -> bool:
    """x², |x|, eˣ, αx², 2eˣ: a term that is never negative by its form."""
    coefficient, rest = term.as_coeff_Mul()
    return coefficient.is_positive and all(
        isinstance(f, (sp.Abs, sp.exp)) or f.is_Pow and (f.base is sp.E or f.exp.is_even) or _greek(f)
        for f in sp.Mul.make_args(rest))


INCREMENTS = ("epsilon", "varepsilon", "\\Delta")


def _increment(term) -> bool:
    """ε, Δw or a multiple of one: a small change, written after what it changes."""
    return any(isinstance(s, sp.Symbol) and s.name.startswith(INCREMENTS) for s in term.free_symbols)


def _greek(factor) -> bool:
    """λ, η_t: a Greek coefficient (ε² is a quantity of its own: cε², not ε²c)."""
    return isinstance(factor, sp.Symbol) and factor.name.split("\x00")[0].split("_")[0] in GREEK


def readable_factors(factors: list) -> list:
    """Factors in the order people write them: numbers, then Greek coefficients (2λb, ηg), then weights
    (w₅h₁), then the rest (a Greek matrix such as δ keeps its place: Xᵀδ is not δXᵀ), a function last
    beside an indexed quantity (y_i ln ŷ_i); 1 − u right after u:
    σ(1 − σ), h₁(1 − h₁)x₁."""
    indexed = any(isinstance(f, sp.Indexed) for f in factors)     # y_i ln ŷ_i: the quantity before the function
    ordered = sorted(factors, key=lambda f: 0 if f.is_number else 1 if _coefficient(f) else 2 if _weight(f)
                     else 4 if indexed and isinstance(f, sp.Function) else 3)
    for factor in list(ordered):
        partner = _complement_of(factor)
        if partner is not None and partner in ordered and factor.is_commutative:
            ordered.remove(factor)
            ordered.insert(ordered.index(partner) + 1, factor)
    return ordered


def readable_factors_of_fraction(factors: list, written: tuple = ()) -> list:
    """The factors of a fraction: those of the numerator in the order people write them (η·m̂/(√v̂ + ε), whatever
    the letters are named), the denominator's after them in SymPy's order. A matrix's inverse is a factor of a
    product, not a denominator: it keeps its place ((XᵀX)⁻¹Xᵀy is not Xᵀy(XᵀX)⁻¹)."""
    stated = as_stated(factors, written)            # a product the statement writes, in its order: (1 − a)ⁱx₀
    if stated is not None:
        return stated
    if any(f.is_Pow and f.exp.is_negative and not (f.is_commutative and f.exp.is_Number) for f in factors):
        return factors          # nor is a power such as 3^(−Max(4, ln x)), which SymPy's fraction() cannot take apart
    below = [f for f in factors if f.is_Pow and f.exp.is_negative]
    return readable_factors([f for f in factors if f not in below]) + below


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
GREEK = frozenset(name for name in GREEK_LETTERS if name.islower())


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

    _sum_terms = frozenset()

    def _print_Integer(self, expr):
        """10 000 and 302 010 as the statements write them (``lang.whole``), in LaTeX 10\\,000; 1000 as it is. In a
        matrix, whose entries a LaTeX page sets apart by spaces alone, 30201 302010, not 30 201 302 010."""
        if self._in_matrix:
            return str(expr.p)
        text = whole(expr.p)
        return text.replace(NARROW_SPACE, r"\,") if self.printmethod == "_latex" else text

    _in_matrix = False

    def matrix_entries(self, expr) -> list[list[str]]:
        """A matrix's entries printed, row by row, its integers ungrouped (``_print_Integer``)."""
        outer, self._in_matrix = self._in_matrix, True
        try:
            return [[self._print(v) for v in expr.row(i)] for i in range(expr.rows)]
        finally:
            self._in_matrix = outer

    def _print_MatrixBase(self, expr):
        """A matrix (LaTeX's), its integers ungrouped."""
        outer, self._in_matrix = self._in_matrix, True
        try:
            return super()._print_MatrixBase(expr)
        finally:
            self._in_matrix = outer

    def _print_Add(self, expr, order=None):
        """The terms of the sum being printed are known to ``put_in_brackets``: a fraction put in as a term
        needs no brackets, (100/11 + 15 + 200/17)/3."""
        outer, self._sum_terms = self._sum_terms, frozenset(expr.args)
        try:
            return super()._print_Add(expr, order)
        finally:
            self._sum_terms = outer

    def put_in_brackets(self, shown) -> bool:
        """Whether a number put in a formula is bracketed: a negative one always, 3 + (−4); a fraction
        unless it is a term of a sum, 2·(1/3) and (1/3)² but 1/3 + 15."""
        number = shown.number
        return number.is_negative or number.is_Rational and not number.is_Integer and shown not in self._sum_terms


def common_fraction(expr) -> tuple | None:
    """(c, s) with ``expr`` = c·s when the terms of the sum share a fraction c = p/q, q > 1, as a teacher
    takes it out: 22w/3 + 2b − 98/3 = (2/3)(11w + 3b − 49); c < 0 when every term is subtracted."""
    # a sum with a decimal term, given or put in (0.5 − tanh(0.5)²/20), keeps it: no (1/20)·(20·0.5 − …)
    if not isinstance(expr, sp.Add) or expr.has(sp.Float) or any(getattr(term, "number", sp.S.Zero).has(sp.Float)
                                                                 for term in expr.args):
        return None
    content, rest = expr.primitive()
    if not content.is_Rational or content.q == 1 or not isinstance(rest, sp.Add):
        return None
    if all(term.could_extract_minus_sign() for term in rest.args):
        return -content, -rest
    return content, rest


def readable_fraction(expr) -> sp.Expr | None:
    """The same fraction with a denominator factor u − 1 written 1 − u and its minus sign taken by the
    product's own minus or by a difference above it: (y − p)/(p(p − 1)) = (p − y)/(p(1 − p)),
    −1/(p − 1) = 1/(1 − p); with nothing to turn below, the minus turns u − 1 above: −(y − 1)/(1 − p) =
    (1 − y)/(1 − p); None when there is nothing to turn (1/(x − 1) keeps its form)."""
    if not isinstance(expr, sp.Mul):
        return None
    factors = list(expr.args)
    turned = [k for k, f in enumerate(factors) if f.is_Pow and f.exp == -1 and isinstance(f.base, sp.Add)
              and _complement_of(-f.base) is not None]
    signs = [k for k, f in enumerate(factors) if f.is_number and f.is_negative or _difference(f)]
    pairs = list(zip(turned, signs))
    if not turned:      # −(y − 1)/(1 − p) = (1 − y)/(1 − p): the product's minus turns u − 1 above into 1 − u
        minus = [k for k, f in enumerate(factors) if f.is_number and f.is_negative]
        above = [k for k, f in enumerate(factors) if isinstance(f, sp.Add) and _complement_of(-f) is not None]
        pairs = list(zip(above, minus))[:1]
    if not pairs:
        return None
    for one, other in pairs:
        factors[one] = 1 / (-factors[one].base) if factors[one].is_Pow else -factors[one]
        factors[other] = -factors[other]
    return sp.Mul(*factors)


def _difference(factor) -> bool:
    """a − b: a sum of two terms, one of them subtracted, whose sign can be turned (b − a)."""
    return isinstance(factor, sp.Add) and len(factor.args) == 2 \
        and sum(t.could_extract_minus_sign() for t in factor.args) == 1


def minus_sum(expr) -> sp.Expr | None:
    """S when ``expr`` = −S is a sum of logarithm terms that are all subtracted, as cross-entropy is
    written: −y ln p − (1 − y) ln(1 − p) = −(y ln p + (1 − y) ln(1 − p)); else None."""
    if not isinstance(expr, sp.Add) or not all(term.has(sp.log) for term in expr.args):
        return None
    positive = [_turned(term) for term in expr.args]
    if None in positive:
        return None
    return sp.Add(*positive, evaluate=False)


def _turned(term):
    """−term when ``term`` reads with a minus: −y ln p, or (y − 1) ln(1 − p), read −(1 − y) ln(1 − p)."""
    if term.could_extract_minus_sign():
        return -term
    for factor in sp.Mul.make_args(term):
        if isinstance(factor, sp.Add) and _complement_of(-factor) is not None:
            return term.xreplace({factor: -factor})
    return None


def fraction_times_sum(expr, ordered: bool = True) -> tuple | None:
    """(c, s) for a product c·s of a fraction and a sum or a power of a sum, written with the fraction in
    front as a teacher writes it: (2/3)(11w + 3b − 49), ½(y − o₁)² (not (y − o₁)²/2); and for one of a
    fraction or a reciprocal 1/n and a norm, a trace or a Σ, as a statement writes them: ½‖a‖², (1/n)‖y − Xw‖²,
    (1/n)Σᵢ(yᵢ − ŷᵢ)², not ‖a‖²/2 (the latter also where the terms keep their order, not ``ordered``)."""
    if not isinstance(expr, sp.Mul):
        return None
    numbers = [f for f in expr.args if f.is_Rational or f.is_Pow and f.exp == -1 and f.base.is_Symbol]   # ½, 1/n
    rest = [f for f in expr.args if f not in numbers]
    if len(rest) != 1:
        return None
    c, s = sp.Mul(*numbers), rest[0]
    if isinstance(s, (sp.Sum, Trace)) or getattr(s, "coefficient_first", False):      # a norm, a trace, a sum Σ
        return (c, s) if not c.is_Rational or c.q != 1 else None
    if ordered and c.is_Rational and c.q != 1 and (isinstance(s, sp.Add) or s.is_Pow and isinstance(s.base, sp.Add)
                                       and s.exp.is_Integer and s.exp > 1):
        return c, s
    return None


def fraction_pulled_out(expr) -> sp.Expr | None:
    """A product with the fraction its sums share taken in front: y(b/2 + w/2) = y(b + w)/2, not y(½(b + w))."""
    if not isinstance(expr, sp.Mul):
        return None
    coefficient, factors = sp.S.One, []
    for factor in expr.args:
        shared = common_fraction(factor)
        coefficient, factors = (coefficient * shared[0], [*factors, shared[1]]) if shared else \
            (coefficient, [*factors, factor])
    return None if coefficient == 1 else sp.Mul(coefficient, *factors)


def transpose_outside(expr) -> sp.Expr | None:
    """f(u) for an entrywise function of a transposed product, f(uᵀ) = f(u)ᵀ, when u has fewer transposes:
    σ(W₁ᵀXᵀ) is written σ(XW₁)ᵀ, as the statement writes σ(XW₁); None otherwise."""
    if not isinstance(expr, sp.Function) or len(expr.args) != 1 or expr.args[0].is_commutative or isinstance(expr, Trace):
        return None                                    # tr(P), a number, is not taken entry by entry
    inside = transposed(expr.args[0])
    return expr.func(inside) if _transposes(inside) < _transposes(expr.args[0]) else None


def _transposes(expr) -> int:
    return sum(s.name.endswith(MARK) for s in expr.atoms(sp.Symbol))


class Ordered(sp.Add):
    """A sum printed with its terms in the order given (see ``by_variables``), wherever it is printed, even one
    that opens with a minus (−x₁ + 5x₂ + 2)."""

    def _latex(self, printer):
        return _signed_terms(printer, self.args)

    def _sympystr(self, printer):
        return _signed_terms(printer, self.args)


def _signed_terms(printer, terms) -> str:
    text = printer._print(terms[0])
    for term in terms[1:]:
        negative = term.could_extract_minus_sign()
        text += (" - " if negative else " + ") + printer._print(-term if negative else term)
    return text


def by_variables(expr, variables):
    """A linear form written as a matrix row reads it, its terms in the order of the variables and the constant
    last: −x₁ + 5x₂ + 2 for the row (−1, 5) of AᵀA and the constant 2, not SymPy's 5x₂ − x₁ + 2."""
    if not isinstance(expr, sp.Add) or not all(term.free_symbols <= set(variables) for term in expr.args):
        return expr
    def place(term):
        used = [k for k, var in enumerate(variables) if term.has(var)]
        return min(used) if used else len(variables)
    return Ordered(*sorted(expr.args, key=place), evaluate=False)
