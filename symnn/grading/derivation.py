r"""Checking a student's derivation line by line, like STACK's equivalence reasoning.

The text is read as students paste it (``grading.pasted``): words between the formulas ("By
the chain rule:", "Тогда", "где"), list markers, a full stop after a formula, ``$…$``, and
whole LaTeX blocks (align*, gather, equation with split, …) whose rows, split at ``\\``, are
lines of the derivation; a row starting with ``&=`` goes on from the row before. Line numbers
are the physical lines of the pasted text, blank and prose lines counted.

Each formula is an expression or a chain ``a = b = c`` (LaTeX or plain text). A side may state
a derivative: ``d/dx(E)``, ``\frac{\partial}{\partial w}\left(E\right)`` (its value is the
derivative of E, taken by SymPy), ``dF/dx`` or ``\frac{\partial L}{\partial w}`` or ``f'`` (the
derivative the problem asks for), ``σ'(u)`` (σ(u)(1 − σ(u))), ``∇F`` (the gradient of the
problem's function) and ``∇F(2, 1/3, 0)`` (the gradient there). ``du/dx``, ``u'`` and
``dA/dB`` for names the derivation defines (or, in a network problem, for its nodes h1, o1 =
y_pred and L) are the derivatives of their definitions. Every side must equal the one before
it; a line that starts with ``=``, or with a plain expression, continues from the last line,
and a line that starts with a derivative begins a new claim.

A line ``name = …`` is, by its name:

- a problem variable (``x = 2``): the point, given, not checked;
- a quantity the problem defines (a network's ``h1``, ``y_pred``, ``L``; a name the statement
  defines, such as f = σ(αx)): a claim about its value, checked, that leaves the main chain
  where it was;
- a name another line uses (before or after it: "where u = …"), or one the answer is written
  in (``u = w_1 x_1 + b``, ``s1 = e^y1/(…)``, ``Let u = x^2``): a definition, not a claim that
  can be wrong; the lines are compared with it substituted;
- otherwise a label of what follows (``MSE = …``, ``f(x) = …``): its value goes on from the
  last line, unless it is the problem's function itself, which is given.

The last value must be the problem's answer, written as a value: a chain that only restates
the question (``f'(x) = d/dx(x^2 sin x)``) does not pass. The verdict names the first line that
does not follow and, through the answer checker, the mistake there (a sign, a missing chain
factor, a factor of 2, ...); a line that cannot be read is reported as unreadable, with why,
and the lines after it are still checked.

>>> v = derivation_verdict("bce-grad-logit", "d/dz(-(y ln σ(z) + (1-y) ln(1-σ(z)))) = -y(1-σ(z)) + (1-y)σ(z)\n= σ(z) - y")
>>> v.correct, v.first_wrong
(True, None)
>>> v = derivation_verdict("bce-grad", "By the chain rule:\n\ndL/dp = -(y/p - (1 - y)/(1 - p)).\nHence\n= (y - p)/(p(1 - p))")
>>> v.first_wrong, v.feedback[0]
(5, 'Line 5 does not follow from what comes before it.')
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

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
from .pasted import MATH_WORDS, MAX_PHYSICAL_LINES, latin_twins, pieces

MAX_LINES = 100          # formulas in one derivation
MAX_CHARACTERS = 64 * 1024
MAX_DEPTH = 25           # definitions in terms of definitions
_NAME = r"[A-Za-z][A-Za-z0-9_]*"
_OPERATOR = re.compile(r"\(\(\s*(d|∂)\s*\)\s*/\s*\(\s*(d|∂)\s*([A-Za-z][\w]*)\s*\)\)|(?<![\w])(d|∂)\s*/\s*(d|∂)\s*([A-Za-z]\w*)")
_NAMED = re.compile(rf"\(\(\s*(d|∂)\s*({_NAME})\s*\)\s*/\s*\(\s*(d|∂)\s*({_NAME})\s*\)\)"
                    rf"|(?<![\w])(d|∂)\s*({_NAME})\s*/\s*(d|∂)\s*({_NAME})")
_PRIME = re.compile(rf"(?<![\w])({_NAME})\s*'(\s*\(\s*[A-Za-z]\w*\s*\))?")
_SIGMA_PRIME = re.compile(r"\b(?:sigma|sigmoid|σ)\s*'\s*\(")
_BRACKET_PRIME = re.compile(r"\)\s*'")
_SIGMA_ALONE = re.compile(r"\s*(?:sigma|sigmoid|σ)\s*'\s*\((?:[^()]|\([^()]*\))*\)\s*")
_LABEL = re.compile(r"\s*([A-Za-z][A-Za-z0-9_]*)\s*(\([^()]*\))?\s*")
_SHORT_NAME = re.compile(r"[A-Za-z](?:_?\d+|_[A-Za-z0-9]+)?")     # u, z_1, s1, y_pred: a name, not a word
_NABLA = re.compile(r"(?:∇|\bnabla\b|\bgrad\b)\s*([A-Za-z])\b")
# d followed by a name that is a word of its own, not the d of a derivative: delta, det, dot
_D_WORDS = {"delta", "det", "dot", "diag", "dim"}
# names a network problem's single output goes by in the course
_OUTPUT_NAMES = ("ypred", "yhat", "outpred", "ypredicted")


class DerivationError(ValueError):
    """The derivation cannot be read (its text, not its mathematics): ``key`` names the reason
    (``steps.reason.KEY`` in the catalogues), so that it reaches the reader in their language."""

    def __init__(self, key: str, **values):
        self.key, self.values = key, {k: str(v) for k, v in values.items()}
        super().__init__(self.in_language("en"))

    def in_language(self, lang: str) -> str:
        return phrase(lang, f"steps.reason.{self.key}", **self.values)

    def __reduce__(self):                     # the worker process sends it back pickled
        return (_derivation_error, (self.key, self.values))


def _derivation_error(key: str, values: dict) -> DerivationError:
    return DerivationError(key, **values)


@dataclass(frozen=True)
class LineCheck:
    number: int          # the physical line of the pasted text, from 1
    text: str
    follows: bool
    feedback: tuple[str, ...] = ()
    kind: str = "step"   # "step" (a claim, checked), "definition", "given", "prose" or "unreadable"


@dataclass(frozen=True)
class DerivationVerdict(RichDisplay):
    correct: bool
    first_wrong: int | None      # the number of the first line that does not follow
    lines: tuple[LineCheck, ...]
    feedback: tuple[str, ...]
    unreadable: tuple[int, ...] = ()     # the lines that could not be read

    def as_dict(self) -> dict:
        return {"correct": self.correct, "first_wrong_line": self.first_wrong, "unreadable_lines": list(self.unreadable),
                "feedback": list(self.feedback),
                "lines": [{"line": c.number, "kind": c.kind, "follows": c.follows, "feedback": list(c.feedback)}
                          for c in self.lines]}


@dataclass(frozen=True)
class Question:
    """What a derivation is about: the answer, the function and its variables when known, the
    names the problem defines (a network's nodes, f = σ(αx) of a statement: name → definition),
    and for a network problem every value at the point."""
    answer: object
    function: sp.Expr | None
    variables: tuple
    point: tuple
    options: CheckOptions
    nodes: dict = field(default_factory=dict)       # canonical name → definition in the names of the nodes
    values: dict = field(default_factory=dict)      # canonical name → exact value (inputs, parameters, nodes)
    aliases: dict = field(default_factory=dict)     # y_pred → o1


def question_of(problem_id: str, bank=None, lang: str = "en") -> Question:
    solution = solve(problem_id, bank)
    settings = CheckOptions.from_dict({**question_options(solution.problem), "lang": lang})
    function = None
    if settings.function is not None:
        function = read_answer(str(settings.function)).value
    answer = solution.answer
    nodes, values, aliases = {}, {}, {}
    work = solution.work
    network = getattr(work, "network", None)
    if network is not None and hasattr(work, "forward") and hasattr(work, "point"):
        nodes = {_canonical(str(name)): definition for name, definition in network.definitions().items()}
        values = {_canonical(str(name)): value for name, value in (*work.point, *work.forward)}
        if len(network.outputs) == 1:
            aliases = {alias: _canonical(str(network.outputs[0])) for alias in _OUTPUT_NAMES}
    for name, formula in getattr(settings, "names", ()):        # the names the statement defines: f = σ(αx)
        nodes.setdefault(_canonical(name), read_answer(str(formula)).value)
    return Question(tuple(answer) if isinstance(answer, (tuple, sp.MatrixBase)) else answer, function,
                    tuple(settings.variables), tuple(settings.point), settings, nodes, values, aliases)


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


def _canonical(name: str) -> str:
    return name.replace("_", "")


def _symbol(name: str, expr) -> sp.Symbol:
    """The symbol of ``expr`` called ``name`` (w_1 and w1 alike), or a new one."""
    wanted = name.replace("_", "")
    for s in getattr(expr, "free_symbols", ()):
        if s.name.replace("_", "") == wanted:
            return s
    return sp.Symbol(name.replace("_", ""), real=True)


@dataclass
class _Claim:
    operand: object          # the expression differentiated (None: the problem's own derivative)
    variable: object         # the variable (a Symbol), or None
    kind: str                # "asked" (what the problem asks), "derived" (of a definition) or "sigma" (σ')


class _Reader:
    """Reads one side: derivative notations become values, the rest goes to the answer reader."""

    def __init__(self, question: Question):
        self.question = question
        self.values: dict[str, object] = {}
        self.claims: list[_Claim] = []       # each derivative notation read, in order
        self.definitions: dict[str, object] = {}     # u = x^2, s1 = e^y1/(...): a name, defined
        self.derivatives = 0                 # derivative notations read (σ' aside): a side with one restates
        self._raw = False
        q = question
        self.wrt = q.options.wrt if q.options.wrt is not None else (q.variables[0] if len(q.variables) == 1 else None)

    def _placeholder(self, value) -> str:
        name = "Dplace" + "".join(chr(97 + int(d)) for d in str(len(self.values)))
        self.values[name] = value
        return f" {name} "

    def resolve(self, name: str) -> str:
        """The canonical name, with the course's names for a network's output (y_pred) as its node."""
        name = _canonical(name)
        return self.question.aliases.get(name, name)

    def expression_of(self, name: str):
        """What ``name`` stands for in the names of the others: the derivation's definition, or the node's."""
        name = self.resolve(name)
        if name in self.definitions:
            return self.definitions[name]
        return self.question.nodes.get(name)

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
            raise DerivationError("component", var=var)
        return q.answer

    def _named(self, top: str, bottom: str):
        """dA/dB: of a defined name or a node, the derivative of its definition (through the other
        definitions); of anything else, the derivative the problem asks for."""
        definition = self.expression_of(top)
        wanted = self.resolve(bottom)
        if definition is None and self.question.function is not None and self.expression_of(bottom) is not None:
            definition = self._through(wanted)                     # dE/dy: the function written through y
        if definition is None:
            self.claims.append(_Claim(None, bottom, "asked"))
            return self._asked(bottom)
        inner = self.expand(definition, keep={wanted}, numbers=False)
        symbol = next((s for s in getattr(inner, "free_symbols", ()) if self.resolve(s.name) == wanted), None)
        self.claims.append(_Claim(inner, symbol, "derived"))
        return self.expand(sp.diff(inner, symbol)) if symbol is not None else sp.Integer(0)

    def _through(self, name: str):
        """The problem's function with the defined ``name`` put in for what it stands for
        ((Y − σ(u))² through y = σ(u) is (Y − y)²), or None when it does not appear."""
        function = self.question.function
        stands_for = self.expand(self.expression_of(name), numbers=False)
        if isinstance(stands_for, tuple) or not isinstance(stands_for, sp.Basic) or stands_for.is_number:
            return None
        by_name = {_canonical(s.name): s for s in function.free_symbols}       # w_1 is the function's w1
        stands_for = stands_for.xreplace({s: by_name[_canonical(s.name)] for s in stands_for.free_symbols
                                          if _canonical(s.name) in by_name})
        symbol = sp.Symbol(name, real=True)
        written = function.subs(stands_for, symbol)
        return written if symbol in written.free_symbols else None

    def _prime(self, name: str):
        """u' of a defined name: the derivative of its definition by the problem's variable;
        f' of any other: the derivative the problem asks for."""
        definition = self.expression_of(name) if len(name) > 1 or self.resolve(name) in self.definitions else None
        if definition is None:
            self.claims.append(_Claim(None, None, "asked"))
            return self._asked()
        return self._derivative(self.expand(definition, numbers=False))

    def _primed_part(self, name: str) -> str:
        """The name a prime is on: the whole name when it means something, else the longest
        defined name it ends with (uv' is u·v'), else the whole name."""
        if len(name) == 1 or self.expression_of(name) is not None:
            return name
        for k in range(1, len(name)):
            if self.resolve(name[k:]) in self.definitions:
                return name[k:]
        return name

    def _derivative(self, operand):
        """The derivative of ``operand`` by the problem's one variable (for u' and (…)')."""
        if self.wrt is None or isinstance(operand, tuple):
            raise DerivationError("prime")
        variable = _symbol(str(self.wrt), operand)
        self.claims.append(_Claim(operand, variable, "derived"))
        return self.expand(sp.diff(operand, variable))

    def text(self, side: str) -> str:
        """``side`` with every derivative notation replaced by a placeholder for its value."""
        side = side.strip()
        while (m := _SIGMA_PRIME.search(side)) is not None:          # σ'(u) = σ(u)(1 − σ(u))
            end = _balanced(side, m.end() - 1)
            u = self.value(side[m.end() - 1:end])
            self.claims.append(_Claim(None, None, "sigma"))
            side = side[:m.start()] + self._placeholder(sigmoid(u) * (1 - sigmoid(u))) + side[end:]
        for m in reversed([m for m in _NAMED.finditer(side) if self._is_named(m)]):
            groups = [g for g in m.groups() if g is not None]
            self.derivatives += 1
            side = side[:m.start()] + self._placeholder(self._named(groups[1], groups[3])) + side[m.end():]
        while (m := _NABLA.search(side)) is not None:
            self.derivatives += 1
            self.claims.append(_Claim(None, None, "asked"))
            side = self._gradient(side, m)
        while (m := _OPERATOR.search(side)) is not None:
            var = m.group(3) or m.group(6)
            rest = side[m.end():].lstrip()
            offset = len(side) - len(rest)
            end = _balanced(side, offset) if rest.startswith("(") else len(side)
            operand = self.value(side[offset:end])
            if isinstance(operand, tuple):
                raise DerivationError("vector derivative")
            variable = _symbol(var, operand)
            self.derivatives += 1
            self.claims.append(_Claim(operand, variable, "asked"))
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
        return groups[0] == "∂" or not (word.lower() in _D_WORDS or _canonical(word) in self.known())

    def _gradient(self, side: str, m) -> str:
        q = self.question
        if q.function is None or not q.variables:
            raise DerivationError("gradient")
        gradient = tuple(sp.diff(q.function, _symbol(str(v), q.function)) for v in q.variables)
        rest = side[m.end():]
        if rest.lstrip().startswith("("):
            start = m.end() + len(rest) - len(rest.lstrip())
            end = _balanced(side, start)
            at = self.value(side[start:end])
            at = at if isinstance(at, tuple) else (at,)
            if len(at) != len(q.variables):
                raise DerivationError("gradient point", count=len(q.variables))
            point = {_symbol(str(v), q.function): c for v, c in zip(q.variables, at)}
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

    def known(self) -> set:
        """The names of the problem (so that wx is w·x), and those the derivation defined."""
        q = self.question
        exprs = [q.function, *(q.answer if isinstance(q.answer, tuple) else (q.answer,))]
        return ({s.name for e in exprs if isinstance(e, sp.Basic) for s in e.free_symbols} | set(self.definitions)
                | set(q.nodes) | set(q.values) | set(q.aliases))

    def defined(self, value, swap=None, expand: bool = True):
        """``value`` with the placeholders and the derivation's definitions (s1 = ...) put in."""
        if isinstance(value, tuple):
            return tuple(self.defined(v, swap, expand) for v in value)
        if not isinstance(value, sp.Basic):
            return value
        value = value.xreplace(swap or {})
        return self.expand(value) if expand else value

    def expand(self, value, keep=frozenset(), numbers: bool = True):
        """``value`` with every defined name (and node) replaced by its definition, except those in
        ``keep``; ``numbers``: then the values of a network problem's point put in."""
        if isinstance(value, tuple):
            return tuple(self.expand(v, keep, numbers) for v in value)
        if not isinstance(value, sp.Basic):
            return value
        q = self.question
        for _ in range(MAX_DEPTH):
            swap = {}
            for s in value.free_symbols:
                name = self.resolve(s.name)
                if name in keep or not isinstance(s, sp.Symbol):
                    continue
                if name in self.definitions:
                    swap[s] = self.definitions[name]
                elif name in q.nodes:
                    swap[s] = q.nodes[name]
            if not swap:
                break
            value = value.xreplace(swap)
        else:
            raise DerivationError("circular")
        if numbers and q.values:
            swap = {s: q.values[self.resolve(s.name)] for s in value.free_symbols
                    if self.resolve(s.name) in q.values and self.resolve(s.name) not in keep}
            value = value.xreplace(swap) if swap else value
        return value


def _normalised(line: str) -> str:
    """A line in the text grammar: characters spelled out, LaTeX translated."""
    text = plain(re.sub(r"\\nabla\b|∇", " nabla ", latin_twins(line)))
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
    equal, decided_by = compare_scalar(before, after, options, None, None)
    if not equal and decided_by == "domain":
        return _cancels(before, after)        # (1 - σ)·y/(1 - σ): a step may cancel what is never 0
    return equal


def _cancels(before, after) -> bool:
    """``before - after`` simplifies to 0 (the answer checker samples points, where a factor that is
    never 0 exactly can round to 0)."""
    try:
        return sp.simplify(before - after) == 0
    except (TypeError, ValueError, RecursionError):
        return False


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


def _reason(error: Exception, lang: str) -> str:
    """Why a line cannot be read, in the reader's language when the error can say it."""
    in_language = getattr(error, "in_language", None)
    if callable(in_language):
        try:
            return in_language(lang)
        except (KeyError, IndexError, ValueError):
            pass
    return str(error)


def check_derivation(problem, text: str, bank=None, lang: str = "en", timeout: float = 5.0) -> DerivationVerdict:
    """Check the derivation ``text`` (as pasted: formulas, words between them, LaTeX blocks) of bank
    problem ``problem``, in the sandboxed worker under ``timeout`` seconds (the student's text is untrusted)."""
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
    if not text.strip():
        raise DerivationError("empty")
    if len(text) > MAX_CHARACTERS:
        raise DerivationError("too long", most=MAX_CHARACTERS, count=len(text))
    if len(text.splitlines()) > MAX_PHYSICAL_LINES:
        raise DerivationError("too many lines", most=MAX_PHYSICAL_LINES, count=len(text.splitlines()))
    reader = _Reader(question)
    parts = pieces(text, _vocabulary(question, reader))
    formulas = [p for p in parts if p.formula is not None]
    if len(formulas) > MAX_LINES:
        raise DerivationError("too many", most=MAX_LINES, count=len(formulas))
    return _Derivation(question, reader, lang).check(parts)


def _vocabulary(question: Question, reader: _Reader) -> set:
    """The names a line of words may contain and still be mathematics."""
    return reader.known() | {_canonical(str(v)) for v in question.variables}


UNKNOWN = object()        # the value a line goes on from, after a line that could not be read


class _Derivation:
    """The walk through the lines: the value the next line goes on from, what the claims found."""

    def __init__(self, question: Question, reader: _Reader, lang: str):
        self.question, self.reader, self.lang = question, reader, lang
        self.options = question.options
        q = question
        self.variables = {_canonical(str(v)) for v in q.variables} | {
            _canonical(s.name) for s in getattr(q.function, "free_symbols", ())}
        self.answer_names = {_canonical(n) for n in reader.known()} - self.variables - set(q.nodes) - set(q.values) \
            - set(q.aliases)
        self.checks: list[LineCheck] = []
        self.current = None             # the value the next line goes on from (None: the answer is expected)
        self.restated = False           # the current value was written as a derivative, not a value
        self.current_at = None          # the index in checks of the line that gave it
        self.claim = None
        self.claimed: dict[str, tuple] = {}
        self.unreadable: list[tuple[int, str]] = []
        self.defined_at: dict[str, int] = {}          # a defined name → the index of the formula defining it
        self.point = {_canonical(str(name)): value for name, value in q.point}     # where the values are taken

    def check(self, parts) -> DerivationVerdict:
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
        return self.verdict(len({p.number for p in formulas}))

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
            key = _canonical(label[1])
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
                if all(_same(known, reader.value(side), False, self.options) for side in sides[1:]):
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
                    _same(q.function, v, False, self.options) for v in values):
                self.checks.append(LineCheck(piece.number, piece.text, True, (), "given"))   # f(x) = the function
                return False
            if label[2] is None and _SHORT_NAME.fullmatch(label[1]) and not self._follows(values):
                self.reader.definitions[_canonical(label[1])] = self.reader.value(sides[1], raw=True)
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

    def _follows(self, values: list) -> bool:
        """Whether ``values`` would follow as the next step of the main chain."""
        before = self._before(starts_claim=False)
        chain = values if before is None else [before, *values]
        return all(self.step(chain[k - 1], chain[k], False) for k in range(1, len(chain)))

    def _before(self, starts_claim: bool):
        """The value the next step goes on from (None: nothing to go on from)."""
        q = self.question
        if self.current is UNKNOWN or starts_claim:
            return None
        return self.reader.defined(q.answer) if self.current is None else self.current

    def step(self, before, after, approximate: bool) -> bool:
        """``after`` follows from ``before``: equal, or ``before`` at the point (the problem's, or
        one the derivation gave: x = 2) — substituting is a step."""
        if _same(before, after, approximate, self.options):
            return True
        if not self.point or not isinstance(before, (sp.Basic, tuple)):
            return False
        at = _substituted(before, self.point)
        return at is not before and _same(at, after, approximate, self.options)

    def _at_point(self, before, after):
        """``before`` at the point when ``after`` has it put in (the mistake is then told in numbers)."""
        if not self.point or not isinstance(before, (sp.Basic, tuple)) or not isinstance(after, (sp.Basic, tuple)):
            return before
        names = lambda v: {_canonical(s.name) for s in (sp.Tuple(*v) if isinstance(v, tuple) else v).free_symbols}  # noqa: E731
        if names(before) & set(self.point) and not names(after) & set(self.point):
            return _substituted(before, self.point)
        return before

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
                return any(_same(a, value, False, self.options) for a in answer)
            return _same(answer, value, False, self.options)
        except (TypeError, ValueError):
            return False

    def named(self, piece, name: str, rhs: list[str], index: int):
        """``name = …``: given, a claim about a known quantity, a definition, or None for a label."""
        reader, q = self.reader, self.question
        key, resolved = _canonical(name), reader.resolve(name)
        if self.defined_at.get(key) == index:                                       # u = x^2: defined here
            values = [reader.expand(reader.definitions[key])] + [reader.value(side) for side in rhs[1:]]
            wrong = self.compare(piece, values, about=None, kind="definition")
            if not wrong and q.function is not None and not isinstance(values[0], tuple) \
                    and _same(q.function, values[0], False, self.options):
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

    def compare(self, piece, chain: list, about, kind: str = "step") -> bool:
        """A chain that stands on its own (a definition, a known quantity, a side fact)."""
        approximate = _approximate(piece.formula)
        wrong = next((k for k in range(1, len(chain)) if not self.step(chain[k - 1], chain[k], approximate)), None)
        if wrong is None:
            self.checks.append(LineCheck(piece.number, piece.text, True, (), kind))
            return False
        options = about or self.options
        self.checks.append(LineCheck(piece.number, piece.text, False,
                                     _mistake(self._at_point(chain[wrong - 1], chain[wrong]), chain[wrong], options, approximate), "step"))
        return True

    def _about(self, claim: _Claim | None):
        """The options that make the derivative this line takes the question (for the mistake's name)."""
        if claim is None or claim.operand is None or claim.variable is None:
            return None
        if not getattr(claim.operand, "free_symbols", None):
            return None
        return replace(self.options, function=claim.operand, wrt=claim.variable, variables=(claim.variable,), point=())

    def chain(self, piece, values, restated, continuing: bool, starts_claim: bool = False, claims=()) -> bool:
        """A step of the main chain: from the last value (or the answer), or a new claim."""
        if starts_claim:
            named = next((c for c in claims if c.variable is not None), None)
            self.claim = named.variable if named is not None else None
        before = self._before(starts_claim)
        chain = values if before is None else [before, *values]
        approximate = _approximate(piece.formula)
        wrong = next((k for k in range(1, len(chain)) if not self.step(chain[k - 1], chain[k], approximate)), None)
        if wrong is not None:
            about = self._about(claims[0] if claims and claims[0].operand is not None else None) or self.options
            self.checks.append(LineCheck(piece.number, piece.text, False,
                                         _mistake(self._at_point(chain[wrong - 1], chain[wrong]), chain[wrong], about, approximate)))
            return True
        self.checks.append(LineCheck(piece.number, piece.text, True))
        self.current, self.current_at = values[-1], len(self.checks) - 1
        self.restated = restated[-1]
        if self.claim is not None:
            self.claimed[_canonical(str(self.claim))] = (self.current, self.restated)
        return False

    def verdict(self, count: int) -> DerivationVerdict:
        lang, q, checks = self.lang, self.question, self.checks
        answer = self.reader.defined(q.answer)
        current, restated = self.current, self.restated
        claimed = self.claimed
        if isinstance(answer, tuple) and not isinstance(current, tuple) and len(claimed) == len(answer):
            order = [_canonical(str(v)) for v in q.variables] or list(claimed)
            if set(order) == set(claimed):       # one claim per component: the vector they make
                current = tuple(claimed[name][0] for name in order)
                restated = any(claimed[name][1] for name in order)
        first_wrong = next((c.number for c in checks if c.kind == "step" and not c.follows), None)
        unreadable = tuple(number for number, _ in self.unreadable)
        if first_wrong is None and current is not UNKNOWN and self.current_at is not None:
            at = checks[self.current_at]
            if not _same(answer, current, _approximate(at.text), self.options):
                checks[self.current_at] = replace(at, follows=False, feedback=(
                    phrase(lang, "steps.not the answer"), *_mistake(answer, current, self.options)))
            elif restated:
                checks[self.current_at] = replace(at, follows=False, feedback=(phrase(lang, "steps.restated", line=at.number),))
            first_wrong = None if checks[self.current_at].follows else at.number
        wrong = next((c for c in checks if c.kind == "step" and not c.follows), None)
        unread = tuple(phrase(lang, "steps.unreadable line", line=n, reason=r) for n, r in self.unreadable)
        if wrong is not None and wrong.feedback[:1] == (phrase(lang, "steps.restated", line=wrong.number),):
            feedback = (*wrong.feedback, *unread)            # it follows, but stops before the value
        elif wrong is not None:
            feedback = (phrase(lang, "steps.wrong", line=wrong.number), *wrong.feedback, *unread)
        elif unread:
            feedback = (*unread, phrase(lang, "steps.partly"))
        elif self.current_at is None:
            feedback = (phrase(lang, "steps.no value" if count else "steps.no formulas"),)
        else:
            feedback = (phrase(lang, "steps.correct", lines=count) if count > 1 else phrase(lang, "steps.correct one"),)
        correct = wrong is None and not unread and self.current_at is not None
        return DerivationVerdict(correct, first_wrong, _by_line(checks), feedback, unreadable)


