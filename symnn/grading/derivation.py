r"""Checking a student's derivation line by line, like STACK's equivalence reasoning.

Each line is an expression or a chain ``a = b = c`` (LaTeX or plain text). A side may state
a derivative: ``d/dx(E)``, ``\frac{\partial}{\partial w}\left(E\right)`` (its value is the
derivative of E, taken by SymPy), ``dF/dx`` or ``\frac{\partial L}{\partial w}`` or ``f'`` (the
derivative the problem asks for), ``σ'(u)`` (σ(u)(1 − σ(u))), ``∇F`` (the gradient of the
problem's function) and ``∇F(2, 1/3, 0)`` (the gradient there). Every side must equal the one
before it; a line that starts with ``=``, or with a plain expression, continues from the last
line, and a line that starts with a derivative begins a new claim. The last value must be the
problem's answer. The verdict names the first line that does not follow and, through the
answer checker, the mistake there (a sign, a missing chain factor, a factor of 2, ...).

>>> v = derivation_verdict("bce-grad-logit", "d/dz(-(y ln σ(z) + (1-y) ln(1-σ(z)))) = -y(1-σ(z)) + (1-y)σ(z)\n= σ(z) - y")
>>> v.correct, v.first_wrong
(True, None)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

import sympy as sp

from ..answers.characters import plain
from ..answers.check import _typeset
from ..answers.compare import compare_scalar
from ..answers.feedback import diagnose
from ..answers.latex import latex_to_text
from ..answers.options import CheckOptions
from ..answers.read import read_answer
from ..calculus.display import RichDisplay
from ..calculus.functions import sigmoid
from ..calculus.parse import ParseError
from ..lang import phrase
from ..problems.solve import question_options, solve

MAX_LINES = 100
_OPERATOR = re.compile(r"\(\(\s*(d|∂)\s*\)\s*/\s*\(\s*(d|∂)\s*([A-Za-z][\w]*)\s*\)\)|(?<![\w])(d|∂)\s*/\s*(d|∂)\s*([A-Za-z]\w*)")
_NAMED = re.compile(r"\(\(\s*(d|∂)\s*([A-Za-z]\w*)\s*\)\s*/\s*\(\s*(d|∂)\s*([A-Za-z]\w*)\s*\)\)"
                    r"|(?<![\w])(d|∂)\s*([A-Za-z])\s*/\s*(d|∂)\s*([A-Za-z]\w*)")
_PRIME = re.compile(r"(?<![\w])([A-Za-z])\s*'(\s*\(\s*[A-Za-z]\w*\s*\))?")
_SIGMA_PRIME = re.compile(r"\b(?:sigma|sigmoid|σ)\s*'\s*\(")
_LABEL = re.compile(r"\s*([A-Za-z][A-Za-z0-9_]*)\s*(\([^()]*\))?\s*")
_NABLA = re.compile(r"(?:∇|\bnabla\b|\bgrad\b)\s*([A-Za-z])\b")


class DerivationError(ValueError):
    """The derivation cannot be read (its text, not its mathematics)."""


@dataclass(frozen=True)
class LineCheck:
    number: int          # 1 for the first line
    text: str
    follows: bool
    feedback: tuple[str, ...] = ()


@dataclass(frozen=True)
class DerivationVerdict(RichDisplay):
    correct: bool
    first_wrong: int | None      # the number of the first line that does not follow
    lines: tuple[LineCheck, ...]
    feedback: tuple[str, ...]

    def as_dict(self) -> dict:
        return {"correct": self.correct, "first_wrong_line": self.first_wrong, "feedback": list(self.feedback),
                "lines": [{"line": c.number, "follows": c.follows, "feedback": list(c.feedback)} for c in self.lines]}


@dataclass(frozen=True)
class Question:
    """What a derivation is about: the answer, the function and its variables when known."""
    answer: object
    function: sp.Expr | None
    variables: tuple
    point: tuple
    options: CheckOptions


def question_of(problem_id: str, bank=None, lang: str = "en") -> Question:
    solution = solve(problem_id, bank)
    settings = CheckOptions.from_dict({**question_options(solution.problem), "lang": lang})
    function = None
    if settings.function is not None:
        function = read_answer(str(settings.function)).value
    answer = solution.answer
    return Question(tuple(answer) if isinstance(answer, (tuple, sp.MatrixBase)) else answer, function,
                    tuple(settings.variables), tuple(settings.point), settings)


def _balanced(text: str, start: int) -> int:
    """The index after the bracket group that opens at ``text[start]``."""
    depth = 0
    for i in range(start, len(text)):
        depth += {"(": 1, ")": -1}.get(text[i], 0)
        if depth == 0:
            return i + 1
    raise DerivationError("a bracket is not closed")


def _canonical(name: str) -> str:
    return name.replace("_", "")


def _symbol(name: str, expr) -> sp.Symbol:
    """The symbol of ``expr`` called ``name`` (w_1 and w1 alike), or a new one."""
    wanted = name.replace("_", "")
    for s in getattr(expr, "free_symbols", ()):
        if s.name.replace("_", "") == wanted:
            return s
    return sp.Symbol(name.replace("_", ""), real=True)


class _Reader:
    """Reads one side: derivative notations become values, the rest goes to the answer reader."""

    def __init__(self, question: Question):
        self.question = question
        self.values: dict[str, object] = {}
        self.claims: list[tuple] = []        # (operand or None, variable) of each derivative read
        self.definitions: dict[str, object] = {}     # s1 = e^y1/(...): a name the answer uses, defined

    def _placeholder(self, value) -> str:
        name = "Dplace" + "".join(chr(97 + int(d)) for d in str(len(self.values)))
        self.values[name] = value
        return f" {name} "

    def _asked(self, var: str | None = None):
        """The derivative the problem asks for: its answer, or one component of it."""
        q = self.question
        if var is not None and q.function is not None:
            return sp.diff(q.function, _symbol(var, q.function))
        if var is not None and isinstance(q.answer, tuple) and q.variables:
            names = [str(v).replace("_", "") for v in q.variables]
            if var.replace("_", "") in names:
                return q.answer[names.index(var.replace("_", ""))]
        if var is not None and isinstance(q.answer, tuple):
            raise DerivationError(f"the problem does not say which component ∂/∂{var} is; write d/d{var}(...) of the function")
        return q.answer

    def text(self, side: str) -> str:
        """``side`` with every derivative notation replaced by a placeholder for its value."""
        side = side.strip()
        while (m := _SIGMA_PRIME.search(side)) is not None:          # σ'(u) = σ(u)(1 − σ(u))
            end = _balanced(side, m.end() - 1)
            u = self.value(side[m.end() - 1:end])
            side = side[:m.start()] + self._placeholder(sigmoid(u) * (1 - sigmoid(u))) + side[end:]
        while (m := _NAMED.search(side)) is not None:
            groups = [g for g in m.groups() if g is not None]
            self.claims.append((None, groups[3]))
            side = side[:m.start()] + self._placeholder(self._asked(groups[3])) + side[m.end():]
        while (m := _NABLA.search(side)) is not None:
            side = self._gradient(side, m)
        while (m := _OPERATOR.search(side)) is not None:
            var = m.group(3) or m.group(6)
            rest = side[m.end():].lstrip()
            offset = len(side) - len(rest)
            end = _balanced(side, offset) if rest.startswith("(") else len(side)
            operand = self.value(side[offset:end])
            if isinstance(operand, tuple):
                raise DerivationError("a derivative is taken of one expression, not of a vector")
            variable = _symbol(var, operand)
            self.claims.append((operand, variable))
            side = side[:m.start()] + self._placeholder(sp.diff(operand, variable)) + side[end:]
        while (m := _PRIME.search(side)) is not None:
            side = side[:m.start()] + self._placeholder(self._asked()) + side[m.end():]
        return side

    def _gradient(self, side: str, m) -> str:
        q = self.question
        if q.function is None or not q.variables:
            raise DerivationError("∇ needs a problem with a function and its variables")
        gradient = tuple(sp.diff(q.function, _symbol(str(v), q.function)) for v in q.variables)
        rest = side[m.end():]
        if rest.lstrip().startswith("("):
            start = m.end() + len(rest) - len(rest.lstrip())
            end = _balanced(side, start)
            at = self.value(side[start:end])
            at = at if isinstance(at, tuple) else (at,)
            if len(at) != len(q.variables):
                raise DerivationError(f"∇F at a point needs {len(q.variables)} coordinates")
            point = {_symbol(str(v), q.function): c for v, c in zip(q.variables, at)}
            return side[:m.start()] + self._vector(tuple(g.subs(point) for g in gradient)) + side[end:]
        return side[:m.start()] + self._vector(gradient) + side[m.end():]

    def _vector(self, values: tuple) -> str:
        return "(" + ", ".join(self._placeholder(v) for v in values) + ")"

    def value(self, side: str):
        """The value of ``side``: an expression, or a tuple for a vector."""
        text = self.text(side)
        answer = read_answer(text, known=self.known())
        if answer.restates:
            raise DerivationError(f"cannot read the derivative in {side.strip()[:60]!r}")
        names = {sp.Symbol(n) for n in self.values} | {sp.Symbol(n, real=True) for n in self.values}
        return self.defined(answer.value, {s: self.values[s.name] for s in names})

    def known(self) -> set:
        """The names of the problem (so that wx is w·x), and those the derivation defined."""
        q = self.question
        exprs = [q.function, *(q.answer if isinstance(q.answer, tuple) else (q.answer,))]
        return {s.name for e in exprs if isinstance(e, sp.Basic) for s in e.free_symbols} | set(self.definitions)

    def defined(self, value, swap=None):
        """``value`` with the placeholders and the derivation's definitions (s1 = ...) put in."""
        if isinstance(value, tuple):
            return tuple(self.defined(v, swap) for v in value)
        if not isinstance(value, sp.Basic):
            return value
        value = value.xreplace(swap or {})
        by_name = {s: self.definitions[_canonical(s.name)] for s in value.free_symbols
                   if _canonical(s.name) in self.definitions}
        return value.xreplace(by_name) if by_name else value


