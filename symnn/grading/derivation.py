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

``grading.pasted`` cuts the text into formulas, ``grading.lines`` reads each one (its sides:
``grading.sides``; derivatives of names: ``grading.named_derivatives``), ``grading.chain`` checks
each step; the verdict is given here.

>>> v = derivation_verdict("bce-grad-logit", "d/dz(-(y ln σ(z) + (1-y) ln(1-σ(z)))) = -y(1-σ(z)) + (1-y)σ(z)\n= σ(z) - y")
>>> v.correct, v.first_wrong
(True, None)
>>> v = derivation_verdict("bce-grad", "By the chain rule:\n\ndL/dp = -(y/p - (1 - y)/(1 - p)).\nHence\n= (y - p)/(p(1 - p))")
>>> v.first_wrong, v.feedback[0]
(5, 'Line 5 does not follow from what comes before it.')
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..answers.options import CheckOptions
from ..calculus.display import RichDisplay
from ..lang import phrase
from .chain import UNKNOWN, LineCheck, is_approximate, mistake, same
from .lines import Walk
from .pasted import MAX_PHYSICAL_LINES, pieces
from .question import DerivationError, Question, canonical, question_of
from .sides import Reader

MAX_LINES = 100          # formulas in one derivation
MAX_CHARACTERS = 64 * 1024


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


def check_derivation(problem, text: str, bank=None, lang: str = "en", timeout: float = 5.0) -> DerivationVerdict:
    """Check the derivation ``text`` (as pasted: formulas, words between them, LaTeX blocks) of bank
    problem ``problem``, in the sandboxed worker under ``timeout`` seconds (the student's text is untrusted).
    The problem is solved here first (the bank is trusted): the time limit counts the student's text alone."""
    from ..answers.sandbox import run_limited
    options = CheckOptions.from_dict({"lang": lang, "timeout": timeout})
    question = question_of(problem, bank, lang) if isinstance(problem, str) else problem
    try:
        return run_limited(derivation_verdict, (question, text, bank, lang), options.timeout, options.memory_mb)
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
    reader = Reader(question)
    parts = pieces(text, _vocabulary(question, reader))
    formulas = [p for p in parts if p.formula is not None]
    if len(formulas) > MAX_LINES:
        raise DerivationError("too many", most=MAX_LINES, count=len(formulas))
    walk = Walk(question, reader, lang)
    walk.check(parts)
    return _verdict(walk, len({p.number for p in formulas}))


def _vocabulary(question: Question, reader: Reader) -> set:
    """The names a line of words may contain and still be mathematics."""
    return reader.known() | {canonical(str(v)) for v in question.variables}


def _verdict(walk: Walk, count: int) -> DerivationVerdict:
    """The verdict once the lines are checked: the first that does not follow, else whether
    the last value is the answer, written as a value."""
    lang, q, checks = walk.lang, walk.question, walk.checks
    answer = walk.reader.defined(q.answer)
    current, restated = walk.current, walk.restated
    claimed = walk.claimed
    if isinstance(answer, tuple) and not isinstance(current, tuple) and len(claimed) == len(answer):
        order = [canonical(str(v)) for v in q.variables] or list(claimed)
        if set(order) == set(claimed):       # one claim per component: the vector they make
            current = tuple(claimed[name][0] for name in order)
            restated = any(claimed[name][1] for name in order)
    first_wrong = next((c.number for c in checks if c.kind == "step" and not c.follows), None)
    unreadable = tuple(number for number, _ in walk.unreadable)
    if first_wrong is None and current is not UNKNOWN and walk.current_at is not None:
        at = checks[walk.current_at]
        if not same(answer, current, is_approximate(at.text), walk.options):
            checks[walk.current_at] = replace(at, follows=False, feedback=(
                phrase(lang, "steps.not the answer"), *mistake(answer, current, walk.options)))
        elif restated:
            checks[walk.current_at] = replace(at, follows=False, feedback=(phrase(lang, "steps.restated", line=at.number),))
        first_wrong = None if checks[walk.current_at].follows else at.number
    wrong = next((c for c in checks if c.kind == "step" and not c.follows), None)
    unread = tuple(phrase(lang, "steps.unreadable line", line=n, reason=r) for n, r in walk.unreadable)
    if wrong is not None and wrong.feedback[:1] == (phrase(lang, "steps.restated", line=wrong.number),):
        feedback = (*wrong.feedback, *unread)            # it follows, but stops before the value
    elif wrong is not None:
        feedback = (phrase(lang, "steps.wrong", line=wrong.number), *wrong.feedback, *unread)
    elif unread:
        feedback = (*unread, phrase(lang, "steps.partly"))
    elif walk.current_at is None:
        feedback = (phrase(lang, "steps.no value" if count else "steps.no formulas"),)
    else:
        feedback = (phrase(lang, "steps.correct", lines=count) if count > 1 else phrase(lang, "steps.correct one"),)
    correct = wrong is None and not unread and walk.current_at is not None
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


