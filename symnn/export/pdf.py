"""Running pdflatex on a document symnn wrote, and reading its log.

>>> overfull_widths("Overfull \\\\hbox (3.5pt too wide) in paragraph at lines 4--4")
[3.5]
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

INSTALL_HINT = ("pdflatex is not installed; install TeX Live (Debian/Ubuntu: apt-get install texlive-latex-recommended "
                "texlive-lang-cyrillic; macOS: MacTeX; Windows: MiKTeX), or export --format tex")
_OVERFULL = re.compile(r"Overfull \\hbox \((\d+(?:\.\d+)?)pt too wide\)")
_ERROR = re.compile(r"^! (.*)$", re.M)


class LatexMissing(FileNotFoundError):
    """pdflatex is not on PATH."""


class LatexFailed(ValueError):
    """pdflatex stopped on an error in the document."""


@dataclass(frozen=True)
class Compiled:
    pdf: Path
    log: str

    @property
    def overfull(self) -> list[float]:
        return overfull_widths(self.log)


def overfull_widths(log: str) -> list[float]:
    """How many points too wide each overfull line of a pdflatex log is."""
    return [float(width) for width in _OVERFULL.findall(log)]


def require_pdflatex() -> str:
    """The path of pdflatex, or LatexMissing saying how to install it."""
    program = shutil.which("pdflatex")
    if program is None:
        raise LatexMissing(INSTALL_HINT)
    return program


def pdflatex(tex: Path, timeout: float = 120) -> Compiled:
    """Compile ``tex`` in its own folder (twice only if LaTeX or a longtable asks for it) and return the PDF and the log."""
    program = require_pdflatex()
    tex = Path(tex)
    command = [program, "-interaction=nonstopmode", "-halt-on-error", "-no-shell-escape", tex.name]
    for _ in range(2):
        subprocess.run(command, cwd=tex.parent, capture_output=True, timeout=timeout)
        log = tex.with_suffix(".log").read_text(encoding="utf-8", errors="replace")
        errors = _ERROR.findall(log)
        if errors:
            raise LatexFailed(f"{tex.name}: pdflatex: {errors[0]}")
        if "Rerun to get" not in log and "Rerun LaTeX" not in log:     # a longtable's widths settle on a rerun
            break
    return Compiled(tex.with_suffix(".pdf"), log)
