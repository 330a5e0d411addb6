r"""The rule that tells words from formulas in a pasted derivation.

A word is natural language (prose) when it is

- Cyrillic, except one or two letters a Russian keyboard types for x, y, a, … (х, у, а) that
  stand next to mathematics; or
- Latin, of three letters or more, and neither a name the reader knows (sin, exp, sigma, relu,
  softmax, the problem's own names, a name after d as in dw1), nor an acronym (MSE), nor
  attached to mathematics (``net = …``, ``out_1``, the ``pred`` of ``y_{pred}``);

and the words in ``\text{…}`` (outside ``cases``) are prose. A run of prose words, with the
small words, punctuation and brackets between them ("by the", "(chain rule)"), is cut out of
the line, and what is left between such runs is mathematics (``grading.formulas`` says which of
it is a formula to check).

>>> words_and_math("By the chain rule f'(x) = 2x", set())
[('prose', 'By the chain rule'), ('math', " f'(x) = 2x")]
"""

from __future__ import annotations

import re

from ..answers.characters import TWINS
from ..calculus.parse import FUNCTIONS
from .blocks import closing_brace

_TEXT = re.compile(r"\\(?:text|textrm|textit|textbf|textnormal|mbox|mathrm|textsf|emph)\s*\{")
PROSE_MARK = "\u2063"          # stands where words were cut out of a formula (invisible separator)

# words that are mathematics: functions and constants the reader knows, Greek letters, and
# what people call things in the course
MATH_WORDS = {w.lower() for w in FUNCTIONS} | set((
    "alpha beta gamma delta epsilon varepsilon zeta eta theta vartheta iota kappa lambda lamda mu nu xi omicron pi "
    "rho sigma varsigma tau upsilon phi varphi chi psi omega nabla partial grad exp sqrt abs sgn sign max min argmax "
    "argmin softmax softplus softsign relu lrelu prelu rrelu elu selu gelu isru swish heaviside onehot sigmoid "
    "tanh arctg arcctg log ln lg sum prod lim det approx cdot frac dfrac tfrac left right hat bar tilde vec dot "
    "mathrm mathbf operatorname quad qquad cdots ldots dots infty otherwise mse mae rmse bce nll").split())
# short English words that start or join sentences (a name of one or two letters is mathematics)
SMALL_WORDS = set("a an as at be by if in is it no of on or so to we i ok".split())
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_TOKEN = re.compile(r"\\[A-Za-z]+\*?|\\.|[^\W\d_][\w']*|\d+(?:[.,]\d+)?|\s+|.", re.S)
_AFTER_MATH = re.compile(r"\s*(?:=|≈|:=|\*|/|\^|·|×|\\cdot|\\times)|[(_^'{}\[]")
_BEFORE_MATH = re.compile(r"(?:=|≈|\+|\*|/|\^|·|×|−|\\cdot|\\times)\s*$|[_^{\\]$")
_ABBREVIATIONS = re.compile(r"(?<![\w\\])(?:i\.\s?e|e\.\s?g|cf|resp|etc)\.", re.IGNORECASE)


def name_key(name) -> str:
    """A name as names are compared: lower case, without spaces, _, braces and backslashes."""
    return re.sub(r"[\s_{}\\]", "", str(name)).lower()


def without_text(formula: str, known) -> tuple[str, bool]:
    r"""The formula with the prose of its \text{…} taken out (not inside cases, whose
    conditions are words); and whether there was any."""
    found, out, position = False, [], 0
    cases = [(m.start(), m.end()) for m in re.finditer(r"\\begin\{[dr]?cases\}.*?\\end\{[dr]?cases\}", formula, re.S)]
    for m in _TEXT.finditer(formula):
        if m.start() < position or any(a <= m.start() < b for a, b in cases):
            continue
        if re.search(r"[_^]\s*\{?\s*$", formula[:m.start()]):
            continue                                  # y_{\text{pred}}: a name, not words
        close = closing_brace(formula, m.end() - 1)
        words = formula[m.end():close - 1]
        if not _is_prose_text(words, known, command=m[0]):
            continue
        out.append(formula[position:m.start()])
        out.append(f" {PROSE_MARK} ")
        position = close
        found = True
    out.append(formula[position:])
    text = "".join(out)
    if found:
        text = _empty_brackets(text)
    return text, found


def _is_prose_text(words: str, known, command: str) -> bool:
    """The words of \\text{…}: prose when one of them is a natural-language word, or when the
    braces hold nothing but punctuation (a comment's brackets)."""
    if command.startswith("\\mathrm") or command.startswith("\\emph"):
        return any(_word_kind(w, known) == "prose" for w in re.findall(r"[^\W\d_]+", words)) and " " in words.strip()
    tokens = re.findall(r"[^\W\d_]+", words)
    if not tokens:
        return bool(re.fullmatch(r"[\s().,;:!?\-–—]*", words)) and bool(words.strip())
    return any(_word_kind(w, known) == "prose" for w in tokens)


def _empty_brackets(text: str) -> str:
    """Brackets left empty when the words between them were cut out: (\\text{chain rule})."""
    pattern = re.compile(r"(\\left\s*)?[(\[]\s*(?:\\[,;:! ]|\\quad|\\qquad|\s|" + PROSE_MARK + r")*(\\right\s*)?[)\]]")
    previous = None
    while previous != text:
        previous, text = text, pattern.sub(" ", text)
    return text.replace(PROSE_MARK, " ")


