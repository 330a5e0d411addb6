r"""How an answer is laid out: one formula, a vector (in brackets, angle brackets, a pmatrix, a
transposed row, or commas alone where a vector is expected), a set, or a matrix of rows and
columns (whose shape is kept), minding decimal commas and brackets.

>>> components("(60; -162; 1)", 3, True)
(['60', ' -162', ' 1'], True, False)
>>> matrix_shape(r"\begin{pmatrix}1 & 2\\ 3 & 4\end{pmatrix}")
(2, 2)
"""

from __future__ import annotations

import re

from ..calculus.parse import ParseError

NUMBER_CELL = r"[+-]?\d+\.?\d*(?:[eE][+-]?\d+)?"
NUMPY_ROWS = re.compile(rf"\[\s*(?:\[\s*{NUMBER_CELL}(?:\s+{NUMBER_CELL})*\s*\]\s*)+\]")


def matrix_shape(body: str):
    """(rows, columns) when the answer is written as a matrix of several rows and columns, else None."""
    shape = _rows_shape(body)
    return shape if shape and min(shape) > 1 else None


def written_axes(body: str):
    """The shape an answer is written in, as NumPy counts axes: (2, 1) for [[6], [15]] or a one-column
    pmatrix, (2,) for [6, 15], (6, 15) or [29 67]; None for anything else (a number)."""
    shape = _rows_shape(body)
    if shape:
        return shape
    text = body.strip()
    matlab = re.fullmatch(r"\[([^\[\];]+(?:;[^\[\];]+)+)\]", text)        # [1 3 5; 2 4 6]: MATLAB's rows
    if matlab:
        rows = [row.split() for row in matlab[1].split(";")]
        if len({len(row) for row in rows}) == 1 and len(rows[0]) > 1 and not any("," in row for row in matlab[1].split(";")):
            return len(rows), len(rows[0])
    if _is_bracketed_list(text):
        inner = text[1:-1].strip()
        # (1,6; 3,2): with semicolons a comma is a decimal comma
        parts = top_level_split(inner, ";" if ";" in inner else ",") if re.search(r"[,;]", inner) else inner.split()
        return (len(parts),) if parts and not any(_is_bracketed_list(p.strip()) for p in parts) else None
    return None


def _rows_shape(body: str):
    """(rows, columns) of an answer written as rows: a matrix environment, NumPy's rows or a list of lists."""
    text = re.sub(r"\\left\s*[(\[]|\\right\s*[)\]]", lambda m: m[0][-1], body.strip())
    text = re.sub(r"^[\[(]\s*(\\begin\{([pbB]?matrix)\}.*\\end\{\2\})\s*[\])]$", r"\1", text, flags=re.S)
    matrix = re.fullmatch(r"\\begin\{([pbB]?matrix)\}(.*)\\end\{\1\}", text, flags=re.S)
    if matrix:
        rows = [row.split("&") for row in matrix[2].split(r"\\") if row.strip()]
    elif NUMPY_ROWS.fullmatch(text):
        rows = [row.split() for row in re.findall(r"\[([^\[\]]*)\]", text)]
    elif text[:1] in "([" and closes_at_end(text) and \
            all(_is_bracketed_list(row.strip()) for row in top_level_split(text[1:-1], ",;")):
        rows = [_cells(row.strip()[1:-1]) for row in top_level_split(text[1:-1], ",;")]
    else:
        return None
    return (len(rows), max(len(row) for row in rows)) if rows else None