def _normalised(line: str) -> str:
    """A line in the text grammar: characters spelled out, LaTeX translated."""
    text = plain(re.sub(r"\\nabla\b|∇", " nabla ", line))
    text = re.sub(r"\\(sigma|σ)\s*'", "sigma'", text)
    if re.search(r"\\.|[{}]", text):
        text = re.sub(r"\^\{?\\prime\}?", "'", text)
        primes = text.count("'")
        text = latex_to_text(text.replace("'", "PRIMEMARK")).replace("PRIMEMARK", "'") if primes else latex_to_text(text)
    return text


def _sides(text: str) -> list[str]:
    sides, depth, start = [], 0, 0
    for i, char in enumerate(text):
        depth += {"(": 1, ")": -1, "[": 1, "]": -1}.get(char, 0)
        if char == "=" and depth == 0:
            sides.append(text[start:i])
            start = i + 1
    sides.append(text[start:])
    return sides


def _approximate(side: str) -> bool:
    return bool(re.search(r"\d\.\d|≈|\bapprox", side))


def _same(before, after, approximate: bool, options: CheckOptions) -> bool:
    if isinstance(before, tuple) or isinstance(after, tuple):
        if not (isinstance(before, tuple) and isinstance(after, tuple) and len(before) == len(after)):
            return False
        return all(_same(b, a, approximate, options) for b, a in zip(before, after))
    if approximate and before.is_number and after.is_number:
        b, a = complex(sp.N(before, 30)), complex(sp.N(after, 30))
        return abs(a - b) <= 2e-3 * max(abs(b), 1e-12)
    return compare_scalar(before, after, options, None, None)[0]


