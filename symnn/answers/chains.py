"""The sides of a chain a = b = c: each must equal the answer, the last side. A side may be the formula before
the problem's point is put in (∇F = (y, x + 4y) = (10, 45)), a decimal computed from rounded numbers on the way
(0.9526 · 0.2494 ≈ 0.2376), or, for a vector, one formula in the vector's name (∇f = 4x = (4, −8, 12)), put in
entry by entry at the point x = (x₁, x₂, x₃). A formula is put in with the problem's named values too: the point,
what the problem computes from it (``CheckOptions.values``: ∂f/∂z = q = 3 of a program q = x + y; x = cos t of a
total derivative) and its other quantities (L = (L₁ + L₂ + L₃)/3). A formula in names none of these give (2Ax) is
not checked where the answer is a number: a note says so."""

from __future__ import annotations

import re
from decimal import Decimal

import sympy as sp

from ..calculus.expressions import as_expr
from ..calculus.gradient import exact_number
from ..calculus.parse import is_condition
from .compare import canonical_name, compare_scalar
from .entries import SOFTMAX, has_indices, softmax_values, written_out
from .question import renamed
from .shown_values import key_rounding, readable

WRONG_FORMULA = object()    # a side that has the answer's value at the point, but is not the formula asked for


def chain_checked(ref, ref_places, answer, options, say, verdict):
    """A chain is right only when every side is: the verdict on the first side that is not, or ``verdict``
    (with a note naming a side that could not be evaluated). A side of a named component is held to that
    component."""
    unchecked = []
    apart = "; " if options.lang == "ru" else ", "
    formulas = point_formulas(ref, options)
    for step in answer.steps:
        if isinstance(step, tuple) and len(step) == 2 and isinstance(step[0], int) and isinstance(ref, tuple):
            index, side = step
            holds, value = side_holds(ref[index], ref_places[index], side, answer.decimals[index], options, formulas[index])
            final = _as_typed(answer.value[index], answer.decimals[index])
        elif isinstance(ref, tuple) and isinstance(step, sp.Basic) and step.free_symbols:
            side, values = step, vector_at_point(step, len(ref), options)   # ∇f = 4x = (4, −8, 12)
            if values is None:
                unchecked.append(readable(renamed(side, options, back=True)))
                continue
            holds = all(side_holds(r, p, v, d, options)[0] for r, p, v, d in zip(ref, ref_places, values, answer.decimals))
            value, final = "(" + apart.join(readable(v) for v in values) + ")", None
        elif isinstance(step, tuple) and isinstance(ref, tuple):        # J = [[2xy, x²], [5, cos y]] = [[0, 1], [5, 1]]
            side = step
            found = [side_holds(r, p, v, d, options, f) for r, p, v, d, f in zip(ref, ref_places, side, answer.decimals, formulas)]
            formula = any(at is WRONG_FORMULA for _, at in found)        # (30x, …) of (15x², …): said as a formula
            found = [(h, None if at is WRONG_FORMULA else at) for h, at in found]
            holds = None if any(h is None for h, _ in found) and all(h is not False for h, _ in found) else \
                all(h for h, _ in found)
            value = "(" + apart.join(readable(v if at is None else at) for v, (_, at) in zip(side, found)) + ")" \
                if any(at is not None for _, at in found) and not formula else WRONG_FORMULA if formula else None
            final = None
        else:
            side, final = step, _as_typed(answer.value, answer.decimals[0])
            holds, value = (False, None) if isinstance(side, tuple) or isinstance(ref, tuple) else \
                side_holds(ref, ref_places[0], side, answer.decimals[0], options, formulas[0])
        if holds is None:
            unchecked.append(readable(renamed(side, options, back=True)))
        elif not holds:
            side = renamed(side, options, back=True)          # said in the letters the student sees
            return type(verdict)(False, 0.0, (say("check.wrong"), _wrong_side(side, value, final, say)), "chain", answer)
    if unchecked:
        return type(verdict)(verdict.correct, verdict.score, verdict.feedback +
                             (say("note.chain unchecked", steps=", ".join(unchecked)),), verdict.decided_by, answer,
                             verdict.components)
    return verdict