def components(body: str, expected_length, decimal_comma):
    """(parts, is_vector, is_set): brackets, pmatrix, a set, angle brackets, a transposed
    vector, or commas alone where a vector is expected; a 1×1 matrix is its entry."""
    text = re.sub(r"\\left\s*([(\[|.]|\\\{|\\langle)|\\right\s*([)\]|.]|\\\}|\\rangle)",
                  lambda m: (m[1] or m[2]).replace(".", ""), body.strip())
    text = re.sub(r"\\(langle|rangle)", lambda m: "(" if m[1] == "langle" else ")", text)
    if expected_length is not None:
        text = re.sub(r"(\)|\]|\\end\{[pbBv]?matrix\})\s*\^\s*(\{\s*(T|\\top)\s*\}|\(\s*T\s*\)|T|\\top)\s*$", r"\1", text)   # ^(T): ᵀ
    text = re.sub(r"^[\[(]\s*(\\begin\{([pbB]?matrix)\}.*\\end\{\2\})\s*[\])]$", r"\1", text, flags=re.S)   # [matrix]
    if NUMPY_ROWS.fullmatch(text):                                          # [[1 2]\n [3 4]]: as NumPy prints it
        cells = [cell for row in re.findall(r"\[([^\[\]]*)\]", text) for cell in row.split()]
        return cells, len(cells) != 1 or expected_length is not None, False
    row = re.fullmatch(r"\[\s*([+-]?\d+\.?\d*(?:[eE][+-]?\d+)?(?:\s+[+-]?\d+\.?\d*(?:[eE][+-]?\d+)?)+)\s*\]", text)
    if row:
        return row[1].split(), True, False                                  # [60. -162. 1.]: as NumPy prints it
    matrix = re.fullmatch(r"\\begin\{([pbB]?matrix)\}(.*)\\end\{\1\}", text, flags=re.S)
    if re.search(r"\\begin\{vmatrix\}", text):
        raise ParseError("vmatrix")
    if matrix:
        cells = [c for row in matrix[2].split(r"\\") for c in row.split("&") if c.strip()]
        return cells, len(cells) != 1 or expected_length is not None, False
    if text.startswith(r"\{") and text.endswith(r"\}"):
        return _split(text[2:-2], expected_length, decimal_comma), True, True
    if text.startswith("<") and text.endswith(">"):
        text = "(" + text[1:-1] + ")"
    if text[:1] == "[" and re.search(r"[<>]|\\[lg]e|\\[lg]eq", text):
        return [text], False, False                                         # [x > 0]: Iverson's bracket
    if text[:1] in "([" and closes_at_end(text):
        inner = text[1:-1]
        rows = top_level_split(inner, ",;")
        if all(_is_bracketed_list(row.strip()) for row in rows):          # [[1, 2], [3, 4]]: row by row
            cells = [c for row in rows for c in _cells(row.strip()[1:-1])]
            return cells, len(cells) != 1 or expected_length is not None, False
        parts = _split(inner, expected_length, decimal_comma)
        if len(parts) == 2 and not parts[1].strip():
            return parts[:1], expected_length is not None, False           # (σ(9),): a vector of one, as Python prints it
        if len(parts) > 1 or (expected_length is not None and text[0] == "["):
            return parts, True, False
        if text[0] == "[":
            return parts, False, False                                      # [5]: a 1×1 matrix is its entry
    parts = _split(text, expected_length, decimal_comma)
    if expected_length and len(parts) < expected_length and any(_is_bracketed_list(p.strip()) for p in parts):
        flat = [q for p in parts for q in (top_level_split(p.strip()[1:-1], ";" if ";" in p else ",")
                                           if _is_bracketed_list(p.strip()) else [p])]
        if len(flat) == expected_length:
            return flat, True, False                        # f = −12, (−4, −4, 3): the value, then the gradient
    return parts, len(parts) > 1, False


def _cells(row: str) -> list[str]:
    """The cells of a matrix's row written as a list: apart by semicolons where it has any (then a comma is a
    decimal comma: [0,5; -1,732]), else by commas."""
    return top_level_split(row, ";" if re.search(r"(?<!\\);", row) else ",")


