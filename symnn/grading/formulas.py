"""The formulas of one line of a pasted derivation: which of the mathematics left between the
words (``grading.prose``) is claimed, and each trimmed of the sentence around it.

Mathematics followed by a colon ("Substituting x = 2:") introduces what follows, and mathematics
inside a sentence with no = in it ("note that x^2 is positive") is mentioned, not claimed: both
are prose as well. Two definitions on one line ("u = x^2, v = sin x") are two formulas, and a
formula loses the punctuation of its sentence ("f'(x) = 2x." is f'(x) = 2x).

>>> formulas_of([("prose", "Substituting"), ("math", " x = 2: f(2) = 4.")])
['f(2) = 4']
>>> formulas_of([("prose", "Let"), ("math", " u = x^2, v = sin x.")])
['u = x^2', 'v = sin x']
"""

from __future__ import annotations

import re

from ..answers.characters import TWINS
from .blocks import ROW_MARKUP, alignment_removed
from .prose import PROSE_MARK, words_and_math

SUBSTANCE = re.compile(r"[\d=+\-*/^()'\\∂∇≈·×−]|[^\x00-\x7f\u0400-\u04ff\u2063]")
_RELATION = re.compile(r"=|≈|\\approx")


def russian_words_cut(formula: str, known) -> list[str]:
    """Russian words typed into a formula without \\text (in a block or between $…$) are prose too."""
    if not re.search(r"[\u0400-\u04ff]", "".join(c for c in formula if c not in TWINS)):
        return [formula] if formula else []
    return formulas_of(words_and_math(formula, known))


def formulas_of(spans: list[tuple[str, str]]) -> list[str]:
    """The formulas among the spans of one line: mathematics that has substance, is not followed
    by a colon, and, in the middle of a sentence, states an equality."""
    chunks: list[list] = []                          # [kind, text]: neighbouring mathematics joined
    for kind, text in spans:
        if kind == "math" and chunks and chunks[-1][0] == "math":
            chunks[-1][1] += text
        else:
            chunks.append([kind, text])
    prose = [kind == "prose" for kind, _ in chunks]
    before = [any(prose[:1])] * len(chunks)
    after = [False] * len(chunks)
    for k in range(1, len(chunks)):
        before[k] = before[k - 1] or prose[k - 1]
    for k in range(len(chunks) - 2, -1, -1):
        after[k] = after[k + 1] or prose[k + 1]
    before[0] = False
    out = []
    for k, (kind, text) in enumerate(chunks):
        if kind != "math":
            continue
        prose_before, prose_after = before[k], after[k]
        following = next((t for kd, t in chunks[k + 1:k + 4] if kd != "break" and (t.strip() or kd == "prose")), "")
        parts = re.split(r"(?<![:\\]):(?!=)", text)        # "At x = 2: f'(2) = …": what comes before a colon introduces
        for j, part in enumerate(parts):
            introduces = j < len(parts) - 1 or (j == len(parts) - 1 and following.lstrip().startswith(":"))
            formula = trimmed(part)
            if not formula or introduces or (any(prose) and not SUBSTANCE.search(formula)):
                continue
            if prose_before and prose_after and not _RELATION.search(formula) and len(parts) == 1:
                continue                                       # mentioned in a sentence
            out.extend(_statements(formula))
    return out


def _statements(formula: str) -> list[str]:
    """"u = x^2, v = sin x": two definitions on one line, each a formula of its own."""
    parts, depth, start = [], 0, 0
    for i, char in enumerate(formula):
        depth += {"(": 1, "[": 1, "{": 1, ")": -1, "]": -1, "}": -1}.get(char, 0)
        if char in ",;" and depth == 0 and formula[i - 1:i] != "\\":
            parts.append(formula[start:i])
            start = i + 1
    parts.append(formula[start:])
    if len(parts) > 1 and all("=" in p for p in parts) and all(
            re.match(r"\s*(?:\\?[A-Za-z]+)(?:_\{?\w+\}?)?\s*(?:\([^()]*\))?\s*=", p) for p in parts[1:]):
        return [trimmed(p) for p in parts if trimmed(p)]
    return [formula]


def trimmed(formula: str) -> str:
    """A formula without the punctuation of the sentence around it: "f'(x) = 2x." is f'(x) = 2x."""
    formula = re.sub(r"\s+", " ", alignment_removed(formula).replace(PROSE_MARK, " ").replace(":=", "="))
    formula = ROW_MARKUP.sub(" ", formula)
    formula = re.sub(r"^[\s,;:!?—–]+", "", formula)
    formula = re.sub(r"^\.(?!\d)\s*", "", formula)
    previous = None
    while previous != formula:
        previous = formula
        formula = formula.strip()
        formula = re.sub(r"(\\[,;:!]|\\quad|\\qquad|\\ )+$", "", formula).strip()
        formula = re.sub(r"(?<!\\)\\\\(\[[^\]]*\])?$", "", formula).strip()      # the \\ of a row copied alone
        formula = re.sub(r"[,;:!?—–]+$", "", formula).strip()
        if formula.endswith(".") and not formula.endswith(".."):
            formula = formula[:-1]
    return formula
