"""What the service's worker processes do: check an answer (the grading worker's function) and
read an answer for the preview. Both run on untrusted text, so only ever in a worker (the
preview's MathML too: a student's LaTeX is laid out here, never in the server).

Each stops itself at its time limit (an interval timer in the worker's main thread), so the
worker lives on: replacing a killed worker costs a process start and the imports, seconds of a
core that other students' checks need. The pool kills a worker only when the timer could not
stop it.
"""

from __future__ import annotations

import re
import signal

from ..answers.read import read_answer
from ..answers.wrappers import unwrap
from ..calculus.notation import shown
from ..calculus.parse import ParseError
from ..grading.worker import failed, grade_row
from ..lang import phrase
from ..render.html import mathml
from ..render.math import latex_math
from .typeset import as_typed

__all__ = ["checked_in_time", "grade_row", "preview", "preview_in_time", "warm"]

# numbers apart with only spaces between them: the reader joins them into one number
JOINED = re.compile(r"(?<![\w.,])\d+(?:[ \t]+\d+)+(?![\w.,])")


def preview(text: str, known: tuple[str, ...] = (), lang: str = "en") -> dict:
    """How ``text`` is read: ``mathml`` of the answer laid out in the student's own notation, and
    ``notes`` on what was read in a way that is not obvious; or ``error``, why it cannot be read,
    in the page's language."""
    try:
        answer = read_answer(text, known=set(known) or None)
    except ParseError as error:
        return {"ok": False, "error": error.in_language(lang)[:300]}
    except Exception:   # noqa: BLE001 - a preview says what it could not read, never fails
        return {"ok": False, "error": phrase(lang, "reader.syntax", text=shown(text), hint="")[:300]}
    if answer.restates or answer.value is None:
        return {"ok": False, "error": phrase(lang, "check.restates")}
    notes = [phrase(lang, key, **values) for key, values in answer.notes]
    if answer.notation == "text":
        notes += [phrase(lang, "page.joined digits", written=m[0], read=re.sub(r"\s+", "", m[0]))
                  for m in JOINED.finditer(text)]
    latex = _as_written(text, answer)
    try:
        shown_math = mathml(latex)
    except Exception:   # noqa: BLE001 - LaTeX the layout cannot draw: the value as read instead
        latex = _as_read(answer)
        shown_math = mathml(latex)
    return {"ok": True, "latex": latex, "mathml": shown_math, "notes": notes}


def _as_written(text: str, answer) -> str:
    """The answer in the student's notation: their own LaTeX, or their plain text laid out."""
    if answer.notation == "latex":
        return unwrap(text).strip().strip("$")
    commas_separate = answer.is_vector and ";" not in text
    return as_typed(text, decimal_comma=not commas_separate)


def _as_read(answer) -> str:
    import sympy as sp
    value = sp.Tuple(*answer.value) if isinstance(answer.value, tuple) else answer.value
    return latex_math(value)


class OutOfTime(BaseException):
    """The check's time is up (a BaseException: the checker's own ``except Exception`` lets it through)."""


def _out_of_time(signum, frame):
    raise OutOfTime()


def _in_time(seconds: float, function, *args):
    signal.signal(signal.SIGALRM, _out_of_time)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        return function(*args)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)


def checked_in_time(seconds: float, answer_reference, answer: str, settings) -> dict:
    """``grade_row`` within ``seconds``; out of time, the row of a check that did not finish."""
    try:
        return _in_time(seconds, grade_row, answer_reference, answer, settings)
    except OutOfTime:
        return failed("check.timeout", settings.lang, seconds)


def preview_in_time(seconds: float, text: str, known: tuple[str, ...] = (), lang: str = "en") -> dict:
    try:
        return _in_time(seconds, preview, text, known, lang)
    except OutOfTime:
        return {"ok": False, "error": phrase(lang, "check.preview slow")}


def warm(memory_mb: int) -> None:
    """A new worker: its memory capped, the checker imported before the first answer arrives."""
    from ..answers.sandbox import cap_memory
    cap_memory(memory_mb)
    import symnn.answers.check  # noqa: F401
