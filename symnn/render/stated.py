"""The order in which a statement writes a sum the key writes again, so that the key keeps it.

A statement that writes the momentum step Δw_t = −λ·grad + α·Δw_(t−1) expects its key to write the same
sum in the same order, not SymPy's α·Δw_(t−1) − λ·grad; the rows with the numbers put in follow the formula
(``order.readable_terms`` orders a sum by the terms the key has noted as written). The key's own formula is
compared with the statement's as they are typeset, so a statement written in any letters the key renames
its symbols to is recognised: a sum is found when its terms, in some order and each with its sign, stand
side by side in one formula of the statement.

>>> lam, g, alpha, dw = sp.symbols("lambda grad alpha Delta_w")
>>> stated_terms(alpha * dw - lam * g, stated_math(r"the update $\\Delta_w = -\\lambda\\, grad + \\alpha \\Delta_w$"))
((-grad*lambda, Delta_w*alpha), (alpha, Delta_w))
>>> stated_terms(alpha * dw - lam * g, stated_math(r"the update $\\Delta_w = \\alpha \\Delta_w - \\lambda\\, grad$"))
((Delta_w*alpha, -grad*lambda), (alpha, Delta_w))
"""

from __future__ import annotations

import re
from itertools import permutations

import sympy as sp

from .given_decimals import as_written, named_decimals, written_decimals

MOST_TERMS = 4             # a longer sum keeps the key's order (24 orders at most are tried)
SHORTEST = 6               # a sum typeset in fewer characters is too short to be told from a part of another formula
_MATH = re.compile(r"(?<!\\)\$([^$]+)\$")
# what does not change how a formula reads: brackets' sizes, fonts of words, spaces, braces, dots of products
_NOISE = re.compile(r"\\left|\\right|\\mathrm|\\operatorname|\\mathit|\\cdot|\\[,;:! ]|[\s{}]")


class StatedSum(sp.Tuple):
    """The terms of a sum in the order its statement writes them (in a printer's ``written``)."""


class StatedProduct(sp.Tuple):
    """The factors of a product in the order its statement writes them (in a printer's ``written``)."""


def flat(tex: str) -> str:
    r"""A formula as it reads, for comparing two ways of typing it: \left(1 - a\right)^{i} and (1 - a)^i alike.

    >>> flat(r"\left(1 - a\right)^{i} x_{0}") == flat("(1 - a)^i x_0")
    True
    """
    return _NOISE.sub("", tex)


def stated_math(statement) -> tuple[str, ...]:
    """The formulas of a statement, each ``flat``."""
    return tuple(flat(math) for math in _MATH.findall(statement)) if isinstance(statement, str) else ()


def _typeset(term) -> str:
    # imported here: render.math orders terms by what this module finds
    from .math import latex_math
    return flat(latex_math(term))


def _chain(texts: list[str], product: bool) -> str:
    """Terms side by side as a sum writes them, each with its sign; factors as a product writes them."""
    return "".join(texts) if product else texts[0] + "".join(t if t.startswith("-") else "+" + t for t in texts[1:])


def _found(chain: str, stated: tuple[str, ...]) -> bool:
    """``chain`` stands whole in a formula of the statement (not as the end or the start of a longer name)."""
    if len(chain) < SHORTEST:
        return False
    for formula in stated:
        for match in re.finditer(re.escape(chain), formula):
            before, after = formula[match.start() - 1:match.start()], formula[match.end():match.end() + 1]
            if not re.match(r"[\w\\^_]", after) and not re.match(r"[\w^_]", before):
                return True
    return False


def _product(node) -> bool:
    """A product of letters alone (no number in front), which a statement may write in its own order."""
    return isinstance(node, sp.Mul) and node.as_coeff_Mul()[0] == 1 and all(f.is_commutative for f in node.args)


def stated_terms(expr, stated: tuple[str, ...]) -> tuple:
    """Every sum (``StatedSum``) and product (``StatedProduct``) of ``expr`` that the statement (``stated_math``)
    writes, each in the statement's order; () where it writes none of them.

    >>> x0, a, i = sp.symbols("x_0 a i")
    >>> stated_terms(x0 * (1 - a)**i, stated_math("compare with $x_i = (1 - a)^i x_0$"))
    (((1 - a)**i, x_0),)
    """
    if not stated or not isinstance(expr, sp.Basic) or isinstance(expr, sp.MatrixBase):
        return ()
    found = []
    for node in sp.preorder_traversal(expr):
        if not (isinstance(node, sp.Add) or _product(node)) or not 2 <= len(node.args) <= MOST_TERMS or node.is_number \
                or any("\x00" in s.name for s in node.free_symbols):        # numbers put in follow their formula
            continue
        texts = {term: _typeset(term) for term in node.args}
        if node.is_Mul:             # a factor in brackets where it is a sum: (1 − a)x
            texts = {f: f"({text})" if f.is_Add else text for f, text in texts.items()}
        for order in permutations(node.args):
            if _found(_chain([texts[item] for item in order], node.is_Mul), stated):
                found.append(StatedProduct(*order) if node.is_Mul else StatedSum(*order))
                break
    return tuple(found)


