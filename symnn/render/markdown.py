"""Markdown with ``$...$`` math (GitHub, Jupyter, pandoc): steps as nested lists."""

from __future__ import annotations

from .base import DocumentPrinter


class MarkdownPrinter(DocumentPrinter):
    def inline(self, raw: str) -> str:
        return f"${raw}$"

    def escape(self, text: str) -> str:
        return text.replace("\\", "\\\\").replace("*", r"\*").replace("_", r"\_")

    def code(self, text: str) -> str:
        return f"`{text}`"

    def strong(self, text: str) -> str:
        return f"**{text}**"

    def line(self, depth: int, text: str) -> str:
        return f"{'  ' * (depth - 1)}- {text}" if depth else f"{text}\n"

    def join(self, lines: list[str]) -> str:
        return "\n".join(lines).strip("\n") + "\n"

    def table(self, header, rows):
        return ["| " + " | ".join(header) + " |", "|" + "---|" * len(header),
                *("| " + " | ".join(row) + " |" for row in rows), ""]
