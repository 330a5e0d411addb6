"""How students type what the reader's grammar does not say: rewritten before an answer is read.

- A matrix as MATLAB, and symnn's own plain-text keys, write it: ``[12 12 17; 10 17 19]``, numbers
  apart by spaces, rows by semicolons (``[3 1]`` is a row of two numbers). Read as it is, the spaces
  would glue 12 12 into 1212.
- A function of a number with no brackets: ``ln10``, ``ln 2``, ``sin0``, as on a calculator.
- A matrix typed row by row on separate lines: ``1 3 5`` then ``2 4 6``, or ``[1, 3, 5]`` then ``[2, 4, 6]``.
- In Russian, labelled parts apart by commas among decimal commas: ``w_1 = 3, w_2 = 0,2`` (the comma
  before a label ``name =`` parts, the others are decimal commas); so do two conditions, ``α > 0, α < 0,04``
  (a comma, a space and a letter: no decimal comma).

>>> spaced_rows("[12 12 17; 10 17 19]", decimal_comma=False)
'[[12, 12, 17], [10, 17, 19]]'
>>> spaced_rows("W = [3 1], b = -2", decimal_comma=False)
'W = [3, 1], b = -2'
>>> spaced_rows("[0,5 1,5]", decimal_comma=True)
'[0.5, 1.5]'
>>> glued_calls("(ln10, ln2)")
'(ln(10), ln(2))'
>>> glued_calls("ln 0,9 + ln 0,8", decimal_comma=True)
'ln(0,9) + ln(0,8)'
>>> line_rows("1 3 5\\n2 4 6", decimal_comma=False), line_rows("[0,5; 1]\\n[2; 3]", decimal_comma=True)
('[[1, 3, 5], [2, 4, 6]]', '[[0.5, 1], [2, 3]]')
>>> labelled_parts("w_1 = 3, w_2 = 0,2"), labelled_parts("α > 0, α < 0,04")
('w_1 = 3; w_2 = 0,2', 'α > 0; α < 0,04')
>>> colon_labels("Momentum: (0.9, 0); Метод Нестерова: ≈ (0.9, 0.9)", {"методнестерова": "nesterov"})
'Momentum = (0.9, 0); nesterov ≈ (0.9, 0.9)'
"""

from __future__ import annotations

import re

_NUMBER = r"[-+−]?\d+(?:[.,]\d+)?"
# a bracketed run of numbers apart by spaces, rows apart by semicolons: two numbers at least, a space between
_SPACED = re.compile(r"\[\s*(%s(?:\s*;\s*|\s+)%s(?:(?:\s*;\s*|\s+)%s)*)\s*\]" % (_NUMBER, _NUMBER, _NUMBER))
_GLUED = re.compile(r"(?<![^\W\d]|\\)(ln|lg|log|exp|sin|cos|tan|tg|sqrt)\s*(\d+(?:\.\d+)?)(?![\w.(]|,\d)")
_GLUED_COMMA = re.compile(r"(?<![^\W\d]|\\)(ln|lg|log|exp|sin|cos|tan|tg|sqrt)\s*(\d+(?:[.,]\d+)?)(?![\w.(]|,\d)")
_LABEL_AFTER_COMMA = re.compile(r",\s+(?=[^\W\d]\w*(?:_\{?\w+\}?)?(?:\(\d+\))?\s*(?:=|<|>|≤|≥|\\[lg]e))")


_GROUP_SPACE = re.compile(r"(?<=\d)(?:[\u202f\u00a0\u2009]|\\,|\\ )(?=\d{3}(?!\d))")


def grouped_digits(body: str) -> str:
    """A number's groups of three digits apart by a narrow or no-break space, as symnn's keys print it (10 000, in
    LaTeX 10\\,000), as one number: 100 000 001/14 625 is 100000001/14625.

    >>> grouped_digits("100\u202f000\u202f001/14\u202f625"), grouped_digits(r"10\\,000 + 1"), grouped_digits("0,5 1")
    ('100000001/14625', '10000 + 1', '0,5 1')
    """
    return _GROUP_SPACE.sub("", body)


def spaced_numbers(body: str, length: int | None, decimal_comma: bool) -> str:
    """``0 1 1 0`` and ``(1 1 0)``, numbers apart by spaces where a vector is asked for, as ``[0 1 1 0]`` and
    ``[1 1 0]`` (not the number 0110); rows on lines are ``line_rows``'; anything else as it is."""
    number = _NUMBER if decimal_comma else r"[-+−]?\d+(?:\.\d+)?"
    text = body.strip()
    inner = text[1:-1] if text[:1] + text[-1:] in ("()", "[]") else text
    numbers = inner.split()
    if "\n" not in inner and length and length > 1 and len(numbers) > 1 and all(re.fullmatch(number, n) for n in numbers):
        return "[" + " ".join(numbers) + "]"
    return body


