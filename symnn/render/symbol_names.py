r"""How the printers write a name and a number put in for one: the statement's names (``notation``, LaTeX)
in plain text as they read (a^2 as a², \hat{y} as ŷ), bracketed where a power or a ⁺ follows ((a²)², (a²)⁺),
the δ of a renamed node with the node's name (δ_o1 as δ_(a²) where the notation writes o1 as a^2), and a number
that is a function's whole argument without brackets of its own (σ(−0.75), not σ((−0.75))).

>>> text_name("a^2"), text_name("W^{12}"), text_name(r"\hat{y}") == "\u0177", text_name("grad^h1"), text_name("w")
('a²', 'W¹²', True, 'grad^h1', 'w')
"""

from __future__ import annotations

import re
import unicodedata

import sympy as sp

from ..calculus.transpose import MARK, Letter
from .typed import RAISED
from .values import Shown
from .words import word

ACCENTS = {"hat": "\u0302", "bar": "\u0304", "tilde": "\u0303", "dot": "\u0307", "vec": "\u20d7"}
SUPERSCRIPTS = set("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺") | {v for v in RAISED.values() if isinstance(v, str)}


def bare(expr):
    """σ(−0.75), |−2|, √0.5 and each number of max(0, −1.7), not σ((−0.75)): a number put in as an argument
    (a ``Shown``) needs no brackets of its own."""
    if isinstance(expr, Shown):
        return expr.number
    if isinstance(expr, sp.Function) and len(expr.args) == 1 and isinstance(expr.args[0], Shown) \
            or isinstance(expr, sp.Pow) and expr.exp == sp.S.Half and isinstance(expr.base, Shown):
        return expr.func(*(bare(arg) for arg in expr.args), evaluate=False)
    return expr


def text_name(head: str) -> str:
    r"""The head of a name (before its subscript) as plain text writes it: \hat{y} as ŷ, a^2 and a^{2} as a²
    (Hagan's output of layer 2, a name, not a power); any other superscript as written (grad^h1)."""
    head = re.sub(r"\\(hat|bar|tilde|dot)\{(\w)\}", lambda m: unicodedata.normalize("NFC", m[2] + ACCENTS[m[1]]), head)
    base, caret, power = head.partition("^")
    if not caret or not base or not power:
        return head
    power = power[1:-1] if power.startswith("{") and power.endswith("}") else power
    return base + power.translate(RAISED) if power.isdigit() else head


FONTS = {"mathbf": "BOLD ", "boldsymbol": "BOLD ", "bm": "BOLD ", "mathrm": "", "mathit": "", "text": "",
         "operatorname": "", "mathsf": "", "mathcal": ""}
# a name plain text cannot write by its head and subscript alone: a font (\mathbf{x}), or a subscript of one
# command followed by more (h_\theta(x), h_{\theta}(x)), or a vector's arrow (\vec{h}_{t} as h⃗_t)
LATEX_NAME = re.compile(r"\\(?:%s)\{|[_^]\{?\\[A-Za-z]+\}?[^A-Za-z{}_^]" % "|".join([*FONTS, "vec"]))


_WORD = re.compile(r"(?<![\\A-Za-z])(?<!\\mathrm\{)(?<!\\text\{)(?<!\\operatorname\{)([A-Za-z]{2,})(?![A-Za-z])")


def upright_words(tex: str) -> str:
    r"""A name's words upright, as a word is typeset in a formula: out_{pred} as \mathrm{out}_{\mathrm{pred}},
    grad^{h1} as \mathrm{grad}^{h1}; one letter (x, h1) stays an italic variable, indices (δ_{ij}) indices, a
    command (\hat, \alpha) a command (``render.words``: one rule for the key and its statement).

    >>> upright_words("out_{pred}"), upright_words(r"\hat{y}_{1}"), upright_words("grad^{h1}_{x1}")
    ('\\mathrm{out}_{\\mathrm{pred}}', '\\hat{y}_{1}', '\\mathrm{grad}^{h1}_{x1}')
    >>> upright_words(r"\delta_{ij}")
    '\\delta_{ij}'
    """
    return _WORD.sub(lambda m: r"\mathrm{%s}" % m[1] if word(m[1]) else m[0], tex)


def braced(name: str) -> str:
    r"""A name of a notation table with a one-command subscript braced, h_\theta(x) as h_{\theta}(x): LaTeX
    subscripts the command alone, as the statement means, and (x) follows."""
    return re.sub(r"([_^])(\\[A-Za-z]+)(?![A-Za-z{])", r"\1{\2}", name)


def latex_text(name: str) -> str:
    r"""A name written in LaTeX as plain text reads it: \mathbf{x} as 𝐱, h_{\theta}(x) as h_θ(x), \theta_0 as θ_0,
    a subscript of more than letters and digits in brackets (h_(t-1)), a digit superscript raised (a²)."""
    out, i = [], 0
    while i < len(name):
        if name[i] in "_^":
            mark = name[i]
            inner, i = _argument(name, i + 1)
            text = latex_text(inner)
            if mark == "_":                  # h_θ, h_(t-1)
                out.append("_" + (text if plain_tail(text) else f"({text})"))
            else:                            # a², a^(l)
                out.append(text.translate(RAISED) if text.isdigit() else "^" + (text if len(text) == 1 else f"({text})"))
        elif name[i] == "\\":
            command = re.match(r"\\([A-Za-z]+) ?", name[i:])
            if command is None:
                out.append(name[i + 1:i + 2])
                i += 2
                continue
            i += command.end()
            word = command[1]
            if word in FONTS or word in ACCENTS:
                inner, i = _argument(name, i)
                out.append(_styled(latex_text(inner), FONTS[word]) if word in FONTS else
                           unicodedata.normalize("NFC", latex_text(inner) + ACCENTS[word]))
            else:
                out.append(_greek(word))
        elif name[i] in "{}":
            i += 1
        else:
            out.append(name[i])
            i += 1
    return "".join(out)