def _wrong_side(side, value, final, say) -> str:
    """What is wrong with a side: its value with the problem's values put in (q = 3, −ln(3/5) ≈ 0.5108, a
    vector's at the point), said beside the answer it should equal, or the side alone."""
    if value is WRONG_FORMULA:
        return say("check.chain step formula", step=readable(side))
    if isinstance(value, str):
        return say("check.chain step at point", step=readable(side), value=value)
    number = side if value is None else value
    if final is None or not isinstance(number, sp.Basic) or not number.is_number or side.is_Rational:
        return say("check.chain step", step=readable(side))
    exact = number.is_Rational and (number * 10 ** 4).is_Integer          # 3, −1.25: the number itself
    shown = f"= {format(Decimal(int(number.p)) / Decimal(int(number.q)), 'f')}" if exact else \
        f"≈ {format(key_rounding(number), 'f')}"
    return say("check.chain step value", step=readable(side), value=shown, answer=readable(final))


def _as_typed(value, places):
    """A value as the answer typed it: a decimal with its places (0.693, not 693/1000)."""
    return sp.Float(value, 30).round(places) if places is not None and isinstance(value, sp.Basic) and value.is_number \
        else value


def point_formulas(ref, options) -> tuple:
    """Per component of the answer, the formula whose value at the problem's point it is: the derivative of the
    problem's function by the variable asked for that component (15x² of ∂f/∂x = 60 at x = 2), or the formula the
    key gives (``options.formulas``: df/dt in t); None for a component that is not that value (an estimate D(ε)),
    or for every one where the problem gives no formula and point."""
    values = ref if isinstance(ref, tuple) else (ref,)
    variables = [options.wrt] if options.wrt is not None else list(options.variables)
    given = len(options.formulas) == len(values)                 # df/dt of a total derivative, given by the key
    if not options.point or not given and (options.function is None or len(variables) != len(values)):
        return (None,) * len(values)
    function = sp.Tuple(*options.formulas) if given else as_expr(options.function)
    symbols = {canonical_name(s.name, options.index_names): s for s in function.free_symbols}
    point = {canonical_name(str(name), options.index_names): exact_number(value) for name, value in options.point}
    if set(symbols) - set(point):
        return (None,) * len(values)
    formulas = []
    for k, (variable, value) in enumerate(zip(variables if not given else values, values)):
        symbol = None if given else symbols.get(canonical_name(str(variable), options.index_names))
        derivative = options.formulas[k] if given else sp.diff(function, symbol) if symbol is not None else None
        at = None if derivative is None else derivative.xreplace({s: point[n] for n, s in symbols.items()})
        right = derivative is not None and value.is_number and compare_scalar(value, at, options)[0]
        formulas.append(derivative if right else None)
    return tuple(formulas)


def named_values(options) -> dict:
    """{canonical name: value} of every value the problem names: the numbers its statement gives (a = 1.5), its point,
    what it computes from the point (``values``) and its other quantities (L_1 of a mean loss)."""
    pairs = (*options.constants, *options.point, *options.values, *((name, value) for name, value, *_ in options.quantities))
    named = {}
    for name, value in pairs:
        try:
            named[canonical_name(str(name), options.index_names)] = exact_number(value)    # 2.9 as 29/10, "79/15"
        except (ValueError, TypeError):
            continue                            # not a number: a name whose value is not known
    return named


def vector_at_point(side, length: int, options):
    """The entries of a formula in a vector's name at the problem's point, where the point gives the vector's
    entries (x = (x₁, …, xₙ) for 4x, with n the answer's length): 4x at (1, −2, 3) is (4, −8, 12); a name of
    one number (x₁) is that number in every entry; None when the formula has a name the point does not give
    (A of 2Ax, or no point at all). A formula of an entry over its index (softmax(o)_j − y_j) is written out
    entry by entry, each in the problem's named values (o_1, y_1, …)."""
    point = named_values(options)
    if has_indices(side):
        sides = written_out(side, (length,))
        named = lambda value: {canonical_name(s.name, options.index_names) for s in value.free_symbols} <= set(point)  # noqa: E731
        if sides is None or not all(named(entry) for entry in sides):
            return None
        return tuple(entry.xreplace({s: point[canonical_name(s.name, options.index_names)] for s in entry.free_symbols})
                     for entry in sides)
    entries = {}
    for symbol in side.free_symbols:
        name = canonical_name(symbol.name, options.index_names)
        names = [f"{name}_{k}" for k in range(1, length + 1)]
        if all(n in point for n in names):
            entries[symbol] = [point[n] for n in names]
        elif name in point:
            entries[symbol] = [point[name]] * length
        else:
            return None
    return tuple(side.xreplace({s: values[k] for s, values in entries.items()}) for k in range(length))