def _split(body, expected_length, decimal_comma):
    """The components of a vector written without brackets, minding decimal commas."""
    if re.search(r"(?<!\\);", body) and len(top_level_split(body, ";")) > 1:
        return top_level_split(body, ";")         # (0,9; 0), (0,9; 0): the semicolons inside the pairs, commas part them
    parts = top_level_split(body, ",")
    if len(parts) == 1 or not decimal_comma:
        return parts
    digits_around = all(a[-1:].isdigit() and b[:1].isdigit() for a, b in zip(parts, parts[1:]))
    if expected_length is None and digits_around and (len(parts) == 2 or re.search(r"[-+*/^·]", body)):
        return [body]                                       # 0,5x and 0,9·0,5 + 0,1·2: decimal commas
    if digits_around and re.search(r"\([^()]*;[^()]*\)", body) and re.search(r"[-+*/·]", body):
        return _glued_decimals(parts)                       # (1; 2) − 0,5·(1; 2): the vectors say «;», so 0,5 is one number
    if (expected_length and len(parts) == 2 * expected_length
            and all(re.fullmatch(r"\s*[+-]?\d+", a) and re.fullmatch(r"\d+\s*", b)
                    for a, b in zip(parts[::2], parts[1::2]))):
        return [f"{a},{b}" for a, b in zip(parts[::2], parts[1::2])]       # (0,5, 1,2)
    if expected_length and len(parts) > expected_length:
        glued = _glued_decimals(parts)
        if len(glued) == expected_length:
            return glued                                    # (0,5, 1): the comma with no space is decimal
        if len(glued) == 1 and digits_around and re.search(r"[-+*/^·]", body):
            return glued                                    # y = 3,5x + 3,5: one formula, its commas decimal
    return parts


def _glued_decimals(parts):
    """The parts with a comma between digits and no space after it joined again: 0,5 is one number."""
    glued = [parts[0]]
    for part in parts[1:]:
        if glued[-1][-1:].isdigit() and part[:1].isdigit():
            glued[-1] += "," + part
        else:
            glued.append(part)
    return glued


def bracketed_pair(text: str):
    r"""(0, 2), [0; 2), ]0, 2[, (0,5; 1,5], (0.5, ∞) or (0, 2/7): the opening bracket, the two ends and the closing
    one, when the text is two ends in brackets (a number, ∞ typed oo or inf too, or any other formula of the
    two, which the caller reads), an interval where a condition is asked for; else None.

    >>> bracketed_pair(r"]0; \frac{2}{7}[")
    (']', '0', '\\frac{2}{7}', '[')
    >>> bracketed_pair("(0,5; oo]"), bracketed_pair("(0, 1) + (2, 3)")
    (('(', '0,5', '∞', ']'), None)
    """
    match = re.fullmatch(r"\s*([(\[\]])(.*)([)\]\[])\s*", text, re.S)
    if not match or not closes_at_end(f"({match[2]})"):      # ]0, 1[ is open at both ends, as French and ISO write it
        return None
    ends = [re.sub(r"^([-+]?)\s*(?:oo|inf|\\infty|∞)$", r"\1∞", end.strip()) for end in _split(match[2], 2, True)]
    if len(ends) != 2 or not all(ends):
        return None
    return match[1], ends[0].removeprefix("+"), ends[1].removeprefix("+"), match[3]


def _is_bracketed_list(text) -> bool:
    return text[:1] in "([" and closes_at_end(text)


def closes_at_end(text) -> bool:
    """True when the bracket that opens text closes at its last character."""
    depth = 0
    for i, char in enumerate(text):
        depth += char in "([{"
        depth -= char in ")]}"
        if depth == 0:
            return i == len(text) - 1
    return False


def top_level_split(text, separators):
    """Split at separators outside brackets, braces and environments."""
    parts, depth, start = [], 0, 0
    for i, char in enumerate(text):
        depth += char in "([{" or text.startswith("\\begin{", i)
        depth -= char in ")]}" or text.startswith("\\end{", i)
        if depth == 0 and char in separators and not (char == "," and text[i - 1:i] == "\\"):
            parts.append(text[start:i])
            start = i + 1
    return parts + [text[start:]]