def _argument(name: str, i: int) -> tuple[str, int]:
    """The argument of a command or a script starting at ``i``: a {group}, a \\command, or one character."""
    if i >= len(name):
        return "", i
    if name[i] == "{":
        depth = 0
        for j in range(i, len(name)):
            depth += {"{": 1, "}": -1}.get(name[j], 0)
            if depth == 0:
                return name[i + 1:j], j + 1
        return name[i + 1:], len(name)
    command = re.match(r"\\[A-Za-z]+", name[i:])
    return (command[0], i + command.end()) if command else (name[i], i + 1)


def _greek(word: str) -> str:
    """θ for \\theta, Δ for \\Delta; a command that is no letter, by its name without the backslash."""
    word = {"varepsilon": "epsilon", "vartheta": "theta", "varphi": "phi", "lamda": "lambda"}.get(word, word)
    case = "CAPITAL" if word[:1].isupper() else "SMALL"
    try:
        return unicodedata.lookup(f"GREEK {case} LETTER {word.upper()}")
    except KeyError:
        return {"nabla": "∇", "partial": "∂"}.get(word, word)


def _styled(text: str, style: str) -> str:
    """Bold letters and digits as Unicode writes them (𝐱, 𝐖, 𝛉); other styles as the letters themselves."""
    if not style:
        return text
    def bold(c):                     # LATIN SMALL LETTER X -> MATHEMATICAL BOLD SMALL X, as for θ and 1
        name = re.sub(r"^(LATIN|GREEK) |LETTER ", "", unicodedata.name(c, ""))
        try:
            return unicodedata.lookup(f"MATHEMATICAL BOLD {name}")
        except KeyError:
            return c
    return "".join(bold(c) for c in text)


def raised(text: str) -> bool:
    """A name written with a superscript (a², W^([1])): a power or a ⁺ after it needs brackets around it."""
    return "^" in text or any(c in SUPERSCRIPTS for c in text)


def plain_tail(tail: str) -> bool:
    """A subscript written without brackets: letters, digits and their accents (δ_h1, δ_ŷ), not δ_(a²)."""
    return all(c.isascii() and c.isalnum() or unicodedata.category(c) in ("Ll", "Lu", "Mn") for c in tail)


def renamed_symbols(symbols, names, notation) -> dict:
    """{symbol: as the problem writes it} for each symbol ``names`` renames, and the δ of a node the problem's
    ``notation`` (not a subscript read from the statement) renames, named by that name (δ_o1 as delta_{a^2}, printed δ_(a²) and \\delta_{a^{2}}, where notation = { o1 = "a^2" })."""
    mapping = {}
    for s in symbols:
        if not isinstance(s, sp.Symbol) or isinstance(s, Shown):
            continue
        if s.name in names:
            mapping[s] = (Letter if isinstance(s, Letter) else sp.Symbol)(braced(names[s.name]), **s.assumptions0)
        elif isinstance(s, Letter) and s.name.endswith(MARK) and s.name.removesuffix(MARK) in names:   # W_2ᵀ as Wᵀ
            mapping[s] = Letter(braced(names[s.name.removesuffix(MARK)]) + MARK)
        elif s.name.endswith("^+") and s.name[:-2] in names:      # theta0⁺ as θ_0⁺ where theta0 is θ_0
            mapping[s] = sp.Symbol(braced(names[s.name[:-2]]) + "^+", **s.assumptions0)
        elif s.name.startswith("delta_") and s.name[6:] in notation and not keeps_node(s.name[6:], notation[s.name[6:]]):
            mapping[s] = sp.Symbol("delta_{%s}" % notation[s.name[6:]], **s.assumptions0)
        elif family_name(s.name, notation) is not None:
            mapping[s] = (Letter if isinstance(s, Letter) else sp.Symbol)(family_name(s.name, notation), **s.assumptions0)
    return mapping


def family_name(name: str, notation) -> str | None:
    r"""A subscripted name of a letter the notation renames, with the notation's letter: y_1 as z_1 and s_i as
    p_i for { y = "z", s = "p" }, h_{t-1} as m_{t-1}, hhat_t as \hat{m}_t for { h = "m" }; None when the
    letter is not renamed, or renamed to a name with a subscript or a superscript of its own (E_{total})."""
    match = re.fullmatch(r"([A-Za-z]+)(_.+)", name)
    if not match:
        return None
    head, tail = match.groups()
    hat = head.endswith("hat") and head not in notation and head[:-3] in notation
    letter = head[:-3] if hat else head
    if letter not in notation or not isinstance(notation[letter], str) or set(notation[letter]) & set("_^"):
        return None
    return (r"\hat{%s}" % notation[letter] if hat else notation[letter]) + tail


def keeps_node(node: str, name: str) -> bool:
    """The statement's name still ends with the node's own (out_{o1}, o_1 for o1): its δ keeps the neuron's name,
    δ_o1, as Mazur's worked example writes it."""
    return re.sub(r"[{}_]", "", name).endswith(node)