def side_holds(ref, ref_place, side, final_places, options, formula=None):
    """(does the side hold, its value at the problem's named values or None). A side holds when it equals the
    expected value; when it is the formula before the problem's values are put in (∇F = (y, x + 4y) = (10, 45),
    ∂f/∂z = q = 3); or, for a side computed from rounded numbers on the way to a decimal (0.9526 · 0.2494 ≈
    0.2376, σ(w₅h₁ + w₆h₂) with h₁ ≈ 0.9526 typed before), when it is within one unit of the last place the answer was given to. Whether it holds is None when
    a number is expected and the side has names whose values the problem does not give: it cannot be checked.
    A side in the variables of the problem's function, whose value at the point the answer is (``formula``: 2xy of
    ∂f/∂x = 12 at (2, 3)), is that formula, compared as one: 2xy, or 6x with y = 3 put in, and not x² + 8, which
    is 12 at x = 2 too."""
    if not isinstance(side, sp.Basic):
        return False, None
    if formula is not None and side.free_symbols:
        written = {canonical_name(s.name, options.index_names) for s in side.free_symbols}
        point = {canonical_name(str(name), options.index_names): value for name, value in options.point}
        if written <= {canonical_name(s.name, options.index_names) for s in formula.free_symbols}:
            rest = formula.xreplace({s: exact_number(point[canonical_name(s.name, options.index_names)])
                                     for s in formula.free_symbols if canonical_name(s.name, options.index_names) not in written})
            at = side.xreplace({s: exact_number(point[canonical_name(s.name, options.index_names)]) for s in side.free_symbols})
            if compare_scalar(rest, side, options)[0]:
                return True, at
            if compare_scalar(ref, at, options, None, ref_place)[0]:
                return False, WRONG_FORMULA
            if not any(not n.is_Integer for n in side.atoms(sp.Rational)):
                return False, at
            # a coefficient typed as a rounded decimal (0.3333x for x/3): judged by its value, as below
    if compare_scalar(ref, side, options, None, ref_place)[0]:
        return True, None
    point = named_values(options)
    side = _softmax_of_named(side, point)                   # softmax(o)_1 of the problem's o_1, o_2, o_3
    condition = is_condition(ref) and is_condition(side)     # a < 1/λ_max of a < 1/λ_max = 0.5: its bound's names
    names = {s: canonical_name(s.name, options.index_names) for s in side.free_symbols - (ref.free_symbols if condition else set())}
    at = side
    if names and set(names.values()) <= set(point):
        at = side.xreplace({s: point[n] for s, n in names.items()})
        if compare_scalar(ref, at, options, None, ref_place)[0]:
            return True, at
    elif names and (ref.is_number or condition):
        return None, None
    if at.is_number and final_places is not None and ref.is_number:
        return bool(abs(sp.N(at - ref, 30)) <= sp.Rational(1, 10 ** final_places)), (at if names else None)
    return False, (at if names else None)


def bound_of_chain(ref, answer, options, say) -> str | None:
    """Where a condition's bound is a chain (0 < a < 2/50 = 0.4) whose condition as first written is right and the
    value it ends in is not: what says so, with the bound's value and the one written; None otherwise."""
    steps = [step for step in answer.steps if isinstance(step, sp.Basic) and is_condition(step)]
    held = next(((step, at) for step in steps for holds, at in (side_holds(ref, None, step, None, options),) if holds), None)
    if held is None:
        return None
    (held, at), value = held, answer.value       # α < 1/λ_max, and α < 1/2 with the problem's λ_max put in
    try:
        expected, written = (held if at is None else at).as_set().boundary, value.as_set().boundary
    except (NotImplementedError, TypeError, ValueError, AttributeError):
        return None
    right, wrong = expected - written, written - expected
    if not (right.is_FiniteSet and wrong.is_FiniteSet and len(right) == len(wrong) == 1):
        return None
    return say("check.condition bound", condition=readable(held), bound=readable(next(iter(right))),
               value=readable(next(iter(wrong))))


def _softmax_of_named(side, point: dict):
    """softmax(o)_k in a side, written out over the entries o_1, o_2, … the problem names (as many as it names)."""
    vectors = {m[1] for s in side.free_symbols for m in [re.fullmatch(rf"{SOFTMAX}([A-Za-z]\w*)_\d+", s.name)] if m}
    for vector in vectors:
        size = next(k for k in range(1, len(point) + 2) if f"{vector}_{k}" not in point) - 1
        if size:
            side = softmax_values(side, size)
    return side
