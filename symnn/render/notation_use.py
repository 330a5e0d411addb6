"""Which names of a problem's notation table its key never uses.

A name the key does not have (``h = "\\eta"`` where the key's step is ``eta``, ``W1`` for ``w1``) would
otherwise be ignored without a word, and the key would print symnn's own letter where the statement
writes another. The key is printed with a table that records each name looked up and found; a name
never found in any of the key's printings is unused (``symnn problems --verify`` says so).

>>> from symnn.problems.solve import solve
>>> unused_notation(solve("hinge-binary"))
[]
"""

from __future__ import annotations

from dataclasses import replace

# the printings tried, until every name is used: most names show in the brief text; a name of the full
# rule tree or of a LaTeX-only label shows in the others
PRINTINGS = (("text", "brief"), ("text", "full"), ("latex", "brief"))


class _Recording(dict):
    """A notation table that remembers the names looked up and found in it."""

    def __init__(self, table: dict):
        super().__init__(table)
        self.used: set = set()

    def __getitem__(self, name):
        value = super().__getitem__(name)
        self.used.add(name)
        return value

    def get(self, name, default=None):
        if super().__contains__(name):
            self.used.add(name)
        return super().get(name, default)


def unused_notation(solution) -> list[str]:
    """The names of ``solution``'s notation table that no printing of its key uses, in the table's order."""
    from . import render
    notation = solution.problem.data.get("notation") or {}
    if not notation:
        return []
    recording = _Recording(notation)
    problem = replace(solution.problem, data={**solution.problem.data, "notation": recording})
    recorded = replace(solution, problem=problem)
    for format, detail in PRINTINGS:
        render(recorded, format, lang="en", detail=detail)
        if recording.used >= set(notation):
            break
    return [name for name in notation if name not in recording.used]
