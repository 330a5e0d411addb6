r"""A derivation as students paste it: which parts of which lines are formulas.

Students write words between their formulas ("By the chain rule:", "Тогда", "где"), number
or bullet their lines, end a formula with a full stop, wrap it in ``$…$``, or paste a whole
LaTeX block (align*, gather, equation with split, …) with ``&`` alignment, ``\\`` breaks and
``\text{…}`` comments. ``pieces`` returns, in order, every formula with the physical line
(from 1, blank lines counted) where it starts, and every line of words, so that a verdict
names the line the student sees in their file. A formula wrapped over several lines (a line
ending with an operator or leaving a bracket open that the next closes, or, in display maths,
a next line starting with an operator) is one formula, numbered by its first line.

The rule for words: a word is natural language (prose) when it is

- Cyrillic, except one or two letters a Russian keyboard types for x, y, a, … (х, у, а) that
  stand next to mathematics; or
- Latin, of three letters or more, and neither a name the reader knows (sin, exp, sigma, relu,
  softmax, the problem's own names, a name after d as in dw1), nor an acronym (MSE), nor
  attached to mathematics (``net = …``, ``out_1``, the ``pred`` of ``y_{pred}``);

and the words in ``\text{…}`` (outside ``cases``) are prose. A run of prose words, with the
small words, punctuation and brackets between them ("by the", "(chain rule)"), is cut out of
the line, and what is left between such runs is mathematics. Mathematics followed by a colon
("Substituting x = 2:") introduces what follows, and mathematics inside a sentence with no
= in it ("note that x^2 is positive") is mentioned, not claimed: both are prose as well.

>>> [(p.number, p.formula) for p in pieces("By the chain rule:\n\nf'(x) = 2x sin x + x^2 cos x.")]
[(1, None), (3, "f'(x) = 2x sin x + x^2 cos x")]
>>> [(p.number, p.formula) for p in pieces("\\begin{align*}\nf'(x) &= 2x \\quad \\text{(rule)} \\\\\n&= 2x\n\\end{align*}")]
[(2, "f'(x) = 2x"), (3, '= 2x')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..calculus.parse import FUNCTIONS

MAX_PHYSICAL_LINES = 1000

# display environments whose rows are lines of the derivation (a row starting with &= goes on)
DISPLAY = ("align", "align*", "aligned", "alignat", "alignat*", "gather", "gather*", "gathered", "equation",
           "equation*", "split", "eqnarray", "eqnarray*", "multline", "multline*", "flalign", "flalign*",
           "displaymath", "math")
_BEGIN = re.compile(r"\\begin\s*\{(" + "|".join(re.escape(d) for d in DISPLAY) + r")\}")
_ENVIRONMENT = re.compile(r"\\(begin|end)\s*\{([A-Za-z*]+)\}")
# what a row of a block carries besides its formula
_ROW_MARKUP = re.compile(r"\\(?:nonumber|notag)\b|\\(?:label|tag\*?)\s*\{[^{}]*\}")
_BREAK = re.compile(r"\\\\\*?(\s*\[[^\]]*\])?")           # \\, \\*, \\[4pt]
_INTERTEXT = re.compile(r"\\(?:short)?intertext\s*\{")
_TEXT = re.compile(r"\\(?:text|textrm|textit|textbf|textnormal|mbox|mathrm|textsf|emph)\s*\{")
_PROSE_MARK = "\u2063"          # stands where words were cut out of a formula (invisible separator)

# Markdown around a line: a list marker or bullet, a heading, a quote, bold
_LIST_MARKER = re.compile(r"^\s*(?:>\s*)*(?:#{1,6}\s+)?(?:[-*+•–—]\s+|\(?\d{1,3}[.)]\s+|\(?[A-Za-zА-Яа-яЁё]\)\s+)?")
_EMPHASIS = re.compile(r"\*\*|__|(?<![\w\\])\*(?=\S)|(?<=\S)\*(?![\w])")
_FENCE = re.compile(r"^\s*(```|~~~)")
_EQUATION_NUMBER = re.compile(r"(?:\s{2,}|\t)\(\d{1,3}(?:\.\d{1,3})?\)\s*$")

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
# Cyrillic letters that look like Latin ones, as a Russian keyboard types them for x, y, a, …
TWIN_OF = dict(zip("аеорсухАВЕКМНОРСТУХ", "aeopcyxABEKMHOPCTYX"))
TWINS = set(TWIN_OF)
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN_WORD = re.compile(r"[A-Za-z]+")
_TOKEN = re.compile(r"\\[A-Za-z]+\*?|\\.|[^\W\d_][\w']*|\d+(?:[.,]\d+)?|\s+|.", re.S)
_AFTER_MATH = re.compile(r"\s*(?:=|≈|:=|\*|/|\^|·|×|\\cdot|\\times)|[(_^'{}\[]")
_BEFORE_MATH = re.compile(r"(?:=|≈|\+|\*|/|\^|·|×|−|\\cdot|\\times)\s*$|[_^{\\]$")
_SUBSTANCE = re.compile(r"[\d=+\-*/^()'\\∂∇≈·×−]|[^\x00-\x7f\u0400-\u04ff\u2063]")
_RELATION = re.compile(r"=|≈|\\approx")
_ABBREVIATIONS = re.compile(r"(?<![\w\\])(?:i\.\s?e|e\.\s?g|cf|resp|etc)\.", re.IGNORECASE)


@dataclass(frozen=True)
class Piece:
    """One formula of the derivation, or one line of words (``formula`` None)."""

    number: int            # the physical line where it starts, from 1
    text: str              # as written: the line, or the row of a LaTeX block
    formula: str | None    # the mathematics to check; None: prose


def pieces(text: str, names=()) -> list[Piece]:
    """The formulas and prose lines of a pasted derivation, in order. ``names``: the names of
    the problem (its variables and the quantities it defines), which are mathematics."""
    if len(text.splitlines()) > MAX_PHYSICAL_LINES:
        raise ValueError(f"a derivation has at most {MAX_PHYSICAL_LINES} lines, got {len(text.splitlines())}")
    starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]
    known = {_key(n) for n in names}
    out: list[Piece] = []
    display = [False]                  # inside $$ … $$ or \[ … \] across lines
    position = 0
    while position < len(text):
        block = _next_block(text, position)
        end = block[0] if block else len(text)
        _plain_lines(text, position, end, starts, known, display, out)
        if block is None:
            break
        start, body_start, body_end, stop = block
        _block_rows(text, body_start, body_end, starts, known, out)
        position = stop
    return out


def _key(name) -> str:
    return re.sub(r"[\s_{}\\]", "", str(name)).lower()


def _line_of(starts: list[int], offset: int) -> int:
    """The physical line (from 1) that holds the character at ``offset``."""
    low, high = 0, len(starts) - 1
    while low < high:
        middle = (low + high + 1) // 2
        if starts[middle] <= offset:
            low = middle
        else:
            high = middle - 1
    return low + 1


def latin_twins(text: str) -> str:
    """Words typed on a Russian keyboard with Cyrillic look-alikes (у = 2х) in Latin letters; a
    word with any other Cyrillic letter is Russian and stays."""
    def word(match):
        letters = match[0]
        if all(c in TWIN_OF or not _CYRILLIC.match(c) for c in letters):
            return "".join(TWIN_OF.get(c, c) for c in letters)
        return letters
    return re.sub(r"[^\W\d_]+", word, text)


# --- LaTeX blocks -------------------------------------------------------------------------

def _next_block(text: str, position: int):
    """(start, body start, body end, end) of the next display environment, or None."""
    begin = _BEGIN.search(text, position)
    if begin is None:
        return None
    depth = 0
    for m in _ENVIRONMENT.finditer(text, begin.start()):
        depth += 1 if m[1] == "begin" else -1
        if depth == 0:
            return begin.start(), begin.end(), m.start(), m.end()
    return begin.start(), begin.end(), len(text), len(text)        # not closed: to the end


def _block_rows(text: str, start: int, end: int, starts, known, out) -> None:
    r"""The rows of a display block: split at \\ outside braces and inner environments
    (a matrix or cases keeps its own), each numbered by the line where it starts."""
    cuts, depth, braces, i = [], 0, 0, start
    while i < end:
        if text.startswith("\\begin", i) or text.startswith("\\end", i):
            m = _ENVIRONMENT.match(text, i)
            if m and m[2] not in DISPLAY:
                depth += 1 if m[1] == "begin" else -1
            i = m.end() if m else i + 1
            continue
        intertext = _INTERTEXT.match(text, i)
        if intertext and depth == 0 and braces == 0:
            close = _closing_brace(text, intertext.end() - 1)
            cuts.append((i, close, True))
            i = close
            continue
        char = text[i]
        if char == "\\" and text.startswith("\\\\", i):
            if depth == 0 and braces == 0:
                after = _BREAK.match(text, i, end)
                cuts.append((i, after.end(), False))
                i = after.end()
                continue
            i += 2
            continue
        if char == "\\":
            i += 2
            continue
        braces += {"{": 1, "}": -1}.get(char, 0)
        i += 1
    row_start = start
    for cut_start, cut_end, is_prose in [*cuts, (end, end, False)]:
        _block_row(text, row_start, cut_start, starts, known, out)
        if is_prose:
            number = _line_of(starts, cut_start)
            out.append(Piece(number, text[cut_start:cut_end].strip(), None))
        row_start = cut_end


def _block_row(text: str, start: int, end: int, starts, known, out) -> None:
    raw = text[start:end]
    inner = _ROW_MARKUP.sub(" ", _alignment_removed(raw))
    inner = _ENVIRONMENT.sub(lambda m: m[0] if m[2] not in DISPLAY else " ", inner)
    formula, had_words = _without_text(inner, known)
    formula = _trimmed(formula)
    if not formula and not had_words:
        return
    lead = re.match(r"(?:\s|\\(?:begin|end)\s*\{(?:" + "|".join(re.escape(d) for d in DISPLAY) + r")\}|"
                    r"\\(?:nonumber|notag)\b|&)*", raw)
    number = _line_of(starts, min(start + lead.end(), max(end - 1, start)))
    shown = " ".join(_ENVIRONMENT.sub(lambda m: m[0] if m[2] not in DISPLAY else " ", raw).split())
    formulas = [f for f in _russian_words_cut(formula, known) if _SUBSTANCE.search(f)]
    if not formulas:
        out.append(Piece(number, shown, None))
    out.extend(Piece(number, shown, f) for f in formulas)


def _russian_words_cut(formula: str, known) -> list[str]:
    """Russian words typed into a formula without \\text (in a block or between $…$) are prose too."""
    if not re.search(r"[\u0400-\u04ff]", "".join(c for c in formula if c not in TWINS)):
        return [formula] if formula else []
    return _formulas(_words_and_math(formula, known))


def _alignment_removed(row: str) -> str:
    """The row without its alignment marks & (those of a matrix or cases inside it stay)."""
    out, depth, i = [], 0, 0
    while i < len(row):
        m = _ENVIRONMENT.match(row, i) if row.startswith("\\", i) else None
        if m:
            if m[2] not in DISPLAY:
                depth += 1 if m[1] == "begin" else -1
            out.append(m[0])
            i = m.end()
            continue
        if row[i] == "\\":
            out.append(row[i:i + 2])
            i += 2
            continue
        if row[i] != "&" or depth > 0:
            out.append(row[i])
        else:
            out.append(" ")
        i += 1
    return "".join(out)


def _closing_brace(text: str, opening: int) -> int:
    """The index after the brace group that opens at ``text[opening]`` (or the end)."""
    depth = 0
    for i in range(opening, len(text)):
        if text[i] == "\\":
            continue
        if text[i - 1:i] == "\\":
            continue
        depth += {"{": 1, "}": -1}.get(text[i], 0)
        if depth == 0:
            return i + 1
    return len(text)


def _without_text(formula: str, known) -> tuple[str, bool]:
    r"""The formula with the prose of its \text{…} taken out (not inside cases, whose
    conditions are words); and whether there was any."""
    found, out, position = False, [], 0
    cases = [(m.start(), m.end()) for m in re.finditer(r"\\begin\{[dr]?cases\}.*?\\end\{[dr]?cases\}", formula, re.S)]
    for m in _TEXT.finditer(formula):
        if m.start() < position or any(a <= m.start() < b for a, b in cases):
            continue
        if re.search(r"[_^]\s*\{?\s*$", formula[:m.start()]):
            continue                                  # y_{\text{pred}}: a name, not words
        close = _closing_brace(formula, m.end() - 1)
        words = formula[m.end():close - 1]
        if not _is_prose_text(words, known, command=m[0]):
            continue
        out.append(formula[position:m.start()])
        out.append(f" {_PROSE_MARK} ")
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
    pattern = re.compile(r"(\\left\s*)?[(\[]\s*(?:\\[,;:! ]|\\quad|\\qquad|\s|" + _PROSE_MARK + r")*(\\right\s*)?[)\]]")
    previous = None
    while previous != text:
        previous, text = text, pattern.sub(" ", text)
    return text.replace(_PROSE_MARK, " ")


# --- lines outside blocks -----------------------------------------------------------------

def _plain_lines(text: str, start: int, end: int, starts, known, display, out) -> None:
    """The lines (or parts of lines) between ``start`` and ``end``, none inside a block; a formula
    wrapped over several lines is read as one, numbered by its first line."""
    lines, position, state = [], start, display[0]
    while position < end:
        newline = re.compile(r"\r\n|\r|\n").search(text, position, end)
        stop = newline.start() if newline else end
        line = text[position:stop]
        if lines and _goes_on(lines[-1][1], line, state):
            lines[-1][1] += " " + line
        else:
            lines.append([_line_of(starts, position), line])
        state = _display_after(line, state)
        position = newline.end() if newline else end
    for number, line in lines:
        _one_line(line, number, known, display, out)


def _goes_on(previous: str, line: str, display: bool) -> bool:
    """The line carries on the formula of the one before: that one ends with an operator or leaves a
    bracket open that this one closes, or, in display maths, this one starts with an operator."""
    if not line.strip() or not previous.strip() or re.search(r"(?:(?<!\\)\\[\[(]|\$\$?)\s*$", previous):
        return False                                    # a line that opens display maths: the formula starts below
    if re.search(r"(?:[-+*/^(\[{·×]|\\cdot|\\times)\s*$", previous) and not re.search(r"(?:^|\s)[-+*]\s*$", previous):
        return True
    depth = _depth(previous)
    if depth > 0 and depth + _depth(line) <= 0:
        return True
    return display and bool(re.match(r"\s*(?:[-+*/·×]|\\cdot|\\times)", line))


def _depth(text: str) -> int:
    """How many brackets and braces ``text`` leaves open (negative: closes more than it opens)."""
    text = re.sub(r"\\[{}\[\]()]|\\left\s*\.|\\right\s*\.", "", text)
    return sum(text.count(c) for c in "([{") - sum(text.count(c) for c in ")]}")


def _display_after(line: str, display: bool) -> bool:
    """Whether display maths ($$ … $$, \\[ … \\]) is open after ``line``."""
    for token in re.findall(r"(?<!\\)(?:\$\$|\\\[|\\\])", line):
        display = token != "\\]" and not (token == "$$" and display)
    return display


def _one_line(line: str, number: int, known, display, out) -> None:
    if not line.strip() or _FENCE.match(line):
        return
    shown = line.strip()
    segments = _math_segments(line, display)
    if not any(part.strip() for _, part in segments):
        return
    spans: list[tuple[str, str]] = []          # ("math" | "prose" | "break", text)
    for kind, part in segments:
        if kind == "math":
            for row in re.split(r"(?<!\\)\\\\(?:\[[^\]]*\])?", part):
                formula, had_words = _without_text(_ROW_MARKUP.sub(" ", _alignment_removed(row)), known)
                cut = _russian_words_cut(formula, known)
                if had_words or cut != [formula]:
                    spans.append(("prose", ""))
                for each in cut:
                    spans.append(("math", each))
                    spans.append(("break", ""))       # one $…$ or one row is one formula
        else:
            spans.extend(_words_and_math(part, known))
    formulas = _formulas(spans)
    if not formulas:
        if any(kind == "prose" and _words(part) for kind, part in spans) or any(
                kind == "math" and part.strip(" \t.,;:!?") for kind, part in spans):
            out.append(Piece(number, shown, None))
        return
    for formula in formulas:
        out.append(Piece(number, shown, formula))


def _words(text: str) -> bool:
    return bool(re.search(r"[^\W\d_]", text)) or _PROSE_MARK in text


def _math_segments(line: str, display) -> list[tuple[str, str]]:
    """The line cut at its math delimiters: ("math", …) inside $…$, $$…$$, \\(…\\), \\[…\\] or
    `…`, ("text", …) outside. ``display`` carries an open $$ or \\[ to the next line."""
    line = _LIST_MARKER.sub("", line, count=1) if not display[0] else line
    line = _EQUATION_NUMBER.sub("", line)
    tokens = re.split(r"((?<!\\)\$\$|(?<!\\)\\\[|(?<!\\)\\\]|(?<!\\)\\\(|(?<!\\)\\\)|(?<!\\)\$|`)", line)
    segments, inline = [], None
    for token in tokens:
        if token in ("$$", "\\[", "\\]"):
            display[0] = token != "\\]" and not (token == "$$" and display[0])
            continue
        if token in ("$", "`", "\\(", "\\)"):
            inline = None if inline is not None and (token == inline or (token, inline) == ("\\)", "\\(")) else token
            continue
        if not token:
            continue
        math = display[0] or inline is not None
        segments.append(("math" if math else "text", token if math else _EMPHASIS.sub(" ", token)))
    return segments


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
    if lower in MATH_WORDS or _key(bare) in known or sum(c.isupper() for c in bare) >= 2:
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


def _words_and_math(text: str, known) -> list[tuple[str, str]]:
    """Text outside math delimiters cut into runs of prose and of mathematics (the rule above)."""
    text, _ = _without_text(text, known)
    text = _ABBREVIATIONS.sub(f" {_PROSE_MARK} ", text)
    matches = list(_TOKEN.finditer(text))
    tokens = [m[0] for m in matches]
    kinds = []
    for m, token in zip(matches, tokens):
        before, after = text[max(0, m.start() - 16):m.start()], text[m.end():m.end() + 16]
        if token == _PROSE_MARK:
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


def _formulas(spans: list[tuple[str, str]]) -> list[str]:
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
            formula = _trimmed(part)
            if not formula or introduces or (any(prose) and not _SUBSTANCE.search(formula)):
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
        return [_trimmed(p) for p in parts if _trimmed(p)]
    return [formula]


def _trimmed(formula: str) -> str:
    """A formula without the punctuation of the sentence around it: "f'(x) = 2x." is f'(x) = 2x."""
    formula = re.sub(r"\s+", " ", _alignment_removed(formula).replace(_PROSE_MARK, " ").replace(":=", "="))
    formula = _ROW_MARKUP.sub(" ", formula)
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
