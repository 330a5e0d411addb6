"""The key of a bank problem: its derived answer and the check options its question sets.

The bank is the teacher's file, trusted; a student's answer is not. So the key is derived in the
caller's process, outside the limits of the sandboxed check, and kept per (bank as it is now,
problem, variant): a check's time limit counts the student's answer alone, and a problem whose
solution takes seconds (a network, a program, a training run) is solved once, not once per answer.
Every path that checks a bank problem gets its key here: ``check_bank_answer``, ``symnn grade``
and the practice service.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .labels import alternatives
from .options import CheckOptions
from .reference import BadReference
from .statement_names import statement_constants, statement_names

MAX_KEYS = 4096     # keys kept (each student's variant of a problem is one)


@dataclass(frozen=True)
class BankKey:
    """A problem's answer, as ``symnn solve`` derives it, and the (option, value) pairs its question
    sets: its tolerance, the names it defines, the function and point of a gradient."""

    answer: object
    question: tuple

    def options(self, **given) -> CheckOptions:
        """The check's options: the question's, with ``given`` (language, time limit; the caller's
        own tolerances) over them."""
        return CheckOptions.from_dict({**dict(self.question), **given})


def bank_key(problem_id: str, bank=None, variant: int | None = None) -> BankKey:
    """The key of ``problem_id`` in ``bank`` (a folder; relative to the current directory; default:
    the shipped bank), for a student's ``variant`` of it; BadReference when the problem cannot be
    found or solved (an unknown id, a file with an error)."""
    from ..problems.bank import bank_version
    try:
        version = bank_version(bank)
    except ValueError as error:                       # BankError: no bank there
        raise BadReference(str(error)) from None
    return _derived(version, problem_id, variant)


@functools.lru_cache(maxsize=MAX_KEYS)
def _derived(version: tuple, problem_id: str, variant: int | None) -> BankKey:
    from ..problems.named_values import given_values
    from ..problems.solve import question_options, solve
    try:
        solution = solve(problem_id, version[0], variant)
        question = question_options(solution.problem)
        question.update(statement_names(solution.problem, question, solution.answer))     # $z = wx + b$: z a name
    except (ValueError, TypeError) as error:          # BankError and ParseError among them
        raise BadReference(str(error)) from None
    own = component_names(solution)
    given, computed = given_values(solution)
    point = () if "point" in question else work_point(solution.work) or named(given)
    constants = statement_constants(solution.problem.statement.get("en") or "")       # a = 1.5 of the statement
    transposed = transposed_array(solution.problem)
    return BankKey(solution.answer, tuple(question.items()) + ((("component_names", own),) if own else ()) +
                   ((("point", point),) if point else ()) + ((("values", named(computed)),) if computed else ()) +
                   ((("constants", constants),) if constants else ()) +
                   ((("transposes", transposed),) if transposed else ()) +
                   ((("percent", True),) if is_percentage(solution.work) else ()) + statement_functions(solution.problem, question) +
                   labelled(solution) + point_formulas(solution.work) + run_points(solution) + step_slips(solution.work) +
                   matrix_derivative(solution.work))


# the letter of a run's point in its statement: x_0 = (…), \mathbf{x}_0 = (…), x^{(0)} = (…), W(0) = (…), x_i = (1 − a)^i x_0
_POINT = re.compile(r"(?:\\mathbf\{([A-Za-z])\}|(?<![\\\w])([A-Za-z]))\s*(?:_\s*\{?\s*(?:0|i|k|t)\s*\}?|\^\s*\{?\s*\(\s*0\s*\)\s*\}?"
                    r"|\(\s*0\s*\))\s*=\s*\(")


def run_points(solution) -> tuple:
    """The options naming an optimizer's run (``CheckOptions.iterates``): its points, the start and the point after
    each step, and the letters they are named by: the statement's letter of its point (x of x_0 = (0.5, 0.5)) and the
    letter of the variables that are one vector's coordinates (x of x1, x2); () for any other problem."""
    work = solution.work
    steps = work.steps if type(work).__name__ in ("OptimizerRun", "NewtonRun") else \
        (work,) if type(work).__name__ in ("OptimizerStep", "NewtonStep") else ()
    if not steps or not isinstance(solution.answer, tuple) or tuple(steps[-1].result) != tuple(solution.answer):
        return ()
    statement = (getattr(solution.problem, "statement", None) or {}).get("en", "")
    letters = [a or b for a, b in _POINT.findall(statement)]
    heads = {re.sub(r"_?\d+$", "", str(v)) for v in steps[0].variables}
    if len(heads) == 1 and all(re.fullmatch(r"[A-Za-z]_?\d+", str(v)) for v in steps[0].variables):
        letters += list(heads)
    if not letters:
        return ()
    points = (tuple(steps[0].start), *(tuple(step.result) for step in steps))
    return (("iterates", points), ("iterate_names", tuple(dict.fromkeys(letters))))


