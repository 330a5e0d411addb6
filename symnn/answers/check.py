"""check_answer: read, compare, explain, in a worker that can be killed.

The verdict says whether the answer is right, the score (partial credit for
vectors), the check that decided, and feedback in the reader's language.
The work runs in a separate process with a wall-clock limit and a memory
cap, so no input can hang or crash the caller.
"""

from __future__ import annotations

import re
from dataclasses import replace

import sympy as sp

from ..calculus.expressions import as_expr
from ..calculus.functions import sigmoid
from ..calculus.notation import shown as quoted
from ..calculus.parse import ParseError, is_condition
from ..lang import phrase
from .chains import bound_of_chain, chain_checked
from .compare import compare_scalar, form_ok, solved
from .compared_tail import split_compared, with_compared
from .components import check_vector, explained
from .components import typeset as _typeset  # noqa: F401 - grading's
from .conditions import condition_form, decimal_ends
from .feedback import local, reading_notes, verdict_first
from .iterates import judged_iterates, lone_iterate, written_iterates
from .keys import bank_key
from .labelled_scalars import asked_part, decimal_text, labelled_scalar, with_work
from .labels import alternatives, group_keys, label_key, problem_keys, shown_name, spoken_name, unasked_parts
from .layout import bracketed_pair, written_axes
from .matrices import is_matrix_formula, row_for_column
from .options import CheckOptions
from .percents import percent_read
from .question import (
    aliased,
    as_vector,
    by_label,
    defined,
    has_kink,
    is_refusal,
    own_terms,
    prepared,
    refusal,
    renamed,
    shape_said,
    shown_names,
    through,
    written_shape,
)
from .read import has_transpose, raised, read_answer
from .reference import BadReference, read_reference, reference_shape
from .sandbox import run_limited
from .shown_values import name_shown, readable, shown  # noqa: F401 - shown: grading's
from .verdict import DECIDED_BY, Verdict  # noqa: F401 - DECIDED_BY: the callers'


def check_answer(reference, answer: str, **options) -> Verdict:
    """Check ``answer`` (LaTeX or plain text) against ``reference``.

    ``reference`` is an expression, text (LaTeX or plain, read like an answer),
    or a tuple/list of them for a vector. Options are the fields of CheckOptions
    (tolerances, conventions, ``timeout``, ``lang``, and the question for feedback).
    The reference is read and compared in the same sandboxed worker as the answer.

    >>> check_answer("1/3", "0,333").correct
    True
    >>> v = check_answer((60, -162, 1), "(60, 162, 1)")
    >>> v.correct, round(v.score, 2), v.feedback[1]
    (False, 0.67, 'Component 2: the sign is wrong: the answer is the negative of the correct one.')
    """
    settings = CheckOptions.from_dict(options)
    return _limited(reference, answer, settings)


def check_bank_answer(problem_id: str, answer: str, bank=None, variant: int | None = None, **options) -> Verdict:
    """Check ``answer`` against a bank problem (``bank``: a folder, relative to the current directory;
    ``variant``: a student's variant of it). The problem is solved here, once (``answers.keys``: the
    bank is trusted), so the time limit counts the answer alone; BadReference if it cannot be solved."""
    CheckOptions.from_dict(options)                       # the caller's options, refused before any work
    key = bank_key(problem_id, bank, variant)
    try:
        settings = key.options(**options)
    except (ValueError, TypeError) as error:          # the problem's tolerance is not a setting
        raise BadReference(f"problem {problem_id}: {error}") from None
    return _limited(key.answer, answer, settings)


def _limited(reference, answer: str, settings: CheckOptions) -> Verdict:
    """``_check`` in the sandboxed worker: a verdict, or why none could be reached."""
    try:
        return run_limited(_check, (reference, answer, settings), settings.timeout, settings.memory_mb)
    except BadReference:
        raise
    except Exception as error:   # noqa: BLE001 - an answer must never crash the caller
        return _failure(settings, error)


