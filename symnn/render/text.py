"""Plain text, for a terminal: one line per step, indented by depth."""

from __future__ import annotations

from .base import DocumentPrinter
from .math import text_math


class TextPrinter(DocumentPrinter):
    nabla = "∇"
    approx = "≈"

    def raw_math(self, expr, keep_order: bool = False, numbers: bool = False) -> str:
        return text_math(self.renamed(expr), self.lang, self.partial, keep_order)

    def inline(self, raw: str) -> str:
        return raw

    ellipsis = "…"


    def raw_tuple(self, items: list[str]) -> str:
        return "(" + ("; " if self.lang == "ru" else ", ").join(items) + ")"

    def power_of_ten(self, mantissa, exponent: int) -> str:
        return f"{self.raw_math(mantissa)}·10^{exponent}"

    def code(self, text: str) -> str:
        return f"`{text}`"

    def formula_text(self, pair) -> str:
        return pair[1]

    def at_point(self, point) -> str:
        return " at " + ", ".join(f"{self.raw_math(name)} = {self.raw_math(value)}" for name, value in point) \
            if self.lang == "en" else " при " + ", ".join(f"{self.raw_math(name)} = {self.raw_math(value)}"
                                                         for name, value in point)

    def raw_ratio(self, top, bottom) -> str:
        return f"∂{self.raw_math(top)}/∂{self.raw_math(bottom)}"

    def table(self, header, rows):
        widths = [max(len(cell) for cell in column) for column in zip(header, *rows)]
        def format_row(cells):
            return "  ".join(cell.ljust(width) for cell, width in zip(cells, widths)).rstrip()
        return [format_row(header), format_row(["-" * w for w in widths]), *map(format_row, rows)]
