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

import sympy as sp

from .math import latex_math
from .stated import flat, stated_formula

# a loss on raw class scores for example i, as CS231n writes it (LaTeX, typeset as prose)
SCORE_FORMULAS = {"svm": r"$L_i = \sum_{j \neq y_i} \max(0, s_j - s_{y_i} + \Delta)$",
                  "softmax-ce": r"$L_i = -\ln\left(\frac{e^{s_{y_i}}}{\sum_j e^{s_j}}\right)$"}
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


def score_formula(name: str, lang: str, margin, statement: str) -> str:
    r"""The formula of a loss on scores for example i; the SVM's margin Δ only where the statement names it, else
    its number (max(0, s_j − s_(y_i) + 1)), so that no letter appears that the statement does not give.

    >>> score_formula("svm", "en", 1, "the loss $L_i = \\sum_j \\max(0, s_j - s_{y_i} + 1)$")
    '$L_i = \\sum_{j \\neq y_i} \\max(0, s_j - s_{y_i} + 1)$'
    """
    formula = SCORE_FORMULAS[name].replace(r"\max(0, ", r"\max(0; " if lang == "ru" else r"\max(0, ")
    number = f"{float(margin):g}".replace(".", "{,}" if lang == "ru" else ".")       # 0{,}5 in Russian
    return formula if r"\Delta" in (statement or "") else formula.replace(r"\Delta", number)


def stated_prediction(statement, yhat):
    r"""The prediction ŷ_i as the statement writes it: p(ŷ_i) where it gives $p(\hat y) = (…)$, else ŷ_i itself.

    >>> stated_prediction(r"the probabilities $p(\hat y) = (0.9, 0.2)$", sp.Symbol("yhat_i"))
    p(yhat_i)
    """
    found = re.search(r"(?<![\\\w])([A-Za-z])\(\s*\\hat\s*\{?y\}?", statement or "")
    return sp.Function(found[1])(yhat) if found else yhat


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