def _mistake(before, after, options: CheckOptions, approximate: bool = False) -> tuple[str, ...]:
    say = lambda key, **values: phrase(options.lang, key, **values)   # noqa: E731
    if approximate and not isinstance(before, tuple) and _same(before, -after, True, options):
        return (say("check.sign"),)           # rounded numbers: only the sign can be told
    if isinstance(before, tuple) or isinstance(after, tuple):
        if isinstance(before, tuple) and isinstance(after, tuple) and len(before) == len(after):
            for k, (b, a) in enumerate(zip(before, after), 1):
                if not _same(b, a, False, options):
                    return (say("steps.component", index=k), *_mistake(b, a, options))
        return (say("steps.shape"),)
    found = diagnose(before, after, None, options)
    if not found:
        return ()
    return (say(found[0], **_typeset(found[1])),)


def check_derivation(problem, text: str, bank=None, lang: str = "en", timeout: float = 5.0) -> DerivationVerdict:
    """Check the derivation ``text`` (one step per line) of bank problem ``problem``, in the sandboxed
    worker under ``timeout`` seconds (the student's text is untrusted)."""
    from ..answers.sandbox import run_limited
    options = CheckOptions.from_dict({"lang": lang, "timeout": timeout})
    try:
        return run_limited(derivation_verdict, (problem, text, bank, lang), options.timeout, options.memory_mb)
    except (TimeoutError, MemoryError) as error:
        key = "check.timeout" if isinstance(error, TimeoutError) else "check.crashed"
        message = phrase(lang, key, seconds=timeout)
        return DerivationVerdict(False, None, (), (message,))


