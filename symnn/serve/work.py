"""What the service's worker processes do: check an answer (the grading worker's function) and
read an answer for the preview. Both run on untrusted text, so only ever in a worker."""

from __future__ import annotations

from ..answers.read import read_answer
from ..grading.worker import grade_row
from ..render.math import latex_math

__all__ = ["grade_row", "preview", "warm"]


def preview(text: str, known: tuple[str, ...] = ()) -> dict:
    """How ``text`` is read: its LaTeX (the page turns it into MathML), or why it cannot be read."""
    import sympy as sp
    try:
        answer = read_answer(text, known=set(known) or None)
    except Exception as error:   # noqa: BLE001 - a preview says what it could not read, never fails
        return {"ok": False, "error": str(error)[:300]}
    if answer.restates or answer.value is None:
        return {"ok": False, "error": "the answer restates the question; write the result itself"}
    value = sp.Tuple(*answer.value) if isinstance(answer.value, tuple) else answer.value
    return {"ok": True, "latex": latex_math(value)}


def warm(memory_mb: int) -> None:
    """A new worker: its memory capped, the checker imported before the first answer arrives."""
    from ..answers.sandbox import cap_memory
    cap_memory(memory_mb)
    import symnn.answers.check  # noqa: F401

