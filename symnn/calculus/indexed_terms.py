"""A sum's term and its index: x_i as the entry of a sequence the sum runs over, and as one entry, x_2."""

from __future__ import annotations

import sympy as sp


def index_renamed(term, index, value):
    """The term with the index given a value in every subscript: x_i -> x_2, w_ij -> w_2j."""
    letter = str(index)
    renames = {}
    for symbol in term.free_symbols:
        base, _, subscript = symbol.name.partition("_")
        if subscript and letter in subscript:
            renames[symbol] = sp.Symbol(f"{base}_{subscript.replace(letter, str(value))}", real=True)
    return term.xreplace(renames).xreplace({index: value})


def indexed(term, index):
    """x_i as the entry x[i] of a sequence x, so that a sum over i sees it vary."""
    letter = str(index)
    renames = {}
    for symbol in term.free_symbols:
        base, _, subscript = symbol.name.partition("_")
        if subscript == letter:
            renames[symbol] = sp.IndexedBase(base, real=True)[index]
    return term.xreplace(renames)
