"""The main chain of a derivation: the value each line goes on from, and each step checked
against the one before it.

A step follows when it equals the value before (at random points, with domain checks; rounded
numbers within rounding), or that value at the point, the problem's or one the derivation gave
(``x = 2``): substituting is a step. When it does not, the answer checker names the likely
mistake (a sign, a missing chain factor, a factor of 2, …), in numbers when the step put the
point in. Every line checked leaves a ``LineCheck``.

>>> same(sp.Symbol("x") * 2, sp.Symbol("x") + sp.Symbol("x"), False, CheckOptions())
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

import sympy as sp

from ..answers.check import _typeset
from ..answers.compare import compare_scalar
from ..answers.feedback import diagnose
from ..answers.options import CheckOptions
from ..lang import phrase
from .named_derivatives import Claim
from .question import Question, canonical
from .sides import Reader

UNKNOWN = object()        # the value a line goes on from, after a line that could not be read


@dataclass(frozen=True)
class LineCheck:
    """The check of one formula (or line of words) of the derivation."""

    number: int          # the physical line of the pasted text, from 1
    text: str
    follows: bool
    feedback: tuple[str, ...] = ()
    kind: str = "step"   # "step" (a claim, checked), "definition", "given", "prose" or "unreadable"


def is_approximate(side: str) -> bool:
    """The text is written in rounded numbers (2.72, ≈)."""
    return bool(re.search(r"\d\.\d|≈|\bapprox", side))


def same(before, after, approximate: bool, options: CheckOptions) -> bool:
    """``after`` equals ``before`` (a vector component by component; rounded numbers to 2e-3)."""
    if isinstance(before, tuple) or isinstance(after, tuple):
        if not (isinstance(before, tuple) and isinstance(after, tuple) and len(before) == len(after)):
            return False
        return all(same(b, a, approximate, options) for b, a in zip(before, after))
    if approximate and before.is_number and after.is_number:
        b, a = complex(sp.N(before, 30)), complex(sp.N(after, 30))
        return abs(a - b) <= 2e-3 * max(abs(b), 1e-12)
    equal, decided_by = compare_scalar(before, after, options, None, None)
    if not equal and decided_by == "domain":
        return _cancels(before, after)        # (1 - σ)·y/(1 - σ): a step may cancel what is never 0
    return equal


def _cancels(before, after) -> bool:
    """``before - after`` simplifies to 0 (the answer checker samples points, where a factor that is
    never 0 exactly can round to 0)."""
    try:
        return sp.simplify(before - after) == 0
    except (TypeError, ValueError, RecursionError):
        return False


def mistake(before, after, options: CheckOptions, approximate: bool = False) -> tuple[str, ...]:
    """What went wrong from ``before`` to ``after``, in the reader's language: the component, the
    shape, or the answer checker's diagnosis (nothing when it has none)."""
    say = lambda key, **values: phrase(options.lang, key, **values)   # noqa: E731
    if approximate and not isinstance(before, tuple) and same(before, -after, True, options):
        return (say("check.sign"),)           # rounded numbers: only the sign can be told
    if isinstance(before, tuple) or isinstance(after, tuple):
        if isinstance(before, tuple) and isinstance(after, tuple) and len(before) == len(after):
            for k, (b, a) in enumerate(zip(before, after), 1):
                if not same(b, a, False, options):
                    return (say("steps.component", index=k), *mistake(b, a, options))
        return (say("steps.shape"),)
    found = diagnose(before, after, None, options)
    if not found:
        return ()
    return (say(found[0], **_typeset(found[1])),)


def _substituted(value, point: dict):
    """``value`` with the point's coordinates put in (by name: w_1 and w1 alike)."""
    if isinstance(value, tuple):
        return tuple(_substituted(v, point) for v in value)
    swap = {s: point[canonical(s.name)] for s in value.free_symbols if canonical(s.name) in point}
    return value.xreplace(swap) if swap else value


