"""What a derivation is about: the problem's answer, its function, variables and point, and
the names the problem defines (a network's nodes and their values at the point, a statement's
f = σ(αx)); and ``DerivationError``, raised when a derivation's text (not its mathematics)
cannot be read.

>>> canonical("w_1"), named_symbol("w1", sp.Symbol("w_1")) == sp.Symbol("w_1")
('w1', True)
"""

from __future__ import annotations

from dataclasses import dataclass, field

import sympy as sp

from ..answers.options import CheckOptions
from ..answers.read import read_answer
from ..lang import phrase
from ..problems.solve import question_options, solve

# names a network problem's single output goes by in the course
_OUTPUT_NAMES = ("ypred", "yhat", "outpred", "ypredicted")


class DerivationError(ValueError):
    """The derivation cannot be read (its text, not its mathematics): ``key`` names the reason
    (``steps.reason.KEY`` in the catalogues), so that it reaches the reader in their language."""

    def __init__(self, key: str, **values):
        self.key, self.values = key, {k: str(v) for k, v in values.items()}
        super().__init__(self.in_language("en"))

    def in_language(self, lang: str) -> str:
        return phrase(lang, f"steps.reason.{self.key}", **self.values)

    def __reduce__(self):                     # the worker process sends it back pickled
        return (_derivation_error, (self.key, self.values))


def _derivation_error(key: str, values: dict) -> DerivationError:
    return DerivationError(key, **values)


@dataclass(frozen=True)
class Question:
    """What a derivation is about: the answer, the function and its variables when known, the
    names the problem defines (a network's nodes, f = σ(αx) of a statement: name → definition),
    and for a network problem every value at the point."""
    answer: object
    function: sp.Expr | None
    variables: tuple
    point: tuple
    options: CheckOptions
    nodes: dict = field(default_factory=dict)       # canonical name → definition in the names of the nodes
    values: dict = field(default_factory=dict)      # canonical name → exact value (inputs, parameters, nodes)
    aliases: dict = field(default_factory=dict)     # y_pred → o1


def question_of(problem_id: str, bank=None, lang: str = "en") -> Question:
    """The Question of bank problem ``problem_id``, solved here."""
    solution = solve(problem_id, bank)
    settings = CheckOptions.from_dict({**question_options(solution.problem), "lang": lang})
    function = None
    if settings.function is not None:
        function = read_answer(str(settings.function)).value
    answer = solution.answer
    nodes, values, aliases = {}, {}, {}
    work = solution.work
    network = getattr(work, "network", None)
    if network is not None and hasattr(work, "forward") and hasattr(work, "point"):
        nodes = {canonical(str(name)): definition for name, definition in network.definitions().items()}
        values = {canonical(str(name)): value for name, value in (*work.point, *work.forward)}
        if len(network.outputs) == 1:
            aliases = {alias: canonical(str(network.outputs[0])) for alias in _OUTPUT_NAMES}
    for name, formula in (*settings.renames, *settings.names):   # the notation's letters (s of y); the names the statement defines: f = σ(αx)
        nodes.setdefault(canonical(name), read_answer(str(formula)).value)
    return Question(tuple(answer) if isinstance(answer, (tuple, sp.MatrixBase)) else answer, function,
                    tuple(settings.variables), tuple(settings.point), settings, nodes, values, aliases)


def canonical(name: str) -> str:
    """A name as the derivation compares names: w_1 and w1 alike."""
    return name.replace("_", "")


def named_symbol(name: str, expr) -> sp.Symbol:
    """The symbol of ``expr`` called ``name`` (w_1 and w1 alike), or a new one."""
    wanted = name.replace("_", "")
    for s in getattr(expr, "free_symbols", ()):
        if s.name.replace("_", "") == wanted:
            return s
    return sp.Symbol(name.replace("_", ""), real=True)
