"""Reading a derivation's lines, in order: what each formula says, by how it starts.

A formula is put in the text grammar (characters spelled out, LaTeX translated) and cut into the
sides of its chain at = and ≈. Definitions are read first, so that a line may use a name
defined after it ("where u = …"). Then a line ``name = …`` is the point, a claim about a known
quantity, a definition or a label (``grading.derivation`` says which is which); a line that starts
with a derivative begins a new claim; one that starts with = or a plain expression goes on with
the main chain (``grading.chain``). A line that cannot be read is reported, with why, and the
lines after it are still checked.
"""

from __future__ import annotations

import re
from dataclasses import replace

import sympy as sp

from ..answers.characters import latin_twins, plain
from ..answers.latex import latex_to_text
from ..calculus.parse import ParseError
from ..lang import phrase
from .chain import UNKNOWN, Chain, LineCheck, same
from .prose import MATH_WORDS
from .question import DerivationError, Question, canonical
from .sides import Reader

_SIGMA_ALONE = re.compile(r"\s*(?:sigma|sigmoid|σ)\s*'\s*\((?:[^()]|\([^()]*\))*\)\s*")
_LABEL = re.compile(r"\s*([A-Za-z][A-Za-z0-9_]*)\s*(\([^()]*\))?\s*")
_SHORT_NAME = re.compile(r"[A-Za-z](?:_?\d+|_[A-Za-z0-9]+)?")     # u, z_1, s1, y_pred: a name, not a word


def _normalised(line: str) -> str:
    """A line in the text grammar: characters spelled out, LaTeX translated."""
    text = plain(re.sub(r"\\nabla\b|∇", " nabla ", latin_twins(line)[0]))
    text = re.sub(r"\^\s*\{\s*\\prime\s*\}|\^\s*\\prime\b", "'", text)
    text = re.sub(r"\\(sigma|σ)\s*'", "sigma'", text)
    if re.search(r"\\.|[{}]", text):
        primes = text.count("'")
        text = latex_to_text(text.replace("'", "PRIMEMARK")).replace("PRIMEMARK", "'") if primes else latex_to_text(text)
    return text


def _sides(text: str) -> list[str]:
    """The sides of a chain: split at = and ≈ outside brackets (not inside <=, >=, != or ==)."""
    sides, depth, start = [], 0, 0
    for i, char in enumerate(text):
        depth += {"(": 1, ")": -1, "[": 1, "]": -1}.get(char, 0)
        if char == "≈" and depth == 0:
            sides.append(text[start:i])
            start = i + 1
        elif char == "=" and depth == 0 and text[i - 1:i] not in ("<", ">", "!", "=") and text[i + 1:i + 2] != "=":
            sides.append(text[start:i])
            start = i + 1
    sides.append(text[start:])
    return sides


def _mentions(formula: str) -> set:
    """The names a formula uses (w_1 as w1; dL and ∂L also as L), to tell a definition from a label;
    the name a line starts with (MSE = …) is not used by it."""
    try:
        text = _normalised(formula)
    except (ParseError, ValueError, TypeError):
        text = formula
    sides = _sides(text)
    if len(sides) > 1 and _LABEL.fullmatch(sides[0]) and not _LABEL.fullmatch(sides[0])[2]:
        text = "=".join(sides[1:])                  # MSE = …: a label names, it does not use
    names = set()
    for token in re.findall(r"[A-Za-z][A-Za-z0-9_]*", text):
        token = canonical(token)
        names.add(token)
        if token[:1] == "d" and len(token) > 1:
            names.add(token[1:])
        if token.lower() not in MATH_WORDS:
            for k in range(1, len(token)):          # ux: u and x written together
                names.update((token[:k], token[k:]))
    return names


def _reason(error: Exception, lang: str) -> str:
    """Why a line cannot be read, in the reader's language when the error can say it."""
    in_language = getattr(error, "in_language", None)
    if callable(in_language):
        try:
            return in_language(lang)
        except (KeyError, IndexError, ValueError):
            pass
    return str(error)


