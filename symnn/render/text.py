"""Plain text, for a terminal: one line per step, indented by depth."""

from __future__ import annotations

from .base import DocumentPrinter
from .math import text_math


class TextPrinter(DocumentPrinter):
    nabla = "∇"
    approx = "≈"

    def raw_math(self, expr, keep_order: bool = False) -> str:
        return text_math(expr, self.lang, self.partial, keep_order)

    def inline(self, raw: str) -> str:
        return raw

    def formula_text(self, pair) -> str:
        return pair[1]
