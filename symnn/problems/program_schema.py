"""The checks across the fields of a ``program`` problem: what ``find`` asks and what ``update`` moves
name the program's variables and nodes, and a value after a step has a step to follow.

By the text of the assignments only, without SymPy: a bank file is checked when it is read.

>>> program_errors({"steps": ["q = x + y", "f = q*z"], "at": "x = 1, y = 2, z = 3", "find": ["df/dx", "f+"]})
["find: 'f+' is a value after a step on the inputs: give step_size"]
"""

from __future__ import annotations

import re

GROUPS = ("forward", "gradients", "updated")      # as nn.programs.GROUPS, read here without SymPy
CONSTANTS = {"e", "E", "pi"}
_NAME = re.compile(r"[A-Za-z_]\w*")
_CALL = re.compile(r"[A-Za-z_]\w*\s*\(")
_VERSION = re.compile(r"(\^\{?\(\d+\)\}?|'+)$")     # c^(2), c^{(2)}: a value assigned again (c' as older banks wrote it)


def _names(steps) -> tuple[list[str], list[str]]:
    """(the variables: names used before any step assigns them, the assigned names), in order."""
    variables, assigned = [], []
    for step in steps:
        target, _, formula = step.partition("=")
        target = target.strip().rstrip("+-*/").strip()
        calls = {m[0].rstrip("( \t") for m in _CALL.finditer(formula)}
        for name in _NAME.findall(re.sub(r"\d+\.?\d*[eE][-+]?\d+", "0", formula)):
            if name not in calls and name not in assigned and name not in variables and name not in CONSTANTS:
                variables.append(name)
        if target not in assigned:
            assigned.append(target)
    return variables, assigned


def program_errors(entry: dict) -> list[str]:
    """What is wrong across the fields of a ``program`` problem (the field checks of schema passed)."""
    variables, assigned = _names(entry["steps"])
    output = assigned[-1] if assigned else ""
    if variables and "at" not in entry:       # a program of constants alone needs no point
        return [f"at: missing (the values of the program's variables {', '.join(variables)})"]
    errors = [f"update: {name!r} is not a variable of the program ({', '.join(variables)})"
              for name in entry.get("update", ()) if name not in variables]
    if "update" in entry and "step_size" not in entry:
        errors.append("update: the variables a step moves, and no step_size is given")
    for name in entry.get("find", ()):
        base = name.removesuffix("+")
        if name in GROUPS:
            known = True
        elif base.startswith("d") and "/d" in base:
            top, wrt = base[1:].split("/d", 1)
            known = top == output and _VERSION.sub("", wrt) in variables + assigned
        else:
            known = _VERSION.sub("", base) in variables + assigned
        if not known:
            errors.append(f"find: {name!r} is not a variable or a node ({', '.join(variables + assigned)}), a "
                          f"gradient of the output (d{output}/d{variables[0] if variables else 'x'}), a value after the "
                          f"step (x+, {output}+) or a group ({', '.join(GROUPS)})")
        elif (name.endswith("+") or name == "updated") and "step_size" not in entry:
            errors.append(f"find: {name!r} is a value after a step on the inputs: give step_size")
    return errors