class Chain:
    """The chain so far: the checks, the value the next line goes on from, what the claims found."""

    def __init__(self, question: Question, reader: Reader, lang: str):
        self.question, self.reader, self.lang = question, reader, lang
        self.options = question.options
        q = question
        self.checks: list[LineCheck] = []
        self.current = None             # the value the next line goes on from (None: the answer is expected)
        self.restated = False           # the current value was written as a derivative, not a value
        self.current_at = None          # the index in checks of the line that gave it
        self.claim = None
        self.claimed: dict[str, tuple] = {}
        self.point = {canonical(str(name)): value for name, value in q.point}     # where the values are taken

    def _follows(self, values: list) -> bool:
        """Whether ``values`` would follow as the next step of the main chain."""
        before = self._before(starts_claim=False)
        chain = values if before is None else [before, *values]
        return all(self.step(chain[k - 1], chain[k], False) for k in range(1, len(chain)))

    def _before(self, starts_claim: bool):
        """The value the next step goes on from (None: nothing to go on from)."""
        q = self.question
        if self.current is UNKNOWN or starts_claim:
            return None
        return self.reader.defined(q.answer) if self.current is None else self.current

    def step(self, before, after, approximate: bool) -> bool:
        """``after`` follows from ``before``: equal, or ``before`` at the point (the problem's, or
        one the derivation gave: x = 2) — substituting is a step."""
        if same(before, after, approximate, self.options):
            return True
        if not self.point or not isinstance(before, (sp.Basic, tuple)):
            return False
        at = _substituted(before, self.point)
        return at is not before and same(at, after, approximate, self.options)

    def _at_point(self, before, after):
        """``before`` at the point when ``after`` has it put in (the mistake is then told in numbers)."""
        if not self.point or not isinstance(before, (sp.Basic, tuple)) or not isinstance(after, (sp.Basic, tuple)):
            return before
        names = lambda v: {canonical(s.name) for s in (sp.Tuple(*v) if isinstance(v, tuple) else v).free_symbols}  # noqa: E731
        if names(before) & set(self.point) and not names(after) & set(self.point):
            return _substituted(before, self.point)
        return before

    def compare(self, piece, chain: list, about, kind: str = "step") -> bool:
        """A chain that stands on its own (a definition, a known quantity, a side fact)."""
        approximate = is_approximate(piece.formula)
        wrong = next((k for k in range(1, len(chain)) if not self.step(chain[k - 1], chain[k], approximate)), None)
        if wrong is None:
            self.checks.append(LineCheck(piece.number, piece.text, True, (), kind))
            return False
        options = about or self.options
        self.checks.append(LineCheck(piece.number, piece.text, False,
                                     mistake(self._at_point(chain[wrong - 1], chain[wrong]), chain[wrong], options, approximate), "step"))
        return True

    def _about(self, claim: Claim | None):
        """The options that make the derivative this line takes the question (for the mistake's name)."""
        if claim is None or claim.operand is None or claim.variable is None:
            return None
        if not getattr(claim.operand, "free_symbols", None):
            return None
        return replace(self.options, function=claim.operand, wrt=claim.variable, variables=(claim.variable,), point=())

    def chain(self, piece, values, restated, continuing: bool, starts_claim: bool = False, claims=()) -> bool:
        """A step of the main chain: from the last value (or the answer), or a new claim."""
        if starts_claim:
            named = next((c for c in claims if c.variable is not None), None)
            self.claim = named.variable if named is not None else None
        before = self._before(starts_claim)
        chain = values if before is None else [before, *values]
        approximate = is_approximate(piece.formula)
        wrong = next((k for k in range(1, len(chain)) if not self.step(chain[k - 1], chain[k], approximate)), None)
        if wrong is not None:
            about = self._about(claims[0] if claims and claims[0].operand is not None else None) or self.options
            self.checks.append(LineCheck(piece.number, piece.text, False,
                                         mistake(self._at_point(chain[wrong - 1], chain[wrong]), chain[wrong], about, approximate)))
            return True
        self.checks.append(LineCheck(piece.number, piece.text, True))
        self.current, self.current_at = values[-1], len(self.checks) - 1
        self.restated = restated[-1]
        if self.claim is not None:
            self.claimed[canonical(str(self.claim))] = (self.current, self.restated)
        return False