_SHOWN_FIRST = ("unreadable", "step", "definition", "given", "prose")


def _by_line(checks: list[LineCheck]) -> tuple[LineCheck, ...]:
    """One check per physical line: "u = x^2, v = sin x" is one line of the file, with two formulas."""
    out: list[LineCheck] = []
    for check in checks:
        if out and out[-1].number == check.number:
            last = out[-1]
            wrong = [c for c in (last, check) if not c.follows]
            kind = wrong[0].kind if wrong else min(last.kind, check.kind, key=_SHOWN_FIRST.index)
            out[-1] = LineCheck(last.number, last.text, not wrong, last.feedback + check.feedback, kind)
        else:
            out.append(check)
    return tuple(out)


def _substituted(value, point: dict):
    """``value`` with the point's coordinates put in (by name: w_1 and w1 alike)."""
    if isinstance(value, tuple):
        return tuple(_substituted(v, point) for v in value)
    swap = {s: point[_canonical(s.name)] for s in value.free_symbols if _canonical(s.name) in point}
    return value.xreplace(swap) if swap else value


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
        token = _canonical(token)
        names.add(token)
        if token[:1] == "d" and len(token) > 1:
            names.add(token[1:])
        if token.lower() not in MATH_WORDS:
            for k in range(1, len(token)):          # ux: u and x written together
                names.update((token[:k], token[k:]))
    return names
