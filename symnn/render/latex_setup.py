r"""What a LaTeX fragment of symnn needs to compile: the packages it names, and no other setup.

A fragment is ASCII and, in Russian, Cyrillic: every other character the phrases, the bank's
statements or SymPy write (α, δ, Σ, ᵀ, ², ŷ, …) is spelled as a LaTeX command that works in
text and in math alike, so a plain ``article`` with the packages of ``packages(lang)`` is all a
teacher adds.

>>> spelled(r"δ = ŷ − y, Xᵀ")
'\\ensuremath{\\delta} = \\ensuremath{\\hat{y}} \\ensuremath{-} y, X\\ensuremath{^{T}}'
>>> print(preamble("ru"))
\usepackage[T2A]{fontenc}
\usepackage[utf8]{inputenc}
\usepackage[english,russian]{babel}
\usepackage{amsmath,amssymb}
"""

from __future__ import annotations

import re

_GREEK = dict(zip("αβγδεζηθικλμνξπρστυφχψωΓΔΘΛΞΠΣΦΨΩ",
                  (r"\alpha \beta \gamma \delta \varepsilon \zeta \eta \theta \iota \kappa \lambda \mu \nu \xi \pi \rho "
                   r"\sigma \tau \upsilon \varphi \chi \psi \omega \Gamma \Delta \Theta \Lambda \Xi \Pi \Sigma \Phi "
                   r"\Psi \Omega").split()))
_SIGNS = dict(zip("×·−≤≥≈≠∂∇→←⊙√∑∏∈∞‖∘±⋅∼≡✓✗",
                  (r"\times \cdot - \leq \geq \approx \neq \partial \nabla \to \leftarrow \odot \surd \sum \prod \in "
                   r"\infty \| \circ \pm \cdot \sim \equiv \checkmark \times").split()))
_MATH = {**_GREEK, **_SIGNS,
         **{c: "^{%s}" % s for c, s in zip("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺⁼⁽⁾ᵀᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻ",
                                           "0123456789-+=()Tabcdefghijklmnoprstuvwxyz")},
         **{c: "_{%s}" % s for c, s in zip("₀₁₂₃₄₅₆₇₈₉₋₊ₐₑₒₓₕₖₗₘₙₚₛₜᵢⱼᵣᵤᵥ", "0123456789-+aeoxhklmnpstijruv")},
         "ŷ": r"\hat{y}", "½": r"\tfrac{1}{2}", "′": "{}'", "″": "{}''", "‴": "{}'''", "≔": r"\mathrel{:=}"}
# characters of prose (commands valid in text; in math LaTeX only warns)
_TEXT = {"…": r"\ldots{}", "—": r"\textemdash{}", "–": r"\textendash{}", "\u00a0": "~", "\u202f": r"\,",
         "“": "``", "”": "''", "’": "'", "‘": "`"}
UNICODE_COMMANDS = {**{c: r"\ensuremath{%s}" % command for c, command in _MATH.items()}, **_TEXT}
_UNICODE = re.compile("[" + re.escape("".join(UNICODE_COMMANDS)) + "]")
# what pdflatex reads as it is: ASCII, and in Russian (T2A) Cyrillic and guillemets
_READ_AS_IS = re.compile(r"[\x00-\x7f\u0400-\u04ff«»]")

PACKAGES = {
    "en": (r"\usepackage{amsmath,amssymb}",),
    "ru": (r"\usepackage[T2A]{fontenc}", r"\usepackage[utf8]{inputenc}", r"\usepackage[english,russian]{babel}",
           r"\usepackage{amsmath,amssymb}"),
}


def spelled(text: str) -> str:
    """``text`` with every character pdflatex would not read in a plain article spelled as a command."""
    return _UNICODE.sub(lambda match: UNICODE_COMMANDS[match.group()], text)


def unspelled(text: str) -> set[str]:
    """The characters of ``text`` that no package of ``packages`` sets up (none in symnn's output)."""
    return {char for char in text if not _READ_AS_IS.match(char)}


def packages(lang: str) -> tuple[str, ...]:
    """The ``\\usepackage`` lines a fragment in ``lang`` needs (Russian: Cyrillic fonts and hyphenation)."""
    if lang not in PACKAGES:
        raise ValueError(f"unknown language {lang!r}; use one of {', '.join(PACKAGES)}")
    return PACKAGES[lang]


def preamble(lang: str) -> str:
    return "\n".join(packages(lang))
