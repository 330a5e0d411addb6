r"""LaTeX fragments built on amsmath: every formula through ``sympy.latex``; prose escaped.

A line of a derivation is a paragraph indented by its depth (``\leftskip``, not
nested lists, which LaTeX limits to four levels), so a derivation of any depth
compiles and a long sentence wraps under its own indent. A formula standing on
its own line, or too wide to sit in a sentence, is displayed as an ``align*``
aligned at ``=`` and broken into rows that fit the line (``breaking``); displays that
follow one another are one ``align*`` (``merged_displays``). The line is
as wide as the ``width`` setting says (a TeX length such as ``12cm``; default: A4 with
2 cm margins). Characters other than ASCII and Cyrillic are written as commands
(``latex_setup``), so a fragment needs only the packages ``latex_setup.packages`` names.
"""

from __future__ import annotations

import re

from ..lang import phrase
from .base import DocumentPrinter
from .breaking import LINE_WIDTH, align_rows, prose_kept, split_long, width
from .continued_rows import continued
from .display_breaks import rows_bound
from .labelled_rows import labels_lined_up
from .latex_setup import spelled
from .latex_tables import TABLE_START, cell_width, fits, table_lines, wrapped_words
from .words import upright_statement

# characters of prose that LaTeX treats specially, and the unicode the phrases use
ESCAPES = {"\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#",
           "_": r"\_", "{": r"\{", "}": r"\}", "~": r"\textasciitilde{}",
           "^": r"\textasciicircum{}", "σ": r"$\sigma$", "≠": r"$\neq$", "·": r"$\cdot$",
           "−": "$-$", "≤": r"$\leq$", "≥": r"$\geq$", "∂": r"$\partial$", "∇": r"$\nabla$", "×": r"$\times$"}
# a formula wider than this (in characters) leaves the sentence for a display of its own
INLINE_WIDTH = 36
_DOLLAR = re.compile(r"(?<!\\)\$")
# consecutive displays merged into one align* hold at most this many rows (a fragment's align*
# cannot break across pages without \allowdisplaybreaks)
MERGED_ROWS = 12
# a paragraph of at most this many characters (commands aside), not indented, is a heading kept with the next one
LABEL_LENGTH = 40
# a clause after a displayed formula up to this wide (", n = 5") ends the display's last row
TRAILING = 16
DISPLAY_LABEL = 12     # characters of a label that begins its display's first row (Множитель, В точке)
_PARAGRAPH = re.compile(r"\{(?:\\raggedright |\\leftskip=[\d.]+em )*\\noindent .*\\par\}")
_COMMAND = re.compile(r"\\[A-Za-z]+(?:=[\d.]+em)?|[{}$\s]")
_BEGIN, _END = "\\begin{align*}\n", "\n\\end{align*}"
_DISPLAY = re.compile(r"\\begin\{align\*\}\n(.*?)\n\\end\{align\*\}", re.S)
# the text width LINE_WIDTH characters of math fill (A4 less 2 cm margins, 11 pt): a character is about 7.8 pt
DEFAULT_WIDTH_PT = 483.7
_LENGTH = re.compile(r"\s*(\d+(?:\.\d+)?)\s*(pt|bp|mm|cm|in|pc)\s*")
_POINTS = {"pt": 1.0, "bp": 72.27 / 72, "mm": 72.27 / 25.4, "cm": 72.27 / 2.54, "in": 72.27, "pc": 12.0}
# pi written by a variant's numbers (z = pi/2) outside a command: typeset as the constant
_PI = re.compile(r"(?<![\\A-Za-z])pi(?![A-Za-z])")


# a bracketed aside of a statement's prose up to this many characters is never broken across lines
TIED_ASIDE = 30
_ASIDE = re.compile(r"\(([^()$\\]{1,%d})\)" % TIED_ASIDE)


def tied_asides(text: str) -> str:
    """Prose whose short bracketed asides ("(no padding, stride 1)") are tied, their spaces ``~``: a line
    breaks before or after one, never inside it."""
    parts = _DOLLAR.split(text)
    if len(parts) % 2 == 0:
        return text
    return "$".join(part if k % 2 else _ASIDE.sub(lambda m: "(" + re.sub(r"\s+", "~", m[1].strip()) + ")", part)
                    for k, part in enumerate(parts))


