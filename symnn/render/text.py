"""Plain text, for a terminal: one line per step, indented by depth."""

from __future__ import annotations

import re

from ..calculus.greek import GREEK
from ..lang import separator
from .arrays import STATEMENT_CODE
from .base import DocumentPrinter
from .brackets import plain_matrix
from .math import text_math
from .stated import noted
from .typed import RAISED

_FRACTION = re.compile(r"\\frac\{([^{}]*)\}\{([^{}]*)\}")
_GROUP = re.compile(r"([_^])\{([^{}]*)\}")
_ROOT = re.compile(r"\\sqrt\{([^{}]*)\}")
_MATRIX = re.compile(r"\\begin\{[pb]matrix\}(.*?)\\end\{[pb]matrix\}", re.S)
# an operator's name between letters is set apart by spaces, as TeX sets it: r sin θ cos φ, not rsinθcosφ
_FUNCTIONS = "sinh|cosh|tanh|sin|cos|tan|ln|log|exp"            # the names a function's argument follows
_APPLIED = re.compile(rf"(?:\\?(?:{_FUNCTIONS}|sigma)|σ)\s*$")
# what follows a fraction as a factor (a bracket, a name, a command such as \\sigma or \\left), not an operator
_FACTOR_AFTER = re.compile(r"\s*(?:[(\[‖|\w]|\\(?!cdot|times|quad|qquad|right|end|le|ge|leq|geq|approx|neq|to|in\b|[,;:! ]))")
_OPERATOR = re.compile(rf"\\({_FUNCTIONS}|cot|max|min|det|tr|arg)(?![a-zA-Z])\s*")


_GREEK = "|".join(name for name in GREEK if name != "lamda")       # the LaTeX commands

def _plain_matrices(latex: str, lang: str) -> str:
    """\\begin{pmatrix} 0 & -1 \\\\ 2 & 3 \\end{pmatrix} as [(0, -1); (2, 3)], as a key writes a matrix in plain text."""
    def rows(match):
        return plain_matrix([[cell.strip() for cell in row.split("&")] for row in match[1].split("\\\\") if row.strip()], lang)
    return _MATRIX.sub(rows, latex)


def _plain_fractions(latex: str) -> str:
    """\\frac{a + b}{2c} as (a + b)/(2c), \\sqrt{a} as √(a) and e^{x + 1} as e^(x + 1), innermost first, so no grouping
    is lost."""
    def bracket(text):           # a name or a number alone, not a product such as 2\varepsilon (2ε)
        alone = re.fullmatch(r"(\\partial\s*)?[\w.\\′]+(\^(\w|\([\w.]+\)))?|√\([^()]*\)", text) and not re.match(r"\d+[^\d.]", text)
        return text if alone else f"({text})"
    def fraction(m):             # a fraction an operator applies to is bracketed whole: ln(a/b), not ln a/b;
        text = f"{bracket(m[1])}/{bracket(m[2])}"    # so is one a factor follows: (1/2)(y − o)^2, not 1/2(y − o)^2
        return f"({text})" if _APPLIED.search(m.string, 0, m.start()) or _FACTOR_AFTER.match(m.string, m.end()) else text
    for _ in range(8):            # a root first, so that a fraction over it is seen: (1 − β₁)/√(1 − β₂)
        changed = _FRACTION.sub(fraction, _ROOT.sub(r"√(\1)", latex))
        changed = _GROUP.sub(lambda m: m[1] + (f"({m[2]})" if m[1] == "^" and not re.fullmatch(r"\w|\d+|′", m[2])
                                               else bracket(m[2])), changed)
        if changed == latex:
            break
        latex = changed
    return latex