def point_formulas(work) -> tuple:
    """The option giving the formulas whose values at the point the answer's parts are, where the question has no
    function of its own to derive them from: df/dt in t of a total derivative (each part's, ∂f/∂s and ∂f/∂t)."""
    parts = work.parts if type(work).__name__ == "ChainGradient" else (work,)
    if not all(type(part).__name__ == "TotalDerivative" and part.value is not None for part in parts):
        return ()
    return (("formulas", tuple(part.derivative for part in parts)),)


# a letter the statement makes σ, the function, not its value: f = \sigma entry by entry (not f = \sigma(x))
_FUNCTION = re.compile(r"(?<![\\\w])([A-Za-z])\s*=\s*\\sigma(?![A-Za-z(_^'])")


def statement_functions(problem, question: dict) -> tuple:
    """The option that reads a letter the statement defines as σ (f = σ entry by entry) as σ, f(XW₁) as σ(XW₁):
    (("functions", (("f", "σ"),)),), or () when the statement defines none, or the name is defined already."""
    statement = getattr(problem, "statement", None) or {}
    named = {name for name, _ in question.get("names", ())}
    letters = dict.fromkeys(m for m in _FUNCTION.findall(statement.get("en", "")) if m not in named)
    return (("functions", tuple((letter, "σ") for letter in letters)),) if letters else ()


def is_percentage(work) -> bool:
    """The answer is a percentage: a MAPE, defined with 100 % (its value 11.95 may be written 11.95 %)."""
    return type(work).__name__ == "LossValue" and getattr(work, "name", None) == "mape"


def transposed_array(problem) -> str | None:
    """The array an array problem asks transposed (data of data.T, np.transpose(data), data.transpose()), or None."""
    import re
    expr = str(problem.data.get("expr", "")) if problem.kind == "array" else ""
    found = re.fullmatch(r"\s*(?:([A-Za-z_]\w*)\s*\.\s*(?:T|transpose\(\s*\))|np\.transpose\(\s*([A-Za-z_]\w*)\s*\))\s*", expr)
    return (found[1] or found[2]) if found else None


def named(pairs) -> tuple:
    """(name, value) pairs as the options hold them: each name as text."""
    return tuple((str(name), value) for name, value in pairs)


def work_point(work) -> tuple:
    """The point of a gradient or Jacobian of a vector function at a point, as (name, value) pairs, (x1, 1),
    (x2, −2), … (a formula in x, 4x, is then checked there); () for any other work."""
    point = getattr(work, "point", None)
    if type(work).__name__ == "Jacobian" and point:
        return tuple((str(name), value) for name, value in point)
    variables = getattr(work, "variables", ())
    if type(work).__name__ in ("QuadraticGradient", "ResidualGradient") and point and len(point) == len(variables):
        return tuple((str(name), value) for name, value in zip(variables, point))
    return ()


def labelled(solution) -> tuple:
    """The options that let the check read an answer's labels: its parts' names as the key's answer line
    writes them (h1, h2, y; F', F''; w_1, w_2; L), the problem's other named quantities (each example's loss
    L_i of a mean L), and whether the problem has a square, a power or a ½ (for the factor-of-2 hint)."""
    from ..problems.answer_labels import compared_labels, component_labels, has_powers, quantities
    from .shown_values import readable
    try:
        labels, others = component_labels(solution), quantities(solution)
        named, compared = compared_labels(solution, readable)    # σ′(3) ≈ 0.0452; σ′(3)/σ′(0) ≈ 0.181: the comparison too
        labels, others = labels or named, others + compared
    except (AttributeError, TypeError, KeyError, IndexError):       # a kind of work whose parts it does not know
        labels, others = (), ()
    labels = iterate_labels(labels or difference_labels(solution), solution.problem)
    return ((("labels", labels),) if labels else ()) + ((("quantities", others),) if others else ()) + \
        (("powers", has_powers(solution.problem) or _powers(solution.answer)),)


# w^1, w^{(1)}, w^{k+1} in a statement: the index of an iterate, not a power
_ITERATE = r"(?<![\\\w]){name}\s*\^\s*\{{?\s*\(?\s*(\d+|[kt]\s*\+\s*1)\s*\)?\s*\}}?"


