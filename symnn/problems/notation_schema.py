r"""The check of a problem's ``notation`` against its names: no two quantities printed by one name.

A key prints each of symnn's names either as the notation writes it or, by default, with its index as a
subscript (w2 as w_2, y as y). A notation that gives w6 the name w_2 beside a w2 of its own, or the output o1
the name y beside the target y, makes the key print two quantities alike, and its arithmetic reads wrong; the
bank refuses such a file. By the text of the fields only, without SymPy: a bank file is checked when it is read.

>>> notation_errors({"kind": "network", "layers": [2, 2, 1], "notation": {"w5": "w_1", "w6": "w_2", "w1": "W_{11}"}})
['notation: w6 and w2 would both be printed w_2']
>>> notation_errors({"kind": "network", "layers": [2, 1], "targets": [1], "notation": {"o1": "y"}})
['notation: o1 and y would both be printed y']
>>> notation_errors({"kind": "network", "layers": [2, 2, 1], "notation": {"w5": "w_1", "w1": "v_1"}})
[]
"""

from __future__ import annotations

import re

_NAME = re.compile(r"[A-Za-z_]\w*")
_INDEXED = re.compile(r"([A-Za-z]+)(\d+)")
TEXT_FIELDS = ("expr", "functions", "steps", "at", "wrt", "condition", "inner", "map")     # the fields naming variables


def printed(name: str) -> str:
    """How a key prints a name by default, in the plain form ``shown`` compares: w2 -> w_2, lambda -> lambda."""
    match = _INDEXED.fullmatch(name)
    return f"{match[1]}_{match[2]}" if match else name


def shown(text: str) -> str:
    r"""A notation's LaTeX reduced to the name it prints: W_{11} -> W_11, \beta_{0} -> beta_0, \hat{y} -> haty."""
    return re.sub(r"[\\{}\s]", "", text)


def _texts(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, (list, tuple)):
        return [text for item in value for text in _texts(item)]
    if isinstance(value, dict):
        return [text for key, item in value.items() for text in (str(key), *_texts(item))]
    return []


def problem_names(entry: dict) -> list[str]:
    """The names a problem's key may print: a network's inputs, neurons and parameters (by its layer sizes),
    its targets and the loss L (where it has a loss), and every name its formulas and points write."""
    from ..nn.naming import layer_names
    names = []
    sizes = entry.get("layers")
    if isinstance(sizes, list) and len(sizes) > 1 and all(isinstance(s, int) and s > 0 for s in sizes):
        names += [f"x{i}" for i in range(1, sizes[0] + 1)]
        names += [n for layer in layer_names(sizes) for neuron, weights, bias in layer for n in (neuron, *weights, bias) if n]
        if "targets" in entry or "loss" in entry or entry.get("kind") in ("backprop", "delta-rule"):
            names += ["y"] if sizes[-1] == 1 else [f"y{j}" for j in range(1, sizes[-1] + 1)]
            names.append("L")
    for field in TEXT_FIELDS:
        for text in _texts(entry.get(field)):
            names += [n for n in _NAME.findall(text) if not n.startswith("_")]
    return list(dict.fromkeys(names))


def notation_errors(entry: dict) -> list[str]:
    """What is wrong with a problem's ``notation`` (the field checks of schema passed): two names, one of them
    renamed by the notation, that the key would print alike."""
    notation = entry.get("notation") or {}
    names = list(dict.fromkeys([*notation, *problem_names(entry)]))
    owner: dict = {}
    for name in names:
        text = shown(notation[name]) if name in notation else printed(name)
        other = owner.setdefault(text, name)
        if other != name and (name in notation or other in notation):
            return [f"notation: {other} and {name} would both be printed {text}"]
    return []


def without_clashes(found: dict, names, notation: dict) -> dict:
    """The names a key finds in a statement (``found``: symnn's name -> LaTeX, as ``render.statement_names``
    reads them) less any that another of the problem's ``names`` already prints, by the notation or by
    default: $w_2$ in a statement renames w2 to w_2 only where no notation writes w6 as w_2 (w2 keeps its own).

    >>> without_clashes({"w2": "w_2", "b1": "b"}, ["w2", "w6", "b1", "b2"], {"w6": "w_2"})
    {'b1': 'b'}
    >>> without_clashes({"o1": "y", "b1": "b"}, ["o1", "y", "b1"], {})
    {'b1': 'b'}
    """
    taken = {shown(str(text)) for text in notation.values()}
    taken |= {printed(str(name)) for name in names if name not in found and name not in notation}
    kept = {}
    for name, text in found.items():
        if shown(text) not in taken:
            kept[name] = text
            taken.add(shown(text))
    return kept
