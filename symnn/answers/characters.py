"""The characters of an answer: what is shown is what is read.

Invisible characters that change nothing (zero-width spaces, a soft hyphen)
are dropped; characters that change what is shown without changing the text
(bidirectional overrides, other control and format characters) are refused, as
are letters of other scripts, except that a Cyrillic letter typed on a Russian
keyboard where its Latin twin was meant (х for x, е for e) is read as that twin,
with a note saying so (``latin_twins``); Russian words stay Russian.
Unicode mathematics is spelled out for the parser: x⁴ is x^4, x₁ is x_1, α is
alpha, − is -, √ is sqrt, ½ is (1/2), ŷ is yhat, and full-width digits are digits.
Text inside ``\text{…}`` is left as written, for the reader of prose.

>>> plain("α·x₁⁴ − √2 + ½ŷ")
' alpha *x_1^(4) -  sqrt 2 + (1/2) yhat '
>>> latin_twins("2х + у")
('2x + y', ('х', 'у'))
"""

from __future__ import annotations

import re
import unicodedata

from ..calculus.greek import CHARACTERS
from ..calculus.parse import ParseError

INVISIBLE = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"}
SUPERSCRIPTS = dict(zip("⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁽⁾ᵀᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻ", "0123456789+-()Tabcdefghijklmnoprstuvwxyz"))
SUBSCRIPTS = dict(zip("₀₁₂₃₄₅₆₇₈₉", "0123456789"))
SYMBOLS = {"−": "-", "–": "-", "—": "-", "‒": "-", "·": "*", "⋅": "*", "∙": "*", "×": "*", "÷": "/", "∕": "/",
           "√": " sqrt ", "∞": " oo ", "′": "'", "″": "''", "≈": "≈", "∂": "∂", "⟨": "(", "⟩": ")",
           "π": " pi ", "ℯ": "e", "ⅇ": "e", "％": "%", "‖": "‖", "∥": "‖", "∈": " in ", "∪": " ∪ ", "∩": " ∩ ", "≤": " <= ",
           "≥": " >= ", "⩽": " <= ", "⩾": " >= ", "≠": " != ", "…": "…", "∧": " and ", "∨": " or ", "⊙": "*",
           "∘": "*", "∇": "∇", "⊤": "T", "ᵀ": "^(T)", "𝟙": "1"}
# Cyrillic letters that look like Latin ones, as a Russian keyboard types them
TWINS = dict(zip("аеорсухАВЕКМНОРСТУХ", "aeopcyxABEKMHOPCTYX"))
# combining marks over a letter: ŷ is yhat, x̄ is xbar (as SymPy names them), w⃗ is w
MARKS = {"\u0302": "hat", "\u0304": "bar", "\u0305": "bar", "\u0303": "tilde", "\u0307": "dot", "\u0308": "ddot",
         "\u20d7": "", "\u20d1": ""}
PROSE = re.compile(r"(\\(?:text|mbox|textnormal|textrm|textit|textbf)\s*\{[^{}]*\})")
GREEK = CHARACTERS             # α is alpha, ϕ is phi, λ is lamda (``calculus.greek``)


def latin_twins(text: str) -> tuple[str, tuple[str, ...]]:
    """Cyrillic look-alikes read as their Latin twins, and the letters that were: a word with
    any other Cyrillic letter (Ответ, при) is Russian and stays as it is."""
    found = []

    def word(match):
        letters = match[0]
        cyrillic = [c for c in letters if "\u0400" <= c <= "\u04ff"]
        if not cyrillic or any(c not in TWINS for c in cyrillic):
            return letters
        found.extend(c for c in cyrillic if c not in found)
        return "".join(TWINS.get(c, c) for c in letters)

    return re.sub(r"[^\W\d_]+", word, text), tuple(found)


def plain(text: str) -> str:
    """The text with invisible characters dropped and Unicode mathematics spelled out
    (words inside \\text{…} are kept as written)."""
    return "".join(part if PROSE.fullmatch(part) else _plain(part) for part in PROSE.split(text))


def _plain(text: str) -> str:
    text = re.sub(r"(\d+)\s*([\u00bc-\u00be\u2150-\u215e])", r"(\1+\2)", text)      # 2½ is 2 + 1/2
    out = []
    run = None          # the open run of superscript characters, if any
    for char in text:
        if char in INVISIBLE:
            continue
        if char in SUPERSCRIPTS:
            if run is None:
                run = []
            run.append(SUPERSCRIPTS[char])
            continue
        if run is not None:
            out.append("^(" + "".join(run) + ")")
            run = None
        out.append(_spelled(char))
    if run is not None:
        out.append("^(" + "".join(run) + ")")
    return re.sub(r"(?<=[A-Za-z]) +(?=_)", "", "".join(out))          # δ_ij is delta_ij


def _spelled(char: str) -> str:
    if char in MARKS:
        return MARKS[char]
    if char in SUBSCRIPTS:
        return "_" + SUBSCRIPTS[char]
    if char in SYMBOLS:
        return SYMBOLS[char]
    if char in GREEK:
        return f" {GREEK[char]} "
    if char.isascii():
        if char.isprintable() or char in "\t\n\r":
            return char
        raise ParseError("control character", code=f"U+{ord(char):04X}")
    category = unicodedata.category(char)
    if category in ("Cc", "Cf", "Co", "Cs", "Cn"):
        raise ParseError("format character", code=f"U+{ord(char):04X}")
    if 0xFF01 <= ord(char) <= 0xFF5E or 0x1D400 <= ord(char) <= 0x1D7FF:
        return unicodedata.normalize("NFKC", char)     # full-width forms, mathematical letters and digits
    if category.startswith("Z"):
        return " "
    decomposition = unicodedata.decomposition(char)
    if decomposition.startswith("<fraction>"):                     # ½ is (1/2)
        numerator, denominator = unicodedata.normalize("NFKC", char).split("\u2044")
        return f"({numerator or 1}/{denominator})"
    if char.isalpha() and len(unicodedata.normalize("NFD", char)) > 1:     # ŷ: y and a mark over it
        base, *marks = unicodedata.normalize("NFD", char)
        if base.isascii() and all(m in MARKS for m in marks):      # one letter, apart: ŷy is ŷ·y, as \hat{y}y is
            return f" {base}{''.join(MARKS[m] for m in marks)} "
    raise ParseError("character letter" if char.isalpha() else "character", char=char, code=f"U+{ord(char):04X}")
