r"""An answer typed as plain text, written as LaTeX the way the student wrote it: the preview shows
the student's own notation (0,0215 stays 0,0215, not 43/2000; tg x stays tg), while the reader's
notes say where something was read in a way that is not obvious.

Nothing here reads the answer's meaning: it only lays out the characters typed (a number, a
name, a power, an index, a bracket), so it cannot disagree with the reader about the value.

>>> as_typed("0,0215")
'0{,}0215'
>>> as_typed("x1^2 + sqrt(w_1)*tg(x)/2")
'x_{1}^{2} + \\sqrt{w_{1}} \\cdot \\operatorname{tg}(x)/2'
>>> as_typed("sigma(alpha x)^(n-1)")
'\\sigma (\\alpha x)^{n-1}'
>>> as_typed("[[12,12,17]]", decimal_comma=False)
'[[12,12,17]]'
>>> as_typed("12 12 17")
'12\\ 12\\ 17'
"""

from __future__ import annotations

import re

TOKEN = re.compile(r"\s+|\d+(?:[.,]\d+)?|[A-Za-zА-Яа-яЁё]+\d*|.", re.S)
NO_COMMA_TOKEN = re.compile(r"\s+|\d+(?:\.\d+)?|[A-Za-zА-Яа-яЁё]+\d*|.", re.S)
GREEK = {"alpha", "beta", "gamma", "delta", "epsilon", "varepsilon", "zeta", "eta", "theta", "iota", "kappa",
         "lambda", "lamda", "mu", "nu", "xi", "pi", "rho", "sigma", "tau", "phi", "varphi", "chi", "psi", "omega",
         "Gamma", "Delta", "Theta", "Lambda", "Sigma", "Phi", "Psi", "Omega"}
FUNCTIONS = {"sin", "cos", "tan", "cot", "exp", "ln", "log", "lg", "sinh", "cosh", "tanh", "coth", "arcsin",
             "arccos", "arctan", "max", "min"}
OPERATORS = {"tg", "ctg", "th", "cth", "sh", "ch", "arctg", "arcctg", "abs", "sign", "relu", "softmax", "sgn"}
ESCAPED = {"\\": r"\backslash ", "{": r"\{", "}": r"\}", "#": r"\#", "%": r"\%", "&": r"\&", "$": r"\$",
           "~": r"\sim ", "*": r" \cdot ", "·": r" \cdot ", "<": "<", ">": ">"}
CLOSING = {"(": ")", "[": "]"}


def as_typed(text: str, decimal_comma: bool = True) -> str:
    """``text`` (plain text, at most a few thousand characters) as LaTeX, laid out as typed;
    ``decimal_comma``: a comma between digits is a decimal comma (else it separates numbers, as the
    reader found in a vector written with commas)."""
    tokens = TOKEN.findall(text.strip()) if decimal_comma else NO_COMMA_TOKEN.findall(text.strip())
    out, _ = _run(tokens, 0, None)
    return re.sub(r"\s{2,}", " ", out).strip()


def _run(tokens: list[str], k: int, closing: str | None) -> tuple[str, int]:
    """LaTeX of ``tokens[k:]`` up to ``closing`` (included), and where it stopped."""
    out = []
    while k < len(tokens):
        token = tokens[k]
        if token == closing:
            return "".join(out) + token, k + 1
        if token in ("^", "_"):
            operand, k = _operand(tokens, k + 1)
            out.append(f"{token}{{{operand}}}")
            continue
        if token in CLOSING:
            inner, k = _run(tokens, k + 1, CLOSING[token])
            out.append(token + inner)
            continue
        if token.isspace():
            between_numbers = out and out[-1][-1:].isdigit() and k + 1 < len(tokens) and tokens[k + 1][:1].isdigit()
            out.append(r"\ " if between_numbers else " ")
            k += 1
            continue
        if token == "sqrt" and k + 1 < len(tokens) and tokens[k + 1] == "(":
            inner, k = _run(tokens, k + 2, ")")
            out.append(r"\sqrt{" + inner[:-1] + "}")
            continue
        out.append(_atom(token))
        k += 1
    return "".join(out), k


def _operand(tokens: list[str], k: int) -> tuple[str, int]:
    """The operand of a power or an index: a bracket's inside, or one number or name."""
    while k < len(tokens) and tokens[k].isspace():
        k += 1
    if k >= len(tokens):
        return "", k
    if tokens[k] == "(":
        inner, k = _run(tokens, k + 1, ")")
        return inner[:-1] if inner.endswith(")") else inner, k
    return _atom(tokens[k]), k + 1


def _atom(token: str) -> str:
    if token[:1].isdigit():
        return token.replace(",", "{,}")
    if token[:1].isalpha():
        name, digits = re.fullmatch(r"(\D+)(\d*)", token).groups()
        written = _name(name)
        return f"{written}_{{{digits}}}" if digits else written
    return ESCAPED.get(token, token)


def _name(name: str) -> str:
    if name in GREEK:
        return "\\" + ("lambda" if name == "lamda" else name) + " "
    if name in FUNCTIONS:
        return "\\" + name + " "
    if name in OPERATORS or (len(name) > 1 and name.isascii()):
        return r"\operatorname{" + name + "}"
    return name