class Walk(Chain):
    """The walk through the lines: definitions first, then each formula, a step or a claim."""

    def __init__(self, question: Question, reader: Reader, lang: str):
        super().__init__(question, reader, lang)
        q = question
        self.variables = {canonical(str(v)) for v in q.variables} | {
            canonical(s.name) for s in getattr(q.function, "free_symbols", ())}
        self.answer_names = {canonical(n) for n in reader.known()} - self.variables - set(q.nodes) - set(q.values) \
            - set(q.aliases)
        self.unreadable: list[tuple[int, str]] = []
        self.defined_at: dict[str, int] = {}          # a defined name → the index of the formula defining it

    def check(self, parts) -> None:
        """Check the lines in order, up to the first that does not follow."""
        formulas = [p for p in parts if p.formula is not None]
        self.define_ahead(formulas)
        index = 0
        for piece in parts:
            if piece.formula is None:
                self.checks.append(LineCheck(piece.number, piece.text, True, (), "prose"))
                continue
            index += 1
            try:
                wrong = self.line(piece, index - 1)
            except (ParseError, DerivationError, ValueError, TypeError, ArithmeticError, NotImplementedError) as error:
                reason = _reason(error, self.lang)
                self.checks.append(LineCheck(piece.number, piece.text, False,
                                             (phrase(self.lang, "steps.unreadable", reason=reason),), "unreadable"))
                self.unreadable.append((piece.number, reason))
                self.current, self.restated, self.claim = UNKNOWN, False, None
                continue
            if wrong:
                break

    def define_ahead(self, formulas) -> None:
        """Read every definition first, so that a line may use a name defined after it ("where u = …").
        ``name = …`` defines when the name is not the problem's, and another formula (or the answer)
        uses it."""
        reader, q = self.reader, self.question
        mentions = [_mentions(p.formula) for p in formulas]
        for i, piece in enumerate(formulas):
            try:
                sides = _sides(_normalised(piece.formula))
            except (ParseError, DerivationError, ValueError, TypeError):
                continue
            label = len(sides) > 1 and sides[0].strip() and _LABEL.fullmatch(sides[0])
            if not label or label[2] is not None:
                continue
            key = canonical(label[1])
            resolved = reader.resolve(key)
            if key in self.variables or resolved in q.values or resolved in q.nodes or key in reader.definitions:
                continue
            elsewhere = set().union(*(m for j, m in enumerate(mentions) if j != i))
            if key not in self.answer_names and key not in elsewhere:
                continue
            try:
                raw = reader.value(sides[1], raw=True)
            except (ParseError, DerivationError, ValueError, TypeError, ArithmeticError, NotImplementedError):
                continue
            if isinstance(raw, sp.Basic) and any(reader.resolve(s.name) == key for s in raw.free_symbols):
                continue                                              # x = 6x, u = u + 1: not definitions
            reader.definitions[key] = raw
            self.defined_at[key] = i
        for i, piece in enumerate(formulas):                  # y = σ(u) of a known y, before dy/du is read
            try:
                sides = _sides(_normalised(piece.formula))
                label = len(sides) > 1 and sides[0].strip() and _LABEL.fullmatch(sides[0])
                if not label or label[2] is not None or reader.resolve(label[1]) not in q.nodes:
                    continue
                name = reader.resolve(label[1])
                if name in reader.definitions:
                    continue
                known = reader.expand(sp.Symbol(label[1], real=True))
                if all(same(known, reader.value(side), False, self.options) for side in sides[1:]):
                    self._written_as(name, sides[1:])
            except (ParseError, DerivationError, ValueError, TypeError, ArithmeticError, NotImplementedError):
                continue

    def line(self, piece, index: int) -> bool:
        """Check one formula; True when it does not follow."""
        q = self.question
        sides = _sides(_normalised(piece.formula))
        continuing = not sides[0].strip()          # "= ..." goes on from the last line
        sides = sides[1:] if continuing else sides
        if not sides or any(not side.strip() for side in sides):
            raise DerivationError("empty side")
        label = not continuing and len(sides) > 1 and _LABEL.fullmatch(sides[0])
        if label and label[2] is None:
            done = self.named(piece, label[1], sides[1:], index)
            if done is not None:
                return done
        if label:
            values, restated = self.read(sides[1:])
            if q.function is not None and not any(isinstance(v, tuple) for v in values) and all(
                    same(q.function, v, False, self.options) for v in values):
                self.checks.append(LineCheck(piece.number, piece.text, True, (), "given"))   # f(x) = the function
                return False
            if label[2] is None and _SHORT_NAME.fullmatch(label[1]) and not self._follows(values):
                self.reader.definitions[canonical(label[1])] = self.reader.value(sides[1], raw=True)
                self.checks.append(LineCheck(piece.number, piece.text, True, (), "definition"))   # u = x^3: a name
                return False
            return self.chain(piece, values, restated, continuing=True)
        seen = len(self.reader.claims)
        values, restated = self.read(sides[:1])
        claims = self.reader.claims[seen:]
        starts_claim = not continuing and any(c.kind != "sigma" for c in claims) or (
            not continuing and bool(_SIGMA_ALONE.fullmatch(sides[0])))
        more, more_restated = self.read(sides[1:])
        values, restated = values + more, restated + more_restated
        if starts_claim and not any(c.kind == "asked" for c in claims) and not self._is_answer(values[0]):
            return self.compare(piece, values, about=self._about(claims[0] if claims else None))   # dE/dy = …: a side fact
        return self.chain(piece, values, restated, continuing=continuing, starts_claim=starts_claim, claims=claims)

    def read(self, sides) -> tuple[list, list]:
        """The values of ``sides``, and for each whether it is written as a derivative (restates)."""
        values, restated = [], []
        for side in sides:
            counted = self.reader.derivatives
            values.append(self.reader.value(side))
            restated.append(self.reader.derivatives > counted)
        return values, restated

    def _is_answer(self, value) -> bool:
        answer = self.reader.defined(self.question.answer)
        try:
            if isinstance(answer, tuple) and not isinstance(value, tuple):
                return any(same(a, value, False, self.options) for a in answer)
            return same(answer, value, False, self.options)
        except (TypeError, ValueError):
            return False

    def named(self, piece, name: str, rhs: list[str], index: int):
        """``name = …``: given, a claim about a known quantity, a definition, or None for a label."""
        reader, q = self.reader, self.question
        key, resolved = canonical(name), reader.resolve(name)
        if self.defined_at.get(key) == index:                                       # u = x^2: defined here
            values = [reader.expand(reader.definitions[key])] + [reader.value(side) for side in rhs[1:]]
            wrong = self.compare(piece, values, about=None, kind="definition")
            if not wrong and q.function is not None and not isinstance(values[0], tuple) \
                    and same(q.function, values[0], False, self.options):
                self.checks[-1] = replace(self.checks[-1], kind="given")          # E = (Y - y)^2: the function
            return wrong
        if key in self.variables and resolved not in q.values and key not in reader.definitions:
            value = reader.value(rhs[-1])
            if isinstance(value, sp.Basic) and value.is_number:
                self.point[key] = value
            self.checks.append(LineCheck(piece.number, piece.text, True, (), "given"))     # x = 2: the point
            return False
        if resolved in q.values or resolved in q.nodes or key in reader.definitions:
            known = reader.expand(sp.Symbol(name, real=True))                            # h1 = σ(-3): checked
            values = [reader.value(side) for side in rhs]
            wrong = self.compare(piece, [known, *values], about=None)
            if not wrong and resolved not in reader.definitions:
                self._written_as(resolved, rhs)
            return wrong
        return None

    def _written_as(self, name: str, rhs: list[str]) -> None:
        """A known quantity written, correctly, through the derivation's own names (y = σ(u)):
        that is what it is for the derivatives that follow (dy/du)."""
        reader = self.reader
        for side in rhs:
            raw = reader.value(side, raw=True)
            if isinstance(raw, sp.Basic) and raw.free_symbols and not any(
                    reader.resolve(s.name) == name for s in raw.free_symbols):
                reader.definitions[name] = raw
                return

