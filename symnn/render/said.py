"""What a key says once: the sentences of a method and the explanations of rules that a derivation says the
first time it uses them, and not again later in the same key or deck.

A key passes the keys said by its earlier problems as the printer's ``defined`` setting (``definitions``
gives those of one solution, without printing it); a printer asks ``first_time`` before it says one.

>>> import sympy as sp
>>> from symnn.calculus.differentiate import diff_steps
>>> L = sp.Function("L")(sp.Symbol("w"))
>>> said_in(diff_steps(L + sp.Symbol("w") ** 2, "w"))
('title.unknown function',)
"""

from __future__ import annotations

import dataclasses
import re

import sympy as sp

from .data_training import DRAWN, drawn_start

# the rules of a derivation in one variable said once per key: the derivative of a function given without a formula
ONCE_RULES = ("unknown function",)


def first_time(printer, key: str) -> bool:
    """True where ``key`` is said for the first time in the key (and the problem) the printer writes: it is then
    counted as said, so that the next ask of the same problem answers False too."""
    said = printer.__dict__.setdefault("_said_once", set())
    if key in said or key in printer._settings.get("defined", ()):
        return False
    said.add(key)
    return True


def _rules(work, depth: int = 0):
    """The rules of every derivation in ``work``: its steps, their substeps, a gradient's partials."""
    if type(work).__name__ == "Step":
        yield work.rule
    if depth > 8 or isinstance(work, (str, bytes, int, float)) or not (dataclasses.is_dataclass(work)
                                                                      or isinstance(work, (list, tuple))):
        return
    items = [getattr(work, field.name) for field in dataclasses.fields(work)] if dataclasses.is_dataclass(work) else work
    for item in items:
        yield from _rules(item, depth + 1)


def said_in(work) -> tuple[str, ...]:
    """The keys of what ``work`` says once per key: its method sentence and its rules' explanations (a matrix
    gradient, ``matrices.said_keys``), the hint of a rule said once (``ONCE_RULES``) in its derivations."""
    if type(work).__name__ in ("MatrixGradient", "ExpandedGradient"):
        from .matrices import said_keys
        return said_keys(work)
    if type(work).__name__ == "ArrayRun":
        from .arrays import BROADCAST, broadcasts
        return (BROADCAST,) if broadcasts(work) else ()
    return tuple(dict.fromkeys(f"title.{rule}" for rule in _rules(work) if rule in ONCE_RULES))


def uses(work, function, depth: int = 0) -> bool:
    """Whether ``function`` (sp.Heaviside) appears anywhere in a worked result: its formulas, tables and steps."""
    if isinstance(work, sp.Basic):
        return work.has(function)
    if depth > 8 or isinstance(work, (str, bytes, int, float)):
        return False
    if dataclasses.is_dataclass(work):
        work = [getattr(work, field.name) for field in dataclasses.fields(work)]
    elif isinstance(work, dict):
        work = [*work.keys(), *work.values()]
    return isinstance(work, (list, tuple)) and any(uses(item, function, depth + 1) for item in work)


def kronecker_used(work) -> bool:
    """Whether a worked result writes Kronecker's δ_ij: the softmax rule s_i(δ_ij − s_j) of a table or a Jacobian."""
    return type(work).__name__ == "SoftmaxJacobian" or uses(work, sp.Symbol("delta_ij", real=True))


def definitions(solution, lang: str) -> tuple[str, ...]:
    """The phrases defining the signs a solution writes and its statement does not define: the Heaviside step
    H(a) of a table, Kronecker's δ_ij of s_i(δ_ij − s_j); and what its work says once for a whole key: where a
    start drawn from N(0, 1) and rounded comes from (``DRAWN``), a rule's explanation and a method's sentence
    (``said_in``), each sentence of its note (``note:…``): those said in the body where first used."""
    text = solution.problem.text(lang)
    return (("heaviside.defined",) if uses(solution.work, sp.Heaviside) and not re.search(r"H\(|Heaviside|Хевисайд", text)
            else ()) + (("kronecker.defined",) if kronecker_used(solution.work) and "delta" not in text else ()) \
        + ((DRAWN,) if drawn_start(solution.work) else ()) + said_in(solution.work) \
        + tuple("note:" + sentence for sentence in note_sentences(solution.problem.remark(lang)))


# a sentence of a note ends at a full stop outside a formula, before the next one's capital letter or formula
_SENTENCE_END = re.compile(r"(?<=\.)\s+(?=[A-ZА-ЯЁ$])")


def note_sentences(note: str | None) -> list[str]:
    """The sentences of a bank note, each said once a key (``definitions`` counts them as said): a remark that
    two problems make on one slide (the table's softsign) is said where first read.

    >>> note_sentences("The table prints $1/(1 + x)^2$. At $x = 0.5$ it is $0.44$; so. $x$ is real.")
    ['The table prints $1/(1 + x)^2$.', 'At $x = 0.5$ it is $0.44$; so.', '$x$ is real.']
    """
    if not note:
        return []
    masked = re.sub(r"(?<!\\)\$[^$]*\$", lambda m: "$" + "x" * (len(m.group()) - 2) + "$", note)   # no stop in a formula
    cuts = [0, *(m.end() for m in _SENTENCE_END.finditer(masked)), len(note)]
    parts = [note[a:b] for a, b in zip(cuts, cuts[1:])]
    return [part.strip() for part in parts if part.strip()]