def pi_typeset(text: str) -> str:
    """Prose with ``$...$`` formulas whose ``pi`` (as a variant's numbers write it: z = pi/2) is ``\\pi``."""
    parts = _DOLLAR.split(text)
    if len(parts) % 2 == 0:
        return text
    return "$".join(_PI.sub(r"\\pi ", part) if k % 2 else part for k, part in enumerate(parts))


def points(length: str) -> float:
    """A TeX length (``12cm``, ``345pt``, ``5in``) in points."""
    match = _LENGTH.fullmatch(str(length))
    if match is None:
        raise ValueError(f"a width is a TeX length such as 12cm, 345pt or 5in, not {length!r}")
    value = float(match.group(1)) * _POINTS[match.group(2)]
    if not 100 <= value <= 2000:
        raise ValueError(f"a width from about 3.5cm to 70cm, not {length!r}")
    return value


def display(raw: str, characters: float = LINE_WIDTH, label: str = "") -> str:
    """``raw`` as an ``align*``, one row per side or piece that fits ``characters``; a ``label`` (a word
    such as "At" or "Factor") begins its first row, so it stands by its formula, not apart above it."""
    head = r"\text{%s}\quad " % label if label else ""
    rows = align_rows(raw, characters - (width(label) + 2 if label else 0))
    return "\\begin{align*}\n" + head + " \\\\\n".join(rows) + "\n\\end{align*}"


def _label(prose: str) -> bool:
    """Prose that is a label of the formula after it: a word or two, no formula ("At", "Factor")."""
    return "$" not in prose and 0 < len(_COMMAND.sub("", prose)) <= DISPLAY_LABEL


def _trailing(tail: str) -> bool:
    """A short clause after a displayed formula (``$n = 5$``, ``where $n = 4$``): no wider than ``TRAILING``
    characters, with no display of its own and no brace left open."""
    return bool(tail) and _balanced(tail) and tail.count("$") % 2 == 0 \
        and width(_DOLLAR.sub("", tail)) <= TRAILING


def _balanced(prose: str) -> bool:
    """True when every brace opened in ``prose`` is closed (a formula may leave the line only then)."""
    depth = 0
    for token in re.findall(r"\\.|[{}]", prose):
        depth += {"{": 1, "}": -1}.get(token, 0)
    return depth == 0


def _columns(body: str) -> tuple[float, float] | None:
    """The widths of the two columns of a display's rows (left of ``&``, right of it); None if a row has no ``&``."""
    rows = [row.split("&", 1) for row in body.split(" \\\\\n")]
    if any(len(row) < 2 for row in rows):
        return None
    return max(width(left) for left, _ in rows), max(width(right) for _, right in rows)


def merged_displays(text: str, characters: float = LINE_WIDTH, most: int = MERGED_ROWS) -> str:
    """Displays that follow one another become one ``align*`` (aligned at their ``=``, without a
    display's space between each), up to ``most`` rows and as long as the columns together still fit
    ``characters``, so that a page holds a derivation, not gaps."""
    parts = _DISPLAY.split(text)          # prose, display, prose, display, ..., prose
    out, rows, columns = [parts[0]], 0, None
    for k in range(1, len(parts), 2):
        body, between = parts[k], parts[k + 1]
        count, own = body.count(" \\\\\n") + 1, _columns(body)
        joined = own and columns and (max(own[0], columns[0]), max(own[1], columns[1]))
        if joined and out[-1] == "\n" and rows + count <= most and sum(joined) <= characters:
            out.pop()
            out[-1] = out[-1][:-len(_END)] + " \\\\[0.5ex]\n" + body + _END     # a little air between fractions
            rows, columns = rows + count, joined
        else:
            out.append(_BEGIN + body + _END)
            rows, columns = count, own
        out.append(between)
    return "".join(out)


def kept_together(text: str) -> str:
    """``text`` with a display broken across pages only between its steps, leaving at least two rows on either
    side (``rows_bound``), and no page break between a paragraph and the display or table that follows it (a
    label such as "At the point" or "So" stays with what it introduces)."""
    text = _DISPLAY.sub(lambda match: _BEGIN + rows_bound(match.group(1)) + _END, text)
    text = re.sub(r"(\\par\})\n(?=\\begin\{align\*\}|%s)" % re.escape(TABLE_START), r"\1\n\\nopagebreak\n", text)
    lines, glued = text.split("\n"), False
    for k, line in enumerate(lines[:-1]):
        short = _PARAGRAPH.fullmatch(line) and len(_COMMAND.sub("", line)) <= LABEL_LENGTH and "leftskip" not in line
        glued = bool(short and not glued and _PARAGRAPH.fullmatch(lines[k + 1]))
        if glued:      # a short heading line ("Forward pass:", "At") with the paragraph it heads, one at a time
            lines[k] += "\n\\nopagebreak"
    return "\n".join(lines)