def _failure(settings, error) -> Verdict:
    """The verdict when the check itself could not finish: out of time, out of memory, or broken."""
    if isinstance(error, TimeoutError):
        return Verdict(False, 0.0, (phrase(settings.lang, "check.timeout", seconds=settings.timeout),), "timeout")
    if isinstance(error, MemoryError):
        return Verdict(False, 0.0, (phrase(settings.lang, "check.crashed"),), "crashed")
    return Verdict(False, 0.0, (phrase(settings.lang, "check.failed"),), "error")


def _question_symbols(ref, options):
    """The names the problem knows (for reading wx as w·x) and the argument of σ it uses."""
    values = ref if isinstance(ref, tuple) else (ref,)
    names = {s.name.removesuffix("ᵀ") for v in values for s in v.free_symbols}
    names |= {str(v) for v in options.variables} | ({str(options.wrt)} if options.wrt is not None else set())
    if options.function is not None:
        names |= {s.name for s in as_expr(options.function).free_symbols}
    # the point's names and the values': f of f = −12 stays the label of the answer's part, not a value; x of z⁺
    # (also written z) or of a step's new x = x − a·x is the point's x
    labels = {label_key(alternatives(entry)[0]) for entry in options.labels}
    names |= {str(name) for name, _ in options.point}
    names |= {str(name) for name, _ in options.values if label_key(str(name)) not in labels}
    arguments = {f.args[0] for v in values for f in v.atoms(sigmoid)}
    if options.function is not None:
        arguments |= {f.args[0] for f in as_expr(options.function).atoms(sigmoid)}
    return names, (arguments.pop() if len(arguments) == 1 else None)


