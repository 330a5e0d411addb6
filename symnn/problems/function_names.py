r"""The names a derivative's answer may call its function by, read off the problem's notation.

Where the notation writes the function f as one bare name (``notation = { f = '\sigma' }``, ``'σ'``,
``'F'``), that name and f both stand for the function of the argument, so the derivative written
through the function itself is an answer: σ(1 − σ) and f(1 − f) for σ′. The question restated
(σ′(x)) is still no answer: the checker refuses a derivative sign whatever the names.

>>> function_names({"expr": "1/(1 + exp(-z))", "wrt": "z", "notation": {"f": "\\sigma"}})
(('sigma', '1/(1 + exp(-z))'), ('f', '1/(1 + exp(-z))'))
>>> function_names({"expr": "x^2", "wrt": "x", "notation": {"f": "E^2"}})
()

A variable the notation renames (``notation = { n = "m" }``) is written by the statement, and so by a
student, in the statement's letter: m stands for n in an answer (3m² + 2), unless m is already a name
of the problem.

>>> variable_names({"expr": "n^3 + 2*n", "wrt": "n", "notation": {"n": "m"}})
(('m', 'n'),)
>>> variable_names({"expr": "x*y", "wrt": "x", "notation": {"x": "y"}})
()
>>> variable_names({"n": 2, "notation": {"s_1": "p_1", "s_2": "p_{2}"}}, "softmax-nll")
(('p_1', 's_1'), ('p_2', 's_2'))

A letter the notation renames renames its subscripted names with it, as the key prints them:

>>> variable_names({"n": 2, "notation": {"s": "p", "y": "z"}}, "softmax-jacobian")
(('p_1', 's_1'), ('p_2', 's_2'), ('z_1', 'y_1'), ('z_2', 'y_2'))
"""

from __future__ import annotations

import re
import unicodedata

_LATEX_NAME = re.compile(r"\\?([A-Za-z]+)")
_SUBSCRIPTED = re.compile(r"([A-Za-z]+)_\{?(\w+)\}?")        # p_1, p_{1}: a letter with its index
_WORD = re.compile(r"[A-Za-z_]\w*")


def bare_name(written: str) -> str | None:
    """The name a notation writes as one symbol: \\sigma and σ -> sigma, F -> F, p_{1} -> p_1; None for E^2
    or y_{pred}."""
    written = written.strip()
    if len(written) == 1 and unicodedata.name(written, "").startswith("GREEK"):
        return unicodedata.name(written).split()[-1].lower()
    match = _LATEX_NAME.fullmatch(written)
    if match:
        return match[1]
    indexed = _SUBSCRIPTED.fullmatch(written)
    return f"{indexed[1]}_{indexed[2]}" if indexed and indexed[2].isdigit() else None


def function_names(data: dict) -> tuple[tuple[str, str], ...]:
    """(name, formula) pairs to add to a derivative problem's names: the notation's name of f, and f itself,
    each standing for the function (its formula where the problem names f or that name, else ``expr``); none where a
    name is already taken (a variable, a name of the problem, a word of the formula)."""
    name = bare_name(data.get("notation", {}).get("f", ""))
    if name is None or "expr" not in data:
        return ()
    names = data.get("names", {})
    formula = names.get("f") or names.get(name) or data["expr"]
    taken = set(names) | set(_WORD.findall(data.get("wrt", ""))) | set(_WORD.findall(data["expr"]))
    return tuple((n, formula) for n in dict.fromkeys((name, "f")) if n not in taken)


def _words(data: dict, kind: str | None = None) -> set:
    """The names a problem's formula, variables, point and program use."""
    steps = data.get("steps", ())
    texts = [data.get(key, "") for key in ("expr", "wrt", "at")] + (list(steps) if isinstance(steps, list) else [])
    words = {word for text in texts if isinstance(text, str) for word in _WORD.findall(text)}
    if kind == "matrix-identity" and "identity" in data:       # the identity's letters, which the file does not write
        from ..nn.matrix_form import SPECS  # (at check time: the bank is read without it)
        spec = SPECS.get(data["identity"])
        words |= set(spec.shapes) | {name for name, _ in spec.definitions} if spec else set()
    if kind in ("softmax-nll", "softmax-jacobian") and isinstance(data.get("n"), int):
        words |= {f"{letter}_{k}" for letter in "ys" for k in range(1, data["n"] + 1)}   # s = softmax(y), unwritten
    return words