def derivation_verdict(problem, text: str, bank=None, lang: str = "en") -> DerivationVerdict:
    """The verdict on ``text`` for ``problem`` (an id, or a Question), computed here and now."""
    question = question_of(problem, bank, lang) if isinstance(problem, str) else problem
    options = question.options
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        raise DerivationError("the derivation is empty")
    if len(lines) > MAX_LINES:
        raise DerivationError(f"a derivation has at most {MAX_LINES} lines, got {len(lines)}")
    reader = _Reader(question)
    answer_names = {_canonical(n) for n in reader.known()} - {
        _canonical(s.name) for s in getattr(question.function, "free_symbols", ())}
    checks, current, claimed, claim = [], None, {}, None
    for number, line in enumerate(lines, 1):
        seen = len(reader.claims)
        try:
            sides = _sides(_normalised(line))
            continuing = not sides[0].strip()          # "= ..." goes on from the last line
            sides = sides[1:] if continuing else sides
            label = len(sides) > 1 and _LABEL.fullmatch(sides[0])
            if label and _canonical(label[1]) in answer_names and label[2] is None:
                reader.definitions[_canonical(label[1])] = reader.value(sides[1])    # s1 = ...: a definition
                checks.append(LineCheck(number, line, True))
                continue
            sides = sides[1:] if label else sides      # MSE = ..., f(x) = ...: names what follows
            values = [reader.value(side) for side in sides]
        except (ParseError, DerivationError, ValueError, TypeError) as error:
            checks.append(LineCheck(number, line, False, (phrase(lang, "steps.unreadable", reason=str(error)),)))
            break
        claims = reader.claims[seen:seen + 1]
        starts_claim = not continuing and not label and any(
            pattern.search(sides[0]) for pattern in (_OPERATOR, _NAMED, _NABLA, _PRIME))
        if starts_claim:
            claim = claims[0][1] if claims else None
        before = question.answer if current is None and not starts_claim else current
        chain = values if starts_claim or before is None else [before, *values]
        approximate = _approximate(line)
        wrong = next((k for k in range(1, len(chain)) if not _same(chain[k - 1], chain[k], approximate, options)), None)
        if wrong is not None:
            about = options
            if claims and claims[0][0] is not None:       # the derivative this line takes is the question here
                operand, variable = claims[0]
                about = replace(options, function=operand, wrt=variable, variables=(variable,), point=())
            checks.append(LineCheck(number, line, False, _mistake(chain[wrong - 1], chain[wrong], about, approximate)))
            break
        checks.append(LineCheck(number, line, True))
        current = values[-1]
        if claim is not None:
            claimed[_canonical(str(claim))] = current
    answer = reader.defined(question.answer)
    if isinstance(answer, tuple) and not isinstance(current, tuple) and len(claimed) == len(answer):
        order = [_canonical(str(v)) for v in question.variables] or list(claimed)
        if set(order) == set(claimed):
            current = tuple(claimed[name] for name in order)   # one claim per component: the vector they make
    first_wrong = next((c.number for c in checks if not c.follows), None)
    if first_wrong is None and not _same(answer, current, _approximate(lines[-1]), options):
        checks[-1] = LineCheck(checks[-1].number, checks[-1].text, False,
                               (phrase(lang, "steps.not the answer"), *_mistake(answer, current, options)))
        first_wrong = checks[-1].number
    if first_wrong is None:
        feedback = (phrase(lang, "steps.correct", lines=len(lines)),)
    else:
        feedback = (phrase(lang, "steps.wrong", line=first_wrong), *checks[-1].feedback)
    return DerivationVerdict(first_wrong is None, first_wrong, tuple(checks), feedback)
