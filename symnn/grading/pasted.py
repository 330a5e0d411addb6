r"""A derivation as students paste it: which parts of which lines are formulas.

Students write words between their formulas ("By the chain rule:", "Тогда", "где"), number
or bullet their lines, end a formula with a full stop, wrap it in ``$…$``, or paste a whole
LaTeX block (align*, gather, equation with split, …) with ``&`` alignment, ``\\`` breaks and
``\text{…}`` comments. ``pieces`` returns, in order, every formula with the physical line
(from 1, blank lines counted) where it starts, and every line of words, so that a verdict
names the line the student sees in their file. A formula wrapped over several lines (a line
ending with an operator or leaving a bracket open that the next closes, or, in display maths,
a next line starting with an operator) is one formula, numbered by its first line.

Which words are prose is the rule of ``grading.prose``; ``grading.blocks`` finds the LaTeX
blocks and where their rows break, and ``grading.formulas`` picks the formulas of a line.

>>> [(p.number, p.formula) for p in pieces("By the chain rule:\n\nf'(x) = 2x sin x + x^2 cos x.")]
[(1, None), (3, "f'(x) = 2x sin x + x^2 cos x")]
>>> [(p.number, p.formula) for p in pieces("\\begin{align*}\nf'(x) &= 2x \\quad \\text{(rule)} \\\\\n&= 2x\n\\end{align*}")]
[(2, "f'(x) = 2x"), (3, '= 2x')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .blocks import DISPLAY, ENVIRONMENT, ROW_MARKUP, alignment_removed, next_block, row_cuts
from .formulas import SUBSTANCE, formulas_of, russian_words_cut, trimmed
from .prose import PROSE_MARK, name_key, without_text, words_and_math

MAX_PHYSICAL_LINES = 1000

# Markdown around a line: a list marker or bullet, a heading, a quote, bold
_LIST_MARKER = re.compile(r"^\s*(?:>\s*)*(?:#{1,6}\s+)?(?:[-*+•–—]\s+|\(?\d{1,3}[.)]\s+|\(?[A-Za-zА-Яа-яЁё]\)\s+)?")
_EMPHASIS = re.compile(r"\*\*|__|(?<![\w\\])\*(?=\S)|(?<=\S)\*(?![\w])")
_FENCE = re.compile(r"^\s*(```|~~~)")
_EQUATION_NUMBER = re.compile(r"(?:\s{2,}|\t)\(\d{1,3}(?:\.\d{1,3})?\)\s*$")


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
    known = {name_key(n) for n in names}
    out: list[Piece] = []
    display = [False]                  # inside $$ … $$ or \[ … \] across lines
    position = 0
    while position < len(text):
        block = next_block(text, position)
        end = block[0] if block else len(text)
        _plain_lines(text, position, end, starts, known, display, out)
        if block is None:
            break
        start, body_start, body_end, stop = block
        _block_rows(text, body_start, body_end, starts, known, out)
        position = stop
    return out


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


# --- LaTeX blocks -------------------------------------------------------------------------

def _block_rows(text: str, start: int, end: int, starts, known, out) -> None:
    r"""The rows of a display block (``blocks.row_cuts``), each numbered by the line where it
    starts; the words of an \intertext are a line of prose."""
    row_start = start
    for cut_start, cut_end, is_prose in [*row_cuts(text, start, end), (end, end, False)]:
        _block_row(text, row_start, cut_start, starts, known, out)
        if is_prose:
            number = _line_of(starts, cut_start)
            out.append(Piece(number, text[cut_start:cut_end].strip(), None))
        row_start = cut_end


def _block_row(text: str, start: int, end: int, starts, known, out) -> None:
    raw = text[start:end]
    inner = ROW_MARKUP.sub(" ", alignment_removed(raw))
    inner = ENVIRONMENT.sub(lambda m: m[0] if m[2] not in DISPLAY else " ", inner)
    formula, had_words = without_text(inner, known)
    formula = trimmed(formula)
    if not formula and not had_words:
        return
    lead = re.match(r"(?:\s|\\(?:begin|end)\s*\{(?:" + "|".join(re.escape(d) for d in DISPLAY) + r")\}|"
                    r"\\(?:nonumber|notag)\b|&)*", raw)
    number = _line_of(starts, min(start + lead.end(), max(end - 1, start)))
    shown = " ".join(ENVIRONMENT.sub(lambda m: m[0] if m[2] not in DISPLAY else " ", raw).split())
    formulas = [f for f in russian_words_cut(formula, known) if SUBSTANCE.search(f)]
    if not formulas:
        out.append(Piece(number, shown, None))
    out.extend(Piece(number, shown, f) for f in formulas)


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
                formula, had_words = without_text(ROW_MARKUP.sub(" ", alignment_removed(row)), known)
                cut = russian_words_cut(formula, known)
                if had_words or cut != [formula]:
                    spans.append(("prose", ""))
                for each in cut:
                    spans.append(("math", each))
                    spans.append(("break", ""))       # one $…$ or one row is one formula
        else:
            spans.extend(words_and_math(part, known))
    formulas = formulas_of(spans)
    if not formulas:
        if any(kind == "prose" and _words(part) for kind, part in spans) or any(
                kind == "math" and part.strip(" \t.,;:!?") for kind, part in spans):
            out.append(Piece(number, shown, None))
        return
    for formula in formulas:
        out.append(Piece(number, shown, formula))


def _words(text: str) -> bool:
    return bool(re.search(r"[^\W\d_]", text)) or PROSE_MARK in text


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