def variable_names(data: dict, kind: str | None = None) -> tuple[tuple[str, str], ...]:
    """(the statement's name, symnn's name) of each variable the notation writes as one other bare name;
    none where that name is already taken (a word of the problem, one of its names). ``kind``: the
    problem's, whose variables a formula of the file may not write (softmax's y_k and s_k)."""
    words = _words(data, kind)
    notation = _per_index(data.get("notation", {}), words)
    written = {name: bare_name(text) if isinstance(text, str) else None for name, text in notation.items()}
    # a name the notation gives another letter frees its own (s = y, y = a: Bishop's outputs y_k and inputs a_k)
    renamed = {name for name, letter in written.items() if name in words and letter and letter != name}
    taken = (words - renamed) | set(data.get("names", {}))
    pairs = []
    for name, letter in written.items():
        if name != "f" and name in words and letter and letter != name and letter not in taken:
            pairs.append((letter, name))
            taken.add(letter)
    return tuple(pairs)


def _per_index(notation: dict, words: set) -> dict:
    """The notation with a letter given for each name the problem writes with it and an index, as the key prints
    them: s = "y" as s_1 = "y_1", s_2 = "y_2", … (softmax's outputs), W = "V" as W_1 = "V_1", … (an identity's)."""
    entries = {}
    for name, text in notation.items():
        letter = bare_name(text) if isinstance(text, str) else None
        family = sorted(w for w in words if re.fullmatch(rf"{re.escape(name)}_\w+", w))
        if family and letter and re.fullmatch(r"[A-Za-z]+", letter) and name != "f":
            entries.update({word: letter + word[len(name):] for word in family})
        if name in words or not (family and letter):
            entries[name] = text
    return entries


def kind_names(data: dict, kind: str | None = None) -> tuple[tuple[str, str], ...]:
    """The names a kind defines without the file writing them, in symnn's own letters: the softmax's outputs
    s_k = e^(y_k)/Σ_m e^(y_m) (the letters the notation shows them by are ``variable_names``); a total
    derivative's inner functions where it asks a formula (x_1 = t·cos t: dh/dt through x_1, x_2 and t; at a point
    its chain's sides are held to the key's formulas instead); none where the problem names its own.

    >>> kind_names({"n": 2}, "softmax-nll")
    (('s_1', 'exp(y_1)/(exp(y_1) + exp(y_2))'), ('s_2', 'exp(y_2)/(exp(y_1) + exp(y_2))'))
    """
    if kind == "total-derivative" and "names" not in data and "at" not in data and isinstance(data.get("inner"), dict):
        return tuple((name, text) for name, text in data["inner"].items() if isinstance(text, str))   # x_1 = t·cos t
    if kind not in ("softmax-nll", "softmax-jacobian") or "names" in data or not isinstance(data.get("n"), int):
        return ()
    total = " + ".join(f"exp(y_{m})" for m in range(1, data["n"] + 1))
    return tuple((f"s_{k}", f"exp(y_{k})/({total})") for k in range(1, data["n"] + 1))


def label_options(data: dict, kind: str | None = None) -> dict:
    """The one-hot label of a softmax-nll problem: y, the letter books write the target with, where the notation
    writes the logits with another letter (p = softmax(z)), else t (Bishop's target, where y are the logits or the
    outputs); it is the one-hot vector of the true class, so p − y and y − t are answers; none where both letters
    are names of the problem.

    >>> label_options({"n": 3, "true_class": 2, "notation": {"y": "z", "s": "p"}}, "softmax-nll")
    {'onehot': ('y', 2)}
    >>> label_options({"n": 3, "true_class": 1}, "softmax-nll"), label_options({"n": 3, "true_class": 1,
    ...     "notation": {"s": "y", "y": "a"}}, "softmax-nll")
    ({'onehot': ('t', 1)}, {'onehot': ('t', 1)})
    """
    if kind != "softmax-nll" or not isinstance(data.get("true_class"), int):
        return {}
    notation = {name: bare_name(text) if isinstance(text, str) else None for name, text in data.get("notation", {}).items()}
    taken = {notation.get(name, name) for name in ("y", "s")} | set(data.get("names", {}))     # the logits, the outputs
    taken |= {name.split("_")[0] for name in taken if name}
    letter = next((letter for letter in ("y", "t") if letter not in taken), None)
    return {"onehot": (letter, data["true_class"])} if letter else {}
