"""What the service's worker processes do: check an answer (the grading worker's function) and
read an answer for the preview. Both run on untrusted text, so only ever in a worker."""

from __future__ import annotations

from ..answers.read import read_answer
from ..calculus.notation import shown
from ..calculus.parse import ParseError
from ..grading.worker import grade_row
from ..lang import phrase
from ..render.math import latex_math

__all__ = ["grade_row", "preview", "warm"]


def preview(text: str, known: tuple[str, ...] = (), lang: str = "en") -> dict:
    """How ``text`` is read: its LaTeX (the page turns it into MathML), or why it cannot be read,
    in the reader's language."""
    import sympy as sp
    try:
        answer = read_answer(text, known=set(known) or None)
    except ParseError as error:
        return {"ok": False, "error": error.in_language(lang)[:300]}
    except Exception:   # noqa: BLE001 - a preview says what it could not read, never fails
        return {"ok": False, "error": phrase(lang, "reader.syntax", text=shown(text), hint="")[:300]}
    if answer.restates or answer.value is None:
        return {"ok": False, "error": phrase(lang, "check.restates")}
    value = sp.Tuple(*answer.value) if isinstance(answer.value, tuple) else answer.value
    return {"ok": True, "latex": latex_math(value)}


def warm(memory_mb: int) -> None:
    """A new worker: its memory capped, the checker imported before the first answer arrives."""
    from ..answers.sandbox import cap_memory
    cap_memory(memory_mb)
    import symnn.answers.check  # noqa: F401