_ASSIGNMENT = re.compile(r"(?<=[\w\])]) = (?=\S)")     # b = np.zeros(10), not the == of a comparison
LONG_CODE = 40      # characters of program text with no cut outside brackets that may still break inside them


def code_pieces(text: str) -> list[str]:
    """``text`` cut where a line may break: after a comma or a spaced operator at the shallowest bracket depth
    that has one — inside brackets only when the text is long; never after an assignment's ``=`` (a name
    stays with its value: ``b = np.zeros(10)`` is no ``b =`` at a line's end).

    >>> code_pieces("np.ones((3, 1)) + np.arange(3)")
    ['np.ones((3, 1)) + ', 'np.arange(3)']
    >>> code_pieces("np.ones((4, 3, 2))")
    ['np.ones((4, 3, 2))']
    >>> code_pieces("b = np.zeros(10)")
    ['b = np.zeros(10)']
    >>> code_pieces("np.zeros((32, 32, 3)).reshape(-1).sum(axis=0, keepdims=True)")
    ['np.zeros((32, 32, 3)).reshape(-1).sum(axis=0, ', 'keepdims=True)']
    """
    depth, cuts = 0, []
    for k, char in enumerate(text):
        depth += char in "([{"
        depth -= char in ")]}"
        if char == "," or (char == " " and k > 1 and text[k - 1] in "-+*/" and text[k - 2] == " "):
            cuts.append((depth, k + 1 + (char == "," and text[k + 1:k + 2] == " ")))
    shallowest = min((depth for depth, _ in cuts), default=None)
    if shallowest is None or shallowest > 0 and len(text) <= LONG_CODE:
        return [text]                                   # np.ones((4, 3, 2)): one call, short enough to stay whole
    ends = [end for depth, end in cuts if depth == shallowest]
    return [text[start:end] for start, end in zip([0, *ends], [*ends, len(text)])]


TABLE_BLOCK = re.compile(re.escape(TABLE_START) + r".*?\\end\{tabular\}\\par\}\\medskip\n?", re.S)


def once(text: str) -> str:
    """``text`` without a table that repeats one before it word for word (the formulas of a forward pass,
    shown again for the parameters after an update: the numbers under them are enough)."""
    seen: set[str] = set()

    def first(match: re.Match) -> str:
        table = match.group(0)
        found = table in seen
        seen.add(table)
        return "" if found else table
    return TABLE_BLOCK.sub(first, text)


def kept_with_answer(text: str, answer: str) -> str:
    r"""``text`` with no page break between the answer (the paragraph headed ``answer``) and what is before
    it: a paragraph, or a chain that ends in it (its display in a group that forbids a break after it, as
    ``\nopagebreak`` after a display would forbid only a break inside the line after it)."""
    head = re.compile(r"\{(?:\\raggedright |\\leftskip=[\d.]+em )*\\noindent \\textbf\{%s:\}" % re.escape(answer))
    lines = text.split("\n")
    out = lines[:1]
    for line in lines[1:]:
        if head.match(line) and out[-1] == r"\end{align*}" and r"\begin{align*}" in out:
            start = len(out) - 1 - out[::-1].index(r"\begin{align*}")
            out[start] = r"{\postdisplaypenalty=10000" "\n" + out[start]
            out[-1] += "}"
        elif head.match(line) and out[-1].endswith(r"\par}"):
            out.append(r"\nopagebreak")
        out.append(line)
    return "\n".join(out)


def paragraph(depth: int, text: str, loose: bool = False) -> str:
    """An indented paragraph; a ``loose`` one (long, with formulas TeX cannot break) is set ragged right,
    so a formula that does not fit the rest of a line starts the next one instead of sticking out. A
    formula's short bracketed groups are never broken (``breaking.kept_brackets``)."""
    ragged = r"\raggedright " if loose else ""
    indent = rf"\leftskip={1.5 * depth:g}em " if depth else ""
    return "{" + ragged + indent + r"\noindent " + prose_kept(text) + r"\par}"


