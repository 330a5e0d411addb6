"""A loss's formula, a chain rule, a given matrix as its statement writes it, so that a key does not write it two ways or twice.

A statement that asks for the MAPE $= \\frac{100\\%}{n}\\sum_{i=1}^n \\frac{|y_i - \\hat y_i|}{y_i}$ is answered
under that formula, not under SymPy's Σ 100|(y_i − ŷ_i)/y_i| / n of the same number; a key writes a loss the
statement does not write in the course's form (``render.networks``).

>>> stated_loss("Compute the MAPE $= \\\\frac{100\\\\%}{n}\\\\sum_i e_i$ of …", "MAPE")
'\\\\frac{100\\\\%}{n}\\\\sum_i e_i'
>>> stated_loss("Compute $BCE = -\\\\frac{1}{N}\\\\sum_i b_i$.", "BCE"), stated_loss("Compute the MSE.", "MSE")
('-\\\\frac{1}{N}\\\\sum_i b_i', None)
"""

from __future__ import annotations

import re

from .math import latex_math
from .stated import flat, stated_formula

_NAME = r"(?:\\(?:mathrm|text|operatorname)\{%s\}|%s)"


def stated_loss(statement, name: str) -> str | None:
    """The right side of the statement's formula for the loss ``name`` (MSE, BCE), written $NAME = …$ or
    NAME $= …$; None where it writes none."""
    if not isinstance(statement, str):
        return None
    own = _NAME % (re.escape(name), re.escape(name))
    found = re.search(r"(?<!\\)\$\s*%s\s*=([^$]+)\$" % own, statement) or \
        re.search(r"(?<![\w\\])%s\s*\$\s*=([^$]+)\$" % own, statement)
    return found[1].strip() if found else None


def stated_loss_line(printer, name) -> str | None:
    """NAME = the statement's formula of the loss, as ``printer`` writes a statement's formula (the name as the
    key writes it); None where the statement writes none."""
    stated = stated_loss(printer.statement_text, str(name))
    return printer.rich_text(f"${printer.raw_math(name)} = {stated}$") if stated else None


def stated_chain(printer, run) -> bool:
    """The statement (``printer.stated``, its formulas) writes the chain rule of a ``Backprop`` run, ∂L/∂w₁ =
    ∂L/∂y·∂y/∂h₁·∂h₁/∂w₁, each path's factors in their order, in its names (``printer.renamed``: o1 as y_pred):
    the key then does not write it again."""
    def ratio(node, wrt) -> str:
        return r"\frac{\partial %s}{\partial %s}" % (latex_math(printer.renamed(node)), latex_math(printer.renamed(wrt)))
    paths = " + ".join(r" \cdot ".join(ratio(f.node, f.wrt) for f in path.factors) for path in run.paths)
    return stated_formula(ratio(run.network.loss_symbol, run.parameter), paths, printer.stated)


def given_by_name(printer, name) -> bool:
    """The statement (``printer.stated``, its formulas) writes ``name = …`` (I = the image, W_1 = its matrix): the
    key does not write it again before it works with it."""
    return any(math.startswith(flat(latex_math(printer.renamed(name))) + "=") for math in getattr(printer, "stated", ()))
