r"""Ways of writing that the parser's grammar has no syntax for, rewritten into it: a case
analysis in words (1 при x > 0, 0 иначе), membership of intervals and their unions, norms
‖w‖₂, and transposes (Xw)ᵀ.

>>> piecewise_words("1 if x > 0, 0 otherwise")
'piecewise((1, x > 0), (0, otherwise))'
>>> intervals("a in (0; 2]")
'((a in interval_oc(0, 2)))'
>>> transposes("2 X^(T)(X w - y)")
'2  transpose(X) (X w - y)'
>>> transposes("sigma(X W_1)^(T)")
' transpose(sigma(X W_1)) '
"""

from __future__ import annotations

import re

from ..calculus.parse import FUNCTIONS, ParseError
from .layout import top_level_split

INVERSE_TRANSPOSE = re.compile(r"\^\s*(?:\(\s*-\s*T\s*\)|-\s*T(?![0-9_A-Za-z]))")     # X^(-T), X^-T: the inverse of Xᵀ
TRANSPOSE = re.compile(r"\^\s*(\(\s*T\s*\)|T(?![0-9_]))")      # ^T2 may name T₂; ^(T)2 is a transpose times 2


CASE_WORDS = re.compile(r"\s+(?:при|if|for|если|when)\s+")


OTHERWISE_WORDS = re.compile(r"\s+(?:иначе|otherwise|else|в остальных случаях)\s*$")


def piecewise_words(body: str) -> str:
    """1 при x > 0, 0 при x ≤ 0 (or 1 if x > 0, 0 otherwise): piecewise((1, x > 0), (0, x <= 0))."""
    if not CASE_WORDS.search(body) or "\\" in body:
        return body
    pieces = []
    for piece in top_level_split(body, ",;"):
        value, *condition = CASE_WORDS.split(piece.strip(), maxsplit=1)
        if not condition:
            value, found = OTHERWISE_WORDS.subn("", value)
            if not found:
                return body
            condition = ["otherwise"]
        pieces.append(f"({value.strip()}, {condition[0].strip()})")
    return "piecewise(" + ", ".join(pieces) + ")"


END = r"(?:[^,;()\[\]]|\((?:[^()]|\([^()]*\))*\))+?"         # an end, brackets inside it too: ((1)/(25))
INTERVAL = re.compile(rf"([\[(\]])\s*({END})\s*[,;]\s*({END})\s*([\])\[])")    # ]0, 1[: open, as French and ISO write it
INTERVAL_CALL = r"interval_\w+\((?:[^()]|\((?:[^()]|\([^()]*\))*\))*\)"


MEMBERSHIP = re.compile(rf"([A-Za-z_]\w*)\s+in\s+({INTERVAL_CALL}(?:\s*[∪∩]\s*{INTERVAL_CALL})*)")


def intervals(text: str) -> str:
    """a ∈ (0; 2] is a in interval_oc(0, 2); a ∈ I ∪ J is (a in I) or (a in J), a ∈ I ∩ J is (a in I) and
    (a in J); ∪ and ∩ together are left for the parser to refuse."""
    if not re.search(r"\bin\b", text):
        return text
    text = re.sub(r"\bin\s*" + INTERVAL.pattern, lambda m: "in interval_" + ("c" if m[1] == "[" else "o") +
                  ("c" if m[4] == "]" else "o") + f"({m[2]}, {m[3]})", text)
    text = re.sub(r"([∪∩])\s*" + INTERVAL.pattern, lambda m: f"{m[1]} interval_" + ("c" if m[2] == "[" else "o") +
                  ("c" if m[5] == "]" else "o") + f"({m[3]}, {m[4]})", text)
    return MEMBERSHIP.sub(_membership, text)


def _membership(match) -> str:
    """(a in I) or (a in J) of a ∈ I ∪ J, (a in I) and (a in J) of a ∈ I ∩ J; both together as written."""
    name, sets = match[1], match[2]
    if "∪" in sets and "∩" in sets:
        return match[0]
    joined = " and " if "∩" in sets else " or "
    return "(" + joined.join(f"({name} in {part.strip()})" for part in re.split("[∪∩]", sets)) + ")"


def norms(text: str) -> str:
    """‖w‖, ‖w‖₂ and ||w|| of a scalar are |w|; the norm's index is dropped."""
    text = re.sub(r"\|\|", "‖", text)
    previous = None
    while previous != text:
        previous = text
        text = re.sub(r"‖([^‖]*)‖(\s*_\s*\(?\s*[0-9A-Za-z]\s*\)?\s*)?", r"abs(\1)", text, count=1)
    if "‖" in text:
        raise ParseError("lone norm")
    return text


def inverses(text: str) -> str:
    """inv(A), as NumPy writes the inverse, as ((A)^(-1))."""
    while match := re.search(r"(?<![\w.])inv\s*\(", text):
        depth, end = 0, match.end() - 1
        for end in range(match.end() - 1, len(text)):
            depth += {"(": 1, ")": -1}.get(text[end], 0)
            if depth == 0:
                break
        if depth:
            raise ParseError("transpose operand")
        text = f"{text[:match.start()]}(({text[match.end():end]})^(-1)){text[end + 1:]}"
    return text


def transposes(text: str, known=()) -> str:
    """Aᵀ, (Xw)ᵀ and σ(XW)ᵀ, written A^(T), (Xw)^(T) and sigma(XW)^(T), as transpose(A), transpose(Xw)
    and transpose(sigma(XW)); of letters glued together (2Axᵀ) the ``known`` name they end with alone, 2A·xᵀ."""
    known = sorted({str(k) for k in known or ()}, key=len, reverse=True)
    text = INVERSE_TRANSPOSE.sub("^(T)^(-1)", inverses(text))          # X^(-T) = (Xᵀ)⁻¹
    while match := TRANSPOSE.search(text):
        end = len(text[:match.start()].rstrip())
        if text[end - 1:end] in (")", "]"):
            depth, start = 0, end - 1
            while start >= 0:
                depth += text[start] in ")]"
                depth -= text[start] in "(["
                if depth == 0:
                    break
                start -= 1
            function = re.search(r"(?<![A-Za-z0-9_])([A-Za-z]+)\s*$", text[:max(start, 0)])
            if start >= 0 and function and function[1] in FUNCTIONS:
                start = function.start()               # σ(XW₁)ᵀ: the function's value is transposed
        else:
            name = re.search(r"[A-Za-z][A-Za-z0-9_]*$", text[:end])
            start = name.start() if name else -1
            if name and name[0] not in known:
                start = next((end - len(k) for k in known if name[0].endswith(k)), start)
        if start < 0:
            raise ParseError("transpose operand")
        text = f"{text[:start]} transpose({text[start:end]}) {text[match.end():]}"
    return text