class LatexPrinter(DocumentPrinter):
    # width: the text width the fragment is set in, a TeX length (None: A4 less 2 cm margins)
    _default_settings = {**DocumentPrinter._default_settings, "width": None}

    def __init__(self, **settings):
        super().__init__(**settings)
        given = self._settings["width"]
        self.scale = 1.0 if given is None else points(given) / DEFAULT_WIDTH_PT

    def doprint(self, obj) -> str:
        text = labels_lined_up(merged_displays(continued(super().doprint(obj)), LINE_WIDTH * self.scale))   # Factor … Factor
        if self._settings["detail"] == "brief":
            text = once(text)
        return spelled(kept_with_answer(kept_together(text), phrase(self.lang, "answer")))

    def rich_text(self, text: str) -> str:
        """A bank statement: its formulas as written, with pi as \\pi; program text (``$\\texttt{…}$``) as code,
        which may break across lines; its formulas' short bracketed groups (max(0, s − s + 1)) never broken, and
        its short asides neither (``tied_asides``). A percent sign the file leaves bare is the sign, not a TeX comment
        that would cut the sentence off ("без знака % (12, а не 12 %)")."""
        text = upright_statement(text, getattr(self, "notation", {}))       # E_{\mathrm{total}} (render.words)
        return spelled(pi_typeset(prose_kept(self.statement_code(tied_asides(re.sub(r"(?<!\\)%", r"\\%", text))))))

    def inline(self, raw: str) -> str:
        return f"${raw}$"

    def escape(self, text: str) -> str:
        return "".join(ESCAPES.get(char, char) for char in text)

    def paragraph(self, depth: int, text: str) -> str:
        """A paragraph longer than its line, with formulas that fill a third of it or with words TeX cannot
        hyphenate (program text, symbols), is loose: set ragged right."""
        parts = _DOLLAR.split(text)
        maths = sum(width(part) for part in parts[1::2]) if len(parts) % 2 else 0
        line = LINE_WIDTH * self.scale
        rigid = maths > line / 3 or r"\texttt" in text or r"\ensuremath" in spelled(text)
        return paragraph(depth, text, loose=rigid and maths + len("".join(parts[::2])) > line)

    def code(self, text: str) -> str:
        """Program text in typewriter type, which may break only between the parts a reader sees: after a
        comma or a spaced operator outside brackets (inside one level of brackets where there is none
        outside), never inside a name or a call (np.arange( / 3) is no line end, nor np.ones((4, / 3, 2))): every
        other space is tied, as are those of an assignment's ``=`` (``b =`` never ends a line)."""
        return r"\texttt{" + r"\allowbreak{}".join(re.sub(r" (?!$)", "~", _ASSIGNMENT.sub("~=~", self.escape(piece)))
                                                    for piece in code_pieces(text)) + "}"     # a space inside a piece: tied

    def strong(self, text: str) -> str:
        return rf"\textbf{{{text}}}"

    def line(self, depth: int, text: str) -> str:
        """Prose as indented paragraphs; a formula alone on the line, or a wide one, displayed."""
        parts = _DOLLAR.split(text)
        if len(parts) % 2 == 0:        # an odd number of $: not ours to take apart
            return self.paragraph(depth, text)
        alone = len(parts) == 3 and not parts[0].strip() and not parts[2].strip()
        out, prose = [], ""
        for k, part in enumerate(parts):
            if k % 2 == 0:
                prose += part
            elif (alone or width(part) > INLINE_WIDTH * self.scale) and _balanced(prose):   # not out of a \textbf{
                label = prose.strip() if _label(prose.strip()) else ""
                if prose.strip() and not label:
                    out.append(self.paragraph(depth, prose.strip()))
                after = parts[k + 1]
                stop = after[:1] if after[:1] in ",.;:" else ""
                parts[k + 1] = after[len(stop):]
                tail = "$".join(parts[k + 1:]).strip()
                if _trailing(tail):        # ", n = 5" set in the display's row, not alone on a line of its own
                    out.append(display(part + stop + r"\quad \text{%s}" % tail, LINE_WIDTH * self.scale, label))
                    prose = ""
                    break
                out.append(display(part + stop, LINE_WIDTH * self.scale, label))
                prose = ""
            else:
                prose += f"${part}$"
        if prose.strip():
            out.append(self.paragraph(depth, prose.strip()))
        return "\n".join(out)

    def ruled_step(self, depth: int, raw: str, rule: str) -> str:
        """A step in matrices displayed, its fractions set full size, not shrunk into a line of text: the rule it
        applies in brackets at its right, or wrapped under it when the two do not fit one line."""
        line = LINE_WIDTH * self.scale
        rows = align_rows(raw, line)
        rule = re.sub(r"(?<!\\)\$(.+?)(?<!\\)\$", r"$\\textstyle \1$", rule)     # the rule's formula as in its words
        if not rule or len(rows) == 1 and width(raw) + cell_width(rule) + 8 <= line:      # no rule: said before
            rows[0] += r"\qquad \text{(%s)}" % rule if rule else ""     # not a column of its own: one align*
            # would share it, and a long rule of one row would widen every row
        else:          # under the formula: on one row if it fits one, else wrapped between words
            left = width(rows[0].split("&")[0]) if "&" in rows[0] else 0      # the rule stands right of the left side
            parts = ([f"({rule})"] if left + cell_width(rule) + 6 <= line    # the row starts where the left side ends
                     else wrapped_words(f"({rule})", max(line - left, line / 2) - 4))
            rows += [r"&\quad \text{%s}" % part for part in parts]
        return _BEGIN + " \\\\\n".join(rows) + _END

    def chain_lines(self, step, depth: int, label: bool = False) -> list[str]:
        """A derivative's chain as one ``align*``: a row per equality, its hint in words at the right."""
        line = LINE_WIDTH * self.scale
        lhs = self.chain_head(step)             # ∂E²/∂w₁ where the statement names E² and defines y in it
        out = [self.paragraph(depth, self.strong(self.escape(phrase(self.lang, "derivative"))) + ":")] if label else []
        rows, first, chain = [], True, list(self.chain_rows(step))
        # the hints stand in a column of their own at the right when every row fits beside them;
        # otherwise (a long formula, a slide) each hint goes under its row
        left = width(lhs) if width(lhs) <= line / 3 else 0
        beside = max((width(hint) + 4 for _, hint in chain if hint), default=0)
        widest = max((width(self.raw_math(expr)) for expr, _ in chain), default=0)
        aside = beside > 0 and left + widest + beside + 6 <= line
        budget = line - left - beside - 6 if aside else line - left - 3
        for expr, hint in chain:
            note = r" && \text{(%s)}" % self.prose(hint) if hint and aside else ""
            pieces = split_long(self.raw_math(expr), budget)
            if hint and not aside:        # a long hint wraps onto rows of its own
                pieces += [r"\text{%s}" % self.prose(part) for part in wrapped_words(f"({hint})", max(line - left, line / 2) - 4)]
            lead = (lhs if first and width(lhs) <= line / 3 else "") + " &= "
            if first and not lead.startswith(" "):
                pass
            elif first:
                rows.append("&" + lhs)
            rows.append(lead + pieces[0] + note)
            rows += [r"&\quad " + piece for piece in pieces[1:]]
            first = False
        return out + [r"\begin{align*}" + "\n" + " \\\\\n".join(rows) + "\n" + r"\end{align*}"]

    def numbers_only(self, header: list[str], rows: list[list[str]]) -> tuple[list, list]:
        """A table with the numbers put in and the values, without its formula column (the numbers show the
        formula's shape): how a brief key sets a table too wide for one tabular, never split in two."""
        names = {phrase(self.lang, key) for key in ("delta.formula", "graph.definition")}
        if phrase(self.lang, "delta.numbers") not in header:
            return header, rows
        keep = [k for k, name in enumerate(header) if k == 0 or name not in names]
        return [header[k] for k in keep], [[row[k] for k in keep] for row in rows]

    def table(self, header, rows):
        """A tabular, in smaller type, split by columns or with wrapped cells if it must be
        (``latex_tables``); only a table no tabular fits becomes short blocks of "column: value" lines.
        A brief key's table too wide for one tabular shows the numbers put in and the values only."""
        if self._settings["detail"] == "brief" and not fits(header, rows, DEFAULT_WIDTH_PT * self.scale):
            header, rows = self.numbers_only(header, rows)
        tabular = table_lines(header, rows, DEFAULT_WIDTH_PT * self.scale)
        if tabular is not None:
            return tabular
        blocks = []
        for row in rows:          # a row's name stays with its first line
            blocks += [paragraph(1, self.strong(f"{header[0]}: {row[0]}")), r"\nopagebreak"]
            blocks += [self.line(2, f"{name}: {cell}") for name, cell in zip(header[1:], row[1:]) if cell.strip()]
        return blocks
