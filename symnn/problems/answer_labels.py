"""The names of a bank problem's answer components, as its statement writes them: (D, C) of a line
b = C + Dt fitted by least squares with notation = { w = "D", b = "C" }, (w1, b1, loss) of a training
run that finds them. An answer may label its components with these names, in any order
(``answers.question.by_label``). A problem whose components have no plain names gives none. A line
may be written as its formula, 5 − 3t, in the variable ``line_variable`` names.

>>> from types import SimpleNamespace as P
>>> answer_labels(P(kind="least-squares", data={"notation": {"w": "D", "b": "C"}}))
('D', 'C')
>>> answer_labels(P(kind="network", data={"find": ["o1", "dL/dw1"]}))
()
>>> answer_labels(P(kind="least-squares", data={"notation": {"w": "\\\\beta_{1}", "b": "\\\\beta_0"}}))
('beta_1', 'beta_0')
"""

from __future__ import annotations

import re

GROUPS = {"forward", "gradients", "updated", "predictions"}      # a find entry that stands for several values
NAME = re.compile(r"[A-Za-z][A-Za-z0-9_]*")


def line_variable(problem) -> str | None:
    """The variable of a line fitted by least squares, as the statement names it (t of b = C + Dt)."""
    if problem.kind != "least-squares":
        return None
    name = str(problem.data.get("notation", {}).get("x", "x"))
    return name if NAME.fullmatch(name) else None


def answer_labels(problem) -> tuple[str, ...]:
    """The components' names in the answer's order, renamed by the problem's notation; () when any
    of them is not a plain name (∂L/∂w₁, a group of values, a LaTeX notation such as a^2)."""
    data = problem.data
    if problem.kind == "least-squares":
        names = ["w", "b"]
    elif problem.kind in ("network", "training") and isinstance(data.get("find"), list):
        names = data["find"]
    else:
        return ()
    notation = data.get("notation", {})
    # \beta_{0} in a notation is the name beta_0 (as an answer's label \beta_0 = 2/7 is read)
    names = [re.sub(r"[\\{}]", "", str(notation.get(name, name))) for name in names]
    if len(names) < 2 or any(name in GROUPS or not NAME.fullmatch(str(name)) for name in names):
        return ()
    return tuple(names)
