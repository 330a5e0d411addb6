r"""Which letters of a formula are a word, set upright, and which are variables, set in italics: one rule for
the names of a key and the formulas of its statement, in every format.

A word is a run of two letters or more that names one thing: out_{o1}, E_{total}, y_{pred}, L_{CE}, grad, MSE.
A run whose every letter is a name of its own in the problem's formulas (x and y of f(x, y) = xy, X and W of
XW), or an index (a_{ij}) or a differential's d (dx), is a product and keeps its letters in italics; a word the
course uses (out, total, target, …) is a word wherever it stands. One letter stays a variable: o1 is o_1.

>>> upright(r"E_{total} = \sum \frac{1}{2}(target - out)^2")
'E_{\\mathrm{total}} = \\sum \\frac{1}{2}(\\mathrm{target} - \\mathrm{out})^2'
>>> upright_statement(r"$F = xy + yz^2 + \frac{\cos z}{x}$"), upright_statement(r"$a_{kj} x_j$, $\mathrm{th}\,x$, $x\,dx$")
('$F = xy + yz^2 + \\frac{\\cos z}{x}$', '$a_{kj} x_j$, $\\mathrm{th}\\,x$, $x\\,dx$')
"""

from __future__ import annotations

import re

# the words of the course's names, upright wherever they stand (in, of f′(in), is no product i·n)
KNOWN = frozenset({"out", "in", "net", "target", "total", "pred", "grad", "hid", "output", "prev", "true",
                   "CE", "MSE", "BCE", "NLL", "MAE", "MAPE", "RMSE"})
INDICES = frozenset("ijk")       # a_{ij}, a_{kj}: indices side by side
DIFFERENTIAL = "d"               # dx, dA: a differential, d and a variable

# a group already in a font or a command's name (\mathrm{gt}, \texttt{np.ones}, \begin{pmatrix}, \sin), kept
_KEPT = re.compile(r"\\(?:mathrm|text|texttt|textbf|textit|mbox|operatorname|mathit|mathbf|boldsymbol|mathcal|mathsf|"
                   r"begin|end)\{[^{}]*\}|\\[A-Za-z]+")
_RUN = re.compile(r"(?<=[_^]\{)([A-Za-z]+)(?=\})|[A-Za-z]+")
_LETTER = re.compile(r"(?<![A-Za-z])[A-Za-z](?![A-Za-z])")
_MATH = re.compile(r"(?<!\\)\$([^$]+)\$")


def word(run: str, letters=frozenset()) -> bool:
    """``run``, a name's subscript or superscript or a whole name of two letters or more, is set upright: a known
    word, or letters that are not a product of ``letters`` (the single-letter names of the problem) or indices."""
    return len(run) > 1 and (run in KNOWN or not set(run) <= set(letters) | INDICES)


def letters_of(text) -> frozenset:
    """The single letters that stand alone as names in the formulas (``$…$``) of a statement: w, x of $w_1 x$."""
    maths = _MATH.findall(text) if isinstance(text, str) else []
    return frozenset(m for math in maths for m in _LETTER.findall(_KEPT.sub(" ", math)))


def upright(tex: str, letters=frozenset(), names=frozenset()) -> str:
    """A formula of a statement with its words upright: a script that is a ``word`` (E_{total}, out_{o1} keeps
    o_1), and a whole name of the problem (``names``, out of out_{o1}) or of the course (``KNOWN``); any other
    run of letters outside a script is a product (xy, XW, dx) and keeps its italics."""
    out, at = [], 0
    for kept in _KEPT.finditer(tex):
        out.append(_runs(tex[at:kept.start()], letters, names) + kept[0])
        at = kept.end()
    return "".join(out) + _runs(tex[at:], letters, names)


def _runs(tex: str, letters, names) -> str:
    def one(m):
        if m[1] is not None:               # a script's run: _{total}, ^{pred}
            return m[0] if not word(m[1], letters) else r"%s\mathrm{%s}%s" % (m[0][:m.start(1) - m.start()], m[1],
                                                                              m[0][m.end(1) - m.start():])
        return r"\mathrm{%s}" % m[0] if m[0] in KNOWN | set(names) else m[0]
    return _RUN.sub(one, tex)


def upright_statement(text: str, names=()) -> str:
    """A statement's prose with each of its formulas ``upright``: the single letters of all its formulas its
    letters, the words of ``names`` (the problem's notation: out_{pred}) words."""
    letters, words = letters_of(text), name_words(names)
    return _MATH.sub(lambda m: "$%s$" % upright(m[1], letters, words), text) if isinstance(text, str) else text


def name_words(names) -> frozenset:
    """The words of the names a problem declares (its notation table, or its values): out and pred of out_{pred}.
    A table's values are read as stored, so that reading them is no use of a name (``render.notation_use``)."""
    if isinstance(names, dict) or hasattr(names, "maps"):
        names = [value for table in getattr(names, "maps", [names]) for value in dict.values(table)]
    return frozenset(m[0] for name in names if isinstance(name, str) for m in _RUN.finditer(_KEPT.sub(" ", name))
                     if len(m[0]) > 1)


_BEFORE_WORD = re.compile(r"(\\[A-Za-z]+|[A-Za-z0-9]|\})(?:_\{[^{}]*\}|_\w)? (?=\\mathrm\{[a-z]{2,}\})")
_GREEK = frozenset("alpha beta gamma delta epsilon varepsilon zeta eta theta lambda mu nu xi pi rho sigma tau phi "
                   "varphi chi psi omega Gamma Delta Theta Lambda Sigma Phi Psi Omega".split())


def set_apart(tex: str) -> str:
    r"""An upright word after a factor set apart by a thin space, as TeX sets a function's name: λ grad, not λgrad.

    >>> set_apart(r"- \lambda \mathrm{grad} + \frac{\partial \mathrm{out}}{x} \mathrm{out}")
    '- \\lambda \\, \\mathrm{grad} + \\frac{\\partial \\mathrm{out}}{x} \\, \\mathrm{out}'
    """
    def apart(m):
        operator = m[1].startswith("\\") and m[1][1:] not in _GREEK      # \partial out, \sum out: no factor before
        return m[0] if operator else m[0] + r"\, "
    return _BEFORE_WORD.sub(apart, tex)
