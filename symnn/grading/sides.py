r"""Reading one side of a derivation's line: each derivative notation in it becomes its value,
the rest goes to the answer reader.

The notations: ``d/dx(E)`` and ``\frac{\partial}{\partial w}\left(E\right)`` (the derivative of
E, taken by SymPy), ``dA/dB`` and ``u'`` (of a name: ``grading.named_derivatives``), ``σ'(u)``
(σ(u)(1 − σ(u))), ``∇F`` and ``∇F(2, 1/3, 0)`` (the gradient of the problem's function, there),
and ``(x^2)'``. Each value stands in the text as a placeholder name until the side is read.
"""

from __future__ import annotations

import re

import sympy as sp

from ..answers.read import read_answer
from ..calculus.functions import sigmoid
from .named_derivatives import Claim, NamedDerivatives
from .question import DerivationError, Question, canonical, named_symbol

_NAME = r"[A-Za-z][A-Za-z0-9_]*"
_OPERATOR = re.compile(r"\(\(\s*(d|∂)\s*\)\s*/\s*\(\s*(d|∂)\s*([A-Za-z][\w]*)\s*\)\)|(?<![\w])(d|∂)\s*/\s*(d|∂)\s*([A-Za-z]\w*)")
_NAMED = re.compile(rf"\(\(\s*(d|∂)\s*({_NAME})\s*\)\s*/\s*\(\s*(d|∂)\s*({_NAME})\s*\)\)"
                    rf"|(?<![\w])(d|∂)\s*({_NAME})\s*/\s*(d|∂)\s*({_NAME})")
_PRIME = re.compile(rf"(?<![\w])({_NAME})\s*'(\s*\(\s*[A-Za-z]\w*\s*\))?")
_SIGMA_PRIME = re.compile(r"\b(?:sigma|sigmoid|σ)\s*'\s*\(")
_BRACKET_PRIME = re.compile(r"\)\s*'")
_NABLA = re.compile(r"(?:∇|\bnabla\b|\bgrad\b)\s*([A-Za-z])\b")
# d followed by a name that is a word of its own, not the d of a derivative: delta, det, dot
_D_WORDS = {"delta", "det", "dot", "diag", "dim"}


def _balanced(text: str, start: int) -> int:
    """The index after the bracket group that opens at ``text[start]``."""
    depth = 0
    for i in range(start, len(text)):
        depth += {"(": 1, ")": -1}.get(text[i], 0)
        if depth == 0:
            return i + 1
    raise DerivationError("bracket")


def _opening(text: str, end: int) -> int:
    """The index of the ( that the ) at ``text[end]`` closes."""
    depth = 0
    for i in range(end, -1, -1):
        depth += {")": 1, "(": -1}.get(text[i], 0)
        if depth == 0:
            return i
    raise DerivationError("bracket")


class Reader(NamedDerivatives):
    """Reads one side: derivative notations become values, the rest goes to the answer reader."""

    def __init__(self, question: Question):
        super().__init__(question)
        self.values: dict[str, object] = {}
        self.derivatives = 0                 # derivative notations read (σ' aside): a side with one restates
        self._raw = False

    def _placeholder(self, value) -> str:
        name = "Dplace" + "".join(chr(97 + int(d)) for d in str(len(self.values)))
        self.values[name] = value
        return f" {name} "

    def text(self, side: str) -> str:
        """``side`` with every derivative notation replaced by a placeholder for its value."""
        side = side.strip()
        while (m := _SIGMA_PRIME.search(side)) is not None:          # σ'(u) = σ(u)(1 − σ(u))
            end = _balanced(side, m.end() - 1)
            u = self.value(side[m.end() - 1:end])
            self.claims.append(Claim(None, None, "sigma"))
            side = side[:m.start()] + self._placeholder(sigmoid(u) * (1 - sigmoid(u))) + side[end:]
        for m in reversed([m for m in _NAMED.finditer(side) if self._is_named(m)]):
            groups = [g for g in m.groups() if g is not None]
            self.derivatives += 1
            side = side[:m.start()] + self._placeholder(self._named(groups[1], groups[3])) + side[m.end():]
        while (m := _NABLA.search(side)) is not None:
            self.derivatives += 1
            self.claims.append(Claim(None, None, "asked"))
            side = self._gradient(side, m)
        while (m := _OPERATOR.search(side)) is not None:
            var = m.group(3) or m.group(6)
            rest = side[m.end():].lstrip()
            offset = len(side) - len(rest)
            end = _balanced(side, offset) if rest.startswith("(") else len(side)
            operand = self.value(side[offset:end])
            if isinstance(operand, tuple):
                raise DerivationError("vector derivative")
            variable = named_symbol(var, operand)
            self.derivatives += 1
            self.claims.append(Claim(operand, variable, "asked"))
            side = side[:m.start()] + self._placeholder(sp.diff(operand, variable)) + side[end:]
        while (m := _PRIME.search(side)) is not None:
            self.derivatives += 1
            name, start = m.group(1), m.start()
            juxtaposed = self._primed_part(name)               # uv' is u·v' when v is defined
            start += len(name) - len(juxtaposed)
            side = side[:start] + " " + self._placeholder(self._prime(juxtaposed)) + side[m.end():]
        while (m := _BRACKET_PRIME.search(side)) is not None:           # (x^2)' sin x
            start = _opening(side, m.start())
            operand = self.value(side[start:m.start() + 1])
            self.derivatives += 1
            side = side[:start] + self._placeholder(self._derivative(operand)) + side[m.end():]
        return side

    def _is_named(self, m) -> bool:
        """dA/dB is a derivative unless dA is a word or a name of its own (delta, a variable dz)."""
        groups = [g for g in m.groups() if g is not None]
        word = "d" + groups[1]
        return groups[0] == "∂" or not (word.lower() in _D_WORDS or canonical(word) in self.known())

    def _gradient(self, side: str, m) -> str:
        q = self.question
        if q.function is None or not q.variables:
            raise DerivationError("gradient")
        gradient = tuple(sp.diff(q.function, named_symbol(str(v), q.function)) for v in q.variables)
        rest = side[m.end():]
        if rest.lstrip().startswith("("):
            start = m.end() + len(rest) - len(rest.lstrip())
            end = _balanced(side, start)
            at = self.value(side[start:end])
            at = at if isinstance(at, tuple) else (at,)
            if len(at) != len(q.variables):
                raise DerivationError("gradient point", count=len(q.variables))
            point = {named_symbol(str(v), q.function): c for v, c in zip(q.variables, at)}
            return side[:m.start()] + self._vector(tuple(g.subs(point) for g in gradient)) + side[end:]
        return side[:m.start()] + self._vector(gradient) + side[m.end():]

    def _vector(self, values: tuple) -> str:
        return "(" + ", ".join(self._placeholder(v) for v in values) + ")"

    def value(self, side: str, raw: bool | None = None):
        """The value of ``side``: an expression, or a tuple for a vector; ``raw``: with the
        definitions left as names (what a definition is, in the names of the others)."""
        previous, self._raw = self._raw, self._raw if raw is None else raw
        try:
            text = self.text(side)
            answer = read_answer(text, known=self.known())
            if answer.restates:
                raise DerivationError("derivative", text=repr(side.strip()[:60]))
            names = {sp.Symbol(n) for n in self.values} | {sp.Symbol(n, real=True) for n in self.values}
            swap = {s: self.values[s.name] for s in names}
            return self.defined(answer.value, swap, expand=not self._raw)
        finally:
            self._raw = previous