def spaced_rows(body: str, decimal_comma: bool) -> str:
    """``[a b; c d]`` as ``[[a, b], [c, d]]`` and ``[a b]`` as ``[a, b]`` (a decimal comma inside a number
    is its point when ``decimal_comma``); anything else as it is, and NumPy's print of a matrix,
    ``[[1 2]\n [3 4]]``, is left to the reader of NumPy's prints."""
    if re.search(r"\[\s*\[", body):
        return body
    def rows(match: re.Match) -> str:
        content = match.group(1)
        if re.search(r"(?:\bin|∈|\\in)\s*$", body[:match.start()]):
            return match.group(0)                   # a ∈ [0; 0,5]: a closed interval, not MATLAB's column
        if "," in content and not decimal_comma:
            return match.group(0)
        table = [[number.replace(",", ".").replace("−", "-") for number in row.split()]
                 for row in content.split(";")]
        if any(not row for row in table) or len({len(row) for row in table}) != 1:
            return match.group(0)
        if len(table) == 1:
            return "[" + ", ".join(table[0]) + "]"
        return "[" + ", ".join("[" + ", ".join(row) + "]" for row in table) + "]"
    return _SPACED.sub(rows, body)


def glued_calls(body: str, decimal_comma: bool = False) -> str:
    """``ln10`` and ``ln 10`` as ``ln(10)``: a function of a number typed without its brackets (``ln 0,9``
    with a decimal comma where the reader takes one)."""
    return (_GLUED_COMMA if decimal_comma else _GLUED).sub(r"\1(\2)", body)


def line_rows(body: str, decimal_comma: bool) -> str:
    """A matrix of numbers typed one row a line (numbers apart by spaces, commas or semicolons, each row
    bracketed or not, every row as long) as the list of its rows, [[1, 3, 5], [2, 4, 6]]; any other text as
    it is. With a decimal comma, a comma between numbers parts them only when a space follows it."""
    lines = [line.strip() for line in body.strip().splitlines() if line.strip()]
    if len(lines) < 2:
        return body
    number = _NUMBER if decimal_comma else r"[-+−]?\d+(?:\.\d+)?"
    apart = r"\s*;\s*|,\s+|\s+" if decimal_comma else r"\s*[,;]\s*|\s+"
    rows = []
    for line in lines:
        inner = line[1:-1].strip() if line[:1] + line[-1:] in ("[]", "()") else line
        cells = [cell for cell in re.split(apart, inner) if cell]
        if not cells or not all(re.fullmatch(number, cell) for cell in cells):
            return body
        rows.append(", ".join(cell.replace(",", ".").replace("−", "-") for cell in cells))
    if len({row.count(",") for row in rows}) != 1:
        return body
    return "[" + ", ".join(f"[{row}]" for row in rows) + "]"


def labelled_parts(body: str) -> str:
    """Labelled parts and conditions apart by a comma, where a decimal comma is also used: the comma before
    ``name =`` or ``name <`` becomes the semicolon Russian puts between numbers."""
    return _LABEL_AFTER_COMMA.sub("; ", body) if re.search(r"\d,\d", body) else body


# a part "name: value" of a list: a name that starts with a letter (words, brackets, a hyphen), then a colon
_COLON_LABEL = re.compile(r"((?:^|;|\n)\s*)([^\W\d][\w\s().\-]*?)\s*:\s*(≈\s*)?(?=\S)")


# a part "name: θ = value" (or ≈): a name, a colon, then the one variable the values are of (θ, w, \theta, (x, y))
_GROUP_VARIABLE = re.compile(r"((?:^|;|\n)\s*)([^\W\d][\w\s().\-]*?)\s*:\s*(\\?[^\W\d][\w{}′']*|\([^()]*\))\s*([=≈])\s*")


# a group's name and its values in brackets, no colon: the name ends where the last bracket of the part opens
_NAMED_TUPLE = re.compile(r"\s*([^\W\d][^;]*?)\s*(\([^()]*\))\s*")


def colon_labels(body: str, groups: dict) -> str:
    """Parts labelled with a colon, as in a report (Momentum: (0.9, 0); Nesterov: (0.9, 0)), as labelled with =,
    where two parts at least are (a label of one part alone is a remark: Answer: 3); a name among ``groups`` (the
    keys of a problem's names of groups of parts, ``answers.labels.group_keys``) as the one it stands for, and
    parts that are such a name and a bracketed point each, without a colon, too."""
    from .labels import label_key
    if re.search(r"[=<>:]", body) is None and groups:           # Momentum (0.9, 0); Adam (slide) (0.68, 0.68)
        parts = [_NAMED_TUPLE.fullmatch(part) for part in body.split(";")]
        if len(parts) > 1 and all(m and label_key(m[1]) in groups for m in parts):
            return "; ".join(f"{groups[label_key(m[1])]} = {m[2]}" for m in parts)
    if groups:                  # Momentum: θ = (0.9, 0): the group's name labels the point; θ only names what it is
        parts = _GROUP_VARIABLE.findall(body)
        if any(label_key(part[1]) in groups for part in parts):          # a name not among them is kept, to be told
            body = _GROUP_VARIABLE.sub(lambda m: f"{m[1]}{groups.get(label_key(m[2]), m[2])} {m[4]} ", body)
    if len(_COLON_LABEL.findall(body)) < 2 or re.search(r"[=<>]", body):
        return body
    return _COLON_LABEL.sub(lambda m: f"{m[1]}{groups.get(label_key(m[2]), m[2])} {'≈' if m[3] else '='} ", body)
