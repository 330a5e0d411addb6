r"""Derivatives the answer may name: when the expected answer itself holds the derivative of a
function the problem leaves unknown (∂L/∂w₁ of a loss L in ∇(L + λ‖w‖²)), writing that
derivative is part of the answer, not a restatement of the question. Each such derivative is
found in the answer in any notation (``\frac{\partial L}{\partial w_1}``, ``∂L/∂w1``,
``dL/dw_1``, ``\partial_{w_1} L``, ``L'_{w_1}``) and read as a name that stands for it; the
expected answer is written with the same names, so the two are compared as formulas in them.

>>> import sympy as sp
>>> w1 = sp.Symbol("w1", real=True)
>>> named = unknown_derivatives(sp.Derivative(sp.Function("L")(w1), w1) + w1)
>>> spelled(r"\frac{\partial L}{\partial w_1} + 2w_1", named)
'(dLdw1) + 2w_1'
"""

from __future__ import annotations

import re

import sympy as sp

SUBSCRIPT_DIGITS = str.maketrans("₀₁₂₃₄₅₆₇₈₉", "0123456789")


def unknown_derivatives(reference) -> dict:
    """{name standing for it: the Derivative} for every first derivative of an unknown function."""
    values = reference if isinstance(reference, tuple) else (reference,)
    found = {}
    for value in values:
        for derivative in value.atoms(sp.Derivative):
            function, variables = derivative.expr, derivative.variables
            if isinstance(function, sp.core.function.AppliedUndef) and len(variables) == 1:
                found[f"d{function.func.__name__}d{variables[0].name.replace('_', '')}"] = derivative
    return found


def _variable(name: str) -> str:
    """A pattern for the variable as people write it: w1, w_1, w_{1}."""
    match = re.fullmatch(r"([A-Za-z]+)_?(\d+)", name)
    if not match:
        return re.escape(name)
    return rf"{match[1]}\s*_?\s*\{{?\s*{match[2]}\s*\}}?"


def spelled(text: str, named: dict) -> str:
    """The text with each named derivative written as its name."""
    text = re.sub("[₀-₉]+", lambda m: "_" + m[0].translate(SUBSCRIPT_DIGITS), text)      # ∂L/∂w₁ is ∂L/∂w_1
    for name, derivative in named.items():
        f, v = re.escape(derivative.expr.func.__name__), _variable(derivative.variables[0].name)
        d = r"(?:\\partial|∂|d)"
        opening, closing = r"(?:\\left\s*\(|\()", r"(?:\\right\s*\)|\))"
        call = rf"(?:\{{\s*{opening}[^()]*{closing}\s*\}}|\([^()]*\))?"             # L, L(w), L{\left(w\right)}, L{(w)}
        patterns = (rf"\\[dt]?frac\s*\{{\s*{d}\s*\}}\s*\{{\s*{d}\s*{v}\s*\}}\s*(?:{opening}\s*{f}\s*{call}\s*{closing}|{f}\s*{call})",
                    rf"\\[dt]?frac\s*\{{\s*{d}\s*{f}\s*\}}\s*\{{\s*{d}\s*{v}\s*\}}",    # \frac{\partial L}{\partial w_1}
                    rf"{d}\s*{f}\s*/\s*{d}\s*{v}(?![\w{{])",                         # ∂L/∂w1, dL/dw_1
                    rf"{d}\s*_\s*\{{?\s*{v}\s*\}}?\s*{f}(?!\w)",                       # \partial_{w_1} L
                    rf"{f}\s*'\s*_\s*\{{?\s*{v}\s*\}}?")                               # L'_{w_1}
        for pattern in patterns:
            text = re.sub(pattern, f"({name})", text)
    return text
