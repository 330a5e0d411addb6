r"""Letters a problem's statement defines by a formula of the problem's own letters, as names an answer may use:
a sigmoid neuron's statement that says $z = wx + b$ lets x(σ(z) − y) stand for x(σ(wx + b) − y), as the book
writes it, where the file's ``names`` do not list z.

Only a letter the problem does not have otherwise is taken (not a variable, a name of its own, nor the answer's
name or a part it asks for), and only a formula of the problem's letters (or of letters defined so before):
a number given in the statement (w₂ = −1.5) is data, never a name. The statement is the bank's (trusted) text,
read all the same by the answers' reader, never evaluated.

>>> statement_definitions(r"A neuron $a = \sigma(z)$, $z = wx + b$.", {"a", "w", "x", "b", "y"})
(('z', 'b + w*x'),)
>>> statement_definitions(r"Weights $w = (1, -1.5)$, so $w_2 = -1.5$; $u = q + 1$.", {"w", "x"})
()
"""

from __future__ import annotations

import re

import sympy as sp

from ..calculus.parse import ParseError
from .layout import top_level_split
from .read import read_answer

DEFINITION = re.compile(r"\s*([A-Za-z](?:_\{?[A-Za-z0-9]+\}?)?)\s*=\s*([^=<>]+?)\s*")
WORD = re.compile(r"[A-Za-z_]\w*")
DIFFERENTIATED = re.compile(r"(?:\\partial|(?<![A-Za-z\\])d)\s*\{?\s*([A-Za-z])(?![A-Za-z])")    # L of ∂L/∂w, dL/dw


def statement_names(problem, question: dict, answer) -> dict:
    """The question's ``names`` with the letters its statement defines added ({} when it defines none): for a
    problem whose answer is a formula of numbers and letters (not of matrices)."""
    values = answer if isinstance(answer, (tuple, list)) else (answer,)
    symbols = {s for v in values if isinstance(v, sp.Basic) for s in v.free_symbols}
    if not symbols or any(not s.is_commutative for s in symbols) or problem.kind == "matrix-identity":
        return {}
    data, names = problem.data, tuple(question.get("names", ()))
    texts = [str(data.get(key, "")) for key in ("expr", "wrt", "at", "answer_name")] + [str(s) for s in data.get("steps", ())
                                                                                       if isinstance(data.get("steps"), list)]
    statement = getattr(problem, "statement", None) or {}
    text = statement.get("en") or next(iter(statement.values()), "")
    # the answer's parts and what is differentiated (L of ∂L/∂w, the notation's f) are labels, no names
    asked = {str(f).split("/")[0].removeprefix("d") for f in data.get("find", ()) if isinstance(f, str)}
    asked |= set(DIFFERENTIATED.findall(text)) | {str(data.get("notation", {}).get("f", ""))}
    letters = {s.name for s in symbols} | {n for n, _ in names} | {w for t in texts for w in WORD.findall(t)} | asked
    found = statement_definitions(text, letters)
    found += predictions(dict(names + found), letters)
    return {"names": names + found} if found else {}


NUMBER = re.compile(r"[-−]?\d+(?:\.\d+)?")


def statement_constants(statement: str) -> tuple:
    """(name, number) of each number the statement's formulas give a letter by name, once (a of $a = 1.5$; not
    w of $w = (0, 1)$, nor a letter given two values).

    >>> statement_constants(r"Step $a = 1.5$ on $f(x) = x^2$, $x_0 = 2$, $w = (0, 1)$.")
    (('a', '1.5'), ('x_0', '2'))
    """
    pieces = [piece for math in re.findall(r"\$([^$]+)\$", statement) for piece in top_level_split(math, ",;")]
    found = [(match[1].replace("{", "").replace("}", ""), match[2].replace("−", "-"))
             for match in map(DEFINITION.fullmatch, pieces) if match and NUMBER.fullmatch(match[2])]
    once = [name for name, _ in found]
    return tuple(dict((name, value) for name, value in found if once.count(name) == 1).items())


PREDICTION = ("y", "yhat", "y_pred")      # a model's prediction as books write it: y = σ(wx + b), ŷ, y_pred


def predictions(defined: dict, letters: set) -> tuple:
    """The other spellings of a prediction the problem defines (y = σ(w₁x₁ + w₂x₂ + b)): ŷ and y_pred stand for it,
    where they are no letters of the problem of their own (y of a target beside ŷ stays the target).

    >>> predictions({"y": "sigmoid(b + w*x)"}, {"y", "w", "x", "b", "Y"})
    (('yhat', 'sigmoid(b + w*x)'), ('y_pred', 'sigmoid(b + w*x)'))
    >>> predictions({"yhat": "w*x"}, {"yhat", "y", "w", "x"})
    (('y_pred', 'w*x'),)
    """
    own = [name for name in PREDICTION if name in defined]
    if len(own) != 1:
        return ()
    return tuple((name, defined[own[0]]) for name in PREDICTION if name not in letters and name not in defined)


def statement_definitions(statement: str, letters: set) -> tuple:
    """(name, formula) of each letter the statement's formulas ($…$) define as a formula of ``letters`` and of the
    letters defined before it (in any order: a = σ(z) before z = wx + b), a letter not in ``letters`` itself."""
    pieces = [piece for math in re.findall(r"\$([^$]+)\$", statement) for piece in top_level_split(math, ",;")]
    candidates = [(match[1].replace("{", "").replace("}", ""), match[2]) for match in map(DEFINITION.fullmatch, pieces) if match]
    defined: dict[str, sp.Expr] = {}
    for _ in range(len(candidates)):            # each pass takes the ones whose letters are known by now
        known = letters | set(defined)
        for name, formula in candidates:
            if name in known:
                continue
            try:
                value = read_answer(formula, known=known).value
            except (ParseError, ValueError, TypeError, RecursionError):
                continue
            if isinstance(value, sp.Expr) and value.free_symbols and {s.name for s in value.free_symbols} <= known:
                # in the problem's letters alone: h = tanh(u) of u = vx + c is tanh(vx + c)
                defined[name] = value.xreplace({s: defined[s.name] for s in value.free_symbols if s.name in defined})
    return tuple((name, str(value)) for name, value in defined.items())
