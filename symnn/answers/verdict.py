"""The verdict on one answer: right or not, its score, the check that decided, and the feedback."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..calculus.display import RichDisplay
from .compare import DECIDED_BY as compare_checks
from .read import Answer
from .shown_values import shown

# what may decide a verdict: a comparison of values (answers.compare), or the check itself —
# vectors component by component, a restated question, a chain, the answer's shape or form, an
# unreadable answer — or why no check could run (out of time, out of resources, an error)
DECIDED_BY = (*compare_checks, "components", "restates", "chain", "form", "letter", "unreadable", "timeout", "crashed", "error")


@dataclass(frozen=True)
class Verdict(RichDisplay):
    """The outcome of checking one answer."""

    correct: bool
    score: float
    feedback: tuple[str, ...]
    decided_by: str                      # the check that decided, or why none could
    answer: Answer | None = None         # the answer as read
    components: tuple[bool, ...] = field(default=())

    def as_dict(self) -> dict:
        value = None if self.answer is None or self.answer.value is None else shown(self.answer.value)
        return {"correct": self.correct, "score": self.score, "feedback": list(self.feedback),
                "decided_by": self.decided_by, "answer": value}