def _check(reference, text, options: CheckOptions) -> Verdict:
    matrices = has_transpose(reference)
    shape = reference_shape(reference)
    ref, ref_places = read_reference(reference, matrices)
    # a transpose written where the key is a formula of matrices is one (2xᵀA is no 2Ax), whether or not the key has one
    # the letters of a key of matrices are matrices in the answer too, transpose or not: their order counts (2xA is no 2Ax)
    matrices = matrices or not isinstance(ref, tuple) and is_matrix_formula(ref)
    if matrices:          # a Greek letter that is a matrix or vector of the key is one in the answer: the θ of Φθ by θ
        matrices = frozenset(s.name.removesuffix("ᵀ") for v in (ref if isinstance(ref, tuple) else (ref,))
                             for s in v.free_symbols if not s.is_commutative) or True
    lang = options.lang
    say = lambda key, **values: phrase(lang, key, **local(values, lang))   # noqa: E731
    known, shorthand = _question_symbols(ref, options)
    text, compared = split_compared(text, options)        # for y = tanh(…): dy/dx ≈ 0.0188; ratio …: checked as work
    ref, text, known, names = prepared(ref, aliased(text, options), known, options)
    text = refusal(ref, raised(text) if is_refusal(ref) else written_shape(text) if options.shape else text)
    if is_refusal(ref) and text != str(ref):         # NumPy refuses the operation: any value is wrong, and why
        return Verdict(False, 0.0, (say("check.wrong"), say("check.refused")), "shape")
    text, said = shape_said(text) if options.array_shape else (text, None)     # [2 5 6], shape (3,)
    text, percent = percent_read(text, options.percent)
    text, read_as = _interval_of(ref, text)
    try:
        answer = read_answer(text, expected_length=len(ref) if isinstance(ref, tuple) else None, known=known,
                             shorthand=shorthand, natural_log=options.natural_log,
                             russian_notation=options.russian_notation, decimal_comma=options.decimal_comma,
                             matrices=matrices, labels=problem_keys(options), groups=group_keys(options))
    except (ParseError, ValueError, TypeError, RecursionError) as error:
        if isinstance(error, ParseError) and error.key == "a list" and not isinstance(ref, tuple) and is_condition(ref):
            return Verdict(False, 0.0, (say("check.wrong"), condition_form(ref, say)), "shape")     # {0, 2/7}: no condition
        reason = error.in_language(lang) if isinstance(error, ParseError) else phrase(lang, "reader.syntax", text=quoted(text), hint="")
        return Verdict(False, 0.0, (say("check.unreadable", reason=reason),), "unreadable")
    if read_as:
        answer = replace(answer, notes=answer.notes + (("note.interval", read_as),))
    if percent:                                           # an MAE of 20 %: read as 0.2, and said
        answer = replace(answer, notes=answer.notes + (percent,))
    written = answer                                      # in the letters the student sees
    if answer.restates:
        verdict = Verdict(False, 0.0, (say("check.wrong"), say("check.restates")), "restates", answer)
    else:
        answer = by_label(defined(answer, names, options), options) if isinstance(ref, tuple) else \
            defined(answer, names, options)
        ref, answer, own = own_terms(ref, answer, options)      # f of each component's own row put in
        extra = unasked_parts(answer, options) if isinstance(ref, tuple) else ()
        verdict = _unasked(answer, extra, options, say) if extra else _judged(ref, ref_places, answer, options, say, shape, own)
        if not isinstance(ref, tuple) and answer.value is not None and not answer.is_vector:
            verdict = labelled_scalar(ref, ref_places, answer, options, say, verdict)
        if verdict.correct and (options.array_shape or _rows_of_a_matrix(reference, text)):
            verdict = _axes_checked(reference, text, say, answer) or _axes_checked(reference, said, say, answer) or verdict
        if verdict.correct:
            verdict = chain_checked(ref, ref_places, answer, options, say, verdict)
        if verdict.correct and not through(written.value, options):
            verdict = Verdict(False, 0.5, (say("check.through", names=", ".join(map(name_shown, options.through))),), "form", answer)
    verdict = with_compared(verdict, compared, options, say)
    read = () if verdict.correct else reading_notes(renamed(ref, options, back=True), written.value, known,
                                                     verdict.decided_by != "letter", shown_names(options))
    foreign = [(key, values) for key, values in read if key.startswith("note.unknown letter")]
    # Σᵢ (σ(xᵢᵀw) − yᵢ)xᵢ where the key is of matrices: the sum in entries (its shapes no matrices'), asked in matrix form
    entries = bool(foreign) and bool(matrices) and index_form(text, written.value)
    # z where the problem has no z: the value could not be compared, so no wrong verdict but a request (a wrong shape or
    # form, decided without the value, is said as it is)
    if foreign and (entries or verdict.decided_by not in ("shape", "form", "letter", "restates")):
        reason = say("check.index form", names=foreign[0][1]["names"]) if entries else say(*foreign[0][:1], **foreign[0][1])
        verdict, read = Verdict(False, 0.0, (say("check.unchecked", reason=reason),), "unreadable", answer), \
            tuple(note for note in read if not note[0].startswith("note.unknown letter"))
    notes = tuple(say(key, **values) for key, values in answer.notes + read)
    if verdict.correct and has_kink(ref, answer.value):
        notes += (say("note.kink"),)
    return replace(verdict, feedback=verdict_first(verdict.feedback + notes, verdict.correct, verdict.score, lang))


def _unasked(answer, extra, options, say) -> Verdict:
    """An answer with labelled parts the problem does not have (a bias b of a perceptron without one)."""
    names = ", ".join(spoken_name(entry, options.lang) for entry in options.labels)
    return Verdict(False, 0.0, (say("check.wrong"), say("check.unasked parts", labels=", ".join(extra), names=names)),
                   "shape", answer)