def _word_kind(word: str, known, before: str = "", after: str = "") -> str:
    """"prose", "small" (a short word that is prose among prose) or "math"."""
    if _CYRILLIC.search(word):
        letters = re.sub(r"[^\u0400-\u04ff]", "", word)
        if len(word) <= 2 and all(c in TWINS for c in letters):
            return "math" if _attached(before, after) else "small"
        return "prose"
    if not re.fullmatch(r"[A-Za-z']+", word) or _attached(before, after):
        return "math"                                 # w1, y_pred, σ, Greek and other letters
    bare = word.rstrip("'")
    lower = bare.lower()
    if len(bare) <= 2:
        return "small" if lower in SMALL_WORDS else "math"
    if lower in MATH_WORDS or name_key(bare) in known or sum(c.isupper() for c in bare) >= 2:
        return "math"
    if (lower[0] in "d∂" and (lower[1:] in known or lower[1:] in MATH_WORDS)) or _names(lower, known):
        return "math"
    if re.fullmatch(r"[a-z]{1,2}(hat|bar|tilde|dot|prime)", lower):
        return "math"
    return "prose"


def _attached(before: str, after: str) -> bool:
    """The word is joined to mathematics: net = …, σ(w1 x1 + net), out_1, y_{pred}."""
    return bool(_AFTER_MATH.match(after) or _BEFORE_MATH.search(before))


def _names(word: str, known) -> bool:
    """The word is the problem's names written together (wx is w·x)."""
    if not known:
        return False
    reach = {0}
    for i in range(len(word)):
        if i in reach:
            reach |= {i + len(n) for n in known if n and word.startswith(n, i)}
    return len(word) in reach


def words_and_math(text: str, known) -> list[tuple[str, str]]:
    """Text outside math delimiters cut into runs of prose and of mathematics (the rule above)."""
    text, _ = without_text(text, known)
    text = _ABBREVIATIONS.sub(f" {PROSE_MARK} ", text)
    matches = list(_TOKEN.finditer(text))
    tokens = [m[0] for m in matches]
    kinds = []
    for m, token in zip(matches, tokens):
        before, after = text[max(0, m.start() - 16):m.start()], text[m.end():m.end() + 16]
        if token == PROSE_MARK:
            kinds.append("prose")
        elif re.fullmatch(r"[^\W\d_][\w']*", token):
            kinds.append(_word_kind(token, known, before, after))
        elif token.isspace():
            kinds.append("space")
        elif re.fullmatch(r"[,;:.!?«»\"“”„—–]", token):
            kinds.append("punctuation")
        else:
            kinds.append("math")
    _small_words(tokens, kinds)
    _numbering(tokens, kinds)
    return _runs(tokens, kinds)


def _neighbour(kinds, k: int, step: int):
    """The kind of the nearest word or mathematics from k in direction step (None at the end)."""
    k += step
    while 0 <= k < len(kinds):
        if kinds[k] not in ("space", "punctuation"):
            return kinds[k]
        k += step
    return None


def _small_words(tokens, kinds) -> None:
    """A small word is prose next to prose ("by the", "а значит"), or first on the line before
    other words ("So we …"); otherwise it is a name."""
    for order in (range(len(kinds)), range(len(kinds) - 1, -1, -1)):
        for k in order:
            if kinds[k] != "small":
                continue
            first = _neighbour(kinds, k, -1) is None and len(tokens[k]) == 2 and _CYRILLIC.search(tokens[k]) is None
            if "prose" in (_neighbour(kinds, k, -1), _neighbour(kinds, k, 1)) or first:
                kinds[k] = "prose"
    for k, kind in enumerate(kinds):
        if kind == "small":
            kinds[k] = "math"


def _numbering(tokens, kinds) -> None:
    """A number right after a word ("Step 2", "Шаг 3") numbers the prose."""
    for k, token in enumerate(tokens):
        if kinds[k] == "math" and re.fullmatch(r"\d{1,3}", token) and _neighbour(kinds, k, -1) == "prose":
            nxt = k + 1
            while nxt < len(tokens) and kinds[nxt] == "space":
                nxt += 1
            if nxt == len(tokens) or kinds[nxt] in ("punctuation", "prose"):
                kinds[k] = "prose"


def _runs(tokens, kinds) -> list[tuple[str, str]]:
    """Prose runs (from a prose word to a prose word, with what lies between, and the brackets
    around them) and the mathematics between them."""
    prose_at = [k for k, kind in enumerate(kinds) if kind == "prose"]
    if not prose_at:
        return [("math", "".join(tokens))]
    runs, k = [], 0
    while k < len(prose_at):
        first = last = prose_at[k]
        while k + 1 < len(prose_at) and all(kinds[j] in ("space", "punctuation") for j in range(last + 1, prose_at[k + 1])):
            k += 1
            last = prose_at[k]
        runs.append([first, last])
        k += 1
    for run in runs:                                 # "(by the chain rule)": the brackets go with the words
        while True:
            left, right = run[0] - 1, run[1] + 1
            while left >= 0 and kinds[left] == "space":
                left -= 1
            while right < len(tokens) and kinds[right] in ("space", "punctuation"):
                right += 1
            pairs = {"(": ")", "[": "]"}
            if left >= 0 and right < len(tokens) and pairs.get(tokens[left]) == tokens[right]:
                run[0], run[1] = left, right
                continue
            break
    out, position = [], 0
    for first, last in runs:
        if first > position:
            out.append(("math", "".join(tokens[position:first])))
        out.append(("prose", "".join(tokens[first:last + 1])))
        position = last + 1
    if position < len(tokens):
        out.append(("math", "".join(tokens[position:])))
    return out