def iterate_labels(labels: tuple, problem) -> tuple:
    """The parts' names with the spellings of the new iterate, where the statement writes one of them with an
    iterate's index (w^1 = w^0 − …): w¹, w^1, w_1, w⁺ and w_new then name w, and b¹ … b; unchanged elsewhere."""
    statement = " ".join((getattr(problem, "statement", None) or {}).values())
    names = [alternatives(entry)[0] for entry in labels]
    found = [(match[1].replace(" ", ""), match) for name in names if name.isidentifier()
             for match in re.finditer(_ITERATE.format(name=re.escape(name)), statement)]
    # w^1 = …, w^{(1)}, w^{k+1}: an iterate; x^2 + y^2 alone, never written w^2 = …, is a power
    indices = [index for index, _ in found] if any(
        "(" in match[0] or not index.isdigit() or re.match(r"\s*=", statement[match.end():]) for index, match in found) else []
    if not indices:
        return labels
    newest = max(indices, key=lambda index: (not index.isdigit(), int(index) if index.isdigit() else 0))
    return tuple(tuple(dict.fromkeys((*alternatives(entry), f"{name}^{newest}", f"{name}^+", f"{name}_new")))
                 if name.isidentifier() else entry for entry, name in zip(labels, names))


def difference_labels(solution) -> tuple:
    """The parts of a finite-difference answer by name, (D(0.01), ∂f/∂x) in the key's order: the estimate
    D(ε) (also D, D(eps)) and the derivative ∂f/∂x (also df/dx, f'(x)); () for any other problem."""
    work, answer = solution.work, solution.answer
    if type(work).__name__ != "CentralDifference" or not isinstance(answer, tuple) or len(answer) != 2:
        return ()
    epsilon, x = work.estimate[0], work.var
    estimate = (f"D({float(epsilon):g})", "D", "D(ε)", "D(eps)", f"D_{float(epsilon):g}")
    derivative = (f"∂f/∂{x}", f"df/d{x}", f"f'({x})", "f'")
    names = tuple(derivative if part == work.derivative else estimate for part in answer)
    return names if len(set(names)) == 2 else ()


def _powers(answer) -> bool:
    """The key itself has a square, a power or a ½ (1 − f², (1 + αx²)^(−3/2), x/2)."""
    import sympy as sp
    values = answer if isinstance(answer, tuple) else (answer,)
    return any(isinstance(v, sp.Basic) and (v.has(sp.Rational(1, 2)) or any(
        not p.exp.is_Integer or abs(p.exp) != 1 for p in v.atoms(sp.Pow))) for v in values)


def component_names(solution) -> tuple:
    """Per component of the answer, the names of its own: in the table of activations, the derivative of row k
    may be written through that row's output f (σ′ = αf(1 − f) with f = σ(αx)), and must be where the
    table's answer is; () for any other problem."""
    if solution.problem.kind != "activation-table":
        return ()
    from ..nn.activations import f
    rows = tuple(((f.name, activation.definition),) for activation, _ in solution.work.rows)
    return rows + ((),) * (len(solution.answer) - len(rows))     # softmax's ∂s_i/∂x_j: written through s, no f


def step_slips(work) -> tuple:
    """The slips of the chain rule through the iterates of a map (``CheckOptions.slips``): (gⁿ)′(x₀) = g′(x₀)⋯g′(x_{n−1})
    with one factor fewer or more (n − 1 or n + 1 steps: (1 − a)⁴ or (1 − a)⁶ for (1 − a)⁵), and the iterate x_n itself."""
    if type(work).__name__ != "IteratedMap":
        return ()
    import sympy as sp
    slopes, n, x = [slope for *_, slope in work.rows], work.n, work.var
    fewer = (("check.step off", sp.Mul(*slopes[:-1]), (("got", n - 1), ("n", n))),) if n > 1 else ()
    more = ("check.step off", work.answer * work.derivative.xreplace({x: work.last}), (("got", n + 1), ("n", n)))
    point = ("check.iterate for derivative", work.last, (("x", x.name), ("n", n), ("start", work.rows[0][1])))
    return (("slips", fewer + (more, point)),)


def matrix_derivative(work) -> tuple:
    """The options of a derivative of a formula of matrices (``nn.matrix_expansion``): the Jacobian's size (m×n of
    df/dx, f of m entries by x of n) where the function is a vector, and the function's terms free of the variable
    (b of Ax + b), whose derivative is 0."""
    if type(work).__name__ != "ExpandedGradient":
        return ()
    import sympy as sp
    constant = tuple(term for term in sp.Add.make_args(sp.expand(work.function))
                     if not any(s.name.removesuffix("ᵀ") == str(work.wrt) for s in term.free_symbols))
    shapes = {str(name): shape for name, shape in work.shapes}
    size = ((shapes.get(str(constant[0]), ("m",))[0] if constant else "m"), shapes.get(str(work.wrt), ("n",))[0]) \
        if work.jacobian == "column" else ()
    return (((("constant_terms", (work.wrt, constant)),) if constant else ()) +
            ((("jacobian", size),) if size else ()))