def _interval_of(ref, text):
    """Where a condition on one variable is asked for, an interval (0, 2) alone means a ∈ (0, 2): (the
    text to read, and the note's values, or None) — (0,2) is a pair of ends there, never 0.2. An end is a
    number, ∞ or a formula of numbers ((0, 2/7), (0; \\frac{2}{7}), ]0, √2[), read by the answer's reader;
    a union of intervals alone, (−∞, −1) ∪ (1, ∞), is the variable's too (without a note)."""
    if isinstance(ref, tuple) or not is_condition(ref) or len(ref.free_symbols) != 1:
        return text, None
    pieces = re.split(r"\s*(∪|∩|\\cup\b|\\cap\b)\s*", text)
    intervals = [_interval(bracketed_pair(piece)) for piece in pieces[::2]]
    if None in intervals:
        return text, None
    variable = next(iter(ref.free_symbols))
    joined = "".join(f" {operator} " + read for operator, (read, _) in zip(["", *pieces[1::2]], intervals)).strip()
    return f"{variable} in {joined}", ({"variable": readable(variable), **intervals[0][1]} if len(intervals) == 1 else None)


def _interval(pair):
    """(the interval as the reader takes it, the note's values of it) of a bracketed pair, or None when it is
    none or an end is no number (an end of letters: the reader says why). ]0, 1[ is open at both ends, as
    French and ISO write it: read as (0, 1)."""
    if pair is None:
        return None
    opening, *ends, closing = pair
    read, shown_ends = [], []
    for end in ends:
        if re.fullmatch(r"-?(\d+([.,]\d+)?|∞)", end):
            read.append(end)
            shown_ends.append(end.replace(",", "."))                  # the note in the reader's decimals
            continue
        try:
            value = read_answer(end).value
        except (ParseError, ValueError, TypeError, RecursionError):
            return None
        if isinstance(value, tuple) or not isinstance(value, sp.Expr) or value.free_symbols:
            return None
        read.append(f"({value})")
        shown_ends.append(readable(value))
    text = f"{'(' if opening == ']' else opening}{read[0]}; {read[1]}{')' if closing == '[' else closing}"
    return text, {"opening": opening, "start": shown_ends[0], "end": shown_ends[1], "closing": closing}


def _judged(ref, ref_places, answer, options, say, shape=None, own=None) -> Verdict:
    """The verdict on the answer's value (``own``: for a vector whose components have names of their own,
    the reference as written, their formulas, and the names each answer's component leaves out)."""
    if isinstance(ref, tuple) and not answer.is_vector:
        answer = as_vector(answer, ref, shape, options)
    points = written_iterates(ref, answer, options)
    if points:                  # x_1 = (0.49, 0.25), x_2 = (0.4802, 0.125): the run's points, x_2 the answer
        return judged_iterates(ref, ref_places, answer, options, say, check_vector, points)
    other = lone_iterate(ref, answer, options, say)
    if other:                   # x_1 = (…) alone where x_2 is asked: another point of the run
        return other
    if isinstance(ref, tuple):
        return check_vector(ref, ref_places, answer, options, say, shape, own)
    if is_condition(ref) and answer.is_vector and all(is_condition(v) for v in answer.value):
        answer = replace(answer, value=sp.And(*answer.value), decimals=(None,))      # a > 0, a < 2: both hold
    if answer.is_vector and asked_part(answer, options) is not None:     # L_1 = …, L_2 = …, L = …: L judged
        return with_work(ref, ref_places, answer, options, say, _judged)
    if answer.is_vector:            # (0, x) or 0, 2/7 for a condition: its form said, not "a single value"
        reason = (say("check.wrong"), condition_form(ref, say)) if is_condition(ref) else (say("check.not scalar"),)
        return Verdict(False, 0.0, reason, "shape", answer)
    if is_condition(ref) != is_condition(answer.value):      # a = 2/7 for 0 < a < 2/7, or the other way round
        reason = condition_form(ref, say, "check.condition") if is_condition(ref) else say("check.not condition")
        return Verdict(False, 0.0, (say("check.wrong"), reason), "shape", answer)
    letter = _other_letter(ref, answer.value)
    if letter:                  # 0 < a < 0.04 where the problem's variable is α: said first, plainly
        return Verdict(False, 0.0, (say("check.condition letter", **letter),), "letter", answer)
    correct, decided_by = compare_scalar(ref, answer.value, options, answer.decimals[0], ref_places[0])
    if not correct and decided_by in ("matrices", "shape") and options.by_vector is not False \
            and row_for_column(ref, answer.value, options.symmetric, options.identity):
        return Verdict(True, 1.0, (say("check.correct"), say("note.row layout")), "matrices", answer)   # 2xᵀA for 2Ax
    if correct and is_condition(ref) and solved(ref) and not solved(answer.value):    # |1 − a| < 1 for 0 < a < 2
        return Verdict(False, 0.0, (say("check.wrong"), say("check.unsolved", variable=shown_name(ref.free_symbols.pop().name))), "form", answer)
    if correct and not form_ok(answer.value, options.form):
        return Verdict(False, 0.5, (say(f"check.form.{options.form}"),), "form", answer)
    if correct:
        return Verdict(True, 1.0, (say("check.correct"), say(f"check.decided.{decided_by}", exact=decimal_text(ref))),
                       decided_by, answer)
    ends = decimal_ends(ref, answer.value, say, answer) if is_condition(ref) else None
    if ends:                    # 0 < a < 0.2857 for 0 < a < 2/7: a rounded end; 0.2857142857142857: the end as a double
        return ends
    bound = bound_of_chain(ref, answer, options, say) if is_condition(ref) else None
    if bound:                   # 0 < a < 2/50 = 0.4: the condition right, the value of its bound not
        return Verdict(False, 0.0, (say("check.wrong"), bound), "chain", answer)
    lines = [say("check.wrong"), *explained(ref, answer.value, answer.decimals[0], decided_by, options, say)]
    return Verdict(False, 0.0, tuple(lines), decided_by, answer)


