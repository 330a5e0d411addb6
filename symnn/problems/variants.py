"""Per-student variants of a bank problem, declared in its data file (no Python):

```toml
[problem.variants.parameters]
x0 = { range = [1, 4] }                 # a whole number from 1 to 4
y0 = { choices = ["1/2", "1/3", "2"] }  # one of these
[problem.variants.data]
at = "x = [[x0]], y = [[y0]], z = 0"     # the problem's fields, with [[name]] for a parameter
[problem.variants.statement]
en = 'Find the gradient ... at the point $([[x0]], [[y0]], 0)$.'
```

Variant K is deterministic: its parameters are drawn from a generator seeded by the problem
and K, and a draw whose problem is degenerate (it cannot be solved, its answer is zero, not
finite or not real) is thrown away for the next one. A student's K comes from a seed, the
problem and the student's id, and no two students of a roster share the same numbers while
the parameters allow it. The answer of a variant is derived by the same solver as ``symnn solve``.

>>> from symnn.problems.bank import get_problem
>>> first = variant_problem(get_problem("4.6"), 7)
>>> first.variant, first.data["at"] == variant_problem(get_problem("4.6"), 7).data["at"]
(7, True)
"""

from __future__ import annotations

import dataclasses
import hashlib
import random
import re

import sympy as sp

from .bank import BankError, Problem
from .point_schema import with_ordered_point

MAX_DRAWS = 200          # draws tried before a variant is declared impossible
MAX_VARIANT = 10 ** 9
_SLOT = re.compile(r"\[\[\s*([A-Za-z_]\w*)\s*\]\]")


def _draw(parameters: dict, rng: random.Random) -> dict:
    values = {}
    for name, spec in parameters.items():
        if "choices" in spec:
            values[name] = rng.choice(spec["choices"])
        else:
            low, high = spec["range"]
            allowed = [v for v in range(low, high + 1) if v not in spec.get("exclude", [])]
            values[name] = rng.choice(allowed)
    return values


def _filled(template, values: dict):
    """A field of the problem with its [[name]] slots filled (lists field by field)."""
    if isinstance(template, list):
        return [_filled(item, values) for item in template]
    if not isinstance(template, str):
        return template
    whole = _SLOT.fullmatch(template.strip())
    if whole:                                    # a slot alone keeps the parameter's own value (a number stays one)
        return values[whole[1]]
    return _SLOT.sub(lambda m: str(values[m[1]]), template)


_MATH = re.compile(r"\$[^$]*\$")


def as_latex(value) -> str:
    r"""A parameter's value as a formula shows it: ``pi/2`` is \frac{\pi}{2}, not p·i/2.

    >>> as_latex("pi/2"), as_latex(3), as_latex("1/3")
    ('\\frac{\\pi}{2}', '3', '\\frac{1}{3}')
    """
    from ..calculus.parse import parse_expr_safe
    return sp.latex(parse_expr_safe(str(value)))


def _stated(template: str, values: dict) -> str:
    """A statement with its slots filled: inside $...$ as LaTeX, in prose as written."""
    typeset = {name: as_latex(value) for name, value in values.items()}
    inside = _MATH.sub(lambda m: _SLOT.sub(lambda s: typeset[s[1]], m[0]), template)
    return _SLOT.sub(lambda m: str(values[m[1]]), inside)


def with_parameters(problem: Problem, values: dict, k: int) -> Problem:
    spec = problem.variants
    data = with_ordered_point(problem.kind, {**problem.data, **{name: _filled(t, values)
                                                                for name, t in spec.get("data", {}).items()}})
    statement = {**problem.statement, **{lang: _stated(t, values) for lang, t in spec.get("statement", {}).items()}}
    return dataclasses.replace(problem, data=data, statement=statement, published=None, slips={}, expected=None, note={},
                               variant=k, parameters=tuple(values.items()))


def degenerate(answer) -> str | None:
    """Why an answer makes a useless variant, or None: a zero, trivial, infinite or non-real answer."""
    items = tuple(answer) if isinstance(answer, (tuple, list, sp.MatrixBase)) else (answer,)
    exprs = [sp.sympify(a, strict=True) for a in items]
    if any(e.has(sp.zoo, sp.nan, sp.oo, -sp.oo) for e in exprs):
        return "not finite"
    numbers = [e for e in exprs if e.is_number]
    if any(e.is_real is False for e in numbers):
        return "not real"
    if all(e == 0 for e in exprs):
        return "zero"
    return None


def variant_problem(problem: Problem, k: int) -> Problem:
    """Variant ``k`` of ``problem``: the first non-degenerate draw of its parameters."""
    from .solve import solve
    if not problem.variants:
        raise BankError(f"problem {problem.id} has no variants")
    if not (isinstance(k, int) and 1 <= k <= MAX_VARIANT):
        raise BankError(f"a variant is a whole number from 1 to {MAX_VARIANT}, got {k!r}")
    rng = random.Random(f"{problem.id}/{k}")
    for _ in range(MAX_DRAWS):
        candidate = with_parameters(problem, _draw(problem.variants["parameters"], rng), k)
        try:
            if degenerate(solve(candidate).answer) is None:
                return candidate
        except (ValueError, TypeError, ZeroDivisionError, ArithmeticError):
            continue                                 # cannot be solved (a division by zero, a point outside the domain)
    raise BankError(f"problem {problem.id}: no variant {k} found in {MAX_DRAWS} draws; widen its parameters")


def student_variant(seed: int, problem_id: str, student: str) -> int:
    """The variant a student gets: a hash of the seed, the problem and the student's id."""
    digest = hashlib.sha256(f"{seed}\0{problem_id}\0{student}".encode()).digest()
    return 1 + int.from_bytes(digest[:8], "big") % MAX_VARIANT


def assign(problem: Problem, students, seed: int) -> list[tuple[str, Problem]]:
    """Each student's own variant, in roster order; students get distinct numbers while any are left."""
    taken, out = set(), []
    for student in students:
        k = student_variant(seed, problem.id, student)
        for _ in range(MAX_DRAWS):
            chosen = variant_problem(problem, k)
            if chosen.parameters not in taken:
                break
            k = k % MAX_VARIANT + 1                  # the same numbers as another student: the next variant
        taken.add(chosen.parameters)
        out.append((student, chosen))
    return out
