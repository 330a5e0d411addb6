"""check_answer: read, compare, explain, in a worker that can be killed.

The verdict says whether the answer is right, the score (partial credit for
vectors), the check that decided, and feedback in the reader's language.
The work runs in a separate process with a wall-clock limit and a memory
cap, so no input can hang or crash the caller.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import sympy as sp

from ..calculus.expressions import as_expr
from ..calculus.parse import ParseError
from ..lang import phrase
from .compare import compare_scalar, form_ok
from .feedback import diagnose, wrong_point
from .options import CheckOptions
from .read import MAX_LENGTH, Answer, read_answer, restates_question
from .sandbox import run_limited


@dataclass(frozen=True)
class Verdict:
    """The outcome of checking one answer."""

    correct: bool
    score: float
    feedback: tuple[str, ...]
    decided_by: str                      # the check that decided, or why none could
    answer: Answer | None = None         # the answer as read
    components: tuple[bool, ...] = field(default=())

    def as_dict(self) -> dict:
        return {"correct": self.correct, "score": self.score, "feedback": list(self.feedback),
                "decided_by": self.decided_by,
                "answer": None if self.answer is None else sp.sstr(self.answer.value)}


def check_answer(reference, answer: str, **options) -> Verdict:
    """Check ``answer`` (LaTeX or plain text) against ``reference``.

    ``reference`` is an expression, text, or a tuple/list of them for a
    vector. Options are the fields of CheckOptions (tolerances, conventions,
    ``timeout``, ``lang``, and the question for feedback).

    >>> check_answer("1/3", "0,333").correct
    True
    >>> v = check_answer((60, -162, 1), "(60, 162, 1)")
    >>> v.correct, round(v.score, 2), v.feedback[1]
    (False, 0.67, 'Component 2: the sign is wrong: the answer is the negative of the correct one.')
    """
    settings = CheckOptions.from_dict(options)
    reference = _reference(reference)   # the teacher's side: a bad reference is the caller's error
    try:
        return run_limited(_check, (reference, answer, settings), settings.timeout, settings.memory_mb)
    except TimeoutError:
        key, values = "check.timeout", {"seconds": settings.timeout}
        return Verdict(False, 0.0, (phrase(settings.lang, key, **values),), "timeout")
    except MemoryError:
        return Verdict(False, 0.0, (phrase(settings.lang, "check.crashed"),), "crashed")
    except Exception as error:   # noqa: BLE001 - an answer must never crash the caller
        reason = f"{type(error).__name__}: {error}"[:200]
        return Verdict(False, 0.0, (phrase(settings.lang, "check.unreadable", reason=reason),), "error")


def _reference(reference):
    """An expression, or a tuple of them for a vector (text is parsed safely).
    A matrix is read row by row; a 1×1 matrix and a vector of one are their entry."""
    if isinstance(reference, sp.MatrixBase):
        reference = reference[0] if reference.shape == (1, 1) else tuple(reference)
    if isinstance(reference, (tuple, list, sp.Tuple)) and len(reference) == 1:
        reference = reference[0]            # one neuron's output is a number, not a vector of one
    values = tuple(as_expr(r) for r in reference) if isinstance(reference, (tuple, list, sp.Tuple)) \
        else (as_expr(reference),)
    if any(not isinstance(v, sp.Expr) for v in values):
        raise ValueError("this answer is not a number or a formula, so there is nothing to check against")
    return values if isinstance(reference, (tuple, list, sp.Tuple)) else values[0]


def _check(ref, text, options: CheckOptions) -> Verdict:
    lang = options.lang
    say = lambda key, **values: phrase(lang, key, **values)   # noqa: E731
    if isinstance(text, str) and len(text) <= MAX_LENGTH and restates_question(text):
        return Verdict(False, 0.0, (say("check.wrong"), say("check.restates")), "restates")
    try:
        answer = read_answer(text, expected_length=len(ref) if isinstance(ref, tuple) else None,
                             natural_log=options.natural_log, russian_notation=options.russian_notation,
                             decimal_comma=options.decimal_comma)
    except (ParseError, ValueError, TypeError, RecursionError) as error:
        return Verdict(False, 0.0, (say("check.unreadable", reason=str(error)),), "unreadable")
    if _has_derivative(answer.value):
        return Verdict(False, 0.0, (say("check.wrong"), say("check.restates")), "restates", answer)
    if isinstance(ref, tuple):
        return _check_vector(ref, answer, options, say)
    if answer.is_vector:
        return Verdict(False, 0.0, (say("check.not scalar"),), "shape", answer)
    correct, decided_by = compare_scalar(ref, answer.value, options, answer.decimals[0])
    if correct and not form_ok(answer.value, options.form):
        return Verdict(False, 0.5, (say(f"check.form.{options.form}"),), "form", answer)
    if correct:
        return Verdict(True, 1.0, (say("check.correct"), say(f"check.decided.{decided_by}")), decided_by, answer)
    found = diagnose(ref, answer.value, answer.decimals[0], options)
    lines = [say("check.wrong")] + ([say(found[0], **_typeset(found[1]))] if found else [])
    return Verdict(False, 0.0, tuple(lines), decided_by, answer)


def _check_vector(ref, answer, options, say) -> Verdict:
    if answer.is_set:
        return Verdict(False, 0.0, (say("check.wrong"), say("check.set")), "shape", answer)
    if not answer.is_vector:
        return Verdict(False, 0.0, (say("check.not vector", expected=len(ref)),), "shape", answer)
    got = answer.value
    if len(got) != len(ref):
        return _length_mismatch(ref, answer, options, say)
    results = [compare_scalar(r, a, options, d) for r, a, d in zip(ref, got, answer.decimals)]
    right = tuple(ok for ok, _ in results)
    if all(right):
        return Verdict(True, 1.0, (say("check.correct"),), "components", answer, right)
    lines = [say("check.wrong")]
    swapped = _swapped(ref, got, options)
    point = wrong_point(ref, got, options)
    if swapped:
        lines.append(say("check.swapped", i=swapped[0] + 1, j=swapped[1] + 1))
    elif point:
        lines.append(say(point[0]))
    else:
        for index, (ok, r, a, d) in enumerate(zip(right, ref, got, answer.decimals), 1):
            if not ok:
                found = diagnose(r, a, d, options)
                if found:
                    detail = say(found[0], **_typeset(found[1]))
                    lines.append(say("check.component detail", index=index, detail=detail[0].lower() + detail[1:]))
                else:
                    lines.append(say("check.component", index=index))
    return Verdict(False, sum(right) / len(ref), tuple(lines), "components", answer, right)


def _length_mismatch(ref, answer, options, say):
    got = answer.value
    if len(got) == len(ref) - 1:
        for missing in range(len(ref)):
            rest = ref[:missing] + ref[missing + 1:]
            if all(compare_scalar(r, a, options)[0] for r, a in zip(rest, got)):
                score = len(got) / len(ref)
                return Verdict(False, score, (say("check.wrong"), say("check.missing component", index=missing + 1)),
                               "components", answer)
    return Verdict(False, 0.0, (say("check.wrong"), say("check.length", expected=len(ref), got=len(got))),
                   "shape", answer)


def _swapped(ref, got, options):
    for i in range(len(ref)):
        for j in range(i + 1, len(ref)):
            if compare_scalar(ref[i], ref[j], options)[0]:
                continue
            trial = list(got)
            trial[i], trial[j] = trial[j], trial[i]
            if all(compare_scalar(r, a, options)[0] for r, a in zip(ref, trial)):
                return i, j
    return None


def _has_derivative(value) -> bool:
    values = value if isinstance(value, tuple) else (value,)
    return any(v.has(sp.Derivative) for v in values)


def _typeset(values: dict) -> dict:
    return {key: sp.sstr(value) if isinstance(value, sp.Basic) else value for key, value in values.items()}