class TextPrinter(DocumentPrinter):
    nabla = "∇"
    approx = "≈"
    percent = "\u00a0%"

    def raw_math(self, expr, keep_order: bool = False, numbers: bool = False) -> str:
        expr = noted(self, self.renamed(expr), numbers or keep_order)        # a sum as the statement writes it
        return text_math(expr, self.lang, self.partial, keep_order, self.written)

    def inline(self, raw: str) -> str:
        return raw

    ellipsis = "…"


    def raw_tuple(self, items: list[str]) -> str:
        return "(" + separator(self.lang).join(items) + ")"

    def power_of_ten(self, mantissa, exponent: int) -> str:
        return f"{self.raw_math(mantissa)}·10^{exponent}"

    def code(self, text: str) -> str:
        return f"`{text}`"

    def rich_text(self, text: str) -> str:
        """A bank statement's ``$...$`` LaTeX as plain Unicode text: F = 5x^3 + 3/y^2 + sin z."""
        from pylatexenc.latex2text import LatexNodes2Text
        codes = []                   # $\texttt{a.sum(axis=0)}$: program text, kept as written, as code
        text = STATEMENT_CODE.sub(lambda m: codes.append(m[1]) or f"CODE{len(codes) - 1}CODE", text)
        text = self._plain_statement(text, LatexNodes2Text)
        return re.sub(r"CODE(\d+)CODE", lambda m: self.code(codes[int(m[1])]), text)

    def _plain_statement(self, text: str, LatexNodes2Text) -> str:
        text = re.sub(r"\\ne(?![a-zA-Z])", "≠", text)        # pylatexenc knows \neq but drops \ne
        # a Greek letter times a name is one product, λw, not λ w (pylatexenc keeps the space that ends the command)
        text = re.sub(rf"\\({_GREEK}) (?=[A-Za-z0-9(]|\\\||\\(?:{_GREEK}|left|hat|bar|mathbf|boldsymbol|nabla|partial)(?![a-z]))",
                      r"\\\1" + "\u2063", text)      # an invisible separator ends the command; removed below
        text = re.sub(r"(?<=\d)\\,(?=\d{3}(?!\d))", "\u202f", text)     # 10\,000: one number, its groups a narrow space apart
        # an arrow keeps the space after it: v ← μv, not v ←μ v (pylatexenc drops it before another command)
        text = re.sub(r"\\(leftarrow|gets|rightarrow|to)(?![a-zA-Z])", lambda m: "←" if m[1] in ("leftarrow", "gets") else "→", text)
        # so do a relation and ×: x ∈ ℝⁿ, not x ∈ℝ^n; a × α
        text = re.sub(r"\\(in|times|leq?|geq?)(?![a-zA-Z])", lambda m: {"in": "∈", "times": "×"}.get(m[1], "≤" if m[1][0] == "l" else "≥"),
                      text)
        text = _OPERATOR.sub(lambda m: (" " if m.start() and (m.string[m.start() - 1].isalnum()
                                                               or m.string[m.start() - 1] in ")}") else "")
                             + m[1] + (" " if m.string[m.end():m.end() + 1].isalnum() or m.string[m.end():m.end() + 1]
                                       == "\\" else ""), text)
        for command, plain in ((r"\|", "‖"), (r"^{\prime}", "′"), (r"^\prime", "′"), (r"\prime", "′"), (r"\cdot", "·"),
                               (r"\approx", "≈"), (r"\top", "ᵀ")):
            text = text.replace(command, plain)
        text = re.sub(r"(?<!\\)\$[^$]*\$", lambda m: m[0].replace("'", "′"), text)   # primes, not quotation marks
        text = re.sub(r"\^\{\((\d+)\)\}", lambda m: "⁽" + m[1].translate(RAISED) + "⁾", text)   # c^{(2)}: c⁽²⁾
        # an upright word after a group keeps a space before it: \frac{1}{\mathbf{1}^T z}\mathrm{diag}(z), not zdiag(z)
        text = re.sub(r"\}\s*(?=\\(?:mathrm|operatorname)\{)", r"}\\ ", text)
        text = _plain_fractions(_plain_matrices(text, self.lang))
        text = re.sub(r"(?<=[∂Δ]) (?=\w)", "", LatexNodes2Text(math_mode="text").latex_to_text(text)).replace("\u2063", "")  # ∂L
        text = re.sub(r"(?<![\w^])e\^(?:\((-?(?:\d+|[a-pr-z]))\)|(-?(?:\d+|[a-pr-z])))(?![\w(])",
                      lambda m: "e" + (m[1] or m[2]).translate(RAISED), text)          # e³, eˣ, e⁻ᵃ
        text = re.sub(rf"(?<![A-Za-z])({_FUNCTIONS}) \(", r"\1(", text)   # ln(a/b), ln\left(
        return re.sub(r"(?<=\S)  +", " ", text)

    def formula_text(self, pair) -> str:
        return pair[1]

    def at_point(self, point) -> str:
        return " at " + ", ".join(f"{self.raw_math(name)} = {self.raw_math(value)}" for name, value in point) \
            if self.lang == "en" else " при " + ", ".join(f"{self.raw_math(name)} = {self.raw_math(value)}"
                                                         for name, value in point)

    def raw_ratio(self, top, bottom) -> str:
        d = "d" if self.ordinary else "∂"             # dy/dx where the statement writes d (render.solutions)
        return self.nabla_ratio(top, bottom) or f"{d}{self.raw_math(top)}/{d}{self.raw_math(bottom)}"

    def table(self, header, rows):
        widths = [max(len(cell) for cell in column) for column in zip(header, *rows)]
        def format_row(cells):
            return "  ".join(cell.ljust(width) for cell, width in zip(cells, widths)).rstrip()
        return [format_row(header), format_row(["-" * w for w in widths]), *map(format_row, rows)]
