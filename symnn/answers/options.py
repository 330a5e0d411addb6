"""How an answer is checked: tolerances, conventions, limits, and what the question was."""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class CheckOptions:
    """Settings of one check; every field has a default, and unknown names are refused.

    Numbers (STACK's answer tests): ``absolute`` (|a − r| ≤ absolute),
    ``relative`` (|a − r| ≤ relative·|r|), ``decimals`` (equal when both are
    rounded to that many places, and at least that many typed), ``sigfigs``
    (the same in significant figures). With none of them, a decimal answer must
    be the exact value correctly rounded where it stops, with at least
    ``min_sigfigs`` significant figures.
    """

    absolute: float | None = None
    relative: float | None = None
    decimals: int | None = None
    sigfigs: int | None = None
    min_sigfigs: int = 3
    form: str | None = None            # None, "simplified" or "factored"
    natural_log: bool = True           # \log is ln (the ML convention)
    russian_notation: bool = True      # th, tg, ctg, arctg, decimal comma
    decimal_comma: bool = True
    index_names: bool = True           # x1 is x_1
    timeout: float = 2.0               # seconds of wall-clock time, enforced by a killable worker
    memory_mb: int = 1024              # address-space cap of the worker
    lang: str = "en"
    # what the question was, for feedback: f, its variables, the variable asked for, the point
    function: object = None
    variables: tuple = ()
    wrt: object = None
    point: tuple = ()

    @classmethod
    def from_dict(cls, values: dict) -> CheckOptions:
        known = {f.name for f in fields(cls)}
        unknown = set(values) - known
        if unknown:
            raise TypeError(f"unknown check option(s): {', '.join(sorted(unknown))}")
        return cls(**values)
