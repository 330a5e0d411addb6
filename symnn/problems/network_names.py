"""The names of a network's inputs, neurons, weights and biases as its statement writes them (x_1, b, y for
symnn's x1, b1, o1): the names its key prints, and so the names an answer's labels are compared with and a
check's notes say (never symnn's own o1 where the key writes y)."""

from __future__ import annotations

import re

from .notation_schema import without_clashes

NETWORK_KINDS = ("forward", "network", "backprop", "training", "delta-rule")
_MATH = re.compile(r"\$([^$]*)\$")
_INDEXED = re.compile(r"([A-Za-z]+)(\d+)")


def _bare(letter: str, math: str) -> bool:
    """``letter`` stands alone in the statement's formulas ``math``: b in $b = 4$, not in $b_1$ or $\\beta$."""
    return re.search(rf"(?<![A-Za-z\\_]){letter}(?![A-Za-z_\d'])", math) is not None


def network_names(problem, network) -> dict:
    """The names of a network's inputs, neurons, weights and biases as its statement writes them, where symnn's
    own (x1, w1, b1, o1) differ and its ``notation`` does not say:

    - a name the statement writes with a subscript and never bare: h_1, o_1 for h1, o1;
    - the components of a vector the statement gives entry by entry: w_1, w_2, w_3 for w = (0, 1, 0.5) when the
      network has as many weights w1, w2, w3 (x_1, x_2 for x = (2, 3));
    - the one bias of a network of one neuron: b where the statement writes b = 4;
    - the one output: o where the statement writes o; for a forward pass whose statement names no output, y,
      as the course writes a neuron y = f(w·x + b);
    - and then, once one name has a subscript, every other indexed name too (w_5 beside h_1, not w5).

    >>> from symnn.problems.bank import get_problem
    >>> from symnn.problems.solve import solve
    >>> network_names(get_problem("neuron-2in"), solve("neuron-2in").work.network)
    {'x1': 'x_1', 'x2': 'x_2', 'w1': 'w_1', 'w2': 'w_2', 'b1': 'b', 'o1': 'y'}
    """
    if problem.kind not in NETWORK_KINDS or network is None:
        return {}
    math = " ".join(_MATH.findall(problem.statement.get("en") or ""))
    notation = problem.data.get("notation") or {}
    neurons = list(network.neurons())
    symbols = [*network.inputs, *getattr(network, "targets", ()), *(w for n in neurons for w in n.weights), *(n.bias for n in neurons if n.bias is not None),
               *(n.name for n in neurons)]
    names = list(dict.fromkeys(str(s) for s in symbols))
    groups: dict = {}
    for name in names:
        match = _INDEXED.fullmatch(name)
        if match:
            groups.setdefault(match[1], []).append(name)
    found = {}
    for letters, members in groups.items():
        for name in members:
            digits = _INDEXED.fullmatch(name)[2]
            subscripted = re.search(rf"(?<![A-Za-z\\]){letters}_\{{?{digits}\}}?(?!\d)", math)
            if subscripted and not _bare(name, math):
                found[name] = f"{letters}_{digits}" if len(digits) == 1 else f"{letters}_{{{digits}}}"
        given = re.search(rf"(?<![A-Za-z\\_]){letters}\s*=\s*\\?\(([^()]*)\\?\)", math)     # w = (0, 1, 0.5)
        if given and len(given[1].split(",")) == len(members) > 1:
            found.update({name: f"{letters}_{_INDEXED.fullmatch(name)[2]}" for name in members if name not in found})
    biases = list(dict.fromkeys(str(n.bias) for n in neurons if n.bias is not None))
    if len(neurons) == 1 and len(biases) == 1 and re.search(r"(?<![A-Za-z\\_])b\s*=", math):
        found[biases[0]] = "b"
    if len(network.outputs) == 1 and str(network.outputs[0]) not in found:
        output = str(network.outputs[0])
        if _bare("o", math):
            found[output] = "o"
        elif problem.kind == "forward" and not _bare("y", math):
            found[output] = "y"
    for letters, members in groups.items():      # notation = { x = '\phi' }: every input x1, x2 as ϕ_1, ϕ_2
        letter = notation.get(letters)
        if isinstance(letter, str) and not set(letter) & set("_^"):
            found.update({name: f"{letter}_{{{_INDEXED.fullmatch(name)[2]}}}" for name in members})
            found.update({f"delta_{name}": f"delta_{{{letter}_{{{_INDEXED.fullmatch(name)[2]}}}}}" for name in members
                          if name in map(str, (n.name for n in neurons))})        # δ_h1 as δ_{a_1} of h = "a"
    if any("_" in shown for shown in found.values()):      # w_1 beside x_1: every indexed name with its subscript
        for name in names:
            match = _INDEXED.fullmatch(name)
            if match and name not in found:
                found[name] = f"{match[1]}_{match[2]}" if len(match[2]) == 1 else f"{match[1]}_{{{match[2]}}}"
    # a forward pass prints no target: its output may be the statement's y
    printed = [name for name in names if problem.kind != "forward" or name not in map(str, getattr(network, "targets", ()))]
    return without_clashes({name: shown for name, shown in found.items() if name not in notation}, printed, notation)