def _other_letter(ref, value) -> dict | None:
    """A condition on one variable written on another letter (0 < a < 0.04 for α): the problem's letter and the
    answer's, as shown (α, a); None otherwise."""
    if not (is_condition(ref) and is_condition(value)):
        return None
    expected, got = {s.name for s in ref.free_symbols}, {s.name for s in value.free_symbols}
    if len(expected) != 1 or len(got) != 1 or expected == got:
        return None
    return {"letter": shown_name(expected.pop()), "written": shown_name(got.pop())}


def _rows_of_a_matrix(reference, text) -> bool:
    """A matrix answer written explicitly as rows ([[-1, -1]], a pmatrix): its shape is part of the answer,
    so the 1×2 row is not the 2×1 column W₁W₂. A flat list ((−1, −1)) is read as the matrix's entries."""
    written = written_axes(text)
    return isinstance(reference, sp.MatrixBase) and written is not None and len(written) == 2


def _axes_checked(reference, text, say, answer) -> Verdict | None:
    """A NumPy array's right entries written in another shape (``text``: the array, or the shape said, (3, 1)):
    [6, 15] for keepdims' [[6], [15]] (2×1), or [[29], [67]] for the one-axis [29 67]; None when the shape
    written is the array's (or none is written)."""
    written = text if isinstance(text, tuple) or text is None else \
        written_axes(re.sub(r"^\s*(?:np\.)?array\((.*)\)\s*$", r"\1", text, flags=re.S))
    axes = tuple(reference.shape) if isinstance(reference, sp.MatrixBase) else \
        (len(reference),) if isinstance(reference, (tuple, list)) else None
    if written is None or axes is None or written == axes:
        return None
    reason = say("check.matrix shape", rows=axes[0], columns=axes[1]) if len(axes) == 2 else say("check.one axis")
    if isinstance(text, tuple) and len(text) == len(axes):        # shape (2,) said of the array [2 5 6]
        reason = say("check.shape said", said="×".join(map(str, text)), shape="×".join(map(str, axes)))
    return Verdict(False, 0.0, (say("check.wrong"), reason), "shape", answer)


def index_form(text: str, value) -> bool:
    """An answer written entry by entry: a sum Σ over an index, or letters with an index (x_i, y[i])."""
    values = value if isinstance(value, tuple) else (value,)
    return bool(re.search(r"\\sum|[Σ∑]|\bsum\b", text)) or any(isinstance(v, sp.Basic) and v.has(sp.Indexed, sp.Sum) for v in values)

