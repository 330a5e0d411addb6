"""Reading LaTeX answers with latex2sympy2, under the course's conventions.

Each convention is a small named text rewrite applied before parsing (the
table ``CONVENTIONS``), each can be switched off through the options.
latex2sympy2 has no sigmoid or ReLU, and reads ``\\sigma(2x)(1 - \\sigma(2x))``
as a product of symbols; such names are carried through the parser by
functions the course never uses (``\\arcosh``, ``\\arsinh``) and put back after.

>>> read_latex(r"\\sigma(x)\\left(1 - \\sigma(x)\\right)")
(1 - sigmoid(x))*sigmoid(x)
>>> read_latex(r"\\log x + \\lg x")         # log is natural, lg is base 10 (unevaluated)
log(x, 10) + log(x, E)
>>> read_latex(r"\\operatorname{th} x + \\operatorname{tg} x")
tan(x) + tanh(x)
"""

from __future__ import annotations

import re

import sympy as sp

from ..calculus.functions import sigmoid
from ..calculus.parse import ParseError

# Russian names (and spellings latex2sympy2 lacks) -> commands it knows
RUSSIAN = {"th": r"\tanh", "tg": r"\tan", "ctg": r"\cot", "arctg": r"\arctan",
           "arcctg": r"\arccot", "sh": r"\sinh", "ch": r"\cosh", "acot": r"\arccot",
           "arccot": r"\arccot", "tanh": r"\tanh", "ln": r"\ln", "exp": r"\exp"}
# names without a latex2sympy2 function, carried by functions the course never uses
CARRIERS = {"sigmoid": ("arcosh", sp.acosh, sigmoid), "relu": ("arsinh", sp.asinh, lambda u: sp.Max(0, u))}
NAME_COMMAND = r"\\(?:operatorname|mathrm|text|textrm|mathit)\s*\{\s*([A-Za-z]+)\s*\}"


def _russian_names(text):
    """\\operatorname{th} x, \\mathrm{tg}, \\th -> \\tanh x, \\tan, \\tanh"""
    text = re.sub(NAME_COMMAND, lambda m: RUSSIAN.get(m[1], m[0]), text)
    return re.sub(r"\\(arcctg|arctg|ctg|tg|th|sh|ch)(?![A-Za-z])", lambda m: RUSSIAN[m[1]], text)


def _natural_log(text):
    """\\log x (no base) is ln x, the ML convention; \\lg x is log base 10."""
    text = re.sub(r"\\log(?!\s*_)(?![A-Za-z])", r"\\ln", text)
    return re.sub(r"\\lg(?![A-Za-z])", r"\\log_{10}", text)


def _euler_number(text):
    """\\mathrm{e} and \\operatorname{e} are Euler's number e."""
    return re.sub(r"\\(?:mathrm|operatorname|text)\s*\{\s*e\s*\}", "e", text)


def _layer_index(text):
    """a^{(1)} is the activation of layer 1, not a to the power 1: a_{(1)}."""
    return re.sub(r"\^\s*\{\s*\((\w+)\)\s*\}", r"_{(\1)}", text)


def _named_functions(text):
    """\\sigma(x), \\operatorname{sigmoid}(x), \\mathrm{ReLU}(x) -> carrier functions."""
    text = re.sub(r"\\sigma\s*(?=\(|\\left\s*\(|\^)", r"\\operatorname{sigmoid}", text)
    text = re.sub(r"\\sigma\s*\\?'", r"\\operatorname{sigmoid}'", text)

    def carry(match):
        name = match[1].lower()
        if name in ("sigmoid", "sigma"):
            return "\\" + CARRIERS["sigmoid"][0]
        if name == "relu":
            return "\\" + CARRIERS["relu"][0]
        return match[0]
    return re.sub(NAME_COMMAND, carry, text)


# (name, rewrite, option that switches it off or None)
CONVENTIONS = (
    ("euler number", _euler_number, None),
    ("russian names", _russian_names, "russian_notation"),
    ("natural log", _natural_log, "natural_log"),
    ("layer index", _layer_index, None),
    ("named functions", _named_functions, None),
)


def read_latex(text: str, *, natural_log: bool = True, russian_notation: bool = True):
    """A SymPy object (unevaluated) for a LaTeX answer; raises ParseError."""
    from latex2sympy2_extended import latex2sympy
    from latex2sympy2_extended.latex2sympy2 import ConversionConfig

    options = {"natural_log": natural_log, "russian_notation": russian_notation}
    for carrier, _, _ in CARRIERS.values():
        if carrier in text:
            raise ParseError(f"\\{carrier} is not supported in answers")
    for _, rewrite, option in CONVENTIONS:
        if option is None or options[option]:
            text = rewrite(text)
    config = ConversionConfig(lowercase_symbols=False, interpret_as_mixed_fractions=False)
    try:
        expr = latex2sympy(text, conversion_config=config)
    except Exception as error:   # the parser raises bare Exceptions with a caret diagram
        message = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise ParseError(f"cannot read the LaTeX ({message}): {text.strip()[:80]!r}") from None
    if not isinstance(expr, sp.Basic):
        raise ParseError(f"not a formula: {text.strip()[:80]!r}")
    for _, carrier, meaning in CARRIERS.values():
        expr = expr.replace(carrier, meaning)
    return expr