def _key(factor) -> str:
    """A factor as a product is matched with the one the statement writes: a power by its base ((1 − a)¹ is
    (1 − a)ⁱ put in), a number put in by the name of its symbol."""
    base = factor.base if factor.is_Pow else factor
    return str(base.xreplace({s: sp.Symbol(s.name.split("\x00")[0]) for s in base.free_symbols if "\x00" in s.name}))


def as_stated(factors: list, written: tuple):
    """``factors`` in the order of a product the statement writes (a Tuple of ``written``, see ``stated_terms``)
    with as many factors, all but one of them the same (y₀(1 − a)¹ as (1 − a)ⁱx₀ is written); else None."""
    for order in (w for w in written if isinstance(w, StatedProduct) and len(w) == len(factors)):
        keys = [_key(f) for f in order]
        places = [keys.index(_key(f)) if _key(f) in keys else None for f in factors]
        known = [p for p in places if p is not None]
        if len(known) < len(factors) - 1 or len(set(known)) != len(known) or not known:
            continue
        free = [k for k in range(len(factors)) if k not in known]
        # the one other factor stands for a letter of the statement's product: y₀ for x₀, never 2 for y
        if free and not (isinstance(order[free[0]], sp.Symbol) and isinstance(factors[places.index(None)], sp.Symbol)):
            continue
        placed = {(p if p is not None else free[0]): f for p, f in zip(places, factors)}
        return [placed[k] for k in range(len(factors))]
    return None


def noted(printer, expr, numbers: bool = False):
    """``expr``, after noting in ``printer.written`` the terms of its sums as the printer's statement writes them
    (``printer.stated``: ``stated_math`` of it); a formula with numbers put in notes nothing (it follows). Its given
    numbers are written as the statement writes them, 0.10 (``render.given_decimals``)."""
    stated = getattr(printer, "stated", ())
    if stated and not numbers:
        found = tuple(group for group in stated_terms(expr, stated) if group not in printer.written)
        printer.written = printer.written + found
    text = getattr(printer, "statement_text", "")
    return as_written(expr, written_decimals(text), named_decimals(text))


def stated_order(terms: list, written: tuple) -> list | None:
    """The order (indices of ``terms``) of the sum of ``written`` that has exactly these terms, or None."""
    for group in written:
        if isinstance(group, StatedSum) and len(group) == len(terms) and sorted(map(str, group)) == sorted(map(str, terms)):
            return [next(k for k, term in enumerate(terms) if str(term) == str(item)) for item in group]
    return None


def stated_formula(name: str, formula: str, stated: tuple[str, ...]) -> bool:
    r"""The statement (its ``stated_math``) writes ``name = formula``, as typeset, its name with or without its
    arguments: L = ½‖Z − Y‖², f(W) = ½‖XW − Y‖²_F for f.

    >>> stated_formula("f", r"\frac{1}{2} \left\|X W - Y\right\|_{F}^{2}", stated_math(r"$f(W) = \frac{1}{2}\|XW - Y\|_F^2$"))
    True
    >>> stated_formula("f", r"\frac{1}{2} \left\|a\right\|^{2}", stated_math(r"$f = \frac{1}{2}\|XW\|^2$"))
    False
    """
    name, formula = flat(name), flat(formula)
    for math in stated:
        parts = math.split("=")
        if formula in parts and any(re.fullmatch(re.escape(name) + r"(\(.*\))?", part) for part in parts):
            return True
    return False


# a letter of a formula, with its subscript (w_1, w_{12}; xy is two), once the names of commands (\frac, \sin) are gone
_LETTER = re.compile(r"[a-zA-Z](?:_\{?\w+\}?)?")
_COMMAND_NAME = re.compile(r"\\[a-zA-Z]+")


def letters(tex: str) -> set[str]:
    r"""The letters of a formula (LaTeX), each with its subscript, as ``flat`` writes them.

    >>> sorted(letters(r"5x^3 + \frac{3}{y^2} + \sin z")), sorted(letters(r"w_{2} \tanh(w_1 x)"))
    (['x', 'y', 'z'], ['w_1', 'w_2', 'x'])
    """
    return {flat(letter) for letter in _LETTER.findall(_COMMAND_NAME.sub(" ", tex))}


def defines(statement, name: str, expr_letters: set[str]) -> bool:
    r"""The statement writes ``name = …`` (or ``name(x, y) = …``) in the letters ``expr_letters`` alone, all of
    them: a key that writes the function again in its own form (5x³ + 3/y² + sin(z) for 5x^3 + \frac{3}{y^2} + \sin z)
    says it twice; one in other letters (E = ½(y − t)² of y = w₂ tanh(w₁x)) says what the key works with.

    >>> defines(r"Find the gradient of $F = 5x^3 + \frac{3}{y^2} + \sin z$ at …", "F", {"x", "y", "z"})
    True
    >>> defines(r"the error $E = \frac{1}{2}(y - t)^2$", "E", {"w_1", "w_2", "x", "t"})
    False
    >>> defines(r"the gradient of $f(x, y) = \frac{1}{2}(x^2 + y^2)$", "f", {"x", "y"})
    True
    """
    for math in _MATH.findall(statement) if isinstance(statement, str) else ():
        lhs, equals, rhs = math.partition("=")
        if equals and "=" not in rhs and re.fullmatch(re.escape(flat(name)) + r"(\(.*\))?", flat(lhs)) \
                and letters(rhs) == expr_letters:
            return True
    return False
