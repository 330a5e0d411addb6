"""Export: whole documents, worksheets, notebooks and pictures, from what the layers below derive.

Beside ``symnn.render`` and above it: a document is the printers' fragments in a
frame (a LaTeX preamble that compiles with pdflatex in English and Russian, an
HTML page that needs no network); a worksheet is a set of bank problems; a
picture draws the numbers symnn derived. Heavy libraries (matplotlib, graphviz,
nbformat) are imported only by the module that draws or writes with them.
"""

from __future__ import annotations

from .documents import html_page, latex_document, standalone

__all__ = ["standalone", "latex_document", "html_page"]
