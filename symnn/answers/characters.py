"""The characters of an answer: what is shown is what is read.

Invisible characters that change nothing (zero-width spaces, a soft hyphen)
are dropped; characters that change what is shown without changing the text
(bidirectional overrides, other control and format characters) are refused, as
are letters of other scripts that look like Latin ones (a Cyrillic х is not x,
nor is the Roman numeral ⅹ).
Unicode mathematics is spelled out for the parser: x⁴ is x^4, x₁ is x_1, α is
alpha, − is -, √ is sqrt, and full-width digits are digits.

>>> plain("α·x₁⁴ − √2")
' alpha *x_1^(4) -  sqrt 2'
"""

from __future__ import annotations

import unicodedata

from ..calculus.parse import ParseError

INVISIBLE = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"}
SUPERSCRIPTS = dict(zip("⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁽⁾ᵀ", "0123456789+-()T"))
SUBSCRIPTS = dict(zip("₀₁₂₃₄₅₆₇₈₉", "0123456789"))
SYMBOLS = {"−": "-", "–": "-", "—": "-", "‒": "-", "·": "*", "⋅": "*", "∙": "*", "×": "*", "÷": "/", "∕": "/",
           "√": " sqrt ", "∞": " oo ", "′": "'", "″": "''", "≈": "≈", "∂": "∂", "⟨": "(", "⟩": ")",
           "π": " pi ", "ℯ": "e", "ⅇ": "e", "％": "%"}
GREEK = {"α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "ε": "epsilon", "ϵ": "epsilon", "ζ": "zeta",
         "η": "eta", "θ": "theta", "ϑ": "theta", "ι": "iota", "κ": "kappa", "λ": "lamda", "μ": "mu", "ν": "nu",
         "ξ": "xi", "ρ": "rho", "σ": "sigma", "ς": "sigma", "τ": "tau", "υ": "upsilon", "φ": "phi", "ϕ": "phi",
         "χ": "chi", "ψ": "psi", "ω": "omega", "Γ": "Gamma", "Δ": "Delta", "Θ": "Theta", "Λ": "Lambda",
         "Ξ": "Xi", "Π": "Pi", "Σ": "Sigma", "Φ": "Phi", "Ψ": "Psi", "Ω": "Omega"}


def plain(text: str) -> str:
    """The text with invisible characters dropped and Unicode mathematics spelled out."""
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
    return "".join(out)


def _spelled(char: str) -> str:
    if char in SUBSCRIPTS:
        return "_" + SUBSCRIPTS[char]
    if char in SYMBOLS:
        return SYMBOLS[char]
    if char in GREEK:
        return f" {GREEK[char]} "
    if char.isascii():
        if char.isprintable() or char in "\t\n\r":
            return char
        raise ParseError(f"the answer holds a control character (U+{ord(char):04X})")
    category = unicodedata.category(char)
    if category in ("Cc", "Cf", "Co", "Cs", "Cn"):
        raise ParseError(f"the answer holds an invisible formatting character (U+{ord(char):04X}) "
                         "that changes how it is shown; type it again without it")
    if 0xFF01 <= ord(char) <= 0xFF5E or 0x1D400 <= ord(char) <= 0x1D7FF:
        return unicodedata.normalize("NFKC", char)     # full-width forms, mathematical letters and digits
    if category.startswith("Z"):
        return " "
    name = unicodedata.name(char, f"U+{ord(char):04X}")
    raise ParseError(f"the character {char!r} ({name.lower()}) is not read in answers"
                     + ("; type Latin letters" if char.isalpha() else ""))
