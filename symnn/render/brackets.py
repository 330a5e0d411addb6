"""``\\left( … \\right)`` as plain brackets where nothing inside is taller than a line of text."""

from __future__ import annotations

import re

_INNERMOST = re.compile(r"\\left\(((?:(?!\\left\(|\\right\)).)*)\\right\)")
_TALL = re.compile(r"\\(frac|dfrac|sum|prod|int|sqrt|begin|binom|left|substack)|\^\{[^}]*\\")


def plain_brackets(latex: str) -> str:
    """\\left( x \\right) as (x) where nothing inside is taller than a line: TeX sets σ(−3) and 2(y − o)
    without the gap \\left puts before its bracket, and fences stay the size of their text.

    >>> plain_brackets(r"\\sigma\\left(2 \\sigma\\left(-3\\right)\\right) + \\left(\\frac{1}{3}\\right)^{3}")
    '\\\\sigma(2 \\\\sigma(-3)) + \\\\left(\\\\frac{1}{3}\\\\right)^{3}'
    """
    kept = []

    def replace(match):
        inner = match[1]
        if _TALL.search(inner.replace("\x00", "")):
            kept.append(inner)
            return f"\x00{len(kept) - 1}\x01"
        return f"({inner.strip()})"

    while True:
        changed = _INNERMOST.sub(replace, latex)
        if changed == latex:
            break
        latex = changed
    while "\x00" in latex:
        latex = re.sub(r"\x00(\d+)\x01", lambda m: r"\left(" + kept[int(m[1])] + r"\right)", latex)
    return latex


def plain_matrix(rows, lang: str) -> str:
    """A matrix on one line of plain text that no reader can misread: rows apart by semicolons, a row of several
    entries as a tuple, [(1, -2); (3, 4)], so that a minus sign never reads as a subtraction; a column's rows
    are single entries, [-5; 2; 3], and a single row is a tuple, (1, -2). A row's entries are separated as
    ``lang.separator`` says: (0,5; -2) in Russian. The answer checker reads each form back.

    >>> plain_matrix([["1", "-2"], ["3", "4"]], "en"), plain_matrix([["0,5", "-2"]], "ru"), plain_matrix([["-5"], ["2"]], "en")
    ('[(1, -2); (3, 4)]', '(0,5; -2)', '[-5; 2]')
    """
    from ..lang import separator
    tuples = ["(" + separator(lang).join(row) + ")" if len(row) > 1 else row[0] for row in rows]
    return tuples[0] if len(rows) == 1 and len(rows[0]) > 1 else "[" + "; ".join(tuples) + "]"


def divided_once(printer, factors, text: str) -> str:
    """A product's text with each product it divides by in one pair of brackets: SymPy's str printer brackets
    a typed 1/(2n) twice, λ/((2n)); symnn writes λ/(2n).

    >>> import sympy as sp
    >>> from symnn.render.math import text_math
    >>> with sp.evaluate(False):
    ...     typed = sp.Symbol("a") * sp.Pow(sp.Mul(2, sp.Symbol("n")), -1)
    >>> text_math(typed, keep_order=True)
    'a/(2n)'
    """
    from sympy.printing.precedence import PRECEDENCE
    for factor in factors:
        if factor.is_Pow and factor.exp == -1 and factor.base.is_Mul:
            shown = printer.parenthesize(factor.base, PRECEDENCE["Mul"], strict=False)
            text = text.replace(f"/({shown})", f"/{shown}") if shown.startswith("(") else text
    return text


# the operator names TeX spaces from an ordinary atom after them: \ln, \tanh, \operatorname{th}
OPERATOR = r"\\(?:operatorname\{[^{}]+\}|(?:arc)?(?:sin|cos|tan|cot|sec|csc)h?|ln|log|lg|exp|max|min|arg|det)(?![A-Za-z])"
_APPLIED = re.compile(r"(%s(?:\^\{[^{}]*\})?) ?\{(\(|\\left\()" % OPERATOR)


def function_brackets(latex: str) -> str:
    r"""A function's bracketed argument right after its name, \ln(0.9), \tanh(\tanh x): SymPy's group
    \ln{(0.9)} makes the bracket an ordinary atom, and TeX puts a thin space between an operator and an
    ordinary atom, ln (0.9). A tall argument's \left( gets an empty opening atom before it, which TeX
    sets tight against the operator (\ln\mathopen{}\left(\frac{9}{10}\right)).

    >>> function_brackets(r"\ln{(10)} + \tanh{(\tanh{(x)})} + \ln^{2}{\left(\frac{9}{10} \right)} + \frac{(a)}{2}")
    '\\ln(10) + \\tanh(\\tanh(x)) + \\ln^{2}\\mathopen{}\\left(\\frac{9}{10} \\right) + \\frac{(a)}{2}'
    """
    while match := _APPLIED.search(latex):
        depth, end = 0, match.end(2) - len(match[2]) - 1          # the index of the group's opening brace
        for end in range(end, len(latex)):
            depth += {"{": 1, "}": -1}.get(latex[end], 0) if latex[end - 1] != "\\" else 0
            if depth == 0:
                break
        opening = r"\mathopen{}\left(" if match[2] != "(" else "("
        latex = latex[:match.start()] + match[1] + opening + latex[match.end():end] + latex[end + 1:]
    return latex
