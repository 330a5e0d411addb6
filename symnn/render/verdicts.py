"""How document printers write the checker's verdicts: on an answer, and on a derivation line by line.

A mixin of DocumentPrinter: it uses the format hooks.
"""

from __future__ import annotations

import sympy as sp

from ..lang import phrase


class VerdictPrinting:
    def _print_Verdict(self, verdict, depth: int = 0) -> str:
        """The checker's verdict: its first sentence in bold, the rest as written, and the answer as read."""
        first, *rest = verdict.feedback or ("",)
        lines = [self.line(depth, self.strong(self.escape(first)))]
        lines += [self.line(depth, self.escape(sentence)) for sentence in rest]
        if verdict.answer is not None and verdict.answer.value is not None:
            value = verdict.answer.value
            shown = sp.Tuple(*value) if isinstance(value, tuple) else value
            lines.append(self.line(depth, self.escape(phrase(self.lang, "check.read") + ": ") + self.math(shown)))
        return self.join(lines)

    def _print_DerivationVerdict(self, verdict, depth: int = 0) -> str:
        """A checked derivation: the verdict, then each line, marked ✓ (follows), ✗ (does not), ? (cannot
        be read), ≔ (a definition) or · (words), with the number of its line in the pasted text."""
        first, *rest = verdict.feedback
        lines = [self.line(depth, self.strong(self.escape(first)))] + [self.line(depth, self.escape(s)) for s in rest]
        for check in verdict.lines:
            mark = {"prose": "·", "definition": "≔", "unreadable": "?"}.get(check.kind, "✓" if check.follows else "✗")
            lines.append(self.line(depth + 1, self.escape(f"{mark} {check.number}: {check.text.strip()}")))
        return self.join(lines)
